"""Relevance conditions evaluated on the server, by the rules the browser follows too."""

from decimal import Decimal

import pytest

from surveys.questionnaires.conditions import condition_holds, questions_shown


def when(question, operator, value):
    return {"question": question, "operator": operator, "value": value}


def test_a_question_without_a_condition_is_always_shown():
    assert condition_holds(None, {})
    assert condition_holds({}, {"A.1": "yes"})


@pytest.mark.parametrize(
    ("answer", "expected"), [("yes", True), ("no", False), (None, False), ("", False)]
)
def test_equals_compares_the_answer_as_text(answer, expected):
    assert condition_holds(when("A.2", "=", "yes"), {"A.2": answer}) is expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("yes", False), ("no", True), (None, True), ("dont_know", True)],
)
def test_not_equals_holds_for_any_other_answer_including_none(answer, expected):
    assert condition_holds(when("A.2", "!=", "yes"), {"A.2": answer}) is expected


@pytest.mark.parametrize(
    ("answer", "value", "expected"),
    [
        (1, "1", True),
        ("1.0", "1", True),
        (Decimal("2.50"), "2.5", True),
        (0, "0", True),
        ("0.5", ".5", True),
        ("10", "1", False),
        ("1e3", "1000", False),  # only plain decimals count as numbers, as in relevance.js
    ],
)
def test_numbers_compare_as_numbers_when_both_sides_are_numbers(answer, value, expected):
    assert condition_holds(when("A.1", "=", value), {"A.1": answer}) is expected


def test_an_unanswered_number_is_not_zero():
    condition = when("A.1", "!=", "0")
    assert condition_holds(condition, {})
    assert not condition_holds(condition, {"A.1": 0})
    assert condition_holds(condition, {"A.1": 12})


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (["probation", "fine"], True),
        (["fine"], False),
        ([], False),
        (None, False),
        ("probation fine", True),  # XLSForm's space-separated form
        ("probationary", False),
    ],
)
def test_selected_looks_for_the_value_in_a_multiple_choice_answer(answer, expected):
    assert condition_holds(when("B.1", "selected", "probation"), {"B.1": answer}) is expected


def test_an_unknown_operator_is_an_error():
    with pytest.raises(ValueError, match="unknown operator"):
        condition_holds(when("A.1", "~", "3"), {"A.1": 4})


def test_a_question_hidden_by_its_condition_counts_as_unanswered_below():
    questions = [
        ("A.1", None),
        ("A.2", when("A.1", "=", "yes")),
        ("A.3", when("A.2", "=", "yes")),
        ("A.4", when("A.2", "!=", "yes")),
    ]
    # A.2 was answered "yes" before A.1 turned to "no": it is hidden, so A.3 goes too.
    assert questions_shown(questions, {"A.1": "no", "A.2": "yes"}) == {"A.1", "A.4"}
    assert questions_shown(questions, {"A.1": "yes", "A.2": "yes"}) == {"A.1", "A.2", "A.3"}
