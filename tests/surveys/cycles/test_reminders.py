"""Reminders: the contact persons of invited respondents that have not submitted are e-mailed at
configured intervals before their deadline, never twice in one interval, in their language."""

import datetime

import pytest
from django.utils.formats import date_format
from django.utils.translation import override

from portal.models import Respondent, User
from portal.roles import Role
from surveys.cycles.services import reminder_send, reminders_due
from surveys.cycles.tasks import reminders_send
from surveys.models import ReminderSent, Reply, ReplyStatus
from tests.factories import user_with_role
from tests.surveys.replies import approved_version, open_cycle, reply_for

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2027, 1, 31)  # open_cycle: opens 1 November 2026


@pytest.fixture
def cycle_with_contact_persons(administrator, state_a_contact, state_b_contact):
    """The open cycle, with a contact person and a reply (not started) for Kenya and Senegal."""
    cycle = open_cycle(administrator, approved_version(administrator))
    reply_for(cycle, "KEN")
    reply_for(cycle, "SEN")
    return cycle


@pytest.fixture
def on(time_machine):
    def travel(date: datetime.date):
        time_machine.move_to(datetime.datetime.combine(date, datetime.time(6)), tick=False)

    return travel


@pytest.fixture
def run(django_capture_on_commit_callbacks, mailoutbox):
    """Run the periodic task as the scheduler does; return the e-mails it sent."""

    def run_task():
        before = len(mailoutbox)
        with django_capture_on_commit_callbacks(execute=True):
            sent = reminders_send.delay().get()
        assert sent == len(mailoutbox) - before
        return mailoutbox[before:]

    return run_task


def _days(n: int) -> datetime.date:
    return DEADLINE - datetime.timedelta(days=n)


def test_nothing_is_sent_before_the_first_interval(cycle_with_contact_persons, on, run):
    on(_days(31))
    assert run() == []


def test_each_contact_person_is_reminded_in_their_own_language(
    cycle_with_contact_persons, on, run, state_a_contact, state_b_contact
):
    state_b_contact.preferred_language = "fr"
    state_b_contact.save()
    on(_days(30))
    by_address = {message.to[0]: message for message in run()}
    assert sorted(by_address) == sorted([state_a_contact.email, state_b_contact.email])
    english, french = by_address[state_a_contact.email], by_address[state_b_contact.email]
    with override("en"):
        assert date_format(DEADLINE, "DATE_FORMAT") in english.subject
    assert "31 janvier 2027" in french.subject
    assert "Sample questionnaire" in english.subject and "Questionnaire type" in french.subject
    assert "Kenya" in english.body and "Sénégal" in french.body
    assert "30" in english.body
    assert "http://127.0.0.1:8000/questionnaires/my-questionnaires/" in english.body
    assert set(ReminderSent.objects.values_list("days_before", flat=True)) == {30}


def test_every_interval_is_reminded_once_and_running_twice_sends_nothing_more(
    cycle_with_contact_persons, on, run, state_a_contact
):
    sent_on = []
    day = datetime.date(2026, 11, 1)
    while day <= DEADLINE + datetime.timedelta(days=3):
        on(day)
        messages = [m for m in run() if m.to == [state_a_contact.email]]
        if messages:
            assert len(messages) == 1
            sent_on.append((DEADLINE - day).days)
        assert not [m for m in run() if m.to == [state_a_contact.email]]  # the same day again
        day += datetime.timedelta(days=1)
    assert sent_on == [30, 14, 7, 1]


def test_a_day_the_scheduler_missed_brings_one_reminder_for_the_interval_it_is_in(
    cycle_with_contact_persons, on, run
):
    on(_days(5))
    assert len(run()) == 2
    assert set(ReminderSent.objects.values_list("days_before", flat=True)) == {7}
    on(_days(4))
    assert run() == []


def test_the_intervals_come_from_the_settings(cycle_with_contact_persons, on, run, settings):
    settings.REPLY_REMINDER_DAYS = [3]
    on(_days(30))
    assert run() == []
    on(_days(3))
    assert len(run()) == 2


@pytest.mark.parametrize(
    ("status", "reminded"),
    [
        (ReplyStatus.NOT_STARTED, True),
        (ReplyStatus.IN_PROGRESS, True),
        (ReplyStatus.RETURNED, True),
        (ReplyStatus.SUBMITTED, False),
        (ReplyStatus.RESUBMITTED, False),
        (ReplyStatus.ACCEPTED, False),
    ],
)
def test_only_replies_not_submitted_are_reminded(
    cycle_with_contact_persons, on, run, state_a_contact, state_b_contact, status, reminded
):
    Reply.objects.filter(cycle=cycle_with_contact_persons, respondent__code="KEN").update(
        status=status
    )
    on(_days(7))
    addresses = {message.to[0] for message in run()}
    assert (state_a_contact.email in addresses) is reminded
    assert state_b_contact.email in addresses


def test_only_active_contact_persons_who_accepted_their_invitation_are_reminded(
    cycle_with_contact_persons, on, run, state_a_contact
):
    kenya = Respondent.objects.get(code="KEN")
    user_with_role(Role.CONTACT_PERSON, kenya, username="gone", is_active=False)
    user_with_role(Role.CONTACT_PERSON, kenya, username="no-mail", email="")
    pending = user_with_role(Role.CONTACT_PERSON, kenya, username="pending")
    pending.set_unusable_password()
    pending.save()
    colleague = user_with_role(Role.CONTACT_PERSON, kenya, username="colleague")
    user_with_role(Role.CONTACT_PERSON, Respondent.objects.get(code="FRA"), username="france")
    on(_days(14))
    kenyans = sorted(m.to[0] for m in run() if "Kenya" in m.body)
    assert kenyans == sorted([state_a_contact.email, colleague.email])


def test_a_cycle_not_yet_open_or_past_its_deadline_is_not_reminded(
    cycle_with_contact_persons, on, run, administrator
):
    cycle_with_contact_persons.opens_on = _days(10)
    cycle_with_contact_persons.save()
    on(_days(14))
    assert run() == []
    on(DEADLINE + datetime.timedelta(days=1))
    assert run() == []


def test_an_extended_deadline_is_the_one_counted(cycle_with_contact_persons, on, run):
    cycle_with_contact_persons.invitations.filter(respondent__code="SEN").update(
        extended_deadline=DEADLINE + datetime.timedelta(days=28)
    )
    on(_days(1))
    assert len(run()) == 2
    # Kenya is a day from its deadline; Senegal, 29 days from its own.
    assert dict(
        ReminderSent.objects.values_list("invitation__respondent__code", "days_before")
    ) == {"KEN": 1, "SEN": 30}
    on(DEADLINE + datetime.timedelta(days=27))
    [message] = run()
    assert "Senegal" in message.body


def test_a_reminder_recorded_meanwhile_by_another_run_is_not_sent_again(
    cycle_with_contact_persons, on, mailoutbox, django_capture_on_commit_callbacks
):
    on(_days(7))
    due = reminders_due(today=_days(7))
    assert len(due) == 2
    first = due[0]
    ReminderSent.objects.create(
        invitation=first.invitation, contact_person=first.contact_person, days_before=7
    )
    with django_capture_on_commit_callbacks(execute=True):
        results = [reminder_send(due=d, today=_days(7), base_url="https://x.org") for d in due]
    assert results == [False, True]
    assert len(mailoutbox) == 1
    assert ReminderSent.objects.count() == 2


@pytest.mark.parametrize("codes", [("KEN", "SEN"), ("KEN", "SEN", "FRA", "DEU", "BRA", "IND")])
def test_finding_the_reminders_due_takes_three_queries_whatever_their_number(
    administrator, on, django_assert_num_queries, codes
):
    cycle = open_cycle(administrator, approved_version(administrator), codes=codes)
    for code in codes:
        reply_for(cycle, code)
        for _n in range(2):
            user_with_role(Role.CONTACT_PERSON, Respondent.objects.get(code=code))
    on(_days(7))
    with django_assert_num_queries(3):
        due = reminders_due(today=_days(7))
    assert len(due) == 2 * len(codes)
    assert {d.contact_person.pk for d in due} == set(
        User.objects.filter(role=Role.CONTACT_PERSON).values_list("pk", flat=True)
    )
