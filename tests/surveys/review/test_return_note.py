"""The note sent with a return is written in the languages the respondent's contact persons read,
and each reads it in their own (issue 11)."""

import pytest
from django.urls import reverse

from portal.roles import Role
from surveys.models import ReplyEvent, ReplyStatus
from tests.factories import user_with_role
from tests.surveys.review.test_review import submitted

pytestmark = pytest.mark.django_db


def test_each_contact_person_reads_the_return_note_in_their_language(
    reply, lead, reviewer, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    user_with_role(Role.CONTACT_PERSON, lead.respondent, username="ken-fr", preferred_language="fr")
    submitted(reply, lead)
    client = client_for(reviewer)
    page = client.get(reverse("surveys:reply_review", args=[reply.pk])).content.decode()
    assert 'name="note_en"' in page and 'name="note_fr"' in page and 'name="note_ar"' in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("surveys:reply_return", args=[reply.pk]),
            {"note_en": "Please check the totals.", "note_fr": "Veuillez vérifier les totaux."},
        )
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.RETURNED
    event = ReplyEvent.objects.get(reply=reply, to_status=ReplyStatus.RETURNED)
    assert event.note == {"en": "Please check the totals.", "fr": "Veuillez vérifier les totaux."}
    bodies = {message.to[0]: message.body for message in mailoutbox}
    assert "Veuillez vérifier les totaux." in bodies["ken-fr@example.org"]
    assert "Please check the totals." not in bodies["ken-fr@example.org"]
    assert "Please check the totals." in bodies[lead.email]
