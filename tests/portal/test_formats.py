"""Dates and numbers in one style per language, as United Nations documents print them: the same
from Python (e-mails, PDFs, reports), from the template filters and from Django's own formats."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import formats, translation

from portal.localformats import (
    date_text,
    datetime_text,
    number_text,
    paragraph_number_text,
    percent_text,
)
from surveys.answering.rendering import AnswerWords
from tests.factories import CycleFactory

NNBSP, NBSP = "\u202f", "\xa0"
DATE = datetime.date(2027, 2, 5)
MOMENT = datetime.datetime(2027, 2, 5, 14, 5, tzinfo=datetime.UTC)

# language: date, date-time, integer, decimal, percentage, large number, four digits
EXPECTED = {
    "en": (
        "5 February 2027",
        "5 February 2027, 14:05 UTC",
        "52,000",
        "52,000.5",
        "19.2%",
        "1,234,567",
        "5,200",
    ),
    "fr": (
        "5 février 2027",
        "5 février 2027, 14:05 UTC",
        f"52{NNBSP}000",
        f"52{NNBSP}000,5",
        f"19,2{NBSP}%",
        f"1{NNBSP}234{NNBSP}567",
        f"5{NNBSP}200",
    ),
    "es": (
        "5 de febrero de 2027",
        "5 de febrero de 2027, 14:05 UTC",
        "52.000",
        "52.000,5",
        f"19,2{NBSP}%",
        "1.234.567",
        "5200",  # CLDR: Spanish groups from five digits
    ),
    "ru": (
        "5 февраля 2027 года",
        "5 февраля 2027 года, 14:05 UTC",
        f"52{NBSP}000",
        f"52{NBSP}000,5",
        f"19,2{NBSP}%",
        f"1{NBSP}234{NBSP}567",
        f"5{NBSP}200",
    ),
    "zh-hans": (
        "2027年2月5日",
        "2027年2月5日 14:05 UTC",
        "52,000",
        "52,000.5",
        "19.2%",
        "1,234,567",
        "5,200",
    ),
    "ar": (
        "5 شباط/فبراير 2027",
        "5 شباط/فبراير 2027، 14:05 UTC",
        "52,000",
        "52,000.5",
        "19.2%",
        "1,234,567",
        "5,200",
    ),
}


@pytest.mark.parametrize("language", EXPECTED)
def test_every_kind_of_date_and_number_has_one_style_per_language(language):
    date, moment, integer, decimal, percent, large, four_digits = EXPECTED[language]
    assert date_text(DATE, language) == date
    assert datetime_text(MOMENT, language) == moment
    assert number_text(52000, language) == integer
    assert number_text(52000.5, language) == decimal
    assert percent_text(19.2, language) == percent
    assert number_text(1234567, language) == large
    assert number_text(5200, language) == four_digits


@pytest.mark.parametrize("language", EXPECTED)
def test_the_template_filters_write_what_the_functions_write(language):
    template = Template(
        "{{ d|date_text }}|{{ m|datetime_text }}|{{ n|number_text }}|{{ r|percent_text }}"
    )
    with translation.override(language):
        text = template.render(Context({"d": DATE, "m": MOMENT, "n": 52000.5, "r": 19.2}))
    date, moment, _integer, decimal, percent, *_rest = EXPECTED[language]
    assert text == f"{date}|{moment}|{decimal}|{percent}"


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru", "zh-hans"])
def test_djangos_own_formats_print_the_same_style(language):
    """`{{ value }}` and the `date` filter agree with date_text (Arabic month names excepted:
    Django's catalogue has one name a month)."""
    date, moment, *_rest = EXPECTED[language]
    with translation.override(language):
        assert formats.date_format(DATE) == date
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == moment
        assert Template("{{ d }}").render(Context({"d": DATE})) == date


def test_a_date_time_is_written_in_the_portals_time_zone(settings):
    settings.TIME_ZONE = "Europe/Vienna"
    assert datetime_text(MOMENT, "en") == "5 February 2027, 15:05 CET"
    assert date_text(datetime.datetime(2027, 2, 5, 23, 30, tzinfo=datetime.UTC), "en") == (
        "6 February 2027"
    )


def test_french_writes_the_first_of_the_month_as_an_ordinal():
    assert date_text(datetime.date(2027, 3, 1), "fr") == "1er mars 2027"


def test_numbers_keep_their_decimals_unless_told():
    assert number_text(19.0, "en") == "19.0"
    assert number_text(Decimal("2.50"), "en") == "2.50"
    assert number_text(Decimal("52000.500").normalize(), "es") == "52.000,5"
    assert number_text(0.25, "fr") == "0,25"
    assert number_text(3.14159, "fr", decimals=1) == "3,1"
    assert number_text(None, "en") == "" and date_text(None, "en") == ""


def test_an_answer_shows_its_number_and_date_in_the_readers_language():
    """Not "52000 personas": the one answer renderer groups digits and writes dates in full."""
    words = AnswerWords("es")
    assert words.with_unit(words.number(52000), "personas") == "52.000 personas"
    assert words.date("2027-02-05") == "5 de febrero de 2027"


def test_arabic_paragraphs_are_numbered_with_a_dash():
    assert paragraph_number_text(9, "ar") == "9 -"
    assert paragraph_number_text(9, "en") == "9."
    assert paragraph_number_text(9, "zh-hans") == "9."


@pytest.mark.django_db
def test_two_pages_write_a_cycles_deadline_in_the_same_style(client_for, administrator):
    cycle = CycleFactory(created_by=administrator, deadline=datetime.date(2027, 2, 5))
    client = client_for(administrator)
    for url in (reverse("surveys:cycle_index"), reverse("surveys:cycle_detail", args=[cycle.pk])):
        page = client.get(url).content.decode()
        assert "5 February 2027" in page, url
        assert "Feb. 5, 2027" not in page and "02/05/2027" not in page
