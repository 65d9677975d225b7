"""The masthead of a report as E/CN.15 documents print it in each language: "United Nations" and the
symbol; the organ; "Distr.: General", the date, the document's language and "Original: English";
the Commission, its session, place and dates; "Item 6 of the provisional agenda*" with the item's
title; and the footnote "* E/CN.15/2027/1." that gives the provisional agenda's symbol.

Russian, Chinese and Arabic documents print the distribution block in English ("Distr.: General",
"12 March 2027", "Arabic", "Original: English"); French and Spanish ones in their own language.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from portal.localformats import (
    ARABIC_MONTHS,
    ENGLISH_MONTHS,
    FRENCH_MONTHS,
    RUSSIAN_MONTHS,
    SPANISH_MONTHS,
    date_text,
)
from reports.models import Report

# The line naming the document's language, above "Original: …" (none in the original's language).
DOCUMENT_LANGUAGE = {
    "fr": "Français",
    "es": "Español",
    "ru": "Russian",
    "zh-hans": "Chinese",
    "ar": "Arabic",
}
DISTRIBUTION_IN_ENGLISH = {"en", "ru", "zh-hans", "ar"}
MONTHS = {
    "en": ENGLISH_MONTHS,
    "fr": FRENCH_MONTHS,
    "ru": RUSSIAN_MONTHS,
    "ar": ARABIC_MONTHS,
}
# Between the first and the last day: "18–22 May 2027", "18-22 mai 2027", "18 a 22 de mayo".
RANGE_DASH = {"en": "–", "fr": "-", "ru": "–", "ar": "-"}
# Across two months the Russian and Arabic dashes take spaces: "30 мая – 3 июня 2027 года".
SPACED_RANGE_DASH = {"ru": " – ", "ar": " - "}


@dataclass
class Masthead:
    symbol: str
    organ: str
    distribution: list[str]  # "Distr.: General", the date, the language, "Original: English"
    distribution_language: str  # the language the distribution block is printed in
    commission: str
    session: str
    place_and_dates: str
    item: str  # "Item 6 of the provisional agenda*"
    item_title: str
    footnote: str  # "* E/CN.15/2027/1."


def report_masthead(*, report: Report, today: datetime.date) -> Masthead:
    """The masthead of `report`, dated `today` (call inside the report's language)."""
    language = report.language
    block_language = "en" if language in DISTRIBUTION_IN_ENGLISH else language
    with translation.override(block_language):
        distribution = [_("Distr.: General"), date_text(today, block_language)]
        if language in DOCUMENT_LANGUAGE:
            distribution.append(DOCUMENT_LANGUAGE[language])
        distribution.append(_("Original: English"))
    item = ""
    if report.agenda_item_number:
        item = _("Item %(number)s of the provisional agenda*") % {
            "number": report.agenda_item_number
        }
    agenda = report.provisional_agenda_symbol
    return Masthead(
        symbol=report.symbol,
        organ=_("Economic and Social Council"),
        distribution=distribution,
        distribution_language=block_language,
        commission=_("Commission on Crime Prevention and Criminal Justice"),
        session=report.commission_session,
        place_and_dates=session_place_and_dates(
            place=report.session_place,
            opens=report.session_opens_on,
            closes=report.session_closes_on,
            language=language,
        ),
        item=item,
        item_title=report.agenda_item_title,
        footnote=f"* {agenda}." if item and agenda else "",
    )


def session_place_and_dates(
    *,
    place: str,
    opens: datetime.date | None,
    closes: datetime.date | None,
    language: str,
) -> str:
    """ "Vienna, 18–22 May 2027" as `language` writes it ("2027年5月18日至22日，维也纳"); "" unless
    the place and both dates are known."""
    if not (place.strip() and opens and closes):
        return ""
    dates = session_dates_text(opens, closes, language)
    if language == "zh-hans":
        return f"{dates}，{place.strip()}"
    comma = "، " if language == "ar" else ", "
    return f"{place.strip()}{comma}{dates}"


def session_dates_text(opens: datetime.date, closes: datetime.date, language: str) -> str:
    """The days of a session, the month and year said once where the two days share them."""
    last = date_text(closes, language)
    if opens == closes:
        return last
    same_month = (opens.year, opens.month) == (closes.year, closes.month)
    same_year = opens.year == closes.year
    if language == "zh-hans":
        first = date_text(opens, language)
        if same_month:
            return f"{first}至{closes.day}日"
        if same_year:
            return f"{first}至{closes.month}月{closes.day}日"
        return f"{first}至{last}"
    if language == "es":
        first = str(opens.day)
        if not same_month:
            first += f" de {SPANISH_MONTHS[opens.month - 1]}"
        if not same_year:
            first += f" de {opens.year}"
        return f"{first} a {last}"
    code = language if language in MONTHS else "en"
    first = "1er" if code == "fr" and opens.day == 1 else str(opens.day)
    if same_month:
        return f"{first}{RANGE_DASH[code]}{last}"
    first += f" {MONTHS[code][opens.month - 1]}"
    if not same_year:
        first += f" {opens.year}" + (" года" if code == "ru" else "")
    return f"{first}{SPACED_RANGE_DASH.get(code, RANGE_DASH[code])}{last}"
