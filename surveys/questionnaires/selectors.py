from typing import TYPE_CHECKING, TypedDict, cast

from django.core.cache import cache
from django.db.models import Prefetch, QuerySet

from surveys.models import (
    Choice,
    Question,
    QuestionnaireVersion,
    QuestionStandard,
    Section,
    VersionStatus,
)

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # What version_with_content prefetches (Prefetch to_attr), as django-stubs types it.
    class QuestionContent(TypedDict):
        choice_list: list[Choice]
        standard_list: list[QuestionStandard]

    QuestionWithContent = WithAnnotations[Question, QuestionContent]

    class SectionContent(TypedDict):
        question_list: list[QuestionWithContent]

    SectionWithContent = WithAnnotations[Section, SectionContent]

    class VersionContent(TypedDict):
        section_list: list[SectionWithContent]

    VersionWithContent = WithAnnotations[QuestionnaireVersion, VersionContent]


def version_with_content(*, pk: int, standards: bool = True) -> "VersionWithContent":
    """A version with its sections, questions, choices and standards: five queries, whatever its size
    (four with `standards=False`).

    Each section gets `.question_list`, each question `.option_list`, `.row_list` and
    `.standard_list`; all translations come with the rows (multilingual JSON).
    """
    questions = Question.objects.order_by("order").prefetch_related(
        Prefetch(
            "choices", queryset=Choice.objects.order_by("kind", "order"), to_attr="choice_list"
        ),
    )
    if standards:
        questions = questions.prefetch_related(
            Prefetch(
                "standard_links",
                queryset=QuestionStandard.objects.select_related("standard").order_by("order"),
                to_attr="standard_list",
            )
        )
    version = (
        QuestionnaireVersion.objects.select_related("questionnaire__category")
        .prefetch_related(
            Prefetch(
                "sections",
                queryset=Section.objects.order_by("order").prefetch_related(
                    Prefetch("questions", queryset=questions, to_attr="question_list")
                ),
                to_attr="section_list",
            )
        )
        .get(pk=pk)
    )
    for section in version.section_list:
        for question in section.question_list:
            question.option_list = [c for c in question.choice_list if c.kind == "option"]
            question.row_list = [c for c in question.choice_list if c.kind == "row"]
    # Without `standards`, standard_list is missing (version_content says so to its callers).
    return cast("VersionWithContent", version)


# Versions whose content can never change again (database triggers refuse it): read once, kept.
FROZEN_STATUSES = (VersionStatus.APPROVED, VersionStatus.RETIRED)
FROZEN_KEPT = 32  # versions kept in each process's memory
_frozen: dict[str, "VersionWithContent"] = {}


def frozen_version_key(version: QuestionnaireVersion) -> str:
    """What names an approved or retired version in a cache key: its content never changes. The
    creation time tells apart versions that reuse a number (SQLite test databases)."""
    return f"{version.pk}:{version.created_at.timestamp()}"


def version_content(*, version: QuestionnaireVersion) -> "VersionWithContent":
    """version_with_content for the pages that answer and review replies, read from the database
    once per process for an approved or retired version (whose content never changes) and then
    kept: in the process's memory, and in the cache (CACHES) for the other processes. Drafts are
    read afresh every time.

    The objects are shared by every request of the process: read them, never change them. Take
    the version's status and questionnaire from `version`, not from what this returns (they are
    as they were when first read); the questions' standards are not read (their catalogue texts
    may change), so `standard_list` is missing.
    """
    if version.status not in FROZEN_STATUSES:
        return version_with_content(pk=version.pk)
    key = f"version-content:{frozen_version_key(version)}"
    content = _frozen.get(key)
    if content is None:
        content = cache.get(key)
        if content is None:
            content = version_with_content(pk=version.pk, standards=False)
            cache.set(key, content, timeout=None)
        if len(_frozen) >= FROZEN_KEPT:
            _frozen.clear()
        _frozen[key] = content
    return content


def frozen_versions_forget() -> None:
    """Empty this process's memory of frozen versions (tests; the cache is emptied apart)."""
    _frozen.clear()


def versions_of(*, questionnaire_id: int) -> QuerySet[QuestionnaireVersion]:
    return QuestionnaireVersion.objects.filter(questionnaire_id=questionnaire_id).order_by(
        "-number"
    )
