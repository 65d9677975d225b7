"""The questionnaires the team wrote from the standards themselves (surveys/data/*.yaml)."""

from pathlib import Path

import yaml
from django.db import transaction

from portal.models import User
from surveys.models import QuestionnaireVersion
from surveys.questionnaires.documents import QuestionnaireDoc, document_from_dict
from surveys.questionnaires.versions import version_from_document

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


# The demonstration's state: the category (a) questionnaire approved (the record says it is a
# demonstration, not a real decision), the victims questionnaire out for comments to two States.
DEMO_APPROVED = "category-a"
DEMO_CONSULTED = "category-c-victims"
DEMO_CONSULTED_RESPONDENTS = ("KEN", "SEN")


def questionnaires_demo_seed(*, administrator: User) -> list[str]:
    """Seed the questionnaires and, for the ones just created, the demonstration's state."""
    import datetime

    from django.utils import timezone

    from portal.models import Respondent
    from surveys.consultation.services import consultation_open, version_approve

    lines = []
    for version, created in questionnaires_seed(by=administrator):
        code = version.questionnaire.code
        if created and code == DEMO_APPROVED:
            version_approve(
                version=version,
                by=administrator,
                meeting="Demonstration record: not an actual meeting of the Commission",
                date=datetime.date(2026, 10, 15),
                decision="Demonstration only",
            )
        elif created and code == DEMO_CONSULTED:
            consultation_open(
                version=version,
                respondents=Respondent.objects.filter(code__in=DEMO_CONSULTED_RESPONDENTS),
                by=administrator,
                note="Demonstration: please comment on the draft questionnaire on victims.",
                deadline=timezone.localdate() + datetime.timedelta(days=30),
            )
        version.refresh_from_db()
        if code == DEMO_APPROVED and version.status == "approved" and not version.cycles.exists():
            from surveys.cycles.services import cycle_open

            today = timezone.localdate()
            cycle = cycle_open(
                version=version,
                title="Demonstration cycle: category (a) standards and norms",
                opens_on=today,
                deadline=today + datetime.timedelta(days=60),
                commission_session="Demonstration: thirty-sixth session of the Commission (2027)",
                by=administrator,
            )
            lines.append(
                f"cycle '{cycle.title}': {cycle.invitations.count()} Member States invited, "
                f"deadline {cycle.deadline:%Y-%m-%d}"
            )
        version.refresh_from_db()
        lines.append(
            f"{code} v{version.number}: {version.questions.count()} questions, "
            f"{version.get_status_display()}" + ("" if created else " (already there)")
        )
    return lines
