"""The questionnaires the team wrote from the standards themselves (surveys/data/*.yaml)."""

from pathlib import Path

import yaml
from django.db import transaction

from portal.models import User
from surveys.documents import QuestionnaireDoc, document_from_dict
from surveys.models import QuestionnaireVersion
from surveys.services.versions import version_from_document

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def seeded_documents(data_dir: Path = DATA_DIR) -> list[QuestionnaireDoc]:
    return [
        document_from_dict(yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in sorted(data_dir.glob("questionnaire_*.yaml"))
    ]


@transaction.atomic
def questionnaires_seed(*, by: User | None) -> list[tuple[QuestionnaireVersion, bool]]:
    """Load each seeded questionnaire whose code has no version yet; leave the others as they are."""
    results = []
    for document in seeded_documents():
        existing = (
            QuestionnaireVersion.objects.filter(questionnaire__code=document.form_id)
            .order_by("number")
            .first()
        )
        if existing is not None:
            results.append((existing, False))
        else:
            results.append((version_from_document(document=document, by=by), True))
    return results
