"""The demonstration has two cycles of category (a), and the report of the second compares it with
the first (issue 18, item 4): the replies then and now, and per question asked in the same words
in both, the States reporting application in 2027 and in 2029, numbers counted here again from
the database; questions changed in meaning or added are not compared, and a footnote says so.
The statistical annex has the previous cycle's columns; the Secretariat's overview compares too."""

import io
import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from openpyxl import load_workbook

from bench.revision import ADDED, REWORDED
from portal.models import User
from reports.models import Report
from reports.writing.statistical_annex import report_xlsx
from surveys.models import Answer, Cycle, Question, ReplyStatus
from tests.reports.compiling_fixtures import rendered
from tests.reports.writing.test_report_development import paragraphs

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycles(demo_seeded):
    first, second = Cycle.objects.filter(version__questionnaire__code="category-a").order_by(
        "opens_on"
    )
    return first, second


def _accepted_states(cycle) -> int:
    return cycle.replies.filter(
        status=ReplyStatus.ACCEPTED, respondent__type__code="member_state"
    ).count()


def _applying(cycle, code: str) -> tuple[int, int]:
    """States (accepted replies) that answered question `code`, and that gave an answer meaning
    application, counted from the answers."""
    question = Question.objects.get(version=cycle.version, code=code)
    answers = Answer.objects.filter(
        question=question,
        reply__status=ReplyStatus.ACCEPTED,
        reply__respondent__type__code="member_state",
    ).exclude(value=None)
    values = [a.value for a in answers if a.value not in ("", [])]
    applied = [v for v in values if v in question.applied_if]
    return len(values), len(applied)


def test_the_demo_has_a_second_cycle_answered_by_more_states_and_the_overview_compares(
    cycles, client_for
):
    first, second = cycles
    assert second.opens_on > first.opens_on and second.version.based_on == first.version
    assert "2029" in second.commission_session["en"] and "2027" in first.commission_session["en"]
    assert _accepted_states(second) > _accepted_states(first) >= 30
    # A State accepted in both starts from its answers to the first (carried over when the cycle
    # opened): an unchanged number question keeps its figure, or nearly, and says where it came
    # from; a reworded question is answered afresh.
    again = second.replies.filter(status=ReplyStatus.ACCEPTED).values("respondent_id")
    for reply in first.replies.filter(status=ReplyStatus.ACCEPTED, respondent_id__in=again):
        before = Answer.objects.get(reply=reply, question__code="A.2")
        after = Answer.objects.get(
            reply__cycle=second, reply__respondent_id=reply.respondent_id, question__code="A.2"
        )
        assert after.carried_from == before and not after.to_confirm
        assert 0.9 <= int(after.value) / int(before.value) <= 1.11
        changed = Answer.objects.filter(
            reply__cycle=second, reply__respondent_id=reply.respondent_id, question__code="B.3"
        ).first()
        assert changed is None or changed.carried_from is None
    # The cycle's overview compares with the previous cycle; the first's has nothing to compare.
    client = client_for(User.objects.get(username="admin"))  # reads the portal in English
    page = client.get(reverse("surveys:cycle_overview", args=[second.pk])).content.decode()
    received = (
        ReplyStatus.SUBMITTED,
        ReplyStatus.RETURNED,
        ReplyStatus.RESUBMITTED,
        ReplyStatus.ACCEPTED,
    )
    counts = [
        (c.replies.filter(status__in=received).count(), c.replies.filter(status="accepted").count())
        for c in (second, first)
    ]
    line = strip_tags(re.search(r'data-testid="previous-cycle">(.*?)</p>', page, re.S)[1])
    assert " ".join(line.split()).endswith(
        f"submitted, {counts[0][0]} of 193 invited ({round(100 * counts[0][0] / 193, 1)}%) against "
        f"{counts[1][0]} of 193 ({round(100 * counts[1][0] / 193, 1)}%); accepted, {counts[0][1]} "
        f"against {counts[1][1]}."
    )
    first_page = client.get(reverse("surveys:cycle_overview", args=[first.pk])).content.decode()
    assert 'data-testid="previous-cycle"' not in first_page


def test_the_second_report_compares_with_the_first_where_the_questions_match(cycles):
    first, second = cycles
    administrator = User.objects.get(username="admin")
    compiled = rendered(second, administrator)
    texts = paragraphs(compiled.html)
    now, then = _accepted_states(second), _accepted_states(first)
    rates = [round(100 * n / 193, 1) for n in (now, then)]
    assert (
        f"The present report counts the replies of {now} States, against {then} in the previous "
        f"cycle of the questionnaire (2027); the response rate was {rates[0]} per cent, against "
        f"{rates[1]} per cent in 2027."
    ) in texts
    tables = {t.title: t for t in compiled.document.tables}
    compared = [t for title, t in tables.items() if "States reporting application, 2027" in title]
    assert len(compared) == 4  # one per module
    rows = {row[0].split()[0]: row[1:] for table in compared for row in table.rows}
    for code in ("A.3.2", "A.5", "B.5", "C.3", "D.2"):
        assert rows[code] == [*_applying(first, code), *_applying(second, code)], code
    # Questions reworded or added since are not compared; a footnote says so, once.
    changed, added = set(REWORDED), {q.code for q in ADDED.values()}
    assert not (changed | added) & set(rows)
    html = strip_tags(compiled.html)
    assert html.count("changed in meaning since the previous cycle") == 1
    assert "Questions A.3.3, B.3 and D.5 changed in meaning" in html
    assert "Questions A.6.2 and C.4.1 are new" in html
    sentence = next(p for p in texts if "rose most for the one asked about in question" in p)
    code = re.search(r"question (\S+) ", sentence)[1]
    (answered_then, applying_then), (answered_now, applying_now) = (
        _applying(first, code),
        _applying(second, code),
    )
    assert (
        f": {applying_then} of the {answered_then} States that answered in 2027, {applying_now} "
        f"of {answered_now} in 2029"
    ) in sentence
    # The statistical annex: the comparison tables' sheets with the previous cycle's columns.
    report = Report.objects.latest("pk")
    workbook = load_workbook(
        io.BytesIO(report_xlsx(report=report, figures=compiled.figures, document=compiled.document))
    )
    sheet = workbook[f"Table {compared[0].number}"]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert cells[2] == [
        "Question",
        "Answered, 2027",
        "Applying, 2027",
        "Answered, 2029",
        "Applying, 2029",
    ]
    a5 = next(row for row in cells if str(row[0]).startswith("A.5 "))
    assert a5[1:5] == [*_applying(first, "A.5"), *_applying(second, "A.5")]
    # The first cycle's report has no previous cycle to compare with.
    assert "previous cycle" not in strip_tags(rendered(first, administrator).html)


def test_the_second_demonstration_report_is_for_the_thirty_eighth_session():
    from reports.management.commands.compile_report import _demo_masthead

    options = {
        "language": "ar", "session": "", "session_place": "", "session_opens": None,
        "session_closes": None, "agenda_item": None, "symbol": "",
    }  # fmt: skip
    _demo_masthead(options, "a2")
    assert (
        options["session"] == "الدورة الثامنة والثلاثون" and options["symbol"] == "E/CN.15/2029/13"
    )
    assert options["session_opens"].year == 2029
