"""The blank questionnaire as a PDF: what it says in each language, and who may download it.

The PDF's text is read back with pdftotext (poppler-utils), as a reader would copy it.
"""

import datetime
import re
import subprocess

import pytest
from django.urls import reverse

from portal.pdf import DEFAULT_BASE_URL, html_to_pdf, static_files_fetcher
from surveys.models import Consultation, VersionStatus
from surveys.questionnaires.printing import blank_questionnaire_html
from surveys.questionnaires.selectors import version_with_content
from surveys.questionnaires.versions import version_from_document
from tests.surveys.samples import sample_document

pytestmark = pytest.mark.django_db

# pdftotext wraps right-to-left runs in bidi embedding marks; they are not part of the text.
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_text(pdf: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],  # noqa: S607 - poppler-utils from the system
        input=pdf,
        capture_output=True,
        check=True,
    )
    text = BIDI_MARKS.sub("", result.stdout.decode("utf-8"))
    return " ".join(text.split())  # lines wrap wherever the layout puts them


@pytest.fixture
def draft(reference_data, administrator):
    return version_from_document(document=sample_document(), by=administrator)


@pytest.fixture
def approved(draft, administrator):
    draft.status = VersionStatus.APPROVED
    draft.approval_meeting = "intersessional meeting of the Commission"
    draft.approval_date = datetime.date(2026, 12, 1)
    draft.approved_by = administrator
    draft.save()
    return draft


@pytest.fixture(autouse=True)
def _own_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # the PDFs kept by these tests go away with them


@pytest.fixture
def no_rendering(monkeypatch):
    """Access tests need the answer, not the PDF: skip WeasyPrint to keep them quick."""
    stub = lambda *, html: b"%PDF-1.7 stub"  # noqa: E731
    monkeypatch.setattr("surveys.questionnaires.views.printing.html_to_pdf", stub)
    monkeypatch.setattr("portal.pdf.html_to_pdf", stub)


def counted_rendering(monkeypatch) -> list[str]:
    """Spy on WeasyPrint: each call's HTML is kept, and the real PDF made."""
    import portal.pdf

    made: list[str] = []
    real = portal.pdf.html_to_pdf

    def spy(*, html, base_url=None):
        made.append(html)
        return real(html=html, base_url=base_url)

    monkeypatch.setattr(portal.pdf, "html_to_pdf", spy)
    monkeypatch.setattr("surveys.questionnaires.views.printing.html_to_pdf", spy)
    return made


def test_an_approved_versions_pdf_is_made_once_per_language_then_served_from_storage(
    client_for, approved, monkeypatch
):
    made = counted_rendering(monkeypatch)
    first = client_for(None).get(pdf_url(approved, "en"))
    second = client_for(None).get(pdf_url(approved, "en"))
    assert first.status_code == second.status_code == 200
    assert first.content == second.content and first.content.startswith(b"%PDF-")
    assert len(made) == 1
    french = client_for(None).get(pdf_url(approved, "fr"))
    assert french.content != first.content and len(made) == 2
    client_for(None).get(pdf_url(approved, "fr"))
    assert len(made) == 2


def test_a_drafts_pdf_is_made_afresh_as_its_content_may_change(
    client_for, draft, administrator, monkeypatch
):
    made = counted_rendering(monkeypatch)
    client = client_for(administrator)
    assert client.get(pdf_url(draft, "en")).status_code == 200
    assert client.get(pdf_url(draft, "en")).status_code == 200
    assert len(made) == 2


def pdf_url(version, language=None):
    url = reverse("surveys:version_pdf", args=[version.pk])
    return f"{url}?language={language}" if language else url


# --- What the PDF says ------------------------------------------------------------------------


def test_an_approved_version_prints_as_a_pdf_with_its_sections_and_questions(client_for, approved):
    response = client_for(None).get(pdf_url(approved, "en"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="sample-v1-en.pdf"'
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    for expected in (
        "United Nations",
        "Sample questionnaire",
        "Member State / organization",
        "A. Persons in custody",
        "B. Non-custodial measures",
        "How many prisoners?",
        "Is there an inspection body?",
        "How far is each applied?",
        "persons (between 0 and 1,000,000)",
        "☐ Yes ☐ No",
        "☐ Other, please specify:",
        "Answer only if the answer to A.2 is “Yes”.",
        "Answer only if “Probation” is ticked in B.1.",
        "(day / month / year)",
        "Be specific.",
        "Tokyo Rules, rule 2.3",
        "Page 1 of 3",
    ):
        assert expected in text, expected


def test_in_french_it_prints_the_french_texts(client_for, administrator, draft):
    response = client_for(administrator).get(pdf_url(draft, "fr"))

    assert response["Content-Disposition"] == 'attachment; filename="sample-v1-fr.pdf"'
    text = pdf_text(response.content)
    for expected in (
        "Questionnaire type",
        "Personnes détenues",
        "Mesures non privatives de liberté",
        "Combien de détenus ?",
        "Dans quelle mesure chacune est-elle appliquée ?",
        "☐ Oui ☐ Non",
        "Autre (veuillez préciser)",
    ):
        assert expected in text, expected
    assert "How many prisoners?" not in text


def test_in_arabic_it_prints_the_arabic_texts_and_falls_back_to_the_original(
    client_for, administrator, draft
):
    response = client_for(administrator).get(pdf_url(draft, "ar"))

    assert response["Content-Disposition"] == 'attachment; filename="sample-v1-ar.pdf"'
    text = pdf_text(response.content)
    assert "الأشخاص المحتجزون" in text  # the section title written in Arabic
    assert "نعم" in text and "يرجى التحديد" in text  # the fixed scales, "other, please specify"
    # No Arabic text: the original language's (pdftotext may move the "?" of an English
    # sentence that sits beside Arabic, so compare the words).
    assert "How many prisoners" in text
    assert "Non-custodial measures" in text


def test_the_arabic_document_reads_right_to_left_and_marks_the_fallback_texts(draft):
    html = blank_questionnaire_html(version=version_with_content(pk=draft.pk), language="ar")

    assert '<html lang="ar" dir="rtl">' in html
    assert '<span lang="en" dir="ltr">How many prisoners?</span>' in html
    assert "الأشخاص المحتجزون" in html and '<span lang="en" dir="ltr">الأشخاص' not in html


def test_questionnaire_texts_are_escaped(reference_data, administrator):
    document = sample_document()
    document.sections[0].questions[0].text = {"en": "<img src='http://10.0.0.1/'> & more"}
    version = version_from_document(document=document, by=administrator)

    html = blank_questionnaire_html(version=version_with_content(pk=version.pk), language="en")

    assert "&lt;img src=&#x27;http://10.0.0.1/&#x27;&gt; &amp; more" in html
    assert "<img" not in html


def test_it_answers_404_for_a_language_it_does_not_print(client_for, approved):
    assert client_for(None).get(pdf_url(approved, "de")).status_code == 404


# --- Who may download it ------------------------------------------------------------------------


def test_it_refuses_a_draft_to_an_anonymous_visitor(client_for, draft, no_rendering):
    assert client_for(None).get(pdf_url(draft, "en")).status_code in (302, 403)


def test_it_refuses_a_draft_to_a_delegate(client_for, delegate, draft, no_rendering):
    assert client_for(delegate).get(pdf_url(draft, "en")).status_code == 403


def test_a_delegate_gets_an_approved_version(client_for, delegate, approved, no_rendering):
    response = client_for(delegate).get(pdf_url(approved, "es"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="sample-v1-es.pdf"'


def test_only_the_invited_contact_persons_get_a_draft_in_consultation(
    client_for, administrator, state_a_contact, state_b_contact, draft, no_rendering
):
    draft.status = VersionStatus.CONSULTATION
    draft.save()
    consultation = Consultation.objects.create(version=draft, opened_by=administrator)
    consultation.respondents.add(state_a_contact.respondent)

    assert client_for(state_b_contact).get(pdf_url(draft, "en")).status_code == 403
    assert client_for(state_a_contact).get(pdf_url(draft, "en")).status_code == 200


def test_it_refuses_a_draft_to_a_contact_person(client_for, state_a_contact, draft, no_rendering):
    assert client_for(state_a_contact).get(pdf_url(draft, "en")).status_code == 403


def test_without_a_language_it_prints_in_the_readers_language(client_for, approved, no_rendering):
    client = client_for(None)
    client.cookies["portal_language"] = "zh-hans"

    response = client.get(pdf_url(approved))

    assert response["Content-Disposition"] == 'attachment; filename="sample-v1-zh-hans.pdf"'


# --- The renderer reads the portal's static files and nothing else ----------------------------


def test_the_renderer_serves_static_files_and_refuses_every_other_url():
    fetcher = static_files_fetcher(base_url=DEFAULT_BASE_URL)

    css = fetcher.fetch(f"{DEFAULT_BASE_URL}static/css/print.css")
    assert b"@page" in css.read()
    for url in (
        "file:///etc/passwd",
        "http://127.0.0.1:8000/static/css/print.css",
        "http://169.254.169.254/latest/meta-data/",
        f"{DEFAULT_BASE_URL}static/../../portal/settings.py",
        f"{DEFAULT_BASE_URL}media/secret.pdf",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_a_document_pointing_elsewhere_still_renders_without_fetching_it():
    pdf = html_to_pdf(html='<p>Text</p><img src="file:///etc/passwd"><img src="http://10.0.0.1/">')

    assert pdf.startswith(b"%PDF-") and "Text" in pdf_text(pdf)


def test_the_pdf_is_tagged_with_its_language_and_title(client_for, approved):
    from tests.pdf_metadata import pdf_info

    info = pdf_info(client_for(None).get(pdf_url(approved, "fr")).content)
    assert info["Tagged"] == "yes"  # PDF/UA: headings, lists and tables for a screen reader
    # the questionnaire's title in the document's language, as a screen reader announces it
    assert info["Lang"] == "fr" and info["Title"] == approved.title["fr"]
