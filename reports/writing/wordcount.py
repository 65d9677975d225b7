"""How long a compiled report is, in words, against the limit United Nations reports to the
Commission are held to (8,500 words, General Assembly resolution 52/214 and the Secretariat's
word-limit rules): the report's page shows the count and warns above it.

The count covers the whole printed text but the masthead and the contents: summary, headings,
paragraphs, footnotes, table captions and cells, quoted practices, annex. Chinese has no spaces
between words: its Han characters are counted two to a word (an approximation: the limit is
applied to the original, usually English)."""

from __future__ import annotations

import re

from django.utils.html import strip_tags

WORD_LIMIT = 8500

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_](?:[\w'’\-‐./,]*[^\W_])?")


def word_count(html: str) -> int:
    """The words of a report's printed HTML, from its summary on (see the module's docstring)."""
    summary = html.find('<section class="summary"')
    contents = html.find('<nav class="contents"')
    body = html.find('<main class="report-body"')
    if min(summary, contents, body) >= 0:
        html = html[summary:contents] + " " + html[body:]
    text = strip_tags(re.sub(r"<style.*?</style>", " ", html, flags=re.S))
    han = len(_HAN.findall(text))
    words = len(_WORD.findall(_HAN.sub(" ", text)))
    return words + (han + 1) // 2
