"""Theme suggestions for coding answers: keyword matching, not understanding.

How a suggestion is made, in full:

1. The answer's language is guessed from its script (Arabic, Cyrillic, Chinese characters) or, for
   text in Latin script, from a handful of common words of English, French and Spanish; when the
   guess is unsure, the keywords of all three are tried.
2. The text is normalised: case folded; accents stripped in Latin script ("législation" ->
   "legislation"); in Arabic, short vowels and tatweel removed, alef forms unified and the article
   and the clitics و ف ب ل ك set aside ("والتدريب" -> "تدريب"); in Russian, ё -> е.
3. Each active theme's keywords in that language (Theme.keywords, {language: [words, phrases]})
   are looked for. A keyword word ending in "*" is a prefix ("train*" finds "training" and
   "trainers"); any other word must match whole, or have the same Snowball stem (the
   `snowballstemmer` package's English, French, Spanish, Russian and Arabic stemmers:
   "overcrowding" finds "overcrowded", "переполненность" finds "переполненности"). A phrase's words must come in order with at most
   two other words between them ("trained staff" finds "trained prison staff"). Chinese has no
   spaces between words, so a Chinese keyword is looked for as a plain substring.
4. A theme is suggested when at least one of its keywords is found; the reason given is the words
   of the answer that matched.

So a suggestion can miss (a synonym or a turn of phrase that no keyword covers, a language without
keywords) and can mislead (a keyword used in a negation, "we have no problem of overcrowding", or in
another sense). The reviewer decides; a suggestion turned down is stored as rejected and is not
suggested again for that answer.
"""

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import snowballstemmer

LATIN_LANGUAGES = ("en", "fr", "es")
# Gap allowed between two words of a keyword phrase ("trained [prison] staff").
MAX_GAP = 2

_WORD = re.compile(r"\w+", re.UNICODE)
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
# Proclitics written joined to an Arabic word, longest first: "وبال" ... "ال", "و".
_ARABIC_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")

# A few very common words that tell English, French and Spanish apart.
_COMMON_WORDS = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "is",
            "are",
            "was",
            "were",
            "with",
            "for",
            "not",
            "this",
            "that",
            "there",
            "our",
            "which",
            "have",
            "has",
            "be",
            "by",
            "from",
            "lack",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "et",
            "du",
            "est",
            "sont",
            "une",
            "dans",
            "pour",
            "pas",
            "au",
            "aux",
            "nous",
            "ne",
            "que",
            "qui",
            "avec",
            "sur",
            "manque",
            "ont",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "los",
            "las",
            "del",
            "y",
            "es",
            "son",
            "una",
            "por",
            "para",
            "con",
            "no",
            "se",
            "que",
            "falta",
            "hay",
            "muy",
            "su",
            "sus",
            "lo",
        ]
    ),
}


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    # The normalised word, in Arabic also without its clitics, and the stems of these.
    forms: tuple[str, ...]


@dataclass
class Suggestion:
    """A theme proposed for an answer, with the words of the answer that matched its keywords."""

    theme: object
    matched: list[str] = field(default_factory=list)
    language: str = ""


def detect_language(text: str) -> str:
    """The language the answer seems written in: "ar", "ru", "zh-hans", "en", "fr", "es", or ""
    when the text is in Latin script but gives no clear sign of which of the three."""
    counts = {"ar": 0, "ru": 0, "zh-hans": 0, "latin": 0}
    for character in text:
        if "\u0600" <= character <= "\u06ff" or "\u0750" <= character <= "\u077f":
            counts["ar"] += 1
        elif "\u0400" <= character <= "\u04ff":
            counts["ru"] += 1
        elif "\u4e00" <= character <= "\u9fff" or "\u3400" <= character <= "\u4dbf":
            counts["zh-hans"] += 1
        elif character.isalpha():
            counts["latin"] += 1
    script = max(counts, key=counts.__getitem__)
    if not counts[script]:
        return ""
    if script != "latin":
        return script
    words = [strip_accents(word.casefold()) for word in _WORD.findall(text)]
    scores = {
        language: sum(word in common for word in words)
        for language, common in _COMMON_WORDS.items()
    }
    best = max(scores, key=scores.__getitem__)
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] == 0 or ranked[0] == ranked[1]:
        return ""
    return best


def strip_accents(text: str) -> str:
    return "".join(
        character
        for character in unicodedata.normalize("NFD", text)
        if not unicodedata.combining(character)
    )


def normalise_word(word: str, language: str) -> str:
    """A word as keywords are compared: case folded, and per language as the module says."""
    word = word.casefold()
    if language == "ar":
        return _ARABIC_MARKS.sub("", word).translate(_ARABIC_LETTERS)
    if language == "ru":
        return word.replace("ё", "е")
    return strip_accents(word)


_STEMMERS = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "ar": "arabic"}


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(_STEMMERS[language]) if language in _STEMMERS else None


def stem(word: str, language: str) -> str:
    """The Snowball stem of `word`, normalised as words are (the stemmers want the accents)."""
    stemmer = _stemmer(language)
    folded = word.casefold()
    return normalise_word(stemmer.stemWord(folded) if stemmer else folded, language)


def _forms(word: str, language: str) -> tuple[str, ...]:
    normal = normalise_word(word, language)
    forms = [normal]
    if language == "ar":
        for prefix in _ARABIC_PREFIXES:
            # Keep at least three letters: a root is rarely shorter.
            if normal.startswith(prefix) and len(normal) - len(prefix) >= 3:
                forms.append(normal[len(prefix) :])
    forms += [stem(form, language) for form in forms]
    return tuple(dict.fromkeys(forms))


def tokenise(text: str, language: str) -> list[Token]:
    return [
        Token(match.start(), match.end(), _forms(match.group(), language))
        for match in _WORD.finditer(text)
    ]


def _word_matches(pattern: str, token: Token) -> bool:
    if pattern.endswith("*"):
        stem = pattern[:-1]
        return any(form.startswith(stem) for form in token.forms)
    return pattern in token.forms


def _find_phrase(words: list[str], tokens: list[Token]) -> tuple[int, int] | None:
    """The (start, end) character span of the first place the words occur in order, each at
    most MAX_GAP tokens after the previous one."""
    for first, token in enumerate(tokens):
        if not _word_matches(words[0], token):
            continue
        position, found = first, True
        for word in words[1:]:
            window = tokens[position + 1 : position + 2 + MAX_GAP]
            following = next(
                (i for i, candidate in enumerate(window) if _word_matches(word, candidate)), None
            )
            if following is None:
                found = False
                break
            position += 1 + following
        if found:
            return token.start, tokens[position].end
    return None


def _keyword_words(keyword: str, language: str) -> list[str]:
    words = []
    for raw in keyword.split():
        prefix = raw.endswith("*")
        word = normalise_word(raw.rstrip("*"), language)
        if language == "ar":
            # Keywords are written without the article; drop it if a writer put one in.
            word = word.removeprefix("ال") if len(word) > 4 else word
        if word:
            # A whole word is looked for by its stem, which every token's forms include.
            words.append(word + "*" if prefix else stem(word, language))
    return words


def _merged(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The passages of `text` at `spans`; overlapping or adjacent ones ("lack of staff" and
    "trained staff" in "lack of trained staff"; "moyens" and "financiers") are shown as one."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    found: list[str] = []
    for start, end in merged:
        passage = text[start:end]
        if passage not in found:
            found.append(passage)
    return found


def _compiled(keywords: Iterable[str], language: str) -> list[list[str]]:
    if language == "zh-hans":
        return [
            [keyword.rstrip("*").strip()] for keyword in keywords if keyword.rstrip("*").strip()
        ]
    return [words for keyword in keywords if (words := _keyword_words(keyword, language))]


def _find(text: str, tokens: list[Token], compiled: list[list[str]], language: str) -> list[str]:
    if language == "zh-hans":
        found = []
        for (keyword,) in compiled:
            if keyword in text and keyword not in found:
                found.append(keyword)
        return found
    # Most keywords do not occur at all: rule them out word by word on the sorted forms of the
    # text before looking for phrases.
    forms = sorted({form for token in tokens for form in token.forms})
    spans = [
        span
        for words in compiled
        if all(_present(word, forms) for word in words) and (span := _find_phrase(words, tokens))
    ]
    return _merged(text, spans)


def _present(word: str, forms: list[str]) -> bool:
    """Whether `word` (a prefix if it ends in "*") matches one of the sorted `forms`."""
    stem = word[:-1] if word.endswith("*") else word
    i = bisect_left(forms, stem)
    if i == len(forms):
        return False
    return forms[i].startswith(stem) if word.endswith("*") else forms[i] == stem


def matches_in(text: str, keywords: Iterable[str], language: str) -> list[str]:
    """The passages of `text` that `keywords` (in `language`) find, as written in the text."""
    return _find(text, tokenise(text, language), _compiled(keywords, language), language)


class Matcher:
    """The keywords of `themes`, normalised once, to suggest themes for many answers."""

    def __init__(self, themes: Iterable):
        self.themes = [
            (
                theme,
                {
                    language: _compiled(words, language)
                    for language, words in (theme.keywords or {}).items()
                },
            )
            for theme in themes
        ]

    def suggest(self, text: str, *, excluded: Iterable[int] = ()) -> list[Suggestion]:
        """The themes whose keywords occur in `text`, in the order of the themes, leaving out the
        themes whose pk is in `excluded` (already accepted, or rejected for this answer)."""
        text = text or ""
        if not text.strip():
            return []
        language = detect_language(text)
        languages = (language,) if language else LATIN_LANGUAGES
        tokens = {candidate: tokenise(text, candidate) for candidate in languages}
        excluded = set(excluded)
        suggestions = []
        for theme, keywords in self.themes:
            if theme.pk in excluded:
                continue
            for candidate in languages:
                compiled = keywords.get(candidate)
                matched = _find(text, tokens[candidate], compiled, candidate) if compiled else []
                if matched:
                    suggestions.append(Suggestion(theme=theme, matched=matched, language=candidate))
                    break
        return suggestions


def suggest(text: str, themes: Iterable, *, excluded: Iterable[int] = ()) -> list[Suggestion]:
    """The themes whose keywords occur in `text` (see Matcher.suggest)."""
    return Matcher(themes).suggest(text, excluded=excluded)
