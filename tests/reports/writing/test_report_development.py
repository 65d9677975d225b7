"""The report's paragraph on development status and situations (resolution 2003/30, annex, para.
30): its numbers agree with the database, and the post-conflict sentence is written only when
the Secretariat has listed the situations for the report's cycles."""

import datetime
import re

import pytest
from django.utils import translation
from django.utils.html import strip_tags

from portal.development import developed_codes, transition_codes
from portal.models import Respondent
from reports.writing.formatting import count_text
from surveys.models import SituationList
from tests.reports.compiling_fixtures import (  # noqa: F401
    REPLIED,
    rendered,
    report_cycle_fixture,
)

pytestmark = pytest.mark.django_db


def paragraphs(html: str) -> list[str]:
    """The numbered paragraphs' texts, without their numbers ("10.")."""
    found = re.findall(r'<p class="para".*?</p>', html, flags=re.S)
    return [re.sub(r"^\s*\d+\.\s*", "", strip_tags(p)) for p in found]


def test_the_development_paragraph_counts_the_states_that_replied(administrator, report_cycle):
    states = Respondent.objects.filter(code__in=REPLIED)
    developing = states.exclude(code__in=developed_codes())
    with translation.override("en"):
        expected = {
            "replied": count_text(len(REPLIED)),
            "developing": count_text(developing.count()),
            "ldc": count_text(developing.filter(is_ldc=True).count()),
            "developed": count_text(states.filter(code__in=developed_codes()).count()),
            "transition": count_text(states.filter(code__in=transition_codes()).count()),
        }
    compiled = rendered(report_cycle, administrator)
    found = [p for p in paragraphs(compiled.html) if "by development status" in p]
    assert len(found) == 1
    sentence = found[0]
    assert sentence.startswith(f"Of the {expected['replied']} States that replied,")
    assert f"(M49 classification), {expected['developing']} (least developed countries, " in (
        sentence
    )
    assert f"least developed countries, {expected['ldc']};" in sentence
    assert f"; developed regions, {expected['developed']};" in sentence
    assert f"Prospects 2024), {expected['transition']}." in sentence
    # No list of post-conflict situations for the cycle: nothing is said about them.
    assert not [p for p in paragraphs(compiled.html) if "post-conflict" in p]


def test_the_states_listed_in_post_conflict_situations_that_replied_are_named(
    administrator, report_cycle
):
    situations = SituationList.objects.create(
        cycle=report_cycle,
        source="Department of Peace Operations",
        as_of=datetime.date(2026, 11, 30),
        updated_by=administrator,
    )
    situations.states.set(Respondent.objects.filter(code__in=["SEN", "EGY"]))  # Egypt is silent
    compiled = rendered(report_cycle, administrator)
    found = [p for p in paragraphs(compiled.html) if "post-conflict" in p and "replied" in p]
    assert found == [
        "Of the two States in post-conflict or peacekeeping situations (as listed by the "
        "Secretariat from Department of Peace Operations, 30 November 2026), one replied: "
        "Senegal."
    ]
