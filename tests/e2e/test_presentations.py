"""Country presentations in a real browser, in English and Arabic: a reviewer asks for Kenya's
presentation on cluster (a) and downloads it once the worker (eager here) has compiled it; an
administrator publishes it with Kenya's consent; an anonymous visitor finds it in the library.
Every page passes axe."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from reports.presentations.models import Presentation
from surveys.models import Reply
from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in
from tests.e2e.test_library import to_arabic
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("PRESENTATION_SHOTS", "/tmp/shots-presentations"))  # noqa: S108


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_a_reviewer_asks_for_a_presentation_and_an_administrator_publishes_it(
    page, browser, live_server, report_cycle, reviewer, administrator
):
    Reply.objects.filter(cycle=report_cycle, respondent__code="KEN").update(may_publish=True)
    log_in(page, reviewer.username)
    page.goto("/reports/presentations/new/")
    assert_no_axe_violations(page)
    page.get_by_label("Respondent").select_option(label="Kenya")
    page.get_by_label("Cluster").select_option(index=1)
    page.get_by_role("checkbox", name="English").check()
    page.get_by_role("button", name="Compile").click()
    expect(page.get_by_test_id("presentation-pdf")).to_be_visible()
    shot(page, "detail-en")
    assert_no_axe_violations(page)
    with page.expect_download() as download:
        page.get_by_test_id("presentation-pdf").click()
    assert download.value.suggested_filename == "presentation-KEN-a-en-v1.pdf"
    # A reviewer does not publish.
    expect(page.get_by_test_id("publish-form")).to_have_count(0)
    page.goto("/reports/presentations/")
    assert_no_axe_violations(page)
    to_arabic(page)
    shot(page, "index-ar")
    assert_no_axe_violations(page)

    admin = browser.new_page(base_url=live_server.url)
    log_in(admin, administrator.username)
    presentation = Presentation.objects.get()
    admin.goto(f"/reports/presentations/{presentation.pk}/")
    admin.get_by_label("Everyone: the public library").check()
    admin.get_by_role("button", name="Publish").click()
    expect(admin.get_by_test_id("publication-status")).to_contain_text("Published to everyone")

    visitor = browser.new_page(base_url=live_server.url)
    visitor.goto("/reports/library/")
    row = visitor.get_by_test_id("library-presentation")
    expect(row).to_have_attribute("data-respondent", "KEN")
    assert_no_axe_violations(visitor)
    to_arabic(visitor)
    expect(visitor.get_by_test_id("library-presentation")).to_contain_text("كينيا")
    shot(visitor, "library-ar")
    assert_no_axe_violations(visitor)
