"""A reviewer asks for the XLSX extract of a cycle in a real browser, sees it ready, downloads it;
the page passes the WCAG checks in English and in Arabic."""

import io
from pathlib import Path

import openpyxl
import pytest

from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in
from tests.surveys.extracts.test_extracts import (  # noqa: F401 - fixtures
    _media,
    cycle_with_coded_replies,
)

pytestmark = pytest.mark.browser


def test_a_reviewer_prepares_and_downloads_the_extract(
    page,
    reviewer,
    cycle_with_coded_replies,  # noqa: F811
):
    log_in(page, reviewer.username)
    page.goto(f"/questionnaires/cycles/{cycle_with_coded_replies.pk}/")
    page.get_by_test_id("cycle-extracts").click()
    page.get_by_test_id("extract-request").click()  # eager Celery: built when the request commits
    page.wait_for_selector('[data-testid=extract][data-status="ready"]')
    assert_no_axe_violations(page)

    with page.expect_download() as download:
        page.get_by_test_id("extract-download").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert book["Answers"]["A4"].value == "KEN"

    page.locator("#language-menu").click()
    page.locator("button[name=language][value=ar]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_no_axe_violations(page)
