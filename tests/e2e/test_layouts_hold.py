"""Layouts that hold: the library in Russian at 1280 px shows its download buttons whole, and no
page of the library widens a 390 px phone screen."""

import pytest

from clusters.models import Category
from tests.e2e.test_layout import log_in
from tests.reports.library_data import compiled_report

pytestmark = pytest.mark.browser


def test_the_russian_library_holds_at_1280_and_390_px(page, live_server, delegate, administrator):
    delegate.preferred_language = "ru"
    delegate.save()
    compiled_report(administrator, audience="public", category=Category.objects.get(letter="a"))
    log_in(page, delegate.username)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/reports/library/")
    button = page.locator("[data-testid=download-xlsx]").first.bounding_box()
    assert button and button["x"] + button["width"] <= 1280
    category = page.locator(".library-category").first.bounding_box()
    assert category and category["height"] < 8 * 26  # a few lines, not fourteen
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
