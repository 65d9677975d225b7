"""The staff report pages in a real Chromium, in English and Arabic: no axe violations."""

import os

import pytest
from django.core.files.base import ContentFile

from portal.jobs import JobStatus
from reports.compiling.services import report_request
from tests.e2e.accessibility import assert_no_axe_violations
from tests.factories import PASSWORD
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
