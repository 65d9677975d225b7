"""Answering in a real browser: autosave with relevance, two contact persons on one answer,
another State refused, and the WCAG checks in English and Arabic (issue 4, points 3-5)."""

import pytest
from playwright.sync_api import expect

from portal.roles import Role
from surveys.models import Answer, AnswerChange, Channel
from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in
from tests.factories import user_with_role
from tests.second_factor import browser_log_in

pytestmark = pytest.mark.browser


def _section_url(reply, code="A"):
    section = reply.cycle.version.sections.get(code=code)
    return f"/questionnaires/replies/{reply.pk}/sections/{section.pk}/"


def _field(page, code):
    escaped = code.replace(".", "\\.")
    return page.locator(f"#id_answer-{escaped}")


def _block(page, code):
    return page.locator(f'[data-question="{code}"][data-autosave-url]')


def _signed_in(browser, live_server, username, language="en"):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    if language != "en":
        context.add_cookies(
            [{"name": "portal_language", "value": language, "url": live_server.url}]
        )
    page = context.new_page()
    if language == "en":
        log_in(page, username)
    else:
        browser_log_in(page, username, "a-long-test-password")
        page.wait_for_url("**/")
    return context, page


def _values(reply):
    return {
        a.question.code: (a.value, a.other_text)
        for a in Answer.objects.filter(reply=reply).select_related("question")
    }


def test_a_contact_person_answers_a_section_and_finds_every_answer_after_reloading(
    page, reply, state_a_contact
):
    log_in(page, state_a_contact.username)
    page.goto(_section_url(reply))
    status = page.get_by_test_id("autosave-status")
    follow_up = _block(page, "A.2.1")
    expect(follow_up).to_be_hidden()

    _field(page, "A.1").fill("1200")
    _block(page, "A.2").get_by_label("Yes").check()
    expect(follow_up).to_be_visible()  # shown by the answer "Yes", without a reload
    follow_up.get_by_label("Other, please specify", exact=True).check()
    follow_up.get_by_label("Other, please specify — details").fill("Every quarter")
    _field(page, "A.3").fill("0.85")
    _block(page, "A.4").get_by_label("Partly").check()
    _field(page, "A.5").fill("2026-06-30")
    expect(status).to_contain_text("All changes saved at", timeout=10_000)
    expect(_block(page, "A.5").locator(".answer-saved")).to_contain_text("Saved at")
    expect(page.get_by_test_id("section-progress")).to_have_text(
        "1 of 1 required question done · 5 of 5 optional questions answered"
    )
    expect(page.get_by_test_id("reply-status")).to_have_text("In progress")

    # The answer "No" hides the follow-up, and keeps what was typed in it.
    _block(page, "A.2").get_by_label("No").check()
    expect(follow_up).to_be_hidden()
    _block(page, "A.2").get_by_label("Yes").check()
    expect(follow_up).to_be_visible()
    expect(status).to_contain_text("All changes saved at")

    page.reload()
    expect(_field(page, "A.1")).to_have_value("1200")
    expect(_block(page, "A.2").get_by_label("Yes")).to_be_checked()
    expect(follow_up).to_be_visible()
    expect(follow_up.get_by_label("Other, please specify", exact=True)).to_be_checked()
    expect(follow_up.get_by_label("Other, please specify — details")).to_have_value("Every quarter")
    expect(_field(page, "A.3")).to_have_value("0.85")
    expect(_block(page, "A.4").get_by_label("Partly")).to_be_checked()
    expect(_field(page, "A.5")).to_have_value("2026-06-30")
    assert _values(reply) == {
        "A.1": ("1200", ""), "A.2": ("yes", ""), "A.2.1": ("other", "Every quarter"),
        "A.3": ("0.85", ""), "A.4": ("partly", ""), "A.5": ("2026-06-30", ""),
    }  # fmt: skip
    assert set(AnswerChange.objects.values_list("channel", flat=True)) == {Channel.AUTOSAVE}


def test_an_invalid_value_is_refused_beside_its_field(page, reply, state_a_contact):
    log_in(page, state_a_contact.username)
    page.goto(_section_url(reply))
    _field(page, "A.1").fill("-3")
    message = page.locator("#id_answer-A\\.1_error")
    expect(message).to_have_text("A.1: the number must be at least 0.")
    expect(_field(page, "A.1")).to_have_attribute("aria-invalid", "true")
    expect(_field(page, "A.1")).to_have_attribute(
        "aria-describedby", "id_answer-A.1_helptext id_answer-A.1_error"
    )
    expect(page.get_by_test_id("autosave-status")).to_contain_text("Not saved: A.1")
    assert_no_axe_violations(page)
    _field(page, "A.1").fill("3")
    expect(message).to_have_count(0)
    expect(_field(page, "A.1")).not_to_have_attribute("aria-invalid", "true")
    expect(page.get_by_test_id("autosave-status")).to_contain_text("All changes saved at")
    assert _values(reply) == {"A.1": ("3", "")}


def test_a_failed_save_is_shown_and_retried_until_the_server_has_it(page, reply, state_a_contact):
    log_in(page, state_a_contact.username)
    page.goto(_section_url(reply))
    failures = ["network", "server"]

    def flaky(route):
        if route.request.method == "POST" and failures:
            if failures.pop(0) == "network":
                route.abort("internetdisconnected")
            else:
                route.fulfill(status=503, body="Service unavailable")
        else:
            route.continue_()

    page.route("**/answers/**", flaky)
    status = page.get_by_test_id("autosave-status")
    _field(page, "A.1").fill("640")
    expect(status).to_have_text("Not saved — retrying")
    expect(_block(page, "A.1").locator(".answer-retrying")).to_have_text("Not saved — retrying")
    expect(status).to_contain_text("All changes saved at", timeout=20_000)
    expect(_block(page, "A.1").locator(".answer-saved")).to_contain_text("Saved at")
    assert not failures and _values(reply) == {"A.1": ("640", "")}


def test_two_contact_persons_on_one_answer_never_overwrite_each_other(
    page, browser, live_server, reply, state_a_contact
):
    colleague = user_with_role(
        Role.CONTACT_PERSON, state_a_contact.respondent, username="colleague",
        first_name="Amina", last_name="Wanjiru",
    )  # fmt: skip
    log_in(page, state_a_contact.username)
    page.goto(_section_url(reply))
    other_context, other = _signed_in(browser, live_server, colleague.username)
    other.goto(_section_url(reply))

    # The first saves; the second, who loaded the page before, is refused with the first's value.
    _field(page, "A.1").fill("100")
    expect(page.get_by_test_id("autosave-status")).to_contain_text("All changes saved at")
    _field(other, "A.1").fill("250")
    conflict = _block(other, "A.1").get_by_test_id("conflict")
    expect(conflict).to_contain_text(f"{state_a_contact.get_full_name()} saved another answer")
    expect(conflict.get_by_test_id("theirs")).to_have_text("100 persons")
    expect(other.get_by_test_id("autosave-status")).to_contain_text("Not saved: A.1")
    assert _values(reply)["A.1"] == ("100", "")
    # Different questions never conflict.
    _field(other, "A.3").fill("0.9")
    expect(_block(other, "A.3").locator(".answer-saved")).to_contain_text("Saved at")

    # The second takes the first's answer, then changes it knowingly.
    conflict.get_by_role("button", name="Take theirs").click()
    expect(_field(other, "A.1")).to_have_value("100")
    expect(_block(other, "A.1").get_by_test_id("conflict")).to_have_count(0)
    _field(other, "A.1").fill("300")
    expect(other.get_by_test_id("autosave-status")).to_contain_text("All changes saved at")
    assert Answer.objects.get(reply=reply, question__code="A.1").revision == 2

    # Now the first is behind: refused, shown the colleague's value, and keeps their own.
    _field(page, "A.1").fill("120")
    conflict = _block(page, "A.1").get_by_test_id("conflict")
    expect(conflict).to_contain_text("Amina Wanjiru saved another answer to A.1")
    expect(conflict.get_by_test_id("theirs")).to_have_text("300 persons")
    conflict.get_by_role("button", name="Keep mine").click()
    expect(_block(page, "A.1").locator(".answer-saved")).to_contain_text("Saved at")
    expect(page.get_by_test_id("autosave-status")).to_contain_text("All changes saved at")
    answer = Answer.objects.get(reply=reply, question__code="A.1")
    assert (answer.value, answer.revision, answer.updated_by) == ("120", 3, state_a_contact)
    assert list(answer.changes.values_list("new_value", flat=True)) == ["100", "300", "120"]
    other_context.close()


def test_without_javascript_the_save_button_keeps_the_answers(
    browser, live_server, reply, state_a_contact
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    log_in(page, state_a_contact.username)
    page.goto(_section_url(reply))
    _field(page, "A.1").fill("75")
    _block(page, "A.2").get_by_label("Yes").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Your answers were saved at")).to_be_visible()
    expect(_field(page, "A.1")).to_have_value("75")
    expect(_block(page, "A.2.1")).to_be_visible()  # the server applies the condition
    assert _values(reply) == {"A.1": ("75", ""), "A.2": ("yes", "")}
    context.close()


def test_a_contact_person_of_another_state_gets_404_on_the_reply_urls(page, reply, state_b_contact):
    question = reply.cycle.version.questions.get(code="A.1")
    log_in(page, state_b_contact.username)
    for url in (
        f"/questionnaires/replies/{reply.pk}/",
        f"/questionnaires/replies/{reply.pk}/answer/",
        _section_url(reply, "A"),
        _section_url(reply, "B"),
        f"/questionnaires/replies/{reply.pk}/answers/{question.pk}/",
    ):
        response = page.goto(url)
        assert response.status == 404, url
        expect(page.locator("body")).not_to_contain_text("Kenya")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_answering_pages_pass_the_wcag_checks(
    browser, live_server, reply, state_a_contact, language
):
    context, page = _signed_in(browser, live_server, state_a_contact.username, language)
    page.goto(_section_url(reply, "A"))
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_no_axe_violations(page)
    page.goto(_section_url(reply, "B"))
    _block(page, "B.1").locator("input[value=probation]").check()
    expect(_block(page, "B.2")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"/questionnaires/replies/{reply.pk}/")
    assert_no_axe_violations(page)
    context.close()
