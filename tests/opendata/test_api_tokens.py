"""The "API tokens" page: reviewers and administrators make a token (shown once), see and revoke
their own; contact persons, delegates and visitors cannot; each step is in the security log."""

import pytest
from django.urls import reverse

from opendata.models import ApiToken
from portal.security.models import SecurityEvent

pytestmark = pytest.mark.django_db

PAGE = reverse("opendata:api_tokens")
FORM = {"name": "R analysis", "scopes": ["replies", "coding"], "days": "90"}


def test_a_reviewer_makes_a_token_and_sees_it_once(reviewer, client_for):
    client = client_for(reviewer)
    response = client.post(PAGE, FORM)
    assert response.status_code == 200
    token = response.context["made"]
    row = ApiToken.objects.get()
    assert token.startswith(row.prefix) and row.scopes == ["coding", "replies"]
    assert token in response.content.decode()
    assert token not in client.get(PAGE).content.decode()
    assert row.prefix in client.get(PAGE).content.decode()
    event = SecurityEvent.objects.get(kind="api_token_created")
    assert event.user == reviewer and event.detail["scopes"] == ["coding", "replies"]
    assert event.get_kind_display() == "API token made"  # as the security log lists it
    assert "no-store" in response["Cache-Control"]


def test_a_token_needs_a_name_and_a_scope(reviewer, client_for):
    response = client_for(reviewer).post(PAGE, {"name": "", "days": "90"})
    assert response.status_code == 400
    assert b'data-testid="error-summary"' in response.content
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("actor", ["state_a_contact", "delegate"])
def test_contact_persons_and_delegates_cannot_make_tokens(actor, request, client_for):
    client = client_for(request.getfixturevalue(actor))
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, FORM).status_code == 403
    assert not ApiToken.objects.exists()


def test_a_visitor_is_sent_to_log_in(client):
    assert client.get(PAGE).status_code == 302
    assert client.post(PAGE, FORM).status_code == 302
    assert not ApiToken.objects.exists()


def test_a_reviewer_revokes_their_token_but_not_another_reviewers(
    reviewer, administrator, client_for
):
    client = client_for(administrator)
    client.post(PAGE, FORM)
    theirs = ApiToken.objects.get()
    client = client_for(reviewer)
    client.post(PAGE, FORM)
    mine = ApiToken.objects.get(user=reviewer)
    assert client.post(reverse("opendata:api_token_revoke", args=[theirs.pk])).status_code == 403
    response = client.post(reverse("opendata:api_token_revoke", args=[mine.pk]))
    assert response.status_code == 302
    mine.refresh_from_db(), theirs.refresh_from_db()
    assert mine.revoked_at is not None and theirs.revoked_at is None
    assert SecurityEvent.objects.filter(kind="api_token_revoked").count() == 1


def test_an_administrator_revokes_anyones_token(reviewer, administrator, client_for):
    client_for(reviewer).post(PAGE, FORM)
    token = ApiToken.objects.get()
    client = client_for(administrator)
    client.post(reverse("opendata:api_token_revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_by == administrator
