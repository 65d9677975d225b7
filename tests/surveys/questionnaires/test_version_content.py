"""The content of an approved version is read once and kept; a draft's is read afresh."""

import pytest

from surveys.models import Question, VersionStatus
from surveys.questionnaires.selectors import frozen_versions_forget, version_content
from tests.factories import QuestionFactory, approved_version

pytestmark = pytest.mark.django_db


def _texts(content) -> list[str]:
    return [q.text["en"] for s in content.section_list for q in s.question_list]


def test_an_approved_version_is_read_once_then_served_from_memory_and_from_the_cache(
    administrator, django_assert_num_queries
):
    version = approved_version(administrator)
    with django_assert_num_queries(4):  # version, sections, questions, choices
        first = version_content(version=version)
    with django_assert_num_queries(0):
        assert version_content(version=version) is first
    frozen_versions_forget()  # another process: the shared cache answers
    with django_assert_num_queries(0):
        again = version_content(version=version)
    assert _texts(again) == _texts(first) and len(_texts(first)) > 5
    # The standards' catalogue texts may change: they are not kept with the version.
    assert not hasattr(first.section_list[0].question_list[0], "standard_list")


def test_a_draft_is_read_afresh_so_an_edit_shows_at_once():
    question = QuestionFactory(text={"en": "Before"})
    version = question.version
    assert version.status == VersionStatus.DRAFT
    assert _texts(version_content(version=version)) == ["Before"]
    Question.objects.filter(pk=question.pk).update(text={"en": "After"})
    assert _texts(version_content(version=version)) == ["After"]


def test_two_approved_versions_never_get_each_others_content(administrator):
    from tests.surveys.answering.test_section_queries import sized_document

    small = approved_version(administrator, sized_document(3, "small"))
    large = approved_version(administrator, sized_document(12, "large"))
    assert len(_texts(version_content(version=small))) == 4
    assert len(_texts(version_content(version=large))) == 13
    assert len(_texts(version_content(version=small))) == 4
