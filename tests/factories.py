import factory

from portal.models import Respondent, RespondentType, User
from portal.roles import Role
from portal.services import user_assign_role

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    """A user without a role; give one with `user_with_role`."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.django.Password(PASSWORD)


def user_with_role(role: Role, respondent: Respondent | None = None, **kwargs) -> User:
    return user_assign_role(user=UserFactory(**kwargs), role=role, respondent=respondent)


def respondent_of_type(type_code: str, code: str, name_en: str) -> Respondent:
    return Respondent.objects.create(
        type=RespondentType.objects.get(code=type_code), code=code, name={"en": name_en}
    )
