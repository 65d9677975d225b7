"""The questionnaire as a contact person will see it, in any language."""

from django.shortcuts import render

from portal.multilingual import (
    LANGUAGE_CODES,
    TextsIn,
    language_code,
    language_direction,
)
from surveys.access import get_version_for_reading
from surveys.questionnaires.conditions import condition_for_browser
from surveys.questionnaires.documents import CHOICE_TYPES, FIXED_SCALE_VALUES, NUMBER_TYPES
from surveys.questionnaires.scales import FIXED_SCALES, OTHER_SPECIFY
from surveys.questionnaires.selectors import version_with_content
from surveys.questionnaires.views._common import (
    LANGUAGE_NAMES,
    _chosen_language,
)

# --- Preview -----------------------------------------------------------------------------------------


def _number_text(value) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _preview_question(question, text) -> dict:
    options = []
    if question.type in FIXED_SCALE_VALUES:
        options = [
            {"value": name, "label": text(FIXED_SCALES[question.type][name])}
            for name in FIXED_SCALE_VALUES[question.type]
        ]
    elif question.type in CHOICE_TYPES or question.type == "table":
        options = [{"value": c.name, "label": text(c.label)} for c in question.option_list]
    condition = condition_for_browser(question.relevance)
    return {
        "code": question.code,
        "type": question.type,
        "text": text(question.text),
        "help": text(question.help_text),
        "lead_in": text(question.lead_in),
        "required": question.required,
        "options": options,
        "rows": [{"value": r.name, "label": text(r.label)} for r in question.row_list],
        "other_specify": question.other_specify,
        "other_label": text(OTHER_SPECIFY),
        "unit": text(question.unit),
        "minimum": _number_text(question.minimum),
        "maximum": _number_text(question.maximum),
        "step": "1" if question.type == "integer" else "any",
        "is_number": question.type in NUMBER_TYPES,
        "condition": condition,
    }


def version_preview(request, pk):
    version = get_version_for_reading(request, pk)
    content = version_with_content(pk=version.pk)
    active = language_code()
    language = _chosen_language(
        request, active if active in LANGUAGE_CODES else content.original_language
    )
    text = TextsIn(language, content.original_language)
    sections = [
        {
            "code": section.code,
            "pk": section.pk,
            "title": text(section.title),
            "intro": text(section.intro),
            "questions": [_preview_question(q, text) for q in section.question_list],
        }
        for section in content.section_list
    ]
    user = request.user
    return render(
        request,
        "surveys/questionnaires/preview.html",
        {
            "version": content,
            "version_tab": "preview",
            "title": text(content.title),
            "sections": sections,
            "language": language,
            "language_direction": language_direction(language),
            "languages": [(code, LANGUAGE_NAMES[code]) for code in LANGUAGE_CODES],
            "is_secretariat": user.is_authenticated and user.is_secretariat,
        },
    )
