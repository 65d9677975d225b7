"""Each upload page refuses a file over its limit as it arrives (portal.uploads): attachments over
ATTACHMENT_MAX_BYTES, offline replies and XLSForms over the workbook limit; nothing is saved and
the page says how large a file may be."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from surveys.models import Attachment, QuestionnaireVersion


@pytest.fixture(autouse=True)
def small_limits(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ATTACHMENT_MAX_BYTES = 5_000
    settings.UPLOAD_FORM_ROOM_BYTES = 2_000
    monkeypatch.setattr("surveys.offline.views.MAX_FILE_BYTES", 5_000)
    monkeypatch.setattr("surveys.exchange.views.MAX_FILE_BYTES", 5_000)


def big(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4" + b" " * 50_000)


REFUSAL = "The file is too large: at most 4.9\xa0KB can be uploaded. Nothing was saved."


def test_an_attachment_over_the_limit_is_refused_with_the_limit_named(
    client_for, reply, state_a_contact
):
    url = reverse("surveys:reply_attachments", args=[reply.pk])
    response = client_for(state_a_contact).post(
        url, {"target": "supporting", "supporting-file": big("Act.pdf")}, follow=True
    )
    assert response.redirect_chain == [(url, 302)]
    assert REFUSAL in response.content.decode()
    assert not Attachment.objects.exists()


def test_an_offline_reply_over_the_limit_is_refused(client_for, reply, state_a_contact):
    url = reverse("surveys:reply_xlsx_upload", args=[reply.pk])
    response = client_for(state_a_contact).post(url, {"file": big("reply.xlsx")}, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert REFUSAL in response.content.decode()


def test_an_xlsform_over_the_limit_is_refused(client_for, administrator):
    url = reverse("surveys:questionnaire_import")
    versions = QuestionnaireVersion.objects.count()
    response = client_for(administrator).post(url, {"file": big("form.xlsx")}, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert REFUSAL in response.content.decode()
    assert QuestionnaireVersion.objects.count() == versions
