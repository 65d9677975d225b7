"""Cycles of collection: opening one for an approved version, per-respondent deadline extensions,
and the reminders e-mailed to the contact persons of respondents that have not submitted.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.localformats import date_text
from portal.models import Respondent, RespondentType, User
from portal.multilingual import LANGUAGE_CODES, in_language, language_name, texts_given
from portal.roles import Role
from portal.tasks import email_send
from surveys.answering.prefill import cycle_prefill
from surveys.models import (
    Cycle,
    CycleInvitation,
    QuestionnaireVersion,
    ReminderSent,
    Reply,
    ReplyStatus,
    VersionStatus,
)
from surveys.questionnaires.selectors import version_with_content
from surveys.questionnaires.services import version_texts

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise, WithAnnotations

# Replies in these states need nothing more from the respondent: no reminder.
SUBMITTED_STATUSES = (ReplyStatus.SUBMITTED, ReplyStatus.RESUBMITTED, ReplyStatus.ACCEPTED)
DEFAULT_REMINDER_DAYS = (30, 14, 7, 1)


class CycleRefused(Exception):
    """The step cannot be taken; the message says why, in words for the user."""


def _require_administrator(user: User) -> None:
    if not (user.is_authenticated and user.is_administrator):
        raise PermissionDenied


def member_states() -> QuerySet[Respondent]:
    """The respondents a cycle invites unless told otherwise: every active Member State."""
    return Respondent.objects.filter(type__code=RespondentType.MEMBER_STATE, is_active=True)


class TextsMissing(CycleRefused):
    """The version's texts are incomplete in languages the invited respondents read: the cycle
    opens only if an administrator overrides it, saying why."""

    def __init__(self, missing: dict[str, int]):
        self.missing = missing
        names = ", ".join(
            f"{language_name(code, in_sentence=True)} ({count})" for code, count in missing.items()
        )
        super().__init__(
            _(
                "The questionnaire's texts are incomplete in languages the invited respondents' "
                "contact persons read: texts missing in %(languages)s. Complete the translations, "
                "or open the cycle anyway and say why."
            )
            % {"languages": names}
        )


def languages_read(respondents: Iterable[Respondent]) -> set[str]:
    """The languages the contact persons of `respondents` read the portal in."""
    return set(
        User.objects.filter(
            respondent__in=list(respondents), is_active=True, role=Role.CONTACT_PERSON
        ).values_list("preferred_language", flat=True)
    )


def texts_missing(version: QuestionnaireVersion, languages: Iterable[str]) -> dict[str, int]:
    """How many texts of `version` are missing in each of `languages` (those with none missing
    left out), in the order of the portal's languages."""
    wanted = set(languages)
    if not wanted:
        return {}
    items = version_texts(version=version_with_content(pk=version.pk))
    missing = {
        code: sum(1 for item in items if not item.in_language(code))
        for code in LANGUAGE_CODES
        if code in wanted
    }
    return {code: count for code, count in missing.items() if count}


def _texts_given(texts: dict[str, str] | str, refusal: "StrOrPromise") -> dict[str, str]:
    """A multilingual text from a form (or a plain English string); refused if empty."""
    given = texts_given(texts, "en")
    if not given:
        raise CycleRefused(refusal)
    return given


@transaction.atomic
def cycle_open(
    *,
    version: QuestionnaireVersion,
    title: dict[str, str] | str,
    opens_on: datetime.date,
    deadline: datetime.date,
    commission_session: dict[str, str] | str,
    respondents: Iterable[Respondent] | None = None,
    override_reason: str = "",
    by: User,
) -> Cycle:
    """Open a cycle of collection of an approved version, inviting `respondents` (by default
    every Member State). Each invited respondent gets its invitation and a reply, pre-filled from
    its last accepted reply of an earlier cycle for the unchanged questions (cycle_prefill).

    `title` and `commission_session` are multilingual ({"en": ..., "fr": ...}). A version whose
    texts are incomplete in a language the invited respondents' contact persons read is refused
    (`TextsMissing`) unless `override_reason` says why it goes out anyway; the cycle records the
    languages, who decided and why.
    """
    _require_administrator(by)
    # Locked so that the version cannot be retired while the cycle is being opened.
    version = QuestionnaireVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != VersionStatus.APPROVED:
        raise CycleRefused(_("Only an approved questionnaire version can be sent out in a cycle."))
    title = _texts_given(title, _("Give the cycle a title."))
    commission_session = _texts_given(
        commission_session, _("Name the Commission session whose report the replies feed.")
    )
    if deadline < opens_on:
        raise CycleRefused(_("The deadline cannot come before the opening date."))
    if deadline < timezone.localdate():
        raise CycleRefused(_("The deadline has already passed."))
    invited = {r.pk: r for r in (member_states() if respondents is None else respondents)}
    if not invited:
        raise CycleRefused(_("Invite at least one respondent."))
    missing = texts_missing(version, languages_read(invited.values()))
    override_reason = override_reason.strip()
    if missing and not override_reason:
        raise TextsMissing(missing)
    cycle = Cycle.objects.create(
        version=version,
        title=title,
        opens_on=opens_on,
        deadline=deadline,
        commission_session=commission_session,
        untranslated_languages=list(missing),
        language_override_by=by if missing else None,
        language_override_reason=override_reason if missing else "",
        created_by=by,
    )
    CycleInvitation.objects.bulk_create(
        CycleInvitation(cycle=cycle, respondent_id=pk) for pk in invited
    )
    Reply.objects.bulk_create(Reply(cycle=cycle, respondent_id=pk) for pk in invited)
    cycle_prefill(cycle=cycle, by=by)
    return cycle


@transaction.atomic
def cycle_extend_deadline(
    *, invitation: CycleInvitation, deadline: datetime.date, by: User, base_url: str = ""
) -> CycleInvitation:
    """Give one respondent a later deadline than the cycle's, and tell its contact persons.

    Reminders then count down to the new deadline: the intervals it puts back in the future are
    reminded again. `base_url` ("https://host") makes the link in the e-mails absolute.
    """
    _require_administrator(by)
    invitation = (
        CycleInvitation.objects.select_for_update()
        .select_related("cycle__version", "respondent")
        .get(pk=invitation.pk)
    )
    cycle = invitation.cycle
    if deadline <= cycle.deadline:
        raise CycleRefused(
            _("An extended deadline comes after the deadline of the cycle (%(date)s).")
            % {"date": _long_date(cycle.deadline)}
        )
    today = timezone.localdate()
    if deadline < today:
        raise CycleRefused(_("The new deadline has already passed."))
    invitation.extended_deadline = deadline
    invitation.save(update_fields=["extended_deadline"])
    ReminderSent.objects.filter(
        invitation=invitation, days_before__lt=(deadline - today).days
    ).delete()
    for person in _contact_persons_to_write([invitation.respondent_id])[invitation.respondent_id]:
        with translation.override(person.preferred_language):
            texts = _email_texts(invitation, person, base_url)
            subject = gettext("Deadline extended to %(date)s: %(title)s") % texts
            body = render_to_string("surveys/cycles/email_extension.txt", texts)
        email_send.delay_on_commit(subject=subject, body=body, to=[person.email])
    return invitation


# --- Reminders -----------------------------------------------------------------------------------


def reminder_intervals() -> list[int]:
    """How many days before a deadline reminders go out (settings.REPLY_REMINDER_DAYS),
    tightest last."""
    days = getattr(settings, "REPLY_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)
    return sorted({int(d) for d in days if int(d) >= 0}, reverse=True)


class _DueOn(TypedDict):
    """What reminders_due annotates each invitation with."""

    due_on: datetime.date  # the extended deadline, else the cycle's
    reply_status: str | None  # None: no reply yet


@dataclass(frozen=True)
class DueReminder:
    # with .cycle.version and .respondent loaded
    invitation: "WithAnnotations[CycleInvitation, _DueOn]"
    contact_person: User
    days_before: int  # the interval this reminder belongs to


def _contact_persons_to_write(
    respondent_ids: Iterable[int | None],
) -> dict[int | None, list[User]]:
    """Active contact persons with an e-mail address and a password (invitees who have not yet
    accepted cannot sign in, and a password reset would not reach them), by respondent."""
    people: defaultdict[int | None, list[User]] = defaultdict(list)
    for person in (
        User.objects.filter(
            role=Role.CONTACT_PERSON, respondent_id__in=respondent_ids, is_active=True
        )
        .exclude(email="")
        .exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .order_by("pk")
    ):
        people[person.respondent_id].append(person)
    return people


def reminders_due(*, today: datetime.date) -> list[DueReminder]:
    """The reminders to send on `today`: for every open cycle, every invited respondent whose reply
    is not submitted, every contact person who has not yet been reminded in the interval its
    deadline is now in. An interval is the time up to `d` days before the deadline, for each `d` of
    reminder_intervals(); a reminder belongs to the tightest interval, so a day missed by the
    scheduler never produces a burst of reminders for the intervals already passed.

    Three queries, whatever the number of cycles, respondents and contact persons.
    """
    intervals = reminder_intervals()
    if not intervals:
        return []
    replies = Reply.objects.filter(cycle=OuterRef("cycle_id"), respondent=OuterRef("respondent_id"))
    invitations = list(
        CycleInvitation.objects.select_related("cycle__version", "respondent")
        .annotate(
            due_on=Coalesce("extended_deadline", "cycle__deadline"),
            reply_status=Subquery(replies.values("status")[:1]),
        )
        .filter(
            cycle__opens_on__lte=today,
            due_on__gte=today,
            due_on__lte=today + datetime.timedelta(days=intervals[0]),
        )
        .exclude(Exists(replies.filter(status__in=SUBMITTED_STATUSES)))
        .order_by("cycle_id", "pk")
    )
    if not invitations:
        return []
    people = _contact_persons_to_write({i.respondent_id for i in invitations})
    sent = set(
        ReminderSent.objects.filter(invitation__in=invitations).values_list(
            "invitation_id", "contact_person_id", "days_before"
        )
    )
    due = []
    for invitation in invitations:
        days_left = (invitation.due_on - today).days
        interval = min(d for d in intervals if d >= days_left)
        for person in people.get(invitation.respondent_id, ()):
            if (invitation.pk, person.pk, interval) not in sent:
                due.append(DueReminder(invitation, person, interval))
    return due


def reminder_send(*, due: DueReminder, today: datetime.date, base_url: str) -> bool:
    """Record the reminder and enqueue its e-mail in one transaction: the e-mail leaves only if the
    record is committed, and a reminder already recorded (a second run, a concurrent worker) is
    not sent again. Returns whether it was sent."""
    invitation, person = due.invitation, due.contact_person
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                invitation=invitation, contact_person=person, days_before=due.days_before
            )
            with translation.override(person.preferred_language):
                texts = _email_texts(invitation, person, base_url)
                texts["days_left"] = (invitation.due_on - today).days
                texts["status"] = ReplyStatus(
                    invitation.reply_status or ReplyStatus.NOT_STARTED
                ).label
                subject = gettext("Reminder: reply due on %(date)s: %(title)s") % texts
                body = render_to_string("surveys/cycles/email_reminder.txt", texts)
            email_send.delay_on_commit(subject=subject, body=body, to=[person.email])
    except IntegrityError:
        return False
    return True


def _email_texts(invitation: CycleInvitation, person: User, base_url: str) -> dict:
    """What the e-mails about an invitation say, in the active language."""
    language = translation.get_language()
    version = invitation.cycle.version
    deadline = getattr(invitation, "due_on", None) or invitation.deadline
    return {
        "person": person,
        **invitation.respondent.sentence_forms(language),
        "title": in_language(version.title, language, fallback=version.original_language),
        "cycle": invitation.cycle,
        "deadline": deadline,
        "date": _long_date(deadline),
        "link": base_url.rstrip("/") + reverse("surveys:contact_dashboard"),
    }


def _long_date(date: datetime.date) -> str:
    return date_text(date)
