"""A cycle end to end in a real browser: the administrator opens a cycle for the approved sample
version inviting every Member State, invites Kenya's lead contact person, who follows the e-mailed
link, chooses a password and finds the questionnaire on their dashboard."""

import datetime
import re

import pytest
from django.utils.formats import date_format
from django.utils.translation import override
from playwright.sync_api import expect

from surveys.models import Cycle, CycleInvitation, ReminderSent, Reply
from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in
from tests.surveys.replies import approved_version

pytestmark = pytest.mark.browser

LINK = re.compile(r"https?://\S+/contact-persons/welcome/[^/\s]+/[^/\s]+/")
PASSWORD = "Nairobi-report-2027!"
DEADLINE = datetime.date.today() + datetime.timedelta(days=60)


@pytest.fixture
def version(administrator):
    version = approved_version(administrator)
    yield version
    # The cycle refers to the version, which the suite's clean-up empties row by row on SQLite.
    ReminderSent.objects.all().delete()
    Reply.objects.all().delete()
    CycleInvitation.objects.all().delete()
    Cycle.objects.all().delete()


def _in_arabic(page):
    page.locator("#language-menu").click()
    page.locator("button[name=language][value=ar]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_a_cycle_is_opened_and_an_invited_contact_person_finds_the_questionnaire(
    page, browser, live_server, administrator, version, mailoutbox
):
    # The administrator opens a cycle: every Member State is ticked to begin with.
    log_in(page, administrator.username)
    page.locator("[data-nav=cycles]").click()
    assert_no_axe_violations(page)
    page.get_by_test_id("new-cycle").click()
    expect(page.get_by_label("Kenya", exact=True)).to_be_checked()
    expect(page.get_by_label("Senegal", exact=True)).to_be_checked()
    assert_no_axe_violations(page)
    page.get_by_label("Questionnaire version").select_option(str(version.pk))
    page.locator("[name=title_en]").fill("Category (a) questionnaire, 2027")
    page.get_by_label("Deadline").fill(DEADLINE.isoformat())
    page.locator("[name=commission_session_en]").fill("Thirty-sixth session (2027)")
    page.get_by_role("button", name="Open the cycle").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Category (a) questionnaire, 2027")
    expect(page.locator("[data-count=invited]")).to_have_text("193")
    expect(page.locator("[data-count=submitted]")).to_have_text("0")
    assert_no_axe_violations(page)

    # From Kenya's row, the administrator invites its lead contact person.
    kenya_row = page.locator("tr[data-respondent=KEN]")
    expect(kenya_row.get_by_test_id("contact-count")).to_have_text("None")
    kenya_row.get_by_role("link", name="Invite a contact person of Kenya").click()
    assert_no_axe_violations(page)
    page.get_by_label("Given name").fill("Wanjiru")
    page.get_by_label("Family name").fill("Kamau")
    page.get_by_label("E-mail address").fill("wanjiru.kamau@example.org")
    page.get_by_label("Lead contact person").check()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator("tr[data-respondent=KEN]").get_by_test_id("contact-count")).to_have_text(
        "1"
    )
    expect(page.locator("main")).to_contain_text("An invitation has been e-mailed")
    [message] = mailoutbox
    assert message.to == ["wanjiru.kamau@example.org"]
    link = LINK.search(message.body).group(0)

    # The invitee follows the link, chooses a password and lands on the dashboard.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    invitee = context.new_page()
    invitee.goto(link)
    expect(invitee.get_by_test_id("username")).to_have_text("wanjiru.kamau@example.org")
    invitee.get_by_label(re.compile(r"^\s*New password\W*$")).fill(PASSWORD)
    invitee.get_by_label("New password confirmation").fill(PASSWORD)
    invitee.get_by_role("button", name="Set my password").click()
    invitee.wait_for_url("**/questionnaires/my-questionnaires/")
    reply = invitee.get_by_test_id("reply")
    expect(reply).to_have_count(1)
    expect(reply.get_by_role("heading", level=3)).to_have_text("Sample questionnaire")
    with override("en"):
        expect(reply.get_by_test_id("deadline")).to_contain_text(date_format(DEADLINE))
    expect(reply.get_by_test_id("overall-progress")).to_have_text("0%")
    expect(reply.get_by_test_id("reply-status")).to_have_text("Not started")
    expect(invitee.get_by_test_id("invite-colleague")).to_be_visible()
    assert_no_axe_violations(invitee)

    # The link does not work twice.
    invitee.goto(link)
    expect(invitee.get_by_role("heading", level=1)).to_have_text("This link has already been used")

    # The dashboard and the cycle page in Arabic, right to left.
    invitee.goto("/questionnaires/my-questionnaires/")
    _in_arabic(invitee)
    assert_no_axe_violations(invitee)
    context.close()
    _in_arabic(page)
    assert_no_axe_violations(page)
