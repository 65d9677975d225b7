"""While the database cannot be reached, every request is answered 503 with Retry-After and a page
in the person's language (portal.outage), JSON and htmx requests included so autosave retries;
other errors stay server errors."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.test import Client

from portal.outage import is_outage


@pytest.fixture
def web(client_for, state_a_contact):
    """A signed-in contact person's browser, which survives errors like a real one."""
    client = client_for(state_a_contact)
    client.raise_request_exception = False
    return client


@pytest.fixture
def session_store_down(monkeypatch):
    def load(self):
        raise OperationalError("connection to server at db:5432 failed: Connection refused")

    monkeypatch.setattr(SessionStore, "load", load)


def database_down(execute, sql, params, many, context):
    raise InterfaceError("connection already closed")


def assert_outage(response, language="en"):
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Content-Language"] == language
    assert "no-store" in response["Cache-Control"]


def test_a_session_that_cannot_be_loaded_gets_the_page_in_the_persons_language(
    web, session_store_down
):
    web.cookies["portal_language"] = "fr"
    response = web.get("/")
    assert_outage(response, "fr")
    page = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in page
    assert "Nations Unies" in page
    assert "Le portail est momentanément indisponible" in page


def test_the_page_is_arabic_right_to_left_from_the_browsers_language(db, session_store_down):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="ar")
    client.cookies["sessionid"] = "an-existing-session"
    response = client.get("/")
    assert_outage(response, "ar")
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_a_view_whose_queries_fail_gets_the_page(web):
    with connection.execute_wrapper(database_down):
        response = web.get("/")
    assert_outage(response)
    assert "The portal is briefly unavailable" in response.content.decode()
    assert (
        "What was saved before is kept; what you just sent may not have been saved. Please try "
        "again in 10 seconds." in response.content.decode()
    )


def test_an_anonymous_visitor_gets_the_page_when_the_view_fails(db):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(database_down):
        response = client.get("/")
    assert_outage(response)


@pytest.mark.parametrize(
    "headers", [{"HX-Request": "true"}, {"Accept": "application/json"}], ids=["htmx", "json"]
)
def test_autosave_and_htmx_requests_get_503_with_retry_after(web, session_store_down, headers):
    response = web.post("/", headers=headers)
    assert_outage(response)
    assert response.json() == {
        "error": "The portal is briefly unavailable. Please try again in a moment."
    }


def test_any_other_error_is_still_a_server_error(web, monkeypatch):
    def load(self):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr(SessionStore, "load", load)
    response = web.get("/")
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_an_outage_is_told_by_the_error_or_its_cause():
    assert is_outage(OperationalError("server closed the connection unexpectedly"))
    assert is_outage(AttributeError("'SessionStore' object has no attribute '_session_cache'"))
    wrapped = RuntimeError("rendering failed")
    wrapped.__cause__ = InterfaceError("connection already closed")
    assert is_outage(wrapped)
    assert not is_outage(ValueError("a bug"))
    assert not is_outage(AttributeError("'NoneType' object has no attribute 'pk'"))
