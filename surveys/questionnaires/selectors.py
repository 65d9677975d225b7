from typing import TYPE_CHECKING, TypedDict

from django.db.models import Prefetch, QuerySet

from surveys.models import Choice, Question, QuestionnaireVersion, QuestionStandard, Section

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


def version_with_content(*, pk: int) -> "VersionWithContent":
    """A version with its sections, questions, choices and standards: five queries, whatever its size.

    Each section gets `.question_list`, each question `.option_list`, `.row_list` and
    `.standard_list`; all translations come with the rows (multilingual JSON).
    """
    questions = Question.objects.order_by("order").prefetch_related(
        Prefetch(
            "choices", queryset=Choice.objects.order_by("kind", "order"), to_attr="choice_list"
        ),
        Prefetch(
            "standard_links",
            queryset=QuestionStandard.objects.select_related("standard").order_by("order"),
            to_attr="standard_list",
        ),
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
    return version


def versions_of(*, questionnaire_id: int) -> QuerySet[QuestionnaireVersion]:
    return QuestionnaireVersion.objects.filter(questionnaire_id=questionnaire_id).order_by(
        "-number"
    )
