"""Each answer of the autosave view names its outcome in an HX-Trigger header, which
static/js/autosave.js listens for; the section page's blocks save through htmx attributes."""

import datetime
import json

import pytest
import time_machine

from portal.roles import Role
from surveys.models import ReplyStatus
from tests.factories import user_with_role
from tests.surveys.answering.test_answering import autosave_url, question, save, section_url
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def reply(administrator, reference_data):
    return reply_for(open_cycle(administrator), "KEN")


def _events(response):
    return json.loads(response.headers["HX-Trigger"])


def test_a_save_names_the_new_revision_and_the_time(reply, state_a_contact, client_for, settings):
    settings.TIME_ZONE = "Africa/Nairobi"
    client = client_for(state_a_contact)
    with time_machine.travel(datetime.datetime(2026, 11, 20, 9, 5, tzinfo=datetime.UTC)):
        response = client.post(autosave_url(reply, "A.1"), {"answer-A.1": "42", "base-A.1": "0"})
    assert _events(response) == {"autosave:saved": {"code": "A.1", "revision": 1, "time": "12:05"}}


def test_a_refusal_names_its_reason(reply, state_a_contact, client_for):
    colleague = user_with_role(
        Role.CONTACT_PERSON, state_a_contact.respondent, username="colleague"
    )
    client = client_for(state_a_contact)
    invalid = client.post(autosave_url(reply, "A.3"), {"answer-A.3": "0.2", "base-A.3": "0"})
    assert invalid.status_code == 422
    assert _events(invalid) == {
        "autosave:invalid": {"code": "A.3", "errorId": "id_answer-A.3_error"}
    }
    without_base = client.post(autosave_url(reply, "A.1"), {"answer-A.1": "4"})
    assert without_base.status_code == 400
    assert list(_events(without_base)) == ["autosave:invalid"]
    save(reply, "A.2", "yes", colleague)
    conflict = client.post(autosave_url(reply, "A.2"), {"answer-A.2": "no", "base-A.2": "0"})
    assert conflict.status_code == 409
    assert _events(conflict) == {"autosave:conflict": {"code": "A.2"}}
    reply.status = ReplyStatus.SUBMITTED
    reply.save(update_fields=["status"])
    locked = client.post(autosave_url(reply, "A.1"), {"answer-A.1": "7", "base-A.1": "0"})
    assert locked.status_code == 423
    assert _events(locked) == {"autosave:locked": {"code": "A.1"}}


def test_take_theirs_and_refusals_of_access_name_no_outcome(reply, state_a_contact, client_for):
    assert "HX-Trigger" not in client_for(state_a_contact).get(autosave_url(reply, "A.1")).headers
    response = client_for(None).post(autosave_url(reply, "A.1"), {"answer-A.1": "4"})
    assert response.status_code == 403 and "HX-Trigger" not in response.headers


def test_each_question_block_saves_through_htmx_one_request_at_a_time(
    reply, state_a_contact, client_for
):
    page = client_for(state_a_contact).get(section_url(reply)).content.decode()
    pk = question(reply, "A.1").pk
    assert (
        f'hx-post="{autosave_url(reply, "A.1")}?language=en" '
        'hx-trigger="input delay:1s, change, autosave" hx-sync="closest form:queue all" '
        f'hx-target="#feedback-{pk}" hx-swap="innerHTML" hx-params="answer-A.1,base-A.1"'
    ) in page
