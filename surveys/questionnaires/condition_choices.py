"""Relevance conditions as an administrator picks them in the question form, rather than types
them: one entry per earlier question and value ("A.2 = Yes", "B.1 includes “Probation”"), and the
same words for a condition already set. How a condition holds is in surveys.questionnaires.conditions.
"""

import json
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from portal.multilingual import in_language
from surveys.models import Question
from surveys.questionnaires.conditions import condition_parts
from surveys.questionnaires.documents import (
    CHOICE_TYPES,
    COMPARISON_SIGNS,
    COMPARISONS,
    FIXED_SCALE_VALUES,
    NUMBER_TYPES,
    SINGLE_VALUE_TYPES,
)
from surveys.questionnaires.scales import FIXED_SCALES

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

NUMBER_PLACEHOLDER = "#"


def condition_key(question: str, operator: str, value: str) -> str:
    return json.dumps([question, operator, value], ensure_ascii=False)


def _value_labels(question: Question, original_language: str) -> list[tuple[str, str]] | None:
    """The values an answer to `question` can take, with their labels in the active language."""
    if question.type in FIXED_SCALE_VALUES:
        return [
            (name, in_language(FIXED_SCALES[question.type][name]))
            for name in FIXED_SCALE_VALUES[question.type]
        ]
    if question.type in CHOICE_TYPES:
        return [
            (c.name, in_language(c.label, fallback=original_language)) for c in question.option_list
        ]
    return None


def _condition_entry(code: str, operator: str, label: "StrOrPromise") -> str:
    if operator == "selected":
        return _("%(code)s includes “%(label)s”") % {"code": code, "label": label}
    if operator == "!=":
        return _("%(code)s ≠ %(label)s") % {"code": code, "label": label}
    if operator in COMPARISONS:  # signs that read the same in every language
        return f"{code} {COMPARISON_SIGNS[operator]} {label}"
    return _("%(code)s = %(label)s") % {"code": code, "label": label}


# A comparison with a number in words, for the offline workbook and the blank questionnaire.
COMPARISON_WORDS = {
    ">": _("more than %(value)s"),
    ">=": _("%(value)s or more"),
    "<": _("less than %(value)s"),
    "<=": _("%(value)s or less"),
}


def comparison_words(operator: str, value: str) -> str:
    """ "more than 10", "10 or more", "less than 10", "10 or less", in the active language."""
    return str(COMPARISON_WORDS[operator] % {"value": value})


def condition_label(
    condition: dict | None, target: Question | None, *, original_language: str
) -> str:
    """A condition as an administrator reads it: "A.2 = Yes", "B.1 includes “Probation”"."""
    if not condition:
        return ""
    labels = dict(_value_labels(target, original_language) or []) if target else {}
    join, parts = condition_parts(condition)
    word = f" {_('or')} " if join == "any" else f" {_('and')} "
    return word.join(
        str(_condition_entry(condition["question"], operator, labels.get(value, value)))
        for operator, value in parts
    )


def combined_choice(
    condition: dict | None, target: Question | None, *, original_language: str
) -> tuple[str, str] | None:
    """The entry that keeps a condition of several parts ("A.2 = a or A.2 = b", read from an
    XLSForm), which the list of single conditions cannot offer: its key is the stored condition."""
    if not condition or len(condition_parts(condition)[1]) < 2:
        return None
    key = json.dumps(condition, ensure_ascii=False, sort_keys=True)
    return key, condition_label(condition, target, original_language=original_language)


def relevance_choices(earlier: list[Question], *, original_language: str) -> list:
    """The conditions an administrator can pick for a question: grouped by the earlier question,
    one entry per value ("A.2 = Yes", "B.1 includes “Probation”"), and for a number question an
    entry that compares with the number typed beside the list."""
    choices: list = [("", _("Always shown"))]
    for question in earlier:
        code = question.code
        text = in_language(question.text, fallback=original_language)
        group = f"{code} · {text[:70]}{'…' if len(text) > 70 else ''}"
        values = _value_labels(question, original_language) or []
        if question.type == "multiple_choice":
            entries = [
                (condition_key(code, "selected", name), _condition_entry(code, "selected", label))
                for name, label in values
            ]
        elif question.type in NUMBER_TYPES:
            entries = [
                (
                    condition_key(code, operator, NUMBER_PLACEHOLDER),
                    _condition_entry(code, operator, _("the number given below")),
                )
                for operator in ("=", "!=", *COMPARISONS)
            ]
        elif question.type in SINGLE_VALUE_TYPES and values:
            entries = [
                (condition_key(code, operator, name), _condition_entry(code, operator, label))
                for operator in ("=", "!=")
                for name, label in values
            ]
        else:
            entries = []
        if entries:
            choices.append((group, entries))
    return choices
