"""Consultation on a draft and its approval (resolution 2004/28, paras. 6-7 and 16-17): the
services, who may open which page, and what each page shows."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from portal.models import RegionalGroup, Respondent, RespondentType
from portal.roles import Role
from surveys.consultation.services import (
    ConsultationRefused,
    consultation_close_and_revise,
    consultation_comment_add,
    consultation_comment_resolve,
    consultation_open,
    version_approve,
)
from surveys.models import (
    Consultation,
    ConsultationComment,
    Question,
    QuestionnaireVersion,
    Resolution,
    VersionStatus,
)
from surveys.questionnaires.versions import version_from_document
from tests.factories import respondent_of_type, user_with_role
from tests.surveys.samples import sample_document

pytestmark = pytest.mark.django_db

MEETING = "Intersessional meeting of the Commission on Crime Prevention and Criminal Justice"


@pytest.fixture
def draft(reference_data, administrator):
    return version_from_document(document=sample_document(), by=administrator)


@pytest.fixture
def kenya(reference_data):
    return Respondent.objects.get(code="KEN")


@pytest.fixture
def senegal(reference_data):
    return Respondent.objects.get(code="SEN")


@pytest.fixture
def consultation(draft, administrator, kenya, state_a_contact):
    """The draft circulated to Kenya only: Senegal's contact person is an outsider."""
    return consultation_open(
        version=draft,
        respondents=[kenya],
        by=administrator,
        note="Please comment by the deadline.",
        deadline=datetime.date(2026, 3, 31),
    )


def _question(version, code) -> Question:
    return version.questions.get(code=code)


def _approve(version, administrator, **changes):
    return version_approve(
        version=version,
        by=administrator,
        meeting=changes.get("meeting", MEETING),
        date=changes.get("date", datetime.date(2026, 5, 20)),
        decision=changes.get("decision", "E/CN.15/2026/L.3"),
    )


# --- Services ----------------------------------------------------------------------------------


def test_circulating_freezes_the_draft_and_records_whom_it_invites(consultation, draft, kenya):
    draft.refresh_from_db()
    assert draft.status == VersionStatus.CONSULTATION
    assert list(consultation.respondents.all()) == [kenya]
    assert consultation.is_open and consultation.deadline == datetime.date(2026, 3, 31)
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(version=draft).update(required=True)


def test_circulating_emails_each_active_contact_person_once_in_their_language(
    draft, administrator, kenya, senegal, state_a_contact, state_b_contact, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    state_b_contact.preferred_language = "fr"
    state_b_contact.save()
    colleague = user_with_role(Role.CONTACT_PERSON, kenya, username="kenya-2")
    user_with_role(Role.CONTACT_PERSON, kenya, username="kenya-gone", is_active=False)
    user_with_role(Role.CONTACT_PERSON, kenya, username="kenya-no-mail", email="")
    outsider = user_with_role(Role.CONTACT_PERSON, Respondent.objects.get(code="FRA"))
    with django_capture_on_commit_callbacks(execute=True):
        consultation_open(
            version=draft,
            respondents=[kenya, senegal],
            by=administrator,
            note="Comments by March, please.",
            base_url="https://portal.example.org/",
        )
    by_address = {message.to[0]: message for message in mailoutbox}
    assert sorted(by_address) == sorted(
        [state_a_contact.email, colleague.email, state_b_contact.email]
    )
    assert outsider.email not in by_address
    english, french = by_address[state_a_contact.email], by_address[state_b_contact.email]
    assert "Sample questionnaire" in english.subject
    assert "Questionnaire type" in french.subject  # the title in the reader's language
    link = f"https://portal.example.org/questionnaires/versions/{draft.pk}/comments/"
    assert link in english.body and link in french.body
    assert "Comments by March, please." in english.body
    assert "Kenya" in english.body and "Sénégal" in french.body


@pytest.mark.parametrize("status", [VersionStatus.APPROVED, VersionStatus.CONSULTATION])
def test_it_refuses_to_circulate_a_version_that_is_not_a_draft(draft, administrator, kenya, status):
    if status == VersionStatus.APPROVED:
        _approve(draft, administrator)
    else:
        consultation_open(version=draft, respondents=[kenya], by=administrator)
    with pytest.raises(ConsultationRefused):
        consultation_open(version=draft, respondents=[kenya], by=administrator)
    assert Consultation.objects.count() == (1 if status == VersionStatus.CONSULTATION else 0)


def test_only_an_administrator_circulates(draft, reviewer, kenya):
    with pytest.raises(PermissionDenied):
        consultation_open(version=draft, respondents=[kenya], by=reviewer)
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT


def test_an_invited_contact_person_comments_on_a_question_or_on_the_whole(
    consultation, draft, state_a_contact, kenya
):
    on_question = consultation_comment_add(
        consultation=consultation,
        author=state_a_contact,
        question=_question(draft, "A.1"),
        text="  Say whether pre-trial detainees count.  ",
    )
    general = consultation_comment_add(
        consultation=consultation, author=state_a_contact, text="Too long."
    )
    assert (
        on_question.respondent == kenya
        and on_question.text == "Say whether pre-trial detainees count."
    )
    assert general.question is None and general.resolution == Resolution.PENDING


@pytest.mark.parametrize("actor", ["state_b_contact", "reviewer", "administrator", "delegate"])
def test_it_refuses_a_comment_from_anyone_not_invited(consultation, request, actor):
    with pytest.raises(PermissionDenied):
        consultation_comment_add(
            consultation=consultation, author=request.getfixturevalue(actor), text="Hello"
        )
    assert not ConsultationComment.objects.exists()


def test_it_refuses_a_comment_on_a_question_of_another_version(
    consultation, state_a_contact, administrator
):
    other = version_from_document(document=sample_document(form_id="other"), by=administrator)
    with pytest.raises(ConsultationRefused):
        consultation_comment_add(
            consultation=consultation,
            author=state_a_contact,
            question=_question(other, "A.1"),
            text="Wrong draft",
        )


def test_it_refuses_a_comment_once_the_consultation_is_closed(
    consultation, state_a_contact, administrator
):
    consultation_close_and_revise(consultation=consultation, by=administrator, change_log="None.")
    with pytest.raises(ConsultationRefused):
        consultation_comment_add(consultation=consultation, author=state_a_contact, text="Late")


def test_a_comment_not_taken_into_account_needs_a_note(
    consultation, state_a_contact, administrator
):
    comment = consultation_comment_add(
        consultation=consultation, author=state_a_contact, text="Add a question on bail."
    )
    with pytest.raises(ConsultationRefused):
        consultation_comment_resolve(
            comment=comment,
            by=administrator,
            resolution=Resolution.NOT_TAKEN_INTO_ACCOUNT,
            note=" ",
        )
    resolved = consultation_comment_resolve(
        comment=comment,
        by=administrator,
        resolution=Resolution.NOT_TAKEN_INTO_ACCOUNT,
        note="Bail is for the next questionnaire.",
    )
    assert resolved.resolved_by == administrator and resolved.resolved_at is not None
    taken = consultation_comment_resolve(
        comment=comment, by=administrator, resolution=Resolution.TAKEN_INTO_ACCOUNT
    )
    assert taken.resolution == Resolution.TAKEN_INTO_ACCOUNT and taken.resolution_note == ""


def test_a_reviewer_cannot_resolve_a_comment(consultation, state_a_contact, reviewer):
    comment = consultation_comment_add(
        consultation=consultation, author=state_a_contact, text="Add a question."
    )
    with pytest.raises(PermissionDenied):
        consultation_comment_resolve(
            comment=comment, by=reviewer, resolution=Resolution.TAKEN_INTO_ACCOUNT
        )


def test_closing_makes_the_revised_draft_with_its_change_log_even_with_comments_pending(
    consultation, draft, state_a_contact, administrator
):
    consultation_comment_add(consultation=consultation, author=state_a_contact, text="Pending")
    revised = consultation_close_and_revise(
        consultation=consultation, by=administrator, change_log="A.1 now counts detainees."
    )
    consultation.refresh_from_db()
    assert consultation.closed_at is not None
    assert revised.status == VersionStatus.REVISED_DRAFT
    assert (revised.based_on, revised.number) == (draft, 2)
    assert revised.change_log == "A.1 now counts detainees."
    assert revised.questions.count() == draft.questions.count()
    with pytest.raises(ConsultationRefused):
        consultation_close_and_revise(consultation=consultation, by=administrator, change_log="x")


def test_closing_needs_a_change_log(consultation, administrator):
    with pytest.raises(ConsultationRefused):
        consultation_close_and_revise(consultation=consultation, by=administrator, change_log="  ")
    consultation.refresh_from_db()
    assert consultation.is_open


def test_approval_records_the_meeting_and_retires_the_version_it_replaces(
    draft, administrator, consultation
):
    first = version_from_document(document=sample_document(form_id="twice"), by=administrator)
    _approve(first, administrator)
    second = version_from_document(document=sample_document(form_id="twice"), by=administrator)
    approved = _approve(second, administrator, decision="Decision 2026/201")
    first.refresh_from_db()
    assert first.status == VersionStatus.RETIRED
    assert approved.status == VersionStatus.APPROVED
    assert (approved.approval_meeting, approved.approval_date, approved.approval_decision) == (
        MEETING,
        datetime.date(2026, 5, 20),
        "Decision 2026/201",
    )
    assert approved.approved_by == administrator
    # An approved version cannot change: the database refuses, whatever the code path.
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionnaireVersion.objects.filter(pk=approved.pk).update(approval_meeting="Another")
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(version=approved).update(required=False)
    with pytest.raises(ConsultationRefused):
        _approve(approved, administrator)


def test_it_refuses_to_approve_while_the_consultation_is_open(consultation, draft, administrator):
    with pytest.raises(ConsultationRefused):
        _approve(draft, administrator)
    consultation_close_and_revise(
        consultation=consultation, by=administrator, change_log="No change."
    )
    draft.refresh_from_db()
    assert _approve(draft, administrator).status == VersionStatus.APPROVED


def test_it_refuses_to_approve_an_older_version_than_the_approved_one(
    reference_data, administrator
):
    first = version_from_document(document=sample_document(), by=administrator)
    second = version_from_document(document=sample_document(), by=administrator)
    _approve(second, administrator)
    with pytest.raises(ConsultationRefused):
        _approve(first, administrator)


def test_it_refuses_an_approval_without_meeting_or_date(draft, administrator):
    with pytest.raises(ConsultationRefused):
        _approve(draft, administrator, meeting=" ")
    with pytest.raises(ConsultationRefused):
        _approve(draft, administrator, date=None)


# --- Who may open which page -------------------------------------------------------------------


def _urls(version, comment):
    return {
        "consultation": f"/questionnaires/versions/{version.pk}/consultation/",
        "close": f"/questionnaires/versions/{version.pk}/consultation/close/",
        "approve": f"/questionnaires/versions/{version.pk}/approve/",
        "comments": f"/questionnaires/versions/{version.pk}/comments/",
        "resolve": f"/questionnaires/consultation-comments/{comment.pk}/resolve/",
        "inbox": "/questionnaires/consultations/",
    }


@pytest.fixture
def commented(consultation, draft, state_a_contact):
    return consultation_comment_add(
        consultation=consultation,
        author=state_a_contact,
        question=_question(draft, "A.2"),
        text="Name the inspection body in the question.",
    )


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


# --- The Secretariat's page --------------------------------------------------------------------


def test_the_administrator_circulates_by_type_regional_group_and_by_name(
    client_for, administrator, draft, kenya, senegal, django_capture_on_commit_callbacks
):
    institute = respondent_of_type("programme_network_institute", "HEUNI", "HEUNI")
    igo = respondent_of_type("intergovernmental_organization", "COE", "Council of Europe")
    client = client_for(administrator)
    page = client.get(f"/questionnaires/versions/{draft.pk}/consultation/")
    choices = [label for _value, label in page.context["open_form"].fields["respondents"].choices]
    assert choices.index("Kenya") < choices.index("Senegal") < choices.index("Zimbabwe")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/questionnaires/versions/{draft.pk}/consultation/",
            {
                "respondent_types": [
                    RespondentType.objects.get(code="programme_network_institute").pk
                ],
                "regional_groups": [RegionalGroup.WESTERN_EUROPEAN_OTHERS],
                "respondents": [kenya.pk, senegal.pk],
                "note": "Comments welcome.",
                "deadline": "2026-03-31",
            },
        )
    assert response.status_code == 302
    invited = set(Consultation.objects.get().respondents.values_list("code", flat=True))
    assert {"KEN", "SEN", "HEUNI", "FRA", "DEU"} <= invited
    assert igo.code not in invited and "NGA" not in invited
    assert institute.code in invited


def test_circulating_to_nobody_is_refused_with_a_message(client_for, administrator, draft):
    response = client_for(administrator).post(
        f"/questionnaires/versions/{draft.pk}/consultation/", {"note": "x"}
    )
    assert response.status_code == 422
    assert "Choose at least one respondent to invite." in response.content.decode()
    assert not Consultation.objects.exists()


def test_the_page_shows_the_comments_by_question_in_questionnaire_order(
    client_for, administrator, consultation, draft, state_a_contact
):
    for code, text in (("B.4", "Ask about staff."), ("A.1", "Count detainees."), (None, "Fine.")):
        consultation_comment_add(
            consultation=consultation,
            author=state_a_contact,
            question=_question(draft, code) if code else None,
            text=text,
        )
    response = client_for(administrator).get(f"/questionnaires/versions/{draft.pk}/consultation/")
    html = response.content.decode()
    assert [q.code for q, _comments in response.context["groups"]] == ["A.1", "B.4"]
    assert html.index("Count detainees.") < html.index("Ask about staff.") < html.index("Fine.")
    assert response.context["counts"] == {"total": 3, "pending": 3, "taken": 0, "not_taken": 0}
    assert "3 comments have not been considered yet" in html


def test_the_administrator_marks_a_comment_with_one_click(
    client_for, administrator, draft, commented
):
    client = client_for(administrator)
    response = client.post(
        f"/questionnaires/consultation-comments/{commented.pk}/resolve/",
        {"resolution": "taken", "note": "A.2 now names the body."},
    )
    assert response.status_code == 302
    assert response.url.endswith(f"/consultation/#comment-{commented.pk}")
    commented.refresh_from_db()
    assert commented.resolution == Resolution.TAKEN_INTO_ACCOUNT
    page = client.get(f"/questionnaires/versions/{draft.pk}/consultation/")
    change_log = page.context["close_form"].initial["change_log"]
    assert change_log.splitlines() == [
        "Comments taken into account:",
        "- A.2 (Kenya): A.2 now names the body.",
    ]


def test_not_taking_a_comment_into_account_without_a_note_is_refused(
    client_for, administrator, draft, commented
):
    client = client_for(administrator)
    url = f"/questionnaires/consultation-comments/{commented.pk}/resolve/"
    response = client.post(url, {"resolution": "not_taken", "note": ""})
    assert response.status_code == 422
    assert "Say why the comment is not taken into account." in response.content.decode()
    htmx = client.post(url, {"resolution": "not_taken", "note": ""}, headers={"HX-Request": "true"})
    assert "Say why the comment is not taken into account." in htmx.content.decode()
    commented.refresh_from_db()
    assert commented.resolution == Resolution.PENDING


def test_htmx_resolution_returns_the_comment_and_the_new_counts(
    client_for, administrator, commented
):
    response = client_for(administrator).post(
        f"/questionnaires/consultation-comments/{commented.pk}/resolve/",
        {"resolution": "not_taken", "note": "Out of scope."},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="comment-{commented.pk}"' in html and "Out of scope." in html
    assert 'hx-swap-oob="true"' in html and 'data-count="not_taken">1<' in html
    assert "<html" not in html


def test_closing_in_the_browser_leads_to_the_revised_draft_and_its_approval(
    client_for, administrator, draft, commented
):
    client = client_for(administrator)
    response = client.post(
        f"/questionnaires/versions/{draft.pk}/consultation/close/",
        {"change_log": "A.2 names the inspection body."},
    )
    revised = QuestionnaireVersion.objects.get(based_on=draft)
    assert response.status_code == 302
    assert response.url == f"/questionnaires/versions/{revised.pk}/consultation/"
    page = client.get(response.url)
    assert page.context["approve_form"] is not None
    assert page.context["open_form"] is not None  # a second round is possible
    assert "A.2 names the inspection body." in page.content.decode()
    response = client.post(
        f"/questionnaires/versions/{revised.pk}/approve/",
        {"meeting": MEETING, "date": "2026-05-20", "decision": "Decision 2026/201"},
    )
    assert response.status_code == 302
    revised.refresh_from_db()
    assert revised.status == VersionStatus.APPROVED
    page = client.get(f"/questionnaires/versions/{revised.pk}/consultation/")
    html = page.content.decode()
    assert page.context["approve_form"] is None and page.context["open_form"] is None
    assert MEETING in html and "Decision 2026/201" in html
    # Approving again is refused with a message; nothing changes.
    again = client.post(
        f"/questionnaires/versions/{revised.pk}/approve/",
        {"meeting": "Other", "date": "2027-01-01"},
        follow=True,
    )
    assert "This version has already been approved." in again.content.decode()
    revised.refresh_from_db()
    assert revised.approval_meeting == MEETING


def test_an_approval_form_with_errors_shows_them(client_for, administrator, draft):
    response = client_for(administrator).post(
        f"/questionnaires/versions/{draft.pk}/approve/", {"meeting": "", "date": "soon"}
    )
    assert response.status_code == 422
    assert response.context["approve_form"].errors.keys() == {"meeting", "date"}
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT


def _many_comments(consultation, draft, authors, count):
    questions = list(draft.questions.all())
    for i in range(count):
        consultation_comment_add(
            consultation=consultation,
            author=authors[i % len(authors)],
            question=questions[i % len(questions)] if i % 5 else None,
            text=f"Comment {i}",
        )


def test_the_consultation_page_makes_the_same_queries_whatever_the_number_of_comments(
    client_for, administrator, draft, kenya, senegal, state_a_contact, state_b_contact,
    django_assert_num_queries,
):  # fmt: skip
    consultation = consultation_open(version=draft, respondents=[kenya, senegal], by=administrator)
    client = client_for(administrator)
    url = f"/questionnaires/versions/{draft.pk}/consultation/"
    _many_comments(consultation, draft, [state_a_contact], 2)
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _many_comments(consultation, draft, [state_a_contact, state_b_contact], 30)
    with django_assert_num_queries(len(few)):
        response = client.get(url)
    assert len(response.context["general_comments"]) == 7
    with django_assert_num_queries(12):
        client.get(url)


def test_the_circulation_form_makes_a_fixed_number_of_queries(
    client_for, administrator, draft, django_assert_num_queries
):
    client = client_for(administrator)
    with django_assert_num_queries(7):
        response = client.get(f"/questionnaires/versions/{draft.pk}/consultation/")
    assert len(response.context["open_form"].fields["respondents"].choices) == 193


# --- The contact person's pages ----------------------------------------------------------------


def test_a_contact_person_sees_their_colleagues_comments_but_not_other_respondents(
    client_for, administrator, draft, kenya, senegal, state_a_contact, state_b_contact
):
    consultation = consultation_open(version=draft, respondents=[kenya, senegal], by=administrator)
    colleague = user_with_role(Role.CONTACT_PERSON, kenya, username="kenya-2", first_name="Wanjiru")
    question = _question(draft, "A.4")
    consultation_comment_add(
        consultation=consultation, author=colleague, question=question, text="Kenyan view"
    )
    consultation_comment_add(
        consultation=consultation, author=state_b_contact, question=question, text="Senegalese view"
    )
    html = client_for(state_a_contact).get(f"/questionnaires/versions/{draft.pk}/comments/")
    html = html.content.decode()
    assert "Kenyan view" in html and "Wanjiru" in html
    assert "Senegalese view" not in html


def test_a_contact_person_comments_on_a_question_and_on_the_whole(
    client_for, consultation, draft, state_a_contact
):
    client = client_for(state_a_contact)
    url = f"/questionnaires/versions/{draft.pk}/comments/"
    question = _question(draft, "B.1")
    response = client.post(url, {"question": question.pk, "text": "Add electronic monitoring."})
    assert response.status_code == 302 and response.url == f"{url}#q-{question.pk}"
    response = client.post(url, {"question": "", "text": "Clear overall."})
    assert response.url == f"{url}#general"
    comments = ConsultationComment.objects.order_by("pk")
    assert [(c.question_id, c.text) for c in comments] == [
        (question.pk, "Add electronic monitoring."),
        (None, "Clear overall."),
    ]
    inbox = client.get("/questionnaires/consultations/")
    assert [c.own_comment_count for c in inbox.context["open_consultations"]] == [2]


def test_an_empty_comment_is_refused_beside_its_question(
    client_for, consultation, draft, state_a_contact
):
    question = _question(draft, "A.3")
    response = client_for(state_a_contact).post(
        f"/questionnaires/versions/{draft.pk}/comments/", {"question": question.pk, "text": " "}
    )
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_htmx_adds_a_comment_in_place(client_for, consultation, draft, state_a_contact):
    question = _question(draft, "A.3")
    response = client_for(state_a_contact).post(
        f"/questionnaires/versions/{draft.pk}/comments/",
        {"question": question.pk, "text": "Define occupancy."},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert f'id="comments-q-{question.pk}"' in html and "Define occupancy." in html
    assert "Your comment has been saved." in html


def test_a_question_of_another_version_cannot_be_commented_through_the_page(
    client_for, consultation, draft, state_a_contact, administrator
):
    other = version_from_document(document=sample_document(form_id="other"), by=administrator)
    response = client_for(state_a_contact).post(
        f"/questionnaires/versions/{draft.pk}/comments/",
        {"question": _question(other, "A.1").pk, "text": "Wrong"},
    )
    assert response.status_code == 403
    assert not ConsultationComment.objects.exists()


def test_a_closed_consultation_shows_the_comments_but_takes_no_more(
    client_for, consultation, draft, state_a_contact, administrator, commented
):
    consultation_close_and_revise(consultation=consultation, by=administrator, change_log="x")
    client = client_for(state_a_contact)
    url = f"/questionnaires/versions/{draft.pk}/comments/"
    page = client.get(url)
    html = page.content.decode()
    assert "Name the inspection body in the question." in html
    assert "comments are no longer received" in html
    assert "<textarea" not in html
    response = client.post(url, {"question": "", "text": "Late"}, follow=True)
    assert "The consultation is closed" in response.content.decode()
    assert ConsultationComment.objects.count() == 1
    inbox = client.get("/questionnaires/consultations/")
    assert inbox.context["open_consultations"] == []
    assert len(inbox.context["closed_consultations"]) == 1


def test_the_comment_page_shows_the_draft_in_the_readers_language_with_fallback(
    client_for, consultation, draft, state_a_contact
):
    client = client_for(state_a_contact)
    client.cookies["portal_language"] = "ar"
    html = client.get(f"/questionnaires/versions/{draft.pk}/comments/").content.decode()
    assert "الأشخاص المحتجزون" in html  # the section title exists in Arabic
    assert '<span lang="en" dir="ltr">How many prisoners?</span>' in html  # falls back to English


def test_the_comment_page_makes_a_fixed_number_of_queries(
    client_for, consultation, draft, state_a_contact, django_assert_num_queries
):
    _many_comments(consultation, draft, [state_a_contact], 12)
    client = client_for(state_a_contact)
    with django_assert_num_queries(13):
        client.get(f"/questionnaires/versions/{draft.pk}/comments/")


def test_the_inbox_makes_a_fixed_number_of_queries(
    client_for, consultation, state_a_contact, django_assert_num_queries
):
    client = client_for(state_a_contact)
    with django_assert_num_queries(4):
        response = client.get("/questionnaires/consultations/")
    assert len(response.context["open_consultations"]) == 1


def test_contact_persons_find_consultations_in_the_menu(client_for, state_a_contact):
    response = client_for(state_a_contact).get("/")
    keys = [item["key"] for item in response.context["navigation"]]
    assert "consultations" in keys
