"""The review in a real browser: a reviewer returns a reply with two comments; the lead contact
person sees them beside the questions, changes one answer and submits again; the reviewer sees
exactly that change and accepts. The overview and review pages pass axe in English and Arabic."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from portal.roles import Role
from surveys.answering.services import answer_save
from surveys.models import Channel, ReplyEvent, ReplyStatus
from surveys.submission.services import reply_submit
from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_answering import _block, _field, _section_url, _signed_in
from tests.factories import user_with_role
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots-review")  # noqa: S108 - screenshots to look at, by hand


@pytest.fixture
def accepting_reviewer(reference_data):
    user = user_with_role(Role.REVIEWER, username="senior-reviewer", first_name="Ana")
    user.user_permissions.add(Permission.objects.get(codename="accept_reply"))
    return user


@pytest.fixture
def submitted_reply(administrator, reference_data, lead):
    """Kenya's reply, answered and submitted by its lead contact person."""
    reply = reply_for(open_cycle(administrator), "KEN")
    version = reply.cycle.version
    for code, value in (("A.1", "1200"), ("A.2", "no"), ("B.3", "Prisons Service")):
        answer_save(
            reply=reply, question=version.questions.get(code=code), value=value,
            base_revision=0, by=lead, channel=Channel.WEB,
        )  # fmt: skip
    reply_submit(reply=reply, by=lead, may_publish=True)
    reply.refresh_from_db()
    return reply


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _question(page, reply, code):
    pk = reply.cycle.version.questions.get(code=code).pk
    return page.locator(f"#question-{pk}")


def _comment(page, reply, code, text):
    block = _question(page, reply, code)
    block.locator("summary", has_text="Comment on this answer").click()
    block.get_by_label(f"Comment on {code}").fill(text)
    block.get_by_role("button", name="Keep the comment as a draft").click()
    expect(page.get_by_role("status").first).to_contain_text("kept as a draft")


def test_a_reviewer_returns_a_reply_the_lead_answers_and_the_reviewer_accepts(
    browser, live_server, submitted_reply, lead, accepting_reviewer
):
    review_url = f"/questionnaires/replies/{submitted_reply.pk}/review/"
    staff_context, staff = _signed_in(browser, live_server, accepting_reviewer.username)

    # From the cycle to its overview, and to the reply's review.
    staff.goto(f"/questionnaires/cycles/{submitted_reply.cycle_id}/")
    staff.get_by_test_id("cycle-overview-link").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text("Overview of the replies")
    region = staff.get_by_test_id("counts-by-region").locator('[data-row="african"]')
    expect(region.locator('[data-stage="received"]')).to_contain_text("1")
    staff.locator('[data-respondent="KEN"]').get_by_role("link", name="Review").click()
    expect(staff).to_have_url(f"{live_server.url}{review_url}")

    # Two comments, then the return for clarification.
    _comment(staff, submitted_reply, "A.1", "Is it 1,200 or 12,000 prisoners?")
    _comment(staff, submitted_reply, "B.3", "Please give the agency's full name.")
    expect(staff.get_by_test_id("draft-count")).to_have_text("2 draft comments will be sent.")
    staff.get_by_test_id("return-form").get_by_role(
        "button", name="Return for clarification"
    ).click()
    expect(staff.get_by_role("status").first).to_contain_text("returned for clarification")
    expect(staff.locator("h1 + [data-testid=reply-status]")).to_have_text(
        "Returned for clarification"
    )

    # The lead sees the comments beside the questions, changes one answer and submits again.
    lead_context, contact = _signed_in(browser, live_server, lead.username)
    contact.goto(_section_url(submitted_reply, "A"))
    expect(
        _question(contact, submitted_reply, "A.1").get_by_test_id("review-comment")
    ).to_contain_text("Is it 1,200 or 12,000 prisoners?")
    _shot(contact, "contact-section-en")
    contact.goto(_section_url(submitted_reply, "B"))
    expect(
        _question(contact, submitted_reply, "B.3").get_by_test_id("review-comment")
    ).to_contain_text("Please give the agency's full name.")
    contact.goto(_section_url(submitted_reply, "A"))
    _field(contact, "A.1").fill("1250")
    _field(contact, "A.1").blur()
    expect(_block(contact, "A.1").locator(".answer-saved")).to_contain_text("Saved at")
    contact.goto(f"/questionnaires/replies/{submitted_reply.pk}/submit/")
    expect(contact.get_by_test_id("review-comments-summary")).to_contain_text(
        "Is it 1,200 or 12,000 prisoners?"
    )
    _shot(contact, "contact-submit-en")
    contact.get_by_label("Yes, the reply may be published on the portal.").check()
    contact.get_by_role("button", name="Submit the reply").click()
    expect(contact.get_by_test_id("reply-status")).to_have_text("Resubmitted")
    lead_context.close()

    # The reviewer sees exactly that change, and accepts.
    staff.goto(review_url)
    changed = staff.get_by_test_id("changed")
    expect(changed).to_have_count(1)
    a1 = _question(staff, submitted_reply, "A.1")
    expect(a1.get_by_test_id("changed")).to_have_text("Changed since submission 1")
    expect(a1.get_by_test_id("change")).to_contain_text("1,200 persons")
    expect(a1.get_by_test_id("change")).to_contain_text("1,250 persons")
    expect(staff.get_by_test_id("changes-summary")).to_contain_text("A.1")
    _shot(staff, "review-resubmitted-en")
    assert_no_axe_violations(staff)
    staff.get_by_test_id("accept-form").get_by_role("button", name="Accept the reply").click()
    expect(staff.get_by_role("status").first).to_contain_text("The reply is accepted.")
    expect(staff.get_by_test_id("timeline").locator("li")).to_have_count(4)
    staff_context.close()

    submitted_reply.refresh_from_db()
    assert submitted_reply.status == ReplyStatus.ACCEPTED
    assert list(
        ReplyEvent.objects.filter(reply=submitted_reply).values_list("to_status", "by")
    ) == [
        ("submitted", lead.pk),
        ("returned", accepting_reviewer.pk),
        ("resubmitted", lead.pk),
        ("accepted", accepting_reviewer.pk),
    ]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_overview_and_review_pages_pass_the_accessibility_check(
    browser, live_server, submitted_reply, reviewer, language
):
    context, page = _signed_in(browser, live_server, reviewer.username, language)
    page.goto(f"/questionnaires/cycles/{submitted_reply.cycle_id}/overview/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    _shot(page, f"overview-{language}")
    assert_no_axe_violations(page)
    page.goto(
        f"/questionnaires/cycles/{submitted_reply.cycle_id}/overview/?status=received&q=Kenya"
    )
    assert_no_axe_violations(page)
    review_url = f"/questionnaires/replies/{submitted_reply.pk}/review/"
    page.goto(review_url)
    _comment_any(page, submitted_reply)
    page.locator("details.review-history").first.locator("summary").click()
    _shot(page, f"review-{language}")
    assert_no_axe_violations(page)
    page.goto(f"{review_url}?language=fr")
    assert_no_axe_violations(page)
    a1 = submitted_reply.cycle.version.questions.get(code="A.1")
    page.goto(f"/questionnaires/replies/{submitted_reply.pk}/review/answers/{a1.pk}/correct/")
    _shot(page, f"correct-{language}")
    assert_no_axe_violations(page)
    context.close()


def _comment_any(page, reply):
    """A draft comment through the form, whatever the page's language."""
    block = _question(page, reply, "A.1")
    block.locator("details.review-add-comment summary").click()
    block.locator("textarea[name=text]").fill("Is this the total for 2025?")
    block.locator("form button[type=submit]").click()
    expect(_question(page, reply, "A.1").get_by_test_id("review-comment")).to_be_visible()
