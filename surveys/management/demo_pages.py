"""The demo's busiest pages (`manage.py seed_demo`), which `make profile` and `make loadtest`
measure: a contact person's largest section, the reply, a question to autosave, a submitted reply
to review and the long-text question with most answers to code, and a verified staff session."""

import importlib
from dataclasses import dataclass

from django.apps import apps
from django.core.management.base import CommandError
from django.db.models import Count
from django.test import Client

from portal.models import User
from surveys.models import Cycle, Question, Reply, ReplyStatus, Section


@dataclass
class DemoPages:
    cycle: Cycle
    contact: User
    reviewer: User
    reply: Reply  # the contact person's
    section: Section  # its section with the most questions
    saved: Question  # a text question of that section (else of the questionnaire), autosaved
    reviewed: Reply  # a submitted reply
    coded: Question  # the long-text question with the most answers


def demo_pages(*, contact: str = "kenya", reviewer: str = "reviewer") -> DemoPages:
    """The demo's first category (a) cycle and the pages measured on it."""
    from surveys.questionnaires.seeding import DEMO_APPROVED

    cycle = (
        Cycle.objects.filter(version__questionnaire__code=DEMO_APPROVED)
        .order_by("opens_on", "pk")
        .first()
    )
    if cycle is None:
        raise CommandError("No demo cycle: run manage.py load_reference_data and seed_demo.")
    person = User.objects.get(username=contact)
    reply = Reply.objects.get(cycle=cycle, respondent=person.respondent)
    section = (
        Section.objects.filter(version_id=cycle.version_id)
        .annotate(n=Count("questions"))
        .order_by("-n", "order")
        .first()
    )
    reviewed = (
        Reply.objects.filter(cycle=cycle)
        .exclude(status__in=(ReplyStatus.NOT_STARTED, ReplyStatus.IN_PROGRESS))
        .order_by("respondent__code")
        .first()
    )
    coded = (
        Question.objects.filter(version_id=cycle.version_id, type="long_text")
        .annotate(n=Count("answers"))
        .order_by("-n", "order")
        .first()
    )
    saved = (
        Question.objects.filter(section=section, type__in=("short_text", "long_text"))
        .order_by("order")
        .first()
        or Question.objects.filter(version_id=cycle.version_id, type="long_text").first()
    )
    if section is None or reviewed is None or coded is None or saved is None:
        raise CommandError("The demo cycle has no submitted reply: run manage.py seed_demo.")
    return DemoPages(
        cycle, person, User.objects.get(username=reviewer), reply, section, saved, reviewed, coded
    )


def second_factor_pass(client: Client, user: User, *, name: str) -> None:
    """Staff pass a second factor (django-otp) before any page: a one-time device named `name`,
    made for the measurement, marks the client's session as verified."""
    if not apps.is_installed("django_otp.plugins.otp_static"):
        return
    otp = importlib.import_module("django_otp")
    static = importlib.import_module("django_otp.plugins.otp_static.models")
    device = static.StaticDevice.objects.create(user=user, name=name, confirmed=True)
    session = client.session
    session[otp.DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
