"""The reports library and the published replies in a real browser, in English and Arabic: a
delegate downloads the advance copy, an anonymous visitor sees only public versions, anyone reads
the published replies by respondent and by question; every page passes axe."""

import os
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from playwright.sync_api import expect

from reports.models import Audience, Report
from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in
from tests.reports.library_data import compiled_report, submitted
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("LIBRARY_SHOTS", "/tmp/shots-library"))  # noqa: S108 - look at them


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def published_reports_flushed(transactional_db):
    """Published versions refuse deletion (reports 0002). After a live-server test, SQLite
    empties tables row by row: delete them here with the triggers lifted, then put them back."""
    yield
    if connection.vendor != "sqlite":
        return
    from importlib import import_module

    frozen = import_module("reports.migrations.0002_published_reports_frozen")
    with connection.schema_editor(atomic=True) as editor:
        frozen.drop_triggers(apps, editor)
        Report.objects.all().delete()
        frozen.create_triggers(apps, editor)


@pytest.fixture
def library(administrator, published_reports_flushed):
    return {
        "v1": compiled_report(administrator, number=1, audience=Audience.PUBLIC),
        "v2": compiled_report(administrator, number=2, audience=Audience.DELEGATES),
        "ar": compiled_report(
            administrator,
            language="ar",
            title="استخدام المعايير والقواعد وتطبيقها",
            audience=Audience.PUBLIC,
        ),  # fmt: skip
        "unpublished": compiled_report(administrator, number=3),
    }


def to_arabic(page):
    page.locator("#language-menu").click()
    page.locator("button[name=language][value=ar]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_a_delegate_downloads_the_advance_copy_and_finds_the_earlier_version(
    page, library, delegate
):
    log_in(page, delegate.username)
    page.goto("/reports/library/")
    rows = page.get_by_test_id("library-report")
    expect(rows).to_have_count(2)
    latest = rows.first
    expect(latest).to_have_attribute("data-version", "2")
    expect(latest.get_by_test_id("advance-copy")).to_be_visible()
    page.get_by_text("1 earlier version").click()
    expect(page.get_by_test_id("earlier-version")).to_have_attribute("data-version", "1")
    assert_no_axe_violations(page)
    shot(page, "library-delegate-en")

    with page.expect_download() as download:
        latest.get_by_test_id("download-pdf").click()
    assert download.value.suggested_filename == "E_CN.15_2027_13-en-v2.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    with page.expect_download() as download:
        latest.get_by_test_id("download-xlsx").click()
    assert download.value.suggested_filename == "E_CN.15_2027_13-en-v2.xlsx"

    to_arabic(page)
    expect(page.get_by_test_id("library-report")).to_have_count(2)
    assert_no_axe_violations(page)
    shot(page, "library-delegate-ar")


def test_an_anonymous_visitor_sees_only_public_versions(page, library):
    page.goto("/reports/library/")
    rows = page.get_by_test_id("library-report")
    expect(rows).to_have_count(2)
    expect(rows.first).to_have_attribute("data-version", "1")
    expect(page.get_by_test_id("advance-copy")).to_have_count(0)
    assert page.request.get(f"/reports/library/{library['v2'].pk}/pdf/").status == 404
    assert page.request.get(f"/reports/library/{library['unpublished'].pk}/xlsx/").status == 404
    page.select_option("#filter-language", "ar")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_test_id("library-report")).to_have_count(1)
    assert_no_axe_violations(page)
    to_arabic(page)
    assert_no_axe_violations(page)
    shot(page, "library-public-ar-filtered")


@pytest.fixture
def published(administrator, state_a_contact, published_reports_flushed):
    cycle = open_cycle(administrator, codes=("KEN", "SEN", "EGY"))
    by = state_a_contact
    kenya = reply_for(cycle, "KEN")
    submitted(kenya, by, {
        "A.1": "1200", "A.2": "yes", "A.2.1": ("other", "Every two months"),
        "B.1": ["probation", "fine"], "B.2": {"probation": "fully", "fine": "partly"},
        "B.3": "Kenya Prisons Service",
    })  # fmt: skip
    submitted(reply_for(cycle, "SEN"), by, {"A.1": "900"}, may_publish=False)
    egypt = reply_for(cycle, "EGY")
    submitted(egypt, by, {"A.1": "30000", "A.2": "no", "B.3": "الإدارة العامة للسجون"})
    return {"cycle": cycle, "KEN": kenya, "EGY": egypt}


def test_anyone_reads_published_replies_by_respondent_and_by_question(
    page, published, state_b_contact
):
    log_in(page, state_b_contact.username)  # Senegal: its own reply was not agreed for publication
    page.goto("/reports/replies/")
    respondents = page.get_by_test_id("published-respondents").get_by_role("link")
    expect(respondents).to_have_text(["Egypt", "Kenya"])
    page.get_by_text("questions", exact=False).first.click()
    assert_no_axe_violations(page)
    shot(page, "replies-index-en")

    respondents.last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reply of Kenya")
    expect(page.locator("[data-question='B.3']")).to_contain_text("Kenya Prisons Service")
    assert_no_axe_violations(page)
    shot(page, "reply-kenya-en")

    page.locator("[data-question='B.3']").get_by_role("link").click()
    answers = page.get_by_test_id("published-answer")
    expect(answers).to_have_count(2)
    expect(answers.first).to_contain_text("الإدارة العامة للسجون")
    assert_no_axe_violations(page)
    shot(page, "question-b3-en")

    to_arabic(page)
    assert_no_axe_violations(page)
    shot(page, "question-b3-ar")
    page.goto(f"/reports/replies/{published['KEN'].pk}/")
    assert_no_axe_violations(page)
    shot(page, "reply-kenya-ar")
    page.goto("/reports/replies/")
    assert_no_axe_violations(page)
    shot(page, "replies-index-ar")
