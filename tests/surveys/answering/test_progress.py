"""Progress means one thing (surveys.answering.progress): required questions done of required,
optional ones apart; answering never lowers it, on the seeded questionnaires with their conditions
whichever way the answers go."""

import random
from dataclasses import dataclass

import pytest

from surveys.answering.progress import progress_by_section, progress_totals
from surveys.questionnaires.scales import FIXED_SCALES
from surveys.questionnaires.seeding import seeded_documents


@dataclass
class Q:
    code: str
    required: bool
    relevance: dict | None
    type: str = "short_text"
    options: tuple = ()


@dataclass
class S:
    code: str
    question_list: list
    title: dict | None = None


def outline(document) -> list[S]:
    sections = []
    for section in document.sections:
        questions = [
            Q(
                q.code, q.required,
                q.relevance.as_dict() if q.relevance else None,
                q.type,
                tuple(FIXED_SCALES.get(q.type, {})) or tuple(c.name for c in q.choices),
            )
            for q in section.questions
        ]  # fmt: skip
        sections.append(S(section.code, questions, section.title))
    return sections


def percent(sections, values):
    answered = {code for code, value in values.items() if value not in (None, "", [], {})}
    return progress_totals(progress_by_section(sections, values, answered)).percent


def shown_now(sections, values):
    from surveys.questionnaires.conditions import questions_shown

    questions = [q for s in sections for q in s.question_list]
    return questions_shown([(q.code, q.relevance) for q in questions], values)


def _value(question: Q, wanted: str | None, opening: bool, rng: random.Random):
    """A value for `question`: the one its dependents' condition looks for (opening) or another
    (closing); a random one when no dependent cares."""
    options = list(question.options)
    if question.type == "multiple_choice":
        if wanted is not None:
            return [wanted] if opening else [o for o in options if o != wanted][:1] or options[:1]
        return rng.sample(options, k=rng.randint(1, len(options)))
    if options:
        if wanted is not None:
            others = [o for o in options if o != wanted]
            return wanted if opening or not others else others[0]
        return rng.choice(options)
    if question.type == "table":
        return {"row": "col"}
    if question.type in ("integer", "decimal"):
        return wanted if wanted is not None and opening else str(rng.randint(1, 900))
    if question.type == "date":
        return "2026-01-15"
    return "An answer"


def answer_all(sections, strategy: str, seed: int = 0) -> list[int]:
    """Answer every shown question in order (a question opened later is answered when reached
    again), as a contact person would; the percentages after each answer."""
    rng = random.Random(seed)
    questions = [q for s in sections for q in s.question_list]
    wanted = {}
    for q in questions:
        if q.relevance and q.relevance["question"] not in wanted:
            condition = q.relevance
            opening = condition["operator"] in ("=", "selected")
            wanted[condition["question"]] = (condition["value"], opening)
    values: dict = {}
    seen = [percent(sections, values)]
    for _ in range(len(questions)):  # enough passes for any chain of conditions
        todo = [q for q in questions if q.code in shown_now(sections, values)]
        todo = [q for q in todo if q.code not in values]
        if not todo:
            break
        question = todo[0]
        target, opens_on_match = wanted.get(question.code, (None, True))
        if strategy == "open":
            opening = opens_on_match
        elif strategy == "close":
            opening = not opens_on_match
        else:
            opening = rng.random() < 0.5
        values[question.code] = _value(question, target, opening, rng)
        seen.append(percent(sections, values))
    return seen


DOCUMENTS = {document.form_id: document for document in seeded_documents()}


@pytest.mark.parametrize("form_id", sorted(DOCUMENTS))
@pytest.mark.parametrize("strategy", ["open", "close", "random-1", "random-2", "random-3"])
def test_answering_a_seeded_questionnaire_never_lowers_the_percentage(form_id, strategy):
    sections = outline(DOCUMENTS[form_id])
    seed = int(strategy[-1]) if strategy.startswith("random") else 0
    seen = answer_all(sections, strategy.split("-")[0], seed)
    assert all(later >= earlier for earlier, later in zip(seen, seen[1:], strict=False)), seen
    assert seen[0] == 0 and seen[-1] == 100


def test_the_seeded_questionnaires_have_conditions_for_the_measure_to_hold_against():
    conditional = [
        q.code
        for document in DOCUMENTS.values()
        for s in document.sections
        for q in s.questions
        if q.relevance
    ]
    assert len(conditional) >= 10


def small():
    """A.1 required; A.2 (required) and A.3 (optional) shown when A.1 is "yes"."""
    return [
        S(
            "A",
            [
                Q("A.1", True, None, "yes_no", ("yes", "no")),
                Q("A.2", True, {"question": "A.1", "operator": "=", "value": "yes"}),
                Q("A.3", False, {"question": "A.1", "operator": "=", "value": "yes"}),
                Q("A.4", False, None),
            ],
        )
    ]


def test_answering_a_question_that_opens_required_ones_does_not_lower_the_percentage():
    sections = small()
    # Two required questions, whatever the answers: A.2 is pending until A.1 is answered.
    assert percent(sections, {}) == 0
    # "Yes" opens A.2: A.1 done, A.2 open: 1 of 2 (answered of shown would have gone 0/1 → 1/2).
    assert percent(sections, {"A.1": "yes"}) == 50
    assert percent(sections, {"A.1": "yes", "A.2": "x"}) == 100
    # "No" closes A.2: it no longer applies and counts as done.
    assert percent(sections, {"A.1": "no"}) == 100


def test_optional_questions_are_counted_apart_and_never_move_the_percentage():
    sections = small()
    [section] = progress_by_section(sections, {"A.1": "yes", "A.3": "x"}, {"A.1", "A.3"})
    assert (section.required, section.required_done, len(section.required_missing)) == (2, 1, 1)
    assert (section.optional_shown, section.optional_answered) == (2, 1)
    assert section.percent == 50 and section.shown == 4 and section.answered == 2


def test_the_percentage_reaches_100_only_when_nothing_required_is_left():
    sections = [S("A", [Q(f"A.{n}", True, None) for n in range(1, 201)])]
    values = {f"A.{n}": "x" for n in range(1, 200)}
    assert percent(sections, values) == 99  # 199 of 200 rounds down, never up to 100


def test_a_section_without_required_questions_shows_the_optional_share():
    sections = [S("B", [Q("B.1", False, None), Q("B.2", False, None)])]
    [section] = progress_by_section(sections, {"B.1": "x"}, {"B.1"})
    assert section.required == 0 and section.percent == 50
