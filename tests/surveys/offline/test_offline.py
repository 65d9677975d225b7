"""A reply offline: download it as a workbook, fill it in, upload it, check the changes, confirm."""

import copy
import datetime
import io
import shutil
import subprocess
import zipfile

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.models import User
from surveys.answering.services import answer_save
from surveys.models import Answer, AnswerChange, Channel, ReplyStatus
from surveys.offline.services import reply_xlsx_read
from surveys.questionnaires.documents import document_from_dict
from tests.services import require_service
from tests.surveys.replies import approved_version, open_cycle, reply_for
from tests.surveys.samples import SAMPLE, sample_document
from tests.surveys.workbooks import edited

pytestmark = pytest.mark.django_db

ANSWER, OTHER, QUESTION_ID, ITEM, REPLY_ID, REVISION = "E", "F", "H", "I", "J", "K"


@pytest.fixture
def colleague(state_a_contact):
    return User.objects.create(
        username="colleague", role="contact_person", respondent=state_a_contact.respondent
    )


def save(reply, code, value, by, other_text="", channel=Channel.WEB):
    question = reply.cycle.version.questions.get(code=code)
    answer = Answer.objects.filter(reply=reply, question=question).first()
    return answer_save(
        reply=reply, question=question, value=value, other_text=other_text,
        base_revision=answer.revision if answer else 0, by=by, channel=channel,
    )  # fmt: skip


def value(reply, code):
    answer = Answer.objects.filter(reply=reply, question__code=code).first()
    return answer.value if answer else None


def download(client, reply, language="en") -> bytes:
    url = reverse("surveys:reply_xlsx_download", args=[reply.pk])
    response = client.get(url, {"language": language})
    assert response.status_code == 200, response.content[:300]
    assert {"private", "no-store"} <= set(
        response["Cache-Control"].replace(" ", "").split(",")
    )  # a reply's answers, never cached
    return response.content


def upload(client, reply, data: bytes, name="reply.xlsx"):
    url = reverse("surveys:reply_xlsx_upload", args=[reply.pk])
    return client.post(url, {"file": _file(data, name)})


def _file(data, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def open_workbook(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def row_of(sheet, code: str, item: str | None = None) -> int:
    for number in range(2, sheet.max_row + 1):
        if sheet[f"A{number}"].value == code and (sheet[f"{ITEM}{number}"].value or None) == item:
            return number
    raise LookupError((code, item))


def fill(data: bytes, answers: dict) -> bytes:
    """`data` with answer cells set: {code: value} or {(code, item): value}."""

    def edit(workbook):
        sheet = workbook["Answers"]
        for key, cell_value in answers.items():
            code, item = key if isinstance(key, tuple) else (key, None)
            column = ANSWER
            if isinstance(cell_value, tuple):  # (answer, other text)
                cell_value, other = cell_value
                sheet[f"{OTHER}{row_of(sheet, code, item)}"] = other
            sheet[f"{column}{row_of(sheet, code, item)}"] = cell_value

    return edited(data, edit)


def confirm(client, response, **choices):
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.post(response["Location"], {"confirm": "1", **choices}, follow=True)


# --- The workbook ------------------------------------------------------------------------------


def test_the_workbook_is_in_the_chosen_language_and_holds_the_answers(
    reply, state_a_contact, client_for
):
    save(reply, "A.1", "1200", state_a_contact)
    save(reply, "A.2", "yes", state_a_contact)
    save(reply, "A.2.1", "other", state_a_contact, other_text="Chaque semaine")
    save(reply, "B.1", ["probation", "fine"], state_a_contact)
    save(reply, "B.2", {"fine": "partly"}, state_a_contact)
    save(reply, "A.5", "2025-03-01", state_a_contact)
    save(reply, "B.3", '=HYPERLINK("http://example.org")', state_a_contact)
    workbook = open_workbook(download(client_for(state_a_contact), reply, "fr"))
    assert workbook.sheetnames[:2] == ["Answers", "About"]
    sheet = workbook["Answers"]
    a1, a2 = row_of(sheet, "A.1"), row_of(sheet, "A.2")
    assert sheet[f"C{a2}"].value == "Existe-t-il un organe d'inspection ?"
    assert sheet[f"B{a2}"].value == "A. Personnes détenues"
    assert (sheet[f"E{a1}"].value, sheet[f"E{a2}"].value) == (1200, "Oui")
    # English where French is missing (the version's original language)
    assert sheet[f"C{row_of(sheet, 'A.3')}"].value == "Taux d'occupation"
    a21 = row_of(sheet, "A.2.1")
    assert (sheet[f"E{a21}"].value, sheet[f"F{a21}"].value) == (
        "Autre (veuillez préciser)", "Chaque semaine",
    )  # fmt: skip
    # multiple choice: one row per option, "Oui" beside the chosen ones
    marks = {item: sheet[f"E{row_of(sheet, 'B.1', item)}"].value for item in
             ("probation", "community_service", "fine", "other")}  # fmt: skip
    assert marks == {"probation": "Oui", "community_service": None, "fine": "Oui", "other": None}
    assert sheet[f"C{row_of(sheet, 'B.1', 'fine')}"].value == "Amende"
    # table: one row per table row, the column's label
    assert sheet[f"E{row_of(sheet, 'B.2', 'fine')}"].value == "En partie"
    assert sheet[f"E{row_of(sheet, 'A.5')}"].value == datetime.datetime(2025, 3, 1)
    # an answer that looks like a formula stays text
    b3 = sheet[f"E{row_of(sheet, 'B.3')}"]
    assert (b3.value, b3.data_type) == ('=HYPERLINK("http://example.org")', "s")
    b5 = sheet[f"E{row_of(sheet, 'B.5')}"]  # a file question says to attach it on the portal
    assert b5.value and b5.protection.locked
    # hidden keys: question id, reply id, revision at download
    question = reply.cycle.version.questions.get(code="A.1")
    assert (sheet[f"H{a1}"].value, sheet[f"J{a1}"].value, sheet[f"K{a1}"].value) == (
        question.pk, reply.pk, 1,
    )  # fmt: skip
    assert all(sheet.column_dimensions[c].hidden for c in "HIJK")
    # the sheet is protected; only the answer cells (and usable "other" cells) are open
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet[f"C{a1}"].protection.locked and not sheet[f"E{a1}"].protection.locked
    assert sheet[f"F{a1}"].protection.locked and not sheet[f"F{a21}"].protection.locked
    # drop-down lists with the labels in French
    lists = workbook["Lists"]
    assert lists.sheet_state == "hidden"
    by_cell = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            by_cell[cell_range.coord] = validation
    a2_list = by_cell[f"E{a2}"]
    assert a2_list.type == "list"
    column = a2_list.formula1.split("!")[1].split(":")[0].replace("$", "")[0]
    assert [lists[f"{column}{n}"].value for n in (1, 2)] == ["Oui", "Non"]
    assert by_cell[f"E{a1}"].type == "whole" and by_cell[f"E{a1}"].formula2 == "1000000"
    # the About sheet: who, which cycle, when, and the instructions
    about = "\n".join(
        str(v) for row in workbook["About"].iter_rows(values_only=True) for v in row if v
    )
    assert "Kenya" in about and "Test cycle 2027" in about and "2027-01-31" in about
    assert reverse("surveys:reply_xlsx_upload", args=[reply.pk]) in about
    keys = dict(workbook["portal"].iter_rows(values_only=True))
    assert workbook["portal"].sheet_state == "hidden"
    assert (keys["reply"], keys["language"], keys["respondent"]) == (str(reply.pk), "fr", "KEN")


def test_the_arabic_workbook_reads_right_to_left(reply, state_a_contact, client_for):
    workbook = open_workbook(download(client_for(state_a_contact), reply, "ar"))
    sheet = workbook["Answers"]
    assert sheet.sheet_view.rightToLeft
    assert sheet[f"B{row_of(sheet, 'A.1')}"].value == "A. الأشخاص المحتجزون"


def test_an_unknown_language_is_not_found(reply, state_a_contact, client_for):
    url = reverse("surveys:reply_xlsx_download", args=[reply.pk])
    assert client_for(state_a_contact).get(url, {"language": "xx"}).status_code == 404


# --- The round trip ----------------------------------------------------------------------------


def test_three_changes_in_the_file_are_shown_and_saved_on_confirmation(
    reply, state_a_contact, client_for
):
    save(reply, "A.1", "1200", state_a_contact)
    save(reply, "B.4", "Old text", state_a_contact)
    client = client_for(state_a_contact)
    data = fill(download(client, reply), {"A.1": 1350, "A.2": "Yes", "B.4": "Overcrowding."})
    response = upload(client, reply, data)
    assert AnswerChange.objects.filter(channel=Channel.XLSX).count() == 0
    preview = client.get(response["Location"])
    content = preview.content.decode()
    assert content.count('data-testid="change"') == 3
    for code in ("A.1", "A.2", "B.4"):
        assert f'data-code="{code}"' in content
    assert "1,200 persons" in content and "1,350 persons" in content and "Old text" in content
    assert value(reply, "A.1") == "1200"  # nothing changes before confirmation

    done = confirm(client, response)
    assert 'data-testid="outcome"' in done.content.decode()
    assert (value(reply, "A.1"), value(reply, "A.2"), value(reply, "B.4")) == (
        "1350", "yes", "Overcrowding.",
    )  # fmt: skip
    changes = AnswerChange.objects.filter(channel=Channel.XLSX)
    assert sorted(c.answer.question.code for c in changes) == ["A.1", "A.2", "B.4"]
    assert {c.changed_by for c in changes} == {state_a_contact}
    # confirming again (a reload, a double click) saves nothing more
    client.post(response["Location"], {"confirm": "1"})
    assert AnswerChange.objects.filter(channel=Channel.XLSX).count() == 3


def test_multiple_choices_tables_other_and_dates_read_back(reply, state_a_contact, client_for):
    client = client_for(state_a_contact)
    data = fill(
        download(client, reply, "fr"),
        {
            ("B.1", "probation"): "oui",
            ("B.1", "fine"): "x",
            ("B.1", "other"): ("Oui", "Médiation"),
            ("B.2", "probation"): "Pleinement",
            ("B.2", "fine"): "En partie",
            "A.2.1": ("Autre (veuillez préciser)", "Chaque semaine"),
            "A.5": datetime.date(2024, 12, 31),
            "A.3": 0.75,
        },
    )
    confirm(client, upload(client, reply, data))
    assert value(reply, "B.1") == ["probation", "fine", "other"]
    assert Answer.objects.get(reply=reply, question__code="B.1").other_text == "Médiation"
    assert value(reply, "B.2") == {"probation": "fully", "fine": "partly"}
    assert value(reply, "A.2.1") == "other"
    assert (value(reply, "A.5"), value(reply, "A.3")) == ("2024-12-31", "0.75")


def test_a_file_with_no_change_changes_nothing(reply, state_a_contact, client_for):
    save(reply, "A.1", "5", state_a_contact)
    client = client_for(state_a_contact)
    response = upload(client, reply, download(client, reply))
    preview = client.get(response["Location"])
    assert 'data-testid="no-change"' in preview.content.decode()
    assert 'data-testid="confirm"' not in preview.content.decode()


def test_cancelling_imports_nothing(reply, state_a_contact, client_for):
    client = client_for(state_a_contact)
    response = upload(client, reply, fill(download(client, reply), {"A.1": 7}))
    client.post(response["Location"], {"cancel": "1"})
    assert value(reply, "A.1") is None
    # the token is spent
    assert client.get(response["Location"])["Location"].endswith("/xlsx/upload/")


def test_a_change_made_on_the_portal_since_the_download_is_a_conflict_kept_unless_chosen(
    reply, state_a_contact, colleague, client_for
):
    save(reply, "A.1", "100", state_a_contact)
    client = client_for(state_a_contact)
    data = fill(download(client, reply), {"A.1": 300, "A.4": "Partly"})
    save(reply, "A.1", "200", colleague)  # after the download
    response = upload(client, reply, data)
    content = client.get(response["Location"]).content.decode()
    assert content.count('data-testid="conflict"') == 1 and 'data-code="A.1"' in content
    assert "200 persons" in content and "300 persons" in content
    confirm(client, response)
    assert (value(reply, "A.1"), value(reply, "A.4")) == ("200", "partly")

    save(reply, "A.4", "no", colleague)
    response = upload(client, reply, data)
    question = reply.cycle.version.questions.get(code="A.1")
    confirm(client, response, **{f"conflict-{question.pk}": "file"})
    assert value(reply, "A.1") == "300"  # chosen knowingly over the colleague's
    assert value(reply, "A.4") == "no"  # a conflict too (blank -> partly in the file): kept
    change = AnswerChange.objects.filter(answer__question=question).last()
    assert (change.channel, change.old_value, change.new_value) == (Channel.XLSX, "200", "300")


def test_an_answer_changed_on_the_portal_and_left_alone_in_the_file_is_kept(
    reply, state_a_contact, colleague, client_for
):
    save(reply, "A.3", "1.5", state_a_contact)
    client = client_for(state_a_contact)
    data = fill(download(client, reply), {"A.2": "No"})
    save(reply, "A.3", "1.25", colleague)
    response = upload(client, reply, data)
    content = client.get(response["Location"]).content.decode()
    assert 'data-testid="conflict"' not in content and 'data-testid="kept"' in content
    confirm(client, response)
    assert (value(reply, "A.3"), value(reply, "A.2")) == ("1.25", "no")


def test_an_answer_saved_between_the_preview_and_the_confirmation_is_not_overwritten(
    reply, state_a_contact, colleague, client_for
):
    client = client_for(state_a_contact)
    response = upload(client, reply, fill(download(client, reply), {"B.3": "From the file"}))
    client.get(response["Location"])
    save(reply, "B.3", "From the colleague", colleague)
    done = confirm(client, response).content.decode()
    assert value(reply, "B.3") == "From the colleague"
    assert "Not saved" in done


# --- Bad and foreign files ---------------------------------------------------------------------


def test_errors_are_listed_by_question_code_and_nothing_changes(reply, state_a_contact, client_for):
    save(reply, "A.2", "yes", state_a_contact)
    client = client_for(state_a_contact)

    def edit(workbook):
        sheet = workbook["Answers"]
        sheet[f"E{row_of(sheet, 'A.1')}"] = -5
        sheet[f"E{row_of(sheet, 'A.2')}"] = "Maybe"
        sheet[f"E{row_of(sheet, 'B.3')}"] = "A valid change"
        sheet[f"{REPLY_ID}{row_of(sheet, 'B.4')}"] = reply.pk + 1000

    response = upload(client, reply, edited(download(client, reply), edit))
    assert response.status_code == 422
    content = response.content.decode()
    problems = content.split('data-testid="upload-problems"')[1]
    for code in ("A.1", "A.2", "B.4"):
        assert f'data-code="{code}"' in problems
    assert "at least 0" in problems and "Maybe" in problems and "another reply" in problems
    assert "Answers sheet, row" in problems
    assert value(reply, "B.3") is None and value(reply, "A.2") == "yes"
    assert not AnswerChange.objects.filter(channel=Channel.XLSX).exists()
    assert not client.session.get("reply_xlsx_imports")


def test_a_workbook_of_another_respondent_is_refused_as_a_whole(
    reply, state_a_contact, state_b_contact, client_for
):
    other = reply_for(reply.cycle, "SEN")
    data = fill(download(client_for(state_b_contact), other), {"A.1": 9})
    response = upload(client_for(state_a_contact), reply, data)
    assert response.status_code == 422
    assert "another respondent (SEN)" in response.content.decode()
    assert value(reply, "A.1") is None and value(other, "A.1") is None


def test_a_workbook_of_another_questionnaire_is_refused_as_a_whole(
    reply, administrator, state_a_contact, client_for
):
    document = sample_document()
    document.form_id = "other-questionnaire"
    other_cycle = open_cycle(administrator, version=approved_version(administrator, document))
    other = reply_for(other_cycle, "KEN")
    client = client_for(state_a_contact)
    response = upload(client, reply, fill(download(client, other), {"A.1": 9}))
    assert response.status_code == 422
    assert "another questionnaire (other-questionnaire v1)" in response.content.decode()
    assert value(reply, "A.1") is None and value(other, "A.1") is None


def test_a_file_that_is_not_a_portal_workbook_is_refused(reply, state_a_contact, client_for):
    client = client_for(state_a_contact)
    for data in (b"%PDF-1.4 not a workbook", _plain_workbook()):
        response = upload(client, reply, data)
        assert response.status_code == 422
        assert 'data-testid="refused"' in response.content.decode()


def test_a_zip_bomb_is_refused_before_it_is_opened(reply, state_a_contact, client_for):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as entry:
            block = b"\0" * (1024 * 1024)
            for _ in range(101):
                entry.write(block)
    data = output.getvalue()
    assert len(data) < 1024 * 1024
    response = upload(client_for(state_a_contact), reply, data)
    assert response.status_code == 422
    assert "100 MB" in response.content.decode()


def _plain_workbook() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["code", "answer"])
    workbook.active.append(["A.1", 5])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def test_the_reader_refuses_a_row_pasted_without_its_keys(reply, state_a_contact, client_for):
    data = download(client_for(state_a_contact), reply)

    def edit(workbook):
        sheet = workbook["Answers"]
        sheet.append(["A.1", "", "", "", 55])

    reading = reply_xlsx_read(reply=reply, data=edited(data, edit))
    assert not reading.ok and reading.problems[0].code == "A.1"


# --- Who may do what ---------------------------------------------------------------------------


def test_outsiders_are_refused(
    reply, state_a_contact, state_b_contact, reviewer, delegate, client_for
):
    data = download(client_for(state_a_contact), reply)
    response = upload(client_for(state_a_contact), reply, fill(data, {"A.1": 3}))
    preview = response["Location"]
    urls = [
        reverse("surveys:reply_xlsx_download", args=[reply.pk]),
        reverse("surveys:reply_xlsx_upload", args=[reply.pk]),
        preview,
    ]
    for url in urls:
        assert client_for(state_b_contact).get(url).status_code == 404
        assert client_for(delegate).get(url).status_code == 403
        assert client_for(None).get(url)["Location"].startswith(reverse("login"))
    assert upload(client_for(state_b_contact), reply, fill(data, {"A.1": 4})).status_code == 404
    assert client_for(state_b_contact).post(preview, {"confirm": "1"}).status_code == 404
    # the Secretariat reads (downloads) but does not answer
    assert client_for(reviewer).get(urls[0]).status_code == 200
    assert client_for(reviewer).get(urls[1]).status_code == 403
    assert upload(client_for(reviewer), reply, fill(data, {"A.1": 5})).status_code == 403
    assert value(reply, "A.1") is None


def test_another_persons_pending_upload_cannot_be_confirmed(
    reply, state_a_contact, colleague, client_for
):
    client = client_for(state_a_contact)
    preview = upload(client, reply, fill(download(client, reply), {"A.1": 3}))["Location"]
    response = client_for(colleague).post(preview, {"confirm": "1"})
    assert response.status_code == 302 and value(reply, "A.1") is None


def test_a_submitted_reply_can_be_downloaded_but_takes_no_upload(
    reply, state_a_contact, client_for
):
    client = client_for(state_a_contact)
    data = fill(download(client, reply), {"A.1": 3})
    reply.status = ReplyStatus.SUBMITTED
    reply.save()
    assert download(client, reply)
    page = client.get(reverse("surveys:reply_xlsx_upload", args=[reply.pk]))
    assert page.status_code == 200 and 'data-testid="locked"' in page.content.decode()
    assert 'name="file"' not in page.content.decode()
    response = upload(client, reply, data)
    assert response.status_code == 409 and value(reply, "A.1") is None


def test_a_reply_submitted_after_the_preview_saves_nothing(reply, state_a_contact, client_for):
    client = client_for(state_a_contact)
    response = upload(client, reply, fill(download(client, reply), {"A.1": 3}))
    reply.status = ReplyStatus.SUBMITTED
    reply.save()
    done = confirm(client, response).content.decode()
    assert value(reply, "A.1") is None and "Not saved" in done


# --- Pages -------------------------------------------------------------------------------------


def test_the_preview_makes_the_same_number_of_queries_whatever_the_changes(
    reply, state_a_contact, client_for
):
    client = client_for(state_a_contact)
    counts = []
    for answers in (
        {"A.1": 3},
        {"A.1": 4, "A.2": "Yes", "A.3": 2, "B.3": "x", "B.4": "y", ("B.1", "fine"): "Yes",
         ("B.2", "fine"): "Fully", "A.5": datetime.date(2020, 1, 1)},
    ):  # fmt: skip
        preview = upload(client, reply, fill(download(client, reply), answers))["Location"]
        with CaptureQueriesContext(connection) as queries:
            assert client.get(preview).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 12, counts


def _bigger_document():
    data = copy.deepcopy(SAMPLE)
    data["form_id"] = "bigger"
    choices = [{"name": n, "label": {"en": n.title()}} for n in ("low", "high")]
    data["sections"].append(
        {
            "code": "C",
            "title": {"en": "More"},
            "questions": [
                {"code": f"C.{n}", "type": kind, "text": {"en": f"Question {n}"}, "choices": choices,
                 **({"rows": choices} if kind == "table" else {})}
                for n, kind in enumerate(["single_choice", "multiple_choice", "table"] * 10, 1)
            ],
        }
    )  # fmt: skip
    return document_from_dict(data)


def test_the_download_makes_the_same_number_of_queries_whatever_the_size(
    reply, administrator, state_a_contact, client_for
):
    bigger = reply_for(
        open_cycle(administrator, version=approved_version(administrator, _bigger_document())),
        "KEN",
    )
    client = client_for(state_a_contact)
    counts = []
    for each, answers in ((reply, {}), (bigger, {"A.1": "3", "B.1": ["fine"], "C.1": "low"})):
        for code, answer in answers.items():
            save(each, code, answer, state_a_contact)
        with CaptureQueriesContext(connection) as queries:
            download(client, each)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 12, counts


def test_the_upload_page_offers_the_download_in_every_language(reply, state_a_contact, client_for):
    page = client_for(state_a_contact).get(reverse("surveys:reply_xlsx_upload", args=[reply.pk]))
    content = page.content.decode()
    assert page.status_code == 200
    assert reverse("surveys:reply_xlsx_download", args=[reply.pk]) in content
    for code in ("en", "fr", "es", "ru", "zh-hans", "ar"):
        assert f'value="{code}"' in content


# --- LibreOffice -------------------------------------------------------------------------------


def test_the_round_trip_works_through_a_libreoffice_resave(
    reply, state_a_contact, client_for, tmp_path
):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        require_service("LibreOffice", "apt-get install libreoffice-calc-nogui")
    save(reply, "A.1", "1200", state_a_contact)
    save(reply, "B.1", ["probation"], state_a_contact)
    client = client_for(state_a_contact)
    source = tmp_path / "in" / "reply.xlsx"
    source.parent.mkdir()
    source.write_bytes(download(client, reply, "fr"))
    result = subprocess.run(  # noqa: S603 - a fixed program on a file the test wrote
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
         "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"), str(source)],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    resaved = tmp_path / "out" / "reply.xlsx"
    assert resaved.exists(), result.stderr.decode()
    data = fill(
        resaved.read_bytes(),
        {"A.1": 1300, "A.4": "En partie", ("B.1", "fine"): "Oui"},
    )
    response = upload(client, reply, data)
    content = client.get(response["Location"]).content.decode()
    assert content.count('data-testid="change"') == 3, content
    confirm(client, response)
    assert (value(reply, "A.1"), value(reply, "A.4"), value(reply, "B.1")) == (
        "1300", "partly", ["probation", "fine"],
    )  # fmt: skip
    assert AnswerChange.objects.filter(channel=Channel.XLSX).count() == 3
