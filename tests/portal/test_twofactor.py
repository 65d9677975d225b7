"""Two-factor authentication (portal.twofactor, django-otp): required of reviewers and
administrators before any page, offered to contact persons and delegates; enrolment with a QR
code and ten recovery codes shown once; wrong codes throttled; administrators reset a colleague's
factor, recorded in the security log."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.security.models import EventKind, SecurityEvent
from tests.factories import PASSWORD
from tests.second_factor import app_code, enrolled, verified

pytestmark = pytest.mark.django_db

ENROL = reverse("twofactor_enrol")
VERIFY = reverse("twofactor_verify")
ACCOUNT = reverse("twofactor_account")
# A page of every kind a reviewer opens: home, lists, a cycle's pages, the admin, the log.
STAFF_PAGES = [
    "/",
    "/respondents/",
    "/respondents/KEN/",
    "/standards/",
    "/questionnaires/",
    "/reports/",
    "/admin/",
    "/security-events/",
    "/accounts/password_change/",
    "/no-such-page/",
]


def password_log_in(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def enrolment(client) -> tuple[TOTPDevice, str]:
    """Open the enrolment page; the device it sets up and the key it shows."""
    page = client.get(ENROL)
    assert page.status_code == 200
    secret = re.search(r'data-testid="secret">([^<]+)<', page.content.decode()).group(1)
    return TOTPDevice.objects.get(user=page.wsgi_request.user, confirmed=False), secret


# --- Required of the Secretariat ------------------------------------------------------------------


@pytest.mark.parametrize("role", ["reviewer", "administrator"])
def test_staff_without_a_second_factor_are_sent_to_set_one_up_from_every_page(
    client, request, role
):
    user = request.getfixturevalue(role)
    password_log_in(client, user)
    for url in STAFF_PAGES:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(ENROL + "?next="), url
    # An htmx request is sent there too, and nothing is done by a POST.
    htmx = client.get("/respondents/", headers={"HX-Request": "true"})
    assert htmx["HX-Redirect"] == ENROL
    assert client.post("/security-events/")["Location"] == ENROL


def test_enrolled_staff_are_asked_for_a_code_before_any_page(client, reviewer):
    enrolled(reviewer)
    password_log_in(client, reviewer)
    for url in STAFF_PAGES:
        assert client.get(url)["Location"].startswith(VERIFY + "?next="), url
    # What stays open: the verification, the language, logging out.
    assert client.get(VERIFY).status_code == 200
    assert client.post(reverse("set_language"), {"language": "fr"}).status_code == 302
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_reviewer_enrols_verifies_and_reaches_the_pages(client, reviewer, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    password_log_in(client, reviewer)
    assert client.get("/respondents/")["Location"] == ENROL + "?next=%2Frespondents%2F"
    device, secret = enrolment(client)
    page = client.get(ENROL + "?next=/respondents/").content.decode()
    assert '<svg width="200" height="200" role="img"' in page  # the QR code, drawn inline
    assert "style=" not in page.split('data-testid="qr-code"')[1].split("</div>")[0]
    # The key shown is the device's, as an authenticator app takes it (base 32).
    assert secret.replace(" ", "") in device.config_url
    # A wrong code is refused, with a message by the field.
    wrong = client.post(ENROL, {"code": "000000" if app_code(device) != "000000" else "111111"})
    assert "This code is not the one the app shows now" in wrong.content.decode()
    hurried = client.post(ENROL, {"code": app_code(device)})
    assert "Wait 1 second, then type the code again." in hurried.content.decode()
    time_machine.shift(datetime.timedelta(seconds=2))

    response = client.post(
        ENROL, {"code": app_code(device, steps_ahead=1), "next": "/respondents/"}
    )
    assert response["Location"] == reverse("twofactor_recovery_codes") + "?next=%2Frespondents%2F"
    codes_page = client.get(response["Location"]).content.decode()
    codes = re.findall(r'<li class="col">([a-z2-7]{8})</li>', codes_page)
    assert len(codes) == 10
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=reviewer).values_list("token", flat=True)
    )
    # Shown once only.
    assert not re.findall(
        r'<li class="col">([a-z2-7]{8})</li>', client.get(response["Location"]).content.decode()
    )
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/respondents/").status_code == 200
    assert (
        SecurityEvent.objects.filter(kind=EventKind.SECOND_FACTOR_ENROLLED, user=reviewer).count()
        == 1
    )

    # The next log-in asks for a code, and the app's current one opens the portal.
    client.post(reverse("logout"))
    password_log_in(client, reviewer)
    assert client.get("/respondents/")["Location"].startswith(VERIFY)
    response = client.post(
        VERIFY, {"code": app_code(device, steps_ahead=2), "next": "/respondents/"}
    )
    assert response["Location"] == "/respondents/"
    assert client.get("/respondents/").status_code == 200


def test_a_code_from_the_app_is_taken_only_once(client, reviewer):
    device = enrolled(reviewer)
    code = app_code(device)
    password_log_in(client, reviewer)
    assert client.post(VERIFY, {"code": code})["Location"] == "/"
    client.post(reverse("logout"))
    password_log_in(client, reviewer)
    again = client.post(VERIFY, {"code": code})
    assert again.status_code == 200
    assert "This code is not right, or it has already been used." in again.content.decode()


def test_a_recovery_code_works_once(client, reviewer, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    enrolled(reviewer)
    recovery = StaticDevice.objects.create(user=reviewer, name="recovery codes")
    recovery.token_set.create(token="abcd2345")
    recovery.token_set.create(token="efgh6723")
    password_log_in(client, reviewer)
    response = client.post(VERIFY, {"code": "ABCD 2345", "next": "/respondents/"})
    assert response["Location"] == "/respondents/"
    page = client.get("/respondents/").content.decode()
    assert "You used a recovery code; 1 is left." in page
    event = SecurityEvent.objects.get(kind=EventKind.RECOVERY_CODE_USED, user=reviewer)
    assert event.detail == {"left": 1}

    client.post(reverse("logout"))
    password_log_in(client, reviewer)
    time_machine.shift(datetime.timedelta(seconds=5))
    again = client.post(VERIFY, {"code": "abcd2345"})
    assert again.status_code == 200
    assert "already been used" in again.content.decode()
    assert client.get("/respondents/")["Location"].startswith(VERIFY)


def test_wrong_codes_are_throttled_then_paused_and_logged(client, reviewer, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    device = enrolled(reviewer)
    password_log_in(client, reviewer)
    right = app_code(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    first = client.post(VERIFY, {"code": wrong})
    assert "This code is not right" in first.content.decode()
    # django-otp waits after each wrong code: even the right one, at once, is not checked.
    hurried = client.post(VERIFY, {"code": right})
    assert "Wait 1 second, then type the code again." in hurried.content.decode()
    for _ in range(4):
        time_machine.shift(datetime.timedelta(seconds=20))
        response = client.post(VERIFY, {"code": wrong})
    # The fifth wrong code pauses the account's codes for a quarter of an hour.
    assert response.status_code == 429
    page = response.content.decode()
    assert "Second-factor codes paused after too many wrong ones" in page
    assert (
        SecurityEvent.objects.filter(kind=EventKind.SECOND_FACTOR_FAILED, user=reviewer).count()
        == 5
    )
    time_machine.shift(datetime.timedelta(minutes=5))
    assert client.post(VERIFY, {"code": app_code(device)}).status_code == 429
    assert client.get("/respondents/")["Location"].startswith(VERIFY)
    time_machine.shift(datetime.timedelta(minutes=11))
    assert client.post(VERIFY, {"code": app_code(device)})["Location"] == "/"
    assert client.get("/respondents/").status_code == 200


# --- Offered to contact persons and delegates ------------------------------------------------------


def test_a_contact_person_is_not_asked_until_they_turn_it_on(client, state_a_contact):
    password_log_in(client, state_a_contact)
    assert client.get("/respondents/KEN/").status_code == 200
    page = client.get(ACCOUNT).content.decode()
    assert "Off: your password alone opens your account." in page

    device, _secret = enrolment(client)
    response = client.post(ENROL, {"code": app_code(device)})
    assert response["Location"] == reverse("twofactor_recovery_codes")
    assert client.get("/respondents/KEN/").status_code == 200

    # From now on the password alone is not enough.
    client.post(reverse("logout"))
    password_log_in(client, state_a_contact)
    assert client.get("/respondents/KEN/")["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": app_code(device, steps_ahead=1)})
    assert client.get("/respondents/KEN/").status_code == 200

    # A contact person may turn it off again (staff may not).
    assert "Turn off" in client.get(ACCOUNT).content.decode()
    client.post(reverse("twofactor_turn_off"))
    assert not TOTPDevice.objects.filter(user=state_a_contact).exists()
    assert SecurityEvent.objects.filter(
        kind=EventKind.SECOND_FACTOR_DISABLED, user=state_a_contact
    ).exists()


def test_staff_cannot_turn_their_second_factor_off(client_for, reviewer):
    client = client_for(reviewer)
    assert "Turn off" not in client.get(ACCOUNT).content.decode()
    assert client.post(reverse("twofactor_turn_off")).status_code == 403
    assert TOTPDevice.objects.filter(user=reviewer, confirmed=True).exists()


def test_new_recovery_codes_replace_the_old_ones(client_for, reviewer):
    client = client_for(reviewer)
    response = client.post(reverse("twofactor_recovery_codes"))
    first = set(StaticToken.objects.filter(device__user=reviewer).values_list("token", flat=True))
    assert len(first) == 10 and response.status_code == 302
    client.post(reverse("twofactor_recovery_codes"))
    second = set(StaticToken.objects.filter(device__user=reviewer).values_list("token", flat=True))
    assert len(second) == 10 and not first & second
    assert SecurityEvent.objects.filter(kind=EventKind.RECOVERY_CODES_RENEWED).count() == 2


# --- Reset by an administrator ---------------------------------------------------------------------


def reset(client, user):
    return client.post(
        "/admin/portal/user/", {"action": "reset_second_factor", "_selected_action": [user.pk]}
    )


def test_an_administrator_resets_a_colleagues_second_factor_and_it_is_logged(
    client, administrator, reviewer
):
    # The reviewer's live session loses its verification at once.
    device = enrolled(reviewer)
    password_log_in(client, reviewer)
    client.post(VERIFY, {"code": app_code(device)})
    assert client.get("/respondents/").status_code == 200

    colleague = Client()
    colleague.force_login(administrator)
    verified(colleague, administrator)
    response = reset(colleague, reviewer)
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    event = SecurityEvent.objects.get(kind=EventKind.SECOND_FACTOR_RESET, user=reviewer)
    assert event.actor == administrator

    assert client.get("/respondents/")["Location"].startswith(ENROL)


def test_an_outsider_cannot_reset_someones_second_factor(
    client_for, reviewer, state_a_contact, delegate, state_b_contact
):
    enrolled(state_a_contact)
    for outsider in (reviewer, delegate, state_b_contact):
        response = reset(client_for(outsider), state_a_contact)
        assert response.status_code in (302, 403)
        if response.status_code == 302:  # the admin sends whoever is not staff to its log-in
            assert response["Location"].startswith("/admin/login/")
    assert TOTPDevice.objects.filter(user=state_a_contact, confirmed=True).exists()
    assert not SecurityEvent.objects.filter(kind=EventKind.SECOND_FACTOR_RESET).exists()


def test_an_administrator_cannot_reset_a_superusers_second_factor(
    client_for, administrator, admin_user
):
    enrolled(admin_user)
    reset(client_for(administrator), admin_user)
    assert TOTPDevice.objects.filter(user=admin_user).exists()


# --- The demo ----------------------------------------------------------------------------------------


def test_the_demo_reviewer_logs_in_with_the_printed_demo_code(client, reference_data, capsys):
    from django.core.management import call_command

    from portal.demo import DEMO_PASSWORD, demo_seed

    demo_seed()
    client.post(reverse("login"), {"username": "reviewer", "password": DEMO_PASSWORD})
    assert client.get("/respondents/")["Location"].startswith(VERIFY)
    call_command("demo_code")
    code = capsys.readouterr().out.strip()
    assert re.fullmatch(r"\d{6}", code)
    assert client.post(VERIFY, {"code": code})["Location"] == "/"
    assert client.get("/respondents/").status_code == 200
    # Contact persons of the demo log in with the password alone.
    client.post(reverse("logout"))
    client.post(reverse("login"), {"username": "kenya", "password": DEMO_PASSWORD})
    assert client.get("/respondents/KEN/").status_code == 200
