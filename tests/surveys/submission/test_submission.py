"""Submitting a reply: the completeness check, only the lead confirms, the reply is frozen in a
numbered snapshot, every contact person is e-mailed, and the PDF prints the snapshot."""

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse

from portal.roles import Role
from surveys.answering.services import answer_save
from surveys.models import Channel, Reply, ReplySnapshot, ReplyStatus
from surveys.submission.attachments import attachment_add
from surveys.submission.printing import submitted_reply_html
from surveys.submission.services import SUPPORTING_DOCUMENTS, SubmitRefused, reply_submit
from tests.factories import user_with_role
from tests.surveys.questionnaires.test_printing import pdf_text
from tests.surveys.replies import approved_version, open_cycle, reply_for
from tests.surveys.samples import sample_document
from tests.surveys.submission.test_attachments import pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def named_lead(lead):
    """The lead contact person, with the name the e-mails and pages here are checked for."""
    lead.first_name, lead.last_name = "Wanjiru", "Kamau"
    lead.save()
    return lead


@pytest.fixture
def colleague(state_a_contact):
    return user_with_role(
        Role.CONTACT_PERSON, state_a_contact.respondent, username="ken-colleague",
        preferred_language="fr",
    )  # fmt: skip


def answer(reply, code, value, by, *, other_text="", channel=Channel.WEB, reason=""):
    question = reply.cycle.version.questions.get(code=code)
    current = reply.answers.filter(question=question).first()
    return answer_save(
        reply=reply, question=question, value=value, other_text=other_text,
        base_revision=current.revision if current else 0, by=by, channel=channel, reason=reason,
    )  # fmt: skip


def submit_url(reply):
    return reverse("surveys:reply_submit", args=[reply.pk])


def section_link(reply, code):
    """Where the completeness check sends the reader for question `code`."""
    question = reply.cycle.version.questions.get(code=code)
    section = reverse("surveys:reply_section", args=[reply.pk, question.section_id])
    return f"{section}#question-{question.pk}"


# --- The service -------------------------------------------------------------------------------


def test_it_refuses_to_submit_with_a_required_answer_missing(reply, lead):
    with pytest.raises(SubmitRefused) as refused:
        reply_submit(reply=reply, by=lead, may_publish=True)
    assert [q.code for q in refused.value.missing] == ["A.1"]
    assert "A.1" in refused.value.message
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.NOT_STARTED and not ReplySnapshot.objects.exists()


def test_a_question_that_is_not_relevant_is_not_required(administrator, reference_data, lead):
    document = sample_document()
    inspection_frequency = document.sections[0].questions[2]
    assert inspection_frequency.code == "A.2.1"
    inspection_frequency.required = True
    reply = reply_for(open_cycle(administrator, approved_version(administrator, document)), "KEN")
    answer(reply, "A.1", "1200", lead)
    answer(reply, "A.2", "no", lead)  # A.2.1 is asked only when A.2 is "yes"
    assert reply_submit(reply=reply, by=lead, may_publish=False).number == 1


def test_a_required_file_question_counts_as_answered_once_it_has_a_file(
    administrator, reference_data, lead
):
    document = sample_document()
    law = document.sections[1].questions[4]
    assert law.code == "B.5"
    law.required = True
    reply = reply_for(open_cycle(administrator, approved_version(administrator, document)), "KEN")
    answer(reply, "A.1", "1200", lead)
    with pytest.raises(SubmitRefused) as refused:
        reply_submit(reply=reply, by=lead, may_publish=True)
    assert [q.code for q in refused.value.missing] == ["B.5"]
    attachment_add(
        reply=reply, by=lead, upload=upload("Prisons Act.pdf", pdf_bytes()),
        question=reply.cycle.version.questions.get(code="B.5"),
    )  # fmt: skip
    snapshot = reply_submit(reply=reply, by=lead, may_publish=True)
    assert [f["name"] for f in snapshot.answers["B.5"]["files"]] == ["Prisons Act.pdf"]


def test_only_the_lead_contact_person_submits(reply, lead, colleague, reviewer, state_b_contact):
    answer(reply, "A.1", "1200", colleague)
    with pytest.raises(SubmitRefused, match="Only the lead contact person"):
        reply_submit(reply=reply, by=colleague, may_publish=True)
    for outsider in (reviewer, state_b_contact):
        with pytest.raises(PermissionDenied):
            reply_submit(reply=reply, by=outsider, may_publish=True)
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.IN_PROGRESS


def test_the_lead_submits_and_the_reply_is_frozen_in_a_snapshot(reply, lead, colleague):
    answer(reply, "A.1", "1200", colleague)
    answer(reply, "B.1", ["probation", "other"], lead, other_text="Curfew")
    attachment_add(reply=reply, by=lead, upload=upload("Strategy.pdf", pdf_bytes()))
    removed = attachment_add(reply=reply, by=lead, upload=upload("Old draft.pdf", pdf_bytes()))
    removed.removed_at = removed.uploaded_at
    removed.save()

    snapshot = reply_submit(reply=reply, by=lead, may_publish=True)

    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SUBMITTED and not reply.is_answerable
    assert (reply.submitted_by, reply.submitted_at, reply.may_publish) == (
        lead, snapshot.submitted_at, True,
    )  # fmt: skip
    assert snapshot.number == 1 and snapshot.may_publish is True and snapshot.submitted_by == lead
    assert snapshot.answers["A.1"] == {"value": "1200", "other": "", "files": []}
    assert snapshot.answers["B.1"]["value"] == ["probation", "other"]
    assert snapshot.answers["B.1"]["other"] == "Curfew"
    assert [f["name"] for f in snapshot.answers[SUPPORTING_DOCUMENTS]["files"]] == ["Strategy.pdf"]
    with pytest.raises(SubmitRefused, match="already been submitted"):
        reply_submit(reply=reply, by=lead, may_publish=True)
    assert ReplySnapshot.objects.count() == 1


def test_it_needs_the_word_on_publication(reply, lead):
    answer(reply, "A.1", "1200", lead)
    with pytest.raises(SubmitRefused, match="published on the portal"):
        reply_submit(reply=reply, by=lead, may_publish=None)


def test_a_reply_returned_for_clarification_is_resubmitted_as_a_second_snapshot(reply, lead):
    answer(reply, "A.1", "1200", lead)
    reply_submit(reply=reply, by=lead, may_publish=False)
    Reply.objects.filter(pk=reply.pk).update(status=ReplyStatus.RETURNED)
    reply.refresh_from_db()
    answer(reply, "A.1", "1250", lead)
    second = reply_submit(reply=reply, by=lead, may_publish=True)
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.RESUBMITTED and second.number == 2
    first = ReplySnapshot.objects.get(reply=reply, number=1)
    assert (first.answers["A.1"]["value"], second.answers["A.1"]["value"]) == ("1200", "1250")


def test_a_later_correction_by_the_secretariat_leaves_the_snapshot_as_submitted(
    reply, lead, reviewer
):
    answer(reply, "A.1", "1200", lead)
    snapshot = reply_submit(reply=reply, by=lead, may_publish=True)
    answer(reply, "A.1", "12000", reviewer, channel=Channel.STAFF, reason="A zero was missing")
    snapshot.refresh_from_db()
    assert snapshot.answers["A.1"]["value"] == "1200"
    assert reply.answers.get(question__code="A.1").value == "12000"
    text = pdf_text(_pdf(reply, snapshot, "en"))
    assert "1,200" in text and "12,000" not in text


def test_every_contact_person_is_emailed_in_their_language(
    reply, named_lead, colleague, state_b_contact, mailoutbox, django_capture_on_commit_callbacks
):
    user_with_role(Role.CONTACT_PERSON, named_lead.respondent, username="ken-gone", is_active=False)
    answer(reply, "A.1", "1200", named_lead)
    with django_capture_on_commit_callbacks(execute=True):
        reply_submit(
            reply=reply, by=named_lead, may_publish=True, base_url="https://portal.example.org/"
        )
    by_address = {message.to[0]: message for message in mailoutbox}
    assert sorted(by_address) == sorted([named_lead.email, colleague.email])
    english, french = by_address[named_lead.email], by_address[colleague.email]
    assert english.subject == "Reply submitted: Kenya, Test cycle 2027"
    assert "submitted by Wanjiru Kamau" in english.body
    assert "The reply may be published on the portal." in english.body
    pdf = f"https://portal.example.org/questionnaires/replies/{reply.pk}/snapshots/1/pdf/"
    assert f"{pdf}?language=en" in english.body and f"{pdf}?language=fr" in french.body
    assert "Questionnaire type" in french.body  # the questionnaire's title in French


def test_nothing_is_emailed_when_the_submit_is_refused(reply, lead, mailoutbox):
    with pytest.raises(SubmitRefused):
        reply_submit(reply=reply, by=lead, may_publish=True)
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)
def test_two_submits_at_once_make_one_snapshot(administrator, reference_data, lead):
    if connection.vendor != "postgresql":
        pytest.skip("row locks between connections need PostgreSQL")
    reply = reply_for(open_cycle(administrator), "KEN")
    answer(reply, "A.1", "1200", lead)
    barrier, outcomes = threading.Barrier(2), []

    def submit():
        barrier.wait()
        try:
            outcomes.append(reply_submit(reply=reply, by=lead, may_publish=True).number)
        except SubmitRefused as refused:
            outcomes.append(refused.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes, key=str) == [1, "This reply has already been submitted."]
    assert ReplySnapshot.objects.filter(reply=reply).count() == 1


# --- The PDF of a submission --------------------------------------------------------------------


def _pdf(reply, snapshot, language):
    from portal.pdf import html_to_pdf

    return html_to_pdf(html=submitted_reply_html(reply=reply, snapshot=snapshot, language=language))


def test_the_pdf_prints_the_submitted_answers(reply, named_lead):
    answer(reply, "A.1", "1200", named_lead)
    answer(reply, "A.2", "yes", named_lead)
    answer(reply, "A.2.1", "other", named_lead, other_text="After each riot")
    answer(reply, "B.1", ["probation", "fine"], named_lead)
    answer(reply, "B.2", {"probation": "fully"}, named_lead)
    answer(reply, "B.4", "Overcrowding <b>and</b> staff shortages.", named_lead)
    attachment_add(
        reply=reply, by=named_lead, upload=upload("Prisons Act.pdf", pdf_bytes()),
        question=reply.cycle.version.questions.get(code="B.5"),
    )  # fmt: skip
    snapshot = reply_submit(reply=reply, by=named_lead, may_publish=False)
    text = pdf_text(_pdf(reply, snapshot, "en"))
    for expected in (
        "Sample questionnaire", "Reply of Kenya", "Submission 1", "Wanjiru Kamau",
        "Not agreed: the reply is not published on the portal.",
        "A.1 How many prisoners? 1,200 persons", "A.2 Is there an inspection body? Yes",
        "Other, please specify: After each riot", "Probation; Fine", "Probation Fully",
        "Overcrowding <b>and</b> staff shortages.", "Prisons Act.pdf",
    ):  # fmt: skip
        assert expected in text, expected
    assert "A.3 Occupancy rate No answer" in text


def test_the_pdf_prints_in_arabic(reply, lead):
    answer(reply, "A.1", "1200", lead)
    snapshot = reply_submit(reply=reply, by=lead, may_publish=True)
    html = submitted_reply_html(reply=reply, snapshot=snapshot, language="ar")
    assert '<html lang="ar" dir="rtl">' in html
    text = pdf_text(_pdf(reply, snapshot, "ar"))
    assert "الأشخاص المحتجزون" in text and "كينيا" in text


def test_the_pdf_is_downloaded_in_the_readers_language(client_for, reply, lead, monkeypatch):
    monkeypatch.setattr(
        "surveys.submission.views.snapshots.html_to_pdf", lambda *, html: html.encode()
    )
    answer(reply, "A.1", "1200", lead)
    reply_submit(reply=reply, by=lead, may_publish=True)
    client = client_for(lead)
    url = reverse("surveys:snapshot_pdf", args=[reply.pk, 1])
    response = client.get(url + "?language=fr")
    assert response.status_code == 200 and b'<html lang="fr"' in response.content
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))
    assert response["Content-Disposition"] == (
        'attachment; filename="sample-KEN-submission-1-fr.pdf"'
    )
    assert client.get(url + "?language=xx").status_code == 404
    assert client.get(reverse("surveys:snapshot_pdf", args=[reply.pk, 2])).status_code == 404


@pytest.mark.parametrize(
    ("outsider", "expected"), [("state_b_contact", 404), ("delegate", 403), (None, 302)]
)
def test_outsiders_never_get_a_submission_pdf(request, client_for, reply, lead, outsider, expected):
    answer(reply, "A.1", "1200", lead)
    reply_submit(reply=reply, by=lead, may_publish=True)
    user = request.getfixturevalue(outsider) if outsider else None
    response = client_for(user).get(reverse("surveys:snapshot_pdf", args=[reply.pk, 1]))
    assert response.status_code == expected


# --- The submit page ----------------------------------------------------------------------------


def test_the_page_lists_each_missing_required_answer_with_its_link(client_for, reply, lead):
    response = client_for(lead).get(submit_url(reply))
    assert response.status_code == 200
    content = response.content.decode()
    assert "1 required question is still unanswered:" in content
    assert f'href="{section_link(reply, "A.1")}"' in content
    assert 'data-testid="submit-form"' not in content


def test_a_submit_with_an_answer_missing_is_refused_and_lists_it(client_for, reply, lead):
    response = client_for(lead).post(submit_url(reply), {"may_publish": "yes"})
    assert response.status_code == 409
    content = response.content.decode()
    assert "Some required questions are still unanswered: A.1." in content
    assert f'href="{section_link(reply, "A.1")}"' in content
    assert Reply.objects.get(pk=reply.pk).is_answerable


def test_a_colleague_sees_who_the_lead_is_and_cannot_submit(
    client_for, reply, named_lead, colleague
):
    answer(reply, "A.1", "1200", colleague)
    client = client_for(colleague)
    content = client.get(submit_url(reply)).content.decode()
    # The colleague reads the portal in French, as they prefer.
    assert "Wanjiru Kamau" in content and '<html lang="fr"' in content
    client.cookies["portal_language"] = "en"
    content = client.get(submit_url(reply)).content.decode()
    assert "Only the lead contact person of Kenya, Wanjiru Kamau, can submit the reply." in content
    assert 'data-testid="submit-form"' not in content
    response = client.post(submit_url(reply), {"may_publish": "yes"})
    assert response.status_code == 409 and not ReplySnapshot.objects.exists()


def test_without_a_lead_the_page_says_to_ask_the_secretariat(client_for, reply, state_a_contact):
    content = client_for(state_a_contact).get(submit_url(reply)).content.decode()
    assert "Kenya has no lead contact person yet" in content


def test_the_lead_submits_and_sees_the_confirmation_and_the_pdf_link(
    client_for, reply, lead, django_capture_on_commit_callbacks, mailoutbox
):
    answer(reply, "A.1", "1200", lead)
    client = client_for(lead)
    assert 'data-testid="submit-form"' in client.get(submit_url(reply)).content.decode()
    response = client.post(submit_url(reply), {})
    assert response.status_code == 422
    assert "Say whether the reply may be published on the portal." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(reply), {"may_publish": "no"}, follow=True)
    content = response.content.decode()
    assert "The reply has been submitted (submission 1)." in content
    assert reverse("surveys:snapshot_pdf", args=[reply.pk, 1]) in content
    assert 'data-testid="submitted"' in content and 'data-testid="submit-form"' not in content
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.SUBMITTED and reply.may_publish is False
    assert [m.to for m in mailoutbox] == [[lead.email]]


def test_the_secretariat_reads_the_page_but_does_not_submit(client_for, reply, lead, reviewer):
    answer(reply, "A.1", "1200", lead)
    client = client_for(reviewer)
    assert client.get(submit_url(reply)).status_code == 200
    assert client.post(submit_url(reply), {"may_publish": "yes"}).status_code == 403
    assert not ReplySnapshot.objects.exists()


@pytest.mark.parametrize(
    ("outsider", "expected"), [("state_b_contact", 404), ("delegate", 403), (None, 302)]
)
def test_outsiders_never_reach_the_submit_page(
    request, client_for, reply, lead, outsider, expected
):
    answer(reply, "A.1", "1200", lead)
    user = request.getfixturevalue(outsider) if outsider else None
    client = client_for(user)
    assert client.get(submit_url(reply)).status_code == expected
    assert client.post(submit_url(reply), {"may_publish": "yes"}).status_code == expected
    assert not ReplySnapshot.objects.exists()


def test_the_page_makes_the_same_number_of_queries_whatever_the_submissions(
    client_for, reply, lead, django_assert_num_queries
):
    client = client_for(lead)
    # session, user with their respondent (the menu's), reply, version content (5), answers,
    # files, lead, invitation, submissions
    with django_assert_num_queries(14):
        client.get(submit_url(reply))
    answer(reply, "A.1", "1200", lead)
    for _ in range(3):
        reply_submit(reply=reply, by=lead, may_publish=True)
        Reply.objects.filter(pk=reply.pk).update(status=ReplyStatus.RETURNED)
    reply_submit(reply=reply, by=lead, may_publish=True)
    # Submitted: no completeness check (no version content, answers or files); the comments
    # the Secretariat sent (surveys.review.views) are one query.
    with django_assert_num_queries(8):
        assert (
            client.get(submit_url(reply)).content.decode().count('data-testid="snapshot-pdf"') == 4
        )


def test_the_pdf_is_tagged_with_its_language_and_title(reply, lead):
    from tests.pdf_metadata import pdf_info

    answer(reply, "A.1", "1200", lead)
    snapshot = reply_submit(reply=reply, by=lead, may_publish=False)
    info = pdf_info(_pdf(reply, snapshot, "ar"))
    assert info["Tagged"] == "yes" and info["Lang"] == "ar"
    assert info["Title"].startswith("sample · KEN · ")
