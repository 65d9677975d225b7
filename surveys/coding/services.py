"""Coding answers (DESIGN.md, "Code"): the codebook, reviewers' theme decisions and the useful
practices featured in the report."""

import re
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from portal.models import User
from portal.multilingual import LANGUAGE_CODES
from portal.reference import LoadResult, ReferenceDataError, upsert
from surveys.models import (
    Answer,
    AnswerTheme,
    Decision,
    Purpose,
    Theme,
    ThemeKind,
    UsefulPractice,
)

CODEBOOK_FILE = Path(__file__).resolve().parent.parent / "data" / "codebook.yaml"
# The analytical purposes whose answers are coded.
CODED_PURPOSES = (Purpose.DIFFICULTY, Purpose.ASSISTANCE_NEED, Purpose.USEFUL_PRACTICE)
MAX_SUMMARY = 2000
# A featured practice's summary says what the State does in one to three sentences: the report
# prints it as "<State>: <summary>".
MAX_SUMMARY_SENTENCES = 3
# The end of a sentence: a stop followed by a space and no lower-case letter ("e.g. the" goes on),
# or the end of the text; Chinese and Arabic stops need no space.
_SENTENCE_END = re.compile(r"[.!?…](?=\s+[^\sa-zà-ÿа-я]|\s*$)|[。！？؟]")


class CodingRefused(Exception):
    """The decision cannot be recorded; the message says why."""


# --- The codebook -------------------------------------------------------------------------------


def _clean_keywords(keywords: object, where: str) -> dict[str, list[str]]:
    if not isinstance(keywords, dict):
        raise ReferenceDataError(f"{where}: keywords must map language codes to lists")
    cleaned = {}
    for language, words in keywords.items():
        if language not in LANGUAGE_CODES or not isinstance(words, list):
            raise ReferenceDataError(f"{where}: keywords of {language!r} must be a list")
        words = [str(word).strip() for word in words if str(word).strip()]
        if words:
            cleaned[language] = words
    return cleaned


def codebook_load(*, path: Path = CODEBOOK_FILE) -> LoadResult:
    """Create the themes of the shipped codebook that the database does not have yet. A theme that
    exists is never changed: administrators edit the codebook in the portal."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ReferenceDataError(f"{path.name}: {error}") from None
    rows = []
    for kind in ThemeKind.values:
        for number, entry in enumerate(data.get(kind) or [], start=1):
            where = f"{path.name}, {kind} #{number}"
            if not entry.get("code") or not (entry.get("label") or {}).get("en"):
                raise ReferenceDataError(f"{where}: a theme needs a code and an English label")
            rows.append(
                {
                    "code": entry["code"],
                    "kind": kind,
                    "label": dict(entry["label"]),
                    "description": dict(entry.get("description") or {}),
                    "keywords": _clean_keywords(entry.get("keywords") or {}, where),
                    "order": int(entry.get("order", number * 10)),
                }
            )
    return upsert(Theme, key="code", rows=rows, update=False)


def keywords_clean(keywords: dict) -> dict[str, list[str]]:
    """Keywords as stored: languages of the portal only, words stripped, no empty list, no repeat."""
    cleaned = {}
    for language in LANGUAGE_CODES:
        words = []
        for word in (keywords or {}).get(language, ()):
            word = " ".join(str(word).split())
            if word and word not in words:
                words.append(word)
        if words:
            cleaned[language] = words
    return cleaned


def theme_create(
    *,
    kind: str,
    code: str,
    label: dict,
    description: dict | None = None,
    keywords: dict | None = None,
    order: int = 0,
    by: User,
) -> Theme:
    if not by.is_administrator:
        raise CodingRefused(_("Only administrators edit the codebook."))
    if Theme.objects.filter(code=code).exists():
        raise CodingRefused(_("A theme with this code already exists."))
    return Theme.objects.create(
        kind=kind,
        code=code,
        label=label,
        description=description or {},
        keywords=keywords_clean(keywords or {}),
        order=order,
    )


def theme_update(
    *,
    theme: Theme,
    label: dict,
    description: dict | None = None,
    keywords: dict | None = None,
    order: int = 0,
    is_active: bool = True,
    by: User,
) -> Theme:
    """Change a theme. Its kind and code stay: answers already coded keep their meaning. A theme
    in use is never deleted, only deactivated (it is then no longer offered or suggested)."""
    if not by.is_administrator:
        raise CodingRefused(_("Only administrators edit the codebook."))
    theme.label = label
    theme.description = description or {}
    theme.keywords = keywords_clean(keywords or {})
    theme.order = order
    theme.is_active = is_active
    theme.save(update_fields=["label", "description", "keywords", "order", "is_active"])
    return theme


# --- Decisions on answers -----------------------------------------------------------------------


def _check_codable(answer: Answer, by: User) -> None:
    if not by.is_secretariat:
        raise CodingRefused(_("Only the Secretariat codes answers."))
    if answer.question.purpose not in CODED_PURPOSES:
        raise CodingRefused(
            _("Question %(code)s is not a difficulty, assistance or useful-practice question.")
            % {"code": answer.question.code}
        )


@transaction.atomic
def answer_theme_decide(
    *, answer: Answer, theme: Theme, decision: str, by: User, suggested: bool = False
) -> AnswerTheme:
    """Record that `answer` speaks of `theme` (accepted) or not (rejected). One decision per answer
    and theme: a new one replaces the old. A rejected theme is not suggested again for the answer;
    `suggested` tells whether the reviewer was deciding on a suggestion."""
    _check_codable(answer, by)
    if decision not in Decision.values:
        raise CodingRefused(_("Unknown decision."))
    if decision == Decision.ACCEPTED and not theme.is_active:
        raise CodingRefused(_("The theme %(theme)s is no longer in use.") % {"theme": str(theme)})
    decided, _created = AnswerTheme.objects.update_or_create(
        answer=answer,
        theme=theme,
        defaults={
            "decision": decision,
            "suggested": suggested,
            "decided_by": by,
            "decided_at": timezone.now(),
        },
    )
    return decided


@transaction.atomic
def useful_practice_save(
    *, answer: Answer, featured: bool, summary: dict[str, str], by: User
) -> UsefulPractice:
    """Mark a useful-practice answer as featured in the report or not, with a short summary in
    any of the six languages (a report prints the one in its language, else quotes the answer)."""
    _check_codable(answer, by)
    if answer.question.purpose != Purpose.USEFUL_PRACTICE:
        raise CodingRefused(
            _("Question %(code)s does not ask for useful practices.")
            % {"code": answer.question.code}
        )
    summary = {code: (text or "").strip() for code, text in (summary or {}).items()}
    summary = {code: text for code, text in summary.items() if text}
    if any(code not in dict(settings.LANGUAGES) for code in summary):
        raise CodingRefused(_("Unknown language."))
    if any(len(text) > MAX_SUMMARY for text in summary.values()):
        raise CodingRefused(
            _("The summary is too long: %(count)s characters at most.") % {"count": MAX_SUMMARY}
        )
    problem = summary_problem(featured=featured, summary=summary)
    if problem:
        raise CodingRefused(problem)
    practice, _created = UsefulPractice.objects.update_or_create(
        answer=answer,
        defaults={
            "featured": featured,
            "summary": summary,
            "updated_by": by,
            "updated_at": timezone.now(),
        },
    )
    return practice


def sentence_count(text: str) -> int:
    """How many sentences `text` has (a last one without its stop counts too)."""
    text = text.strip()
    if not text:
        return 0
    ends = list(_SENTENCE_END.finditer(text))
    tail = text[ends[-1].end() :].strip() if ends else text
    return len(ends) + (1 if tail else 0)


def summary_problem(*, featured: bool, summary: dict[str, str]) -> str:
    """Why `summary` will not do for a practice featured in the report ("" if it will): it needs
    one to three sentences saying what the State does, in at least one language."""
    if not featured:
        return ""
    texts = {code: text.strip() for code, text in summary.items() if text and text.strip()}
    if not texts:
        return _(
            "Short summary for the report: a featured practice needs a summary of one to three "
            "sentences saying what the State does, in at least one language."
        )
    for code, text in texts.items():
        if sentence_count(text) > MAX_SUMMARY_SENTENCES:
            return _(
                "Short summary for the report (%(language)s): one to three sentences, not "
                "%(count)s."
            ) % {
                "language": get_language_info(code)["name_translated"],
                "count": sentence_count(text),
            }
    return ""
