import pytest
from django.core.management import CommandError, call_command

from portal.demo import DEMO_PASSWORD
from portal.models import User
from portal.roles import Role

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_one_account_per_role_and_prints_the_logins(reference_data, capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
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


def test_the_demo_questionnaires_are_approved_and_in_consultation(reference_data):
    from surveys.models import QuestionnaireVersion, VersionStatus

    call_command("seed_demo")
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


def test_seed_demo_is_idempotent_and_keeps_a_changed_password(reference_data):
    call_command("seed_demo", stdout=None)
    admin = User.objects.get(username="admin")
    admin.set_password("changed-by-the-administrator")
    admin.save()
    count = User.objects.count()
    call_command("seed_demo")
    assert User.objects.count() == count
    from surveys.models import QuestionnaireVersion
    from surveys.questionnaires.seeding import seeded_documents

    # The seeded questionnaires, and the second version of category (a).
    assert QuestionnaireVersion.objects.count() == len(seeded_documents()) + 1
    admin.refresh_from_db()
    assert admin.check_password("changed-by-the-administrator")


def test_seed_demo_refuses_in_production(reference_data, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo")
    assert not User.objects.exists()
