"""The Secretariat's review of a reply: draft comments sent with a return for clarification,
acceptance (only with the permission), every change of status stamped, corrections with a reason,
and what the contact persons see of it."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from portal.roles import Role
from surveys.answering.services import AnswerInvalid, ReplyLocked, answer_save
from surveys.models import AnswerChange, Channel, Reply, ReplyEvent, ReplyStatus, ReviewComment
from surveys.review.services import (
    ReviewRefused,
    answer_correct,
    reply_accept,
    reply_return,
    review_comment_add,
    review_comment_answer,
    review_comment_remove,
)
from surveys.submission.services import reply_submit
from tests.factories import user_with_role
from tests.surveys.replies import reply_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(state_a_contact):
    return user_with_role(
        Role.CONTACT_PERSON, state_a_contact.respondent, username="ken-colleague",
        preferred_language="fr",
    )  # fmt: skip


@pytest.fixture
def accepting_reviewer(reference_data):
    user = user_with_role(Role.REVIEWER, username="senior-reviewer")
    user.user_permissions.add(Permission.objects.get(codename="accept_reply"))
    return user


def question(reply, code):
    return reply.cycle.version.questions.get(code=code)


def answer(reply, code, value, by, *, channel=Channel.WEB, reason=""):
    current = reply.answers.filter(question__code=code).first()
    return answer_save(
        reply=reply, question=question(reply, code), value=value,
        base_revision=current.revision if current else 0, by=by, channel=channel, reason=reason,
    )  # fmt: skip


def submitted(reply, lead, **answers):
    for code, value in (answers or {"A.1": "1200"}).items():
        answer(reply, code, value, lead)
    reply_submit(reply=reply, by=lead, may_publish=True)
    reply.refresh_from_db()
    return reply


def statuses(reply):
    return list(ReplyEvent.objects.filter(reply=reply).values_list("from_status", "to_status"))


# --- Services ----------------------------------------------------------------------------------


def test_a_return_sends_the_draft_comments_and_emails_every_contact_person(
    reply, lead, colleague, reviewer, mailoutbox, django_capture_on_commit_callbacks
):
    submitted(reply, lead)
    on_a1 = review_comment_add(
        reply=reply, question=question(reply, "A.1"), text="Is it 1,200 or 12,000?", by=reviewer
    )
    on_reply = review_comment_add(reply=reply, text="Please add the prisons act.", by=reviewer)
    assert on_a1.snapshot_number == 1 and on_a1.sent_with is None

    with django_capture_on_commit_callbacks(execute=True):
        event = reply_return(
            reply=reply, by=reviewer, note="Two points.", base_url="https://portal.example.org"
        )

    reply.refresh_from_db()
    assert reply.status == ReplyStatus.RETURNED and reply.is_answerable
    assert (event.from_status, event.to_status, event.by, event.note) == (
        "submitted", "returned", reviewer, {"en": "Two points."},
    )  # fmt: skip
    assert event.snapshot.number == 1
    assert set(event.comments.all()) == {on_a1, on_reply}
    by_address = {m.to[0]: m for m in mailoutbox}
    assert sorted(by_address) == sorted([lead.email, colleague.email])
    english, french = by_address[lead.email], by_address[colleague.email]
    assert english.subject == "Reply returned for clarification: Kenya, Test cycle 2027"
    assert (
        "It has written 2 comments." in english.body and "Questions concerned: A.1." in english.body
    )
    assert f"https://portal.example.org/questionnaires/replies/{reply.pk}/submit/" in english.body
    assert "Two points." in english.body
    assert "Questionnaire type" in french.body  # the questionnaire's title in French


def test_a_return_says_what_needs_clarification(reply, lead, reviewer, mailoutbox):
    submitted(reply, lead)
    with pytest.raises(ReviewRefused, match="write a comment or a note"):
        reply_return(reply=reply, by=reviewer)
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.SUBMITTED
    assert not mailoutbox and not ReplyEvent.objects.filter(to_status="returned").exists()
    reply_return(reply=reply, by=reviewer, note="Please check the figures.")
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.RETURNED


def test_wrong_transitions_are_refused_with_a_clear_message(reply, lead, reviewer, administrator):
    answer(reply, "A.1", "1200", lead)
    with pytest.raises(ReviewRefused, match="has not been submitted yet"):
        reply_return(reply=reply, by=reviewer, note="x")
    with pytest.raises(ReviewRefused, match="has not been submitted yet"):
        reply_accept(reply=reply, by=administrator)
    with pytest.raises(ReviewRefused, match="has not been submitted yet"):
        review_comment_add(reply=reply, text="Too early", by=reviewer)
    submitted(reply, lead)
    reply_return(reply=reply, by=reviewer, note="Check A.1")
    with pytest.raises(ReviewRefused, match="wait until it is submitted again"):
        reply_accept(reply=reply, by=administrator)
    with pytest.raises(ReviewRefused, match="wait until it is submitted again"):
        reply_return(reply=reply, by=reviewer, note="again")
    reply_submit(reply=reply, by=lead, may_publish=True)
    reply_accept(reply=reply, by=administrator)
    with pytest.raises(ReviewRefused, match="already been accepted"):
        reply_accept(reply=reply, by=administrator)
    with pytest.raises(ReviewRefused, match="already been accepted"):
        reply_return(reply=reply, by=reviewer, note="late")
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.ACCEPTED


def test_every_status_change_is_stamped_with_who_and_when(
    reply, lead, reviewer, accepting_reviewer
):
    submitted(reply, lead)
    reply_return(reply=reply, by=reviewer, note="Check A.1")
    answer(reply, "A.1", "1250", lead)
    reply_submit(reply=reply, by=lead, may_publish=True)
    reply_accept(reply=reply, by=accepting_reviewer, note="Complete.")
    events = list(ReplyEvent.objects.filter(reply=reply).order_by("at", "pk"))
    assert [(e.from_status, e.to_status, e.by) for e in events] == [
        ("in_progress", "submitted", lead),
        ("submitted", "returned", reviewer),
        ("returned", "resubmitted", lead),
        ("resubmitted", "accepted", accepting_reviewer),
    ]
    assert all(e.at for e in events)
    assert [e.snapshot.number for e in events] == [1, 1, 2, 2]
    assert events[-1].note == {"en": "Complete."}


def test_a_reviewer_without_the_accept_permission_cannot_accept(
    reply, lead, reviewer, accepting_reviewer, administrator, delegate
):
    submitted(reply, lead)
    with pytest.raises(PermissionDenied):
        reply_accept(reply=reply, by=reviewer)
    for outsider in (lead, delegate):
        with pytest.raises(PermissionDenied):
            reply_accept(reply=reply, by=outsider)
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.SUBMITTED
    assert not ReplyEvent.objects.filter(to_status="accepted").exists()
    reply_accept(reply=reply, by=accepting_reviewer)
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.ACCEPTED


def test_an_administrator_always_may_accept(reply, lead, administrator):
    submitted(reply, lead)
    event = reply_accept(reply=reply, by=administrator)
    assert (event.from_status, event.to_status, event.by) == (
        "submitted",
        "accepted",
        administrator,
    )


def test_contact_persons_cannot_comment_or_return(reply, lead, state_b_contact):
    submitted(reply, lead)
    for person in (lead, state_b_contact):
        with pytest.raises(PermissionDenied):
            review_comment_add(reply=reply, text="Self-review", by=person)
        with pytest.raises(PermissionDenied):
            reply_return(reply=reply, by=person, note="x")
    assert not ReviewComment.objects.exists()


def test_a_draft_can_be_deleted_but_a_sent_comment_stays(reply, lead, reviewer):
    submitted(reply, lead)
    draft = review_comment_add(reply=reply, text="Not needed after all", by=reviewer)
    review_comment_remove(comment=draft, by=reviewer)
    assert not ReviewComment.objects.exists()
    with pytest.raises(ReviewRefused, match="Write the comment"):
        review_comment_add(reply=reply, text="  ", by=reviewer)
    kept = review_comment_add(reply=reply, text="Needed", by=reviewer)
    reply_return(reply=reply, by=reviewer)
    with pytest.raises(ReviewRefused, match="stays as sent"):
        review_comment_remove(comment=kept, by=reviewer)


def test_a_contact_person_answers_a_sent_comment_of_their_own_reply_only(
    reply, lead, reviewer, state_b_contact
):
    submitted(reply, lead)
    comment = review_comment_add(
        reply=reply, question=question(reply, "A.1"), text="Which year?", by=reviewer
    )
    reply_return(reply=reply, by=reviewer)
    comment.refresh_from_db()
    response = review_comment_answer(comment=comment, text="The 2025 census.", by=lead)
    assert (response.in_reply_to, response.question, response.author) == (
        comment, comment.question, lead,
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        review_comment_answer(comment=comment, text="Not mine", by=state_b_contact)


# --- Corrections by the Secretariat ----------------------------------------------------------


def test_a_correction_needs_a_reason_and_keeps_the_original_and_the_snapshot(reply, lead, reviewer):
    submitted(reply, lead)
    a1 = question(reply, "A.1")
    with pytest.raises(AnswerInvalid, match="needs a reason"):
        answer_correct(
            reply=reply, question=a1, value="12000", base_revision=1, by=reviewer, reason=""
        )
    saved = answer_correct(
        reply=reply, question=a1, value="12000", base_revision=1, by=reviewer,
        reason="A zero was missing (census 2025).",
    )  # fmt: skip
    assert saved.answer.value == "12000" and saved.answer.revision == 2
    history = list(
        AnswerChange.objects.filter(answer=saved.answer).values_list(
            "new_value", "channel", "reason"
        )
    )
    assert history == [("1200", "web", ""), ("12000", "staff", "A zero was missing (census 2025).")]
    assert reply.snapshots.get(number=1).answers["A.1"]["value"] == "1200"
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SUBMITTED


def test_the_secretariat_does_not_correct_a_reply_the_contact_persons_still_hold(
    reply, lead, reviewer
):
    answer(reply, "A.1", "1200", lead)
    with pytest.raises(ReplyLocked, match="Only a submitted or accepted reply"):
        answer_correct(
            reply=reply, question=question(reply, "A.1"), value="12000", base_revision=1,
            by=reviewer, reason="Typo",
        )  # fmt: skip


def test_only_the_secretariat_uses_the_correction_channel(reply, lead):
    submitted(reply, lead)
    with pytest.raises(PermissionDenied):
        answer(reply, "A.1", "1", lead, channel=Channel.STAFF, reason="Mine")


# --- Views: who may reach them -----------------------------------------------------------------


def review_urls(reply, comment):
    a1 = question(reply, "A.1")
    return [
        ("get", reverse("surveys:cycle_overview", args=[reply.cycle_id])),
        ("get", reverse("surveys:reply_review", args=[reply.pk])),
        ("get", reverse("surveys:answer_correct", args=[reply.pk, a1.pk])),
        ("post", reverse("surveys:answer_correct", args=[reply.pk, a1.pk])),
        ("post", reverse("surveys:review_comment_add", args=[reply.pk])),
        ("post", reverse("surveys:review_comment_remove", args=[comment.pk])),
        ("post", reverse("surveys:reply_return", args=[reply.pk])),
        ("post", reverse("surveys:reply_accept", args=[reply.pk])),
    ]


def test_no_contact_person_or_delegate_reaches_a_review_page(
    client_for, reply, lead, reviewer, state_b_contact, delegate
):
    submitted(reply, lead)
    comment = review_comment_add(reply=reply, text="Draft", by=reviewer)
    for user in (lead, state_b_contact, delegate):
        client = client_for(user)
        for method, url in review_urls(reply, comment):
            response = getattr(client, method)(url, {"text": "x", "note": "x", "reason": "x"})
            assert response.status_code in (403, 404), (user, url)
    client = client_for(None)
    for method, url in review_urls(reply, comment):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/login/" in response.url, url
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.SUBMITTED
    assert list(ReviewComment.objects.all()) == [comment]


def test_the_accept_button_and_view_need_the_permission(
    client_for, reply, lead, reviewer, accepting_reviewer
):
    submitted(reply, lead)
    client = client_for(reviewer)
    page = client.get(reverse("surveys:reply_review", args=[reply.pk])).content.decode()
    assert 'data-testid="no-accept"' in page and 'data-testid="accept-form"' not in page
    response = client.post(reverse("surveys:reply_accept", args=[reply.pk]))
    assert response.status_code == 403
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.SUBMITTED
    client = client_for(accepting_reviewer)
    assert (
        'data-testid="accept-form"'
        in client.get(reverse("surveys:reply_review", args=[reply.pk])).content.decode()
    )
    response = client.post(reverse("surveys:reply_accept", args=[reply.pk]), follow=True)
    assert "The reply is accepted." in response.content.decode()
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.ACCEPTED


def test_a_wrong_transition_through_the_view_says_why(client_for, reply, lead, reviewer):
    answer(reply, "A.1", "1200", lead)
    response = client_for(reviewer).post(
        reverse("surveys:reply_return", args=[reply.pk]), {"note": "x"}, follow=True
    )
    assert "only a submitted reply can be reviewed" in response.content.decode()
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.IN_PROGRESS


# --- Views: the review page -------------------------------------------------------------------


def test_the_review_page_reads_the_reply_in_the_chosen_language_with_its_history(
    client_for, reply, lead, reviewer
):
    answer(reply, "A.1", "1100", lead)
    answer(reply, "B.3", "Direction des prisons", lead)
    submitted(reply, lead, **{"A.1": "1200"})
    client = client_for(reviewer)
    url = reverse("surveys:reply_review", args=[reply.pk])
    english = client.get(url).content.decode()
    assert "How many prisoners?" in english and "1,200 persons" in english
    assert "Direction des prisons" in english  # the answer as written
    assert 'data-testid="history"' in english and "1,100 persons" in english
    french = client.get(url + "?language=fr").content.decode()
    assert "Combien de détenus ?" in french and "1\u202f200 personnes" in french
    assert 'data-testid="changed"' not in english  # a first submission: nothing to compare


def test_the_review_page_shows_only_what_changed_since_the_previous_submission(
    client_for, reply, lead, reviewer
):
    submitted(reply, lead, **{"A.1": "1200", "B.3": "Prisons Service"})
    review_comment_add(reply=reply, question=question(reply, "A.1"), text="Sure?", by=reviewer)
    reply_return(reply=reply, by=reviewer)
    answer(reply, "A.1", "1250", lead)
    reply_submit(reply=reply, by=lead, may_publish=True)
    page = client_for(reviewer).get(reverse("surveys:reply_review", args=[reply.pk]))
    html = page.content.decode()
    assert html.count('data-testid="changed"') == 1
    assert "Changed since submission 1" in html
    a1 = question(reply, "A.1")
    block = html[html.index(f'id="question-{a1.pk}"') :]
    block = block[: block.index("</article>")]
    assert "Changed since submission 1" in block and "<del>1,200 persons</del>" in block
    assert "<ins>1,250 persons</ins>" in block


def test_the_review_page_takes_a_fixed_number_of_queries(
    client_for, reply, lead, reviewer, django_assert_num_queries
):
    submitted(reply, lead)
    client = client_for(reviewer)
    url = reverse("surveys:reply_review", args=[reply.pk])
    client.get(url)
    # The session, the reviewer, their second factor; the reply, its answers, files, changes,
    # comments, last two submissions and events; whether the reviewer may accept it.
    with django_assert_num_queries(11):
        client.get(url)
    for code, value in (("A.3", "1.5"), ("A.5", "2026-01-01"), ("B.3", "Agency")):
        review_comment_add(reply=reply, question=question(reply, code), text="?", by=reviewer)
        answer_correct(
            reply=reply, question=question(reply, code), value=value, base_revision=0,
            by=reviewer, reason="Added from the annex",
        )  # fmt: skip
    with django_assert_num_queries(11):
        client.get(url)


def test_a_reviewer_corrects_an_answer_with_a_reason_through_the_page(
    client_for, reply, lead, reviewer
):
    submitted(reply, lead)
    a1 = question(reply, "A.1")
    client = client_for(reviewer)
    url = reverse("surveys:answer_correct", args=[reply.pk, a1.pk])
    assert client.get(url).status_code == 200
    refused = client.post(url, {"answer-A.1": "12000", "base-A.1": "1", "reason": ""})
    assert refused.status_code == 422 and "needs a reason" in refused.content.decode()
    assert reply.answers.get(question=a1).value == "1200"
    done = client.post(url, {"answer-A.1": "12000", "base-A.1": "1", "reason": "Typo"})
    assert done.status_code == 302
    assert reply.answers.get(question=a1).value == "12000"
    stale = client.post(url, {"answer-A.1": "12001", "base-A.1": "1", "reason": "Again"})
    assert stale.status_code == 409
    assert reply.answers.get(question=a1).value == "12000"


# --- The contact persons' side --------------------------------------------------------------


def section_url(reply, code):
    q = question(reply, code)
    return reverse("surveys:reply_section", args=[reply.pk, q.section_id])


def test_contact_persons_see_the_sent_comments_beside_the_questions_and_on_the_submit_page(
    client_for, reply, lead, reviewer
):
    submitted(reply, lead)
    review_comment_add(
        reply=reply, question=question(reply, "A.1"), text="Is it 1,200?", by=reviewer
    )
    review_comment_add(reply=reply, text="Draft never sent", by=reviewer)
    client = client_for(lead)
    assert "Is it 1,200?" not in client.get(section_url(reply, "A.1")).content.decode()
    ReviewComment.objects.filter(text="Draft never sent").delete()
    reply_return(reply=reply, by=reviewer)
    page = client.get(section_url(reply, "A.1")).content.decode()
    assert "Is it 1,200?" in page and "Comment of the Secretariat" in page
    submit = client.get(reverse("surveys:reply_submit", args=[reply.pk])).content.decode()
    assert 'data-testid="review-comments-summary"' in submit and "Is it 1,200?" in submit


def test_drafts_stay_with_the_secretariat(client_for, reply, lead, reviewer):
    submitted(reply, lead)
    review_comment_add(reply=reply, question=question(reply, "A.1"), text="Hmm", by=reviewer)
    client = client_for(lead)
    for url in (
        section_url(reply, "A.1"),
        reverse("surveys:reply_submit", args=[reply.pk]),
        reverse("surveys:reply_detail", args=[reply.pk]),
    ):
        assert "Hmm" not in client.get(url).content.decode(), url


def test_a_contact_person_of_state_b_cannot_see_state_a_comments(
    client_for, cycle, reply, lead, reviewer, state_b_contact
):
    submitted(reply, lead)
    review_comment_add(
        reply=reply, question=question(reply, "A.1"), text="Kenya: check A.1", by=reviewer
    )
    reply_return(reply=reply, by=reviewer)
    comment = ReviewComment.objects.get()
    senegal = reply_for(cycle, "SEN")
    client = client_for(state_b_contact)
    for url in (
        section_url(reply, "A.1"),
        reverse("surveys:reply_submit", args=[reply.pk]),
        reverse("surveys:reply_detail", args=[reply.pk]),
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        section_url(senegal, "A.1"),
        reverse("surveys:reply_submit", args=[senegal.pk]),
        reverse("surveys:reply_detail", args=[senegal.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200 and "Kenya: check A.1" not in response.content.decode()
    response = client.post(
        reverse("surveys:review_comment_answer", args=[comment.pk]), {"text": "Not ours"}
    )
    assert response.status_code == 404
    assert ReviewComment.objects.count() == 1


def test_a_contact_person_answers_a_comment_on_the_submit_page(client_for, reply, lead, reviewer):
    submitted(reply, lead)
    review_comment_add(
        reply=reply, question=question(reply, "A.1"), text="Which year?", by=reviewer
    )
    reply_return(reply=reply, by=reviewer)
    comment = ReviewComment.objects.get()
    submit = reverse("surveys:reply_submit", args=[reply.pk])
    response = client_for(lead).post(
        reverse("surveys:review_comment_answer", args=[comment.pk]),
        {"text": "The 2025 census.", "next": submit},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == submit
    assert "The 2025 census." in response.content.decode()
    reviewer_page = client_for(reviewer).get(reverse("surveys:reply_review", args=[reply.pk]))
    assert "The 2025 census." in reviewer_page.content.decode()


def test_contact_persons_see_a_correction_with_its_reason(client_for, reply, lead, reviewer):
    submitted(reply, lead)
    answer_correct(
        reply=reply, question=question(reply, "A.1"), value="12000", base_revision=1,
        by=reviewer, reason="A zero was missing",
    )  # fmt: skip
    page = client_for(lead).get(section_url(reply, "A.1")).content.decode()
    assert "Corrected by the Secretariat on" in page and "A zero was missing" in page
    assert "1,200 persons" in page and "12,000 persons" in page


def test_staff_and_delegates_cannot_answer_a_comment_in_a_respondents_name(
    client_for, reply, lead, reviewer, administrator, delegate
):
    submitted(reply, lead)
    review_comment_add(reply=reply, question=question(reply, "A.1"), text="Which?", by=reviewer)
    reply_return(reply=reply, by=reviewer)
    comment = ReviewComment.objects.get()
    url = reverse("surveys:review_comment_answer", args=[comment.pk])
    missing = reverse("surveys:review_comment_answer", args=[comment.pk + 1000])
    for person in (reviewer, administrator, delegate):
        client = client_for(person)
        # The same refusal whether the comment exists or not.
        assert client.post(url, {"text": "Answer"}).status_code == 403
        assert client.post(missing, {"text": "Answer"}).status_code == 403
    assert ReviewComment.objects.count() == 1


def test_a_comment_naming_a_question_that_is_not_a_number_is_not_found(
    client_for, reply, lead, reviewer
):
    submitted(reply, lead)
    response = client_for(reviewer).post(
        reverse("surveys:review_comment_add", args=[reply.pk]), {"question": "A.1", "text": "x"}
    )
    assert response.status_code == 404
    assert not ReviewComment.objects.exists()
