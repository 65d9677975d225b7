"""Technical assistance in a real browser: a reviewer opens a request that Kenya's reply stated,
moves it under assessment with a note and matches an expert the roster suggests; the page of
unmet requests lists one in a language nobody on the roster works in. Every page passes axe in
English and Arabic."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from clusters.models import Availability, Cluster, Expert
from surveys.models import AssistanceRequest, RequestStatus
from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in
from tests.surveys.assistance.helpers import answer, assistance_document, submit
from tests.surveys.replies import approved_version, open_cycle, reply_for

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots-assistance")  # noqa: S108 - screenshots to look at, by hand


def _shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _in_arabic(page):
    page.locator("#language-menu").click()
    page.locator("button[name=language][value=ar]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"


def _expert(name, clusters, languages, region, availability=Availability.AVAILABLE):
    person = Expert.objects.create(
        name=name,
        regional_group=region,
        languages=languages,
        expertise={"en": "Training of prison staff; alternatives to imprisonment."},
        availability=availability,
    )
    person.clusters.set(Cluster.objects.filter(letter__in=clusters))
    return person


@pytest.fixture
def requests(administrator, state_a_contact, state_b_contact):
    """Kenya (lead writes in English) asks for training in cluster (a); Senegal (French) for
    help on victims, cluster (d), which nobody on the roster can give in French."""
    cycle = open_cycle(administrator, approved_version(administrator, assistance_document()))
    for contact, language, text in (
        (state_a_contact, "en", "Training of prison staff on the Bangkok Rules."),
        (state_b_contact, "fr", "Services d'aide aux victimes."),
    ):
        contact.is_lead_contact, contact.preferred_language = True, language
        contact.save()
        reply = reply_for(cycle, contact.respondent.code)
        if language == "en":
            answer(reply, "A.9", "yes", contact)
            answer(reply, "A.9.1", text, contact)
        else:
            answer(reply, "A.9", "no", contact)
            answer(reply, "B.9", "yes", contact)
            answer(reply, "B.9.1", text, contact)
        submit(reply, contact)
    _expert("Amina Yusuf", ["a"], ["en", "sw"], "african")
    _expert("Pierre Martin", ["a"], ["en", "fr"], "western_european_others")
    _expert("Olga Ivanova", ["d"], ["ru"], "eastern_european")
    _expert("Away Expert", ["d"], ["fr"], "african", Availability.UNAVAILABLE)
    return {r.respondent.code: r for r in AssistanceRequest.objects.select_related("respondent")}


def test_a_reviewer_assesses_a_request_and_matches_a_suggested_expert(page, reviewer, requests):
    kenya = requests["KEN"]
    log_in(page, reviewer.username)
    page.goto("/questionnaires/assistance/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Technical-assistance requests")
    expect(page.locator("[data-count=all]")).to_have_text("2")
    expect(page.locator("[data-count=received]")).to_have_text("2")
    assert_no_axe_violations(page)
    _shot(page, "index-en")

    page.locator(f"tr[data-request='{kenya.pk}'] a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Request of Kenya")
    expect(page.get_by_test_id("description")).to_contain_text("Training of prison staff")
    expect(page.get_by_test_id("language")).to_have_text("English")
    # Suggested: the expert of Kenya's regional group first.
    suggested = page.get_by_test_id("suggested").locator("[data-expert]")
    expect(suggested).to_have_count(2)
    expect(suggested.first).to_contain_text("Amina Yusuf")
    expect(suggested.first).to_contain_text("Same regional group")
    assert_no_axe_violations(page)
    _shot(page, "detail-en")

    page.get_by_label("Status").select_option("under_assessment")
    page.get_by_role("textbox", name="Note").fill(
        "Checked with the regional office: training fits."
    )
    page.get_by_role("button", name="Save the change").click()
    expect(page.get_by_test_id("request-status").first).to_have_text("Under assessment")
    expect(page.get_by_test_id("notes")).to_contain_text("Checked with the regional office")

    page.get_by_role("button", name="Match Amina Yusuf").click()
    expect(page.get_by_test_id("request-status").first).to_have_text("Matched")
    expect(page.get_by_test_id("matched")).to_contain_text("Amina Yusuf")
    expect(page.get_by_test_id("suggested").locator("[data-expert]")).to_have_count(1)
    assert_no_axe_violations(page)
    _shot(page, "detail-matched-en")

    kenya.refresh_from_db()
    assert kenya.status == RequestStatus.MATCHED
    assert [e.name for e in kenya.experts.all()] == ["Amina Yusuf"]
    notes = list(kenya.notes.all())
    assert [(n.from_status, n.to_status) for n in notes] == [
        ("", "received"),
        ("received", "under_assessment"),
        ("under_assessment", "matched"),
    ]
    assert notes[1].by == reviewer and "regional office" in notes[1].text

    # The reply the request comes from, at its question.
    page.get_by_test_id("reply-link").click()
    expect(page).to_have_url(re.compile(rf"/replies/{kenya.reply_id}/sections/\d+/#question-\d+$"))

    # In Arabic, right to left, the pages pass axe too.
    page.goto(f"/questionnaires/assistance/{kenya.pk}/")
    _in_arabic(page)
    assert_no_axe_violations(page)
    _shot(page, "detail-ar")
    page.goto("/questionnaires/assistance/")
    assert_no_axe_violations(page)
    _shot(page, "index-ar")


def test_the_unmet_page_lists_a_request_in_a_language_nobody_on_the_roster_speaks(
    page, reviewer, requests
):
    senegal = requests["SEN"]
    log_in(page, reviewer.username)
    page.goto("/questionnaires/assistance/")
    page.get_by_test_id("unmet-link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Requests no expert can meet")
    [group] = page.locator("section[data-cluster]").all()
    assert group.get_attribute("data-cluster") == "d"
    assert group.get_attribute("data-language") == "fr"
    expect(group.locator(f"[data-request='{senegal.pk}']")).to_contain_text("Senegal")
    expect(group).to_contain_text("1 available expert works in this cluster, but not in French")
    expect(page.locator(f"[data-request='{requests['KEN'].pk}']")).to_have_count(0)
    assert_no_axe_violations(page)
    _shot(page, "unmet-en")
    _in_arabic(page)
    assert_no_axe_violations(page)
    _shot(page, "unmet-ar")


def test_an_administrator_adds_an_expert_to_the_roster(page, administrator, reference_data):
    log_in(page, administrator.username)
    page.goto("/standards/experts/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Roster of experts")
    assert_no_axe_violations(page)
    page.get_by_test_id("new-expert").click()
    assert_no_axe_violations(page)
    page.get_by_label("Name").fill("Fatou Ndiaye")
    page.get_by_label("Nationality").select_option(label="Senegal")
    page.get_by_label("(d) The treatment of victims and witnesses").check()
    page.get_by_role("checkbox", name="Français").check()
    page.get_by_label("Other languages").fill("wo")
    # The expertise in the six-language editor: each box is labelled with its language.
    page.get_by_role("textbox", name="English").fill("Victim support services.")
    page.get_by_role("textbox", name="Français").fill("Services d'aide aux victimes.")
    page.get_by_role("button", name="Add to the roster").click()
    row = page.locator("[data-testid=experts] tbody tr").first
    expect(row).to_contain_text("Fatou Ndiaye")
    expect(row).to_contain_text("African States")
    expect(row.get_by_test_id("languages")).to_contain_text("French")
    assert_no_axe_violations(page)
    _shot(page, "roster-en")
    _in_arabic(page)
    assert_no_axe_violations(page)
    _shot(page, "roster-ar")
    page.locator("[data-testid=experts] tbody tr a").first.click()
    assert_no_axe_violations(page)
    _shot(page, "expert-form-ar")
