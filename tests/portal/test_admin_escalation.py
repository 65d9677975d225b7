"""No privilege escalation in the admin: an administrator who is not a superuser neither sees nor
changes `is_superuser`, `user_permissions` or groups (its own account or another's), cannot change
a superuser's account, and cannot open the groups; a superuser still can."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from portal.roles import Role
from portal.services import ACCEPTING_GROUP_NAME, ROLE_GROUP_NAMES
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(reference_data):
    return user_with_role(Role.ADMINISTRATOR, username="root", is_superuser=True)


def change_url(user):
    return reverse("admin:portal_user_change", args=[user.pk])


def form_data(client, user, **changes) -> dict:
    """The change form of `user` as the admin shows it to the client, with `changes` made."""
    form = client.get(change_url(user)).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if name in ("last_login", "date_joined"):
            data[f"{name}_0"], data[f"{name}_1"] = (
                (value.date(), value.time()) if value else ("", "")
            )
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None and name != "password":
            data[name] = value.pk if hasattr(value, "pk") else value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def escalation(administrator) -> dict:
    return {
        "is_superuser": "on",
        "user_permissions": [Permission.objects.get(codename="add_group").pk],
        "groups": [Group.objects.get(name=ROLE_GROUP_NAMES[Role.ADMINISTRATOR]).pk],
    }


@pytest.mark.parametrize("field", ["is_superuser", "user_permissions", "groups"])
def test_an_administrator_does_not_see_the_fields_that_raise_rights(
    client_for, administrator, reviewer, field
):
    client = client_for(administrator)
    for user in (administrator, reviewer):
        response = client.get(change_url(user))
        assert response.status_code == 200
        assert field not in response.context["adminform"].form.fields
        assert f'name="{field}"' not in response.content.decode()


@pytest.mark.parametrize("field", ["is_superuser", "user_permissions", "groups"])
def test_an_administrator_cannot_give_itself_or_a_reviewer_more_rights(
    client_for, administrator, reviewer, field
):
    client = client_for(administrator)
    for user in (administrator, reviewer):
        data = form_data(client, user, **{field: escalation(administrator)[field]})
        response = client.post(change_url(user), data)
        assert response.status_code == 302, response.context and response.context["errors"]
        user.refresh_from_db()
        assert not user.is_superuser
        assert not user.user_permissions.exists()
        assert list(user.groups.values_list("name", flat=True)) == [ROLE_GROUP_NAMES[user.role]]


def test_an_administrator_lets_a_reviewer_accept_replies_and_takes_it_back(
    client_for, administrator, reviewer
):
    client = client_for(administrator)
    client.post(change_url(reviewer), form_data(client, reviewer, accepts_replies="on"))
    reviewer.refresh_from_db()
    assert reviewer.groups.filter(name=ACCEPTING_GROUP_NAME).exists()
    assert reviewer.has_perm("surveys.accept_reply")
    client.post(change_url(reviewer), form_data(client, reviewer, accepts_replies=None))
    assert not reviewer.groups.filter(name=ACCEPTING_GROUP_NAME).exists()
    assert reviewer.groups.filter(name=ROLE_GROUP_NAMES[Role.REVIEWER]).exists()


def test_an_administrator_cannot_change_a_superusers_account(client_for, administrator, superuser):
    client = client_for(administrator)
    page = client.get(change_url(superuser))  # shown read-only
    assert page.status_code == 200 and not page.context["has_change_permission"]
    response = client.post(change_url(superuser), {"username": "root", "is_active": ""})
    assert response.status_code == 403
    password_url = reverse("admin:auth_user_password_change", args=[superuser.pk])
    response = client.post(password_url, {"password1": "Taken-over-1", "password2": "Taken-over-1"})
    assert response.status_code == 403
    superuser.refresh_from_db()
    assert superuser.is_active and not superuser.check_password("Taken-over-1")


def test_an_administrator_cannot_open_the_groups(client_for, administrator):
    client = client_for(administrator)
    group = Group.objects.get(name=ROLE_GROUP_NAMES[Role.ADMINISTRATOR])
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
    response = client.post(
        reverse("admin:auth_group_change", args=[group.pk]),
        {"name": group.name, "permissions": [Permission.objects.get(codename="add_group").pk]},
    )
    assert response.status_code == 403
    assert not group.permissions.filter(codename="add_group").exists()
    assert "auth_group" not in client.get(reverse("admin:index")).content.decode()


def test_a_superuser_still_sets_the_rights(client_for, superuser, reviewer):
    client = client_for(superuser)
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 200
    data = form_data(client, reviewer, **escalation(superuser))
    assert client.post(change_url(reviewer), data).status_code == 302
    reviewer.refresh_from_db()
    assert reviewer.is_superuser and reviewer.user_permissions.exists()
