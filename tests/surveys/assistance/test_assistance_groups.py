"""The technical-assistance list by development status and situation (resolution 2003/30, annex,
para. 30): the filter keeps the requests of the group's States, the breakdown counts agree with the
database, a State is in a post-conflict or peacekeeping situation only on its reply's cycle's
list, and nobody outside the Secretariat reaches the list, filtered or not."""

import datetime

import pytest
from django.urls import reverse

from portal.development import DEVELOPED, DEVELOPING, GROUPS, LDC, POST_CONFLICT, developed_codes
from portal.models import Respondent
from surveys.models import AssistanceRequest, SituationList
from tests.surveys.replies import reply_for

pytestmark = pytest.mark.django_db

CODES = ["KEN", "SEN", "POL", "FRA", "IND"]


@pytest.fixture
def requests_of_states(assistance_cycle):
    """One request from each of CODES' replies, two from Senegal's."""
    rows = []
    for code in CODES:
        reply = reply_for(assistance_cycle, code)
        for n in range(2 if code == "SEN" else 1):
            rows.append(
                AssistanceRequest.objects.create(
                    respondent=reply.respondent,
                    reply=reply,
                    description=f"{code} {n}",
                    language="en",
                )  # fmt: skip
            )
    return rows


def _shown(response):
    return sorted(r.respondent.code for r in response.context["page"].object_list)


def test_the_filter_keeps_the_requests_of_the_groups_states(
    client_for, reviewer, requests_of_states
):
    client = client_for(reviewer)
    url = reverse("surveys:assistance_index")
    developing = sorted(
        r.respondent.code for r in requests_of_states if r.respondent.code not in developed_codes()
    )
    assert developing == ["IND", "KEN", "SEN", "SEN"]
    assert _shown(client.get(url, {"group": DEVELOPING})) == developing
    assert _shown(client.get(url, {"group": DEVELOPED})) == ["FRA", "POL"]
    ldc = sorted(r.respondent.code for r in requests_of_states if r.respondent.is_ldc)
    assert ldc and _shown(client.get(url, {"group": LDC})) == ldc
    # A group and another filter together.
    assert _shown(client.get(url, {"group": DEVELOPING, "respondent": "SEN"})) == ["SEN", "SEN"]
    # A group that is not one is refused as a filter, not read as none.
    response = client.get(url, {"group": "rich"})
    assert response.status_code == 200 and len(_shown(response)) == len(requests_of_states)
    assert "rich" in response.context["form"].errors.get("group", [""])[0]


def test_the_breakdown_counts_agree_with_the_database(client_for, reviewer, requests_of_states):
    response = client_for(reviewer).get(reverse("surveys:assistance_index"))
    counts = {key: count for key, _label, count in response.context["by_group"]}
    assert list(counts) == list(GROUPS)
    requests = AssistanceRequest.objects.all()
    assert counts[DEVELOPED] == requests.filter(respondent__code__in=developed_codes()).count()
    assert counts[DEVELOPING] == requests.exclude(respondent__code__in=developed_codes()).count()
    assert counts[LDC] == requests.filter(respondent__is_ldc=True).count()
    assert counts[POST_CONFLICT] == 0  # the Secretariat listed no situation
    page = response.content.decode()
    assert f'data-count="{DEVELOPING}">{counts[DEVELOPING]}<' in page
    # The breakdown follows the other filters.
    response = client_for(reviewer).get(reverse("surveys:assistance_index"), {"respondent": "SEN"})
    counts = {key: count for key, _label, count in response.context["by_group"]}
    assert counts[DEVELOPING] == 2 and counts[DEVELOPED] == 0


def test_post_conflict_requests_are_those_of_states_on_their_cycles_list(
    client_for, reviewer, administrator, requests_of_states, assistance_cycle
):
    situations = SituationList.objects.create(
        cycle=assistance_cycle, source="Demonstration list", as_of=datetime.date(2026, 11, 30),
        updated_by=administrator,
    )  # fmt: skip
    situations.states.set(Respondent.objects.filter(code__in=["SEN", "EGY"]))
    # A request of Senegal outside the cycle (no reply) is not of a listed situation.
    AssistanceRequest.objects.create(
        respondent=Respondent.objects.get(code="SEN"), description="Outside", language="en"
    )
    client = client_for(reviewer)
    url = reverse("surveys:assistance_index")
    response = client.get(url, {"group": POST_CONFLICT})
    assert _shown(response) == ["SEN", "SEN"]
    counts = {key: count for key, _label, count in response.context["by_group"]}
    assert counts[POST_CONFLICT] == 2


@pytest.mark.parametrize("actor", ["french_lead", "state_b_contact", "delegate"])
def test_outsiders_cannot_read_the_list_by_group(request, client_for, requests_of_states, actor):
    client = client_for(request.getfixturevalue(actor))
    for group in (DEVELOPING, POST_CONFLICT):
        response = client.get(reverse("surveys:assistance_index"), {"group": group})
        assert response.status_code in (403, 404)
        assert b"SEN 0" not in response.content
    response = client_for(None).get(reverse("surveys:assistance_index"), {"group": LDC})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
