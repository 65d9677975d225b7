"""Questionnaire authoring in the browser: the list of questionnaires, a version's overview,
the structure editor, translations side by side, per-language completeness and the preview.

The Secretariat reads; administrators write, and only while a version is a draft or a revised
draft. A change to a frozen version changes nothing and says why (the database refuses it too).
"""

from surveys.questionnaires.views.languages import (
    version_completeness,
    version_translations,
)
from surveys.questionnaires.views.preview import (
    version_preview,
)
from surveys.questionnaires.views.questionnaires import (
    questionnaire_create,
    questionnaire_index,
    version_detail,
    version_meaning_changed,
    version_new_draft_view,
    version_update,
)
from surveys.questionnaires.views.structure import (
    question_add,
    question_delete,
    question_edit,
    question_move,
    section_add,
    section_delete,
    section_edit,
    section_move,
    version_edit,
)

__all__ = [
    "question_add",
    "question_delete",
    "question_edit",
    "question_move",
    "questionnaire_create",
    "questionnaire_index",
    "section_add",
    "section_delete",
    "section_edit",
    "section_move",
    "version_completeness",
    "version_detail",
    "version_edit",
    "version_meaning_changed",
    "version_new_draft_view",
    "version_preview",
    "version_translations",
    "version_update",
]
