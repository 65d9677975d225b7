"""Bidirectional text in printed documents: runs written in the other direction are isolated.

In an Arabic sentence, an English name, a document symbol (E/CN.15/2027/13) or a resolution number
(45/110) is a left-to-right run; without isolation the bidi algorithm lets the punctuation and the
conjunction "و" around it join the run, so commas fall on the wrong side and "و" sticks to the
Latin word. The run is wrapped in Unicode isolates (LRI … PDI; RLI … PDI for Arabic inside a
left-to-right text). WeasyPrint has no `unicode-bidi: isolate` and an inline element with `dir`
mirrors the brackets of a run that wraps onto the next line, whereas Pango orders the isolate
characters correctly (and browsers do too), so the isolates go into the text itself.
"""

from __future__ import annotations

import html
import re
import unicodedata

LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"
LRM, RLM = "\u200e", "\u200f"
ISOLATES = (LRI, RLI, "\u2068", PDI)

_WORD = re.compile(r"\S+")
# A number with a separator inside: a resolution (45/110, 2003/30) or a decimal. Plain integers
# need no isolation (the bidi algorithm keeps them whole).
_COMPOUND_NUMBER = re.compile(r"\d[\d./:\-–]*[./:\-–]\d")
_BRACKETS = {"(": ")", "[": "]"}


def _strong(text: str) -> set[str]:
    kinds = set()
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            kinds.add("ltr")
        elif kind in ("R", "AL"):
            kinds.add("rtl")
    return kinds


def _word_kind(word: str, foreign: str) -> str:
    """ "run" (in the foreign direction), "neutral" (may sit inside a run) or "native"."""
    kinds = _strong(word)
    if kinds == {foreign}:
        return "run"
    if not kinds:
        if foreign == "ltr" and _COMPOUND_NUMBER.search(word):
            return "run"
        return "neutral"
    return "native"


def isolate_runs(text: str, direction: str) -> str:
    """`text` (plain, in a `direction` context: "rtl" or "ltr") with each run of the other
    direction wrapped in Unicode isolates: Latin words and symbols in Arabic text, Arabic words in
    Latin text. Punctuation at a run's edges stays outside, unless it closes a bracket opened
    inside the run."""
    if not text or any(c in text for c in ISOLATES):
        return text
    foreign = "ltr" if direction == "rtl" else "rtl"
    if foreign not in _strong(text) and not (foreign == "ltr" and _COMPOUND_NUMBER.search(text)):
        return text
    words = _pieces(text)
    kinds = [_word_kind(text[start:end], foreign) for start, end in words]
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        if kinds[index] != "run":
            index += 1
            continue
        last = index
        probe = index + 1
        while probe < len(words) and kinds[probe] != "native":
            if kinds[probe] == "run":
                last = probe
            probe += 1
        spans.append(_trimmed(text, words[index][0], words[last][1], foreign))
        index = last + 1
    opener, mark = (LRI, LRM) if foreign == "ltr" else (RLI, RLM)
    pieces, position = [], 0
    for start, end in spans:
        pieces += [text[position:start], opener, _anchored(text[start:end], mark), PDI]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _anchored(run: str, mark: str) -> str:
    """`run` with a mark of its direction before each opening bracket and after each closing one.
    WeasyPrint lays out each line of a paragraph anew, so a line that begins inside the run has
    lost the isolate: the marks keep its brackets, and the words around them, in the run's
    direction."""
    for opening, closing in _BRACKETS.items():
        run = run.replace(opening, mark + opening).replace(closing, closing + mark)
    return run


def _pieces(text: str) -> list[tuple[int, int]]:
    """The words of `text`, a word that changes direction ("وTokyo") split where it does."""
    pieces = []
    for word in _WORD.finditer(text):
        start, current = word.start(), ""
        for offset, character in enumerate(word.group(), start=word.start()):
            kind = unicodedata.bidirectional(character)
            strong = "ltr" if kind == "L" else "rtl" if kind in ("R", "AL") else ""
            if strong and current and strong != current:
                pieces.append((start, offset))
                start = offset
            current = strong or current
        pieces.append((start, word.end()))
    return pieces


def _core(character: str, foreign: str) -> bool:
    kind = unicodedata.bidirectional(character)
    if foreign == "ltr":
        return kind in ("L", "EN")
    return kind in ("R", "AL", "AN")


def _trimmed(text: str, start: int, end: int, foreign: str) -> tuple[int, int]:
    """The run from its first to its last letter or digit, with the closing bracket of a bracket
    it opens (and the opening bracket of one it closes)."""
    while start < end and not _core(text[start], foreign):
        start += 1
    while end > start and not _core(text[end - 1], foreign):
        end -= 1
    run = text[start:end]
    for opening, closing in _BRACKETS.items():
        if run.count(opening) > run.count(closing) and text[end : end + 1] == closing:
            end += 1
        if run.count(closing) > run.count(opening) and start and text[start - 1] == opening:
            start -= 1
    return start, end


_TOKEN = re.compile(r"(<[^>]*>)")
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w:-]*)([^>]*?)(/?)\s*>")
_VOID = frozenset({"br", "col", "hr", "img", "input", "link", "meta", "wbr", "source", "area"})
_SKIPPED = frozenset({"head", "style", "script", "svg", "title"})


def isolated_html(document: str, direction: str) -> str:
    """The text of an HTML `document` (our own templates' output) with `isolate_runs` applied,
    outside <head>, <style>, <svg> and the elements that set their own `dir` (a quoted answer is
    laid out in its own direction already)."""
    stack: list[bool] = []  # per open element: whether its text is left alone
    out = []
    for token in _TOKEN.split(document):
        if not token:
            continue
        tag = _TAG.fullmatch(token)
        if tag:
            closing, name, attributes, self_closing = tag.groups()
            name = name.lower()
            if closing:
                if stack:
                    stack.pop()
            elif not self_closing and name not in _VOID:
                own_dir = " dir=" in f" {attributes}" and name != "html"
                stack.append(name in _SKIPPED or own_dir or (bool(stack) and stack[-1]))
            out.append(token)
        elif token.startswith("<") or (stack and stack[-1]) or not token.strip():
            out.append(token)
        else:
            out.append(html.escape(isolate_runs(html.unescape(token), direction), quote=False))
    return "".join(out)
