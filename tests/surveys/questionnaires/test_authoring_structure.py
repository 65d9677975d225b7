"""Changing a draft's structure one step at a time (services): sections and questions added,
moved, renamed and deleted; conditions kept valid; frozen versions refused."""

import re

import pytest

from surveys.models import Choice, Question, VersionStatus
from surveys.questionnaires import services
from surveys.questionnaires.documents import ChoiceDoc, ConditionDoc, QuestionDoc, StandardRefDoc
from surveys.questionnaires.versions import version_document, version_from_document
from tests.surveys.questionnaires.helpers import (
    freeze,
    version_outline,
    version_question,
    version_section,
    yes_no,
)
from tests.surveys.samples import sample_document

pytestmark = pytest.mark.django_db


# --- Services --------------------------------------------------------------------------------------


def test_a_new_questionnaire_starts_as_an_empty_first_draft(empty_draft, administrator):
    assert empty_draft.number == 1 and empty_draft.status == VersionStatus.DRAFT
    assert empty_draft.questionnaire.code == "prisons"
    assert empty_draft.created_by == administrator
    assert version_outline(empty_draft) == []


def test_sections_and_questions_are_added_in_reading_order(empty_draft, administrator):
    a = services.section_add(version=empty_draft, code="A", title={"en": "Law"}, by=administrator)
    b = services.section_add(
        version=empty_draft, code="B", title={"en": "Practice"}, by=administrator
    )
    services.question_add(section=b, document=yes_no("B.1"), by=administrator)
    services.question_add(section=a, document=yes_no("A.1"), by=administrator)
    services.question_add(
        section=a,
        document=QuestionDoc(
            code="A.2",
            type="single_choice",
            text={"en": "How often?"},
            relevance=ConditionDoc("A.1", "=", "yes"),
            choices=[
                ChoiceDoc("monthly", {"en": "Monthly"}),
                ChoiceDoc("yearly", {"en": "Yearly"}),
            ],
            standards=[StandardRefDoc("TOKYO", "rule 2.3")],
        ),
        by=administrator,
    )
    assert version_outline(empty_draft) == [("A", ["A.1", "A.2"]), ("B", ["B.1"])]
    follow_up = version_question(empty_draft, "A.2")
    assert follow_up.relevance == {"question": "A.1", "operator": "=", "value": "yes"}
    assert [c.name for c in follow_up.choices.order_by("order")] == ["monthly", "yearly"]
    assert [(link.standard.code, link.provision) for link in follow_up.standard_links.all()] == [
        ("TOKYO", "rule 2.3")
    ]


def test_codes_stay_unique_in_the_version(version, administrator):
    with pytest.raises(services.ChangeRejected, match="A.1: the code is used twice"):
        services.question_add(
            section=version_section(version, "B"), document=yes_no("A.1"), by=administrator
        )
    with pytest.raises(services.ChangeRejected, match="the code is used twice"):
        services.section_add(version=version, code="A.2", title={"en": "X"}, by=administrator)
    assert Question.objects.filter(version=version).count() == 12


def test_moving_questions_keeps_the_order_contiguous_and_crosses_sections(version, administrator):
    services.question_move(
        question=version_question(version, "A.5"), direction=services.UP, by=administrator
    )
    assert version_outline(version)[0] == ("A", ["A.1", "A.2", "A.2.1", "A.3", "A.5", "A.4"])
    # From the bottom of A to the top of B, and back up.
    services.question_move(
        question=version_question(version, "A.4"), direction=services.DOWN, by=administrator
    )
    assert version_outline(version) == [
        ("A", ["A.1", "A.2", "A.2.1", "A.3", "A.5"]),
        ("B", ["A.4", "B.1", "B.2", "B.3", "B.4", "B.5", "B.6"]),
    ]
    services.question_move(
        question=version_question(version, "A.4"), direction=services.UP, by=administrator
    )
    assert version_outline(version)[0][1][-1] == "A.4"
    # The first question cannot go further up: nothing changes.
    services.question_move(
        question=version_question(version, "A.1"), direction=services.UP, by=administrator
    )
    assert version_outline(version)[0][1][0] == "A.1"


def test_moving_a_section_moves_its_questions(reference_data, administrator):
    document = sample_document()
    document.sections[1].questions[-1].relevance = None  # B.6 no longer depends on A.1
    version = version_from_document(document=document, by=administrator)
    services.section_move(
        section=version_section(version, "B"), direction=services.UP, by=administrator
    )
    outline = version_outline(version)
    assert [code for code, _questions in outline] == ["B", "A"]
    assert outline[0][1][0] == "B.1" and outline[1][1][0] == "A.1"


def test_a_move_before_the_question_a_condition_names_is_refused(version, administrator):
    before = version_outline(version)
    with pytest.raises(services.ChangeRejected, match="A.2.1: the relevance condition names 'A.2'"):
        services.question_move(
            question=version_question(version, "A.2.1"), direction=services.UP, by=administrator
        )
    # B depends on A (B.2 on B.1 is inside; B.6 on A.1 is not): B cannot go first.
    with pytest.raises(services.ChangeRejected, match="B.6"):
        services.section_move(
            section=version_section(version, "B"), direction=services.UP, by=administrator
        )
    assert version_outline(version) == before


def test_deleting_a_question_renumbers_the_rest(version, administrator):
    services.question_delete(question=version_question(version, "A.3"), by=administrator)
    assert version_outline(version)[0] == ("A", ["A.1", "A.2", "A.2.1", "A.4", "A.5"])


def test_it_refuses_to_delete_a_question_a_later_condition_depends_on(version, administrator):
    with pytest.raises(services.ChangeRejected) as refused:
        services.question_delete(question=version_question(version, "A.2"), by=administrator)
    assert [p.where for p in refused.value.problems] == ["A.2.1"]
    assert "A.2.1 is shown only when A.2 = yes" in str(refused.value)
    assert Question.objects.filter(version=version, code="A.2").exists()


def test_it_refuses_to_delete_a_section_whose_questions_others_depend_on(version, administrator):
    with pytest.raises(services.ChangeRejected, match="B.6 is shown only when A.1 ≠ 0"):
        services.section_delete(section=version_section(version, "A"), by=administrator)
    services.section_delete(section=version_section(version, "B"), by=administrator)
    assert version_outline(version) == [("A", ["A.1", "A.2", "A.2.1", "A.3", "A.4", "A.5"])]


def test_renaming_a_question_carries_the_new_code_into_the_conditions_on_it(version, administrator):
    document = next(q for q in version_document(version=version).questions() if q.code == "A.2")
    document.code = "A.2.0"
    services.question_update(
        question=version_question(version, "A.2"), document=document, by=administrator
    )
    assert version_question(version, "A.2.1").relevance["question"] == "A.2.0"


def test_updating_a_question_keeps_its_choices_rows_and_their_translations(version, administrator):
    question = version_question(version, "A.2.1")
    monthly = Choice.objects.get(question=question, name="monthly")
    document = next(q for q in version_document(version=version).questions() if q.code == "A.2.1")
    document.choices = [
        ChoiceDoc("yearly", {"en": "Every year", "fr": "Annuelle"}),
        ChoiceDoc("monthly", monthly.label),
        ChoiceDoc("weekly", {"en": "Weekly"}),
    ]
    document.text = {"en": "How often is it inspected?", "fr": "À quelle fréquence ?"}
    services.question_update(question=question, document=document, by=administrator)
    choices = list(Choice.objects.filter(question=question).order_by("order"))
    assert [c.name for c in choices] == ["yearly", "monthly", "weekly"]
    assert choices[1].pk == monthly.pk and choices[1].label == {"en": "Monthly", "fr": "Mensuelle"}
    assert version_question(version, "A.2.1").text["en"] == "How often is it inspected?"


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        (ConditionDoc("B.1", "selected", "fine"), "not an earlier question"),
        (ConditionDoc("A.5", "=", "2020-01-01"), "cannot compare the answer to A.5 (date)"),
        (ConditionDoc("A.2", "=", "maybe"), "'maybe' is not a value of A.2"),
        (ConditionDoc("A.2", "selected", "yes"), "selected() needs a multiple-choice question"),
    ],
)
def test_a_condition_names_only_an_earlier_question_of_a_comparable_type(
    version, administrator, condition, message
):
    with pytest.raises(services.ChangeRejected, match=re.escape(message)):
        services.question_add(
            section=version_section(version, "A"),
            document=yes_no("A.9", relevance=condition),
            by=administrator,
        )
    assert not Question.objects.filter(code="A.9").exists()


def test_a_change_that_breaks_a_condition_elsewhere_is_refused(version, administrator):
    document = next(q for q in version_document(version=version).questions() if q.code == "A.2")
    document.type = "short_text"
    with pytest.raises(services.ChangeRejected, match="A.2.1: a condition cannot compare"):
        services.question_update(
            question=version_question(version, "A.2"), document=document, by=administrator
        )
    assert version_question(version, "A.2").type == "yes_no"


def _every_change(version, administrator):
    section = version_section(version, "B")
    question = version_question(version, "B.3")
    return {
        "section_add": lambda: services.section_add(
            version=version, code="C", title={"en": "More"}, by=administrator
        ),
        "section_update": lambda: services.section_update(
            section=section, code="B", title={"en": "Changed"}, intro={}, by=administrator
        ),
        "section_move": lambda: services.section_move(
            section=section, direction=services.UP, by=administrator
        ),
        "section_delete": lambda: services.section_delete(section=section, by=administrator),
        "question_add": lambda: services.question_add(
            section=section, document=yes_no("B.9"), by=administrator
        ),
        "question_update": lambda: services.question_update(
            question=question, document=yes_no("B.3"), by=administrator
        ),
        "question_move": lambda: services.question_move(
            question=question, direction=services.UP, by=administrator
        ),
        "question_delete": lambda: services.question_delete(question=question, by=administrator),
        "version_update": lambda: services.version_update(
            version=version, title={"en": "Changed"}, change_log="x", by=administrator
        ),
        "translations": lambda: services.version_translations_save(
            version=version, language="ar", texts={"version-title": "استبيان"}, by=administrator
        ),
    }


@pytest.mark.parametrize(
    "change",
    [
        "section_add", "section_update", "section_move", "section_delete", "question_add",
        "question_update", "question_move", "question_delete", "version_update", "translations",
    ],
)  # fmt: skip
@pytest.mark.parametrize("status", [VersionStatus.CONSULTATION, VersionStatus.APPROVED])
def test_a_frozen_version_is_refused_and_left_unchanged(version, administrator, change, status):
    freeze(version, administrator, status)
    before = version_document(version=version)
    with pytest.raises(services.VersionFrozen, match="frozen"):
        _every_change(version, administrator)[change]()
    assert version_document(version=version) == before
