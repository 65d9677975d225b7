"""The menu highlights where the user is: a reply's pages belong to the cycles (staff) and to
"My questionnaires" (contact persons), not to the questionnaires' authoring."""

import pytest
from django.urls import reverse

from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.django_db


def current(response) -> list[str]:
    return [item["key"] for item in response.context["navigation"] if item["active"]]


def test_the_review_page_highlights_cycles(client_for, reviewer, administrator):
    reply = reply_for(open_cycle(administrator), "KEN")
    client = client_for(reviewer)
    for name in ("surveys:reply_review", "surveys:reply_detail"):
        assert current(client.get(reverse(name, args=[reply.pk]))) == ["cycles"], name
    assert current(client.get(reverse("surveys:questionnaire_index"))) == ["questionnaires"]


def test_a_contact_persons_reply_highlights_my_questionnaires(client_for, lead, administrator):
    reply = reply_for(open_cycle(administrator), "KEN")
    response = client_for(lead).get(reverse("surveys:reply_detail", args=[reply.pk]))
    assert current(response) == ["my_questionnaires"]


def test_the_coding_codebook_and_extracts_highlight_cycles(client_for, reviewer, administrator):
    cycle = open_cycle(administrator)
    client = client_for(reviewer)
    for url in (
        reverse("surveys:coding_index", args=[cycle.pk]),
        reverse("surveys:codebook_index"),
        reverse("surveys:extract_index", args=[cycle.pk]),
    ):
        assert current(client.get(url)) == ["cycles"], url
