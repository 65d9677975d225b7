"""Sessions and caching: a staff session ends after 30 minutes idle and 12 hours in all, contact
persons and delegates keep the ordinary session; nothing shown to a signed-in user is cached; the
CSRF cookie is out of reach of scripts."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import PASSWORD
from tests.second_factor import verified

pytestmark = pytest.mark.django_db

START = datetime.datetime(2027, 3, 1, 8, 0, tzinfo=datetime.UTC)
PAGE = "/"  # the home page, open to every role


def signed_in(client, user, time_machine):
    time_machine.move_to(START, tick=False)
    client.force_login(user)
    verified(client, user)  # staff have passed their second factor
    assert signed_in_still(client)
    return client


def signed_in_still(client) -> bool:
    response = client.get(PAGE)
    return response.status_code == 200 and response.wsgi_request.user.is_authenticated


def is_logged_out(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["reviewer", "administrator"])
def test_a_staff_session_ends_after_thirty_minutes_idle(client, request, time_machine, role):
    client = signed_in(client, request.getfixturevalue(role), time_machine)
    time_machine.move_to(START + datetime.timedelta(minutes=29), tick=False)
    assert signed_in_still(client)
    time_machine.move_to(START + datetime.timedelta(minutes=29 + 31), tick=False)
    response = client.get(PAGE)
    assert is_logged_out(response)
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert "You were logged out after 30 minutes without activity" in page.content.decode()


def test_a_staff_session_ends_after_twelve_hours_however_busy(client, reviewer, time_machine):
    client = signed_in(client, reviewer, time_machine)
    for minutes in range(20, 12 * 60 + 1, 20):
        time_machine.move_to(START + datetime.timedelta(minutes=minutes), tick=False)
        assert signed_in_still(client), minutes
    time_machine.move_to(START + datetime.timedelta(hours=12, minutes=10), tick=False)
    response = client.get(PAGE)
    assert is_logged_out(response)
    page = client.get(response["Location"])
    assert "Your session ended after 12 hours" in page.content.decode()


@pytest.mark.parametrize(("role", "max_age"), [("reviewer", ""), ("state_a_contact", 14 * 86400)])
def test_a_staff_cookie_ends_with_the_browser_unlike_a_contact_persons(
    client, request, time_machine, role, max_age
):
    user = request.getfixturevalue(role)
    time_machine.move_to(START, tick=False)
    client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    verified(client, user)
    time_machine.move_to(START + datetime.timedelta(minutes=2), tick=False)
    assert signed_in_still(client)
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == max_age


@pytest.mark.parametrize("role", ["state_a_contact", "delegate"])
def test_contact_persons_and_delegates_keep_the_ordinary_session(
    client, request, time_machine, role
):
    client = signed_in(client, request.getfixturevalue(role), time_machine)
    time_machine.move_to(START + datetime.timedelta(hours=13), tick=False)
    assert signed_in_still(client)
    time_machine.move_to(START + datetime.timedelta(days=13), tick=False)
    assert signed_in_still(client)


def test_an_htmx_request_after_the_idle_time_sends_the_browser_to_log_in(
    client, reviewer, time_machine
):
    client = signed_in(client, reviewer, time_machine)
    time_machine.move_to(START + datetime.timedelta(minutes=45), tick=False)
    response = client.get(PAGE, headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == reverse("login")


@pytest.mark.parametrize("role", ["state_a_contact", "reviewer", "administrator", "delegate"])
def test_every_signed_in_page_is_private_and_not_stored(client_for, request, role):
    client = client_for(request.getfixturevalue(role))
    for url in ("/", reverse("surveys:cycle_index") if role != "state_a_contact" else "/"):
        response = client.get(url)
        assert response["Cache-Control"] == "private, no-store", (role, url)


def test_an_anonymous_public_page_may_be_cached(client_for, reference_data):
    response = client_for(None).get(reverse("respondent_index"))
    assert "no-store" not in response.get("Cache-Control", "")


def test_the_csrf_cookie_is_http_only_and_the_page_carries_the_token(client, reference_data):
    page = client.get(reverse("login"))
    assert client.cookies[settings.CSRF_COOKIE_NAME]["httponly"]
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
