"""The home page starts each role's work: a contact person's questionnaires with the one next step
of each and the reviewer's return note; the replies awaiting review; the latest reports."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from surveys.answering.services import answer_save
from surveys.models import Channel, CycleInvitation, Reply, ReplyStatus
from surveys.review.services import reply_return, review_comment_add, review_comment_answer
from surveys.submission.services import reply_submit
from tests.reports.library_data import compiled_report
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def reply(administrator):
    return reply_for(open_cycle(administrator), "KEN")


def answer(reply, code, value, by):
    question = reply.cycle.version.questions.get(code=code)
    current = reply.answers.filter(question=question).first()
    answer_save(
        reply=reply, question=question, value=value,
        base_revision=current.revision if current else 0, by=by, channel=Channel.WEB,
    )  # fmt: skip


def home(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response


def only_work(response):
    [work] = response.context["my_work"]
    return work


def test_a_contact_person_starts_from_the_home_page(client_for, lead, reply):
    response = home(client_for(lead))
    work = only_work(response)
    assert (work.step, work.totals.percent) == ("start", 0)
    assert work.deadline == reply.cycle.deadline
    page = response.content.decode()
    assert f'href="{reverse("surveys:reply_answer", args=[reply.pk])}"' in page
    assert ">Start<" in page
    assert "Not started" in page and "Sample questionnaire" in page
    # The button leads to the first question in one click.
    first = client_for(lead).get(reverse("surveys:reply_answer", args=[reply.pk]), follow=True)
    assert 'name="' in first.content.decode() and b"How many prisoners?" in first.content


def test_the_next_step_follows_the_answers(client_for, lead, reply):
    answer(reply, "A.2", "yes", lead)  # optional: the required A.1 is still open
    work = only_work(home(client_for(lead)))
    assert work.step == "continue"
    assert work.step_url == reverse("surveys:reply_answer", args=[reply.pk])
    answer(reply, "A.1", "1200", lead)
    work = only_work(home(client_for(lead)))
    assert (work.step, work.step_url) == (
        "submit",
        reverse("surveys:reply_submit", args=[reply.pk]),
    )
    reply_submit(reply=reply, by=lead, may_publish=True)
    response = home(client_for(lead))
    assert only_work(response).step == "wait"
    assert "The Secretariat is reviewing it." in response.content.decode()


def test_after_a_return_the_home_page_shows_the_note_in_full_and_the_comments_to_answer(
    client_for, lead, reviewer, reply
):
    answer(reply, "A.1", "1200", lead)
    reply_submit(reply=reply, by=lead, may_publish=True)
    a1 = reply.cycle.version.questions.get(code="A.1")
    first = review_comment_add(reply=reply, question=a1, text="1,200 or 12,000?", by=reviewer)
    second = review_comment_add(reply=reply, text="Please add the prisons act.", by=reviewer)
    note = "Please check the prison population figure (A.1).\nThe act of 2019 is missing."
    reply_return(reply=reply, by=reviewer, note=note)
    response = home(client_for(lead))
    work = only_work(response)
    assert (work.step, work.open_comments) == ("comments", 2)
    page = response.content.decode()
    assert "Please check the prison population figure (A.1).<br>The act of 2019 is missing." in page
    assert "Answer the 2 comments" in page
    assert f'href="{reverse("surveys:reply_detail", args=[reply.pk])}#review-comments"' in page
    first.refresh_from_db()
    review_comment_answer(comment=first, text="12,000.", by=lead)
    response = home(client_for(lead))
    assert only_work(response).open_comments == 1
    page = response.content.decode()
    assert "Answer the comment<" in page and "Answer the 1 comment" not in page
    second.refresh_from_db()
    review_comment_answer(comment=second, text="Added.", by=lead)
    response = home(client_for(lead))
    assert only_work(response).step == "submit"
    assert "Submit again" in response.content.decode()


def test_questionnaires_to_answer_come_first_nearest_deadline_first(
    client_for, lead, administrator, reply
):
    later = open_cycle(administrator)
    later.deadline = reply.cycle.deadline + datetime.timedelta(days=30)
    later.save()
    sooner = reply_for(open_cycle(administrator), "KEN")
    CycleInvitation.objects.filter(cycle=sooner.cycle).update(
        extended_deadline=reply.cycle.deadline - datetime.timedelta(days=1)
    )
    reply_for(later, "KEN")
    submitted = reply_for(open_cycle(administrator), "KEN")
    Reply.objects.filter(pk=submitted.pk).update(
        status=ReplyStatus.ACCEPTED, submitted_at=timezone.now()
    )
    works = home(client_for(lead)).context["my_work"]
    assert [w.reply.cycle_id for w in works] == [
        sooner.cycle_id, reply.cycle_id, later.pk, submitted.cycle_id
    ]  # fmt: skip
    assert works[0].extended and works[-1].step == "done"


def test_a_contact_person_sees_only_their_own_respondents_questionnaires(
    client_for, state_b_contact, reply
):
    works = home(client_for(state_b_contact)).context["my_work"]
    assert reply.pk not in [w.reply.pk for w in works]
    assert all(w.reply.respondent_id == state_b_contact.respondent_id for w in works)


def test_the_contact_persons_home_costs_the_same_queries_however_many_answers(
    client_for, lead, reply
):
    client = client_for(lead)
    home(client)  # the approved version's content is read once, then kept
    with CaptureQueriesContext(connection) as empty:
        home(client)
    for code, value in {"A.1": "1200", "A.2": "yes", "A.2.1": "monthly", "B.3": "Agency"}.items():
        answer(reply, code, value, lead)
    with CaptureQueriesContext(connection) as answered:
        home(client)
    assert len(empty) == len(answered)
    assert len(answered) <= 18


def test_reviewers_see_the_replies_awaiting_review_longest_waiting_first(
    client_for, reviewer, lead, reply, administrator
):
    answer(reply, "A.1", "1200", lead)
    reply_submit(reply=reply, by=lead, may_publish=True)
    response = home(client_for(reviewer))
    assert [r.pk for r in response.context["awaiting"]] == [reply.pk]
    assert reverse("surveys:reply_review", args=[reply.pk]) in response.content.decode()


def test_delegates_see_the_latest_published_reports(client_for, delegate, administrator):
    compiled_report(administrator, audience="delegates")
    compiled_report(administrator, symbol="E/CN.15/2027/14")  # compiled, not published
    response = home(client_for(delegate))
    [report] = response.context["latest_reports"]
    assert report.symbol == "E/CN.15/2027/13"
    page = response.content.decode()
    assert reverse("reports:library_pdf", args=[report.pk]) in page
    assert "Advance copy for delegates" in page


@pytest.mark.parametrize("actor", ["state_a_contact", None])
def test_only_delegates_and_staff_see_advance_copies_on_the_home_page(
    actor, request, client_for, administrator
):
    compiled_report(administrator, audience="delegates")
    response = home(client_for(request.getfixturevalue(actor) if actor else None))
    assert "latest_reports" not in response.context
    assert b"E/CN.15/2027/13" not in response.content
