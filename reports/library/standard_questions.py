"""From a standard of the catalogue to the questions that ask about it, and to the published
answers to those questions (the catalogue links each standard here).

Approved and retired questionnaire versions are public documents, so everyone sees their
questions; the questions of drafts and of versions in consultation are shown to the Secretariat
only (surveys.access.get_version_for_reading draws the same line)."""

from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404

from clusters.models import Standard
from portal.multilingual import TextsIn
from reports.library.published_replies import published_replies
from surveys.models import (
    Cycle,
    Question,
    QuestionnaireVersion,
    QuestionStandard,
    QuestionType,
    VersionStatus,
)

PUBLIC_STATUSES = (VersionStatus.APPROVED, VersionStatus.RETIRED)


@dataclass
class AskingQuestion:
    question: Question
    text: str
    section_title: str
    provisions: list[str] = field(default_factory=list)
    has_published_answers: bool = False  # its type can be shown on the published-answers page


@dataclass
class AskingVersion:
    version: QuestionnaireVersion
    title: str
    public: bool
    questions: list[AskingQuestion] = field(default_factory=list)
    published_cycles: list[Cycle] = field(default_factory=list)  # cycles with published replies


def standard_for_reading(code: str) -> Standard:
    return get_object_or_404(Standard.objects.select_related("category", "cluster"), code=code)


def questions_on_standard(*, standard: Standard, user, language: str) -> list[AskingVersion]:
    """The questionnaire versions that ask about `standard` (the approved ones first, then by
    questionnaire and newest version first), each with its questions in questionnaire order and
    the provisions they name, and the cycles of that version whose replies are published. Five
    queries, whatever the number of questions."""
    links = QuestionStandard.objects.filter(standard=standard).select_related(
        "question__section", "question__version__questionnaire"
    )
    if not (user.is_authenticated and user.is_secretariat):
        links = links.filter(question__version__status__in=PUBLIC_STATUSES)
    links = links.order_by(
        "question__version__questionnaire__code",
        "-question__version__number",
        "question__section__order",
        "question__order",
        "order",
    )
    versions: dict[int, AskingVersion] = {}
    questions: dict[int, AskingQuestion] = {}
    for link in links:
        question = link.question
        version = question.version
        text = TextsIn(language, version.original_language)
        shown = versions.get(version.pk)
        if shown is None:
            public = version.status in PUBLIC_STATUSES
            shown = versions[version.pk] = AskingVersion(version, text(version.title), public)
        asking = questions.get(question.pk)
        if asking is None:
            asking = questions[question.pk] = AskingQuestion(
                question,
                text(question.text),
                text(question.section.title),
                has_published_answers=question.type != QuestionType.FILE,
            )
            shown.questions.append(asking)
        if link.provision and link.provision not in asking.provisions:
            asking.provisions.append(link.provision)
    _add_published_cycles(versions)
    return sorted(versions.values(), key=lambda shown: not shown.public)


def _add_published_cycles(versions: dict[int, AskingVersion]) -> None:
    published = set(
        published_replies()
        .filter(cycle__version_id__in=list(versions))
        .values_list("cycle_id", flat=True)
    )
    cycles = Cycle.objects.filter(pk__in=published).order_by("-opens_on", "pk")
    for cycle in cycles:
        versions[cycle.version_id].published_cycles.append(cycle)
