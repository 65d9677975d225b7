"""The request form asks for a report in several languages: one version per language, compiled
together by one job (reports.compiling.languages). The texts typed in one language (title,
Commission session, agenda item title) are left empty, each version printing its usual text in its
own language, and the session place is written in each language."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from portal.jobs import JobStatus
from reports.compiling import languages as languages_job
from reports.compiling import services
from reports.compiling.services import DEFAULT_TITLE
from reports.models import Report
from tests.reports.compiling.test_report_masthead import request_data
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PLACES = {"en": "Vienna", "fr": "Vienne", "es": "Viena", "ru": "Вена", "zh-hans": "维也纳",
          "ar": "فيينا"}  # fmt: skip


def six_languages(cycle, **changes) -> dict:
    """The form asking for the report in the six languages, the place written in each."""
    places = {f"session_place_{code.replace('-', '_')}": place for code, place in PLACES.items()}
    return request_data(cycle, **{"languages": LANGUAGES, "session_place": "", **places, **changes})


def in_order(reports) -> list[Report]:
    return sorted(reports, key=lambda report: LANGUAGES.index(report.language))


def test_six_languages_asked_in_the_form_are_compiled_by_one_job(
    client_for, administrator, report_cycle, django_capture_on_commit_callbacks, monkeypatch
):
    compiled = []
    monkeypatch.setattr(
        languages_job,
        "report_compile_languages",
        lambda *, reports, progress: compiled.append([r.language for r in reports]),
    )
    monkeypatch.setattr(services, "report_compile", lambda **kwargs: pytest.fail("one by one"))
    report_cycle.commission_session["fr"] = "Trente-sixième session"
    report_cycle.save()
    client = client_for(administrator)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("reports:report_create"), six_languages(report_cycle))
    reports = in_order(Report.objects.all())
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:report_detail", args=[reports[0].pk])
    assert len(callbacks) == 1 and compiled == [LANGUAGES]
    assert [(r.language, r.number, r.status) for r in reports] == [
        (code, 1, JobStatus.READY) for code in LANGUAGES
    ]
    for report in reports:
        with translation.override(report.language):
            title = gettext(DEFAULT_TITLE)
        assert report.session_place == PLACES[report.language]
        assert report.title == report.agenda_item_title == title, report.language
        # The cycle's session in the version's language, else in English (listed then among
        # the translations needed on the report's page).
        assert report.commission_session == report_cycle.commission_session.get(
            report.language, "Thirty-sixth session"
        )
        assert list(report.cycles.all()) == [report_cycle]
    assert len({report.title for report in reports}) == 6
    # The same form again gives back the same versions (nothing compiled twice).
    client.post(reverse("reports:report_create"), six_languages(report_cycle))
    assert Report.objects.count() == 6 and len(compiled) == 1


def test_a_chosen_set_of_languages_is_compiled_and_the_others_are_not(
    client_for, administrator, report_cycle, django_capture_on_commit_callbacks
):
    data = request_data(report_cycle, languages=["fr", "ar"], session_place="")
    data |= {"session_place_fr": "Vienne", "session_place_ar": "فيينا"}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client_for(administrator).post(reverse("reports:report_create"), data)
    assert response.status_code == 302 and len(callbacks) == 1
    assert sorted(Report.objects.values_list("language", "session_place")) == [
        ("ar", "فيينا"), ("fr", "Vienne"),
    ]  # fmt: skip


def test_several_languages_refuse_a_text_typed_in_one_language_naming_the_field(
    client_for, administrator, report_cycle
):
    data = six_languages(
        report_cycle,
        title="Use and application of standards",
        commission_session="Thirty-sixth session",
        agenda_item_title="Crime prevention",
        session_place="Vienna",
        session_place_ru="",
    )
    response = client_for(administrator).post(reverse("reports:report_create"), data)
    assert response.status_code == 200 and not Report.objects.exists()
    errors = response.context["form"].errors
    assert set(errors) == {
        "title", "commission_session", "agenda_item_title", "session_place", "session_place_ru",
    }  # fmt: skip
    assert errors["title"] == [
        "Title: leave it empty when you ask for several languages; each version prints the usual "
        "title in its own language."
    ]
    assert errors["session_place"][0].startswith("Session place: when you ask for several")
    assert errors["session_place_ru"] == [
        "Session place (Russian): the city where the session meets, written in that language "
        "(e.g. Vienna)."
    ]
    page = response.content.decode()
    start = page.index('data-testid="error-summary"')
    summary = page[start : page.index("</ul>", start)]
    assert "There are 5 problems" in summary and 'href="#id_session_place_ru"' in summary


def test_one_language_still_needs_its_session_place_and_takes_typed_texts(
    client_for, administrator, report_cycle, django_capture_on_commit_callbacks
):
    client = client_for(administrator)
    response = client.post(
        reverse("reports:report_create"), request_data(report_cycle, session_place="")
    )
    assert response.context["form"].errors == {"session_place": ["This field is required."]}
    data = request_data(report_cycle, title="Standards", commission_session="Thirty-sixth session")
    with django_capture_on_commit_callbacks(execute=False):
        assert client.post(reverse("reports:report_create"), data).status_code == 302
    assert Report.objects.get().title == "Standards"


def test_no_language_is_refused(client_for, administrator, report_cycle):
    data = request_data(report_cycle)
    data.pop("languages")
    response = client_for(administrator).post(reverse("reports:report_create"), data)
    assert response.context["form"].errors == {"languages": ["Languages: choose at least one."]}


@pytest.mark.parametrize("who", ["state_a_contact", "delegate", "reviewer", None])
def test_outsiders_cannot_ask_for_several_languages(
    client_for, report_cycle, request, who, django_capture_on_commit_callbacks
):
    user = request.getfixturevalue(who) if who else None
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client_for(user).post(
            reverse("reports:report_create"), six_languages(report_cycle)
        )
    if user is None:
        assert response.status_code == 302 and "/login" in response["Location"]
    else:
        assert response.status_code == 403
    assert not Report.objects.exists() and not callbacks


def _version(administrator, report_cycle, language, status, **fields):
    report = services.report_request(
        cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/13", language=language,
        enqueue=False,
    )  # fmt: skip
    if status == JobStatus.READY:
        report.pdf.save(f"{language}.pdf", ContentFile(b"%PDF-1.7"), save=False)
        report.xlsx.save(f"{language}.xlsx", ContentFile(b"PK"), save=False)
    report.status = status
    for name, value in fields.items():
        setattr(report, name, value)
    report.save()
    return report


def test_the_report_page_and_list_show_each_languages_version_state_and_files(
    client_for, administrator, reviewer, report_cycle
):
    english = _version(administrator, report_cycle, "en", JobStatus.READY)
    french = _version(administrator, report_cycle, "fr", JobStatus.READY)
    error = "The PDF in العربية could not be made: ValueError: no room on the page"
    arabic = _version(administrator, report_cycle, "ar", JobStatus.FAILED, error=error)
    running = _version(administrator, report_cycle, "ru", JobStatus.RUNNING, progress=40)
    page = client_for(reviewer).get(reverse("reports:report_detail", args=[english.pk]))
    html = page.content.decode()
    section = html[html.index('data-testid="report-languages"') : html.index("asked-heading")]
    rows = section.split("<tr data-language=")[1:]
    assert [row[1 : row.index('"', 1)] for row in rows] == ["en", "fr", "ru", "ar"]
    en, fr, ru, ar = rows
    assert reverse("reports:report_pdf", args=[english.pk]) in en
    assert reverse("reports:report_pdf", args=[french.pk]) in fr
    assert reverse("reports:report_xlsx", args=[french.pk]) in fr
    assert reverse("reports:report_detail", args=[french.pk]) in fr
    assert 'data-status="running"' in ru and "40%" in ru and running.pdf.name == ""
    assert 'data-status="failed"' in ar and "The PDF in العربية could not be made" in ar
    assert reverse("reports:report_pdf", args=[arabic.pk]) not in ar
    index = client_for(reviewer).get(reverse("reports:report_index")).content.decode()
    assert reverse("reports:report_pdf", args=[french.pk]) in index
    assert "The PDF in العربية could not be made" in index
    # A report in one language has no such section.
    Report.objects.exclude(pk=english.pk).delete()
    page = client_for(reviewer).get(reverse("reports:report_detail", args=[english.pk]))
    assert b'data-testid="report-languages"' not in page.content


def test_retrying_a_version_that_failed_with_others_compiles_them_together_again(
    client_for, administrator, report_cycle, django_capture_on_commit_callbacks, monkeypatch
):
    asked = []

    def compile_languages(*, reports, progress):
        asked.append([report.language for report in reports])
        if len(asked) == 1:
            raise RuntimeError("The PDF in العربية could not be made: no room on the page")

    monkeypatch.setattr(languages_job, "report_compile_languages", compile_languages)
    client = client_for(administrator)
    data = request_data(report_cycle, languages=["en", "ar"], session_place="")
    data |= {"session_place_en": "Vienna", "session_place_ar": "فيينا"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:report_create"), data)
    english, arabic = in_order(Report.objects.all())
    assert (english.status, arabic.status) == (JobStatus.FAILED, JobStatus.FAILED)
    assert (
        english.error
        == arabic.error
        == ("The PDF in العربية could not be made: no room on the page")
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:report_retry", args=[english.pk]))
    assert asked == [["en", "ar"], ["en", "ar"]]
    assert [(r.status, r.attempts) for r in in_order(Report.objects.all())] == [
        (JobStatus.READY, 2), (JobStatus.READY, 2),
    ]  # fmt: skip
