"""Who may open which page of a consultation: anonymous visitors, outsiders, contact persons not
invited, reviewers (resolution 2004/28, paras. 6-7 and 16-17)."""

import pytest

from surveys.models import (
    Consultation,
    ConsultationComment,
    Resolution,
)
from tests.surveys.consultation.helpers import MEETING

pytestmark = pytest.mark.django_db


def _urls(version, comment):
    return {
        "consultation": f"/questionnaires/versions/{version.pk}/consultation/",
        "close": f"/questionnaires/versions/{version.pk}/consultation/close/",
        "approve": f"/questionnaires/versions/{version.pk}/approve/",
        "comments": f"/questionnaires/versions/{version.pk}/comments/",
        "resolve": f"/questionnaires/consultation-comments/{comment.pk}/resolve/",
        "inbox": "/questionnaires/consultations/",
    }


@pytest.mark.parametrize(
    ("page", "method"),
    [
        ("consultation", "get"),
        ("consultation", "post"),
        ("close", "post"),
        ("approve", "post"),
        ("comments", "get"),
        ("comments", "post"),
        ("resolve", "post"),
        ("inbox", "get"),
    ],
)
def test_an_anonymous_visitor_is_sent_to_log_in(client, draft, commented, page, method):
    response = getattr(client, method)(_urls(draft, commented)[page])
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")


@pytest.mark.parametrize(
    ("page", "method"),
    [
        ("consultation", "get"),
        ("consultation", "post"),
        ("close", "post"),
        ("approve", "post"),
        ("comments", "get"),
        ("comments", "post"),
        ("resolve", "post"),
    ],
)
@pytest.mark.parametrize("actor", ["state_b_contact", "delegate"])
def test_an_outsider_is_refused_and_sees_nothing(
    client_for, request, draft, commented, page, method, actor
):
    client = client_for(request.getfixturevalue(actor))
    response = getattr(client, method)(
        _urls(draft, commented)[page], {"text": "Sneaky", "question": ""}
    )
    assert response.status_code == 403
    assert "inspection body" not in response.content.decode()
    assert ConsultationComment.objects.count() == 1


def test_the_inbox_is_for_contact_persons_only(client_for, delegate, reviewer):
    assert client_for(delegate).get("/questionnaires/consultations/").status_code == 403
    assert client_for(reviewer).get("/questionnaires/consultations/").status_code == 403


def test_a_contact_person_not_invited_finds_nothing_in_the_inbox(
    client_for, state_b_contact, commented
):
    response = client_for(state_b_contact).get("/questionnaires/consultations/")
    assert response.status_code == 200
    assert response.context["open_consultations"] == []
    assert "Sample questionnaire" not in response.content.decode()


@pytest.mark.parametrize("page", ["close", "approve", "resolve"])
def test_a_reviewer_reads_the_consultation_but_cannot_act(
    client_for, reviewer, draft, commented, page
):
    client = client_for(reviewer)
    urls = _urls(draft, commented)
    page_html = client.get(urls["consultation"]).content.decode()
    assert "Name the inspection body in the question." in page_html
    assert "Taken into account</button>" not in page_html
    data = {
        "resolution": "taken",
        "note": "",
        "change_log": "x",
        "meeting": MEETING,
        "date": "2026-05-20",
    }
    assert client.post(urls[page], data).status_code == 403
    commented.refresh_from_db()
    assert commented.resolution == Resolution.PENDING
    assert Consultation.objects.get().is_open


def test_a_reviewer_cannot_circulate(client_for, reviewer, draft, kenya):
    response = client_for(reviewer).post(
        f"/questionnaires/versions/{draft.pk}/consultation/", {"respondents": [kenya.pk]}
    )
    assert response.status_code == 403
    assert not Consultation.objects.exists()


def test_the_secretariat_following_a_comment_link_lands_on_the_consultation_page(
    client_for, reviewer, draft, commented
):
    response = client_for(reviewer).get(f"/questionnaires/versions/{draft.pk}/comments/")
    assert response.status_code == 302
    assert response.url == f"/questionnaires/versions/{draft.pk}/consultation/"


def test_an_unknown_version_is_not_found(client_for, administrator, reference_data):
    assert (
        client_for(administrator).get("/questionnaires/versions/999/consultation/").status_code
        == 404
    )
