"""Dates and numbers in the active language, as portal.localformats writes them (a built-in
library: every template has these filters without `{% load %}`).

    {{ cycle.deadline|date_text }}          5 February 2027
    {{ reply.submitted_at|datetime_text }}  5 February 2027, 14:05 UTC
    {{ count|number_text }}                 52,000
    {{ rate|percent_text }}                 19.2%
"""

import datetime
from decimal import Decimal

from django import template

from portal import localformats

register = template.Library()


@register.filter
def date_text(value):
    """A date (or the date of a date-time) as United Nations documents write it."""
    if not isinstance(value, datetime.date):
        return value
    return localformats.date_text(value)


@register.filter
def datetime_text(value):
    """A date-time with a 24-hour time and the time zone."""
    if not isinstance(value, datetime.date):
        return value
    return localformats.datetime_text(value)


def _is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


@register.filter
def number_text(value, decimals=None):
    """A number with the language's separators; anything else unchanged (a table's first cell)."""
    if not _is_number(value):
        return value
    return localformats.number_text(
        value, decimals=None if decimals in (None, "") else int(decimals)
    )


@register.filter
def percent_text(value, decimals=None):
    """A percentage (19.2 for 19.2%) with the language's sign."""
    if not _is_number(value):
        return value
    return localformats.percent_text(
        value, decimals=None if decimals in (None, "") else int(decimals)
    )


@register.filter
def paragraph_number(value, language=None):
    """ "9." or, in Arabic, "9 -": a numbered paragraph's number."""
    return localformats.paragraph_number_text(value, language or None)
