"""What the consultation tests share: the sample questionnaire's draft, circulated to Kenya only,
and a comment of Kenya's on it."""

import datetime

import pytest

from portal.models import Respondent
from surveys.consultation.services import consultation_comment_add, consultation_open
from surveys.questionnaires.versions import version_from_document
from tests.surveys.consultation.helpers import version_question
from tests.surveys.samples import sample_document


@pytest.fixture
def draft(reference_data, administrator):
    return version_from_document(document=sample_document(), by=administrator)


@pytest.fixture
def kenya(reference_data):
    return Respondent.objects.get(code="KEN")


@pytest.fixture
def senegal(reference_data):
    return Respondent.objects.get(code="SEN")


@pytest.fixture
def consultation(draft, administrator, kenya, state_a_contact):
    """The draft circulated to Kenya only: Senegal's contact person is an outsider."""
    return consultation_open(
        version=draft,
        respondents=[kenya],
        by=administrator,
        note={"en": "Please comment by the deadline."},
        deadline=datetime.date(2026, 3, 31),
    )


@pytest.fixture
def commented(consultation, draft, state_a_contact):
    return consultation_comment_add(
        consultation=consultation,
        author=state_a_contact,
        question=version_question(draft, "A.2"),
        text="Name the inspection body in the question.",
    )
