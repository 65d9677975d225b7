"""A resubmission shows the word on publication given before, and starts from it."""

import re

import pytest
from django.urls import reverse

from surveys.answering.services import answer_save
from surveys.models import Channel
from surveys.review.services import reply_return
from surveys.submission.services import reply_submit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("agreed", "checked"), [(False, "no"), (True, "yes")])
def test_a_returned_reply_shows_the_consent_given_before_and_keeps_it_chosen(
    client_for, reply, lead, reviewer, agreed, checked
):
    a1 = reply.cycle.version.questions.get(code="A.1")
    answer_save(reply=reply, question=a1, value="12", base_revision=0, by=lead, channel=Channel.WEB)
    reply_submit(reply=reply, by=lead, may_publish=agreed)
    reply_return(reply=reply, by=reviewer, note="Please check A.1.")
    page = client_for(lead).get(reverse("surveys:reply_submit", args=[reply.pk])).content.decode()
    note = page[page.index('data-testid="previous-consent"') :][:400]
    assert ("was agreed" if agreed else "was not agreed") in note
    box = re.search(rf'<input[^>]*name="may_publish"[^>]*value="{checked}"[^>]*>', page)
    assert box and "checked" in box.group(0)


def test_a_first_submission_asks_without_a_previous_answer(client_for, reply, lead):
    a1 = reply.cycle.version.questions.get(code="A.1")
    answer_save(reply=reply, question=a1, value="12", base_revision=0, by=lead, channel=Channel.WEB)
    page = client_for(lead).get(reverse("surveys:reply_submit", args=[reply.pk])).content.decode()
    assert 'data-testid="previous-consent"' not in page
    assert not re.search(r'<input[^>]*name="may_publish"[^>]*checked', page)
