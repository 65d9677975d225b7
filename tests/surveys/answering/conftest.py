"""What the answering tests share, besides tests/surveys/conftest.py."""

import pytest

from portal.roles import Role
from tests.factories import user_with_role


@pytest.fixture
def colleague(state_a_contact):
    """Kenya's second contact person, working on the same reply."""
    return user_with_role(
        Role.CONTACT_PERSON, state_a_contact.respondent, username="colleague",
        first_name="Amina", last_name="Wanjiru",
    )  # fmt: skip
