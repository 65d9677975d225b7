"""Shared set-up for reply tests: an approved sample questionnaire in an open cycle."""

import datetime

from portal.models import Respondent
from surveys.consultation.services import version_approve
from surveys.models import Cycle, CycleInvitation, Reply
from surveys.questionnaires.versions import version_from_document
from tests.surveys.samples import sample_document


def approved_version(administrator, document=None):
    version = version_from_document(document=document or sample_document(), by=administrator)
    return version_approve(
        version=version, by=administrator, meeting="Test meeting", date=datetime.date(2026, 1, 5)
    )


def open_cycle(administrator, version=None, codes=("KEN", "SEN")) -> Cycle:
    cycle = Cycle.objects.create(
        version=version or approved_version(administrator),
        title="Test cycle 2027",
        opens_on=datetime.date(2026, 11, 1),
        deadline=datetime.date(2027, 1, 31),
        commission_session="Thirty-sixth session (2027)",
        created_by=administrator,
    )
    for code in codes:
        CycleInvitation.objects.create(cycle=cycle, respondent=Respondent.objects.get(code=code))
    return cycle


def reply_for(cycle: Cycle, code: str) -> Reply:
    reply, _created = Reply.objects.get_or_create(
        cycle=cycle, respondent=Respondent.objects.get(code=code)
    )
    return reply
