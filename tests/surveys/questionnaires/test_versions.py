"""Versions are saved from documents, read back in a fixed number of queries, and frozen once
circulated or approved: the database refuses the change, not only the forms."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from surveys.models import Choice, Question, QuestionnaireVersion, Section, VersionStatus
from surveys.questionnaires.selectors import version_with_content
from surveys.questionnaires.versions import (
    DocumentRejected,
    version_document,
    version_from_document,
    version_new_draft,
)
from tests.surveys.samples import same_content, sample_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(reference_data, administrator):
    return version_from_document(document=sample_document(), by=administrator)


def _approve(version, administrator):
    version.status = VersionStatus.APPROVED
    version.approval_meeting = "Intersessional meeting of the Commission"
    version.approval_date = datetime.date(2026, 12, 1)
    version.approval_decision = "Decision 2026/1"
    version.approved_by = administrator
    version.save()


def test_a_document_becomes_a_version_and_comes_back_identical(version):
    assert version.number == 1 and version.status == VersionStatus.DRAFT
    assert version.questions.count() == 12
    assert version_document(version=version) == sample_document()


def test_reading_a_version_takes_five_queries_whatever_its_size(version, django_assert_num_queries):
    with django_assert_num_queries(5):
        read = version_with_content(pk=version.pk)
        texts = [
            (
                q.text["en"],
                [c.label for c in q.option_list],
                [s.standard.code for s in q.standard_list],
            )
            for section in read.section_list
            for q in section.question_list
        ]
    assert len(texts) == 12


def test_a_second_import_of_the_same_form_is_the_next_version(version, administrator):
    second = version_from_document(document=sample_document(), by=administrator)
    assert (second.questionnaire_id, second.number) == (version.questionnaire_id, 2)


def test_a_document_with_problems_saves_nothing(reference_data, administrator):
    document = sample_document()
    document.sections[0].questions[2].relevance.question = "Z.9"
    document.sections[1].questions[0].standards[0].standard = "NOPE"
    with pytest.raises(DocumentRejected) as rejected:
        version_from_document(document=document, by=administrator)
    messages = [str(p) for p in rejected.value.problems]
    assert "A.2.1: the relevance condition names 'Z.9', not an earlier question" in messages
    assert "B.1: unknown standard 'NOPE'" in messages
    assert not QuestionnaireVersion.objects.exists()


@pytest.mark.parametrize("status", [VersionStatus.CONSULTATION, VersionStatus.APPROVED])
def test_the_database_refuses_to_change_a_frozen_versions_content(version, administrator, status):
    if status == VersionStatus.APPROVED:
        _approve(version, administrator)
    else:
        version.status = status
        version.save()
    question = Question.objects.filter(version=version).first()
    attempts = [
        lambda: Question.objects.filter(pk=question.pk).update(text={"en": "Changed"}),
        lambda: Choice.objects.filter(question__version=version).update(label={"en": "Changed"}),
        lambda: Choice.objects.filter(question__version=version).delete(),
        lambda: Section.objects.create(version=version, order=9, code="Z", title={"en": "New"}),
        lambda: QuestionnaireVersion.objects.filter(pk=version.pk).update(title={"en": "Changed"}),
        lambda: QuestionnaireVersion.objects.filter(pk=version.pk).delete(),
    ]
    for attempt in attempts:
        with pytest.raises(IntegrityError), transaction.atomic():
            attempt()
    question.refresh_from_db()
    assert question.text == sample_document().sections[0].questions[0].text


def test_an_approved_version_can_only_be_retired(version, administrator):
    _approve(version, administrator)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionnaireVersion.objects.filter(pk=version.pk).update(status=VersionStatus.DRAFT)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionnaireVersion.objects.filter(pk=version.pk).update(approval_decision="Other")
    QuestionnaireVersion.objects.filter(pk=version.pk).update(status=VersionStatus.RETIRED)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionnaireVersion.objects.filter(pk=version.pk).update(status=VersionStatus.APPROVED)


def test_approval_must_record_the_meeting_and_date(version):
    version.status = VersionStatus.APPROVED
    with pytest.raises(IntegrityError), transaction.atomic():
        version.save()


def test_changing_an_approved_version_starts_a_new_draft_copied_from_it(version, administrator):
    _approve(version, administrator)
    draft = version_new_draft(version=version, by=administrator, change_log="Typo in A.1")
    assert (draft.number, draft.status, draft.based_on_id) == (2, VersionStatus.DRAFT, version.pk)
    assert same_content(version_document(version=draft), version_document(version=version))
    Question.objects.filter(version=draft, code="A.1").update(
        text={"en": "How many prisoners now?"}
    )
    assert version_document(version=version) == sample_document()


def test_a_draft_can_still_be_edited_and_deleted(version):
    Question.objects.filter(version=version, code="A.1").update(required=False)
    version.delete()
    assert not Question.objects.exists()
