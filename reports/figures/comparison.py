"""A report's cycle against the previous cycle of the same questionnaire (issue 18, item 4): the
replies counted then, and, for the indicators of application whose code and meaning did not change
(surveys.questionnaires.changes: version_compare's unchanged codes are unchanged_codes', and it
also says which of the others changed and which are new), how many States answered and how many
reported applying the standard, then and now. The previous cycle's figures are compiled as the
report's own are (same reply statuses, scope and language), through `figures_compile`."""

from __future__ import annotations

import re

from portal.multilingual import in_language
from reports.figures.computing import figures_compile, report_figures
from reports.figures.structure import (
    CycleComparison,
    QuestionFigures,
    QuestionThenNow,
    ReportFigures,
)
from reports.models import Report
from surveys.cycles.selectors import previous_cycle
from surveys.models import Cycle
from surveys.questionnaires.changes import version_compare

YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def report_figures_compared(*, report: Report) -> ReportFigures:
    """The figures of `report` (reports.figures.computing.report_figures), with the comparison
    with the previous cycle when the report is on one cycle that has one."""
    figures = report_figures(report=report)
    figures.comparison = comparison_figures(report=report, figures=figures)
    return figures


def cycle_year(cycle: Cycle) -> str:
    """The year of the Commission session a cycle feeds, as its session names it ("... (2027)"),
    else the year its deadline falls in."""
    for text in (cycle.commission_session or {}).values():
        found = YEAR.findall(str(text))
        if found:
            return found[-1]
    return str(cycle.deadline.year)


def _application(figures: ReportFigures) -> dict[str, QuestionFigures]:
    """The indicators of application the report analyses, by code."""
    return {
        question.code: question
        for cluster in figures.clusters
        for topic in cluster.topics
        for question in topic.application
        if question.applied_if
    }


def comparison_figures(*, report: Report, figures: ReportFigures) -> CycleComparison | None:
    """`report`'s cycle against the previous cycle of its questionnaire, or None when the report
    covers several cycles or its cycle is the questionnaire's first."""
    cycles = list(report.cycles.select_related("version"))
    if len(cycles) != 1:
        return None
    cycle = cycles[0]
    previous = previous_cycle(cycle)
    if previous is None:
        return None
    changes = version_compare(earlier=previous.version, later=cycle.version)
    same = set(changes.unchanged)
    earlier = figures_compile(
        cycle_ids=[previous.pk],
        statuses=list(report.reply_statuses),
        language=report.language,
        category_id=report.category_id,
        cluster_id=report.cluster_id,
        standard_ids=list(report.standards.values_list("pk", flat=True)),
    )
    now, then = _application(figures), _application(earlier)
    questions = [
        QuestionThenNow(code, then[code].answered, then[code].applied, q.answered, q.applied)
        for code, q in now.items()
        if code in same and code in then and then[code].answered
    ]
    year_then, year_now = cycle_year(previous), cycle_year(cycle)
    if year_then == year_now and previous.opens_on.year != cycle.opens_on.year:
        # Two cycles for one session: the years they opened in tell them apart.
        year_then, year_now = str(previous.opens_on.year), str(cycle.opens_on.year)
    return CycleComparison(
        then=year_then,
        now=year_now,
        session_then=in_language(previous.commission_session, report.language),
        invited_then=earlier.invited,
        replied_then=earlier.replied,
        states_invited_then=earlier.states_invited,
        states_replied_then=earlier.states_replied,
        questions=questions,
        changed=[code for code in now if code in changes.changed],
        new=[code for code in now if code in changes.new],
    )
