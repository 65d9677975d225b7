"""The staff report pages in a real Chromium, in English and Arabic: no axe violations; a report
asked in six languages through the form."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from portal.jobs import JobStatus
from reports.compiling.services import report_request
from reports.models import Report
from tests.e2e.accessibility import assert_no_axe_violations
from tests.factories import PASSWORD
from tests.reports.compiling.test_report_request_languages import PLACES
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401
from tests.second_factor import browser_log_in

pytestmark = pytest.mark.browser
# Screenshots go to $REPORT_SHOTS when set (to look at them), else to the test's own directory.
SHOTS = os.environ.get("REPORT_SHOTS")


def _signed_in(browser, live_server, username, language):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": "portal_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    browser_log_in(page, username, PASSWORD)
    page.wait_for_load_state()
    return page


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_report_pages_pass_axe(
    browser, live_server, administrator, report_cycle, language, tmp_path
):
    queued = report_request(
        cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/13", enqueue=False
    )
    failed = report_request(
        cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/14", enqueue=False
    )
    failed.status, failed.error = JobStatus.FAILED, "WeasyPrint could not load a font"
    failed.save()
    ready = report_request(
        cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/15", enqueue=False
    )
    ready.pdf.save("r.pdf", ContentFile(b"%PDF"), save=False)
    ready.xlsx.save("r.xlsx", ContentFile(b"PK"), save=False)
    ready.status, ready.page_count = JobStatus.READY, 24
    ready.figures = {"replied": 11, "invited": 15, "states_replied": 10, "states_invited": 14,
                     "requests": {"total": 3}}  # fmt: skip
    ready.save()
    page = _signed_in(browser, live_server, administrator.username, language)
    for name, url in [
        ("index", "/reports/"),
        ("create", "/reports/new/"),
        ("queued", f"/reports/{queued.pk}/"),
        ("failed", f"/reports/{failed.pk}/"),
        ("ready", f"/reports/{ready.pk}/"),
    ]:
        page.goto(url)
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        page.screenshot(path=f"{SHOTS or tmp_path}/page-{name}-{language}.png", full_page=True)
        assert_no_axe_violations(page)
    page.context.close()


def test_six_languages_asked_in_the_form_are_compiled_and_listed_each_with_its_pdf(
    browser, live_server, administrator, report_cycle, tmp_path
):
    """The form shows the session place in each ticked language instead of the one field, the
    report is compiled in each language, and its page lists them, in English and in Arabic."""
    shots = SHOTS or tmp_path
    page = _signed_in(browser, live_server, administrator.username, "en")
    page.goto("/reports/new/")
    single, places = page.locator("#id_session_place"), page.get_by_test_id("session-places")
    assert single.is_visible() and not places.is_visible()
    for code, _name in settings.LANGUAGES:
        page.locator(f"input[name=languages][value={code}]").check()
    assert not single.is_visible() and places.is_visible()
    for code, place in PLACES.items():
        page.locator(f"#id_session_place_{code.replace('-', '_')}").fill(place)
    page.locator("#id_symbol").fill("E/CN.15/2027/13")
    page.locator("#id_session_opens_on").fill("2027-05-17")
    page.locator("#id_session_closes_on").fill("2027-05-21")
    page.locator("#id_agenda_item_number").fill("6")
    page.screenshot(path=f"{shots}/languages-form-en.png", full_page=True)
    assert_no_axe_violations(page)
    # Tasks run eagerly in the live server: the page after the form shows the outcome.
    with page.expect_navigation(timeout=240_000):
        page.get_by_role("button", name="Compile the report").click(no_wait_after=True)
    rows = page.get_by_test_id("report-languages").locator("tbody tr")
    assert rows.count() == 6
    assert page.get_by_test_id("report-languages").locator("[data-status=ready]").count() == 6
    assert page.get_by_test_id("language-pdf").count() == 6
    page.screenshot(path=f"{shots}/languages-report-en.png", full_page=True)
    assert_no_axe_violations(page)
    page.context.add_cookies([{"name": "portal_language", "value": "ar", "url": live_server.url}])
    page.reload()
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.screenshot(path=f"{shots}/languages-report-ar.png", full_page=True)
    assert_no_axe_violations(page)
    page.goto("/reports/new/")
    page.locator("input[name=languages][value=fr]").check()
    page.screenshot(path=f"{shots}/languages-form-ar.png", full_page=True)
    page.context.close()
    for report in Report.objects.all():  # the files, to open them
        Path(shots, f"report-{report.language}.pdf").write_bytes(report.pdf.read())
