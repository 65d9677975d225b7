"""Shared set-up for reply tests: an approved sample questionnaire in an open cycle."""

from portal.models import Respondent
from surveys.models import Cycle, Reply
from tests.factories import CycleFactory, CycleInvitationFactory, ReplyFactory, approved_version

__all__ = ["approved_version", "open_cycle", "reply_for"]


def open_cycle(administrator, version=None, codes=("KEN", "SEN")) -> Cycle:
    cycle = CycleFactory(
        version=version or approved_version(administrator), created_by=administrator
    )
    for code in codes:
        CycleInvitationFactory(cycle=cycle, respondent=Respondent.objects.get(code=code))
    return cycle


def reply_for(cycle: Cycle, code: str) -> Reply:
    return ReplyFactory(cycle=cycle, respondent=Respondent.objects.get(code=code))
