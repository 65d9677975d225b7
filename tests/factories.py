"""factory_boy factories of the main models, and the helpers that give a user a role."""

import datetime

import factory

from clusters.models import Availability, Category, Cluster, Expert
from portal.models import Respondent, RespondentType, User
from portal.roles import Role
from portal.services import user_assign_role
from surveys.consultation.services import version_approve
from surveys.models import (
    Answer,
    AssistanceRequest,
    Choice,
    ChoiceKind,
    Cycle,
    CycleInvitation,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    QuestionType,
    Reply,
    ReviewComment,
    Section,
    Theme,
    ThemeKind,
)
from surveys.questionnaires.versions import version_from_document
from tests.surveys.samples import sample_document

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


# --- Respondents, questionnaires and cycles -----------------------------------------------------
# The reference data (respondent types, the UN Member States, categories, clusters, standards)
# comes from `load_reference_data`; these factories look it up rather than invent it.


class RespondentFactory(factory.django.DjangoModelFactory):
    """A respondent that is not a Member State of the reference data (an organization by default);
    a Member State is looked up: `Respondent.objects.get(code="KEN")`."""

    class Meta:
        model = Respondent
        django_get_or_create = ("code",)

    type = factory.LazyFunction(
        lambda: RespondentType.objects.get(code="intergovernmental_organization")
    )
    code = factory.Sequence(lambda n: f"ORG{n}")
    name = factory.LazyAttribute(lambda r: {"en": f"Organization {r.code}"})


class QuestionnaireFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Questionnaire
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"questionnaire-{n}")
    title = factory.LazyAttribute(lambda q: {"en": f"Questionnaire {q.code}"})
    category = factory.LazyFunction(lambda: Category.objects.get(letter="a"))


class QuestionnaireVersionFactory(factory.django.DjangoModelFactory):
    """A draft version; approve it with `version_approve` (approved content is frozen)."""

    class Meta:
        model = QuestionnaireVersion

    questionnaire = factory.SubFactory(QuestionnaireFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda v: v.questionnaire.title)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    version = factory.SubFactory(QuestionnaireVersionFactory)
    order = factory.Sequence(lambda n: n + 1)
    code = factory.Sequence(lambda n: f"S{n}")
    title = factory.LazyAttribute(lambda s: {"en": f"Section {s.code}"})


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    section = factory.SubFactory(SectionFactory)
    version = factory.SelfAttribute("section.version")
    order = factory.Sequence(lambda n: n + 1)
    code = factory.Sequence(lambda n: f"Q.{n}")
    type = QuestionType.SHORT_TEXT
    text = factory.LazyAttribute(lambda q: {"en": f"Question {q.code}"})


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory, type=QuestionType.SINGLE_CHOICE)
    kind = ChoiceKind.OPTION
    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"choice{n}")
    label = factory.LazyAttribute(lambda c: {"en": c.name.capitalize()})


def approved_version(administrator, document=None) -> QuestionnaireVersion:
    """The sample questionnaire (or `document`) imported and approved by `administrator`."""
    version = version_from_document(document=document or sample_document(), by=administrator)
    return version_approve(
        version=version, by=administrator, meeting="Test meeting", date=datetime.date(2026, 1, 5)
    )


class CycleFactory(factory.django.DjangoModelFactory):
    """A cycle open from 1 November 2026 to 31 January 2027, of the approved sample questionnaire
    unless given an approved `version`."""

    class Meta:
        model = Cycle

    created_by = factory.LazyFunction(lambda: user_with_role(Role.ADMINISTRATOR))
    version = factory.LazyAttribute(lambda c: approved_version(c.created_by))
    title = {"en": "Test cycle 2027"}
    opens_on = datetime.date(2026, 11, 1)
    deadline = datetime.date(2027, 1, 31)
    commission_session = {"en": "Thirty-sixth session (2027)"}


class CycleInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CycleInvitation
        django_get_or_create = ("cycle", "respondent")

    cycle = factory.SubFactory(CycleFactory)
    respondent = factory.SubFactory(RespondentFactory)


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reply
        django_get_or_create = ("cycle", "respondent")

    cycle = factory.SubFactory(CycleFactory)
    respondent = factory.SubFactory(RespondentFactory)


class AnswerFactory(factory.django.DjangoModelFactory):
    """An answer written straight to the table (no revision history); tests of saving go through
    `answer_save`."""

    class Meta:
        model = Answer

    reply = factory.SubFactory(ReplyFactory)
    question = factory.LazyAttribute(lambda a: a.reply.cycle.version.questions.first())
    value = "An answer"
    revision = 1


class ReviewCommentFactory(factory.django.DjangoModelFactory):
    """A reviewer's draft comment on one question of a reply."""

    class Meta:
        model = ReviewComment

    reply = factory.SubFactory(ReplyFactory)
    question = factory.LazyAttribute(lambda c: c.reply.cycle.version.questions.first())
    text = factory.Sequence(lambda n: f"Please explain answer {n}.")
    author = factory.LazyFunction(lambda: user_with_role(Role.REVIEWER))


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("code",)

    kind = ThemeKind.DIFFICULTY
    code = factory.Sequence(lambda n: f"theme-{n}")
    label = factory.LazyAttribute(lambda t: {"en": t.code.replace("-", " ").capitalize()})
    order = factory.Sequence(lambda n: n + 1)


class ExpertFactory(factory.django.DjangoModelFactory):
    """An expert of the roster; `clusters=["a", "b"]` gives the clusters by letter."""

    class Meta:
        model = Expert
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Expert {n}")
    regional_group = "african"
    languages = factory.LazyFunction(lambda: ["en"])
    expertise = {"en": "Prison reform"}
    availability = Availability.AVAILABLE

    @factory.post_generation
    def clusters(self, create, letters, **kwargs):
        if create and letters:
            self.clusters.set(Cluster.objects.filter(letter__in=letters))


class AssistanceRequestFactory(factory.django.DjangoModelFactory):
    """A request for technical assistance received outside a reply (as the Secretariat records
    one); a reply's requests come from submitting it."""

    class Meta:
        model = AssistanceRequest

    respondent = factory.SubFactory(RespondentFactory)
    description = factory.Sequence(lambda n: f"Training of prison staff ({n}).")
