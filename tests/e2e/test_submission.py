"""Files and submission in a real browser: the completeness check lists a missing answer with a
link to it; files are uploaded (a disguised one is refused); the lead submits, sees the
confirmation and downloads the PDF; another State's contact person gets 404 on the file."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from surveys.answering.services import answer_save
from surveys.models import Attachment, Channel, ReplyStatus
from tests.e2e.accessibility import assert_no_axe_violations
from tests.e2e.test_layout import log_in
from tests.surveys.questionnaires.test_printing import pdf_text
from tests.surveys.submission.test_attachments import docx_bytes, pdf_bytes

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_lead_checks_answers_attaches_submits_and_downloads_the_pdf(
    page, browser, live_server, reply, lead, state_b_contact
):
    version = reply.cycle.version
    a1, b5 = (version.questions.get(code=code) for code in ("A.1", "B.5"))
    submit_url = f"/questionnaires/replies/{reply.pk}/submit/"
    log_in(page, lead.username)

    # The completeness check lists the missing required answer, linked to its question.
    page.goto(submit_url)
    missing = page.get_by_test_id("missing")
    expect(missing).to_contain_text("1 required question is still unanswered")
    link = missing.get_by_role("link", name="A.1 How many prisoners?")
    expect(link).to_have_attribute(
        "href", f"/questionnaires/replies/{reply.pk}/sections/{a1.section_id}/#question-{a1.pk}"
    )
    expect(page.get_by_test_id("submit-form")).to_have_count(0)
    assert_no_axe_violations(page)
    link.click()
    expect(page.locator(f"#question-{a1.pk}")).to_be_visible()

    # Answered (the answering pages have their own browser tests), the file attached.
    answer_save(
        reply=reply, question=a1, value="1200", base_revision=0, by=lead, channel=Channel.WEB
    )
    page.goto(f"/questionnaires/replies/{reply.pk}/attachments/")
    law = page.locator("#attach-B\\.5")
    law.get_by_label("File for B.5").set_input_files(
        files=[{"name": "Prisons Act.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    law.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("status").first).to_contain_text("“Prisons Act.pdf” has been added")
    expect(
        page.locator("#attach-B\\.5").get_by_role("link", name="Prisons Act.pdf")
    ).to_be_visible()
    supporting = page.locator("#supporting")
    supporting.get_by_label("Supporting document").set_input_files(
        files=[{"name": "Policy.pdf", "mimeType": "application/pdf", "buffer": docx_bytes()}]
    )
    supporting.get_by_role("button", name="Upload").click()
    expect(page.locator("#supporting")).to_contain_text(
        "“Policy.pdf”: the name ends in .pdf but the file is a Word document (DOCX)."
    )
    assert list(Attachment.objects.values_list("original_name", flat=True)) == ["Prisons Act.pdf"]
    assert_no_axe_violations(page)
    attachment = Attachment.objects.get()

    # Complete now: the lead states the word on publication and submits.
    page.goto(submit_url)
    expect(page.get_by_test_id("complete")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Yes, the reply may be published on the portal.").check()
    page.get_by_role("button", name="Submit the reply").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "The reply has been submitted (submission 1)."
    )
    expect(page.get_by_test_id("reply-status")).to_have_text("Submitted")
    with page.expect_download() as download_info:
        page.get_by_test_id("snapshot-pdf").click()
    download = download_info.value
    assert download.suggested_filename == "sample-KEN-submission-1-en.pdf"
    text = pdf_text(Path(download.path()).read_bytes())
    assert "Reply of Kenya" in text and "1,200 persons" in text and "Prisons Act.pdf" in text
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SUBMITTED and reply.may_publish is True

    # Another State's contact person finds nothing at these addresses.
    context = browser.new_context(base_url=live_server.url)
    senegal = context.new_page()
    log_in(senegal, state_b_contact.username)
    for url in (
        f"/questionnaires/attachments/{attachment.token}/",
        submit_url,
        f"/questionnaires/replies/{reply.pk}/snapshots/1/pdf/",
    ):
        assert senegal.request.get(url).status == 404, url
    context.close()


def test_the_submit_page_passes_the_accessibility_check_in_arabic(page, live_server, reply, lead):
    answer_save(
        reply=reply,
        question=reply.cycle.version.questions.get(code="A.1"),
        value="1200",
        base_revision=0,
        by=lead,
        channel=Channel.WEB,
    )
    log_in(page, lead.username)
    page.context.add_cookies([{"name": "portal_language", "value": "ar", "url": live_server.url}])
    page.goto(f"/questionnaires/replies/{reply.pk}/submit/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_test_id("submit-form")).to_be_visible()
    assert_no_axe_violations(page)
    page.locator("#id_may_publish_1").check()
    page.locator("[data-testid=submit-form] button[type=submit]").click()
    expect(page.get_by_test_id("snapshots")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"/questionnaires/replies/{reply.pk}/attachments/")
    assert_no_axe_violations(page)
