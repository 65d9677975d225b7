"""How the report writes numbers, dates, lists and chapter labels in its language (call inside
`translation.override(report.language)`)."""

from __future__ import annotations

import datetime

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from portal import localformats

# Numbers in running text, by the editorial rules of each language's United Nations service:
# - English, French and Spanish spell out the counts from zero to nine ("five States", "cinq
#   États", "cinco Estados") and write 10 and above in figures; percentages, units, dates, symbols,
#   paragraph, table and question numbers keep their figures (those are not counts).
# - Russian, Chinese and Arabic: United Nations documents in these languages write counts in
#   figures ("5 государств", "5个国家", "5 دول"), so the figures stay.
# A sentence that would begin with a count is worded so that it does not (the messages say "All
# 36 States…", "Of the 74 requests, …"), and a count of zero is said in words ("no State").
_SPELLED = {
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "fr": ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"],
    "es": ["cero", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
}
# "une demande", "una solicitud": one before a feminine noun.
_FEMININE_ONE = {"fr": "une", "es": "una"}
# Where running text writes a questionnaire's label in lower case ("named gender-specific health
# care"); Chinese and Arabic have no case, and German-like capitals do not occur in the six.
_LOWER_CASE_LABELS = ("en", "fr", "es", "ru")
# The first words that keep their capital in running text: names of instruments, bodies, places.
_PROPER_STARTS = {
    "united", "nations", "economic", "general", "security", "bangkok", "tokyo", "beijing",
    "havana", "riyadh", "nelson", "mandela", "internet", "interpol", "europe", "european",
    "africa", "african", "asia", "asia-pacific", "latin", "caribbean", "commission", "council",
    "nations unies", "organisation", "naciones", "consejo", "conseil", "comisión",
}  # fmt: skip

# Chapter and section numbering as United Nations documents print it in each language.
_CHAPTERS = {
    "ar": ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا"],
    "zh-hans": ["一", "二", "三", "四", "五", "六", "七", "八"],
}
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
_SECTIONS = {
    "ar": ["ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء"],
    "zh-hans": ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"],
    "ru": ["А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К"],
}
_LATIN = list("ABCDEFGHIJ")
_LIST_COMMA = {"ar": "، ", "zh-hans": "、"}


def chapter_label(index: int, language: str) -> str:
    """ "I.", "II." ... (or the language's own numbering) for the chapter at `index`."""
    return f"{_CHAPTERS.get(language, _ROMAN)[index]}."


def section_label(index: int, language: str) -> str:
    """ "A.", "B." ... (or the language's own lettering) for the section at `index`."""
    return f"{_SECTIONS.get(language, _LATIN)[index]}."


def and_list(items: list[str], language: str) -> str:
    """ "A, B and C" in the report's language."""
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    comma = _LIST_COMMA.get(language, ", ")
    return _("%(list)s and %(last)s") % {"list": comma.join(items[:-1]), "last": items[-1]}


def states(count: int) -> str:
    """ "one State", "12 States" ("1 State" in Russian, Chinese and Arabic: see `count_text`)."""
    return ngettext("%(count)s State", "%(count)s States", count) % {"count": count_text(count)}


def date_text(value: datetime.date) -> str:
    """A date as United Nations documents write it: "23 November 2026" in English."""
    return localformats.date_text(value, get_language())


def percent_text(value: float) -> str:
    """A percentage in running text ("19.2" of "19.2 per cent"): one decimal, as the tables
    (whose rates are floats of one decimal) and the charts write the same figure."""
    return localformats.number_text(value, get_language(), decimals=1)


def percent_sign_text(value: float) -> str:
    """ "19.2%" ("19,2 %" in French): a percentage in a chart."""
    return localformats.percent_text(value, get_language(), decimals=1)


def number_text(value: float | None) -> str:
    """A count, total or median: at most one decimal (none for whole numbers), with the
    language's separators, as the tables print it; a dash for none."""
    if value is None:
        return "–"
    decimals = 0 if float(value).is_integer() else 1
    return localformats.number_text(value, get_language(), decimals=decimals)


def count_text(value: int, *, feminine: bool = False) -> str:
    """A count in running text: spelled out from zero to nine in English, French and Spanish
    ("five", "cinq", "cinco"; "une"/"una" before a feminine noun), in figures otherwise and in
    the other languages (see `_SPELLED`)."""
    language = get_language()
    if language in _SPELLED and 0 <= value < 10:
        if value == 1 and feminine and language in _FEMININE_ONE:
            return _FEMININE_ONE[language]
        return _SPELLED[language][value]
    return number_text(value)


def label_in_text(label: str) -> str:
    """A label copied from the questionnaire ("Gender-specific health care") as running text in a
    language with capitals writes it: "gender-specific health care"; acronyms ("NGO", "UNODC")
    and names that begin with a proper noun keep their capitals."""
    label = str(label).strip()
    if get_language() not in _LOWER_CASE_LABELS or not label:
        return label
    first = label.split()[0]
    letters = [c for c in first if c.isalpha()]
    if sum(c.isupper() for c in letters) > 1 or first.lower().strip("(") in _PROPER_STARTS:
        return label
    return label[:1].lower() + label[1:]
