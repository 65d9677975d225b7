"""The demo accounts that `manage.py seed_demo` creates: one for each role."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from portal.models import Respondent, User
from portal.roles import Role
from portal.services import ACCEPTING_GROUP_NAME, user_assign_role

DEMO_PASSWORD = "standards-and-norms"  # noqa: S105 - demo accounts only; refused in production


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
        if account.role == Role.REVIEWER:
            # The demo reviewer may accept replies, so the whole review can be tried.
            user.groups.add(Group.objects.get(name=ACCEPTING_GROUP_NAME))
        results.append((account, created))
    return results
