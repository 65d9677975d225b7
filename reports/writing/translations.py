"""The translations a report still needs: the variable texts (standards' names, questions quoted,
featured practices' summaries, the Commission session, ...) that it printed from another language
than its own, because no one has written them in its language yet. Found when the report is
compiled and kept on the report, for staff to see on the report's page; the PDF never lists them.
"""

from __future__ import annotations

from dataclasses import asdict

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from portal.multilingual import text_and_language
from reports.figures.structure import ReportFigures, UntranslatedText
from reports.models import Report
from surveys.coding.suggestions import detect_language

NON_LATIN = ("ar", "ru", "zh-hans")
KIND_LABELS = {
    "title": _("Title of the report"),
    "session": _("Commission session"),
    "session_place": _("Session place"),
    "agenda_item": _("Agenda item title"),
    "standard": _("Standard (name, title or adopting resolution)"),
    "questionnaire": _("Questionnaire title"),
    "cluster": _("Cluster"),
    "section": _("Questionnaire section"),
    "question": _("Question"),
    "choice": _("Answer choice"),
    "theme": _("Codebook theme"),
    "practice": _("Summary of a featured useful practice"),
    "text": _("Text"),
}


def translations_shown(rows: list[dict]) -> list[dict]:
    """The rows kept on a report, with what they are and the language they were printed in, in
    the reader's language (for the report's page)."""
    names = dict(settings.LANGUAGES)
    return [
        {
            **row,
            "kind_label": KIND_LABELS.get(row.get("kind", ""), KIND_LABELS["text"]),
            "language_name": names.get(row.get("language", ""), pgettext("language", "unknown")),
        }
        for row in rows
    ]


def translations_needed(*, report: Report, figures: ReportFigures) -> list[dict]:
    """What `report` printed from another language, as JSON-able rows (kind, label, text,
    language), the report's own texts (title, session, agenda item) first."""
    rows = [
        UntranslatedText(kind, "", text, language)
        for kind, text in (
            ("title", report.title),
            ("session", report.commission_session),
            ("session_place", report.session_place),
            ("agenda_item", report.agenda_item_title),
        )
        if text and (language := _other_language(text, report.language)) is not None
    ]
    if not any(row.kind == "session" for row in rows):
        rows += _session_untranslated(report)
    return [asdict(row) for row in [*rows, *figures.untranslated]]


def _session_untranslated(report: Report) -> list[UntranslatedText]:
    """The Commission session, when the report took it from a cycle that does not have it in
    the report's language."""
    for cycle in report.cycles.all():
        sessions = cycle.commission_session
        if not isinstance(sessions, dict) or sessions.get(report.language):
            continue
        text, language = text_and_language(sessions, report.language)
        if text and text == report.commission_session:
            return [UntranslatedText("session", "", text, language)]
    return []


def _other_language(text: str, language: str) -> str | None:
    """The language `text` is written in if not `language` ("" when that cannot be told), None
    when it seems written in `language`."""
    found = detect_language(text)
    if found:
        return None if found == language else found
    # Latin script without a clear sign of which language: not a text of a non-Latin report.
    if language in NON_LATIN and any(character.isalpha() for character in text):
        return ""
    return None
