"""A country presentation of cluster (a) in Kenya, compiled by the worker in English and in Arabic:
the cluster's questions in the presentation's language, Kenya's answers as Kenya wrote them, its
difficulties, practices and requests."""

import datetime

import pytest

from clusters.models import Cluster
from portal.models import Respondent
from reports.presentations.content import cluster_questions
from surveys.assistance.models import OutcomeRating
from surveys.assistance.outcomes import OutcomeFacts, assistance_outcome_record
from surveys.models import Answer, AssistanceRequest, QuestionType, Reply, RequestStatus
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401
from tests.reports.presentations.helpers import compiled, found_share, pdf_text, words

pytestmark = pytest.mark.django_db


def kenya_answers(cycle):
    reply = Reply.objects.get(cycle=cycle, respondent__code="KEN")
    return Answer.objects.filter(
        reply=reply, question__in=cluster_questions(Cluster.objects.get(letter="a"))
    ).select_related("question")


def test_a_presentation_of_kenya_on_cluster_a_compiles_in_english(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    [presentation] = compiled(administrator, django_capture_on_commit_callbacks)
    text = pdf_text(presentation)
    assert "Country presentation" in text and "Kenya" in text
    answers = list(kenya_answers(report_cycle))
    assert answers
    for answer in answers:
        question = answer.question
        # Every question of the cluster, in English, with its code.
        assert question.code in text
        assert words(question.text["en"])[:40] in text, question.code
        if question.type == QuestionType.LONG_TEXT:
            # What Kenya wrote, as it wrote it (the first words: lines wrap in the cell).
            assert " ".join(str(answer.value).split()[:5]) in text, question.code
    assert presentation.page_count and presentation.page_count >= 2
    # The replies it is made from, which publication asks for consent.
    assert list(presentation.replies.all()) == [answers[0].reply]
    # Kenya's requests on the cluster, with their status.
    requests = AssistanceRequest.objects.filter(respondent__code="KEN", cluster__letter="a")
    for request in requests:
        assert request.get_status_display() in text


def test_a_presentation_of_kenya_on_cluster_a_compiles_in_arabic(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    [presentation] = compiled(administrator, django_capture_on_commit_callbacks, ("ar",))
    text = pdf_text(presentation)
    assert Respondent.objects.get(code="KEN").name["ar"] in text
    answers = list(kenya_answers(report_cycle))
    shown = 0
    for answer in answers:
        arabic = answer.question.text.get("ar")
        if arabic:
            # The question in Arabic (its words: see found_share).
            assert found_share(arabic, text) >= 0.9, answer.question.code
            shown += 1
        if answer.question.type == QuestionType.LONG_TEXT:
            assert found_share(str(answer.value), text) >= 0.9, answer.question.code
    assert shown, "no question of cluster (a) has an Arabic text"
    # No English question text where the Arabic one exists.
    first = answers[0].question
    assert words(first.text["en"])[:30] not in text


def test_a_completed_request_shows_what_was_delivered_and_its_evaluation(
    administrator, report_cycle, django_capture_on_commit_callbacks
):
    request = AssistanceRequest.objects.filter(respondent__code="KEN", cluster__letter="a").first()
    if request is None:  # the builder gave Kenya no request on cluster (a): make one
        answer = kenya_answers(report_cycle).first()
        request = AssistanceRequest.objects.create(
            respondent=answer.reply.respondent, reply=answer.reply, answer=None,
            cluster=Cluster.objects.get(letter="a"), description="Training of prison staff",
        )  # fmt: skip
    request.status = RequestStatus.IN_PROGRESS
    request.save()
    assistance_outcome_record(
        request=request,
        facts=OutcomeFacts(
            delivered={
                "en": "Three training courses for 60 prison officers",
                "ar": "ثلاث دورات تدريبية لـ 60 من موظفي السجون",
            },
            delivered_by={"en": "UNODC Regional Office for Eastern Africa"},
            delivered_from=datetime.date(2027, 3, 1),
            delivered_until=datetime.date(2027, 5, 31),
            rating=OutcomeRating.PARTLY_MET,
            evaluation={"en": "Staff trained; the curriculum is not yet part of the academy's."},
        ),
        by=administrator,
    )
    [presentation] = compiled(administrator, django_capture_on_commit_callbacks)
    text = pdf_text(presentation)
    assert "Completed" in text
    assert "What was delivered Three training courses for 60 prison officers" in text
    assert "UNODC Regional Office for Eastern Africa" in text
    assert "From 1 March 2027 to 31 May 2027" in text
    assert "Objectives partly met. Staff trained" in text
    assert "ثلاث" not in text  # the English text in the English document
