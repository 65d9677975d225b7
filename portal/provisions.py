"""Provisions of a standard ("rule 83", "art. 4 (a)", "art. 1, para. 2", "part III") written in
the reader's language, as United Nations documents write them in each official language.

Questionnaires cite a provision once, as short English text in a fixed form; `provision_text`
reads that form and writes it in French ("règle 83", "art. 4 a)"), Spanish ("regla 83",
"párr. 6 b)"), Russian ("правило 83", "ст. 3"), Chinese ("第83条规则", "第1条第2款") or Arabic
("القاعدة 83", "الفقرة 2 من المادة 1"), so an Arabic page never shows "art." or "para.".
`provision_problem` says why a text is not in that form; questionnaire files and the editor refuse
such a text, so every provision can be written in every language.

The form: one or more parts separated by ", ", each a kind and a number and perhaps a letter in
brackets: rule 8.2 · art. 3 (b) · para. 6 (d) · principle 17 · guideline 10 · part II (a Roman
numeral) · or the single word "Implementation" (the Bangalore Principles' closing section).
"""

import re
from dataclasses import dataclass

from portal.multilingual import list_letter

# The kinds as written in the files (with the spellings also accepted) and each one's name.
_KINDS = {
    "rule": "rule",
    "art.": "article",
    "article": "article",
    "para.": "paragraph",
    "paragraph": "paragraph",
    "principle": "principle",
    "guideline": "guideline",
    "part": "part",
}
_ARABIC_NUMBER = r"\d{1,3}(?:\.\d{1,2})?"
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_PART = re.compile(
    r"^(?P<kind>rule|art\.|article|para\.|paragraph|principle|guideline)\s(?P<number>"
    + _ARABIC_NUMBER
    + r")(?:\s\((?P<letter>[a-j])\))?$"
    r"|^(?P<part>part)\s(?P<roman>" + _ROMAN + r")$"
)
IMPLEMENTATION = "Implementation"
FORM_EXAMPLES = "rule 83, art. 3 (b), para. 6, art. 1, para. 2, principle 9, guideline 10, part II"

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


@dataclass(frozen=True)
class Part:
    kind: str  # rule, article, paragraph, principle, guideline, part, implementation
    number: str = ""  # "83", "8.2"; for a part, its Roman numeral
    letter: str = ""  # "a" in "art. 4 (a)"


def _roman_value(numeral: str) -> int:
    total = 0
    for i, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def parse_provision(text: str) -> list[Part] | None:
    """The parts of a provision in the files' form, or None when it is not in that form."""
    text = text.strip()
    if not text:
        return []
    if text == IMPLEMENTATION:
        return [Part("implementation")]
    parts = []
    for piece in text.split(", "):
        match = _PART.match(piece)
        if match is None:
            return None
        if match.group("part"):
            if not match.group("roman"):
                return None
            parts.append(Part("part", match.group("roman")))
        else:
            kind = _KINDS[match.group("kind")]
            parts.append(Part(kind, match.group("number"), match.group("letter") or ""))
    # "art. 1, para. 2" is a paragraph of an article; two articles in one provision are two links.
    if len(parts) > 2 or (len(parts) == 2 and [p.kind for p in parts] != ["article", "paragraph"]):
        return None
    return parts


def provision_problem(text: str) -> str | None:
    """Why `text` cannot be written in every language (English, for files and logs), or None."""
    if not isinstance(text, str):
        return (
            f"the provision {text!r} is given per language: write it once, in English "
            f"(for example {FORM_EXAMPLES}); the portal writes it in each language"
        )
    if parse_provision(text) is not None:
        return None
    return (
        f"the provision {text!r} is not in the form the portal can write in every language "
        f"(for example {FORM_EXAMPLES}, or {IMPLEMENTATION})"
    )


_ORDINALS = {
    "ar": ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن"],
    "zh-hans": ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"],
}

# Each kind's word, before the number ("{n}" is the number with its letter).
_WORDS = {
    "en": {
        "rule": "rule {n}",
        "article": "art. {n}",
        "paragraph": "para. {n}",
        "principle": "principle {n}",
        "guideline": "guideline {n}",
        "part": "part {n}",
        "implementation": "Implementation",
    },
    "fr": {
        "rule": "règle {n}",
        "article": "art. {n}",
        "paragraph": "par. {n}",
        "principle": "principe {n}",
        "guideline": "principe directeur {n}",
        "part": "partie {n}",
        "implementation": "Application",
    },
    "es": {
        "rule": "regla {n}",
        "article": "art. {n}",
        "paragraph": "párr. {n}",
        "principle": "principio {n}",
        "guideline": "directriz {n}",
        "part": "parte {n}",
        "implementation": "Aplicación",
    },
    "ru": {
        "rule": "правило {n}",
        "article": "ст. {n}",
        "paragraph": "п. {n}",
        "principle": "принцип {n}",
        "guideline": "руководящий принцип {n}",
        "part": "часть {n}",
        "implementation": "Осуществление",
    },
    "zh-hans": {
        "rule": "第{n}条规则",
        "article": "第{n}条",
        "paragraph": "第{n}段",
        "principle": "第{n}条原则",
        "guideline": "第{n}条准则",
        "part": "第{n}部分",
        "implementation": "执行",
    },
    "ar": {
        "rule": "القاعدة {n}",
        "article": "المادة {n}",
        "paragraph": "الفقرة {n}",
        "principle": "المبدأ {n}",
        "guideline": "المبدأ التوجيهي {n}",
        "part": "الجزء {n}",
        "implementation": "التنفيذ",
    },
}


def _number(part: Part, language: str) -> str:
    if part.kind == "part" and language in _ORDINALS:
        return _ORDINALS[language][_roman_value(part.number) - 1]
    if not part.letter:
        return part.number
    if language in ("fr", "es"):
        return f"{part.number} {part.letter})"  # "par. 6 b)"
    if language == "ar":  # the letters in abjad order
        return f"{part.number} ({list_letter(part.letter, 'ar')})"  # "الفقرة 6 (ب)"
    if language == "zh-hans" and part.kind != "article":
        return f"{part.number}({part.letter})"  # "第6(b)段"
    return f"{part.number} ({part.letter})"


def _language(language: str) -> str:
    language = (language or "en").lower()
    if language.startswith("zh"):
        return "zh-hans"
    return language.split("-")[0] if language.split("-")[0] in _WORDS else "en"


def provision_text(text: str, language: str) -> str:
    """`text` ("art. 1, para. 2") written in `language` ("第1条第2款"); a text not in the files'
    form (older data) comes back as it is."""
    parts = parse_provision(text)
    if not parts:
        return text
    language = _language(language)
    words = _WORDS[language]
    if len(parts) == 2:  # a paragraph of an article
        article, paragraph = parts
        if language == "zh-hans":  # the paragraphs of an article are 款
            return f"第{_number(article, language)}条第{_number(paragraph, language)}款"
        if language == "ar":  # "الفقرة 2 من المادة 1"
            first = words["paragraph"].format(n=_number(paragraph, language))
            return f"{first} من {words['article'].format(n=_number(article, language))}"
    if language == "zh-hans" and parts[0].kind == "article" and parts[0].letter:
        return f"第{parts[0].number}条({parts[0].letter})项"  # "第4条(a)项"
    written = [words[p.kind].format(n=_number(p, language)) for p in parts]
    return ("، " if language == "ar" else ", ").join(written)
