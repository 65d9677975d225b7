"""Cycles of collection: opening one for an approved version, deadline extensions, the
Secretariat's pages, and the contact person's dashboard of questionnaires."""

import copy
import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.formats import date_format

from portal.models import Respondent
from portal.roles import Role
from surveys.answering.services import answer_save
from surveys.cycles.services import CycleRefused, cycle_extend_deadline, cycle_open
from surveys.models import (
    Cycle,
    CycleInvitation,
    ReminderSent,
    Reply,
    ReplyStatus,
    VersionStatus,
)
from surveys.questionnaires.documents import document_from_dict
from surveys.questionnaires.versions import version_from_document
from tests.factories import respondent_of_type, user_with_role
from tests.surveys.replies import approved_version, open_cycle, reply_for
from tests.surveys.samples import SAMPLE, sample_document

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2026, 10, 1, 9, tzinfo=datetime.UTC)
OPENS_ON = datetime.date(2026, 10, 1)
DEADLINE = datetime.date(2027, 1, 31)


@pytest.fixture(autouse=True)
def _on_the_first_of_october(time_machine):
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def version(administrator):
    return approved_version(administrator)


@pytest.fixture
def kenya(reference_data):
    return Respondent.objects.get(code="KEN")


@pytest.fixture
def senegal(reference_data):
    return Respondent.objects.get(code="SEN")


def _open(version, administrator, **changes) -> Cycle:
    arguments = {
        "version": version,
        "title": "Category (a), 2027",
        "opens_on": OPENS_ON,
        "deadline": DEADLINE,
        "commission_session": "Thirty-sixth session (2027)",
        "by": administrator,
        **changes,
    }
    return cycle_open(**arguments)


def _date(date: datetime.date) -> str:
    return date_format(date, "DATE_FORMAT")


def _big_version(administrator, questions: int):
    """An approved questionnaire with `questions` more questions than the sample."""
    data = copy.deepcopy(SAMPLE)
    data["form_id"] = f"big{questions}"
    data["sections"].append(
        {
            "code": "C",
            "title": {"en": "More"},
            "questions": [
                {"code": f"C.{n}", "type": "short_text", "text": {"en": f"Question {n}"}}
                for n in range(1, questions + 1)
            ],
        }
    )
    return approved_version(administrator, document_from_dict(data))


# --- Services ----------------------------------------------------------------------------------


def test_a_cycle_invites_every_member_state_by_default_each_with_an_empty_reply(
    version, administrator
):
    respondent_of_type("non_governmental_organization", "NGO1", "Penal Reform Example")
    cycle = _open(version, administrator)
    assert cycle.invitations.count() == 193
    assert not cycle.invitations.filter(respondent__code="NGO1").exists()
    replies = Reply.objects.filter(cycle=cycle)
    assert replies.count() == 193
    assert set(replies.values_list("status", flat=True)) == {ReplyStatus.NOT_STARTED}
    assert (cycle.opens_on, cycle.deadline) == (OPENS_ON, DEADLINE)
    assert cycle.created_by == administrator


def test_other_respondents_are_invited_by_choice(version, administrator, kenya):
    ngo = respondent_of_type("non_governmental_organization", "NGO1", "Penal Reform Example")
    cycle = _open(version, administrator, respondents=[kenya, ngo, kenya])
    assert sorted(cycle.respondents.values_list("code", flat=True)) == ["KEN", "NGO1"]
    assert Reply.objects.filter(cycle=cycle).count() == 2


@pytest.mark.parametrize("status", [VersionStatus.DRAFT, VersionStatus.RETIRED])
def test_it_refuses_a_version_that_is_not_approved(administrator, status):
    draft = version_from_document(document=sample_document(), by=administrator)
    if status == VersionStatus.RETIRED:
        draft = approved_version(administrator)
        approved_version(administrator)  # the next approved version retires it
        draft.refresh_from_db()
        assert draft.status == VersionStatus.RETIRED
    with pytest.raises(CycleRefused, match="approved"):
        _open(draft, administrator)
    assert not Cycle.objects.exists()


@pytest.mark.parametrize(
    ("opens_on", "deadline", "message"),
    [
        (OPENS_ON, datetime.date(2026, 9, 30), "before the opening"),
        (datetime.date(2026, 9, 1), datetime.date(2026, 9, 30), "already passed"),
    ],
)
def test_it_refuses_impossible_dates(version, administrator, opens_on, deadline, message):
    with pytest.raises(CycleRefused, match=message):
        _open(version, administrator, opens_on=opens_on, deadline=deadline)


def test_it_refuses_a_cycle_without_respondents(version, administrator):
    with pytest.raises(CycleRefused, match="at least one"):
        _open(version, administrator, respondents=[])


def test_only_an_administrator_opens_a_cycle_or_extends_a_deadline(
    version, administrator, reviewer, state_a_contact
):
    for user in (reviewer, state_a_contact):
        with pytest.raises(PermissionDenied):
            _open(version, administrator, by=user)
    cycle = open_cycle(administrator, version)
    invitation = cycle.invitations.get(respondent__code="KEN")
    with pytest.raises(PermissionDenied):
        cycle_extend_deadline(
            invitation=invitation, deadline=datetime.date(2027, 2, 28), by=reviewer
        )


def test_an_extension_gives_one_respondent_a_later_deadline_and_tells_its_contact_persons(
    version, administrator, state_a_contact, state_b_contact, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    state_a_contact.preferred_language = "fr"
    state_a_contact.save()
    cycle = open_cycle(administrator, version)
    kenya = cycle.invitations.get(respondent__code="KEN")
    with django_capture_on_commit_callbacks(execute=True):
        cycle_extend_deadline(
            invitation=kenya,
            deadline=datetime.date(2027, 2, 28),
            by=administrator,
            base_url="https://portal.example.org",
        )
    kenya.refresh_from_db()
    assert kenya.deadline == datetime.date(2027, 2, 28)
    assert cycle.invitations.get(respondent__code="SEN").deadline == cycle.deadline
    assert [m.to for m in mailoutbox] == [[state_a_contact.email]]
    message = mailoutbox[0]
    assert "28 février 2027" in message.subject and "Questionnaire type" in message.subject
    assert "Kenya" in message.body
    assert "https://portal.example.org/questionnaires/my-questionnaires/" in message.body


def test_an_extension_comes_after_the_cycle_deadline(version, administrator):
    cycle = open_cycle(administrator, version)
    invitation = cycle.invitations.get(respondent__code="KEN")
    with pytest.raises(CycleRefused, match="after the deadline of the cycle"):
        cycle_extend_deadline(invitation=invitation, deadline=cycle.deadline, by=administrator)
    invitation.refresh_from_db()
    assert invitation.extended_deadline is None


def test_an_extension_lets_the_intervals_it_reopens_be_reminded_again(
    version, administrator, state_a_contact
):
    cycle = open_cycle(administrator, version)  # deadline 31 January 2027
    invitation = cycle.invitations.get(respondent__code="KEN")
    for days in (30, 14, 7):
        ReminderSent.objects.create(
            invitation=invitation, contact_person=state_a_contact, days_before=days
        )
    # Today is 1 October: a deadline on 20 October is 19 days away: 14 and 7 are ahead again.
    cycle.deadline = datetime.date(2026, 10, 10)
    cycle.opens_on = datetime.date(2026, 9, 1)
    cycle.save()
    cycle_extend_deadline(
        invitation=invitation, deadline=datetime.date(2026, 10, 20), by=administrator
    )
    assert list(invitation.reminders.values_list("days_before", flat=True)) == [30]


# --- The Secretariat's pages -------------------------------------------------------------------


def _cycle_urls(cycle):
    invitation = cycle.invitations.first()
    return [
        ("get", reverse("surveys:cycle_index")),
        ("get", reverse("surveys:cycle_create")),
        ("post", reverse("surveys:cycle_create")),
        ("get", reverse("surveys:cycle_detail", args=[cycle.pk])),
        ("post", reverse("surveys:cycle_extend", args=[invitation.pk])),
    ]


@pytest.mark.parametrize("actor", ["state_a_contact", "state_b_contact", "delegate"])
def test_it_refuses_every_cycle_page_to_contact_persons_and_delegates(
    request, client_for, administrator, version, actor
):
    cycle = open_cycle(administrator, version)
    client = client_for(request.getfixturevalue(actor))
    for method, url in _cycle_urls(cycle):
        response = getattr(client, method)(url, {"deadline": "2027-02-28"})
        assert response.status_code == 403, url
    assert not CycleInvitation.objects.filter(extended_deadline__isnull=False).exists()


def test_it_sends_an_anonymous_visitor_to_log_in(client_for, administrator, version):
    cycle = open_cycle(administrator, version)
    client = client_for(None)
    for method, url in _cycle_urls(cycle):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_a_reviewer_reads_the_cycles_but_cannot_open_or_extend(
    client_for, reviewer, administrator, version
):
    cycle = open_cycle(administrator, version)
    client = client_for(reviewer)
    assert client.get(reverse("surveys:cycle_index")).status_code == 200
    page = client.get(reverse("surveys:cycle_detail", args=[cycle.pk]))
    assert page.status_code == 200
    assert b"Extend" not in page.content
    for method, url in _cycle_urls(cycle)[1:3] + _cycle_urls(cycle)[4:]:
        assert getattr(client, method)(url).status_code == 403, url


def test_the_cycle_list_counts_invited_started_and_submitted_replies(
    client_for, administrator, version, django_assert_num_queries
):
    cycle = open_cycle(administrator, version, codes=("KEN", "SEN", "FRA"))
    Reply.objects.filter(pk=reply_for(cycle, "KEN").pk).update(status=ReplyStatus.IN_PROGRESS)
    Reply.objects.filter(pk=reply_for(cycle, "SEN").pk).update(status=ReplyStatus.ACCEPTED)
    client = client_for(administrator)
    # Session, user, second-factor device, cycles with their counts.
    with django_assert_num_queries(4):
        page = client.get(reverse("surveys:cycle_index"))
    row = page.content.decode()
    assert 'data-count="invited">3<' in row
    assert 'data-count="started">2<' in row
    assert 'data-count="submitted">1<' in row
    open_cycle(administrator, version, codes=("KEN",))
    open_cycle(administrator, version, codes=("SEN",))
    with django_assert_num_queries(4):
        assert client.get(reverse("surveys:cycle_index")).content.count(b"data-cycle=") == 3


def test_the_new_cycle_form_ticks_every_member_state(
    client_for, administrator, version, django_assert_num_queries
):
    respondent_of_type("intergovernmental_organization", "IGO1", "Example Organization")
    draft = version_from_document(document=sample_document(), by=administrator)
    client = client_for(administrator)
    # Session, user, second-factor device, respondents, types, approved versions.
    with django_assert_num_queries(6):
        page = client.get(reverse("surveys:cycle_create"))
    html = page.content.decode()
    assert html.count('type="checkbox"') == 194
    assert html.count(" checked>") == 193
    assert f'<option value="{version.pk}"' in html
    assert f'<option value="{draft.pk}"' not in html
    assert "Example Organization" in html


def test_opening_a_cycle_through_the_form(client_for, administrator, version, kenya):
    igo = respondent_of_type("intergovernmental_organization", "IGO1", "Example Organization")
    response = client_for(administrator).post(
        reverse("surveys:cycle_create"),
        {
            "version": version.pk,
            "title_en": "Category (a), 2027",
            "opens_on": "2026-10-01",
            "deadline": "2027-01-31",
            "commission_session_en": "Thirty-sixth session (2027)",
            "respondents": [kenya.pk, igo.pk],
        },
    )
    cycle = Cycle.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:cycle_detail", args=[cycle.pk])
    assert sorted(cycle.respondents.values_list("code", flat=True)) == ["IGO1", "KEN"]


def test_the_new_cycle_form_says_what_is_wrong(client_for, administrator, version):
    draft = version_from_document(document=sample_document(), by=administrator)
    response = client_for(administrator).post(
        reverse("surveys:cycle_create"),
        {
            "version": draft.pk,
            "title_en": "",
            "opens_on": "2026-10-01",
            "deadline": "2026-09-01",
            "commission_session_en": "Thirty-sixth session (2027)",
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert "The deadline cannot come before the opening date." in html
    assert "Invite at least one respondent." in html
    assert not Cycle.objects.exists()


@pytest.mark.parametrize("codes", [("KEN", "SEN"), ("KEN", "SEN", "FRA", "DEU", "BRA", "IND")])
def test_the_cycle_page_makes_the_same_queries_for_any_number_of_respondents(
    client_for, administrator, version, django_assert_num_queries, codes
):
    cycle = open_cycle(administrator, version, codes=codes)
    for code in codes:
        reply_for(cycle, code)
        user_with_role(Role.CONTACT_PERSON, Respondent.objects.get(code=code))
    client = client_for(administrator)
    # Session, user, second-factor device, cycle, invitations with their replies, contact persons
    # per respondent.
    with django_assert_num_queries(6):
        page = client.get(reverse("surveys:cycle_detail", args=[cycle.pk]))
    assert page.content.count(b"data-respondent=") == len(codes)


def test_the_cycle_page_shows_each_reply_status_deadline_and_contact_persons(
    client_for, administrator, version, state_a_contact
):
    cycle = open_cycle(administrator, version)
    kenya, senegal = reply_for(cycle, "KEN"), reply_for(cycle, "SEN")
    Reply.objects.filter(pk=kenya.pk).update(status=ReplyStatus.SUBMITTED)
    cycle.invitations.filter(respondent__code="SEN").update(
        extended_deadline=datetime.date(2027, 3, 1)
    )
    page = client_for(administrator).get(reverse("surveys:cycle_detail", args=[cycle.pk]))
    html = page.content.decode()
    assert html.index('data-respondent="KEN"') < html.index('data-respondent="SEN"')
    assert reverse("surveys:reply_detail", args=[kenya.pk]) in html
    assert reverse("surveys:reply_detail", args=[senegal.pk]) in html
    assert "Submitted" in html and _date(datetime.date(2027, 3, 1)) in html and "Extended" in html
    assert reverse("contact_invite", args=["SEN"]) in html
    filtered = client_for(administrator).get(
        reverse("surveys:cycle_detail", args=[cycle.pk]), {"status": "submitted"}
    )
    assert filtered.content.count(b"data-respondent=") == 1


def test_an_administrator_extends_a_deadline_from_the_cycle_page(
    client_for, administrator, version
):
    cycle = open_cycle(administrator, version)
    invitation = cycle.invitations.get(respondent__code="SEN")
    client = client_for(administrator)
    url = reverse("surveys:cycle_extend", args=[invitation.pk])
    response = client.post(url, {"deadline": "2027-02-28"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#invitation-{invitation.pk}")
    invitation.refresh_from_db()
    assert invitation.extended_deadline == datetime.date(2027, 2, 28)
    refused = client.post(url, {"deadline": "2027-01-15"})
    assert refused.status_code == 422
    assert "comes after the deadline of the cycle" in refused.content.decode()
    assert client.post(url, {"deadline": ""}).status_code == 422
    invitation.refresh_from_db()
    assert invitation.extended_deadline == datetime.date(2027, 2, 28)


# --- The contact person's dashboard ------------------------------------------------------------


def test_the_dashboard_shows_the_respondents_questionnaires_deadline_and_progress(
    client_for, administrator, version, state_a_contact
):
    cycle = open_cycle(administrator, version)
    reply = reply_for(cycle, "KEN")
    reply_for(cycle, "SEN")
    a1 = version.questions.get(code="A.1")
    answer_save(
        reply=reply, question=a1, value="12", other_text="", base_revision=0,
        by=state_a_contact, channel="web",
    )  # fmt: skip
    cycle.invitations.filter(respondent__code="KEN").update(
        extended_deadline=datetime.date(2027, 2, 15)
    )
    page = client_for(state_a_contact).get(reverse("surveys:contact_dashboard"))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('data-testid="reply"') == 1
    assert "Sample questionnaire" in html and "Test cycle 2027" in html
    assert _date(datetime.date(2027, 2, 15)) in html and "Extended" in html
    assert reverse("surveys:reply_detail", args=[reply.pk]) in html
    # Section A: its one required question (A.1) is done; A.2 to A.5 are optional (A.2.1 is
    # not relevant yet).
    assert "1 of 1 required question done · 0 of 4 optional questions answered · 100%" in html


def test_the_dashboard_never_shows_another_respondents_replies(
    client_for, administrator, version, state_b_contact
):
    cycle = open_cycle(administrator, version, codes=("KEN",))
    reply = reply_for(cycle, "KEN")
    page = client_for(state_b_contact).get(reverse("surveys:contact_dashboard"))
    assert page.status_code == 200
    assert reverse("surveys:reply_detail", args=[reply.pk]) not in page.content.decode()
    assert b'data-testid="reply"' not in page.content


@pytest.mark.parametrize("actor", ["administrator", "reviewer", "delegate"])
def test_the_dashboard_is_for_contact_persons_only(request, client_for, actor):
    response = client_for(request.getfixturevalue(actor)).get(reverse("surveys:contact_dashboard"))
    assert response.status_code == 403


def test_the_dashboard_sends_an_anonymous_visitor_to_log_in(client_for, reference_data):
    response = client_for(None).get(reverse("surveys:contact_dashboard"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("questions", [10, 100])
def test_the_dashboard_makes_the_same_queries_whatever_the_size_of_the_questionnaire(
    client_for, administrator, state_a_contact, django_assert_num_queries, questions
):
    cycle = open_cycle(administrator, _big_version(administrator, questions))
    reply_for(cycle, "KEN")
    client = client_for(state_a_contact)
    # Session, user with their respondent, replies, invitations, the approved version's content
    # (4, read once and then kept), answers, attachments, contact persons.
    with django_assert_num_queries(11):
        client.get(reverse("surveys:contact_dashboard"))
    with django_assert_num_queries(7):
        page = client.get(reverse("surveys:contact_dashboard"))
    assert f"0 of {questions} optional questions answered · 0%".encode() in page.content


def test_the_lead_is_offered_to_invite_colleagues_and_others_are_not(
    client_for, state_a_contact, reference_data
):
    url = reverse("contact_invite", args=["KEN"])
    assert (
        url
        not in client_for(state_a_contact)
        .get(reverse("surveys:contact_dashboard"))
        .content.decode()
    )
    state_a_contact.is_lead_contact = True
    state_a_contact.save()
    assert (
        url
        in client_for(state_a_contact).get(reverse("surveys:contact_dashboard")).content.decode()
    )
