"""Log-in lockout, throttled password resets and invitation links, and the security log."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from portal.models import User
from portal.roles import Role
from portal.security.models import EventKind, SecurityEvent
from portal.security.services import client_ip
from portal.security.tasks import security_events_purge_task
from portal.services import user_assign_role
from tests.factories import PASSWORD, UserFactory
from tests.portal.test_settings import PRODUCTION, _run

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def _log_in(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def _is_signed_in(client) -> bool:
    """The password was taken (a reviewer then still gives a second factor)."""
    return "_auth_user_id" in client.session


# --- Lockout --------------------------------------------------------------------------------------


def test_ten_wrong_passwords_lock_the_account_for_a_while_with_a_clear_message(
    client, reviewer, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    for _ in range(9):
        response = _log_in(client, "reviewer", "wrong")
        assert response.status_code == 200
        assert "Please enter a correct username and password" in response.content.decode()

    tenth = _log_in(client, "reviewer", "wrong")
    assert tenth.status_code == 429
    page = tenth.content.decode()
    assert "Log-in paused after too many failed attempts" in page
    assert "after 10 failed attempts" in page
    assert "Please try again in 15 minutes." in page

    # Even the right password is refused while the lockout lasts, and not one more failure
    # prolongs it.
    assert _log_in(client, "reviewer", PASSWORD).status_code == 429
    assert not _is_signed_in(client)

    time_machine.shift(datetime.timedelta(minutes=14))
    assert _log_in(client, "reviewer", PASSWORD).status_code == 429
    time_machine.shift(datetime.timedelta(minutes=2))
    assert _log_in(client, "reviewer", PASSWORD).status_code == 302
    assert _is_signed_in(client)


def test_the_lockout_page_is_in_the_users_language(client, reviewer):
    for _ in range(10):
        response = _log_in(client, "reviewer", "wrong", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 429
    assert '<html lang="fr"' in response.content.decode()


def test_the_lockout_holds_from_another_address(client, reviewer):
    for _ in range(10):
        _log_in(client, "reviewer", "wrong", REMOTE_ADDR="10.0.0.1")
    response = _log_in(client, "reviewer", PASSWORD, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 429


def test_an_address_trying_many_names_is_locked_out_too(client, reviewer):
    for number in range(10):
        _log_in(client, f"someone-{number}", "wrong", REMOTE_ADDR="10.0.0.9")
    assert _log_in(client, "reviewer", PASSWORD, REMOTE_ADDR="10.0.0.9").status_code == 429
    assert _log_in(client, "reviewer", PASSWORD, REMOTE_ADDR="10.0.0.10").status_code == 302


def test_the_admin_log_in_is_locked_out_too(client, administrator):
    for _ in range(10):
        response = client.post("/admin/login/", {"username": "administrator", "password": "wrong"})
    assert response.status_code == 429
    response = client.post("/admin/login/", {"username": "administrator", "password": PASSWORD})
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302


def test_an_administrator_unlocks_a_locked_account(client, client_for, reviewer, admin_user):
    for _ in range(10):
        _log_in(client, "reviewer", "wrong")
    assert _log_in(client, "reviewer", PASSWORD).status_code == 429

    admin = client_for(admin_user)
    response = admin.post(
        "/admin/portal/user/",
        {"action": "unlock_login", "_selected_action": [reviewer.pk]},
    )
    assert response.status_code == 302
    assert SecurityEvent.objects.filter(kind=EventKind.UNLOCKED, user=reviewer).exists()

    admin.logout()
    assert _log_in(client, "reviewer", PASSWORD).status_code == 302


# --- Password reset and invitation links ----------------------------------------------------------


def test_password_resets_for_one_address_are_throttled(client, state_a_contact):
    for _ in range(5):
        response = client.post("/accounts/password_reset/", {"email": state_a_contact.email})
        assert response.status_code == 302
    refused = client.post("/accounts/password_reset/", {"email": state_a_contact.email.upper()})
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Too many password reset requests" in page
    assert "Please try again in 60 minutes." in page
    # Unknown addresses are counted alike: the throttle tells nothing about accounts.
    for _ in range(5):
        client.post("/accounts/password_reset/", {"email": "nobody@example.org"})
    assert (
        client.post("/accounts/password_reset/", {"email": "nobody@example.org"}).status_code == 429
    )


def test_password_resets_from_one_client_are_throttled(client, reference_data):
    for number in range(20):
        response = client.post("/accounts/password_reset/", {"email": f"p{number}@example.org"})
        assert response.status_code == 302
    assert client.post("/accounts/password_reset/", {"email": "p99@example.org"}).status_code == 429
    other = client.post(
        "/accounts/password_reset/", {"email": "p99@example.org"}, REMOTE_ADDR="10.1.1.1"
    )
    assert other.status_code == 302


def test_invitation_links_are_throttled_after_ten_refused(client, reference_data):
    link = reverse("contact_welcome", args=["MQ", "bad-token"])
    for _ in range(10):
        assert client.get(link).status_code == 200
    response = client.get(link)
    assert response.status_code == 429
    assert "Too many invitation links that cannot be used" in response.content.decode()
    assert client.get(link, REMOTE_ADDR="10.2.2.2").status_code == 200


# --- The security log -------------------------------------------------------------------------


def test_log_ins_failures_and_lockouts_are_logged_with_the_address(client, reviewer):
    _log_in(client, "reviewer", PASSWORD, REMOTE_ADDR="192.0.2.7")
    for _ in range(10):
        _log_in(client, "reviewer", "wrong", REMOTE_ADDR="192.0.2.8")
    _log_in(client, "reviewer", PASSWORD, REMOTE_ADDR="192.0.2.8")

    succeeded = SecurityEvent.objects.get(kind=EventKind.LOGIN_SUCCEEDED)
    assert (succeeded.user, succeeded.ip) == (reviewer, "192.0.2.7")
    failed = SecurityEvent.objects.filter(kind=EventKind.LOGIN_FAILED)
    assert failed.count() == 11  # the right password, refused during the lockout, included
    assert {(event.username, event.ip) for event in failed} == {("reviewer", "192.0.2.8")}
    locked = SecurityEvent.objects.filter(kind=EventKind.LOCKED_OUT)
    assert locked.count() == 2  # the tenth failure, then the attempt while locked
    assert locked.first().detail == {"path": LOGIN}


def test_a_password_change_is_logged(client_for, state_a_contact):
    client = client_for(state_a_contact)
    client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-brand-new-passphrase",
            "new_password2": "a-brand-new-passphrase",
        },
        REMOTE_ADDR="192.0.2.9",
    )
    event = SecurityEvent.objects.get(kind=EventKind.PASSWORD_CHANGED)
    assert (event.user, event.actor, event.ip) == (state_a_contact, state_a_contact, "192.0.2.9")
    assert event.detail == {"path": "/accounts/password_change/"}


def test_group_and_permission_changes_are_logged(reference_data):
    user = UserFactory(username="newcomer")
    user_assign_role(user=user, role=Role.REVIEWER)
    groups = SecurityEvent.objects.filter(kind=EventKind.GROUPS_CHANGED, user=user)
    assert [event.detail for event in groups.order_by("pk")] == [{"added": ["Reviewers"]}]

    accept = Permission.objects.get(codename="change_respondent")
    user.user_permissions.add(accept)
    event = SecurityEvent.objects.filter(kind=EventKind.PERMISSIONS_CHANGED).latest("pk")
    assert (event.user, event.detail) == (user, {"added": ["portal.change_respondent"]})

    Group.objects.get(name="Reviewers").permissions.remove(accept)
    event = SecurityEvent.objects.filter(kind=EventKind.PERMISSIONS_CHANGED).latest("pk")
    assert event.user is None
    assert event.detail == {"group": "Reviewers", "removed": ["portal.change_respondent"]}


def test_an_extract_download_is_logged(client_for, reviewer, settings, tmp_path):
    from django.core.files.base import ContentFile

    from portal.jobs import JobStatus
    from surveys.models import ReplyExtract
    from tests.factories import CycleFactory

    settings.MEDIA_ROOT = tmp_path
    extract = ReplyExtract.objects.create(
        cycle=CycleFactory(), requested_by=reviewer, status=JobStatus.READY
    )
    extract.file.save("extract.xlsx", ContentFile(b"PK"))
    response = client_for(reviewer).get(reverse("surveys:extract_download", args=[extract.pk]))
    assert response.status_code == 200
    event = SecurityEvent.objects.get(kind=EventKind.EXTRACT_DOWNLOADED)
    assert event.user == reviewer
    assert event.detail == {"extract": extract.pk, "cycle": extract.cycle_id}


def test_old_events_are_forgotten_after_the_configured_period(settings, reference_data):
    settings.SECURITY_EVENTS_KEEP_DAYS = 30
    now = timezone.now()
    old = SecurityEvent.objects.create(kind=EventKind.LOGIN_FAILED, at=now - datetime.timedelta(31))
    recent = SecurityEvent.objects.create(
        kind=EventKind.LOGIN_FAILED, at=now - datetime.timedelta(29)
    )
    assert security_events_purge_task.delay().get() == 1
    assert list(SecurityEvent.objects.filter(pk__in=[old.pk, recent.pk])) == [recent]
    assert "portal-security-events-purge" in settings.CELERY_BEAT_SCHEDULE


def test_the_client_address_behind_a_trusted_proxy(rf, settings):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5", REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    # The left-most entry came from the client and can be forged; the proxy appended the right one.
    assert client_ip(request) == "203.0.113.5"


# --- The administrators' page -----------------------------------------------------------------


def _event(kind, username, days_ago=0, **fields):
    return SecurityEvent.objects.create(
        kind=kind,
        username=username,
        at=timezone.now() - datetime.timedelta(days=days_ago),
        **fields,
    )


def test_administrators_read_the_events_newest_first_and_filter_them(client_for, administrator):
    client = client_for(administrator)
    SecurityEvent.objects.all().delete()  # those of making and signing in the accounts
    _event(EventKind.LOGIN_FAILED, "mallory", days_ago=3, ip="198.51.100.1")
    _event(EventKind.LOCKED_OUT, "mallory", days_ago=2)
    _event(EventKind.LOGIN_SUCCEEDED, "alice", days_ago=1, user=administrator)
    url = reverse("security_event_index")

    page = client.get(url)
    assert page.status_code == 200
    kinds = [event.kind for event in page.context["page"]]
    assert kinds == ["login_succeeded", "locked_out", "login_failed"]
    assert "198.51.100.1" in page.content.decode()

    filtered = client.get(url, {"kind": "login_failed", "account": "mall"})
    assert [event.username for event in filtered.context["page"]] == ["mallory"]
    by_date = client.get(
        url,
        {
            "since": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
            "until": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        },
    )
    assert [event.kind for event in by_date.context["page"]] == ["locked_out"]


def test_the_events_are_paginated(client_for, administrator):
    SecurityEvent.objects.bulk_create(
        SecurityEvent(kind=EventKind.LOGIN_FAILED, username=f"u{n}") for n in range(60)
    )
    client = client_for(administrator)
    first = client.get(reverse("security_event_index"), {"kind": "login_failed"})
    assert len(first.context["page"]) == 50
    assert "page=2&amp;kind=login_failed" in first.content.decode()
    second = client.get(reverse("security_event_index"), {"kind": "login_failed", "page": 2})
    assert len(second.context["page"]) == 10


@pytest.mark.parametrize("who", ["reviewer", "state_a_contact", "delegate"])
def test_only_administrators_read_the_events(who, request, client_for):
    response = client_for(request.getfixturevalue(who)).get(reverse("security_event_index"))
    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client_for, reference_data):
    response = client_for(None).get(reverse("security_event_index"))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_an_administrator_without_superuser_rights_reads_the_page(client_for, reference_data):
    user = User.objects.create_user("staffer", password=PASSWORD)
    user_assign_role(user=user, role=Role.ADMINISTRATOR)
    assert client_for(user).get(reverse("security_event_index")).status_code == 200


@pytest.mark.parametrize(
    ("env", "count"),
    [
        ({}, "0"),
        ({**PRODUCTION}, "1"),  # behind the TLS proxy by default
        ({**PRODUCTION, "SECURE_PROXY_SSL_HEADER": "false"}, "0"),
        ({**PRODUCTION, "TRUSTED_PROXY_COUNT": "2"}, "2"),
    ],
)
def test_production_counts_the_client_behind_its_proxy(env, count, tmp_path):
    result = _run(
        "from django.conf import settings as s; print(s.TRUSTED_PROXY_COUNT)",
        PORTAL_VAR_DIR=str(tmp_path),
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == count
