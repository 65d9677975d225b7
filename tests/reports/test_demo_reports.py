"""The demonstration compiles reports for two categories at once (issue 17, item 5): seed_demo
answers the category (a) and category (d) demonstration cycles with generated replies whose texts
fit each questionnaire's modules, and each report's development-status paragraph gives the numbers
the database holds; the category (a) cycle has a post-conflict and peacekeeping list marked as
demonstration data."""

import re

import pytest
from django.core.management import call_command
from django.utils import translation

from bench.texts_d import PRACTICES_D, SENTENCES_D
from portal.development import developed_codes, transition_codes
from portal.models import Respondent, User
from reports.models import Report
from reports.writing.formatting import count_text
from surveys.models import (
    Answer,
    Cycle,
    Purpose,
    QuestionType,
    ReplyStatus,
    SituationList,
    UsefulPractice,
)
from surveys.questionnaires.seeding import DEMO_SITUATIONS_STATES
from tests.reports.compiling_fixtures import rendered
from tests.reports.writing.test_report_development import paragraphs

pytestmark = pytest.mark.django_db
LANGUAGES = {"en", "fr", "es", "ru", "zh-hans", "ar"}


@pytest.fixture
def demo(demo_seeded):
    return {
        letter: Cycle.objects.get(
            version__questionnaire__code=f"category-{letter}", version__number=1
        )
        for letter in ("a", "d")
    }


def _expected(cycle) -> dict[str, str]:
    """The development-status counts of the States whose replies the report counts (accepted)."""
    states = Respondent.objects.filter(
        replies__cycle=cycle,
        replies__status=ReplyStatus.ACCEPTED,
        type__code="member_state",
    )
    developing = states.exclude(code__in=developed_codes())
    with translation.override("en"):
        return {
            "replied": count_text(states.count()),
            "developing": count_text(developing.count()),
            "ldc": count_text(developing.filter(is_ldc=True).count()),
            "lldc": count_text(developing.filter(is_lldc=True).count()),
            "sids": count_text(developing.filter(is_sids=True).count()),
            "developed": count_text(states.filter(code__in=developed_codes()).count()),
            "transition": count_text(states.filter(code__in=transition_codes()).count()),
        }


def test_reports_on_two_categories_compile_from_the_demo_with_the_development_paragraph(demo):
    administrator = User.objects.get(username="admin")
    for letter, cycle in demo.items():
        assert cycle.replies.filter(status=ReplyStatus.ACCEPTED).count() >= 30, letter
        expected = _expected(cycle)
        html = rendered(cycle, administrator).html
        [sentence] = [p for p in paragraphs(html) if "that replied, by development status" in p]
        assert sentence == (
            f"Of the {expected['replied']} States that replied, by development status: developing "
            f"regions (M49 classification), {expected['developing']} (least developed countries, "
            f"{expected['ldc']}; landlocked developing countries, {expected['lldc']}; small "
            f"island developing States, {expected['sids']}); developed regions, "
            f"{expected['developed']}; economies in transition (World Economic Situation and "
            f"Prospects 2024), {expected['transition']}."
        ), letter
        listed = [p for p in paragraphs(html) if "post-conflict" in p and "replied" in p]
        if letter == "d":
            assert listed == []  # no list for the category (d) cycle: nothing said
            continue
        situations = SituationList.objects.get(cycle=cycle)
        assert situations.source.startswith("Demonstration data, not a list of the Secretariat")
        assert set(situations.states.values_list("code", flat=True)) == set(DEMO_SITUATIONS_STATES)
        replied = Respondent.objects.filter(
            code__in=DEMO_SITUATIONS_STATES,
            replies__cycle=cycle,
            replies__status=ReplyStatus.ACCEPTED,
        )
        with translation.override("en"):
            count = count_text(replied.count())
        [sentence] = listed
        assert "Of the six States in post-conflict or peacekeeping situations" in sentence
        assert "Demonstration data" in sentence and f"), {count} replied" in sentence
        for state in replied:
            assert state.running_text_name("en") in sentence


def _pattern(templates: list[str]) -> str:
    return "|".join(
        re.sub(r"\\\{(n|year|pct)\\\}", r"\\d+", re.escape(template)) for template in templates
    )


def test_the_category_d_replies_use_texts_of_their_own_module_in_the_states_languages(demo):
    answers = Answer.objects.filter(
        reply__cycle=demo["d"], question__type=QuestionType.LONG_TEXT
    ).select_related("question")
    assert answers.count() > 100
    languages = set()
    for answer in answers:
        module, purpose = answer.question.code[:1], answer.question.purpose
        if purpose == Purpose.USEFUL_PRACTICE:
            templates = [text for p in PRACTICES_D[module] for text in p.values()]
            alone = _pattern(templates)
            assert re.fullmatch(alone, answer.value), answer.question.code
        else:
            bank = SENTENCES_D[module][purpose]
            templates = [s for sentences in bank.values() for _theme, s in sentences]
            one = _pattern(templates)
            assert re.fullmatch(f"(?:{one})(?: (?:{one}))*", answer.value), answer.question.code
            languages |= {
                language
                for language, sentences in bank.items()
                if re.match(_pattern([s for _t, s in sentences]), answer.value)
            }
    assert languages == LANGUAGES  # the States write in each of the six languages
    featured = UsefulPractice.objects.filter(answer__reply__cycle=demo["d"], featured=True)
    assert featured.exists()
    for practice in featured:
        assert set(practice.summary) == LANGUAGES and all(practice.summary.values())


def test_compile_report_demo_chooses_the_category(demo, tmp_path):
    call_command("compile_report", "--demo", "d", "--agenda-item", "6", "-o", str(tmp_path))
    report = Report.objects.latest("pk")
    assert list(report.cycles.all()) == [demo["d"]]
    assert (tmp_path / "E_CN.15_2027_13-en-v1.pdf").exists()
