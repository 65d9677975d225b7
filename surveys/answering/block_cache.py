"""The question blocks of a section page, kept in the cache between requests.

A question's block (templates/surveys/answering/_question.html) is drawn from its question, which
never changes in an approved version, and from a few facts of the reply: the answer, its revision,
who saved it last, whether the question is shown, the Secretariat's notes. Drawing 17 blocks is
about half of a section page's time; a reload, or the page after a save, finds most of them drawn
already. Each block is kept under a digest of everything it is drawn from (the facts, the page's
language and time zone, whether it is read-only, and the templates and code that draw it), so a
changed fact makes a new key rather than a stale block: nothing is ever invalidated by hand, and an
entry not read again expires (portal.fragment_cache, which the review page's rows share).

Only blocks of an unbound form are kept (a page as loaded, not one with refused values or someone
else's answer beside a field) and only for approved or retired versions, whose content never
changes (surveys.questionnaires.selectors.version_content).
"""

import dataclasses
from functools import partial

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import override

from portal.fragment_cache import fragment_key, kept_fragments, release
from surveys.answering.forms import QuestionEntry, SectionAnswersForm
from surveys.models import QuestionnaireVersion
from surveys.questionnaires.selectors import FROZEN_STATUSES, frozen_version_key

BLOCK_TEMPLATE = "surveys/answering/_question.html"
# What draws a block: a change to any of these (a new release) changes every key.
_DRAWN_BY = (
    "templates/surveys/answering/_question.html",
    "templates/surveys/answering/_field.html",
    "templates/surveys/answering/_conflict.html",
    "templates/surveys/answering/widgets/table.html",
    "surveys/answering/block_cache.py",
    "surveys/answering/fields.py",
    "surveys/answering/forms.py",
    "surveys/answering/rendering.py",
)


def _facts(form: SectionAnswersForm, entry: QuestionEntry) -> dict:
    """Everything of the reply that the block of `entry` shows."""
    facts = {
        f.name: getattr(entry, f.name)
        for f in dataclasses.fields(entry)
        if f.name not in ("question", "review_comments")
    }
    facts["review_comments"] = [
        [comment.pk, comment.text, comment.sent_with.at if comment.sent_with else None]
        + [[r.author.get_full_name() or r.author.username, r.text] for r in comment.response_list]
        for comment in entry.review_comments
    ]
    facts["value"] = form.initial.get(entry.name)
    facts["other"] = form.initial.get(entry.other_name) if entry.other_name else None
    return facts


def _key(form: SectionAnswersForm, entry: QuestionEntry, place: list[str]) -> str:
    return fragment_key("answer-block", place, entry.question.pk, _facts(form, entry))


def question_blocks(form: SectionAnswersForm, *, version_key: str) -> list[SafeString]:
    """The HTML of each question block of `form`, in order: from the cache where it was drawn
    before, else drawn now (in the active language) and kept. `version_key` names the approved
    version the questions belong to."""
    if form.is_bound:
        raise ValueError("Only the blocks of a page as loaded are kept.")
    place = [
        release(_DRAWN_BY), version_key, form.language, timezone.get_current_timezone_name(),
        str(form.read_only),
    ]  # fmt: skip

    def draw(entry: QuestionEntry) -> str:
        context = {"block": form.block(entry), "entry": entry, "read_only": form.read_only}
        return render_to_string(BLOCK_TEMPLATE, context)

    return kept_fragments(
        [(_key(form, entry, place), partial(draw, entry)) for entry in form.entries.values()]
    )


def section_blocks(
    form: SectionAnswersForm, *, version: QuestionnaireVersion
) -> list[SafeString] | None:
    """The question blocks of a section page as loaded (question_blocks), in the form's language;
    None for a page with refused values or someone else's answer, or a draft version's questions:
    the template draws those blocks itself."""
    if form.is_bound or version.status not in FROZEN_STATUSES:
        return None
    with override(form.language):
        return question_blocks(form, version_key=frozen_version_key(version))
