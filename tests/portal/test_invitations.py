"""Contact persons (annex, para. 11): invited by e-mail by the Secretariat or by the lead of their
respondent, they follow a signed, single-use, expiring link to choose a password."""

import datetime
import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from portal.invitations import (
    InvitationRefused,
    LinkState,
    contact_person_invite,
    invitation_tokens,
)
from portal.models import Respondent, User
from portal.roles import Role

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/contact-persons/welcome/[^/\s]+/[^/\s]+/")
NEW_PASSWORD = "Nairobi-report-2027!"


@pytest.fixture
def kenya(reference_data):
    return Respondent.objects.get(code="KEN")


@pytest.fixture
def senegal(reference_data):
    return Respondent.objects.get(code="SEN")


def _invite(respondent, by, **changes) -> User:
    arguments = {
        "respondent": respondent,
        "email": "Wanjiru.Kamau@Justice.GO.KE",
        "first_name": "Wanjiru",
        "last_name": "Kamau",
        "language": "en",
        "by": by,
        "base_url": "https://portal.example.org/",
        **changes,
    }
    return contact_person_invite(**arguments)


def _link(message) -> str:
    return LINK.search(message.body).group(0)


def _path(link: str) -> str:
    return link.removeprefix("https://portal.example.org")


# --- The invitation ------------------------------------------------------------------------------


def test_an_invitation_makes_a_contact_person_without_a_password_and_emails_a_link(
    kenya, administrator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        person = _invite(kenya, administrator, language="fr", is_lead=True)
    person.refresh_from_db()
    assert person.role == Role.CONTACT_PERSON and person.respondent == kenya
    assert person.is_lead_contact and person.is_active and not person.has_usable_password()
    assert person.email == "Wanjiru.Kamau@justice.go.ke"
    assert person.username == "wanjiru.kamau@justice.go.ke"
    assert person.groups.filter(name="Contact persons").exists()
    [message] = mailoutbox
    assert message.to == ["Wanjiru.Kamau@justice.go.ke"]
    assert "du Kenya" in message.subject and "(le)" not in message.subject  # in French
    assert "wanjiru.kamau@justice.go.ke" in message.body
    assert _link(message).startswith("https://portal.example.org/questionnaires/contact-persons/")


def test_inviting_again_before_the_link_is_used_sends_a_new_link_and_voids_the_old_one(
    kenya, administrator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = _invite(kenya, administrator)
    with django_capture_on_commit_callbacks(execute=True):
        again = _invite(kenya, administrator, first_name="Wanjiru N.", language="ar")
    assert again.pk == first.pk and again.first_name == "Wanjiru N."
    assert again.preferred_language == "ar"
    old_token = _link(mailoutbox[0]).rstrip("/").rsplit("/", 1)[1]
    new_token = _link(mailoutbox[1]).rstrip("/").rsplit("/", 1)[1]
    again.refresh_from_db()
    assert invitation_tokens.link_state(again, old_token) is LinkState.USED
    assert invitation_tokens.link_state(again, new_token) is LinkState.VALID


def test_it_refuses_an_address_that_already_has_an_account(
    kenya, senegal, administrator, state_a_contact, state_b_contact
):
    with pytest.raises(InvitationRefused, match="already has an account"):
        _invite(kenya, administrator, email=state_a_contact.email.upper())
    pending = _invite(senegal, administrator, email="someone@example.org")
    with pytest.raises(InvitationRefused, match="already has an account"):
        _invite(kenya, administrator, email="someone@example.org")
    pending.refresh_from_db()
    assert pending.respondent == senegal


def test_a_respondent_has_one_lead_and_naming_another_makes_the_first_an_ordinary_contact(
    kenya, administrator, lead
):
    new_lead = _invite(kenya, administrator, is_lead=True)
    lead.refresh_from_db()
    assert new_lead.is_lead_contact and not lead.is_lead_contact
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=lead.pk).update(is_lead_contact=True)


def test_the_lead_invites_colleagues_of_the_same_respondent_but_names_no_lead(
    kenya, senegal, lead, state_b_contact
):
    colleague = _invite(kenya, lead)
    assert colleague.respondent == kenya and not colleague.is_lead_contact
    with pytest.raises(PermissionDenied):
        _invite(kenya, lead, email="another@example.org", is_lead=True)
    with pytest.raises(PermissionDenied):
        _invite(senegal, lead, email="another@example.org")
    with pytest.raises(PermissionDenied):
        _invite(senegal, state_b_contact, email="another@example.org")  # not a lead


# --- The invitation page -------------------------------------------------------------------------


def _form(**changes):
    return {
        "first_name": "Wanjiru",
        "last_name": "Kamau",
        "email": "wanjiru@example.org",
        "language": "es",
        **changes,
    }


def test_an_administrator_invites_from_the_page_and_returns_where_they_came_from(
    client_for, administrator, kenya, mailoutbox, django_assert_num_queries,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    client = client_for(administrator)
    url = reverse("contact_invite", args=["KEN"])
    # Session, user, second-factor device, respondent, contact persons.
    with django_assert_num_queries(5):
        page = client.get(url, {"next": "/questionnaires/cycles/1/#invitation-4"})
    assert b'name="is_lead"' in page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, _form(is_lead="on", next="/questionnaires/cycles/1/#invitation-4")
        )
    assert response.status_code == 302
    assert response["Location"] == "/questionnaires/cycles/1/#invitation-4"
    person = User.objects.get(email="wanjiru@example.org")
    assert person.respondent == kenya and person.is_lead_contact
    assert person.preferred_language == "es"
    assert len(mailoutbox) == 1
    assert _link(mailoutbox[0]).startswith("http://testserver/questionnaires/contact-persons/")


def test_the_invitation_page_never_sends_elsewhere_after_inviting(client_for, administrator):
    response = client_for(administrator).post(
        reverse("contact_invite", args=["KEN"]),
        _form(next="https://evil.example.com/"),
    )
    assert response["Location"] == reverse("respondent_detail", args=["KEN"])


def test_the_invitation_page_says_what_is_wrong(client_for, administrator, state_b_contact):
    response = client_for(administrator).post(
        reverse("contact_invite", args=["KEN"]),
        _form(email=state_b_contact.email, first_name=""),
    )
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    response = client_for(administrator).post(
        reverse("contact_invite", args=["KEN"]), _form(email=state_b_contact.email)
    )
    assert response.status_code == 422
    assert "already has an account" in response.content.decode()


def test_the_lead_invites_a_colleague_from_the_page_without_the_lead_choice(
    client_for, lead, mailoutbox
):
    client = client_for(lead)
    url = reverse("contact_invite", args=["KEN"])
    page = client.get(url)
    assert page.status_code == 200 and b'name="is_lead"' not in page.content
    response = client.post(url, _form(is_lead="on"))
    assert response["Location"] == reverse("surveys:contact_dashboard")
    colleague = User.objects.get(email="wanjiru@example.org")
    assert colleague.respondent_id == lead.respondent_id and not colleague.is_lead_contact


@pytest.mark.parametrize(
    ("actor", "code"),
    [
        ("lead", "SEN"),  # the lead of Kenya, for Senegal
        ("state_a_contact", "KEN"),  # not the lead
        ("state_b_contact", "KEN"),
        ("reviewer", "KEN"),
        ("delegate", "KEN"),
    ],
)
def test_it_refuses_the_invitation_page_to_anyone_else(request, client_for, actor, code):
    client = client_for(request.getfixturevalue(actor))
    url = reverse("contact_invite", args=[code])
    assert client.get(url).status_code == 403
    assert client.post(url, _form()).status_code == 403
    assert not User.objects.filter(email="wanjiru@example.org").exists()


def test_it_sends_an_anonymous_visitor_to_log_in(client_for, reference_data):
    response = client_for(None).post(reverse("contact_invite", args=["KEN"]), _form())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not User.objects.filter(email="wanjiru@example.org").exists()


# --- The welcome link ----------------------------------------------------------------------------


@pytest.fixture
def invited(kenya, administrator, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        person = _invite(kenya, administrator)
    return person, _path(_link(mailoutbox[-1]))


def _welcome(client, path, password=NEW_PASSWORD):
    opened = client.get(path)
    assert opened.status_code == 302  # the token moves out of the address bar
    return client.post(opened["Location"], {"new_password1": password, "new_password2": password})


def test_the_link_sets_the_password_signs_in_and_leads_to_the_dashboard(client, invited):
    person, path = invited
    opened = client.get(path)
    assert opened.status_code == 302 and opened["Location"].endswith("/set-password/")
    page = client.get(opened["Location"])
    assert page.status_code == 200
    assert "wanjiru.kamau@justice.go.ke" in page.content.decode()
    response = client.post(
        opened["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:contact_dashboard")
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert client.session[SESSION_KEY] == str(person.pk)


def test_the_link_works_only_once(client_for, invited):
    person, path = invited
    client = client_for(None)
    _welcome(client, path)
    client.logout()
    again = client.get(path)
    assert again.status_code == 200
    assert "This link has already been used" in again.content.decode()
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


@pytest.fixture
def invited_on_the_first_of_october(time_machine, request):
    time_machine.move_to(datetime.datetime(2026, 10, 1, 9, tzinfo=datetime.UTC), tick=False)
    return request.getfixturevalue("invited")


def test_the_link_expires(client_for, invited_on_the_first_of_october, time_machine, settings):
    settings.CONTACT_INVITATION_TIMEOUT = 60 * 60 * 24 * 14
    person, path = invited_on_the_first_of_october
    client = client_for(None)
    time_machine.shift(datetime.timedelta(days=13))
    assert client.get(path).status_code == 302
    time_machine.shift(datetime.timedelta(days=2))
    # Even the page opened before the link expired refuses once it has.
    set_password = path.rsplit("/", 2)[0] + "/set-password/"
    for url in (path, set_password):
        page = client.get(url)
        assert "This invitation has expired" in page.content.decode()
    response = client.post(
        set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert "This invitation has expired" in response.content.decode()
    person.refresh_from_db()
    assert not person.has_usable_password()


def test_a_weak_password_is_refused_and_the_link_still_works(client_for, invited):
    person, path = invited
    client = client_for(None)
    response = _welcome(client, path, password="123")
    assert response.status_code == 422
    assert "too short" in response.content.decode()
    assert _welcome(client, path).status_code == 302


def test_a_tampered_or_foreign_link_is_refused(client_for, invited, state_a_contact):
    person, path = invited
    client = client_for(None)
    uidb64 = urlsafe_base64_encode(force_bytes(person.pk))
    reset_token = default_token_generator.make_token(person)  # a password-reset token
    other_uid = urlsafe_base64_encode(force_bytes(state_a_contact.pk))
    token = path.rstrip("/").rsplit("/", 1)[1]
    for wrong in (
        reverse("contact_welcome", args=[uidb64, reset_token]),
        reverse("contact_welcome", args=[other_uid, token]),
        reverse("contact_welcome", args=["garbage", token]),
        reverse("contact_welcome", args=[uidb64, "1-abc"]),
        reverse("contact_welcome", args=[uidb64, "set-password"]),  # no token in session
    ):
        page = client.get(wrong)
        assert page.status_code == 200
        assert "This link has already been used" in page.content.decode(), wrong
    assert SESSION_KEY not in client.session


def test_a_password_reset_link_is_not_opened_by_an_invitation_token(invited):
    person, path = invited
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert not default_token_generator.check_token(person, token)


def test_a_welcome_link_of_a_person_made_inactive_is_refused(client_for, invited):
    person, path = invited
    User.objects.filter(pk=person.pk).update(is_active=False)
    page = client_for(None).get(path)
    assert "This link has already been used" in page.content.decode()
