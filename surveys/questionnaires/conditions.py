"""Relevance conditions: when a question is shown, given the answers so far.

The browser evaluates the same rules in static/js/relevance.js; keep the two in step.

A condition is {"question": "A.2", "operator": "=", "value": "yes"}:

- "=" and "!=" compare the answer and the value as strings, or as numbers when both are numbers
  ("1.0" = "1"). A missing answer is the empty string, as in XLSForm: `A.1 != 0` holds while A.1
  is unanswered.
- "selected" holds when a multiple-choice answer (a list) includes the value.
"""

import re
from collections.abc import Iterable
from decimal import Decimal

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def _as_text(answer: object) -> str:
    if answer is None:
        return ""
    if isinstance(answer, Decimal):
        return f"{answer.normalize():f}"
    return str(answer).strip()


def _same(answer: object, value: str) -> bool:
    left, right = _as_text(answer), str(value).strip()
    if _NUMBER.match(left) and _NUMBER.match(right):
        return Decimal(left) == Decimal(right)
    return left == right


def _selected(answer: object) -> list[str]:
    if answer is None:
        return []
    if isinstance(answer, str):
        return answer.split()  # XLSForm keeps a multiple choice as space-separated names
    if isinstance(answer, list | tuple | set | frozenset):
        return [_as_text(item) for item in answer]
    return [_as_text(answer)]


def condition_holds(condition: dict | None, answers: dict[str, object]) -> bool:
    """Whether a question with `condition` is shown, given `answers` (question code -> answer)."""
    if not condition:
        return True
    answer = answers.get(condition["question"])
    operator, value = condition["operator"], str(condition["value"])
    if operator == "=":
        return _same(answer, value)
    if operator == "!=":
        return not _same(answer, value)
    if operator == "selected":
        return value in _selected(answer)
    raise ValueError(f"unknown operator {operator!r}")


def questions_shown(
    questions: Iterable[tuple[str, dict | None]], answers: dict[str, object]
) -> set[str]:
    """The codes of the questions shown, in questionnaire order: a hidden question counts as
    unanswered, so a question that depends on it follows its condition on an empty answer."""
    shown: set[str] = set()
    effective: dict[str, object] = {}
    for code, condition in questions:
        if condition_holds(condition, effective):
            shown.add(code)
            effective[code] = answers.get(code)
    return shown
