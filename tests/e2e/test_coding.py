"""Coding in a real browser: a reviewer accepts a suggestion with one click, rejects one, adds a
theme and features a useful practice with a summary; each row updates without reloading the page.
The administrator edits the codebook. Every page passes axe in English and Arabic."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from surveys.models import AnswerTheme, Decision, UsefulPractice
from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in
from tests.surveys.coding.test_coding import DIFFICULTY, PRACTICE, coded_cycle, page_url, theme

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots-coding")  # noqa: S108 - where the screenshots are looked at


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def in_arabic(page):
    page.locator("#language-menu").click()
    page.locator("button[name=language][value=ar]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"


def mark_page(page):
    """A flag that a full reload would lose."""
    page.evaluate("window.__notReloaded = true")


def assert_not_reloaded(page):
    assert page.evaluate("window.__notReloaded === true")


@pytest.fixture
def cycle_with_difficulties(administrator, reference_data):
    """Difficulties answered in three languages, and a useful practice of Kenya's."""
    cycle, answers = coded_cycle(
        administrator,
        {
            "KEN": "Severe overcrowding in remand prisons, and a lack of trained staff.",
            "SEN": "La législation ne prévoit pas de mesures de substitution ; manque de moyens financiers.",
            "EGY": "الاكتظاظ في السجون ونقص الموظفين المدربين.",
        },
    )
    practice_question = cycle.version.questions.get(code=PRACTICE)
    from surveys.models import Answer

    reply = answers["KEN"].reply
    Answer.objects.create(
        reply=reply,
        question=practice_question,
        value="Community service orders replaced short prison sentences; training for magistrates.",
        revision=1,
    )
    return cycle


def _accept_reject_and_add_themes_for_kenya(page):
    """Three decisions on Kenya's answer, one click each, without reloading the page."""
    kenya = page.locator("article[data-respondent=KEN]")
    suggestion = kenya.locator("[data-testid=suggestions] li[data-theme=difficulty-overcrowding]")
    expect(suggestion.get_by_test_id("reason")).to_contain_text("matched: overcrowding")

    # Accept with one click: the row is swapped, the counts follow.
    suggestion.get_by_role("button", name="Accept Overcrowding").click()
    expect(kenya.get_by_test_id("accepted-themes")).to_contain_text("Overcrowding")
    expect(kenya.get_by_test_id("row-note")).to_contain_text("Overcrowding: accepted for Kenya")
    expect(page.locator("#coding-counts [data-count=coded]")).to_have_text("1")

    # Reject with one click: stored, and no longer suggested.
    kenya.get_by_role("button", name="Reject Lack of trained personnel").click()
    expect(kenya.get_by_test_id("rejected-themes")).to_contain_text("Lack of trained personnel")
    expect(
        kenya.locator("[data-testid=suggestions] li[data-theme=difficulty-trained-personnel]")
    ).to_have_count(0)

    # Add a theme nobody suggested.
    kenya.get_by_label("Add a theme to the answer of Kenya").select_option(
        label="Inadequate infrastructure or facilities"
    )
    kenya.get_by_role("button", name="Add the theme to the answer of Kenya").click()
    expect(kenya.get_by_test_id("accepted-themes")).to_contain_text(
        "Inadequate infrastructure or facilities"
    )
    assert_not_reloaded(page)
    decisions = {
        (d.theme.code, d.decision, d.suggested)
        for d in AnswerTheme.objects.filter(answer__reply__respondent__code="KEN")
    }
    assert decisions == {
        ("difficulty-overcrowding", Decision.ACCEPTED, True),
        ("difficulty-trained-personnel", Decision.REJECTED, True),
        ("difficulty-infrastructure", Decision.ACCEPTED, False),
    }


def _feature_the_useful_practice_of_kenya(page, cycle):
    """A useful practice, featured with a short summary."""
    page.goto(page_url(cycle, PRACTICE))
    mark_page(page)
    row = page.locator("article[data-respondent=KEN]")
    row.get_by_label("Feature in the report").check()
    row.get_by_label("English").fill("Community service instead of short prison sentences.")
    row.get_by_role("button", name="Save the useful practice of Kenya").click()
    expect(row.get_by_test_id("featured-badge")).to_be_visible()
    assert_not_reloaded(page)
    practice = UsefulPractice.objects.get()
    assert practice.featured
    assert practice.summary == {"en": "Community service instead of short prison sentences."}
    assert_no_axe_violations(page)
    shot(page, "practice-en")


def test_a_reviewer_codes_the_answers_of_one_question_one_click_each(
    page, reviewer, cycle_with_difficulties
):
    log_in(page, reviewer.username)
    page.goto(f"/questionnaires/coding/cycles/{cycle_with_difficulties.pk}/")
    expect(page.locator(f"tr[data-question='{DIFFICULTY}'] [data-count=answers]")).to_have_text("3")
    assert_no_axe_violations(page)
    page.locator(f"tr[data-question='{DIFFICULTY}'] th a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Coding the answers to {DIFFICULTY}")
    expect(page.get_by_test_id("coding-help")).to_contain_text("This is not understanding.")
    assert_no_axe_violations(page)
    shot(page, "question-en")
    mark_page(page)

    _accept_reject_and_add_themes_for_kenya(page)
    shot(page, "question-en-coded")

    # Only the uncoded answers.
    page.get_by_label("Uncoded only").check()
    page.get_by_role("button", name="Show", exact=True).click()
    expect(page.locator("article[data-testid=coding-answer]")).to_have_count(2)
    expect(page.locator("article[data-respondent=KEN]")).to_have_count(0)

    _feature_the_useful_practice_of_kenya(page, cycle_with_difficulties)
    in_arabic(page)
    assert_no_axe_violations(page)
    shot(page, "practice-ar")
    page.goto(page_url(cycle_with_difficulties))
    expect(
        page.locator("article[data-respondent=EGY]").get_by_test_id("answer-text")
    ).to_have_attribute("lang", "ar")
    assert_no_axe_violations(page)
    shot(page, "question-ar")
    page.goto(f"/questionnaires/coding/cycles/{cycle_with_difficulties.pk}/")
    assert_no_axe_violations(page)


def test_the_administrator_edits_the_codebook(page, administrator, reference_data):
    log_in(page, administrator.username)
    page.goto("/questionnaires/codebook/")
    assert_no_axe_violations(page)
    shot(page, "codebook-en")
    page.locator("tr[data-theme=difficulty-overcrowding]").get_by_role("link").click()
    assert_no_axe_violations(page)
    page.get_by_label("Active").uncheck()
    page.get_by_role("button", name="Save the theme").click()
    expect(
        page.locator("tr[data-theme=difficulty-overcrowding]").get_by_test_id("inactive")
    ).to_be_visible()
    assert not theme("difficulty-overcrowding").is_active
    page.get_by_test_id("new-theme").click()
    assert_no_axe_violations(page)
    shot(page, "theme-new-en")
    in_arabic(page)
    assert_no_axe_violations(page)
    page.goto("/questionnaires/codebook/")
    assert_no_axe_violations(page)
    shot(page, "codebook-ar")
