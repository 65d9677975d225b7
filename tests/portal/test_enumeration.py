"""No enumeration: the password reset and the invitation of a colleague answer alike whether or
not an address has an account, and the password reset does the same work for both."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.template import loader
from django.urls import reverse

from portal.models import User
from portal.roles import Role

pytestmark = pytest.mark.django_db

MAKE_TOKEN, RENDER = default_token_generator.make_token, loader.render_to_string


def reset(client, email, capture, monkeypatch):
    """Post the reset form; what the visitor gets, and the work done (tokens made, templates
    rendered, tasks queued)."""
    work = {"tokens": 0, "templates": []}
    make_token, render = MAKE_TOKEN, RENDER

    def counted_token(user):
        work["tokens"] += 1
        return make_token(user)

    def counted_render(name, *args, **kwargs):
        work["templates"].append(name)
        return render(name, *args, **kwargs)

    monkeypatch.setattr(default_token_generator, "make_token", counted_token)
    monkeypatch.setattr(loader, "render_to_string", counted_render)
    with capture(execute=True) as queued:
        response = client.post("/accounts/password_reset/", {"email": email})
    page = client.get(response.url)
    work["queued"] = len(queued)
    # The form's CSRF token is masked afresh on every page; the rest must be the same.
    content = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page.content.decode())
    return (response.status_code, response.url, content), work


def test_a_password_reset_answers_and_works_alike_for_known_and_unknown_addresses(
    client, state_a_contact, django_capture_on_commit_callbacks, monkeypatch
):
    known, known_work = reset(
        client, state_a_contact.email, django_capture_on_commit_callbacks, monkeypatch
    )
    assert [m.to for m in mail.outbox] == [[state_a_contact.email]]
    unknown, unknown_work = reset(
        client, "nobody@example.org", django_capture_on_commit_callbacks, monkeypatch
    )

    assert known == unknown
    assert known_work == unknown_work
    assert known_work["tokens"] == 1 and known_work["queued"] == 1
    assert "registration/password_reset_email.html" in known_work["templates"]
    assert len(mail.outbox) == 1  # nothing went to the unknown address
    assert not User.objects.filter(email="nobody@example.org").exists()


@pytest.fixture
def kenya_lead(state_a_contact):
    state_a_contact.is_lead_contact = True
    state_a_contact.save()
    return state_a_contact


def invite(client, email):
    return client.post(
        reverse("contact_invite", args=["KEN"]),
        {"first_name": "Awa", "last_name": "Diop", "email": email, "language": "fr"},
        follow=True,
    )


def test_a_lead_inviting_an_address_with_an_account_is_answered_as_for_a_new_one(
    client_for, kenya_lead, state_b_contact, reviewer
):
    client = client_for(kenya_lead)
    new = invite(client, "awa.diop@example.org")
    taken_elsewhere = invite(client, state_b_contact.email)
    taken_by_staff = invite(client, reviewer.email)

    assert new.status_code == taken_elsewhere.status_code == taken_by_staff.status_code == 200
    assert new.redirect_chain == taken_elsewhere.redirect_chain == taken_by_staff.redirect_chain
    said = [[str(m) for m in r.context["messages"]] for r in (new, taken_elsewhere, taken_by_staff)]
    assert said[1] == [said[0][0].replace("awa.diop@example.org", state_b_contact.email)]
    assert said[2] == [said[0][0].replace("awa.diop@example.org", reviewer.email)]
    assert "already has an account" not in taken_elsewhere.content.decode()
    # And nothing changed for the existing accounts.
    state_b_contact.refresh_from_db()
    reviewer.refresh_from_db()
    assert state_b_contact.respondent.code == "SEN" and state_b_contact.has_usable_password()
    assert reviewer.role == Role.REVIEWER and reviewer.has_usable_password()


def test_the_secretariat_is_still_told_an_address_has_an_account(
    client_for, administrator, state_b_contact
):
    response = invite(client_for(administrator), state_b_contact.email)
    assert response.status_code == 422
    assert "already has an account" in response.content.decode()
