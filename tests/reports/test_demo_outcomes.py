"""The demonstration follows technical assistance to its outcome (issue 18, item 5): the completed
requests of the first category (a) cycle have what was delivered and an evaluation in the six
languages, each recorded with a note, and the second cycle's report relates them to the
difficulties reported, in numbers counted here again from the database."""

import io

import pytest
from django.core.management import call_command

from portal.models import User
from surveys.models import (
    AssistanceOutcome,
    AssistanceRequest,
    Purpose,
    ReplyStatus,
    RequestStatus,
)
from tests.reports.compiling_fixtures import rendered
from tests.reports.test_demo_second_cycle import cycles  # noqa: F401 - the seeded demo's two cycles
from tests.reports.writing.test_report_development import paragraphs

pytestmark = pytest.mark.django_db

LANGUAGES = {"en", "fr", "es", "ru", "zh-hans", "ar"}


def test_the_second_cycles_report_follows_the_first_cycles_assistance(cycles):  # noqa: F811
    first, second = cycles
    completed = AssistanceRequest.objects.filter(reply__cycle=first, status=RequestStatus.COMPLETED)
    assert completed.count() >= 5
    outcomes = AssistanceOutcome.objects.filter(request__in=completed)
    assert outcomes.count() == completed.count()
    for outcome in outcomes:
        assert set(outcome.delivered) == set(outcome.evaluation) == LANGUAGES
        assert outcome.note.request_id == outcome.request_id
    call_command("seed_demo", stdout=io.StringIO())  # again: nothing added
    assert AssistanceOutcome.objects.count() == outcomes.count()

    # By section: the (State, section) pairs assisted after reporting a difficulty there, and
    # those of States whose reply to the second cycle the report counts.
    assisted: dict[str, set[int]] = {}
    requests = 0
    for request in completed.select_related("answer__question__section"):
        section = request.answer.question.section.code
        described = request.reply.answers.filter(
            question__purpose=Purpose.DIFFICULTY, question__section__code=section
        ).exclude(value="")
        if described.exists():
            assisted.setdefault(section, set()).add(request.respondent_id)
            requests += 1
    replied = set(
        second.replies.filter(status=ReplyStatus.ACCEPTED).values_list("respondent_id", flat=True)
    )
    compiled = rendered(second, User.objects.get(username="admin"))
    [table] = [
        t for t in compiled.document.tables if t.title.startswith("Technical assistance delivered")
    ]
    rows = {row[0].split(".")[0]: row[1:] for row in table.rows}
    assert set(rows) == set(assisted)
    for section, states in assisted.items():
        replied_again, no_longer, still, silent, *ratings = rows[section]
        assert replied_again == len(states & replied) == no_longer + still
        assert silent == len(states - replied)
    assert sum(sum(row[4:]) for row in rows.values()) == requests
    texts = [
        p for p in paragraphs(compiled.html) if "received technical assistance concerning" in p
    ]
    assert len(texts) == len(assisted)
