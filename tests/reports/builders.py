"""A cycle of the seeded category (a) questionnaire with replies, coding, requests and experts,
for report tests (and the report benchmark on a small cycle). Deterministic for a given seed."""

import datetime
import random

from django.utils import timezone

from clusters.models import Cluster, Expert
from portal.models import Respondent
from surveys.consultation.services import version_approve
from surveys.models import (
    Answer,
    AnswerTheme,
    AssistanceMatch,
    AssistanceRequest,
    Cycle,
    CycleInvitation,
    Decision,
    Purpose,
    QuestionType,
    Reply,
    ReplyStatus,
    Theme,
    ThemeKind,
    UsefulPractice,
)
from surveys.questionnaires.seeding import questionnaires_seed
from surveys.questionnaires.selectors import version_with_content

DIFFICULTIES = [
    "The main difficulty is the lack of trained personnel and of financial resources for prisons.",
    "Overcrowding remains severe and the budget does not allow new facilities to be built.",
    "Legislation has not yet been brought into line with the standards; a draft law is pending.",
    "Coordination between the courts, the police and the probation service is weak.",
]
DIFFICULTIES_FR = "Le manque de personnel formé et de ressources financières limite l'application."
DIFFICULTIES_AR = "يتمثل التحدي الرئيسي في نقص الموظفين المدربين والموارد المالية."
PRACTICES = [
    "A national inspection mechanism visits every prison twice a year and publishes its findings.",
    "Community service orders are supervised by trained volunteers in every district.",
    "Juvenile cases are diverted to family group conferences before any court hearing.",
]
PRACTICE_AR = "أنشأت الدولة آلية وطنية مستقلة لتفتيش السجون تنشر تقاريرها سنويا."


def seeded_category_a(administrator):
    """The category (a) questionnaire as seeded, approved."""
    version = next(
        v
        for v, _created in questionnaires_seed(by=administrator)
        if v.questionnaire.code == "category-a"
    )
    if version.status != "approved":
        version = version_approve(
            version=version,
            by=administrator,
            meeting="Test meeting",
            date=datetime.date(2026, 1, 5),
        )
    return version


def themes_ensure() -> tuple[list[Theme], list[Theme]]:
    """The codebook's difficulty themes and assistance areas (a few of them made if it is empty)."""
    if not Theme.objects.filter(kind=ThemeKind.DIFFICULTY).exists():
        for order, (code, label) in enumerate(
            [("staff", "Lack of trained personnel"), ("money", "Lack of financial resources"),
             ("law", "Legislation not in line with the standards")]
        ):  # fmt: skip
            Theme.objects.create(
                kind=ThemeKind.DIFFICULTY, code=code, label={"en": label}, order=order
            )
    if not Theme.objects.filter(kind=ThemeKind.ASSISTANCE_AREA).exists():
        for order, (code, label) in enumerate(
            [("training", "Training"), ("legislative", "Legislative assistance")]
        ):
            Theme.objects.create(
                kind=ThemeKind.ASSISTANCE_AREA, code=code, label={"en": label}, order=order
            )
    return (
        list(Theme.objects.filter(kind=ThemeKind.DIFFICULTY, is_active=True).order_by("order")),
        list(
            Theme.objects.filter(kind=ThemeKind.ASSISTANCE_AREA, is_active=True).order_by("order")
        ),
    )


def filled_cycle(
    administrator,
    *,
    replied: list[str],
    invited: list[str] | None = None,
    status: str = ReplyStatus.ACCEPTED,
    seed: int = 1,
    other_languages: bool = True,
) -> Cycle:
    """A cycle inviting `invited` (default: `replied`), where each of `replied` has answered every
    question, with coding, featured practices, requests for assistance and a small roster."""
    rng = random.Random(seed)
    version = version_with_content(pk=seeded_category_a(administrator).pk)
    cycle = Cycle.objects.create(
        version=version,
        title={"en": "Category (a) cycle"},
        opens_on=datetime.date(2026, 11, 1),
        deadline=datetime.date(2027, 1, 31),
        commission_session={"en": "Thirty-sixth session"},
        created_by=administrator,
    )
    codes = list(dict.fromkeys([*(invited or []), *replied]))
    respondents = {r.code: r for r in Respondent.objects.filter(code__in=codes)}
    CycleInvitation.objects.bulk_create(
        CycleInvitation(cycle=cycle, respondent=respondents[code]) for code in codes
    )
    now = timezone.now()
    replies = Reply.objects.bulk_create(
        Reply(cycle=cycle, respondent=respondents[code], status=status, submitted_at=now)
        for code in replied
    )
    questions = [q for s in version.section_list for q in s.question_list]
    answers = []
    for index, reply in enumerate(replies):
        for question in questions:
            value = _value(question, rng, index, other_languages)
            if value is not None:
                answers.append(
                    Answer(reply=reply, question=question, value=value, updated_by=administrator)
                )
    answers = Answer.objects.bulk_create(answers, batch_size=2000)
    difficulties, areas = themes_ensure()
    requests = _coded_answers(answers, rng, (difficulties, areas), administrator, now)
    _requests_made(requests, rng, areas, administrator)
    return cycle


def _coded_answers(
    answers: list[Answer], rng: random.Random, themes: tuple[list[Theme], list[Theme]], by, now
) -> list[Answer]:
    """Codes the answers (difficulties, assistance areas) and features some practices; returns the
    answers on assistance needed that become requests."""
    difficulties, areas = themes
    coded, practices, requests = [], [], []
    for answer in answers:
        purpose, kind = answer.question.purpose, answer.question.type
        if purpose == Purpose.DIFFICULTY:
            for theme in rng.sample(difficulties, k=min(len(difficulties), rng.choice((1, 1, 2)))):
                coded.append(_coded(answer, theme, by, now))
        elif purpose == Purpose.ASSISTANCE_NEED and kind == QuestionType.LONG_TEXT:
            coded.append(_coded(answer, rng.choice(areas), by, now))
            if rng.random() < 0.5:
                requests.append(answer)
        elif purpose == Purpose.USEFUL_PRACTICE and rng.random() < 0.4:
            practices.append(
                UsefulPractice(
                    answer=answer, featured=True, updated_by=by, updated_at=now,
                    summary={} if rng.random() < 0.5 else {
                        "en": "A summary of the practice by the Secretariat.",
                        "fr": "Un résumé de la pratique par le Secrétariat.",
                    },
                )
            )  # fmt: skip
    AnswerTheme.objects.bulk_create(coded, batch_size=2000)
    UsefulPractice.objects.bulk_create(practices, batch_size=2000)
    return requests


def _requests_made(answers: list[Answer], rng: random.Random, areas: list[Theme], by) -> None:
    """A request for assistance for each of `answers`, some matched with the roster's expert."""
    cluster = Cluster.objects.get(letter="a")
    if not Expert.objects.exists():
        expert = Expert.objects.create(
            name="Expert One",
            regional_group="african",
            expertise={"en": "Prison reform"},
            languages=["en"],
        )
        expert.clusters.add(cluster)
    expert = Expert.objects.first()
    statuses = ["received", "under_assessment", "matched", "in_progress", "completed", "declined"]
    for number, answer in enumerate(answers):
        request = AssistanceRequest.objects.create(
            respondent=answer.reply.respondent,
            reply=answer.reply,
            answer=answer,
            cluster=cluster if number % 3 else Cluster.objects.get(letter="e"),
            area=rng.choice(areas),
            description=str(answer.value),
            status=statuses[number % len(statuses)],
        )
        if request.status in ("matched", "in_progress", "completed"):
            AssistanceMatch.objects.create(request=request, expert=expert, by=by)


def _coded(answer, theme, by, now):
    return AnswerTheme(
        answer=answer, theme=theme, decision=Decision.ACCEPTED, decided_by=by, decided_at=now
    )


def _value(question, rng: random.Random, index: int, other_languages: bool):
    if question.type in (QuestionType.LONG_TEXT, QuestionType.SHORT_TEXT):
        return _text_value(question, rng, index, other_languages)
    options = [c.name for c in question.option_list]
    match question.type:
        case QuestionType.YES_NO:
            return rng.choice(["yes", "yes", "no"])
        case QuestionType.YES_NO_PARTLY_DK:
            return rng.choice(["yes", "partly", "no", "dont_know"])
        case QuestionType.SINGLE_CHOICE:
            return rng.choice(options)
        case QuestionType.MULTIPLE_CHOICE:
            return rng.sample(options, k=rng.randint(1, len(options)))
        case QuestionType.TABLE:
            return {row.name: rng.choice(options) for row in question.row_list}
        case QuestionType.INTEGER:
            return str(rng.randint(10, 5000))
        case QuestionType.DECIMAL:
            return f"{rng.uniform(1, 100):.1f}"
        case QuestionType.DATE:
            return "2026-06-30"
    return None


def _text_value(question, rng: random.Random, index: int, other_languages: bool) -> str:
    """A practice or a difficulty, now and then in French or Arabic."""
    if question.purpose == Purpose.USEFUL_PRACTICE:
        if other_languages and index % 7 == 3:
            return PRACTICE_AR
        return rng.choice(PRACTICES)
    if other_languages and index % 5 == 2:
        return DIFFICULTIES_FR
    if other_languages and index % 7 == 3:
        return DIFFICULTIES_AR
    return rng.choice(DIFFICULTIES)
