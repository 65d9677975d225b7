from surveys.models.consultation import Consultation, ConsultationComment, Resolution
from surveys.models.questionnaires import (
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

__all__ = [
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
