"""The report's figures are read in a fixed number of queries (issue 15, item 5), and the six
language versions are compiled from one reading of the rows."""

import pytest
from django.conf import settings

from portal.models import Respondent
from reports.compiling.services import report_request
from reports.figures.computing import report_figures, report_figures_in_turn
from tests.reports.builders import filled_cycle

# The report's cycles and standards; the reply counts (2); the cycles, questions, their standards,
# the standards, clusters and choices (6); respondent types, invitations and replies (3); answers,
# their coding, themes and featured practices (4); requests, experts and their clusters (3).
FIGURES_QUERIES = 20


@pytest.fixture(name="states")
def states_fixture(reference_data):
    return list(
        Respondent.objects.filter(type__code="member_state")
        .order_by("code")
        .values_list("code", flat=True)
    )


def _report(administrator, states, replied):
    cycle = filled_cycle(administrator, replied=replied, invited=states[:20])
    return report_request(
        cycles=[cycle], by=administrator, symbol=f"E/CN.15/2027/{len(replied)}", enqueue=False
    )


@pytest.mark.parametrize("replying", [2, 12])
def test_the_figures_take_the_same_queries_whatever_the_number_of_replies(
    administrator, states, replying, django_assert_num_queries
):
    report = _report(administrator, states, states[:replying])
    with django_assert_num_queries(FIGURES_QUERIES):
        figures = report_figures(report=report)
    assert figures.replied == replying
    assert figures.states_replied == replying


def test_six_languages_are_compiled_from_one_reading_with_the_figures_of_each(
    administrator, states, django_assert_num_queries
):
    report = _report(administrator, states, states[:6])
    languages = [code for code, _name in settings.LANGUAGES]
    with django_assert_num_queries(FIGURES_QUERIES):
        together = dict(report_figures_in_turn(report=report, languages=languages))
    assert list(together) == languages
    for language in languages:
        report.language = language
        alone = report_figures(report=report)
        assert together[language].as_json() == alone.as_json()
    # Labelled in each language, not the first one's.
    assert together["en"].regions != together["ar"].regions
    assert together["fr"].respondents[0].name != together["zh-hans"].respondents[0].name
