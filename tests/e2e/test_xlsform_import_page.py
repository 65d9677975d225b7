"""The XLSForm import page, in English and Arabic: a refused file's located errors, and what the
portal would not keep from it, listed under their headings (issue 14)."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in
from tests.surveys.workbooks import workbook_bytes

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

REFUSED_WITH_LOSSES = workbook_bytes(
    {
        "survey": [
            ["type", "name", "label", "calculation", "appearance"],
            ["begin group", "s", "Section", None, "w5"],
            ["integer", "n", "How many?", None, None],
            ["text", "t", "Details", "concat('a', 'b')", None],
            ["begin repeat", "member", "Member", None, None],
            ["text", "member_name", "Name", None, None],
            ["end repeat", None, None, None, None],
            ["end group", None, None, None, None],
        ],
        "settings": [["form_id", "category"], ["household", "c"]],
    }
)


MESSAGES = {
    "en": {
        "repeat": "survey sheet, row 5, column type (A): the repeat 'member' ('begin repeat') is "
        "not supported by the portal",
        "column": "survey sheet, column calculation (D): not kept by the portal; its value in 1 "
        "row was left out",
        "appearance": "the appearance 'w5' is not kept by the portal",
    },
    "ar": {
        "repeat": "الورقة survey، الصف 5، العمود type (A): لا تدعم البوابة التكرار 'member' "
        "('begin repeat')",
        "column": "الورقة survey، العمود calculation (D): لا تحتفظ البوابة بهذا العمود؛ وقد "
        "أُغفلت قيمته في صف واحد",
        "appearance": "لا تحتفظ البوابة بالمظهر 'w5'",
    },
}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_import_page_lists_located_errors_and_what_is_not_kept(
    page, administrator, language, tmp_path
):
    log_in(page, administrator.username)
    if language != "en":
        page.locator("#language-menu").click()
        page.locator(f"button[name=language][value={language}]").click()
        page.wait_for_load_state()
    page.goto(reverse("surveys:questionnaire_import"))
    upload = tmp_path / "household.xlsx"
    upload.write_bytes(REFUSED_WITH_LOSSES)
    page.locator("input[type=file]").set_input_files(str(upload))
    page.locator("main button.btn-primary[type=submit]").click()
    errors = page.get_by_test_id("import-errors")
    warnings = page.get_by_test_id("import-warnings")
    expected = MESSAGES[language]
    expect(errors).to_contain_text(expected["repeat"])
    expect(warnings).to_contain_text(expected["column"])
    expect(warnings).to_contain_text(expected["appearance"])
    # the messages are in the page's language, which sets their direction
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    if language == "ar":
        assert "not kept" not in warnings.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"xlsform-import-{language}.png"), full_page=True)
    assert_no_axe_violations(page)
