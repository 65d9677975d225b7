"""Chapter IV says where the requests for technical assistance come from (resolution 2003/30,
annex, para. 30): its numbers agree with the database, and the States listed in post-conflict or
peacekeeping situations that made requests are named only when the Secretariat listed them."""

import datetime

import pytest
from django.utils import translation

from portal.development import developed_codes, transition_codes
from portal.models import Respondent
from reports.writing.formatting import count_text
from surveys.models import AssistanceRequest, Reply, SituationList
from tests.reports.compiling_fixtures import (  # noqa: F401
    rendered,
    report_cycle_fixture,
)
from tests.reports.writing.test_report_development import paragraphs

pytestmark = pytest.mark.django_db

ASKING = {"KEN": 1, "SEN": 2, "POL": 1, "IND": 1}


def _ask(cycle):
    for code, n in ASKING.items():
        reply = Reply.objects.get(cycle=cycle, respondent__code=code)
        for i in range(n):
            AssistanceRequest.objects.create(
                respondent=reply.respondent, reply=reply, description=f"{code} {i}", language="en"
            )
    # A request outside the report's cycle is not counted.
    AssistanceRequest.objects.create(
        respondent=Respondent.objects.get(code="NGA"), description="Elsewhere", language="en"
    )


def _found(html, words):
    return [p for p in paragraphs(html) if words in p]


def test_the_chapter_counts_the_requests_by_development_status(administrator, report_cycle):
    _ask(report_cycle)
    requests = AssistanceRequest.objects.filter(reply__cycle=report_cycle)
    states = requests.filter(respondent__type__code="member_state")  # other bodies: in no group
    assert states.count() < requests.count()
    with translation.override("en"):
        expected = {
            "total": count_text(requests.count(), feminine=True),
            "developing": count_text(
                states.exclude(respondent__code__in=developed_codes()).count()
            ),
            "ldc": count_text(requests.filter(respondent__is_ldc=True).count()),
            "developed": count_text(
                requests.filter(respondent__code__in=developed_codes()).count()
            ),
            "transition": count_text(
                requests.filter(respondent__code__in=transition_codes()).count()
            ),
        }
    assert requests.filter(respondent__code__in=developed_codes()).exists()
    compiled = rendered(report_cycle, administrator)
    [sentence] = _found(compiled.html, "by the development status of the State")
    assert sentence.startswith(f"Of the {expected['total']} requests,")
    assert f"(M49 classification), {expected['developing']} (least developed countries, " in (
        sentence
    )
    assert f"least developed countries, {expected['ldc']};" in sentence
    assert f"; developed regions, {expected['developed']};" in sentence
    assert f"Prospects 2024), {expected['transition']}." in sentence
    assert not _found(compiled.html, "listed as in")


def test_the_listed_states_that_made_requests_are_named(administrator, report_cycle):
    _ask(report_cycle)
    situations = SituationList.objects.create(
        cycle=report_cycle, source="Demonstration list", as_of=datetime.date(2026, 11, 30),
        updated_by=administrator,
    )  # fmt: skip
    situations.states.set(Respondent.objects.filter(code__in=["SEN", "NGA", "EGY"]))
    from_senegal = AssistanceRequest.objects.filter(
        reply__cycle=report_cycle, respondent__code="SEN"
    ).count()
    compiled = rendered(report_cycle, administrator)
    # Nigeria's request outside the cycle is of no reply the report counts.
    with translation.override("en"):
        senegal = count_text(from_senegal, feminine=True)
    assert _found(compiled.html, "listed as in") == [
        f"Of these requests, {senegal} came from States that the Secretariat listed as in "
        "post-conflict or peacekeeping situations: Senegal."
    ]


def test_no_request_no_paragraph(administrator, report_cycle):
    AssistanceRequest.objects.all().delete()
    compiled = rendered(report_cycle, administrator)
    assert not _found(compiled.html, "by the development status of the State")
