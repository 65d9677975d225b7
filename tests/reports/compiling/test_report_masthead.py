"""The masthead of a report as E/CN.15 documents print it, in English, French and Arabic: organ,
symbol, distribution, date, original language, the Commission's session, place and dates, "Item 6
of the provisional agenda*" with the item's title and the footnote "* E/CN.15/2027/1."; the PDF
tagged (PDF/UA) with its language and title; each sheet of the statistical annex naming its source.
"""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from openpyxl import load_workbook

from portal.localformats import date_text
from reports.compiling.services import DEFAULT_TITLE, report_render
from reports.management.commands.compile_report import _demo_masthead
from reports.models import Report
from reports.writing.masthead import session_place_and_dates
from tests.pdf_metadata import pdf_info
from tests.reports.compiling.test_report_compile import compiled, pdf_text
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401

# pdftotext wraps right-to-left runs in bidi marks, and French puts narrow spaces before colons.
MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

MAY_17, MAY_21 = datetime.date(2027, 5, 17), datetime.date(2027, 5, 21)


def masthead_options(session: str, place: str) -> dict:
    return {
        "commission_session": session,
        "session_place": place,
        "session_opens_on": MAY_17,
        "session_closes_on": MAY_21,
        "agenda_item_number": 6,
    }


def first_page(report: Report) -> str:
    text = pdf_text(report, layout=False)
    text = MARKS.sub("", text.split("\f")[0]).replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.split())


@pytest.mark.django_db
def test_the_english_masthead_has_every_element(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    options = masthead_options("Thirty-sixth session", "Vienna")
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks, **options)
    page = first_page(report)
    for expected in (
        "United Nations",
        "E/CN.15/2027/13",
        "Economic and Social Council",
        f"Distr.: General {date_text(timezone.localdate(), 'en')} Original: English",
        "Commission on Crime Prevention and Criminal Justice",
        "Thirty-sixth session",
        "Vienna, 17–21 May 2027",
        "Item 6 of the provisional agenda*",
        DEFAULT_TITLE,
        "* E/CN.15/2027/1.",
    ):
        assert expected in page, expected
    # The agenda's footnote takes no number: the report's own footnotes still begin at 1.
    assert re.search(r"^1 \S", pdf_text(report), flags=re.MULTILINE)
    info = pdf_info(report.pdf.open("rb").read())
    assert info["Tagged"] == "yes" and info["Lang"] == "en"
    assert info["Title"] == f"E/CN.15/2027/13 · {DEFAULT_TITLE}"


@pytest.mark.django_db
def test_the_french_masthead_is_in_french(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    options = masthead_options("Trente-sixième session", "Vienne")
    report = compiled(
        report_cycle, administrator, django_capture_on_commit_callbacks, "fr", **options
    )
    page = first_page(report)
    for expected in (
        "Nations Unies",
        "Conseil économique et social",
        f"Distr. générale {date_text(timezone.localdate(), 'fr')} Français Original : anglais",
        "Commission pour la prévention du crime et la justice pénale",
        "Trente-sixième session",
        "Vienne, 17-21 mai 2027",
        "Point 6 de l'ordre du jour provisoire*",
        "* E/CN.15/2027/1.",
    ):
        assert expected in page, expected
    assert pdf_info(report.pdf.open("rb").read())["Lang"] == "fr"


@pytest.mark.django_db
def test_the_arabic_masthead_is_in_arabic_with_the_distribution_in_english(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    options = masthead_options("الدورة السادسة والثلاثون", "فيينا")
    report = compiled(
        report_cycle, administrator, django_capture_on_commit_callbacks, "ar", **options
    )
    page = first_page(report)
    for expected in (
        "الأمم المتحدة",
        "المجلس الاقتصادي والاجتماعي",
        # As United Nations Arabic documents print it: in English, with the language's name.
        f"Distr.: General {date_text(timezone.localdate(), 'en')} Arabic Original: English",
        "لجنة منع الجريمة والعدالة الجنائية",
        "الدورة السادسة والثلاثون",
        "فيينا",
        "أيار/مايو",
        "البند",
        "من جدول الأعمال المؤقت",
        "* E/CN.15/2027/1.",
    ):
        assert expected in page, expected
    assert "provisional agenda" not in page
    info = pdf_info(report.pdf.open("rb").read())
    assert info["Tagged"] == "yes" and info["Lang"] == "ar"
    assert info["Title"].startswith("E/CN.15/2027/13 · ")


@pytest.mark.django_db
def test_each_annex_sheet_names_the_source_of_its_figures(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    report = compiled(report_cycle, administrator, django_capture_on_commit_callbacks)
    workbook = load_workbook(io.BytesIO(report.xlsx.open("rb").read()), read_only=True)
    sources = {}
    for sheet in workbook.worksheets[1:]:
        rows = [row for row in sheet.iter_rows(values_only=True) if any(row)]
        title = rows[0][0] if sheet.title.startswith("Table") else sheet.title
        sources[title] = rows[-1][0].removeprefix("E/CN.15/2027/13 · ")

    def source_of(words: str) -> str:
        return next(source for title, source in sources.items() if words in title)

    replies = "Source: replies received by the Secretariat"
    assert source_of("by type of respondent") == (
        "Source: respondents invited to the cycle and replies received by the Secretariat"
    )
    assert source_of("answers of States") == replies
    assert source_of("Difficulties encountered") == (
        "Source: replies received by the Secretariat, their texts coded by theme by the Secretariat"
    )
    assert source_of("Requests for technical assistance, by status") == (
        "Source: requests for technical assistance recorded by the Secretariat"
    )
    assert source_of("Roster of experts") == (
        "Source: roster of national and regional experts kept by the Secretariat"
    )
    assert source_of("Useful practices").startswith("Source: useful practices reported")
    assert source_of("Respondents") == replies


@pytest.mark.django_db
def test_an_agenda_item_number_alone_prints_the_item_and_its_usual_title(
    administrator, report_cycle, tmp_path
):
    call_command(
        "compile_report", str(report_cycle.pk), "--agenda-item", "6",
        "-o", str(tmp_path), stdout=io.StringIO(),
    )  # fmt: skip
    html = report_render(report=Report.objects.get()).html
    assert '<p class="session__item">Item 6 of the provisional agenda*' in html
    assert f'<p class="session__item-title">{DEFAULT_TITLE}</p>' in html
    with pytest.raises(CommandError, match="--agenda-item: the number of the item"):
        call_command("compile_report", str(report_cycle.pk), "-o", str(tmp_path))


def test_the_demonstration_masthead_is_in_the_reports_language():
    options = {
        "language": "fr", "session": "", "session_place": "", "session_opens": None,
        "session_closes": None, "agenda_item": None,
    }  # fmt: skip
    _demo_masthead(options)
    assert options["session"] == "Trente-sixième session" and options["session_place"] == "Vienne"
    assert options["agenda_item"] == 6 and options["session_opens"] < options["session_closes"]


@pytest.mark.parametrize(
    ("language", "place", "opens", "expected"),
    [
        ("en", "Vienna", MAY_17, "Vienna, 17–21 May 2027"),
        ("en", "Vienna", datetime.date(2027, 4, 29), "Vienna, 29 April–21 May 2027"),
        ("fr", "Vienne", MAY_17, "Vienne, 17-21 mai 2027"),
        ("es", "Viena", MAY_17, "Viena, 17 a 21 de mayo de 2027"),
        ("es", "Viena", datetime.date(2027, 4, 29), "Viena, 29 de abril a 21 de mayo de 2027"),
        ("ru", "Вена", MAY_17, "Вена, 17–21 мая 2027 года"),
        ("zh-hans", "维也纳", MAY_17, "2027年5月17日至21日，维也纳"),
        ("ar", "فيينا", MAY_17, "فيينا، 17-21 أيار/مايو 2027"),
        ("en", "Vienna", datetime.date(2026, 12, 30), "Vienna, 30 December 2026–21 May 2027"),
    ],
)
def test_the_session_place_and_dates_read_as_each_language_writes_them(
    language, place, opens, expected
):
    assert (
        session_place_and_dates(place=place, opens=opens, closes=MAY_21, language=language)
        == expected
    )


def test_the_provisional_agenda_is_that_of_the_sessions_year():
    report = Report(symbol="E/CN.15/2027/13")
    assert report.provisional_agenda_symbol == "E/CN.15/2027/1"
    report.session_opens_on = datetime.date(2028, 5, 15)
    assert report.provisional_agenda_symbol == "E/CN.15/2028/1"


# --- The request form -------------------------------------------------------------------------


def request_data(cycle, **changes) -> dict:
    return {
        "cycles": [cycle.pk], "symbol": "E/CN.15/2027/13", "languages": ["en"],
        "reply_statuses": ["accepted"], "agenda_item_number": "6",
        "session_place": "Vienna", "session_opens_on": "2027-05-17",
        "session_closes_on": "2027-05-21", **changes,
    }  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"agenda_item_number": ""},
            "agenda_item_number",
            "Agenda item: the number of the item on the provisional agenda.",
        ),
        (
            {"agenda_item_title": "6"},
            "agenda_item_title",
            "Agenda item title: the title of the item in words; its number has a field of its own.",
        ),
        (
            {"session_closes_on": "2027-05-10"},
            "session_closes_on",
            "Session dates: the last day of the session comes before its first day.",
        ),
        (
            {"commission_session": "36"},
            "commission_session",
            "Commission session: the session in words (e.g. Thirty-sixth session), not its number.",
        ),
    ],
)
def test_the_request_form_says_which_masthead_field_is_wrong(
    client_for, administrator, report_cycle, changes, field, message
):
    from django.urls import reverse

    response = client_for(administrator).post(
        reverse("reports:report_create"), request_data(report_cycle, **changes)
    )
    assert response.status_code == 200 and not Report.objects.exists()
    assert response.context["form"].errors[field] == [message]


@pytest.mark.django_db
def test_the_request_form_records_the_masthead(
    client_for, administrator, report_cycle, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    data = request_data(report_cycle, agenda_item_title="Crime prevention")
    with django_capture_on_commit_callbacks(execute=False):
        response = client_for(administrator).post(reverse("reports:report_create"), data)
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.agenda_item_number, report.agenda_item_title) == (6, "Crime prevention")
    assert (report.session_place, report.session_opens_on, report.session_closes_on) == (
        "Vienna", MAY_17, MAY_21,
    )  # fmt: skip


@pytest.mark.django_db
def test_the_service_refuses_a_session_place_without_its_dates(administrator, report_cycle):
    from reports.compiling.services import ReportRefused, report_request

    with pytest.raises(ReportRefused, match="Session dates: give the first and the last day"):
        report_request(
            cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/13",
            agenda_item_number=6, session_place="Vienna", enqueue=False,
        )  # fmt: skip
