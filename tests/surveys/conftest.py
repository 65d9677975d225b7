"""What the surveys tests share: an open cycle of the approved sample questionnaire, to which
Kenya (State A) and Senegal (State B) are invited, and Kenya's reply in it.

A test module whose cycle or reply is built another way names its fixture for how it differs
(`assistance_cycle`, `cycle_of_every_status`, ...)."""

import pytest

from tests.surveys.replies import open_cycle, reply_for


@pytest.fixture
def cycle(administrator, reference_data):
    return open_cycle(administrator)


@pytest.fixture
def reply(cycle):
    """Kenya's reply, not started."""
    return reply_for(cycle, "KEN")
