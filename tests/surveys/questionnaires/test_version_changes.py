"""What changed between two versions, question by question, and the cycle a new one builds on."""

import datetime

import pytest

from surveys.consultation.services import version_approve
from surveys.models import Choice, Question
from surveys.questionnaires.changes import unchanged_codes, version_compare
from surveys.questionnaires.versions import version_new_draft
from tests.factories import CycleFactory, approved_version
from tests.surveys.samples import sample_document

pytestmark = pytest.mark.django_db

ALL = {"A.1", "A.2", "A.2.1", "A.3", "A.4", "A.5", "B.1", "B.2", "B.3", "B.4", "B.5", "B.6"}


@pytest.fixture
def first(reference_data, administrator):
    return approved_version(administrator)


@pytest.fixture
def draft(first, administrator):
    return version_new_draft(version=first, by=administrator, change_log="Second edition")


def _question(version, code) -> Question:
    return Question.objects.get(version=version, code=code)


def test_a_copy_changes_nothing(first, draft):
    assert unchanged_codes(first, draft) == ALL
    assert not version_compare(earlier=first, later=draft).differs


def test_help_texts_and_translations_alone_do_not_change_meaning(first, draft):
    question = _question(draft, "B.4")
    question.help_text = {"en": "Be as specific as you can."}
    question.text = {**question.text, "fr": "Difficultés rencontrées (nouvelle traduction)"}
    question.save()
    label = Choice.objects.get(question__version=draft, question__code="B.1", name="fine")
    label.label = {**label.label, "fr": "Amendes"}
    label.save()
    assert unchanged_codes(first, draft) == ALL


@pytest.mark.parametrize(
    ("code", "change"),
    [
        ("B.4", {"text": {"en": "Difficulties encountered since 2020"}}),
        ("B.3", {"type": "long_text"}),
        ("A.1", {"maximum": 2_000_000}),
        ("A.3", {"unit": {"en": "per cent"}}),
        ("A.2.1", {"other_specify": False}),
    ],
)
def test_a_change_of_wording_type_bounds_or_unit_changes_meaning(first, draft, code, change):
    Question.objects.filter(version=draft, code=code).update(**change)
    comparison = version_compare(earlier=first, later=draft)
    assert comparison.changed == (code,)
    assert unchanged_codes(first, draft) == ALL - {code}


def test_a_choice_relabelled_or_added_changes_meaning(first, draft):
    Choice.objects.filter(question__version=draft, question__code="B.1", name="fine").update(
        label={"en": "Fine or penalty"}
    )
    row = Choice.objects.get(question__version=draft, question__code="B.2", name="fine")
    Choice.objects.create(question=row.question, kind="row", order=9, name="other", label={})
    assert version_compare(earlier=first, later=draft).changed == ("B.1", "B.2")


def test_new_removed_and_marked_questions(first, draft):
    _question(draft, "B.6").delete()
    a5 = _question(draft, "A.5")
    Question.objects.create(
        version=draft, section=a5.section, order=99, code="A.6", type="yes_no", text={"en": "New?"}
    )
    Question.objects.filter(version=draft, code="A.2").update(meaning_changed=True)
    comparison = version_compare(earlier=first, later=draft)
    assert (comparison.changed, comparison.new, comparison.removed) == (
        ("A.2",),
        ("A.6",),
        ("B.6",),
    )
    assert unchanged_codes(first, draft) == ALL - {"A.2", "B.6"}


def test_comparing_approved_versions_again_reads_nothing(
    first, draft, administrator, django_assert_num_queries
):
    second = version_approve(
        version=draft, by=administrator, meeting="Test meeting", date=datetime.date(2026, 6, 1)
    )
    unchanged_codes(first, second)
    with django_assert_num_queries(0):
        assert unchanged_codes(first, second) == ALL
    with django_assert_num_queries(0):
        assert unchanged_codes(second, second) == ALL


def _cycle(version, year):
    return CycleFactory(
        version=version,
        opens_on=datetime.date(year, 1, 1),
        deadline=datetime.date(year, 3, 1),
        created_by=version.created_by,
    )


def test_the_previous_cycle_is_the_latest_opened_before(first, draft, administrator):
    from surveys.cycles.selectors import previous_cycle

    second = version_approve(
        version=draft, by=administrator, meeting="Test meeting", date=datetime.date(2026, 6, 1)
    )
    older = _cycle(first, 2025)
    earlier = _cycle(first, 2026)
    later = _cycle(second, 2028)
    other = _cycle(approved_version(administrator, sample_document(form_id="other")), 2027)
    assert previous_cycle(later) == earlier
    assert previous_cycle(earlier) == older
    assert previous_cycle(older) is None
    assert previous_cycle(other) is None


def test_the_version_page_shows_what_changed_and_the_author_marks_a_question(
    first, draft, administrator, client_for
):
    Question.objects.filter(version=draft, code="B.4").update(text={"en": "Difficulties met"})
    client = client_for(administrator)
    page = client.get(f"/questionnaires/versions/{draft.pk}/").content.decode()
    assert "11 questions unchanged · 1 changed · 0 new · 0 removed" in page
    assert 'data-testid="changes-changed"' in page and "Difficulties met" in page
    response = client.post(f"/questionnaires/versions/{draft.pk}/meaning-changed/", {"code": "A.2"})
    assert response.status_code == 302
    assert unchanged_codes(first, draft) == ALL - {"A.2", "B.4"}
    page = client.get(f"/questionnaires/versions/{draft.pk}/").content.decode()
    assert "10 questions unchanged · 2 changed" in page and "changed in meaning" in page


@pytest.mark.parametrize("who", ["reviewer", "state_a_contact", "delegate", None])
def test_only_an_administrator_marks_questions(draft, client_for, client, request, who):
    if who:
        client = client_for(request.getfixturevalue(who))
    response = client.post(f"/questionnaires/versions/{draft.pk}/meaning-changed/", {"code": "A.2"})
    assert response.status_code in (302, 403)
    assert not Question.objects.filter(version=draft, meaning_changed=True).exists()


def test_an_approved_version_cannot_be_marked(first, administrator, client_for):
    client = client_for(administrator)
    response = client.post(f"/questionnaires/versions/{first.pk}/meaning-changed/", {"code": "A.2"})
    assert response.status_code == 409
    assert not Question.objects.filter(version=first, meaning_changed=True).exists()
