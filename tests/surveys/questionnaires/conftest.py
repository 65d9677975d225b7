"""The versions the authoring tests change: the sample questionnaire, and an empty first draft."""

import pytest

from clusters.models import Category
from surveys.questionnaires import services
from surveys.questionnaires.versions import version_from_document
from tests.surveys.samples import sample_document


@pytest.fixture
def version(reference_data, administrator):
    return version_from_document(document=sample_document(), by=administrator)


@pytest.fixture
def empty_draft(reference_data, administrator):
    return services.questionnaire_create(
        code="prisons",
        title={"en": "Prisons"},
        category=Category.objects.get(letter="a"),
        original_language="en",
        by=administrator,
    )
