"""A questionnaire that asks for technical assistance, and the steps the assistance tests share."""

import datetime

from clusters.models import Availability
from surveys.answering.services import answer_save
from surveys.assistance.outcomes import OutcomeFacts
from surveys.models import AssistanceRequest, Channel, ReplyStatus
from surveys.questionnaires.documents import document_from_dict
from surveys.submission.services import reply_submit
from tests.factories import ExpertFactory


def _yes_no(code, text, standards, **extra):
    return {
        "code": code,
        "type": "yes_no",
        "text": {"en": text},
        "purpose": "assistance_need",
        "standards": standards,
        **extra,
    }


def _details(code, parent, standards):
    return {
        "code": code,
        "type": "long_text",
        "text": {"en": "What kind of technical assistance would be most useful?"},
        "purpose": "assistance_need",
        "relevance": {"question": parent, "operator": "=", "value": "yes"},
        "standards": standards,
    }


ASSISTANCE = {
    "form_id": "assistance-sample",
    "title": {"en": "Assistance sample"},
    "version": "1",
    "default_language": "en",
    "category": "a",
    "clusters": ["a"],
    "standards": ["SMR"],
    "sections": [
        {
            "code": "A",
            "title": {"en": "Prisons"},
            "questions": [
                {"code": "A.1", "type": "long_text", "text": {"en": "Difficulties"}},
                _yes_no("A.9", "Would technical assistance help?", ["SMR", "BANGKOK"]),
                _details("A.9.1", "A.9", ["SMR", "BANGKOK"]),
            ],
        },
        {
            "code": "B",
            "title": {"en": "Victims"},
            "questions": [
                _yes_no("B.9", "Would technical assistance help?", ["VICTIMS-DECL"]),
                _details("B.9.1", "B.9", ["VICTIMS-DECL"]),
            ],
        },
        {
            "code": "C",
            "title": {"en": "Police"},
            "questions": [
                {
                    "code": "C.1",
                    "type": "long_text",
                    "text": {"en": "Any other assistance needed?"},
                    "purpose": "assistance_need",
                    # Two standards of cluster (b), one of cluster (a): the request is of (b).
                    "standards": ["SMR", "CCLEO", "FORCE-FIREARMS"],
                },
            ],
        },
    ],
}


# The outcome of a request delivered over two weeks, its objectives partly met.
DELIVERED = OutcomeFacts(
    delivered={
        "en": "Two training courses for 40 prison officers on the Nelson Mandela Rules.",
        "fr": "Deux cours de formation pour 40 agents pénitentiaires sur les Règles Nelson Mandela.",
    },
    delivered_by={"en": "UNODC Regional Office for Eastern Africa, with Ada Obi"},
    delivered_from=datetime.date(2027, 3, 1),
    delivered_until=datetime.date(2027, 3, 12),
    rating="partly_met",
    evaluation={
        "en": "The officers trained apply the rules; the prisons' registers are still on paper.",
        "fr": "Les agents formés appliquent les règles ; les registres sont encore sur papier.",
    },
)


def assistance_document():
    return document_from_dict(ASSISTANCE)


def answer(reply, code, value, by, *, channel=Channel.WEB, reason=""):
    question = reply.cycle.version.questions.get(code=code)
    current = reply.answers.filter(question=question).first()
    return answer_save(
        reply=reply, question=question, value=value, base_revision=current.revision if current else 0,
        by=by, channel=channel, reason=reason,
    ).answer  # fmt: skip


def submit(reply, lead):
    return reply_submit(reply=reply, by=lead, may_publish=True)


def return_for_clarification(reply):
    # The review helper owns the real service; the status is all the resubmission needs.
    reply.status = ReplyStatus.RETURNED
    reply.save(update_fields=["status"])


def requests_by_code(reply):
    return {
        r.answer.question.code: r
        for r in AssistanceRequest.objects.filter(reply=reply).select_related("answer__question")
    }


def expert(name, clusters, languages, *, region="african", availability=Availability.AVAILABLE):
    return ExpertFactory(
        name=name,
        clusters=clusters,
        languages=languages,
        regional_group=region,
        availability=availability,
    )
