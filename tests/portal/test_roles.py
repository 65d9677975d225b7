import pytest
from django.db import IntegrityError, transaction

from portal.models import Respondent, User
from portal.roles import Role
from portal.services import ROLE_GROUP_NAMES, user_assign_role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_contact_person_is_bound_to_exactly_one_respondent_in_the_database(reference_data):
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(role=Role.CONTACT_PERSON)
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(role=Role.REVIEWER, respondent=Respondent.objects.get(code="KEN"))


def test_assigning_a_role_sets_its_group_and_admin_access(reference_data):
    user = user_assign_role(user=UserFactory(), role=Role.ADMINISTRATOR)
    assert user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == [
        ROLE_GROUP_NAMES[Role.ADMINISTRATOR]
    ]
    assert user.has_perm("portal.change_respondent") and user.has_perm("clusters.change_standard")

    user = user_assign_role(user=User.objects.get(pk=user.pk), role=Role.REVIEWER)
    assert not user.is_staff
    user = User.objects.get(pk=user.pk)
    assert user.has_perm("portal.view_respondent")
    assert not user.has_perm("portal.change_respondent")


def test_a_contact_person_role_needs_a_respondent(reference_data):
    with pytest.raises(ValueError, match="needs a respondent"):
        user_assign_role(user=UserFactory(), role=Role.CONTACT_PERSON)


@pytest.mark.parametrize("actor", ["state_a_contact", "reviewer", "delegate"])
def test_only_administrators_reach_the_django_admin(actor, request, client_for):
    response = client_for(request.getfixturevalue(actor)).get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_an_administrator_corrects_reference_data_in_the_admin(administrator, client_for):
    client = client_for(administrator)
    kenya = Respondent.objects.get(code="KEN")
    page = client.get(f"/admin/portal/respondent/{kenya.pk}/change/")
    assert page.status_code == 200
    assert 'name="name_ar"' in page.content.decode()  # the Arabic name, beside the five others
    form = page.context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and key not in {"name", "id"}
    }
    data.update({f"name_{code}": text for code, text in kenya.name.items()})
    data.update(type=kenya.type_id, name_en="Kenya (corrected)")
    for flag in ("is_ldc", "is_lldc", "is_sids", "is_active"):
        if not data.get(flag):
            data.pop(flag, None)
    response = client.post(f"/admin/portal/respondent/{kenya.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    kenya.refresh_from_db()
    assert kenya.name["en"] == "Kenya (corrected)"
    assert kenya.name["ar"] == "كينيا"


def test_a_reviewer_accepts_replies_only_once_added_to_the_accepting_group(reviewer):
    from django.contrib.auth.models import Group

    from portal.services import ACCEPTING_GROUP_NAME
    from surveys.review.services import user_may_accept

    assert not user_may_accept(reviewer)
    reviewer.groups.add(Group.objects.get(name=ACCEPTING_GROUP_NAME))
    assert user_may_accept(User.objects.get(pk=reviewer.pk))


def test_the_demo_reviewer_may_accept_replies(reference_data):
    from portal.demo import demo_seed
    from surveys.review.services import user_may_accept

    demo_seed()
    assert user_may_accept(User.objects.get(username="reviewer"))
