"""Consultation end to end in a real browser: the Secretariat circulates a draft, two States'
contact persons comment, the Secretariat resolves the comments, revises and approves, and the
approved version then refuses any change."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from portal.models import Respondent
from surveys.consultation.services import consultation_comment_add, consultation_open
from surveys.models import ConsultationComment, Question, QuestionnaireVersion, VersionStatus
from surveys.questionnaires.versions import version_from_document
from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in
from tests.surveys.samples import sample_document

pytestmark = pytest.mark.browser

MEETING = "Intersessional meeting of the Commission on Crime Prevention and Criminal Justice"


@pytest.fixture
def draft(administrator):
    return version_from_document(document=sample_document(), by=administrator)


def _signed_in(browser, live_server, username):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, username)
    return context, page


def _comment(page, question: Question, text: str) -> None:
    block = page.locator(f"#q-{question.pk}")
    block.get_by_label(f"Your comment on {question.code}").fill(text)
    block.get_by_role("button", name="Add the comment").click()
    expect(block.get_by_test_id("own-comment").filter(has_text=text)).to_be_visible()


def _general_comment(page, text: str) -> None:
    block = page.locator("#general")
    block.get_by_label("Your comment on the questionnaire as a whole").fill(text)
    block.get_by_role("button", name="Add the comment").click()
    expect(block.get_by_test_id("own-comment").filter(has_text=text)).to_be_visible()


def _circulate_to_kenya_and_senegal(
    page, administrator, draft, mailoutbox, state_a_contact, state_b_contact
):
    """The administrator circulates the draft to Kenya and Senegal."""
    log_in(page, administrator.username)
    page.goto(f"/questionnaires/versions/{draft.pk}/consultation/")
    page.get_by_label("Kenya", exact=True).check()
    page.get_by_label("Senegal", exact=True).check()
    page.locator("[name=note_en]").fill("Your comments by the end of March, please.")
    page.get_by_label("Comments due by").fill("2026-03-31")
    page.get_by_role("button", name="Circulate for comments").click()
    expect(page.get_by_test_id("version-status")).to_have_text("In consultation")
    expect(page.get_by_test_id("invited")).to_contain_text("Kenya")
    expect(page.get_by_test_id("invited")).to_contain_text("Senegal")
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [state_a_contact.email, state_b_contact.email]
    )


def _kenya_comments(browser, live_server, state_a_contact, a1):
    """Kenya's contact person finds the consultation in the menu and comments."""
    kenya_context, kenya = _signed_in(browser, live_server, state_a_contact.username)
    kenya.locator("[data-nav=consultations]").click()
    expect(kenya.get_by_test_id("own-comment-count")).to_have_text("0")
    kenya.get_by_role("link", name="Sample questionnaire").click()
    _comment(kenya, a1, "Say whether pre-trial detainees are counted.")
    _general_comment(kenya, "Clear and short. Thank you.")
    assert_no_axe_violations(kenya)
    return kenya_context, kenya


def _senegal_comments_apart(browser, live_server, state_b_contact, draft, a2):
    """Senegal's contact person comments too, and does not see Kenya's comments."""
    senegal_context, senegal = _signed_in(browser, live_server, state_b_contact.username)
    senegal.goto(f"/questionnaires/versions/{draft.pk}/comments/")
    expect(senegal.locator("main")).not_to_contain_text("pre-trial detainees")
    _comment(senegal, a2, "Name the inspection body in the question.")
    _general_comment(senegal, "Add a question on legal aid.")
    expect(senegal.locator("main")).not_to_contain_text("Clear and short")
    senegal_context.close()


def _resolve_each_comment(page, a1, a2):
    """The administrator sees both comments by question and decides on each with one click."""
    page.reload()
    a1_comments = page.locator(f"[data-question='{a1.code}'] [data-testid=comment]")
    a2_comments = page.locator(f"[data-question='{a2.code}'] [data-testid=comment]")
    expect(a1_comments).to_have_count(1)
    expect(a1_comments).to_contain_text("Kenya")
    expect(a2_comments).to_contain_text("Senegal")
    expect(page.locator("[data-question=''] [data-testid=comment]")).to_have_count(2)
    expect(page.locator("[data-count=pending]")).to_have_text("4")
    assert_no_axe_violations(page)

    a1_comments.get_by_label("English").fill("A.1 now asks for pre-trial detainees separately.")
    a1_comments.get_by_role("button", name="Taken into account", exact=True).click()
    expect(a1_comments.get_by_test_id("resolution")).to_have_text("Taken into account")
    a2_comments.get_by_role("button", name="Not taken into account").click()
    expect(a2_comments).to_contain_text("Say why the comment is not taken into account.")
    a2_comments.get_by_label("English").fill("The bodies differ from State to State.")
    a2_comments.get_by_role("button", name="Not taken into account").click()
    expect(a2_comments.get_by_test_id("resolution")).to_have_text("Not taken into account")
    expect(page.locator("[data-count=taken]")).to_have_text("1")
    expect(page.locator("[data-count=not_taken]")).to_have_text("1")


def _close_and_revise(page, draft):
    """Closing produces the revised draft with a change log listing what was taken into account."""
    page.reload()
    expect(page.get_by_test_id("pending-warning")).to_contain_text("2 comments")
    change_log = page.get_by_label("Change log of the revised draft")
    expect(change_log).to_have_value(
        "Comments taken into account:\n"
        "- A.1 (Kenya): A.1 now asks for pre-trial detainees separately."
    )
    change_log.fill(
        "A.1 asks for pre-trial detainees separately (comment of Kenya).\n"
        "A.2 unchanged: inspection bodies differ from State to State."
    )
    page.get_by_role("button", name="Close and produce the revised draft").click()
    revised = QuestionnaireVersion.objects.get(based_on=draft)
    page.wait_for_url(f"**/versions/{revised.pk}/consultation/")
    expect(page.get_by_test_id("version-status")).to_have_text("Revised draft")
    expect(page.get_by_test_id("change-log")).to_contain_text("pre-trial detainees separately")
    return revised


def _approve_the_revised_draft(page, revised):
    """The revised draft is approved by a meeting of the Commission."""
    page.get_by_label("Approving meeting").fill(MEETING)
    page.get_by_label("Date of approval").fill("2026-05-20")
    page.get_by_label("Decision reference").fill("Decision 2026/201")
    page.get_by_role("button", name=f"Approve version {revised.number}").click()
    expect(page.get_by_test_id("version-status")).to_have_text("Approved")
    expect(page.get_by_test_id("approval")).to_contain_text("Decision 2026/201")
    revised.refresh_from_db()
    assert revised.status == VersionStatus.APPROVED
    assert (revised.approval_meeting, str(revised.approval_date)) == (MEETING, "2026-05-20")
    assert ConsultationComment.objects.filter(resolution="pending").count() == 2


def _the_approved_version_is_frozen(page, revised):
    """An approved version cannot change: the database refuses, and so does the editor."""
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(version=revised).update(required=True)
    try:
        edit_url = reverse("surveys:version_edit", args=[revised.pk])
    except NoReverseMatch:
        edit_url = None
    if edit_url:
        page.goto(edit_url)
        expect(page.get_by_test_id("frozen")).to_be_visible()


def test_a_draft_is_circulated_commented_resolved_revised_and_approved(
    page, browser, live_server, administrator, state_a_contact, state_b_contact, draft, mailoutbox
):
    a1, a2 = (draft.questions.get(code=code) for code in ("A.1", "A.2"))

    _circulate_to_kenya_and_senegal(
        page, administrator, draft, mailoutbox, state_a_contact, state_b_contact
    )
    kenya_context, kenya = _kenya_comments(browser, live_server, state_a_contact, a1)
    _senegal_comments_apart(browser, live_server, state_b_contact, draft, a2)
    _resolve_each_comment(page, a1, a2)
    revised = _close_and_revise(page, draft)

    # Kenya's contact person can no longer comment.
    kenya.reload()
    expect(kenya.get_by_test_id("closed")).to_be_visible()
    expect(kenya.locator("textarea")).to_have_count(0)
    kenya_context.close()

    _approve_the_revised_draft(page, revised)
    _the_approved_version_is_frozen(page, revised)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_consultation_pages_have_no_accessibility_violations(
    page, browser, live_server, administrator, state_a_contact, draft, language
):
    kenya = Respondent.objects.get(code="KEN")
    consultation = consultation_open(version=draft, respondents=[kenya], by=administrator)
    consultation_comment_add(
        consultation=consultation,
        author=state_a_contact,
        question=draft.questions.get(code="B.2"),
        text="The table needs a column for “not applied”.",
    )
    log_in(page, administrator.username)
    page.context.add_cookies(
        [{"name": "portal_language", "value": language, "url": live_server.url}]
    )
    page.goto(f"/questionnaires/versions/{draft.pk}/consultation/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_no_axe_violations(page)

    context, contact = _signed_in(browser, live_server, state_a_contact.username)
    context.add_cookies([{"name": "portal_language", "value": language, "url": live_server.url}])
    contact.goto(f"/questionnaires/versions/{draft.pk}/comments/")
    expect(contact.locator("html")).to_have_attribute("lang", language)
    assert_no_axe_violations(contact)
    contact.goto("/questionnaires/consultations/")
    assert_no_axe_violations(contact)
    context.close()
