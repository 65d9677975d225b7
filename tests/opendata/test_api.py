"""The read API (issue 18): every endpoint for an anonymous caller and with an expired, a revoked,
a wrongly scoped and a rightly scoped token; contact persons hold no token; every use and refusal
is in the security log; lists make as many queries however long they are."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from opendata.models import ApiToken, Scope
from opendata.services import api_token_create, api_token_revoke, token_digest
from portal.security.models import SecurityEvent
from surveys.models import AnswerTheme, Decision
from tests.factories import AnswerFactory, AssistanceRequestFactory, ThemeFactory
from tests.reports.library_data import submitted
from tests.surveys.replies import reply_for

pytestmark = pytest.mark.django_db

PUBLIC = ("api:standards", "api:reports", "api:published_cycles", "api:published_answers")
STAFF = {
    "api:cycle_replies": Scope.REPLIES,
    "api:cycle_coding": Scope.CODING,
    "api:cycle_assistance": Scope.ASSISTANCE,
}
ALL = (*PUBLIC, *STAFF)
CYCLE_ROUTES = {"api:published_answers", *STAFF}


def url(name, cycle):
    return reverse(name, args=[cycle.pk]) if name in CYCLE_ROUTES else reverse(name)


def get(client, address, token=None, **params):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(address, params, headers=headers)


@pytest.fixture
def staff_data(replies, cycle, reviewer, state_a_contact):
    """Live answers, a coding decision and an assistance request of Kenya's reply."""
    kenya = replies["KEN"]
    answer = AnswerFactory(reply=kenya, question=cycle.version.questions.get(code="B.3"), value="x")
    theme = ThemeFactory(code="overcrowding")
    AnswerTheme.objects.create(
        answer=answer, theme=theme, decision=Decision.ACCEPTED, decided_by=reviewer,
        decided_at=timezone.now(),
    )  # fmt: skip
    AssistanceRequestFactory(respondent=kenya.respondent, reply=kenya, description="Training")
    return kenya


@pytest.fixture
def token_of(reviewer):
    def make(scopes=tuple(Scope.values), user=None, days=30):
        return api_token_create(by=user or reviewer, name="analysis", scopes=scopes, days=days)[1]

    return make


# --- Who gets what ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_anonymous_reads_public_endpoints_and_is_asked_for_a_token_by_staff_ones(
    name, staff_data, cycle, client
):
    response = get(client, url(name, cycle))
    if name in PUBLIC:
        assert response.status_code == 200, response.content
    else:
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert b"Training" not in response.content


@pytest.mark.parametrize("name", ALL)
def test_an_expired_token_is_refused_everywhere(name, staff_data, cycle, client, token_of):
    token = token_of()
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = get(client, url(name, cycle), token)
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]
    assert SecurityEvent.objects.filter(kind="api_token_refused").count() == 1


@pytest.mark.parametrize("name", ALL)
def test_a_revoked_token_is_refused_everywhere(name, staff_data, cycle, client, token_of, reviewer):
    token = token_of()
    api_token_revoke(token=ApiToken.objects.get(), by=reviewer)
    response = get(client, url(name, cycle), token)
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


@pytest.mark.parametrize("name", ALL)
def test_an_unknown_token_is_refused(name, staff_data, cycle, client):
    assert get(client, url(name, cycle), "snp_not-a-token").status_code == 401


@pytest.mark.parametrize("name", STAFF)
def test_a_token_without_the_scope_is_refused(name, staff_data, cycle, client, token_of):
    others = [s for s in Scope.values if s != STAFF[name]]
    response = get(client, url(name, cycle), token_of(others))
    assert response.status_code == 403
    assert b"Training" not in response.content
    refused = SecurityEvent.objects.get(kind="api_token_refused")
    assert STAFF[name] in refused.detail["reason"]


@pytest.mark.parametrize("name", PUBLIC)
def test_a_token_of_any_scope_reads_public_endpoints(name, staff_data, cycle, client, token_of):
    assert get(client, url(name, cycle), token_of([Scope.CODING])).status_code == 200


@pytest.mark.parametrize("name", STAFF)
def test_a_token_with_the_scope_reads_and_its_use_is_logged(
    name, staff_data, cycle, client, token_of, reviewer
):
    token = token_of([STAFF[name]])
    response = get(client, url(name, cycle), token)
    assert response.status_code == 200
    assert response.json()["count"] >= 1
    assert "no-store" in response["Cache-Control"]  # no cache keeps what a token read
    used = SecurityEvent.objects.get(kind="api_token_used")
    assert used.user == reviewer
    assert used.detail["path"] == url(name, cycle)
    assert used.detail["token"] == token[:12]
    assert ApiToken.objects.get().last_used_at is not None


def test_an_administrator_token_reads_too(staff_data, cycle, client, token_of, administrator):
    token = token_of([Scope.REPLIES], user=administrator)
    assert get(client, url("api:cycle_replies", cycle), token).status_code == 200


# --- Contact persons and delegates hold no token -------------------------------------------------


@pytest.mark.parametrize("actor", ["state_a_contact", "delegate"])
def test_only_the_secretariat_makes_tokens(actor, request):
    with pytest.raises(PermissionDenied):
        api_token_create(by=request.getfixturevalue(actor), name="x", scopes=["replies"], days=30)


@pytest.mark.parametrize("name", STAFF)
def test_a_token_left_to_a_contact_person_is_refused(
    name, staff_data, cycle, client, token_of, reviewer
):
    """A reviewer who became a contact person keeps no access through an old token."""
    token = token_of()
    reviewer.role = "contact_person"
    reviewer.respondent = staff_data.respondent
    reviewer.save()
    response = get(client, url(name, cycle), token)
    assert response.status_code == 401
    assert b"Training" not in response.content


def test_tokens_are_stored_as_digests_only(token_of):
    token = token_of()
    row = ApiToken.objects.get()
    assert row.digest == token_digest(token)
    assert token not in {row.digest, row.prefix, row.name}
    assert token.startswith(row.prefix) and len(row.prefix) < len(token) / 3


# --- What the staff endpoints answer ------------------------------------------------------------


def test_every_reply_of_the_cycle_with_its_live_answers(staff_data, cycle, client, token_of):
    body = get(client, url("api:cycle_replies", cycle), token_of()).json()
    assert [r["respondent"] for r in body["results"]] == ["EGY", "FRA", "KEN", "SEN"]
    kenya = body["results"][2]
    assert kenya["answers"] == [
        {"question": "B.3", "value": "x", "other_text": "", "revision": 1, "updated_at": None}
    ]


def test_replies_filtered_by_status_and_respondent(staff_data, cycle, client, token_of):
    address, token = url("api:cycle_replies", cycle), token_of()
    submitted_ones = get(client, address, token, status="submitted").json()["results"]
    assert [r["respondent"] for r in submitted_ones] == ["FRA"]
    assert get(client, address, token, respondent="SEN").json()["count"] == 1


def test_lists_are_paginated(staff_data, cycle, client, token_of):
    body = get(client, url("api:cycle_replies", cycle), token_of(), page_size=3).json()
    assert body["count"] == 4 and len(body["results"]) == 3 and body["next"]


def test_coding_filtered_by_theme_and_decision(staff_data, cycle, client, token_of):
    address, token = url("api:cycle_coding", cycle), token_of()
    [coding] = get(client, address, token, theme="overcrowding").json()["results"]
    assert (coding["respondent"], coding["question"], coding["decision"]) == (
        "KEN",
        "B.3",
        "accepted",
    )
    assert get(client, address, token, decision="rejected").json()["count"] == 0


def test_assistance_requests_of_the_cycle(staff_data, cycle, client, token_of):
    AssistanceRequestFactory(description="Another cycle's")
    body = get(client, url("api:cycle_assistance", cycle), token_of()).json()
    assert [r["description"] for r in body["results"]] == ["Training"]


def test_published_answers_filtered_by_respondent_and_question(replies, cycle, client):
    address = url("api:published_answers", cycle)
    rows = get(client, address, respondent="KEN", question="A.2", language="fr").json()["results"]
    assert [(r["respondent"], r["value"], r["value_label"]) for r in rows] == [
        ("KEN", "yes", "Oui")
    ]
    assert b"Secret agency" not in get(client, address).content


def test_a_cycle_without_published_replies_is_not_found(cycle, client):
    assert get(client, url("api:published_answers", cycle)).status_code == 404


def test_an_unknown_language_is_a_located_error(replies, cycle, client):
    response = get(client, url("api:published_answers", cycle), language="xx")
    assert response.status_code == 400
    assert "language" in response.json()


# --- Queries ------------------------------------------------------------------------------------


def count(client, address, token) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert get(client, address, token).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ALL)
def test_lists_make_as_many_queries_for_more_rows(
    name, staff_data, cycle, client, token_of, state_a_contact, reviewer
):
    token = token_of()
    address = url(name, cycle)
    before = count(client, address, token)
    theme = ThemeFactory(code="staffing")
    for code in ("BRA", "JPN", "IND"):
        reply = reply_for(cycle, code)
        submitted(reply, state_a_contact, {"A.1": "5", "B.3": code})
        answer = AnswerFactory(reply=reply, question=cycle.version.questions.get(code="B.3"))
        AnswerTheme.objects.create(
            answer=answer, theme=theme, decision=Decision.REJECTED, decided_by=reviewer,
            decided_at=timezone.now(),
        )  # fmt: skip
        AssistanceRequestFactory(respondent=reply.respondent, reply=reply)
    assert count(client, address, token) == before
