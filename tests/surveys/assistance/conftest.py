"""What the assistance tests share: Kenya's reply to a questionnaire that asks for technical
assistance, its lead contact person reading in French, and a request made from it."""

import pytest

from surveys.models import AssistanceRequest
from tests.surveys.assistance.helpers import answer, assistance_document, submit
from tests.surveys.replies import approved_version, open_cycle, reply_for


@pytest.fixture
def french_lead(lead):
    """The lead contact person, who reads the portal in French: requests take her language."""
    lead.preferred_language = "fr"
    lead.save()
    return lead


@pytest.fixture
def assistance_cycle(administrator, reference_data):
    """An open cycle of a questionnaire that asks for technical assistance."""
    return open_cycle(administrator, approved_version(administrator, assistance_document()))


@pytest.fixture
def assistance_reply(assistance_cycle):
    """Kenya's reply to the assistance questionnaire."""
    return reply_for(assistance_cycle, "KEN")


@pytest.fixture
def request_row(assistance_reply, french_lead):
    answer(assistance_reply, "A.9", "yes", french_lead)
    answer(assistance_reply, "A.9.1", "Training of prison staff.", french_lead)
    submit(assistance_reply, french_lead)
    return AssistanceRequest.objects.get()
