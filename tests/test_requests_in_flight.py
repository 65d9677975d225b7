"""The browser tests' wait for the live server (tests/requests_in_flight.py): the database is
emptied only once every request the server took has been answered to its end."""

import pytest

from tests.requests_in_flight import ServerRequests


def _app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"saved"]


def test_the_server_is_quiet_only_once_each_response_is_closed():
    requests = ServerRequests(_app)
    first = requests({}, lambda status, headers: None)
    second = requests({}, lambda status, headers: None)
    assert list(first) == [b"saved"]
    first.close()
    assert not requests.wait_until_quiet(timeout=0.01)  # the second is still being answered
    second.close()
    assert requests.wait_until_quiet(timeout=0.01)


def test_a_request_that_fails_is_not_awaited_for_ever():
    def failing(environ, start_response):
        raise RuntimeError("the view failed")

    requests = ServerRequests(failing)
    with pytest.raises(RuntimeError):
        requests({}, lambda status, headers: None)
    assert requests.wait_until_quiet(timeout=0.01)
