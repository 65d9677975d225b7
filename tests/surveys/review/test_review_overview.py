"""A cycle's overview for the Secretariat: counts by stage, regional group and type of respondent,
counted by the database in a fixed number of queries, each number linked to its list; filters
and a search by name in any language."""

import re

import pytest
from django.urls import reverse

from portal.models import Respondent
from surveys.models import Reply, ReplyStatus
from surveys.review.selectors import cycle_counts, cycle_respondents
from tests.factories import respondent_of_type
from tests.surveys.replies import approved_version, open_cycle, reply_for

pytestmark = pytest.mark.django_db

STATUSES = {
    "KEN": ReplyStatus.SUBMITTED,
    "SEN": ReplyStatus.RETURNED,
    "FRA": ReplyStatus.ACCEPTED,
    "DEU": ReplyStatus.IN_PROGRESS,
    "BRA": ReplyStatus.RESUBMITTED,
    "IGO1": ReplyStatus.SUBMITTED,
}


@pytest.fixture
def cycle_of_every_status(administrator, reference_data):
    """A cycle with a reply in each status of STATUSES, and two invited who have not started."""
    respondent_of_type("intergovernmental_organization", "IGO1", "Example Organization")
    cycle = open_cycle(administrator, codes=(*STATUSES, "JPN", "CHN"))
    for code, status in STATUSES.items():
        Reply.objects.filter(pk=reply_for(cycle, code).pk).update(status=status)
    return cycle


def overview(client, cycle, **query):
    return client.get(reverse("surveys:cycle_overview", args=[cycle.pk]), query)


def listed(response) -> list[str]:
    return re.findall(r'<tr data-respondent="([^"]+)"', response.content.decode())


def test_the_counts_by_regional_group_and_type(cycle_of_every_status):
    counts = cycle_counts(cycle=cycle_of_every_status)
    total = counts.total.counts
    assert total == {
        "invited": 8, "started": 6, "received": 5, "awaiting_review": 3, "returned": 1,
        "accepted": 1,
    }  # fmt: skip
    regions = {row.key: row.counts for row in counts.by_region}
    assert regions["african"] == {
        "invited": 2, "started": 2, "received": 2, "awaiting_review": 1, "returned": 1,
        "accepted": 0,
    }  # fmt: skip
    assert regions["western_european_others"]["accepted"] == 1
    assert regions["western_european_others"]["started"] == 2
    assert regions["asia_pacific"] == dict.fromkeys(total, 0) | {"invited": 2}
    assert regions["none"]["invited"] == 1  # the organization
    types = {row.key: row.counts["invited"] for row in counts.by_type}
    assert types == {"member_state": 7, "intergovernmental_organization": 1}


def test_every_number_links_to_the_list_behind_it(client_for, reviewer, cycle_of_every_status):
    client = client_for(reviewer)
    html = overview(client, cycle_of_every_status).content.decode()
    table = html[html.index('data-testid="counts-by-region"') :]
    row = table[table.index('data-row="african"') :]
    cell = row[row.index('data-stage="returned"') :]
    link = re.search(r'href="([^"]+)"', cell).group(1).replace("&amp;", "&")
    assert link.endswith("?status=returned&region=african#respondents")
    assert listed(client.get(link)) == ["SEN"]
    assert listed(overview(client, cycle_of_every_status, status="received", region="african")) == [
        "KEN",
        "SEN",
    ]
    assert listed(
        overview(client, cycle_of_every_status, status="started", type="member_state")
    ) == [
        "BRA",
        "FRA",
        "DEU",
        "KEN",
        "SEN",
    ]  # fmt: skip  (alphabetical in English: Brazil, France, Germany, Kenya, Senegal)
    assert listed(
        overview(client, cycle_of_every_status, type="intergovernmental_organization")
    ) == ["IGO1"]
    assert listed(overview(client, cycle_of_every_status, status="not_started")) == ["CHN", "JPN"]
    assert listed(overview(client, cycle_of_every_status, region="none")) == ["IGO1"]


def test_the_search_finds_a_name_in_any_of_the_six_languages(cycle_of_every_status):
    def found(text):
        return sorted(
            i.respondent.code for i in cycle_respondents(cycle=cycle_of_every_status, search=text)
        )

    assert found("kenya") == ["KEN"]
    assert found("Allemagne") == ["DEU"]  # French
    assert found("Бразилия") == ["BRA"]  # Russian
    assert found("日本") == ["JPN"]  # Chinese
    assert found("السنغال") == ["SEN"]  # Arabic
    assert found("fra") == ["FRA"]  # the code, or "France"
    assert found("Example Org") == ["IGO1"]


def test_the_counts_and_the_list_take_a_fixed_number_of_queries(
    client_for, reviewer, administrator, reference_data, django_assert_num_queries
):
    version = approved_version(administrator)
    small = open_cycle(administrator, version, codes=("KEN", "SEN"))
    codes = list(
        Respondent.objects.filter(type__code="member_state")
        .order_by("code")
        .values_list("code", flat=True)[:120]
    )
    large = open_cycle(administrator, version, codes=codes)
    for index, code in enumerate(codes):
        reply = reply_for(large, code)
        reply.status = list(ReplyStatus)[index % len(ReplyStatus)]
        reply.save()
    client = client_for(reviewer)
    overview(client, small)
    # With the session's second-factor device, and the look for a previous cycle (none).
    with django_assert_num_queries(8) as counted:
        assert len(listed(overview(client, small))) == 2
    # 120 respondents: the first page lists 50, the others the rest, each with the same queries;
    # one more than the small cycle's, which is the previous cycle: its counts.
    seen, count = [], len(counted.captured_queries) + 1
    for number in (1, 2, 3):
        with django_assert_num_queries(count):
            page = overview(client, large, page=number)
        seen += listed(page)
        assert "120 respondents" in page.content.decode()
    assert len(seen) == len(set(seen)) == 120 and len(listed(overview(client, large))) == 50
    # The filters carry over to the other pages (80 of the 120 replies were received).
    received = overview(client, large, status="received").content.decode()
    assert "80 respondents" in received
    assert 'href="?page=2&amp;status=received#respondents"' in received
    with django_assert_num_queries(count):
        overview(client, large, status="received", region="african", q="a")


def test_only_the_secretariat_sees_the_overview(
    client_for, cycle_of_every_status, state_a_contact, state_b_contact, delegate, administrator
):
    url = reverse("surveys:cycle_overview", args=[cycle_of_every_status.pk])
    for outsider in (state_a_contact, state_b_contact, delegate):
        assert client_for(outsider).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302
    assert client_for(administrator).get(url).status_code == 200


def test_the_cycle_page_links_to_the_overview(client_for, reviewer, cycle_of_every_status):
    html = (
        client_for(reviewer)
        .get(reverse("surveys:cycle_detail", args=[cycle_of_every_status.pk]))
        .content
    )
    assert reverse("surveys:cycle_overview", args=[cycle_of_every_status.pk]).encode() in html


def test_a_submitted_reply_is_listed_with_a_link_to_its_review(
    client_for, reviewer, cycle_of_every_status
):
    html = overview(client_for(reviewer), cycle_of_every_status, q="Kenya").content.decode()
    kenya = Reply.objects.get(cycle=cycle_of_every_status, respondent__code="KEN")
    assert reverse("surveys:reply_review", args=[kenya.pk]) in html


def test_the_counts_and_the_list_follow_a_reply_that_changes_status(
    client_for, reviewer, cycle_of_every_status
):
    """The tables of counts are drawn once for the numbers they show: a status that changes
    shows at once, in the tables and in the list."""

    def total(html, stage):
        table = html[html.index('data-testid="counts-by-region"') :]
        row = table[table.index('data-row="total"') :]
        return int(re.search(rf'data-stage="{stage}"[^>]*><a [^>]*>(\d+)<', row).group(1))

    client = client_for(reviewer)
    html = overview(client, cycle_of_every_status).content.decode()
    assert (total(html, "accepted"), total(html, "awaiting_review")) == (1, 3)
    Reply.objects.filter(cycle=cycle_of_every_status, respondent__code="KEN").update(
        status=ReplyStatus.ACCEPTED
    )
    html = overview(client, cycle_of_every_status).content.decode()
    assert (total(html, "accepted"), total(html, "awaiting_review")) == (2, 2)
    assert listed(overview(client, cycle_of_every_status, status="accepted")) == ["FRA", "KEN"]
