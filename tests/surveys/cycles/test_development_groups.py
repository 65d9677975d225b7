"""Replies read by development status and situation (resolution 2003/30, annex, para. 30): the
reference lists with their sources, the Secretariat's list of post-conflict and peacekeeping
situations per cycle, the overview's counts and filter, and the extract's column."""

import csv
import datetime
import json
import re

import openpyxl
import pytest
from django.urls import reverse

from portal.development import (
    DATA,
    DEVELOPED,
    DEVELOPING,
    LDC,
    LLDC,
    POST_CONFLICT,
    TRANSITION,
    developed_codes,
    respondent_groups,
    transition_codes,
)
from portal.models import Respondent
from surveys.extracts.services import reply_extract_write
from surveys.models import Reply, ReplyStatus, SituationList
from surveys.review.selectors import cycle_counts, cycle_respondents
from tests.factories import respondent_of_type
from tests.surveys.replies import open_cycle, reply_for

MEMBER_STATES = DATA.parent / "un_member_states.csv"
# World Economic Situation and Prospects 2024: South-Eastern Europe, and the Commonwealth of
# Independent States and Georgia.
WESP_2024_TRANSITION = {
    "ALB", "BIH", "MNE", "MKD", "SRB",
    "ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB",
}  # fmt: skip


def test_the_reference_lists_name_their_source_and_date_and_hold_member_states_only():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    states = {row["iso3"]: row for row in csv.DictReader(MEMBER_STATES.open(encoding="utf-8"))}
    for key in ("developed", "economies_in_transition"):
        assert data[key]["source"].strip() and data[key]["date"].strip(), key
        assert set(data[key]["states"]) <= set(states), key
        assert len(set(data[key]["states"])) == len(data[key]["states"]), key
    assert (
        "World Economic Situation and Prospects 2024" in data["economies_in_transition"]["source"]
    )
    assert transition_codes() == WESP_2024_TRANSITION
    # M49's developed regions: Europe, Northern America, Australia and New Zealand, Japan, and
    # Israel and Cyprus.
    europe = {code for code, row in states.items() if row["m49_region"] == "Europe"}
    assert developed_codes() == europe | {"CAN", "USA", "AUS", "NZL", "JPN", "ISR", "CYP"}


@pytest.mark.django_db
def test_each_state_is_developed_or_developing_and_other_bodies_in_no_group(reference_data):
    def groups(code):
        return respondent_groups(Respondent.objects.select_related("type").get(code=code))

    assert groups("FRA") == [DEVELOPED]
    assert groups("KEN") == [DEVELOPING]
    assert groups("SRB") == [DEVELOPED, TRANSITION]  # M49 and WESP classify differently
    assert groups("KAZ") == [DEVELOPING, TRANSITION, LLDC]
    assert groups("AFG") == [DEVELOPING, LDC, LLDC]
    organization = respondent_of_type("intergovernmental_organization", "IGO1", "An Organization")
    assert respondent_groups(organization, post_conflict={"IGO1"}) == []


# --- The Secretariat's list of post-conflict and peacekeeping situations ------------------------


@pytest.fixture
def cycle(administrator, reference_data):
    cycle = open_cycle(administrator, codes=("KEN", "SEN", "FRA", "HTI", "SRB"))
    for code, status in (("KEN", "accepted"), ("HTI", "submitted"), ("FRA", "in_progress")):
        Reply.objects.filter(pk=reply_for(cycle, code).pk).update(status=status)
    return cycle


def situations_url(cycle):
    return reverse("surveys:cycle_situations", args=[cycle.pk])


def _post_list(client, cycle, **values):
    data = {"source": "Department of Peace Operations, list of operations", "as_of": "2026-11-30"}
    data.update(values)
    return client.post(situations_url(cycle), data)


@pytest.mark.django_db
@pytest.mark.parametrize("staff", ["reviewer", "administrator"])
def test_the_secretariat_keeps_the_list_with_its_source_and_date(staff, cycle, request, client_for):
    user = request.getfixturevalue(staff)
    client = client_for(user)
    assert client.get(situations_url(cycle)).status_code == 200
    haiti = Respondent.objects.get(code="HTI")
    response = _post_list(client, cycle, states=[haiti.pk])
    assert response.status_code == 302
    situations = SituationList.objects.get(cycle=cycle)
    assert situations.codes() == {"HTI"}
    assert situations.as_of == datetime.date(2026, 11, 30)
    assert situations.updated_by == user
    page = client.get(situations_url(cycle)).content.decode()
    assert "as of 30 November 2026" in page
    # Changed later: the list is replaced, not added to.
    senegal = Respondent.objects.get(code="SEN")
    _post_list(client, cycle, states=[senegal.pk], as_of="2027-01-15")
    assert SituationList.objects.get(cycle=cycle).codes() == {"SEN"}


@pytest.mark.django_db
def test_a_list_without_its_source_or_date_is_refused(cycle, reviewer, client_for):
    response = _post_list(client_for(reviewer), cycle, source="", as_of="30/11/2026")
    assert response.status_code == 422
    page = response.content.decode()
    assert "This field is required." in page and "Enter the date as YYYY-MM-DD." in page
    assert not SituationList.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("outsider", ["state_a_contact", "delegate"])
def test_an_outsider_can_neither_read_nor_change_the_list(cycle, outsider, request, client_for):
    client = client_for(request.getfixturevalue(outsider))
    assert client.get(situations_url(cycle)).status_code == 403
    haiti = Respondent.objects.get(code="HTI")
    assert _post_list(client, cycle, states=[haiti.pk]).status_code == 403
    assert not SituationList.objects.exists()
    anonymous = client_for(None).get(situations_url(cycle))
    assert anonymous.status_code == 302 and "/login" in anonymous["Location"]


# --- Reading the cycle by group -----------------------------------------------------------------


def _listed(cycle, administrator, *codes):
    situations = SituationList.objects.create(
        cycle=cycle, source="DPO", as_of=datetime.date(2026, 11, 30), updated_by=administrator
    )
    situations.states.set(Respondent.objects.filter(code__in=codes))


@pytest.mark.django_db
def test_the_overview_counts_and_lists_the_respondents_by_group(cycle, administrator, client_for):
    _listed(cycle, administrator, "HTI")
    by_group = {row.key: row.counts for row in cycle_counts(cycle=cycle).by_group}
    assert by_group[DEVELOPING]["invited"] == 3  # Kenya, Senegal, Haiti
    assert by_group[DEVELOPING]["received"] == 2  # Kenya's accepted, Haiti's submitted
    assert by_group[DEVELOPED]["invited"] == 2 and by_group[DEVELOPED]["started"] == 1
    assert by_group[TRANSITION]["invited"] == 1  # Serbia
    assert by_group[LDC]["invited"] == 2  # Senegal and Haiti
    assert by_group[POST_CONFLICT] == {
        "invited": 1, "started": 1, "received": 1, "awaiting_review": 1, "returned": 0,
        "accepted": 0,
    }  # fmt: skip

    def codes(group):
        return sorted(i.respondent.code for i in cycle_respondents(cycle=cycle, group=group))

    assert codes(POST_CONFLICT) == ["HTI"]
    assert codes(TRANSITION) == ["SRB"]
    assert codes(DEVELOPING) == ["HTI", "KEN", "SEN"]
    page = client_for(administrator).get(
        reverse("surveys:cycle_overview", args=[cycle.pk]), {"group": "post_conflict"}
    )
    html = page.content.decode()
    assert re.findall(r'<tr data-respondent="([^"]+)"', html) == ["HTI"]
    assert 'data-testid="counts-by-group"' in html
    assert "Post-conflict or peacekeeping situations" in html


@pytest.mark.django_db
def test_the_extract_names_each_respondents_groups(cycle, administrator, tmp_path):
    _listed(cycle, administrator, "HTI")
    reply_for(cycle, "SRB")
    Reply.objects.filter(cycle=cycle).update(status=ReplyStatus.ACCEPTED)
    path = tmp_path / "extract.xlsx"
    reply_extract_write(cycle=cycle, path=path)
    sheet = openpyxl.load_workbook(path)["Answers"]
    codes = [cell.value for cell in sheet[1]]
    column = codes.index("development_groups")
    groups = {row[0].value: row[column].value for row in sheet.iter_rows(min_row=3)}
    assert groups["FRA"] == "Developed regions (M49)"
    assert groups["SRB"] == "Developed regions (M49); Economies in transition (WESP)"
    assert groups["HTI"] == (
        "Developing regions (M49); Least developed countries; Small island developing States; "
        "Post-conflict or peacekeeping situations"
    )
