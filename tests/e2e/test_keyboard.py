"""Keyboard and focus, and the contact person's way in, in a real browser: the skip link; a
missing answer reached and fixed from the submit page with the keyboard alone, its field focused
and clear of the sticky save bar; from log-in to the first question through the home page in one
click, and the reviewer's return note on the home page after a return."""

import pytest
from playwright.sync_api import expect

from surveys.answering.services import answer_save
from surveys.models import Channel
from surveys.review.services import reply_return
from surveys.submission.services import reply_submit
from tests.e2e.test_layout import log_in

pytestmark = pytest.mark.browser


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
        return {tag: e.tagName, id: e.id, name: e.name || "", href: e.getAttribute("href") || "",
                text: (e.textContent || "").trim()}; }"""
    )


def tab_to(page, wanted, limit=80) -> dict:
    """Press Tab until the focused element satisfies `wanted` (as a user would, counting)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if wanted(element):
            return element
    raise AssertionError("not reached with Tab")


def test_the_first_tab_offers_the_skip_link_to_the_main_content(page, live_server, lead, reply):
    log_in(page, lead.username)
    page.keyboard.press("Tab")
    assert focused(page)["href"] == "#main"
    assert (
        page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    )  # focus visible
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"


def test_a_missing_answer_is_reached_and_fixed_with_the_keyboard_alone(
    page, live_server, lead, reply
):
    page.set_viewport_size({"width": 1280, "height": 720})
    a1 = reply.cycle.version.questions.get(code="A.1")
    log_in(page, lead.username)
    page.goto(f"/questionnaires/replies/{reply.pk}/submit/")
    tab_to(page, lambda e: f"#question-{a1.pk}" in e["href"])
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/sections/{a1.section_id}/**")
    # The focus is on the question's field, not on <body>, and the field is in view, above the
    # sticky save bar.
    expect(page.locator("[name='answer-A.1']")).to_be_focused()
    box = page.locator("[name='answer-A.1']").bounding_box()
    bar = page.locator(".answer-actions").bounding_box()
    assert box and bar and box["y"] >= 0 and box["y"] + box["height"] <= bar["y"]
    page.keyboard.type("1 200")
    tab_to(page, lambda e: e["name"] != "answer-A.1", limit=1)
    expect(page.get_by_test_id("autosave-status")).to_contain_text("saved", timeout=10_000)
    page.goto(f"/questionnaires/replies/{reply.pk}/submit/")
    expect(page.get_by_test_id("missing")).to_have_count(0)
    assert reply.answers.get(question=a1).value == "1200"


def test_every_field_reached_with_tab_stays_clear_of_the_save_bar(page, live_server, lead, reply):
    """Each text field is put where the sticky save bar covers it, the focus is put just before
    it, and Tab moves to it: the browser must scroll it clear of the bar (scroll-padding in
    answering.css; without it the field stays under the bar, fully 'visible' to the browser)."""
    page.set_viewport_size({"width": 1280, "height": 600})
    log_in(page, lead.username)
    section = reply.cycle.version.sections.order_by("order").first()
    page.goto(f"/questionnaires/replies/{reply.pk}/sections/{section.pk}/")
    fields = page.locator(
        ".answer-question :is(input[type=text], input[inputmode], textarea):visible"
    )
    assert fields.count() >= 2
    for index in range(min(fields.count(), 5)):
        name = page.evaluate(
            """(i) => { const f = [...document.querySelectorAll(
              '.answer-question :is(input[type=text], input[inputmode], textarea)')]
              .filter(e => e.getBoundingClientRect().height > 0)[i];
            const bar = document.querySelector('.answer-actions').getBoundingClientRect();
            const r = f.getBoundingClientRect();
            window.scrollTo({top: scrollY + r.top - (innerHeight - bar.height / 2 - r.height / 2),
                             behavior: 'instant'});
            f.focus({preventScroll: true}); return f.name; }""",
            index,
        )
        page.keyboard.press("Shift+Tab")
        page.wait_for_timeout(600)  # Bootstrap scrolls smoothly
        page.keyboard.press("Tab")
        page.wait_for_timeout(600)
        hidden = page.evaluate(
            """() => { const e = document.activeElement, bar = document.querySelector('.answer-actions');
            const r = e.getBoundingClientRect(), b = bar.getBoundingClientRect();
            return r.height > 0 && r.bottom > b.top && r.top < b.bottom; }"""
        )
        assert focused(page)["name"] == name
        assert not hidden, f"{name} is under the save bar"


def test_log_in_then_one_click_on_start_opens_the_first_question(page, live_server, lead, reply):
    log_in(page, lead.username)  # the home page
    work = page.get_by_test_id("reply-work")
    expect(work).to_contain_text("Sample questionnaire")
    expect(work.get_by_test_id("next-step")).to_have_text("Start · Sample questionnaire")
    work.get_by_test_id("next-step").click()
    expect(page.locator("[name='answer-A.1']")).to_be_visible()


def test_the_return_note_is_on_the_home_page_after_a_return(
    page, live_server, lead, reviewer, reply
):
    a1 = reply.cycle.version.questions.get(code="A.1")
    answer_save(reply=reply, question=a1, value="1200", base_revision=0, by=lead,
                channel=Channel.WEB)  # fmt: skip
    reply_submit(reply=reply, by=lead, may_publish=True)
    reply_return(reply=reply, by=reviewer, note="Please check the prison population figure (A.1).")
    log_in(page, lead.username)
    expect(page.get_by_test_id("return-note")).to_contain_text(
        "Please check the prison population figure (A.1)."
    )
