"""Pieces of a page drawn once and kept in the cache between requests: a section page's question
blocks (surveys.answering.block_cache), a review page's question rows
(surveys.review.views.row_cache), a template drawn from a few values (kept_template: the `{% kept %}`
tag, for the answering progress).

Each piece is kept under a digest of everything it shows (fragment_key: the facts it is drawn
from, the page's language and time zone, the release of the templates, code and translations that
draw it), so a changed fact makes a new key rather than a stale piece: nothing is ever invalidated
by hand, and an entry not read again expires. A piece must show nothing that differs from one
user, session or request to another unless that is among its facts.
"""

import hashlib
import json
from collections.abc import Callable, Sequence
from functools import cache, partial
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as shared_cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

KEPT_SECONDS = 3600


@cache
def release(paths: tuple[str, ...]) -> str:
    """A digest of the files (paths from BASE_DIR) that draw a piece and of the translations
    (locale/*/LC_MESSAGES/django.po): a new release that changes any of them changes every key.
    Read once per process."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in [*(base / name for name in paths), *sorted(base.glob("locale/*/LC_MESSAGES/*.po"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fragment_key(kind: str, *facts: object) -> str:
    """The cache key of a piece of kind `kind` drawn from `facts` (JSON-able, or made text)."""
    text = json.dumps(facts, sort_keys=True, default=str)
    return f"{kind}:{hashlib.sha256(text.encode()).hexdigest()}"


def kept_fragments(pieces: Sequence[tuple[str, Callable[[], str]]]) -> list[SafeString]:
    """The HTML of each (key, draw) of `pieces`, in order: from the cache where it was drawn
    before (one read for all), else drawn now by draw() and kept (one write for all)."""
    found = shared_cache.get_many([key for key, _draw in pieces])
    drawn = {}
    html = []
    for key, draw in pieces:
        piece = found.get(key)
        if piece is None:
            piece = drawn[key] = draw()
        html.append(mark_safe(piece))  # noqa: S308 - drawn by a template, escaped there
    if drawn:
        shared_cache.set_many(drawn, timeout=KEPT_SECONDS)
    return html


@cache
def _templates() -> tuple[str, ...]:
    """Every template and template tag of the portal: what a kept template may be drawn with."""
    base = Path(settings.BASE_DIR)
    found = [*base.glob("templates/**/*.html"), *base.glob("portal/templatetags/*.py")]
    return tuple(sorted(str(path.relative_to(base)) for path in found))


def kept_template(template_name: str, values: dict) -> SafeString:
    """`template_name` drawn from `values` alone (JSON-able or text), kept under a digest of the
    values, the active language and time zone and the release of every template: a piece whose
    template reads nothing but `values` (the `{% kept %}` tag)."""
    key = fragment_key(
        "kept", template_name, release(_templates()), get_language(),
        timezone.get_current_timezone_name(), values,
    )  # fmt: skip
    return kept_fragments([(key, partial(render_to_string, template_name, values))])[0]
