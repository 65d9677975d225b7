"""A question shown on one of several answers to an earlier question (XLSForm's `or`), live in
the browser: relevance.js shows and hides it as the server would (issue 14, item 4)."""

import pytest
from playwright.sync_api import expect

from surveys.questionnaires.documents import document_from_dict
from tests.e2e.test_layout import log_in
from tests.factories import approved_version
from tests.surveys.questionnaires.test_combined_conditions import combined_sample
from tests.surveys.questionnaires.test_number_comparisons import comparison_sample
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.browser


def test_a_question_shown_on_either_of_two_answers_shows_and_hides_as_they_change(
    page, administrator, state_a_contact
):
    version = approved_version(administrator, document_from_dict(combined_sample()))
    reply = reply_for(open_cycle(administrator, version), "KEN")
    section = reply.cycle.version.sections.get(code="A")
    log_in(page, state_a_contact.username)
    page.goto(f"/questionnaires/replies/{reply.pk}/sections/{section.pk}/")
    question = page.locator('[data-question="A.4"][data-autosave-url]')
    census = page.locator('[data-question="A.5"][data-autosave-url]')  # A.4 yes or partly
    expect(census).to_be_hidden()

    question.get_by_label("Partly").check()
    expect(census).to_be_visible()
    question.get_by_label("No", exact=True).check()
    expect(census).to_be_hidden()
    question.get_by_label("Yes").check()
    expect(census).to_be_visible()
    census.locator("input").first.fill("2026-06-30")
    question.get_by_label("Don't know").check()
    expect(census).to_be_hidden()
    expect(page.get_by_test_id("autosave-status")).to_contain_text("All changes saved at")

    # The server agrees: after a reload A.5 stays hidden under "Don't know".
    page.reload()
    expect(census).to_be_hidden()
    question.get_by_label("Partly").check()
    expect(census).to_be_visible()
    expect(census.locator("input").first).to_have_value("2026-06-30")


def test_a_question_shown_above_a_number_follows_the_number_typed(
    page, administrator, state_a_contact
):
    """A.5 is asked when the occupancy rate A.3 is more than 1.2: typed, changed, cleared."""
    version = approved_version(administrator, document_from_dict(comparison_sample()))
    reply = reply_for(open_cycle(administrator, version), "KEN")
    section = reply.cycle.version.sections.get(code="A")
    log_in(page, state_a_contact.username)
    page.goto(f"/questionnaires/replies/{reply.pk}/sections/{section.pk}/")
    rate = page.locator('[data-question="A.3"][data-autosave-url] input').first
    census = page.locator('[data-question="A.5"][data-autosave-url]')
    expect(census).to_be_hidden()  # unanswered: never more than 1.2

    rate.fill("1.5")
    expect(census).to_be_visible()
    rate.fill("1.2")
    expect(census).to_be_hidden()
    rate.fill("1.25")
    expect(census).to_be_visible()
    expect(page.get_by_test_id("autosave-status")).to_contain_text("All changes saved at")

    # The server agrees after a reload, and an emptied answer hides A.5 again.
    page.reload()
    expect(census).to_be_visible()
    rate.fill("")
    expect(census).to_be_hidden()
