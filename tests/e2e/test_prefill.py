"""A reply pre-filled from the respondent's earlier reply, in a real browser: the contact person
sees which answers come from it, confirms one, changes another, and confirms the rest of the
section (issue 18, item 4)."""

import pytest
from playwright.sync_api import expect

from surveys.models import Answer
from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in
from tests.surveys.answering.test_prefill import first_cycle, second_reply

__all__ = ["first_cycle", "second_reply"]

pytestmark = pytest.mark.browser


def _to_confirm(reply) -> set[str]:
    rows = Answer.objects.filter(reply=reply, to_confirm=True).select_related("question")
    return {a.question.code for a in rows}


def _block(page, code):
    return page.locator(f'[data-question="{code}"][data-autosave-url]')


def test_the_contact_person_sees_the_carried_answers_and_confirms_them(
    page, second_reply, state_a_contact
):
    log_in(page, state_a_contact.username)
    section = second_reply.cycle.version.sections.get(code="A")
    page.goto(f"/questionnaires/replies/{second_reply.pk}/sections/{section.pk}/")
    markers = page.get_by_test_id("carried")
    expect(markers).to_have_count(4)
    expect(markers.first).to_contain_text("From your reply of 14 March 2025 — confirm or change.")
    expect(page.get_by_test_id("to-confirm")).to_contain_text("5 answers")
    assert_no_axe_violations(page)

    _block(page, "A.1").get_by_test_id("confirm").click()
    expect(page.get_by_test_id("carried")).to_have_count(3)
    expect(_block(page, "A.1").get_by_test_id("carried")).to_have_count(0)
    assert _to_confirm(second_reply) == {"A.3", "A.3.1", "A.9", "B.4"}

    _block(page, "A.9").get_by_label("Yes").check()  # changing it confirms it (autosave)
    expect(_block(page, "A.9").get_by_test_id("carried")).to_have_count(0)
    assert _to_confirm(second_reply) == {"A.3", "A.3.1", "B.4"}

    page.get_by_test_id("confirm-section").click()
    expect(page.get_by_test_id("carried")).to_have_count(0)
    assert _to_confirm(second_reply) == {"B.4"}
    assert Answer.objects.get(reply=second_reply, question__code="A.9").value == "yes"
