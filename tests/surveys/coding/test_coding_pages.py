"""The coding screen at the scale of a full cycle: 193 Member States' replies to one question come
in pages of a bounded size, each with the same number of queries; suggestions are kept."""

import re

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.synthetic import synthetic_cycle_build
from surveys.coding.services import CODED_PURPOSES
from surveys.coding.views import CODING_PER_PAGE
from surveys.models import Question

pytestmark = pytest.mark.django_db

KB = 1024


@pytest.fixture
def full_cycle(reference_data):
    """Every Member State's reply answered (generated text in the State's language), accepted
    and partly coded, as `make bench` builds it."""
    return synthetic_cycle_build(member_states=193, respondents_other=0, seed=11)


def _question(cycle) -> Question:
    question = (
        Question.objects.filter(version_id=cycle.version_id, purpose__in=CODED_PURPOSES)
        .annotate(n=Count("answers"))
        .order_by("-n", "order")
        .first()
    )
    assert question is not None
    return question


def _rows(html: str) -> list[str]:
    return re.findall(r'data-testid="coding-answer" data-respondent="([^"]+)"', html)


def test_193_replies_are_coded_in_pages_under_300_kb_with_the_same_queries_each(
    full_cycle, reviewer, client_for, django_assert_num_queries
):
    question = _question(full_cycle)
    answered = question.answers.count()
    assert answered >= 190
    url = reverse("surveys:coding_question", args=[full_cycle.pk, question.code])
    client = client_for(reviewer)
    pages = -(-answered // CODING_PER_PAGE)
    first = client.get(url)
    html = first.content.decode()
    assert first.status_code == 200 and len(first.content) < 300 * KB
    assert len(_rows(html)) == CODING_PER_PAGE
    assert f"Answers 1 to {CODING_PER_PAGE} of {answered}" in html
    assert f"Page 1 of {pages}" in html and f'href="?page={pages}"' in html
    seen = _rows(html)
    with CaptureQueriesContext(connection) as one:
        client.get(f"{url}?page=2")
    for number in range(2, pages + 1):
        with django_assert_num_queries(len(one.captured_queries)):  # the same for every page
            page = client.get(f"{url}?page={number}")
        assert page.status_code == 200 and len(page.content) < 300 * KB
        seen += _rows(page.content.decode())
    assert len(seen) == len(set(seen)) == answered  # every answer once, none twice
    # Past the last page: the last page. Filters carry over to the other pages.
    assert _rows(client.get(f"{url}?page=999").content.decode()) == _rows(page.content.decode())
    everything = client.get(f"{url}?theme=&uncoded=").content.decode()
    assert 'href="?page=2&amp;theme=&amp;uncoded="' in everything


def test_a_contact_person_cannot_open_a_page_of_the_coding_screen(
    reference_data, state_a_contact, client_for
):
    cycle = synthetic_cycle_build(member_states=3, respondents_other=0, seed=11)
    url = reverse("surveys:coding_question", args=[cycle.pk, _question(cycle).code])
    assert client_for(state_a_contact).get(f"{url}?page=2").status_code in (403, 404)
