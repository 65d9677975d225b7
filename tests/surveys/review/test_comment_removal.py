"""Withdrawing a draft review comment: its author or an administrator may, through the review
page's button; another reviewer may not, and a sent comment stays."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from portal.roles import Role
from surveys.answering.services import answer_save
from surveys.models import Channel, ReviewComment
from surveys.review.services import review_comment_add, review_comment_remove
from surveys.submission.services import reply_submit
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(reply, lead):
    answer_save(
        reply=reply, question=reply.cycle.version.questions.get(code="A.1"), value="1200",
        base_revision=0, by=lead, channel=Channel.WEB,
    )  # fmt: skip
    reply_submit(reply=reply, by=lead, may_publish=True)
    reply.refresh_from_db()
    return reply


@pytest.fixture
def other_reviewer(reference_data):
    return user_with_role(Role.REVIEWER, username="other-reviewer")


def remove_url(comment):
    return reverse("surveys:review_comment_remove", args=[comment.pk])


def test_the_author_deletes_a_draft_from_the_review_page(client_for, submitted, reviewer):
    draft = review_comment_add(reply=submitted, text="Not needed after all", by=reviewer)
    page = client_for(reviewer).get(reverse("surveys:reply_review", args=[submitted.pk]))
    assert remove_url(draft) in page.content.decode()

    response = client_for(reviewer).post(remove_url(draft), {"language": "en"})

    assert response.status_code == 302
    assert reverse("surveys:reply_review", args=[submitted.pk]) in response.url
    assert not ReviewComment.objects.exists()


def test_an_administrator_deletes_a_reviewers_draft(client_for, submitted, reviewer, administrator):
    draft = review_comment_add(reply=submitted, text="Drop this", by=reviewer)

    response = client_for(administrator).post(remove_url(draft))

    assert response.status_code == 302
    assert not ReviewComment.objects.filter(pk=draft.pk).exists()


def test_another_reviewer_cannot_delete_a_colleagues_draft(
    client_for, submitted, reviewer, other_reviewer
):
    draft = review_comment_add(reply=submitted, text="Mine", by=reviewer)
    page = client_for(other_reviewer).get(reverse("surveys:reply_review", args=[submitted.pk]))
    assert "Mine" in page.content.decode()
    assert remove_url(draft) not in page.content.decode()

    response = client_for(other_reviewer).post(remove_url(draft))

    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        review_comment_remove(comment=draft, by=other_reviewer)
    assert list(ReviewComment.objects.all()) == [draft]


def test_contact_persons_and_delegates_cannot_delete_a_draft(
    client_for, submitted, reviewer, lead, state_b_contact, delegate
):
    draft = review_comment_add(reply=submitted, text="Internal", by=reviewer)
    for user in (lead, state_b_contact, delegate):
        assert client_for(user).post(remove_url(draft)).status_code == 404, user
    assert list(ReviewComment.objects.all()) == [draft]
