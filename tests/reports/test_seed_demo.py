"""seed_demo: one account per role with the logins printed, the seeded questionnaires approved (one
in consultation), the demonstration cycles; seeding again adds nothing and keeps what was changed.
One seeding for all of it: seeding takes seconds."""

import pytest
from django.core.management import CommandError, call_command

from portal.demo import DEMO_PASSWORD
from portal.models import User
from portal.roles import Role
from surveys.models import QuestionnaireVersion, VersionStatus
from surveys.questionnaires.seeding import seeded_documents
from tests.surveys.questionnaires.test_seeded_questionnaires import SEEDED

pytestmark = pytest.mark.django_db


def _accounts_are_one_per_role_and_printed(out: str) -> None:
    roles = set(User.objects.exclude(role="").values_list("role", flat=True))
    assert roles == {role.value for role in Role}
    contacts = User.objects.filter(role=Role.CONTACT_PERSON)
    assert contacts.values("respondent").distinct().count() >= 2
    for user in User.objects.all():
        assert user.username in out
        assert user.check_password(DEMO_PASSWORD)
    assert DEMO_PASSWORD in out
    assert "category-a v1: 57 questions, Approved" in out
    assert "category-c-victims v1: 24 questions, In consultation" in out


def _questionnaires_are_approved_and_in_consultation() -> None:
    category_a = QuestionnaireVersion.objects.get(questionnaire__code="category-a", number=1)
    # Approved, then retired by the second version, on which the second demonstration cycle is.
    assert category_a.status == VersionStatus.RETIRED
    assert category_a.approval_meeting.startswith("Demonstration record")
    second = QuestionnaireVersion.objects.get(questionnaire__code="category-a", number=2)
    assert second.status == VersionStatus.APPROVED and second.based_on == category_a
    assert "A.3.3" in second.change_log and second.cycles.count() == 1
    victims = QuestionnaireVersion.objects.get(questionnaire__code="category-c-victims")
    assert victims.status == VersionStatus.CONSULTATION
    assert sorted(victims.consultation.respondents.values_list("code", flat=True)) == ["KEN", "SEN"]
    cycle = category_a.cycles.get()
    assert cycle.invitations.count() == 193 and cycle.replies.count() == 193
    leads = User.objects.filter(is_lead_contact=True).values_list("respondent__code", flat=True)
    assert sorted(leads) == ["JOR", "KEN", "SEN"]
    # Every seeded questionnaire is approved (category (a) in its second version), but the one in
    # consultation.
    statuses = dict(QuestionnaireVersion.objects.values_list("questionnaire__code", "status"))
    assert statuses == {
        code: VersionStatus.CONSULTATION if code == "category-c-victims" else VersionStatus.APPROVED
        for code in SEEDED
    }
    # Categories (a) and (d) have a demonstration cycle, (a) a second one on its second version;
    # the others wait for theirs.
    cycles = QuestionnaireVersion.objects.filter(cycles__isnull=False).values_list(
        "questionnaire__code", "number"
    )
    assert sorted(cycles) == [("category-a", 1), ("category-a", 2), ("category-d", 1)]


def test_seed_demo_creates_the_demonstration_and_seeding_again_keeps_a_changed_password(
    reference_data, capsys
):
    call_command("seed_demo")
    _accounts_are_one_per_role_and_printed(capsys.readouterr().out)
    _questionnaires_are_approved_and_in_consultation()

    admin = User.objects.get(username="admin")
    admin.set_password("changed-by-the-administrator")
    admin.save()
    count = User.objects.count()
    call_command("seed_demo", stdout=None)
    assert User.objects.count() == count
    # The seeded questionnaires, and the second version of category (a).
    assert QuestionnaireVersion.objects.count() == len(seeded_documents()) + 1
    admin.refresh_from_db()
    assert admin.check_password("changed-by-the-administrator")


def test_seed_demo_refuses_in_production(reference_data, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo")
    assert not User.objects.exists()
