"""Saving answers: validated by question type, checked against the revision the person started
from, and recorded in the answer's history. Different questions never conflict."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.localformats import number_parse, number_text
from portal.models import User
from portal.multilingual import in_language
from surveys.models import Answer, AnswerChange, Channel, Question, QuestionType, Reply, ReplyStatus
from surveys.questionnaires.scales import FIXED_SCALES

OTHER = "other"
MAX_SHORT_TEXT = 500
MAX_LONG_TEXT = 20_000
# The Secretariat corrects answers only once the respondent has handed the reply over.
CORRECTABLE_STATUSES = (ReplyStatus.SUBMITTED, ReplyStatus.RESUBMITTED, ReplyStatus.ACCEPTED)


class AnswerInvalid(Exception):
    """The value does not fit the question; the message says why, naming the question."""


class AnswerStale(Exception):
    """Someone saved this answer since the person loaded it: their value is kept, not overwritten."""

    def __init__(self, answer: Answer):
        self.answer = answer
        super().__init__(f"{answer.question.code} was saved at revision {answer.revision}")


class ReplyLocked(Exception):
    """The reply is submitted (or accepted): its answers no longer change through the form."""


def _choices_of(question: Question) -> list:
    """The question's options and rows: as read with it (version_with_content's `choice_list`,
    no query), else through its related manager (prefetched or not)."""
    listed = getattr(question, "choice_list", None)
    return listed if listed is not None else list(question.choices.all())


def _choice_names(question: Question) -> list[str]:
    if question.type in FIXED_SCALES:
        return list(FIXED_SCALES[question.type])
    names = [c.name for c in _choices_of(question) if c.kind == "option"]
    return names + ([OTHER] if question.other_specify else [])


def answer_clean(*, question: Question, value: object, other_text: str = "") -> tuple[object, str]:
    """The value to store for `question` (None when empty), or AnswerInvalid.

    Values come as the browser sends them: strings, a list of strings for a multiple choice,
    a dict row -> column for a table.
    """
    if isinstance(value, str):
        value = value.strip()
    if value in (None, "", [], {}):
        return None, ""
    clean = _CLEANERS.get(question.type, _clean_file)
    return clean(question, value, other_text)


def _clean_choice(question: Question, value: object, other_text: str) -> tuple[object, str]:
    if not isinstance(value, str) or value not in _choice_names(question):
        raise AnswerInvalid(
            _("%(code)s: choose one of the answers offered.") % {"code": question.code}
        )
    return value, (other_text.strip() if value == OTHER else "")


# Any: the names chosen come as a list (from the form or the workbook), one name as a string.
def _clean_multiple_choice(question: Question, value: Any, other_text: str) -> tuple[object, str]:
    values = [value] if isinstance(value, str) else list(value)
    allowed = _choice_names(question)
    if any(not isinstance(v, str) or v not in allowed for v in values):
        raise AnswerInvalid(
            _("%(code)s: choose among the answers offered.") % {"code": question.code}
        )
    ordered = [name for name in allowed if name in values]
    for choice in _choices_of(question):
        if choice.exclusive and choice.name in ordered and len(ordered) > 1:
            raise AnswerInvalid(
                _("%(code)s: “%(label)s” cannot be chosen together with other answers.")
                % {"code": question.code, "label": in_language(choice.label)}
            )
    return ordered, (other_text.strip() if OTHER in ordered else "")


def _clean_number(question: Question, value: object, other_text: str) -> tuple[object, str]:
    return _number(question, value), ""


def _clean_text(question: Question, value: object, other_text: str) -> tuple[object, str]:
    limit = MAX_SHORT_TEXT if question.type == QuestionType.SHORT_TEXT else MAX_LONG_TEXT
    if not isinstance(value, str):
        raise AnswerInvalid(_("%(code)s: the answer must be text.") % {"code": question.code})
    if len(value) > limit:
        raise AnswerInvalid(
            _("%(code)s: the answer is longer than %(limit)s characters.")
            % {"code": question.code, "limit": limit}
        )
    return value, ""


def _clean_date(question: Question, value: object, other_text: str) -> tuple[object, str]:
    try:
        return datetime.date.fromisoformat(str(value)).isoformat(), ""
    except ValueError:
        raise AnswerInvalid(
            _("%(code)s: give a date as year-month-day, e.g. 2026-12-31.") % {"code": question.code}
        ) from None


def _clean_table(question: Question, value: object, other_text: str) -> tuple[object, str]:
    choices = _choices_of(question)
    rows = {c.name for c in choices if c.kind == "row"}
    columns = {c.name for c in choices if c.kind == "option"}
    if not isinstance(value, dict) or any(
        r not in rows or (c and c not in columns) for r, c in value.items()
    ):
        raise AnswerInvalid(_("%(code)s: choose one answer per row.") % {"code": question.code})
    cleaned = {r: c for r, c in value.items() if c}
    return (cleaned or None), ""


def _clean_file(question: Question, value: object, other_text: str) -> tuple[object, str]:
    raise AnswerInvalid(_("%(code)s: this question takes a file.") % {"code": question.code})


# By question type (a QuestionType value, as Question.type holds it).
_CLEANERS: dict[str, Callable[[Question, object, str], tuple[object, str]]] = {
    QuestionType.YES_NO: _clean_choice,
    QuestionType.YES_NO_PARTLY_DK: _clean_choice,
    QuestionType.SINGLE_CHOICE: _clean_choice,
    QuestionType.MULTIPLE_CHOICE: _clean_multiple_choice,
    QuestionType.INTEGER: _clean_number,
    QuestionType.DECIMAL: _clean_number,
    QuestionType.SHORT_TEXT: _clean_text,
    QuestionType.LONG_TEXT: _clean_text,
    QuestionType.DATE: _clean_date,
    QuestionType.TABLE: _clean_table,
}


def _not_a_number(question: Question, value: object) -> AnswerInvalid:
    """The refusal of what is not a number, with what was typed and an example in the reader's
    language (`number_parse` reads its separators)."""
    typed = str(value).strip()
    typed = typed if len(typed) <= 40 else typed[:39] + "…"
    example = number_text(40000)
    if question.type == QuestionType.INTEGER:
        message = _(
            "%(code)s: “%(typed)s” is not a number. Write the number alone, for example "
            "%(example)s."
        )
    else:
        message = _(
            "%(code)s: “%(typed)s” is not a number. Write the number alone, for example "
            "%(example)s or %(decimal)s."
        )
    return AnswerInvalid(
        message
        % {
            "code": question.code,
            "typed": typed,
            "example": example,
            "decimal": number_text(Decimal("12.5")),
        }
    )


def _number(question: Question, value: object) -> str:
    code = question.code
    # A number already (a spreadsheet's cell) is taken as it is; text as the reader types it.
    exact = isinstance(value, int | float | Decimal) and not isinstance(value, bool)
    number = Decimal(str(value)) if exact else number_parse(str(value))
    if number is None or not number.is_finite():
        raise _not_a_number(question, value)
    if question.type == QuestionType.INTEGER and number != number.to_integral_value():
        raise AnswerInvalid(
            _("%(code)s: give a whole number, for example %(example)s.")
            % {"code": code, "example": number_text(40000)}
        )
    if question.minimum is not None and number < question.minimum:
        raise AnswerInvalid(
            _("%(code)s: the number must be at least %(minimum)s.")
            % {"code": code, "minimum": number_text(question.minimum.normalize())}
        )
    if question.maximum is not None and number > question.maximum:
        raise AnswerInvalid(
            _("%(code)s: the number must be at most %(maximum)s.")
            % {"code": code, "maximum": number_text(question.maximum.normalize())}
        )
    return f"{number.normalize():f}" if question.type == QuestionType.DECIMAL else str(int(number))


@dataclass
class Saved:
    answer: Answer
    changed: bool


@transaction.atomic
def answer_save(
    *, reply: Reply, question: Question, value: object, other_text: str = "", base_revision: int,
    by: User, channel: str, reason: str = "",
) -> Saved:  # fmt: skip
    """Save one answer if nobody saved it since `base_revision`; record the change.

    Raises AnswerStale (with the current answer), AnswerInvalid or ReplyLocked; saves nothing then.
    The STAFF channel (a correction by the Secretariat) needs a reason and a reply handed over
    (submitted, resubmitted or accepted); only Secretariat staff use it (else PermissionDenied).
    """
    if question.version_id != reply.cycle.version_id:
        raise AnswerInvalid(
            _("%(code)s is not a question of this reply.") % {"code": question.code}
        )
    # Lock the reply, so a save that started before a submission cannot land after its snapshot.
    reply.status = (
        Reply.objects.select_for_update().values_list("status", flat=True).get(pk=reply.pk)
    )
    if channel == Channel.STAFF:
        if not by.is_secretariat:
            raise PermissionDenied
        if not reason.strip():
            raise AnswerInvalid(_("A correction by the Secretariat needs a reason."))
        # While the contact persons may still change the reply, it is theirs to change.
        if reply.status not in CORRECTABLE_STATUSES:
            raise ReplyLocked(
                _("Only a submitted or accepted reply is corrected by the Secretariat.")
            )
    elif not reply.is_answerable:
        raise ReplyLocked(_("This reply has been submitted; its answers can no longer be changed."))
    cleaned, other = answer_clean(question=question, value=value, other_text=other_text)
    answer, _created = Answer.objects.select_for_update().get_or_create(
        reply=reply, question=question
    )
    answer.question = question  # AnswerStale names it: no query to read it back
    if answer.revision != base_revision:
        raise AnswerStale(answer)
    if answer.value == cleaned and answer.other_text == other:
        return Saved(answer, changed=False)
    now = timezone.now()
    AnswerChange.objects.create(
        answer=answer,
        revision=answer.revision + 1,
        old_value=answer.value,
        new_value=cleaned,
        old_other_text=answer.other_text,
        new_other_text=other,
        changed_by=by,
        changed_at=now,
        channel=channel,
        reason=reason.strip(),
    )
    answer.value, answer.other_text = cleaned, other
    answer.revision += 1
    answer.updated_by, answer.updated_at = by, now
    answer.to_confirm = False  # a pre-filled answer changed is the respondent's own
    answer.save(
        update_fields=["value", "other_text", "revision", "updated_by", "updated_at", "to_confirm"]
    )
    if reply.status == ReplyStatus.NOT_STARTED:
        reply.status, reply.started_at = ReplyStatus.IN_PROGRESS, now
        reply.save(update_fields=["status", "started_at"])
    return Saved(answer, changed=True)
