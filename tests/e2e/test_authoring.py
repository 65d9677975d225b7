"""An administrator writes a questionnaire in the browser, translates it and previews it as a
contact person will see it, in French and in Arabic, with its relevance conditions live."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in

pytestmark = pytest.mark.browser


def add_question(page, section_code, *, code, text, type_label, condition=None):
    page.get_by_role("link", name=f"Add a question to section {section_code}").click()
    page.get_by_label("Code").fill(code)
    page.get_by_label("Type of answer").select_option(label=type_label)
    # not "Text before the question (English)", the field above it
    page.get_by_role("textbox", name=re.compile(r"^Question \(English\)")).fill(text)
    if condition:
        page.get_by_label("Shown only when").select_option(label=condition)
    page.get_by_role("button", name="Add the question").click()
    expect(page.get_by_role("alert").or_(page.get_by_role("status")).first).to_contain_text(
        f"Question {code} was added."
    )


def questions_in_order(page) -> list[str]:
    return page.locator("#main [data-question]").evaluate_all(
        "items => items.map(item => item.dataset.question)"
    )


def _create_a_questionnaire(page, administrator):
    """From the empty list of questionnaires to an empty editor."""
    log_in(page, administrator.username)
    page.locator("[data-nav=questionnaires]").click()
    expect(page.get_by_role("heading", name="No questionnaire yet")).to_be_visible()
    page.get_by_test_id("new-questionnaire").click()

    page.get_by_label("Questionnaire code").fill("prisons")
    page.get_by_label("Category").select_option(index=1)
    page.locator("#id_title_0").fill("Persons in prison")
    page.get_by_role("button", name="Create the questionnaire").click()
    expect(page.get_by_test_id("empty-editor")).to_be_visible()
    assert_no_axe_violations(page)


def _write_section_a(page):
    """A section of three questions, the third shown only after a "yes" to the first."""
    page.locator("#new-section-code").fill("A")
    page.locator("#new-section-title").fill("Inspection")
    page.get_by_role("button", name="Add the section").click()
    expect(page.get_by_role("heading", name="A Inspection")).to_be_visible()

    add_question(page, "A", code="A.1", text="Is there an inspection body?", type_label="Yes / no")
    add_question(
        page,
        "A",
        code="A.2",
        text="How many inspections were made last year?",
        type_label="Whole number",
    )
    # The follow-up's condition is picked from the earlier question's values, not typed.
    add_question(
        page,
        "A",
        code="A.3",
        text="Which body inspects?",
        type_label="Short text",
        condition="A.1 = Yes",
    )
    expect(page.locator("[data-question='A.3'] [data-testid=condition]")).to_contain_text(
        "A.1 = Yes"
    )
    assert questions_in_order(page) == ["A.1", "A.2", "A.3"]


def _reorder_the_follow_up(page):
    """The follow-up moves up once, straight after its question, and no further."""
    # Reorder: the follow-up goes straight after its question; it may not go above it.
    page.get_by_role("button", name="Move A.3 up").click()
    expect(page.locator("[data-question]").nth(1)).to_have_attribute("data-question", "A.3")
    assert questions_in_order(page) == ["A.1", "A.3", "A.2"]
    page.get_by_role("button", name="Move A.3 up").click()
    expect(page.get_by_role("status").first).to_contain_text("the relevance condition names 'A.1'")
    assert questions_in_order(page) == ["A.1", "A.3", "A.2"]
    assert_no_axe_violations(page)


def _translate_into_french(page):
    """French texts for all but A.2; the completeness page counts them."""
    # French texts, side by side with the English.
    page.get_by_role("link", name="Translations", exact=True).click()
    page.get_by_role("link", name="Français").click()
    expect(page.get_by_role("heading", name="Translation into Français")).to_be_visible()
    page.get_by_label("Title of the questionnaire in Français").fill("Personnes détenues")
    page.get_by_label("Section title A in Français").fill("Inspection des prisons")
    page.get_by_label("Question A.1 in Français").fill("Existe-t-il un organe d'inspection ?")
    page.get_by_label("Question A.3 in Français").fill("Quel organe inspecte ?")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save the Français texts").click()
    expect(page.get_by_role("status").first).to_contain_text("4 texts saved in Français.")

    page.get_by_role("link", name="Completeness").click()
    expect(page.locator("tr[data-language=fr] [data-testid=percent]")).to_contain_text("80%")
    assert_no_axe_violations(page)


def _preview_in_french(page):
    """The preview in French, its condition live; gives the preview and the follow-up."""
    # The preview in French: the follow-up shows only after "Oui".
    page.get_by_role("link", name="Preview", exact=True).click()
    page.get_by_test_id("preview-languages").get_by_role("link", name="Français").click()
    preview = page.get_by_test_id("preview")
    expect(preview).to_have_attribute("lang", "fr")
    expect(preview.get_by_role("heading", level=2)).to_have_text("Personnes détenues")
    follow_up = preview.locator("[data-question='A.3']")
    expect(follow_up).to_be_hidden()
    preview.get_by_label("Oui").check()
    expect(follow_up).to_be_visible()
    expect(follow_up).to_contain_text("Quel organe inspecte ?")
    preview.get_by_label("Non").check()
    expect(follow_up).to_be_hidden()
    # A.2 has no French text yet: it falls back to English, marked as English.
    expect(preview.locator("[data-question='A.2'] span[lang=en]")).to_have_text(
        "How many inspections were made last year?"
    )
    assert_no_axe_violations(page)
    return preview, follow_up


def _preview_in_arabic(page, preview, follow_up):
    """The same preview in Arabic, right to left."""
    # And in Arabic, right to left, with the same live condition.
    page.get_by_test_id("preview-languages").get_by_role("link", name="العربية").click()
    expect(preview).to_have_attribute("dir", "rtl")
    expect(preview).to_have_attribute("lang", "ar")
    expect(follow_up).to_be_hidden()
    preview.get_by_label("نعم").check()
    expect(follow_up).to_be_visible()
    preview.get_by_label("لا").check()
    expect(follow_up).to_be_hidden()
    assert re.search(r"/preview/\?language=ar$", page.url)
    assert_no_axe_violations(page)


def test_an_administrator_writes_translates_and_previews_a_questionnaire(page, administrator):
    _create_a_questionnaire(page, administrator)
    _write_section_a(page)
    _reorder_the_follow_up(page)
    _translate_into_french(page)
    preview, follow_up = _preview_in_french(page)
    _preview_in_arabic(page, preview, follow_up)
