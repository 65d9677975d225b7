"""The demo accounts that `manage.py seed_demo` creates: one for each role."""

from base64 import b32encode
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from portal.models import Respondent, User
from portal.roles import SECRETARIAT_ROLES, Role
from portal.services import ACCEPTING_GROUP_NAME, user_assign_role

DEMO_PASSWORD = "standards-and-norms"  # noqa: S105 - demo accounts only; refused in production
# The demo's reviewer and administrator need a second factor (portal.twofactor): their
# authenticator app is given this key, public like the password. Add it to any authenticator app
# (base 32: DEMO_TOTP_BASE32), or print the current code with `manage.py demo_code`.
DEMO_TOTP_SECRET = b"standards-and-norms!"  # 20 bytes, as django-otp makes them
DEMO_TOTP_KEY = DEMO_TOTP_SECRET.hex()
DEMO_TOTP_BASE32 = b32encode(DEMO_TOTP_SECRET).decode("ascii")


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    first_name: str
    last_name: str
    language: str = "en"
    respondent_code: str | None = None


DEMO_ACCOUNTS = (
    DemoAccount("admin", Role.ADMINISTRATOR, "Amina", "Haddad"),
    DemoAccount("reviewer", Role.REVIEWER, "Rafael", "Ortega", "es"),
    DemoAccount("delegate", Role.DELEGATE, "Dmitri", "Volkov", "ru"),
    DemoAccount("kenya", Role.CONTACT_PERSON, "Wanjiru", "Kamau", "en", "KEN"),
    DemoAccount("senegal", Role.CONTACT_PERSON, "Awa", "Diop", "fr", "SEN"),
    DemoAccount("jordan", Role.CONTACT_PERSON, "Layla", "Nasser", "ar", "JOR"),
)


@transaction.atomic
def demo_seed() -> list[tuple[DemoAccount, bool]]:
    """Create the demo accounts that are missing; an existing account keeps its password."""
    respondents = {
        r.code: r
        for r in Respondent.objects.filter(
            code__in=[a.respondent_code for a in DEMO_ACCOUNTS if a.respondent_code]
        )
    }
    results = []
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={
                "first_name": account.first_name,
                "last_name": account.last_name,
                "email": f"{account.username}@example.org",
                "preferred_language": account.language,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
        user_assign_role(
            user=user,
            role=account.role,
            respondent=respondents[account.respondent_code] if account.respondent_code else None,
        )
        if created and account.role == Role.CONTACT_PERSON:
            # Each demo State's contact person is its lead: the one who confirms a submission.
            user.is_lead_contact = True
            user.save(update_fields=["is_lead_contact"])
        if account.role in SECRETARIAT_ROLES:
            _demo_second_factor(user)
        if account.role == Role.REVIEWER:
            # The demo reviewer may accept replies, so the whole review can be tried.
            user.groups.add(Group.objects.get(name=ACCEPTING_GROUP_NAME))
        results.append((account, created))
    return results


def _demo_second_factor(user: User) -> None:
    """Give a demo staff account the demo authenticator key, unless it has set up its own."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if user.second_factor_on:
        return
    TOTPDevice.objects.filter(user=user).delete()
    TOTPDevice.objects.create(
        user=user, name="demo authenticator app", key=DEMO_TOTP_KEY, confirmed=True
    )
    User.objects.filter(pk=user.pk).update(second_factor_on=True)
    user.second_factor_on = True
