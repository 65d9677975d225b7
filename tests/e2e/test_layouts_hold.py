"""Layouts that hold: the library in Russian at 1280 px shows its download buttons whole, and the
key pages of each role, in Arabic and Russian on a 390 px phone, neither scroll sideways nor let
a button's words spill out of it."""

import pytest
from django.urls import reverse

from clusters.models import Category
from surveys.answering.services import answer_save
from surveys.models import Channel
from surveys.submission.services import reply_submit
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


# What breaks a phone layout: the page scrolls sideways, a button's words spill out of it or off
# the screen (a button inside a scrolling box, such as a wide table's, may go off it), or a
# one-word label is broken over lines (Chinese breaks between any two characters).
PHONE_PROBLEMS = """() => {
  const problems = [], width = window.innerWidth;
  if (document.documentElement.scrollWidth > width)
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
    const x = getComputedStyle(p).overflowX; if (x === 'auto' || x === 'scroll') return true; }
    return false; };
  for (const b of document.querySelectorAll('.btn, button, [role=button]')) {
    const r = b.getBoundingClientRect();
    if (!r.width || !r.height || b.closest('details:not([open])')) continue;
    const name = (b.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
    if (b.scrollWidth > b.clientWidth + 1) problems.push(`"${name}" overflows its button`);
    if ((r.right > width + 1 || r.left < -1) && !scrolls(b))
      problems.push(`"${name}" goes off the screen`);
    // A one-word label ('Add', '添加') broken over two lines.
    for (const node of b.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim() || /\\s/.test(node.textContent.trim())) continue;
      const range = document.createRange(); range.selectNodeContents(node);
      const lines = new Set([...range.getClientRects()].filter(l => l.width > 1).map(l => Math.round(l.top)));
      if (lines.size > 1) problems.push(`"${name}" breaks a word over ${lines.size} lines`);
    }
  }
  return problems;
}"""


def assert_holds_on_a_phone(page, paths):
    page.set_viewport_size({"width": 390, "height": 844})
    for path in paths:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(PHONE_PROBLEMS) == [], path


@pytest.fixture
def submitted(reply, lead):
    a1 = reply.cycle.version.questions.get(code="A.1")
    answer_save(reply=reply, question=a1, value="1200", base_revision=0, by=lead,
                channel=Channel.WEB)  # fmt: skip
    reply_submit(reply=reply, by=lead, may_publish=True)
    return reply


@pytest.mark.parametrize("language", ["ar", "ru"])
def test_a_contact_persons_pages_hold_on_a_phone(page, live_server, lead, reply, language):
    lead.preferred_language = language
    lead.save()
    section = reply.cycle.version.sections.order_by("order").first()
    log_in(page, lead.username)
    assert page.locator("html").get_attribute("lang") == language
    assert_holds_on_a_phone(
        page,
        [
            reverse("home"),
            reverse("surveys:contact_dashboard"),
            reverse("surveys:reply_detail", args=[reply.pk]),
            reverse("surveys:reply_section", args=[reply.pk, section.pk]),
            reverse("surveys:reply_submit", args=[reply.pk]),
        ],
    )


@pytest.mark.parametrize("language", ["ar", "ru", "zh-hans"])
def test_the_secretariats_pages_hold_on_a_phone(
    page, live_server, administrator, submitted, language
):
    administrator.preferred_language = language
    administrator.save()
    log_in(page, administrator.username)
    assert page.locator("html").get_attribute("lang") == language
    assert_holds_on_a_phone(
        page,
        [
            reverse("home"),
            reverse("surveys:cycle_overview", args=[submitted.cycle.pk]),
            reverse("surveys:reply_review", args=[submitted.pk]),
            reverse("surveys:coding_index", args=[submitted.cycle.pk]),
            reverse("surveys:coding_question", args=[submitted.cycle.pk, "A.1"]),
            reverse("reports:report_create"),
        ],
    )


@pytest.mark.parametrize("language", ["ar", "ru"])
def test_a_delegates_pages_hold_on_a_phone(page, live_server, delegate, administrator, language):
    delegate.preferred_language = language
    delegate.save()
    compiled_report(administrator, audience="public", category=Category.objects.get(letter="a"))
    log_in(page, delegate.username)
    assert page.locator("html").get_attribute("lang") == language
    assert_holds_on_a_phone(
        page, [reverse("home"), reverse("reports:library"), reverse("clusters:standard_index")]
    )
