"""How the report writes numbers, dates, lists and chapter labels in its language (call inside
`translation.override(report.language)`)."""

from __future__ import annotations

import datetime

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from portal import localformats

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
    """ "1 State", "12 States"."""
    return ngettext("%(count)s State", "%(count)s States", count) % {"count": count}


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
