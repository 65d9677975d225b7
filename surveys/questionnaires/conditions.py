"""Relevance conditions: when a question is shown, given the answers so far.

The browser evaluates the same rules in static/js/relevance.js; keep the two in step.

A condition is {"question": "A.2", "operator": "=", "value": "yes"}:

- "=" and "!=" compare the answer and the value as strings, or as numbers when both are numbers
  ("1.0" = "1"). A missing answer is the empty string, as in XLSForm: `A.1 != 0` holds while A.1
  is unanswered.
- "selected" holds when a multiple-choice answer (a list) includes the value.
- ">", ">=", "<" and "<=" compare a number answer with a number; an unanswered question (or an
  answer that is not a number) never satisfies them, as in XLSForm, where the empty answer
  compares as NaN.

Several conditions over the same question combine as {"question": "A.2", "any": [{"operator": "=",
"value": "a"}, {"operator": "=", "value": "b"}]} (XLSForm's `or`), or "all" for `and`. The single
condition's form stays as it is, so older YAML files, version documents and exports read the same.
"""

import json
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


_COMPARE = {
    ">": lambda left, right: left > right,
    ">=": lambda left, right: left >= right,
    "<": lambda left, right: left < right,
    "<=": lambda left, right: left <= right,
}


def _compares(operator: str, answer: object, value: str) -> bool:
    left, right = _as_text(answer), str(value).strip()
    if not (_NUMBER.match(left) and _NUMBER.match(right)):
        return False
    return _COMPARE[operator](Decimal(left), Decimal(right))


def _selected(answer: object) -> list[str]:
    if answer is None:
        return []
    if isinstance(answer, str):
        return answer.split()  # XLSForm keeps a multiple choice as space-separated names
    if isinstance(answer, list | tuple | set | frozenset):
        return [_as_text(item) for item in answer]
    return [_as_text(answer)]


JOINS = ("any", "all")


def condition_parts(condition: dict) -> tuple[str, list[tuple[str, str]]]:
    """How the parts of a condition combine ("any" or "all") and its parts, (operator, value) each;
    a single condition is "all" of one part."""
    for join in JOINS:
        if join in condition:
            return join, [(part["operator"], str(part["value"])) for part in condition[join]]
    return "all", [(condition["operator"], str(condition["value"]))]


def condition_dict(question: str, join: str, parts: list[tuple[str, str]]) -> dict:
    """The stored form of a condition: the single condition's dict when it has one part."""
    if len(parts) == 1:
        operator, value = parts[0]
        return {"question": question, "operator": operator, "value": value}
    return {"question": question, join: [{"operator": o, "value": v} for o, v in parts]}


def condition_for_browser(condition: dict | None) -> dict:
    """What static/js/relevance.js reads from a question block's data attributes: the question,
    and the operator and value of a single condition, or the join and the parts as JSON."""
    if not condition:
        return {}
    join, parts = condition_parts(condition)
    if len(parts) == 1:
        return {"question": condition["question"], "operator": parts[0][0], "value": parts[0][1]}
    return {
        "question": condition["question"],
        "join": join,
        "parts": json.dumps([list(part) for part in parts], ensure_ascii=False),
    }


def condition_holds(condition: dict | None, answers: dict[str, object]) -> bool:
    """Whether a question with `condition` is shown, given `answers` (question code -> answer)."""
    if not condition:
        return True
    answer = answers.get(condition["question"])
    join, parts = condition_parts(condition)
    results = (_part_holds(operator, value, answer) for operator, value in parts)
    return any(results) if join == "any" else all(results)


def _part_holds(operator: str, value: str, answer: object) -> bool:
    if operator == "=":
        return _same(answer, value)
    if operator == "!=":
        return not _same(answer, value)
    if operator == "selected":
        return value in _selected(answer)
    if operator in _COMPARE:
        return _compares(operator, answer, value)
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
