"""The questionnaires the team wrote from the standards themselves (surveys/data/*.yaml)."""

from pathlib import Path

import yaml
from django.db import transaction

from portal.models import User
from surveys.models import QuestionnaireVersion
from surveys.questionnaires.documents import QuestionnaireDoc, document_from_dict
from surveys.questionnaires.versions import version_from_document

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


# What the Secretariat writes on the demo cycle and consultation, in the six languages.
DEMO_CYCLE_TITLE = {
    "en": "Demonstration cycle: category (a) standards and norms",
    "fr": "Cycle de démonstration : règles et normes de la catégorie (a)",
    "es": "Ciclo de demostración: reglas y normas de la categoría a)",
    "ru": "Демонстрационный цикл: стандарты и нормы категории (a)",
    "zh-hans": "示范周期：(a)类标准和规范",
    "ar": "دورة تجريبية: المعايير والقواعد من الفئة (أ)",
}
DEMO_CYCLE_TITLE_D = {
    "en": "Demonstration cycle: category (d) standards and norms",
    "fr": "Cycle de démonstration : règles et normes de la catégorie (d)",
    "es": "Ciclo de demostración: reglas y normas de la categoría d)",
    "ru": "Демонстрационный цикл: стандарты и нормы категории (d)",
    "zh-hans": "示范周期：(d)类标准和规范",
    "ar": "دورة تجريبية: المعايير والقواعد من الفئة (د)",
}
DEMO_SESSION = {
    "en": "Demonstration: thirty-sixth session of the Commission (2027)",
    "fr": "Démonstration : trente-sixième session de la Commission (2027)",
    "es": "Demostración: 36º período de sesiones de la Comisión (2027)",
    "ru": "Демонстрация: тридцать шестая сессия Комиссии (2027 год)",
    "zh-hans": "示范：委员会第三十六届会议（2027年）",
    "ar": "عرض توضيحي: الدورة السادسة والثلاثون للجنة (2027)",
}
DEMO_CONSULTATION_NOTE = {
    "en": "Demonstration: please comment on the draft questionnaire on victims.",
    "fr": "Démonstration : veuillez faire part de vos observations sur le projet de questionnaire relatif aux victimes.",
    "es": "Demostración: sírvanse formular observaciones sobre el proyecto de cuestionario relativo a las víctimas.",
    "ru": "Демонстрация: просьба представить замечания по проекту вопросника, касающегося жертв.",
    "zh-hans": "示范：请就关于被害人的问卷草案提出意见。",
    "ar": "عرض توضيحي: يرجى التعليق على مشروع الاستبيان المتعلق بالضحايا.",
}


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
# demonstration, not a real decision) with the demonstration cycle, the questionnaires of the other
# categories approved, category (d)'s with a demonstration cycle of its own, the victims
# questionnaire out for comments to two States.
DEMO_APPROVED = "category-a"
DEMO_ALSO_APPROVED = ("category-b", "category-c-prevention", "category-d")
# The questionnaires with a demonstration cycle (the category letter compile_report --demo takes),
# and the cycle's title.
DEMO_CYCLES = {
    DEMO_APPROVED: ("a", DEMO_CYCLE_TITLE),
    "category-d": ("d", DEMO_CYCLE_TITLE_D),
}
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
        if created and (code == DEMO_APPROVED or code in DEMO_ALSO_APPROVED):
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
                note=DEMO_CONSULTATION_NOTE,
                deadline=timezone.localdate() + datetime.timedelta(days=30),
            )
        version.refresh_from_db()
        if code in DEMO_CYCLES and version.status == "approved" and not version.cycles.exists():
            from surveys.cycles.services import cycle_open

            today = timezone.localdate()
            cycle = cycle_open(
                version=version,
                title=DEMO_CYCLES[code][1],
                opens_on=today,
                deadline=today + datetime.timedelta(days=60),
                commission_session=DEMO_SESSION,
                by=administrator,
            )
            lines.append(
                f"cycle '{cycle}': {cycle.invitations.count()} Member States invited, "
                f"deadline {cycle.deadline:%Y-%m-%d}"
            )
        version.refresh_from_db()
        lines.append(
            f"{code} v{version.number}: {version.questions.count()} questions, "
            f"{version.get_status_display()}" + ("" if created else " (already there)")
        )
    return lines


# The demonstration's list of post-conflict and peacekeeping situations for the category (a) cycle:
# marked as demonstration data, not a list of the Secretariat.
DEMO_SITUATIONS_SOURCE = (
    "Demonstration data, not a list of the Secretariat: Member States where a United Nations "
    "peacekeeping operation was deployed, after the Department of Peace Operations' list"
)
DEMO_SITUATIONS_AS_OF = (2026, 11, 30)
DEMO_SITUATIONS_STATES = ("CAF", "COD", "CYP", "LBN", "SDN", "SSD")


def demo_situations_seed(*, administrator: User) -> str:
    """The demonstration's list of post-conflict and peacekeeping situations for the category (a)
    demonstration cycle, unless the cycle has one (the Secretariat may have changed it)."""
    import datetime

    from portal.models import Respondent
    from surveys.models import Cycle, SituationList

    cycle = (
        Cycle.objects.filter(version__questionnaire__code=DEMO_APPROVED)
        .order_by("opens_on", "pk")
        .first()
    )
    if cycle is None or SituationList.objects.filter(cycle=cycle).exists():
        return ""
    situations = SituationList.objects.create(
        cycle=cycle,
        source=DEMO_SITUATIONS_SOURCE,
        as_of=datetime.date(*DEMO_SITUATIONS_AS_OF),
        updated_by=administrator,
    )
    situations.states.set(Respondent.objects.filter(code__in=DEMO_SITUATIONS_STATES))
    return (
        f"post-conflict and peacekeeping situations of '{cycle}': {situations.states.count()} "
        "States (demonstration data)"
    )
