"""Writing questionnaires: from documents (XLSForm, YAML) to versions, and copying versions."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from clusters.models import Category, Cluster, Standard
from portal.models import User
from surveys.models import (
    Choice,
    ChoiceKind,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    QuestionStandard,
    Section,
    VersionStatus,
)
from surveys.questionnaires.documents import (
    ChoiceDoc,
    ConditionDoc,
    Problem,
    QuestionDoc,
    QuestionnaireDoc,
    SectionDoc,
    StandardRefDoc,
    document_problems,
)
from surveys.questionnaires.selectors import version_with_content


class DocumentRejected(Exception):
    """The document cannot become a version; `problems` says every reason, with its place."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def document_catalogue_problems(document: QuestionnaireDoc) -> list[Problem]:
    """What in `document` refers to categories, clusters or standards the catalogue lacks."""
    problems = []
    standards = set(Standard.objects.values_list("code", flat=True))
    clusters = set(Cluster.objects.values_list("letter", flat=True))
    for code in document.standards:
        if code not in standards:
            problems.append(Problem("settings", _("unknown standard %(code)r") % {"code": code}))
    for letter in document.clusters:
        if letter not in clusters:
            problems.append(Problem("settings", _("unknown cluster %(code)r") % {"code": letter}))
    for question in document.questions():
        for ref in question.standards:
            if ref.standard not in standards:
                problems.append(
                    Problem(question.code, _("unknown standard %(code)r") % {"code": ref.standard})
                )
    return problems


@transaction.atomic
def version_from_document(
    *, document: QuestionnaireDoc, by: User | None, status: str = VersionStatus.DRAFT,
    based_on: QuestionnaireVersion | None = None, change_log: str = "",
) -> QuestionnaireVersion:  # fmt: skip
    """Save `document` as the next version of its questionnaire (created if new), all or nothing."""
    problems = document_problems(document) + document_catalogue_problems(document)
    existing = (
        Questionnaire.objects.filter(code=document.form_id).select_related("category").first()
    )
    if existing and existing.category.letter != document.category:
        problems.append(
            Problem(
                "settings",
                _("the questionnaire %(code)r is for category (%(letter)s), not (%(other)s)")
                % {
                    "code": document.form_id,
                    "letter": existing.category.letter,
                    "other": document.category,
                },
            )
        )
    if problems:
        raise DocumentRejected(problems)
    questionnaire, _created = Questionnaire.objects.get_or_create(
        code=document.form_id,
        defaults={
            "title": document.title,
            "category": Category.objects.get(letter=document.category),
        },
    )
    questionnaire.clusters.set(Cluster.objects.filter(letter__in=document.clusters))
    questionnaire.standards.set(Standard.objects.filter(code__in=document.standards))
    number = (questionnaire.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = QuestionnaireVersion.objects.create(
        questionnaire=questionnaire,
        number=number,
        status=status,
        title=document.title,
        original_language=document.default_language,
        based_on=based_on,
        change_log=change_log,
        created_by=by,
    )
    _save_content(version, document)
    return version


def _save_content(version: QuestionnaireVersion, document: QuestionnaireDoc) -> None:
    standards = {s.code: s for s in Standard.objects.all()}
    sections = Section.objects.bulk_create(
        Section(version=version, order=i, code=s.code, title=s.title, intro=s.intro)
        for i, s in enumerate(document.sections, start=1)
    )
    pairs = [
        (section, q)
        for section, section_doc in zip(sections, document.sections, strict=True)
        for q in section_doc.questions
    ]
    questions = Question.objects.bulk_create(
        Question(
            version=version,
            section=section,
            order=i,
            code=q.code,
            type=q.type,
            text=q.text,
            help_text=q.help,
            required=q.required,
            relevance=q.relevance.as_dict() if q.relevance else None,
            minimum=None if q.minimum is None else Decimal(q.minimum),
            maximum=None if q.maximum is None else Decimal(q.maximum),
            unit=q.unit,
            other_specify=q.other_specify,
            purpose=q.purpose,
            gender_relevant=q.gender_relevant,
            applied_if=list(q.applied_if),
            part_of=q.part_of,
            constraint_message=q.constraint_message,
            appearance=q.appearance,
            lead_in=q.lead_in,
        )
        for i, (section, q) in enumerate(pairs, start=1)
    )
    choices: list[Choice] = []
    links: list[QuestionStandard] = []
    for question, (_section, q) in zip(questions, pairs, strict=True):
        for kind, items in ((ChoiceKind.OPTION, q.choices), (ChoiceKind.ROW, q.rows)):
            choices.extend(
                Choice(
                    question=question,
                    kind=kind,
                    order=i,
                    name=c.name,
                    label=c.label,
                    exclusive=c.exclusive,
                )
                for i, c in enumerate(items, start=1)
            )
        links.extend(
            QuestionStandard(
                question=question,
                standard=standards[ref.standard],
                provision=ref.provision,
                order=i,
            )
            for i, ref in enumerate(q.standards, start=1)
        )
    Choice.objects.bulk_create(choices)
    QuestionStandard.objects.bulk_create(links)


def _number(value: Decimal | None) -> str | None:
    if value is None:
        return None
    normalized = value.normalize()
    return f"{normalized:f}"


def version_document(*, version: QuestionnaireVersion) -> QuestionnaireDoc:
    """The document of a saved version (the inverse of `version_from_document`)."""
    version = version_with_content(pk=version.pk)
    questionnaire = version.questionnaire
    return QuestionnaireDoc(
        form_id=questionnaire.code,
        title=version.title,
        version=str(version.number),
        default_language=version.original_language,
        category=questionnaire.category.letter,
        clusters=sorted(questionnaire.clusters.values_list("letter", flat=True)),
        standards=sorted(questionnaire.standards.values_list("code", flat=True)),
        sections=[
            SectionDoc(
                code=section.code,
                title=section.title,
                intro=section.intro,
                questions=[
                    QuestionDoc(
                        code=q.code,
                        type=q.type,
                        text=q.text,
                        help=q.help_text,
                        required=q.required,
                        relevance=ConditionDoc.from_dict(q.relevance) if q.relevance else None,
                        minimum=_number(q.minimum),
                        maximum=_number(q.maximum),
                        unit=q.unit,
                        choices=[ChoiceDoc(c.name, c.label, c.exclusive) for c in q.option_list],
                        rows=[ChoiceDoc(c.name, c.label) for c in q.row_list],
                        other_specify=q.other_specify,
                        standards=[
                            StandardRefDoc(link.standard.code, link.provision)
                            for link in q.standard_list
                        ],
                        purpose=q.purpose,
                        gender_relevant=q.gender_relevant,
                        applied_if=list(q.applied_if or []),
                        part_of=q.part_of,
                        constraint_message=q.constraint_message,
                        appearance=q.appearance,
                        lead_in=q.lead_in,
                    )
                    for q in section.question_list
                ],
            )
            for section in version.section_list
        ],
    )


@transaction.atomic
def version_new_draft(
    *, version: QuestionnaireVersion, by: User, change_log: str = ""
) -> QuestionnaireVersion:
    """A new editable version copied from `version`: how an approved or circulated version changes.

    After a consultation the copy is a revised draft; otherwise a plain draft.
    """
    status = (
        VersionStatus.REVISED_DRAFT
        if version.status == VersionStatus.CONSULTATION
        else VersionStatus.DRAFT
    )
    return version_from_document(
        document=version_document(version=version),
        by=by,
        status=status,
        based_on=version,
        change_log=change_log,
    )
