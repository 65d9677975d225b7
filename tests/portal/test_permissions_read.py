"""A user's permissions are read with their groups' in one query (portal.security.backends), and
mean what Django's own backend makes of them: given directly or through a group, never to an
inactive user, every one to a superuser."""

import pytest
from django.contrib.auth.models import Group, Permission

from portal.models import User
from portal.roles import Role
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

ACCEPT = "surveys.accept_reply"


def fresh(user):
    return User.objects.get(pk=user.pk)


def test_a_permission_given_directly_or_through_a_group_is_read_in_one_query(
    reviewer, django_assert_num_queries
):
    other = user_with_role(Role.REVIEWER, username="other-reviewer")
    accepting = Group.objects.create(name="Accepting (test)")
    accepting.permissions.add(Permission.objects.get(codename="accept_reply"))
    other.groups.add(accepting)
    reviewer.user_permissions.add(Permission.objects.get(codename="accept_reply"))
    neither = user_with_role(Role.REVIEWER, username="third-reviewer")
    for user, expected in ((fresh(reviewer), True), (fresh(other), True), (fresh(neither), False)):
        with django_assert_num_queries(1):
            assert user.has_perm(ACCEPT) is expected
            assert user.has_perm(ACCEPT) is expected  # kept on the user


def test_an_inactive_user_has_none_and_a_superuser_every_one(reviewer):
    reviewer.user_permissions.add(Permission.objects.get(codename="accept_reply"))
    reviewer.is_active = False
    reviewer.save()
    assert not fresh(reviewer).has_perm(ACCEPT)
    root = User.objects.create(username="root", is_superuser=True)
    assert root.has_perm(ACCEPT) and root.has_perm("surveys.change_reply")
