"""Authoring a questionnaire version in the browser, one change at a time.

Each change is first made to the version's document (surveys.questionnaires.documents) and checked there with
the same rules as an imported file; only a change that leaves a valid questionnaire reaches the
database. A version that is no longer editable is refused before anything is written (and the
database would refuse the write anyway, see migration 0002).

Questions are numbered 1..n across the whole version in reading order, sections 1..n, as
`version_from_document` numbers them; every change that moves something renumbers.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import models, transaction
from django.utils.translation import gettext as _

from clusters.models import Category, Standard
from portal.models import User
from portal.multilingual import LANGUAGE_CODES
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
    COMPARISON_SIGNS,
    ChoiceDoc,
    ConditionDoc,
    Problem,
    QuestionDoc,
    QuestionnaireDoc,
    SectionDoc,
    document_problems,
)
from surveys.questionnaires.selectors import version_with_content
from surveys.questionnaires.versions import (
    DocumentRejected,
    document_catalogue_problems,
    version_document,
)

UP, DOWN = -1, 1

if TYPE_CHECKING:
    from surveys.questionnaires.selectors import VersionWithContent


class VersionFrozen(Exception):
    """The version is in consultation, approved or retired: its content cannot change."""

    def __init__(self, version: QuestionnaireVersion):
        self.version = version
        super().__init__(
            _(
                "Version %(number)s is %(status)s: its content is frozen and cannot change. "
                "Start a new draft from it instead."
            )
            % {"number": version.number, "status": version.get_status_display().lower()}
        )


class ChangeRejected(DocumentRejected):
    """The change would leave an unusable questionnaire; nothing was saved."""


# --- Checks ----------------------------------------------------------------------------------------


def _editable(version: QuestionnaireVersion) -> QuestionnaireVersion:
    """The version, re-read and locked, if its content may change; VersionFrozen otherwise."""
    current = QuestionnaireVersion.objects.select_for_update().get(pk=version.pk)
    if not current.is_editable:
        raise VersionFrozen(current)
    return current


def _problems(document: QuestionnaireDoc) -> list[Problem]:
    # A version being written may have no question yet; everything else must hold at every step.
    problems = document_problems(document) + document_catalogue_problems(document)
    return [p for p in problems if p.where != "survey"]


def _check(document: QuestionnaireDoc) -> None:
    problems = _problems(document)
    if problems:
        raise ChangeRejected(problems)


def _code_taken(document: QuestionnaireDoc, code: str, *, ignore: str | None = None) -> bool:
    codes = {s.code for s in document.sections} | {q.code for q in document.questions()}
    codes.discard(ignore)
    return code in codes


def _find_question(document: QuestionnaireDoc, code: str) -> tuple[SectionDoc, int]:
    for section in document.sections:
        for index, question in enumerate(section.questions):
            if question.code == code:
                return section, index
    raise LookupError(code)


def _find_section(document: QuestionnaireDoc, code: str) -> int:
    return next(i for i, s in enumerate(document.sections) if s.code == code)


def question_dependents(
    document: QuestionnaireDoc, codes: set[str]
) -> list[tuple[QuestionDoc, ConditionDoc]]:
    """The questions outside `codes` whose relevance condition names one of `codes`, each with
    that condition."""
    return [
        (q, q.relevance)
        for q in document.questions()
        if q.relevance and q.relevance.question in codes and q.code not in codes
    ]


def _condition_text(condition: ConditionDoc) -> str:
    words = {**COMPARISON_SIGNS, "selected": _("includes")}
    join = f" {_('or')} " if condition.join == "any" else f" {_('and')} "
    return join.join(
        f"{condition.question} {words[operator]} {value}" for operator, value in condition.parts
    )


def _refuse_if_depended_on(document: QuestionnaireDoc, codes: set[str]) -> None:
    dependents = question_dependents(document, codes)
    if dependents:
        raise ChangeRejected(
            [
                Problem(
                    q.code,
                    _(
                        "%(code)s is shown only when %(condition)s: change or remove that "
                        "condition first."
                    )
                    % {"code": q.code, "condition": _condition_text(condition)},
                )
                for q, condition in dependents
            ]
        )


# --- Writing the document's order and conditions back to the rows --------------------------------


def _sync_structure(
    version: QuestionnaireVersion,
    document: QuestionnaireDoc,
    *,
    renamed: dict[str, str] | None = None,
) -> None:
    """Give every section and question the place (and every question the condition) it has in
    `document`. `renamed` maps a question's old code to its new one."""
    renamed = renamed or {}
    sections = {s.code: s for s in Section.objects.filter(version=version)}
    changed_sections = []
    for position, section_doc in enumerate(document.sections, start=1):
        section = sections[section_doc.code]
        if section.order != position:
            section.order = position
            changed_sections.append(section)
    Section.objects.bulk_update(changed_sections, ["order"])

    place: dict[str, tuple[int, int, dict[str, str] | None]] = {}
    position = 0
    for section_doc in document.sections:
        for question_doc in section_doc.questions:
            position += 1
            relevance = question_doc.relevance
            place[question_doc.code] = (
                position,
                sections[section_doc.code].pk,
                relevance.as_dict() if relevance else None,
            )  # fmt: skip
    changed_questions = []
    for question in Question.objects.filter(version=version):
        order, section_id, condition = place[renamed.get(question.code, question.code)]
        if (question.order, question.section_id, question.relevance) != (
            order,
            section_id,
            condition,
        ):
            question.order, question.section_id, question.relevance = order, section_id, condition
            changed_questions.append(question)
    Question.objects.bulk_update(changed_questions, ["order", "section", "relevance"])


def _number(value: str | None) -> Decimal | None:
    return None if value is None or value == "" else Decimal(value)


def _write_question(question: Question, document: QuestionDoc) -> None:
    """Copy `document`'s own fields (not its place or condition) onto `question` and its rows."""
    question.code = document.code
    question.type = document.type
    question.text = document.text
    question.help_text = document.help
    question.lead_in = document.lead_in
    question.required = document.required
    question.minimum = _number(document.minimum)
    question.maximum = _number(document.maximum)
    question.unit = document.unit
    question.other_specify = document.other_specify
    question.purpose = document.purpose
    question.gender_relevant = document.gender_relevant
    question.applied_if = list(document.applied_if)
    question.part_of = document.part_of
    question.save()

    # Choices keep their rows (and so their ids) by name; labels are replaced as given.
    existing = {(c.kind, c.name): c for c in question.choices.all()}
    wanted = {}
    for kind, items in ((ChoiceKind.OPTION, document.choices), (ChoiceKind.ROW, document.rows)):
        for order, item in enumerate(items, start=1):
            wanted[(kind, item.name)] = (order, item.label, item.exclusive)
    Choice.objects.filter(
        pk__in=[c.pk for key, c in existing.items() if key not in wanted]
    ).delete()
    to_update, to_create = [], []
    for (kind, name), (order, label, exclusive) in wanted.items():
        choice = existing.get((kind, name))
        if choice is None:
            to_create.append(
                Choice(
                    question=question,
                    kind=kind,
                    order=order,
                    name=name,
                    label=label,
                    exclusive=exclusive,
                )
            )
        elif (choice.order, choice.label, choice.exclusive) != (order, label, exclusive):
            choice.order, choice.label, choice.exclusive = order, label, exclusive
            to_update.append(choice)
    Choice.objects.bulk_update(to_update, ["order", "label", "exclusive"])
    Choice.objects.bulk_create(to_create)

    standards = {
        s.code: s
        for s in Standard.objects.filter(code__in=[r.standard for r in document.standards])
    }
    QuestionStandard.objects.filter(question=question).delete()
    QuestionStandard.objects.bulk_create(
        QuestionStandard(
            question=question, standard=standards[ref.standard], provision=ref.provision, order=i
        )
        for i, ref in enumerate(document.standards, start=1)
    )


# --- Questionnaires and versions -----------------------------------------------------------------


@transaction.atomic
def questionnaire_create(
    *, code: str, title: dict[str, str], category: Category, original_language: str, by: User
) -> QuestionnaireVersion:
    """A new questionnaire with an empty first draft, ready for its sections."""
    questionnaire = Questionnaire.objects.create(code=code, title=title, category=category)
    return QuestionnaireVersion.objects.create(
        questionnaire=questionnaire,
        number=1,
        status=VersionStatus.DRAFT,
        title=title,
        original_language=original_language,
        created_by=by,
    )


@transaction.atomic
def version_update(
    *, version: QuestionnaireVersion, title: dict[str, str], change_log: str, by: User
) -> QuestionnaireVersion:
    """Change an editable version's title (in any language) and change log."""
    version = _editable(version)
    if not title.get(version.original_language):
        raise ChangeRejected(
            [Problem("settings", _("The title is required in the original language."))]
        )
    version.title = title
    version.change_log = change_log
    version.save(update_fields=["title", "change_log"])
    return version


# --- Sections ----------------------------------------------------------------------------------------


@transaction.atomic
def section_add(
    *, version: QuestionnaireVersion, code: str, title: dict[str, str],
    intro: dict[str, str] | None = None, by: User,
) -> Section:  # fmt: skip
    """A new section at the end of the version."""
    version = _editable(version)
    document = version_document(version=version)
    document.sections.append(SectionDoc(code=code, title=title, intro=intro or {}))
    _check(document)
    return Section.objects.create(
        version=version, order=len(document.sections), code=code, title=title, intro=intro or {}
    )


@transaction.atomic
def section_update(
    *, section: Section, code: str, title: dict[str, str], intro: dict[str, str], by: User
) -> Section:
    """Change a section's code, title or introduction."""
    version = _editable(section.version)
    document = version_document(version=version)
    section_doc = document.sections[_find_section(document, section.code)]
    section_doc.code, section_doc.title, section_doc.intro = code, title, intro
    _check(document)
    section.code, section.title, section.intro = code, title, intro
    section.save(update_fields=["code", "title", "intro"])
    return section


@transaction.atomic
def section_move(*, section: Section, direction: int, by: User) -> None:
    """Move a section one place up (UP) or down (DOWN), with its questions."""
    version = _editable(section.version)
    document = version_document(version=version)
    index = _find_section(document, section.code)
    target = index + direction
    if not 0 <= target < len(document.sections):
        return
    sections = document.sections
    sections[index], sections[target] = sections[target], sections[index]
    _check(document)
    _sync_structure(version, document)


@transaction.atomic
def section_delete(*, section: Section, by: User) -> None:
    """Delete a section and its questions, unless a question elsewhere depends on one of them."""
    version = _editable(section.version)
    document = version_document(version=version)
    index = _find_section(document, section.code)
    _refuse_if_depended_on(document, {q.code for q in document.sections[index].questions})
    del document.sections[index]
    _check(document)
    section.delete()
    _sync_structure(version, document)


# --- Questions --------------------------------------------------------------------------------------


@transaction.atomic
def question_add(*, section: Section, document: QuestionDoc, by: User) -> Question:
    """A new question at the end of `section`."""
    version = _editable(section.version)
    whole = version_document(version=version)
    whole.sections[_find_section(whole, section.code)].questions.append(document)
    _check(whole)
    question = Question(version=version, section=section, order=0)
    _write_question(question, document)
    _sync_structure(version, whole)
    question.refresh_from_db()
    return question


@transaction.atomic
def question_update(*, question: Question, document: QuestionDoc, by: User) -> Question:
    """Replace a question's content with `document`. A new code carries over to the conditions
    of the questions that depend on it."""
    version = _editable(question.version)
    whole = version_document(version=version)
    section_doc, index = _find_question(whole, question.code)
    old_code = question.code
    if document.code != old_code:
        for _dependent, condition in question_dependents(whole, {old_code}):
            condition.question = document.code
    section_doc.questions[index] = document
    _check(whole)
    _write_question(question, document)
    _sync_structure(version, whole, renamed={old_code: document.code})
    question.refresh_from_db()
    return question


@transaction.atomic
def question_move(*, question: Question, direction: int, by: User) -> None:
    """Move a question one place up (UP) or down (DOWN). From the top of a section it moves to
    the end of the section before; from the bottom, to the start of the section after. A move
    that would put a question before the one its condition names is refused."""
    version = _editable(question.version)
    document = version_document(version=version)
    section_doc, index = _find_question(document, question.code)
    section_index = _find_section(document, section_doc.code)
    target = index + direction
    if 0 <= target < len(section_doc.questions):
        items = section_doc.questions
        items[index], items[target] = items[target], items[index]
    else:
        neighbour = section_index + direction
        if not 0 <= neighbour < len(document.sections):
            return
        moved = section_doc.questions.pop(index)
        into = document.sections[neighbour].questions
        if direction == UP:
            into.append(moved)
        else:
            into.insert(0, moved)
    _check(document)
    _sync_structure(version, document)


@transaction.atomic
def question_delete(*, question: Question, by: User) -> None:
    """Delete a question, unless a later question's condition depends on it."""
    version = _editable(question.version)
    document = version_document(version=version)
    _refuse_if_depended_on(document, {question.code})
    section_doc, index = _find_question(document, question.code)
    del section_doc.questions[index]
    _check(document)
    question.delete()
    _sync_structure(version, document)


# --- Translations ------------------------------------------------------------------------------------


@dataclass
class TranslatableText:
    """One text of a version that exists in its original language and can be translated."""

    key: str  # e.g. "question-12-text": names the row and field
    where: str  # the code of the section or question it belongs to ("" for the version)
    kind: str  # "title", "section_title", "intro", "lead_in", "question", "help", "unit", "choice", "row"
    obj: models.Model
    field: str
    texts: dict[str, str]
    multiline: bool = False
    anchor: str = ""  # the section or question it belongs to, to link to

    def in_language(self, language: str) -> str:
        return (self.texts or {}).get(language, "")


def version_texts(*, version: "VersionWithContent") -> list[TranslatableText]:
    """Every text of `version` (read with version_with_content) that its original language has,
    in reading order. Optional texts (introductions, help, units) count only where they exist."""
    original = version.original_language
    items = [TranslatableText("version-title", "", "title", version, "title", version.title)]

    def add(
        key: str, where: str, kind: str, obj: models.Model, field: str, *,
        multiline: bool = False, optional: bool = False,
    ) -> None:  # fmt: skip
        texts = getattr(obj, field) or {}
        if optional and not texts.get(original):
            return
        items.append(TranslatableText(key, where, kind, obj, field, texts, multiline, where))

    for section in version.section_list:
        add(f"section-{section.pk}-title", section.code, "section_title", section, "title")
        add(
            f"section-{section.pk}-intro", section.code, "intro", section, "intro",
            multiline=True, optional=True,
        )  # fmt: skip
        for question in section.question_list:
            code = question.code
            add(
                f"question-{question.pk}-lead-in", code, "lead_in", question, "lead_in",
                multiline=True, optional=True,
            )  # fmt: skip
            add(f"question-{question.pk}-text", code, "question", question, "text", multiline=True)
            add(
                f"question-{question.pk}-help", code, "help", question, "help_text",
                multiline=True, optional=True,
            )  # fmt: skip
            add(f"question-{question.pk}-unit", code, "unit", question, "unit", optional=True)
            for choice in question.option_list:
                kind = "column" if question.type == "table" else "choice"
                add(f"choice-{choice.pk}-label", code, kind, choice, "label")
            for row in question.row_list:
                add(f"choice-{row.pk}-label", code, "row", row, "label")
    return items


@transaction.atomic
def version_translations_save(
    *, version: QuestionnaireVersion, language: str, texts: dict[str, str], by: User
) -> int:
    """Save the translations of `version` into `language`: `texts` maps the keys of
    version_texts to texts; an empty text removes a translation; keys left out stay as they are.
    Returns how many texts changed. The original language is edited with each text, not here."""
    current = _editable(version)
    if language not in LANGUAGE_CODES or language == current.original_language:
        raise ValueError(f"cannot translate into {language!r}")
    version = version_with_content(pk=current.pk)
    changed: dict[type[models.Model], dict[int, models.Model]] = {}
    fields: dict[type[models.Model], set[str]] = {}
    count = 0
    for item in version_texts(version=version):
        if item.key not in texts:
            continue
        new = (texts[item.key] or "").strip()
        if new == item.in_language(language):
            continue
        updated = {k: v for k, v in (getattr(item.obj, item.field) or {}).items() if k != language}
        if new:
            updated[language] = new
        setattr(item.obj, item.field, updated)
        changed.setdefault(type(item.obj), {})[item.obj.pk] = item.obj
        fields.setdefault(type(item.obj), set()).add(item.field)
        count += 1
    for model, objects in changed.items():
        if model is QuestionnaireVersion:
            QuestionnaireVersion.objects.filter(pk=version.pk).update(title=version.title)
        else:
            model._default_manager.bulk_update(list(objects.values()), sorted(fields[model]))
    return count


# --- Choices typed one per line ------------------------------------------------------------------


def choices_with_labels(
    lines: list[tuple[str, str]], *, language: str, existing: list[Choice]
) -> list[ChoiceDoc]:
    """Choices from (name, label) pairs in `language`, keeping the other languages' labels of the
    existing choices with the same name."""
    labels = {c.name: c.label for c in existing}
    return [ChoiceDoc(name, {**labels.get(name, {}), language: label}) for name, label in lines]
