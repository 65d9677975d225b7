import re

import pytest
from django.core import mail

from tests.factories import PASSWORD
from tests.second_factor import app_code, enrolled

pytestmark = pytest.mark.django_db


def test_a_user_logs_in_and_out(client, reviewer):
    device = enrolled(reviewer)
    response = client.post("/accounts/login/", {"username": "reviewer", "password": PASSWORD})
    assert response.status_code == 302 and response.url == "/"
    # A reviewer then gives the code of their authenticator app (portal.twofactor).
    assert client.get("/respondents/")["Location"].startswith("/accounts/two-factor/verify/")
    client.post("/accounts/two-factor/verify/", {"code": app_code(device)})
    assert client.get("/respondents/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/respondents/").status_code == 302


def test_a_wrong_password_is_refused_with_a_message(client, reviewer):
    response = client.post("/accounts/login/", {"username": "reviewer", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_a_user_changes_their_password(client, state_a_contact):
    client.force_login(state_a_contact)
    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-brand-new-passphrase",
            "new_password2": "a-brand-new-passphrase",
        },
    )
    assert response.status_code == 302
    state_a_contact.refresh_from_db()
    assert state_a_contact.check_password("a-brand-new-passphrase")


def test_a_forgotten_password_is_reset_through_a_single_use_emailed_link(
    client, state_a_contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = client.post("/accounts/password_reset/", {"email": state_a_contact.email})
    assert response.status_code == 302
    assert len(queued) == 1  # the e-mail goes to a worker only once the request has committed
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [state_a_contact.email]
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    new = {"new_password1": "reset-passphrase-2026", "new_password2": "reset-passphrase-2026"}
    assert client.post(set_url, new).status_code == 302
    state_a_contact.refresh_from_db()
    assert state_a_contact.check_password("reset-passphrase-2026")

    # The link is single use.
    again = client.get(link, follow=True)
    assert "This link cannot be used" in again.content.decode()


def test_a_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client, reference_data):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []
