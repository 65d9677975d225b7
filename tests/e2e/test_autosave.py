"""Autosave in a real browser, beyond tests/e2e/test_answering.py: "keep mine" survives a failed
save, a submitted reply says "Not saved", and leaving with a change not saved asks first."""

import pytest
from playwright.sync_api import expect

from portal.roles import Role
from surveys.models import Answer, ReplyStatus
from tests.e2e.test_answering import _block, _field, _section_url
from tests.e2e.test_layout import log_in
from tests.factories import user_with_role
from tests.surveys.answering.test_answering import save
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.browser


@pytest.fixture
def reply(administrator, reference_data):
    return reply_for(open_cycle(administrator), "KEN")


def _fail_posts(page, count):
    failures = ["network"] * count

    def flaky(route):
        if route.request.method == "POST" and failures:
            failures.pop()
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route("**/answers/**", flaky)
    return failures


def test_keep_mine_is_saved_from_their_revision_after_a_failed_attempt(
    page, reply, state_a_contact
):
    colleague = user_with_role(
        Role.CONTACT_PERSON, state_a_contact.respondent, username="colleague"
    )
    log_in(page, state_a_contact.username)
    page.goto(_section_url(reply))
    save(reply, "A.1", "100", colleague)
    _field(page, "A.1").fill("250")
    conflict = _block(page, "A.1").get_by_test_id("conflict")
    expect(conflict.get_by_test_id("theirs")).to_have_text("100 persons")
    failures = _fail_posts(page, 1)
    conflict.get_by_role("button", name="Keep mine").click()
    expect(_block(page, "A.1").locator(".answer-retrying")).to_have_text("Not saved — retrying")
    status = page.get_by_test_id("autosave-status")
    expect(status).to_contain_text("All changes saved at", timeout=10_000)
    answer = Answer.objects.get(reply=reply, question__code="A.1")
    assert not failures and (answer.value, answer.revision) == ("250", 2)


def test_a_reply_submitted_meanwhile_says_not_saved(page, reply, state_a_contact):
    log_in(page, state_a_contact.username)
    page.goto(_section_url(reply))
    reply.status = ReplyStatus.SUBMITTED
    reply.save(update_fields=["status"])
    _field(page, "A.1").fill("7")
    expect(_block(page, "A.1").locator(".answer-locked")).to_contain_text("has been submitted")
    expect(page.get_by_test_id("autosave-status")).to_have_text("Not saved")


def test_leaving_while_a_change_is_not_saved_asks_first(page, reply, state_a_contact):
    log_in(page, state_a_contact.username)
    page.goto(_section_url(reply))
    _fail_posts(page, 100)
    _field(page, "A.1").fill("640")
    expect(page.get_by_test_id("autosave-status")).to_have_text("Not saved — retrying")
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"] and not page.is_closed()
