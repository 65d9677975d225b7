"""The offline round trip in a real browser: download the workbook from the page, upload it
filled in, see the changes and a conflict, confirm; the pages pass the WCAG 2.1 AA check in
English and Arabic."""

import os

import pytest
from django.urls import reverse

from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in
from tests.surveys.offline.test_offline import fill, save, value

pytestmark = pytest.mark.browser

# A folder to keep screenshots of the pages in, to look at them: SCREENSHOTS=/some/folder pytest ...
SCREENSHOTS = os.environ.get("SCREENSHOTS", "")


@pytest.fixture(autouse=True)
def _replies_removed_after_the_test(transactional_db):
    """Replies go before the conftest's clean-up deletes the questionnaire versions (SQLite)."""
    yield
    from surveys.models import Answer, Cycle, CycleInvitation, Reply

    for model in (Answer, Reply, CycleInvitation, Cycle):
        model.objects.all().delete()


@pytest.fixture
def colleague(state_a_contact):
    from portal.models import User

    return User.objects.create(
        username="colleague", role="contact_person", respondent=state_a_contact.respondent
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_upload_and_preview_pages_pass_the_accessibility_check(
    page, live_server, reply, state_a_contact, colleague, language, tmp_path
):
    save(reply, "A.1", "100", state_a_contact)
    save(reply, "B.4", "Prison staff are too few.", state_a_contact)
    log_in(page, state_a_contact.username)
    page.context.add_cookies(
        [{"name": "portal_language", "value": language, "url": live_server.url}]
    )
    page.goto(reverse("surveys:reply_xlsx_upload", args=[reply.pk]))
    with page.expect_download() as started:
        page.get_by_test_id("download").click()
    data = fill(
        started.value.path().read_bytes(),
        {"A.1": 300, "B.3": "National Prison Service", ("B.1", "probation"): "Yes",
         "B.4": "Prison staff are too few.\nThe budget was cut in 2024."},
    )  # fmt: skip
    save(reply, "A.1", "200", colleague)
    workbook = tmp_path / "filled.xlsx"
    workbook.write_bytes(data)
    assert_no_axe_violations(page)
    _screenshot(page, f"upload-{language}")
    # A file with mistakes: listed by question code, nothing saved.
    wrong = tmp_path / "wrong.xlsx"
    wrong.write_bytes(fill(data, {"A.3": 0.1, "A.2": "Maybe"}))
    page.locator("input[type=file]").set_input_files(str(wrong))
    page.get_by_test_id("upload").click()
    problems = page.get_by_test_id("upload-problems")
    problems.wait_for()
    assert problems.locator("tbody tr").count() == 2
    assert_no_axe_violations(page)
    _screenshot(page, f"problems-{language}")

    page.locator("input[type=file]").set_input_files(str(workbook))
    page.get_by_test_id("upload").click()
    page.get_by_test_id("confirm").wait_for()
    assert page.get_by_test_id("change").count() == 3
    assert page.get_by_test_id("conflict").count() == 1
    assert_no_axe_violations(page)
    _screenshot(page, f"preview-{language}")
    page.get_by_test_id("confirm").click()
    page.get_by_test_id("outcome").wait_for()
    assert_no_axe_violations(page)
    _screenshot(page, f"outcome-{language}")
    assert value(reply, "B.3") == "National Prison Service" and value(reply, "A.1") == "200"


def _screenshot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)
