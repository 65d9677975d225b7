"""Contact persons (annex, para. 11): invited by e-mail, they choose their own password.

The administrator (or the lead contact person of the respondent, for colleagues) gives a name, an
e-mail address and a language. The portal creates the account without a usable password and
e-mails a link that is signed, expires, and works once: its token hashes the password and the last
log-in, which both change when the link is used (Django's password-reset tokens, with a salt of
their own so that neither kind of link opens the other's page).
"""

import datetime
import enum

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes, force_str
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.localformats import date_text
from portal.models import Respondent, User
from portal.roles import Role
from portal.services import user_assign_role
from portal.tasks import email_send

DEFAULT_INVITATION_TIMEOUT = 60 * 60 * 24 * 14  # seconds


class InvitationRefused(Exception):
    """The invitation cannot be made; the message says why, in words for the user."""


class LinkState(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    USED = "used"  # used already, replaced by a newer invitation, or not a link we made


def invitation_timeout() -> int:
    """How long an invitation link works, in seconds (settings.CONTACT_INVITATION_TIMEOUT)."""
    return int(getattr(settings, "CONTACT_INVITATION_TIMEOUT", DEFAULT_INVITATION_TIMEOUT))


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "portal.invitations.InvitationTokenGenerator"

    def check_token(self, user, token) -> bool:
        return self.link_state(user, token) is LinkState.VALID

    def link_state(self, user, token) -> LinkState:
        """Whether the link works, and if not whether it expired or was used (so the page can
        say which)."""
        if not (user and token):
            return LinkState.USED
        try:
            ts_b36, _hash = token.split("-")
            timestamp = base36_to_int(ts_b36)
        except ValueError:
            return LinkState.USED
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return LinkState.USED
        if self._num_seconds(self._now()) - timestamp > invitation_timeout():
            return LinkState.EXPIRED
        return LinkState.VALID


invitation_tokens = InvitationTokenGenerator()


def contact_person_may_invite(*, user: User, respondent: Respondent) -> bool:
    """Administrators invite for any respondent; a lead contact person, colleagues of their own."""
    if not user.is_authenticated:
        return False
    if user.is_administrator:
        return True
    return user.is_contact_person and user.is_lead_contact and user.respondent_id == respondent.pk


def _free_username(email: str) -> str:
    """The e-mail address as user name (easy to remember), made unique if it is taken."""
    base = email.lower()[:140]
    candidate, number = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


@transaction.atomic
def contact_person_invite(
    *,
    respondent: Respondent,
    email: str,
    first_name: str,
    last_name: str,
    language: str,
    is_lead: bool = False,
    by: User,
    base_url: str = "",
) -> User | None:
    """Make `email` a contact person of `respondent` and e-mail the welcome link.

    Inviting again someone who has not yet accepted sends a new link (and voids the old one).
    Naming a new lead makes the respondent's previous lead an ordinary contact person; only the
    Secretariat names leads. `base_url` ("https://host") makes the link absolute.

    An address that already has an account is refused to the Secretariat, who sees every
    account anyway; a contact person is not told (None, nothing done), so that the invitation
    page cannot be used to find out who has an account.
    """
    if not contact_person_may_invite(user=by, respondent=respondent):
        raise PermissionDenied
    if is_lead and not by.is_administrator:
        raise PermissionDenied
    email = BaseUserManager.normalize_email(email.strip())
    if not email:
        raise InvitationRefused(_("Give the e-mail address of the person to invite."))
    if language not in dict(settings.LANGUAGES):
        raise InvitationRefused(_("Choose one of the portal's languages."))
    person = User.objects.select_for_update().filter(email__iexact=email).first()
    if person is None:
        person = User(username=_free_username(email), email=email)
    elif not (
        person.is_contact_person
        and person.respondent_id == respondent.pk
        and not person.has_usable_password()
    ):
        if not by.is_secretariat:
            return None
        raise InvitationRefused(
            _("%(email)s already has an account in the portal.") % {"email": email}
        )
    person.first_name, person.last_name = first_name.strip(), last_name.strip()
    person.preferred_language = language
    person.is_active = True
    person.set_unusable_password()  # also voids the link of any earlier invitation
    if is_lead:
        # One lead per respondent (the database refuses a second): the previous lead steps down.
        User.objects.filter(respondent=respondent, is_lead_contact=True).exclude(
            pk=person.pk
        ).update(is_lead_contact=False)
    person.is_lead_contact = is_lead
    user_assign_role(user=person, role=Role.CONTACT_PERSON, respondent=respondent)
    _email_invitation(person, respondent, by, base_url)
    return person


def invitation_link(*, person: User, base_url: str = "") -> str:
    uidb64 = urlsafe_base64_encode(force_bytes(person.pk))
    token = invitation_tokens.make_token(person)
    return base_url.rstrip("/") + reverse("contact_welcome", args=[uidb64, token])


def _email_invitation(person: User, respondent: Respondent, by: User, base_url: str) -> None:
    language = person.preferred_language
    expires = timezone.localdate() + datetime.timedelta(seconds=invitation_timeout())
    with translation.override(language):
        forms = respondent.sentence_forms(language)
        subject = gettext("You are invited to answer on behalf %(respondent_of)s on the portal") % {
            "respondent_of": forms["respondent_of"]
        }
        body = render_to_string(
            "surveys/cycles/email_invitation.txt",
            {
                "person": person,
                **forms,
                "by": by,
                "link": invitation_link(person=person, base_url=base_url),
                "expires": date_text(expires),
            },
        )
    email_send.delay_on_commit(subject=subject, body=body, to=[person.email])


def contact_person_from_link(*, uidb64: str) -> User | None:
    """The invited contact person a welcome link names, if any."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    return User.objects.filter(pk=pk, role=Role.CONTACT_PERSON, is_active=True).first()


@transaction.atomic
def contact_person_welcome(*, person: User, token: str, password: str) -> User:
    """Set the invited person's password; the link cannot be used again."""
    person = User.objects.select_for_update().get(pk=person.pk)
    state = invitation_tokens.link_state(person, token)
    if state is not LinkState.VALID:
        raise InvitationRefused(
            _("This invitation link has expired.")
            if state is LinkState.EXPIRED
            else _("This invitation link has already been used.")
        )
    person.set_password(password)
    person.save(update_fields=["password"])
    return person
