"""Every model of the surveys app, defined in its feature's models.py and gathered here for Django
and for imports elsewhere."""

from surveys.answering.models import (
    ANSWERABLE_STATUSES,
    Answer,
    AnswerChange,
    Channel,
    Reply,
    ReplyStatus,
)
from surveys.assistance.models import (
    OPEN_REQUEST_STATUSES,
    AssistanceMatch,
    AssistanceNote,
    AssistanceOutcome,
    AssistanceRequest,
    OutcomeRating,
    Priority,
    RequestStatus,
)
from surveys.coding.models import AnswerTheme, Decision, Theme, ThemeKind, UsefulPractice
from surveys.consultation.models import Consultation, ConsultationComment, Resolution
from surveys.cycles.models import Cycle, CycleInvitation, ReminderSent, SituationList
from surveys.extracts.models import ReplyExtract
from surveys.questionnaires.models import (
    EDITABLE_STATUSES,
    Choice,
    ChoiceKind,
    Purpose,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    QuestionStandard,
    QuestionType,
    Section,
    VersionStatus,
)
from surveys.review.models import ReplyEvent, ReviewComment
from surveys.submission.models import Attachment, ReplySnapshot

__all__ = [
    "OPEN_REQUEST_STATUSES",
    "AnswerTheme",
    "AssistanceMatch",
    "AssistanceNote",
    "AssistanceOutcome",
    "AssistanceRequest",
    "Decision",
    "OutcomeRating",
    "Priority",
    "ReplyEvent",
    "ReplyExtract",
    "RequestStatus",
    "ReviewComment",
    "Theme",
    "ThemeKind",
    "UsefulPractice",
    "ANSWERABLE_STATUSES",
    "Answer",
    "AnswerChange",
    "Attachment",
    "Channel",
    "Cycle",
    "CycleInvitation",
    "ReminderSent",
    "SituationList",
    "Reply",
    "ReplySnapshot",
    "ReplyStatus",
    "EDITABLE_STATUSES",
    "Choice",
    "ChoiceKind",
    "Consultation",
    "ConsultationComment",
    "Purpose",
    "Question",
    "Questionnaire",
    "QuestionnaireVersion",
    "QuestionStandard",
    "QuestionType",
    "Resolution",
    "Section",
    "VersionStatus",
]
