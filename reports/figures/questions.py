"""The figures of one question (reports.figures.computing finds its question rows and answers): how
many States answered it and what they answered, as counts of each choice, of each table cell, or
the total and median of the numbers given."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from reports.figures.structure import ChoiceCount, QuestionFigures, TableRowCounts
from surveys.models import QuestionType

SCALE_TYPES = (QuestionType.YES_NO, QuestionType.YES_NO_PARTLY_DK, QuestionType.SINGLE_CHOICE)


def question_figures(
    row: Any,
    *,
    answers: pd.DataFrame,
    standards: list[str],
    options: list[tuple[str, str]],
    table_rows: list[dict],
    t: Callable[[Any], str],
) -> QuestionFigures:
    """The figures of the question `row` (a row of the questions' frame) from `answers`, one per
    State; `options` are its choices (or a table's columns) as (name, label), `table_rows` the rows
    of a table, `standards` the codes of the standards it asks about."""
    figures = QuestionFigures(
        code=row.code,
        text=t(row.text),
        type=row.type,
        purpose=row.purpose,
        gender_relevant=bool(row.gender_relevant),
        standards=standards,
        answered=int(answers["respondent_id"].nunique()),
    )
    if row.type in (*SCALE_TYPES, QuestionType.MULTIPLE_CHOICE):
        values = answers["value"]
        if row.type == QuestionType.MULTIPLE_CHOICE:
            values = values.explode()
        counted = values.value_counts()
        figures.counts = [
            ChoiceCount(name, label, int(counted.get(name, 0))) for name, label in options
        ]
    elif row.type == QuestionType.TABLE:
        cells = [
            (row_name, column)
            for value in answers["value"]
            if isinstance(value, dict)
            for row_name, column in value.items()
        ]
        cell_counts: pd.Series | dict = (
            pd.Series(cells, dtype=object).value_counts() if cells else {}
        )
        figures.rows = [
            TableRowCounts(
                choice["name"],
                t(choice["label"]),
                [
                    ChoiceCount(name, label, int(cell_counts.get((choice["name"], name), 0)))
                    for name, label in options
                ],
            )
            for choice in table_rows
        ]
    elif row.type in (QuestionType.INTEGER, QuestionType.DECIMAL):
        numbers = pd.to_numeric(answers["value"], errors="coerce").dropna()
        figures.answered = int(len(numbers))
        if len(numbers):
            figures.total = float(numbers.sum())
            figures.median = float(numbers.median())
    return figures


def means_applied(value: Any, applied_if: set[str]) -> bool:
    """Whether an answer (a scale or choice value, or the options ticked) means applied."""
    if isinstance(value, list):
        return bool(applied_if.intersection(value))
    return value in applied_if


def share_figures(*, parts: pd.DataFrame, totals: pd.DataFrame) -> tuple[int, float | None]:
    """In how many States a number (`parts`) is a share of a total (`totals`): a total above zero,
    a part not above it (their latest answers); and the median share, per cent, or None."""
    pairs = pd.merge(_numbers(parts, "part"), _numbers(totals, "total"), on="respondent_id")
    pairs = pairs[(pairs["total"] > 0) & (pairs["part"] >= 0) & (pairs["part"] <= pairs["total"])]
    if not len(pairs):
        return 0, None
    return len(pairs), float((100 * pairs["part"] / pairs["total"]).median())


def _numbers(answers: pd.DataFrame, column: str) -> pd.DataFrame:
    """The number each State gave (its latest answer), as `column`, by `respondent_id`."""
    latest = answers.drop_duplicates("respondent_id", keep="last")
    numbers = pd.DataFrame(
        {
            "respondent_id": latest["respondent_id"],
            column: pd.to_numeric(latest["value"], errors="coerce"),
        }
    )
    return numbers.dropna()
