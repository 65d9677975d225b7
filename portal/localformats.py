"""Dates and numbers as United Nations documents print them in each of the six languages: one style
per language, the same on the pages, in e-mails, PDFs, workbooks and reports.

    date_text(date(2027, 2, 5), "en")    -> "5 February 2027"
    date_text(date(2027, 2, 5), "ar")    -> "5 شباط/فبراير 2027"
    datetime_text(moment, "fr")          -> "5 février 2027, 14:05 UTC"
    number_text(52000.5, "fr")           -> "52 000,5" (narrow no-break space)
    percent_text(19.2, "es")             -> "19,2 %"

Numbers follow CLDR (through Babel) with Western digits in every language, Arabic included, as
United Nations Arabic documents write them. `language` defaults to the active language. Templates
use the same functions as filters (portal.templatetags.localformats, a built-in library).
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from functools import cache

from babel import Locale, numbers
from django.utils import timezone, translation

# Arabic: the Levantine and the Egyptian name of each month, as United Nations documents print them.
ARABIC_MONTHS = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
]
FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
SPANISH_MONTHS = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
# The genitive, as in "5 февраля 2027 года".
RUSSIAN_MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Between the date and the time of a date-time.
_DATE_TIME_JOINER = {"zh-hans": " ", "ar": "، "}
_BABEL_LOCALES = {"zh-hans": "zh_Hans"}
# Bidirectional marks CLDR puts around signs in Arabic: not wanted in SVG text or workbook cells.
_BIDI_MARKS = str.maketrans("", "", "\u200e\u200f\u061c")


def _language(language: str | None) -> str:
    code = (language or translation.get_language() or "en").lower()
    if code.startswith("zh"):
        return "zh-hans"
    base = code.split("-")[0]
    return base if base in {"en", "fr", "es", "ru", "ar"} else "en"


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def date_text(value: datetime.date | datetime.datetime | None, language: str | None = None) -> str:
    """A date as United Nations documents write it in `language`; "" for none. A date-time is
    first brought to the portal's time zone."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    day = _as_date(value)
    d, m, y = day.day, day.month, day.year
    match _language(language):
        case "fr":
            return f"{'1er' if d == 1 else d} {FRENCH_MONTHS[m - 1]} {y}"
        case "es":
            return f"{d} de {SPANISH_MONTHS[m - 1]} de {y}"
        case "ru":
            return f"{d} {RUSSIAN_MONTHS[m - 1]} {y} года"
        case "zh-hans":
            return f"{y}年{m}月{d}日"
        case "ar":
            return f"{d} {ARABIC_MONTHS[m - 1]} {y}"
        case _:
            return f"{d} {ENGLISH_MONTHS[m - 1]} {y}"


def time_text(value: datetime.datetime | None) -> str:
    """ "14:05 UTC": 24-hour time in the portal's time zone, with the zone's name."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    zone = local.tzname() or timezone.get_current_timezone_name()
    return f"{local:%H:%M} {zone}"


def datetime_text(value: datetime.datetime | None, language: str | None = None) -> str:
    """A moment without ambiguity: the date as `date_text` writes it, a 24-hour time and the time
    zone, e.g. "5 February 2027, 14:05 UTC"."""
    if value is None or value == "":
        return ""
    if not isinstance(value, datetime.datetime):
        return date_text(value, language)
    code = _language(language)
    joiner = _DATE_TIME_JOINER.get(code, ", ")
    return f"{date_text(value, code)}{joiner}{time_text(value)}"


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(_BABEL_LOCALES.get(code, code))


def _decimal(value: float | int | Decimal | str, decimals: int | None) -> tuple[Decimal, int]:
    """`value` as a Decimal rounded to `decimals` (by default, the decimals it carries)."""
    # str() of a float is its shortest exact form: 19.2 stays 19.2, 75.0 keeps its one decimal.
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if decimals is None:
        decimals = max(-int(number.as_tuple().exponent), 0)
    return number.quantize(Decimal(1).scaleb(-decimals)), decimals


def number_text(
    value: float | int | Decimal | str | None,
    language: str | None = None,
    decimals: int | None = None,
) -> str:
    """A number with the thousands separator and decimal sign of `language` (CLDR, Western
    digits): "52,000.5" en, "52 000,5" fr and ru, "52.000,5" es. `decimals` fixes how many
    decimals are printed; by default, those the value carries (19.0 -> "19.0", Decimal("2.50")
    -> "2.50"; `Decimal.normalize()` first drops trailing zeros). "" for none."""
    if value is None or value == "":
        return ""
    code = _language(language)
    number, places = _decimal(value, decimals)
    pattern = numbers.parse_pattern("#,##0" + ("." + "0" * places if places else ""))
    # CLDR's minimumGroupingDigits: Spanish writes 5200 but 52.000.
    grouping = not (code == "es" and abs(number) < 10000)
    text = pattern.apply(number, _locale(code), group_separator=grouping, numbering_system="latn")
    return text.translate(_BIDI_MARKS)


def percent_text(
    value: float | int | Decimal | str | None,
    language: str | None = None,
    decimals: int | None = None,
) -> str:
    """A percentage given in per cent (19.2 for 19.2%), as `language` writes it with the sign:
    "19.2%" en and zh, "19,2 %" fr, es and ru. "" for none."""
    if value is None or value == "":
        return ""
    code = _language(language)
    pattern = numbers.parse_pattern(_locale(code).percent_formats[None].pattern)
    text = f"{pattern.prefix[0]}{number_text(value, code, decimals)}{pattern.suffix[0]}"
    return text.translate(_BIDI_MARKS)


def paragraph_number_text(number: int, language: str | None = None) -> str:
    """How a numbered paragraph of a United Nations document is numbered: "9." in most
    languages, "9 -" in Arabic."""
    return f"{number} -" if _language(language) == "ar" else f"{number}."


# Spaces of every width, apostrophes (Swiss style) and the Arabic thousands separator: a number's
# groups, whatever the language.
_GROUP_MARKS = str.maketrans("", "", " \u00a0\u202f\u2009\u2007'’\u066c")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")


def number_parse(text: str, language: str | None = None) -> Decimal | None:
    """A number as a person types it in `language` (default: the active one), or None when `text`
    is not one. Groups are accepted with spaces of any width, apostrophes, or the other of "," and
    "." from the language's decimal sign, when they come in threes: "40,000" is forty thousand in
    English, "40.000" in Spanish, "40 000" everywhere. The decimal sign is the language's; the
    other one alone and not in threes ("12.5" in French) is taken as a decimal sign too. Arabic-
    Indic digits are read as Western ones."""
    value = str(text).strip().translate(_GROUP_MARKS).translate(_DIGITS)
    decimal_sign = numbers.get_decimal_symbol(_locale(_language(language)), numbering_system="latn")
    other = "." if decimal_sign == "," else ","
    sign = ""
    if value and value[0] in "+-−":
        sign, value = ("-" if value[0] in "-−" else ""), value[1:]
    digits = r"\d{1,3}(?:" + re.escape(other) + r"\d{3})+"
    decimals = "(?:" + re.escape(decimal_sign) + r"\d+)?"
    if re.fullmatch(digits + decimals, value):
        value = value.replace(other, "")
    elif value.count(other) == 1 and decimal_sign not in value:
        value = value.replace(other, decimal_sign)
    if not re.fullmatch(
        r"\d+(?:" + re.escape(decimal_sign) + r"\d+)?|\d*" + re.escape(decimal_sign) + r"\d+", value
    ):
        return None
    return Decimal(sign + value.replace(decimal_sign, "."))
