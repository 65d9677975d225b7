"""The question rows of a reply's review page, kept in the cache between requests.

A row (templates/surveys/review/_question.html) shows a question, which never changes in an
approved version, and what the review selector found of the reply: the answer as written, its
history, the comments and their answers, the change since the previous submission. Drawing the
fifty and more rows of a reply was about half of the page's time; a reload, or the page after a
comment or a correction, finds all rows or all but one drawn already. Each row is kept under a
digest of everything it shows (portal.fragment_cache): the row's values, the page's two languages
(the portal's and the questionnaire's), time zone, whether the reply can be commented on and
corrected, the respondent's name, and for each draft comment whether this reviewer may delete it;
a changed fact makes a new key, never a stale row. What a row prints besides its values (the
address of its correction, its labels) is made only when the row is drawn.

A row's forms carry the request's CSRF token, which is no fact of the row: rows are drawn with a
stand-in, and the request's token is put in its place on every request.
"""

import dataclasses
from collections.abc import Callable
from functools import partial

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.fragment_cache import fragment_key, kept_fragments, release
from portal.models import User
from portal.multilingual import text_direction
from surveys.models import QuestionnaireVersion, Reply, ReviewComment
from surveys.questionnaires.selectors import FROZEN_STATUSES, frozen_version_key
from surveys.review.selectors import ReplyReview, ReviewedQuestion
from surveys.review.views._common import with_values

ROW_TEMPLATE = "surveys/review/_question.html"
# What draws a row: a change to any of these (a new release) changes every key.
_DRAWN_BY = (
    "templates/surveys/review/_question.html",
    "templates/surveys/review/_comment.html",
    "surveys/review/views/row_cache.py",
    "surveys/review/views/_common.py",
    "portal/templatetags/localformats.py",
    "portal/templatetags/portal_tags.py",
    "portal/localformats.py",
)
# Put in a row's forms in place of the CSRF token; no text of a row can make this element, as
# every text drawn from data is escaped.
_STAND_IN = "csrf-token-of-the-request"
_CSRF_INPUT = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
# Set by _prepare, when a row is drawn, from the row's other facts and the page's.
_PREPARED = ("correct_url", "direction", "comment_label", "correct_hint", "html")


@dataclasses.dataclass(frozen=True)
class RowPage:
    """What every row of a review page shows besides its question's values."""

    reply: Reply
    user: User
    language: str  # the questionnaire's
    language_direction: str
    query: str  # what the row's links add to keep the questionnaire's language
    reviewable: bool  # comments can be added and drafts deleted
    correctable: bool
    correct_url: Callable[[int], str]  # the address of a question's correction, by its pk

    def context(self) -> dict:
        return {
            "reply": self.reply,
            "user": self.user,
            "language": self.language,
            "language_direction": self.language_direction,
            "query": self.query,
            "reviewable": self.reviewable,
            "correctable": self.correctable,
            "csrf_token": _STAND_IN,
        }

    def place(self, version_key: str) -> list:
        """The page's facts in every row's key."""
        return [
            release(_DRAWN_BY), version_key, self.reply.pk, str(self.reply.respondent),
            get_language(), self.language, self.language_direction,
            timezone.get_current_timezone_name(), self.query, self.reviewable, self.correctable,
            self.correct_url(0),
        ]  # fmt: skip


def _author(comment: ReviewComment) -> str:
    return comment.author.get_full_name() or comment.author.username


def _facts(item: ReviewedQuestion, page: RowPage, administrator: bool) -> dict:
    """Everything of the reply that the row of `item` shows, and what the reviewer may do there."""
    facts = {
        f.name: getattr(item, f.name)
        for f in dataclasses.fields(item)
        if f.name not in ("question", "changes", "comments", "words", *_PREPARED)
    }
    facts["question"] = item.question.pk
    facts["changes"] = [dataclasses.astuple(change) for change in item.changes]
    facts["comments"] = [
        [
            comment.pk, comment.text, _author(comment), comment.created_at, comment.sent_with_id,
            comment.sent_with.at if comment.sent_with else None,
            # The delete button (templates/surveys/review/_comment.html), per reviewer.
            not comment.sent_with_id and page.reviewable
            and (comment.author_id == page.user.pk or administrator),
            [[r.pk, _author(r), r.created_at, r.text] for r in comment.response_list],
        ]
        for comment in item.comments
    ]  # fmt: skip
    return facts


def _prepare(item: ReviewedQuestion, page: RowPage) -> None:
    """What the row prints besides the question's values, made here once rather than by a template
    tag, and only for a row drawn: each comes from the question and the page's facts."""
    code = item.question.code
    item.correct_url = page.correct_url(item.question.pk)
    # A text answered is written in its own direction, anything else in the page's.
    item.direction = text_direction(item.raw_text) if item.raw_text else page.language_direction
    item.comment_label = with_values(_("Comment on %(code)s"), code=code)
    item.correct_hint = with_values(_("in the answer to %(code)s"), code=code)


def _draw(item: ReviewedQuestion, page: RowPage) -> str:
    _prepare(item, page)
    # Without the template file's last line end: the page puts each row on its own line.
    return render_to_string(ROW_TEMPLATE, {**page.context(), "item": item}).removesuffix("\n")


def review_rows(
    review: ReplyReview, *, version: QuestionnaireVersion, page: RowPage, csrf_token: str
) -> None:
    """Set `.html` on each question of `review`: its row, in the active language, from the cache
    where it was drawn before, else drawn now (and kept, for an approved or retired version), with
    the request's `csrf_token` in its forms."""
    items = [item for section in review.sections for item in section.questions]
    if version.status in FROZEN_STATUSES:
        place = page.place(frozen_version_key(version))
        administrator = page.user.is_administrator
        rows = kept_fragments([
            (fragment_key("review-row", place, _facts(item, page, administrator)),
             partial(_draw, item, page))
            for item in items
        ])  # fmt: skip
    else:
        rows = [mark_safe(_draw(item, page)) for item in items]  # noqa: S308 - escaped there
    if page.reviewable:
        stand_in = format_html(_CSRF_INPUT, _STAND_IN)
        token = format_html(_CSRF_INPUT, csrf_token)
        rows = [mark_safe(row.replace(stand_in, token)) for row in rows]  # noqa: S308
    for item, row in zip(items, rows, strict=True):
        item.html = row
