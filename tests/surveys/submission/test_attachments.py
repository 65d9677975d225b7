"""Attachments: only PDF, DOCX, ODT and XLSX, recognised by content; kept privately; downloadable
only by those who may see the reply; removable by its contact persons while it is answerable."""

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.roles import Role
from surveys.answering.progress import reply_progress
from surveys.answering.services import ReplyLocked
from surveys.models import Attachment, ReplyStatus
from surveys.questionnaires.selectors import version_with_content
from surveys.submission.attachments import (
    AttachmentRefused,
    attachment_add,
    attachment_check,
    attachment_remove,
)
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


# --- Files of each kind, built in memory --------------------------------------------------------


def pdf_bytes(text: str = "The Prisons Act") -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        + f"% {text}\n".encode()
        + b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


def _zip(parts: dict[str, bytes | str], *, stored_first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:
            archive.writestr(stored_first, parts[stored_first], compress_type=zipfile.ZIP_STORED)
        for name, content in parts.items():
            if name != stored_first:
                archive.writestr(name, content)
    return buffer.getvalue()


def _content_types(main: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/main.xml" ContentType="{main}"/></Types>'
    )


def docx_bytes(main: str = DOCX_MAIN, **extra) -> bytes:
    return _zip(
        {
            "[Content_Types].xml": _content_types(main),
            "word/document.xml": "<w:document><w:body><w:p>Prisons Act</w:p></w:body></w:document>",
            **extra,
        }
    )


def xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Prison population"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def odt_bytes(mimetype: str = "application/vnd.oasis.opendocument.text", **extra) -> bytes:
    return _zip(
        {"mimetype": mimetype, "content.xml": "<office:document-content/>", **extra},
        stored_first="mimetype",
    )


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def law_question(reply):
    return reply.cycle.version.questions.get(code="B.5")


# --- What a file is ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("Prisons Act.pdf", pdf_bytes(), "application/pdf"),
        (
            "policy.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "figures.XLSX",
            xlsx_bytes(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("strategy.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
    ],
)
def test_it_accepts_each_kind_by_its_content(name, content, content_type):
    assert attachment_check(upload=upload(name, content)).content_type == content_type


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "law.pdf",
            docx_bytes(),
            "“law.pdf”: the name ends in .pdf but the file is a Word document (DOCX).",
        ),
        (
            "law.pdf",
            _zip({"notes.txt": "not a document"}),
            "“law.pdf”: the name ends in .pdf but the file is not a PDF document.",
        ),
        (
            "setup.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200,
            "“setup.pdf”: the name ends in .pdf but the file is not a PDF document.",
        ),
        (
            "setup.exe",
            b"MZ\x90\x00" + b"\x00" * 200,
            "“setup.exe”: only PDF, Word (.docx), OpenDocument text (.odt) and Excel (.xlsx) "
            "files are accepted.",
        ),
        (
            "figures.docx",
            xlsx_bytes(),
            "“figures.docx”: the name ends in .docx but the file is an Excel workbook (XLSX).",
        ),
        (
            "figures.xlsx",
            pdf_bytes(),
            "“figures.xlsx”: the name ends in .xlsx but the file is a PDF document.",
        ),
        (
            "sheet.odt",
            odt_bytes(mimetype="application/vnd.oasis.opendocument.spreadsheet"),
            "“sheet.odt”: the name ends in .odt but the file is not an OpenDocument text (ODT).",
        ),
        (
            "macros.docx",
            docx_bytes("application/vnd.ms-word.document.macroEnabled.main+xml"),
            "“macros.docx”: the file contains macros, which are not accepted.",
        ),
        (
            "hidden.docx",
            docx_bytes(**{"word/vbaProject.bin": b"\x00" * 10}),
            "“hidden.docx”: the file contains macros, which are not accepted.",
        ),
        (
            "macros.odt",
            odt_bytes(**{"Basic/Standard/Module1.xml": "<script/>"}),
            "“macros.odt”: the document contains macros, which are not accepted.",
        ),
        (
            "budget.xlsm",
            xlsx_bytes(),
            "“budget.xlsm”: files with macros are not accepted.",
        ),
        ("empty.pdf", b"", "“empty.pdf”: the file is empty."),
    ],
)
def test_it_refuses_a_file_whose_content_is_not_what_is_accepted(name, content, message):
    with pytest.raises(AttachmentRefused) as refused:
        attachment_check(upload=upload(name, content))
    assert refused.value.message.startswith(message)


def test_it_refuses_a_file_over_the_configured_size(settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    with pytest.raises(AttachmentRefused) as refused:
        attachment_check(upload=upload("big.pdf", b"%PDF-1.4" + b" " * 2040))
    assert refused.value.message == (
        "“big.pdf”: the file is 2.0\xa0KB, more than the 1000\xa0bytes allowed."
    )


def test_it_refuses_an_archive_that_would_unpack_to_a_huge_size(settings):
    settings.ATTACHMENT_MAX_UNCOMPRESSED_BYTES = 5 * 1024 * 1024
    bomb = docx_bytes(**{"word/media/zeros.bin": b"\x00" * (10 * 1024 * 1024)})
    assert len(bomb) < 50_000  # small on the wire, ten megabytes unpacked
    with pytest.raises(AttachmentRefused) as refused:
        attachment_check(upload=upload("bomb.docx", bomb))
    assert refused.value.message == (
        "“bomb.docx”: the file would unpack to more than 5.0\xa0MB; it is refused as unsafe."
    )


def test_it_refuses_an_archive_with_too_many_parts():
    parts = {f"word/media/{n}.xml": "" for n in range(1001)}
    with pytest.raises(AttachmentRefused) as refused:
        attachment_check(upload=upload("parts.docx", docx_bytes(**parts)))
    assert refused.value.message == (
        "“parts.docx”: the file holds more than 1000 parts; it is refused as unsafe."
    )


# --- Adding, downloading, removing ---------------------------------------------------------------


def test_a_contact_person_adds_a_file_stored_privately_under_a_token(
    reply, state_a_contact, law_question, private_media
):
    attachment = attachment_add(
        reply=reply, by=state_a_contact, upload=upload("Prisons Act.pdf", pdf_bytes()),
        question=law_question,
    )  # fmt: skip
    assert attachment.original_name == "Prisons Act.pdf"
    assert attachment.file.name == f"replies/{reply.pk}/{attachment.token}"
    assert len(attachment.token) >= 40 and "Prisons" not in attachment.file.name
    stored = Path(private_media) / attachment.file.name
    assert stored.read_bytes() == pdf_bytes()
    assert attachment.size == len(pdf_bytes()) and len(attachment.sha256) == 64


def test_a_file_answers_its_file_question(reply, state_a_contact, law_question):
    version = version_with_content(pk=reply.cycle.version_id)

    def answered():
        return {p.code: p.answered for p in reply_progress(reply=reply, version=version)}["B"]

    before = answered()
    attachment = attachment_add(
        reply=reply, by=state_a_contact, upload=upload("a.pdf", pdf_bytes()), question=law_question
    )
    assert answered() == before + 1
    attachment_remove(attachment=attachment, by=state_a_contact)
    assert answered() == before


def test_only_the_replys_own_contact_persons_add_or_remove_files(
    reply, state_b_contact, reviewer, state_a_contact
):
    for outsider in (state_b_contact, reviewer):
        with pytest.raises(PermissionDenied):
            attachment_add(reply=reply, by=outsider, upload=upload("a.pdf", pdf_bytes()))
    attachment = attachment_add(
        reply=reply, by=state_a_contact, upload=upload("a.pdf", pdf_bytes())
    )
    with pytest.raises(PermissionDenied):
        attachment_remove(attachment=attachment, by=state_b_contact)


def test_it_refuses_a_file_for_a_question_that_takes_none(reply, state_a_contact):
    question = reply.cycle.version.questions.get(code="A.1")
    with pytest.raises(AttachmentRefused, match="A.1 does not take a file"):
        attachment_add(
            reply=reply, by=state_a_contact, upload=upload("a.pdf", pdf_bytes()), question=question
        )


def test_files_no_longer_change_once_the_reply_is_submitted(reply, state_a_contact):
    attachment = attachment_add(
        reply=reply, by=state_a_contact, upload=upload("a.pdf", pdf_bytes())
    )
    reply.status = ReplyStatus.SUBMITTED
    reply.save()
    with pytest.raises(ReplyLocked):
        attachment_add(reply=reply, by=state_a_contact, upload=upload("b.pdf", pdf_bytes()))
    with pytest.raises(ReplyLocked):
        attachment_remove(attachment=attachment, by=state_a_contact)


# --- The pages --------------------------------------------------------------------------------


def page_url(reply):
    return reverse("surveys:reply_attachments", args=[reply.pk])


def test_the_page_uploads_a_file_for_a_question(client_for, reply, state_a_contact, law_question):
    client = client_for(state_a_contact)
    response = client.post(
        page_url(reply),
        {
            "target": str(law_question.pk),
            f"q{law_question.pk}-file": upload("Act.pdf", pdf_bytes()),
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == page_url(reply) + "#attach-B.5"
    attachment = Attachment.objects.get()
    assert attachment.question == law_question
    assert "“Act.pdf” has been added to the reply." in response.content.decode()
    assert (
        reverse("surveys:attachment_download", args=[attachment.token]) in response.content.decode()
    )


def test_the_page_uploads_a_supporting_document_with_its_description(
    client_for, reply, state_a_contact
):
    client_for(state_a_contact).post(
        page_url(reply),
        {
            "target": "supporting",
            "supporting-file": upload("Strategy.odt", odt_bytes()),
            "supporting-description": "National strategy 2025-2030",
        },
    )
    attachment = Attachment.objects.get()
    assert attachment.question is None and attachment.description == "National strategy 2025-2030"


def test_a_bad_upload_is_refused_naming_the_file_and_saves_nothing(
    client_for, reply, state_a_contact, law_question, private_media
):
    response = client_for(state_a_contact).post(
        page_url(reply),
        {
            "target": str(law_question.pk),
            f"q{law_question.pk}-file": upload("law.pdf", docx_bytes()),
        },
    )
    assert response.status_code == 422
    assert (
        "“law.pdf”: the name ends in .pdf but the file is a Word document (DOCX)."
        in response.content.decode()
    )
    assert not Attachment.objects.exists()
    assert not [path for path in Path(private_media).rglob("*") if path.is_file()]


def test_the_download_gives_the_file_as_an_attachment_with_its_own_name(
    client_for, reply, state_a_contact
):
    attachment = attachment_add(
        reply=reply, by=state_a_contact, upload=upload("Loi pénitentiaire.pdf", pdf_bytes())
    )
    response = client_for(state_a_contact).get(
        reverse("surveys:attachment_download", args=[attachment.token])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Loi%20p%C3%A9nitentiaire.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))
    assert "private" in response["Cache-Control"]


def test_the_secretariat_reads_the_files_but_does_not_change_them(
    client_for, reply, state_a_contact, reviewer
):
    attachment = attachment_add(
        reply=reply, by=state_a_contact, upload=upload("a.pdf", pdf_bytes())
    )
    client = client_for(reviewer)
    assert (
        client.get(reverse("surveys:attachment_download", args=[attachment.token])).status_code
        == 200
    )
    page = client.get(page_url(reply))
    assert page.status_code == 200 and b"upload-form" not in page.content
    assert client.post(page_url(reply), {"target": "supporting"}).status_code == 403
    remove = reverse("surveys:attachment_remove", args=[attachment.token])
    assert client.post(remove).status_code == 403


@pytest.mark.parametrize("outsider", ["state_b_contact", "delegate", None])
def test_outsiders_never_get_a_file_nor_the_page(
    request, client_for, reply, state_a_contact, outsider
):
    attachment = attachment_add(
        reply=reply, by=state_a_contact, upload=upload("a.pdf", pdf_bytes())
    )
    user = request.getfixturevalue(outsider) if outsider else None
    client = client_for(user)
    download = reverse("surveys:attachment_download", args=[attachment.token])
    remove = reverse("surveys:attachment_remove", args=[attachment.token])
    expected = {"state_b_contact": 404, "delegate": 403, None: 302}[outsider]
    for response in (client.get(download), client.get(page_url(reply)), client.post(remove)):
        assert response.status_code == expected
        if expected == 302:
            assert response["Location"].startswith(reverse("login"))
    assert Attachment.objects.get().removed_at is None


def test_an_unknown_token_is_not_found(client_for, state_a_contact):
    url = reverse("surveys:attachment_download", args=["no-such-token"])
    assert client_for(state_a_contact).get(url).status_code == 404


def test_a_colleague_removes_a_file_and_it_is_no_longer_offered(
    client_for, reply, state_a_contact, reference_data
):
    colleague = user_with_role(Role.CONTACT_PERSON, state_a_contact.respondent, username="ken-2")
    attachment = attachment_add(
        reply=reply, by=state_a_contact, upload=upload("a.pdf", pdf_bytes())
    )
    client = client_for(colleague)
    response = client.post(
        reverse("surveys:attachment_remove", args=[attachment.token]), follow=True
    )
    assert "“a.pdf” has been removed." in response.content.decode()
    attachment.refresh_from_db()
    assert attachment.removed_at is not None and attachment.file.storage.exists(
        attachment.file.name
    )
    download = reverse("surveys:attachment_download", args=[attachment.token])
    assert client.get(download).status_code == 404
    assert download not in client.get(page_url(reply)).content.decode()


def test_the_page_makes_the_same_number_of_queries_whatever_the_files(
    client_for, reply, state_a_contact, law_question, django_assert_num_queries
):
    client = client_for(state_a_contact)
    attachment_add(reply=reply, by=state_a_contact, upload=upload("a.pdf", pdf_bytes()))
    # session, user with their respondent (the menu's), reply, file questions, files
    with django_assert_num_queries(5):
        client.get(page_url(reply))
    for n in range(5):
        attachment_add(
            reply=reply, by=state_a_contact, upload=upload(f"{n}.pdf", pdf_bytes()),
            question=law_question if n % 2 else None,
        )  # fmt: skip
    with django_assert_num_queries(5):
        assert client.get(page_url(reply)).content.decode().count('data-testid="file"') == 6
