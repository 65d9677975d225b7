"""Each factory builds a valid row on the reference data."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_the_questionnaire_factories_build_a_draft_with_a_question_and_its_choice(reference_data):
    choice = factories.ChoiceFactory()
    question = choice.question
    assert question.section.version == question.version
    assert question.version.status == "draft" and question.version.questionnaire.category


def test_the_reply_factories_build_an_answer_and_a_comment_in_an_open_cycle(reference_data):
    reply = factories.ReplyFactory()
    factories.CycleInvitationFactory(cycle=reply.cycle, respondent=reply.respondent)
    answer = factories.AnswerFactory(reply=reply)
    comment = factories.ReviewCommentFactory(reply=reply)
    assert reply.cycle.version.status == "approved"
    assert answer.question.version == comment.question.version == reply.cycle.version
    assert comment.author.role == "reviewer"


def test_the_theme_expert_and_request_factories(reference_data):
    assert factories.ThemeFactory().label
    assert list(
        factories.ExpertFactory(clusters=["a"]).clusters.values_list("letter", flat=True)
    ) == ["a"]
    request = factories.AssistanceRequestFactory()
    assert request.respondent.type.code == "intergovernmental_organization"
