"""A synthetic full cycle for benchmarks: the seeded category (a) questionnaire, approved, answered
in full by Member States and other respondents, with realistic free text in six languages, every
reply accepted, some coding and some technical-assistance requests.

Everything it creates is marked: the cycle's title starts with SYNTHETIC_CYCLE_TITLE, the other
respondents' codes with SYNTHETIC_PREFIX, the staff user is SYNTHETIC_ADMINISTRATOR.
`synthetic_cycle_delete` removes a cycle with everything hanging from it, and
`synthetic_data_delete` every synthetic cycle and respondent. Rows are written with bulk_create.

    from bench.synthetic import synthetic_cycle_build, synthetic_cycle_delete
    cycle = synthetic_cycle_build(respondents_other=60, seed=2027)  # 193 + 60 replies
"""

import datetime
import random
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from bench.banks import QUESTIONNAIRE, TEXT_BANKS, TextBank
from bench.practices import practice_figures
from portal.models import RegionalGroup, Respondent, RespondentType, User
from portal.roles import Role
from surveys.models import (
    Answer,
    AnswerTheme,
    AssistanceMatch,
    AssistanceRequest,
    Attachment,
    Cycle,
    Decision,
    Purpose,
    Question,
    QuestionnaireVersion,
    QuestionType,
    Reply,
    ReplyEvent,
    ReplyExtract,
    ReplySnapshot,
    ReplyStatus,
    RequestStatus,
    ReviewComment,
    Theme,
    ThemeKind,
    UsefulPractice,
    VersionStatus,
)
from surveys.questionnaires.conditions import condition_holds
from surveys.questionnaires.scales import FIXED_SCALES
from surveys.questionnaires.selectors import version_with_content

SYNTHETIC_PREFIX = "synthetic-"
SYNTHETIC_CYCLE_TITLE = "Synthetic benchmark cycle"
SYNTHETIC_ADMINISTRATOR = "synthetic-bench-admin"
BATCH = 2000

# The themes the synthetic sentences are tagged with (bench.texts), and the codes of the shipped
# codebook (surveys/data/codebook.yaml) they stand for.
CODEBOOK: list[tuple[str, str, str]] = [
    (ThemeKind.DIFFICULTY, "financial-resources", "difficulty-financial-resources"),
    (ThemeKind.DIFFICULTY, "trained-personnel", "difficulty-trained-personnel"),
    (ThemeKind.DIFFICULTY, "legislation", "difficulty-legislation-gaps"),
    (ThemeKind.DIFFICULTY, "overcrowding", "difficulty-overcrowding"),
    (ThemeKind.DIFFICULTY, "awareness", "difficulty-awareness"),
    (ThemeKind.DIFFICULTY, "coordination", "difficulty-coordination"),
    (ThemeKind.DIFFICULTY, "data-systems", "difficulty-data-systems"),
    (ThemeKind.DIFFICULTY, "cultural-factors", "difficulty-cultural-social"),
    (ThemeKind.ASSISTANCE_AREA, "legislative-drafting", "assistance-legislative-drafting"),
    (ThemeKind.ASSISTANCE_AREA, "training", "assistance-training"),
    (ThemeKind.ASSISTANCE_AREA, "institution-building", "assistance-institution-building"),
    (ThemeKind.ASSISTANCE_AREA, "equipment", "assistance-equipment"),
    (ThemeKind.ASSISTANCE_AREA, "data-information", "assistance-data-systems"),
    (ThemeKind.ASSISTANCE_AREA, "awareness-raising", "assistance-awareness-raising"),
]

# Which language a respondent of each regional group writes its free text in (weights).
LANGUAGES_BY_REGION = {
    RegionalGroup.AFRICAN: {"en": 45, "fr": 40, "ar": 15},
    RegionalGroup.ASIA_PACIFIC: {"en": 70, "zh-hans": 10, "ar": 15, "ru": 5},
    RegionalGroup.EASTERN_EUROPEAN: {"en": 60, "ru": 40},
    RegionalGroup.LATIN_AMERICAN_CARIBBEAN: {"es": 80, "en": 15, "fr": 5},
    RegionalGroup.WESTERN_EUROPEAN_OTHERS: {"en": 70, "fr": 15, "es": 15},
    "": {"en": 70, "fr": 15, "es": 15},
}

OTHER_TYPES = [
    ("intergovernmental_organization", "igo", "Regional Organization for Penal Reform", "Organisation régionale pour la réforme pénale", "Organización Regional para la Reforma Penal"),
    ("non_governmental_organization", "ngo", "Association for the Prevention of Torture and Ill-treatment", "Association pour la prévention de la torture", "Asociación para la Prevención de la Tortura"),
    ("non_governmental_organization", "ngo", "Prisoners' Rights Network", "Réseau pour les droits des détenus", "Red por los Derechos de las Personas Privadas de Libertad"),
    ("programme_network_institute", "institute", "Institute for Crime Prevention and Criminal Justice", "Institut pour la prévention du crime et la justice pénale", "Instituto de Prevención del Delito y Justicia Penal"),
]  # fmt: skip


class SyntheticRefused(Exception):
    """The synthetic data cannot be built here; the message says why."""


@dataclass
class _Planned:
    """An answer to create, with what the coding needs to know of it."""

    answer: Answer
    question: Question
    language: str
    themes: list[str] = field(default_factory=list)
    # A useful practice: which one (bench.practices), and its texts in the six languages.
    practice: tuple[str, dict[str, str]] | None = None


def synthetic_administrator() -> User:
    user, created = User.objects.get_or_create(
        username=SYNTHETIC_ADMINISTRATOR,
        defaults={
            "role": Role.ADMINISTRATOR,
            "first_name": "Synthetic",
            "last_name": "Benchmark",
            "email": "synthetic-bench@example.invalid",
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _approved_version(by: User) -> QuestionnaireVersion:
    """The approved category (a) version: the seeded one, seeded and approved if need be."""
    from surveys.consultation.services import version_approve
    from surveys.questionnaires.seeding import questionnaires_seed

    versions = QuestionnaireVersion.objects.filter(questionnaire__code=QUESTIONNAIRE)
    approved = versions.filter(status=VersionStatus.APPROVED).order_by("-number").first()
    if approved is not None:
        return approved
    questionnaires_seed(by=by)
    draft = versions.filter(status__in=[VersionStatus.DRAFT, VersionStatus.REVISED_DRAFT]).first()
    if draft is None:
        raise SyntheticRefused(f"No approved or draft version of {QUESTIONNAIRE} to answer.")
    return version_approve(
        version=draft,
        by=by,
        meeting="Synthetic benchmark record: not an actual meeting of the Commission",
        date=datetime.date(2026, 10, 15),
        decision="Benchmark only",
    )


def _codebook() -> dict[str, Theme]:
    """The shipped codebook's themes (loaded if missing), by the tags of the synthetic sentences."""
    from surveys.coding.services import codebook_load

    codebook_load()
    themes = {t.code: t for t in Theme.objects.filter(code__in=[c for _k, _t, c in CODEBOOK])}
    return {tag: themes[code] for _kind, tag, code in CODEBOOK}


def _other_respondents(count: int) -> list[Respondent]:
    types = {t.code: t for t in RespondentType.objects.all()}
    wanted = []
    for index in range(count):
        type_code, short, en, fr, es = OTHER_TYPES[index % len(OTHER_TYPES)]
        number = index + 1
        wanted.append(
            Respondent(
                type=types[type_code],
                code=f"{SYNTHETIC_PREFIX}{short}-{number:02d}",
                name={
                    "en": f"{en} {number} (synthetic)",
                    "fr": f"{fr} {number} (fictif)",
                    "es": f"{es} {number} (ficticio)",
                },
            )
        )
    existing = set(
        Respondent.objects.filter(code__in=[r.code for r in wanted]).values_list("code", flat=True)
    )
    Respondent.objects.bulk_create([r for r in wanted if r.code not in existing])
    return list(Respondent.objects.filter(code__in=[r.code for r in wanted]).order_by("code"))


def _language(respondent: Respondent, rng: random.Random) -> str:
    weights = LANGUAGES_BY_REGION.get(respondent.regional_group, LANGUAGES_BY_REGION[""])
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _text(
    question: Question, language: str, rng: random.Random, sentences: int, texts: TextBank
) -> tuple[str, list]:
    choices = texts.sentences_for(question, language)
    picked = rng.sample(choices, k=min(sentences, len(choices)))
    text = " ".join(
        sentence.format(n=rng.randint(3, 180), year=rng.randint(1995, 2025))
        for _theme, sentence in picked
    )
    themes = list(dict.fromkeys(theme for theme, _s in picked if theme))
    return text, themes


def _integer(question: Question, rng: random.Random, answers: dict) -> str:
    low = int(question.minimum) if question.minimum is not None else 0
    high = int(question.maximum) if question.maximum is not None else 1_000_000
    parent = answers.get(question.code.rsplit(".", 1)[0]) if question.code.count(".") > 1 else None
    if isinstance(parent, str) and parent.isdigit():
        # "Of these, how many ...": a share of the figure it breaks down.
        return str(max(low, min(high, int(int(parent) * rng.uniform(0.02, 0.6)))))
    if high - low <= 100:
        return str(rng.randint(low + (high - low) // 3, high - (high - low) // 7))
    return str(max(low, min(high, int(rng.lognormvariate(8.5, 1.6)))))


def _scale(question: Question, rng: random.Random) -> str:
    """An answer on a fixed scale; assistance needs lean to "yes"."""
    kind = question.type
    names = list(FIXED_SCALES[kind])
    weights = [65, 35] if kind == QuestionType.YES_NO else [40, 20, 30, 10]
    if question.purpose == Purpose.ASSISTANCE_NEED:
        weights = [70, 30] if kind == QuestionType.YES_NO else [55, 15, 25, 5]
    return rng.choices(names, weights=weights)[0]


def _choice(
    question: Question, rng: random.Random, language: str, texts: TextBank
) -> tuple[object, str, list]:
    """A single or multiple choice, now and then "other" with a short text. An option that
    excludes the others ("None of these") is mostly ticked alone; now and then a State ticks it
    with other options, a contradiction the reviewers see and the report footnotes."""
    options = [c.name for c in question.option_list]
    if question.type == QuestionType.SINGLE_CHOICE:
        if question.other_specify and rng.random() < 0.1:
            return "other", rng.choice(texts.short(language)), []
        return rng.choice(options), "", []
    alone = [c.name for c in question.option_list if c.exclusive]
    if alone:
        draw = rng.random()
        if draw < 0.06:
            return alone[:1], "", []
        if draw >= 0.09:  # else (3 in 100) it may be ticked with others
            options = [name for name in options if name not in alone]
    chosen = set(rng.sample(options, k=rng.randint(1, len(options))))
    ordered = [name for name in options if name in chosen]
    if question.other_specify and rng.random() < 0.12:
        if question.code in texts.other_texts:
            text = rng.choice(texts.other_texts[question.code])[language]
        else:
            text = rng.choice(texts.short(language))
        return ordered + ["other"], text, []
    return ordered, "", []


def _decimal(question: Question, rng: random.Random) -> str:
    low = float(question.minimum) if question.minimum is not None else 0.0
    high = float(question.maximum) if question.maximum is not None else max(low, 0) + 200.0
    return f"{round(rng.uniform(low, high), 1):f}".rstrip("0").rstrip(".")


def _value(question: Question, rng: random.Random, language: str, answers: dict, texts: TextBank):
    """A plausible (value, other text, themes) for `question`."""
    kind = question.type
    if kind in FIXED_SCALES:
        return _scale(question, rng), "", []
    if kind in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE):
        return _choice(question, rng, language, texts)
    if kind == QuestionType.INTEGER:
        return _integer(question, rng, answers), "", []
    if kind == QuestionType.DECIMAL:
        return _decimal(question, rng), "", []
    if kind == QuestionType.DATE:
        day = datetime.date(2025, 12, 31) - datetime.timedelta(days=rng.randint(0, 8 * 365))
        return day.isoformat(), "", []
    if kind == QuestionType.SHORT_TEXT:
        return rng.choice(texts.short(language)), "", []
    if kind == QuestionType.LONG_TEXT:
        sentences = rng.choices([1, 2, 3, 4, 6], weights=[20, 30, 25, 15, 10])[0]
        text, themes = _text(question, language, rng, sentences, texts)
        return text, "", themes
    if kind == QuestionType.TABLE:
        options = [c.name for c in question.option_list]
        return {row.name: rng.choice(options) for row in question.row_list}, "", []
    return None, "", []  # a file question: its answer is an attachment


def _reply_plan(
    reply, questions, rng, by, now, texts: TextBank
) -> tuple[list[_Planned], list[Question], str]:
    language = _language(reply.respondent, rng)
    answers: dict[str, object] = {}
    planned, files = [], []
    for question in questions:
        if not condition_holds(question.relevance, answers):
            continue
        if question.type == QuestionType.FILE:
            files.append(question)
            answers[question.code] = "file"
            continue
        practice = None
        if question.type == QuestionType.LONG_TEXT and question.purpose == Purpose.USEFUL_PRACTICE:
            practice = _practice(question, rng, texts)
            value, other, themes = practice[1].get(language, practice[1]["en"]), "", []
        else:
            value, other, themes = _value(question, rng, language, answers, texts)
        answers[question.code] = value
        answer = Answer(
            reply=reply, question=question, value=value, other_text=other, revision=1,
            updated_by=by, updated_at=now,
        )  # fmt: skip
        planned.append(_Planned(answer, question, language, themes, practice))
    return planned, files, language


def _practice(question: Question, rng: random.Random, bank: TextBank) -> tuple[str, dict[str, str]]:
    """A useful practice of the question's module (bench.practices, bench.texts_d): which one,
    and its text in the six languages."""
    practices = bank.practices
    module = question.code[:1] if question.code[:1] in practices else next(iter(practices))
    index = rng.randrange(len(practices[module]))
    figures = practice_figures(rng)
    texts = practices[module][index]
    return f"{module}{index}", {
        language: text.format(**figures) for language, text in texts.items()
    }


def synthetic_cycle_build(
    *, member_states: int | None = None, respondents_other: int = 60, seed: int = 2027
) -> Cycle:
    """A cycle of the approved category (a) questionnaire answered in full by `member_states`
    Member States (all of them by default) and `respondents_other` other respondents, every
    reply accepted, with some coding and technical-assistance requests. Deterministic for a seed.
    """
    from surveys.cycles.services import cycle_open
    from surveys.cycles.services import member_states as all_member_states

    rng = random.Random(seed)
    by = synthetic_administrator()
    version = _approved_version(by)
    states = list(all_member_states().order_by("code"))
    if member_states is not None:
        states = states[:member_states]
    today = timezone.localdate()
    with transaction.atomic():
        invited = states + _other_respondents(respondents_other)
        cycle = cycle_open(
            version=version,
            title=f"{SYNTHETIC_CYCLE_TITLE}: {len(invited)} respondents, seed {seed}",
            opens_on=today,
            deadline=today + datetime.timedelta(days=60),
            commission_session="Synthetic: thirty-sixth session of the Commission (2027)",
            respondents=invited,
            by=by,
        )
        # Answered afresh: what cycle_open carried over from an earlier synthetic cycle goes.
        Answer.objects.filter(reply__cycle=cycle).delete()
        replies = list(cycle.replies.select_related("respondent").order_by("respondent__code"))
        synthetic_replies_fill(replies=replies, rng=rng, by=by)
    return cycle


def synthetic_replies_fill(
    *, replies: list[Reply], rng: random.Random, by: User, accepted_share: float = 1.0
) -> None:
    """Answer the whole questionnaire in each of `replies` (of one cycle, still empty), submit
    each once, accept about `accepted_share` of them (the rest stay submitted), and code them."""
    if not replies:
        return
    cycle = replies[0].cycle
    now = timezone.now()
    content = version_with_content(pk=cycle.version_id)
    code = (
        QuestionnaireVersion.objects.filter(pk=cycle.version_id)
        .values_list("questionnaire__code", flat=True)
        .first()
    )
    texts = TEXT_BANKS.get(code or "", TEXT_BANKS[QUESTIONNAIRE])
    questions = [q for section in content.section_list for q in section.question_list]
    themes = _codebook()
    planned, attachments, languages = [], [], {}
    for reply in replies:
        answers, files, languages[reply.pk] = _reply_plan(reply, questions, rng, by, now, texts)
        planned += answers
        attachments += [(reply, question) for question in files]
    Answer.objects.bulk_create([p.answer for p in planned], batch_size=BATCH)
    _attachments_create(cycle, attachments, by)
    _submissions_create(replies, planned, rng, by, now, accepted_share)
    _coding_create(planned, themes, rng, by, now)


def demo_replies_fill(*, cycle: Cycle, by: User, count: int = 45, keep: tuple = ()) -> int:
    """For the demonstration: `count` Member States' replies of `cycle` answered, submitted,
    mostly accepted and coded, leaving the replies of the respondents in `keep` (those the demo
    contact persons answer) untouched. Does nothing when the cycle already has submitted replies.
    Returns how many replies it filled."""
    if (
        cycle.replies.exclude(status=ReplyStatus.NOT_STARTED)
        .exclude(respondent__code__in=keep)
        .exists()
    ):
        return 0
    rng = random.Random(2026)
    candidates = list(
        cycle.replies.filter(status=ReplyStatus.NOT_STARTED)
        .exclude(respondent__code__in=keep)
        .select_related("cycle", "respondent")
        .order_by("respondent__code")
    )
    replies = sorted(rng.sample(candidates, k=min(count, len(candidates))), key=lambda r: r.pk)
    with transaction.atomic():
        synthetic_replies_fill(replies=replies, rng=rng, by=by, accepted_share=0.85)
    return len(replies)


def _attachments_create(cycle, wanted, by) -> None:
    if not wanted:
        return
    name = default_storage.save(
        f"replies/{SYNTHETIC_PREFIX}{cycle.pk}/law.pdf", ContentFile(b"%PDF-1.4\n% synthetic\n")
    )
    Attachment.objects.bulk_create(
        [
            Attachment(
                reply=reply, question=question, token=f"{SYNTHETIC_PREFIX}{reply.pk}-{question.pk}",
                file=name, original_name=f"law-{reply.respondent.code.lower()}.pdf",
                content_type="application/pdf", size=20, sha256="0" * 64, uploaded_by=by,
            )
            for reply, question in wanted
        ],
        batch_size=BATCH,
    )  # fmt: skip


def _submissions_create(replies, planned, rng, by, now, accepted_share=1.0) -> None:
    """Every reply submitted once (its frozen snapshot and event), then most or all accepted."""
    contents: dict[int, dict] = {reply.pk: {} for reply in replies}
    for p in planned:
        contents[p.answer.reply_id][p.question.code] = {
            "value": p.answer.value, "other": p.answer.other_text, "files": [],
        }  # fmt: skip
    submitted = now - datetime.timedelta(days=10)
    snapshots = ReplySnapshot.objects.bulk_create(
        [
            ReplySnapshot(
                reply=reply, number=1, answers=contents[reply.pk], may_publish=rng.random() < 0.7,
                submitted_by=by, submitted_at=submitted,
            )
            for reply in replies
        ],
        batch_size=BATCH,
    )  # fmt: skip
    events = []
    for reply, snapshot in zip(replies, snapshots, strict=True):
        accepted = accepted_share >= 1 or rng.random() < accepted_share
        reply.status = ReplyStatus.ACCEPTED if accepted else ReplyStatus.SUBMITTED
        reply.started_at = submitted - datetime.timedelta(days=20)
        reply.submitted_at, reply.submitted_by = submitted, by
        reply.may_publish = snapshot.may_publish
        events.append(
            ReplyEvent(reply=reply, from_status=ReplyStatus.IN_PROGRESS,
                       to_status=ReplyStatus.SUBMITTED, by=by, at=submitted, snapshot=snapshot)
        )  # fmt: skip
        if accepted:
            events.append(
                ReplyEvent(reply=reply, from_status=ReplyStatus.SUBMITTED,
                           to_status=ReplyStatus.ACCEPTED, by=by, at=now)
            )  # fmt: skip
    Reply.objects.bulk_update(
        replies, ["status", "started_at", "submitted_at", "submitted_by", "may_publish"],
        batch_size=BATCH,
    )  # fmt: skip
    ReplyEvent.objects.bulk_create(events, batch_size=BATCH)


def _coding_create(planned, themes, rng, by, now) -> None:
    """Reviewers' work: most difficulty and assistance answers tagged with the themes their
    sentences speak of (now and then a suggestion rejected), most assistance needs turned into
    requests, some useful practices featured with a summary."""
    tags, practices, requests, request_standards = [], [], [], []
    featured_texts: dict[int, set[str]] = {}
    difficulty_codes = [tag for k, tag, _c in CODEBOOK if k == ThemeKind.DIFFICULTY]
    statuses = [s for s, _label in RequestStatus.choices]
    for p in planned:
        purpose, answer = p.question.purpose, p.answer
        if p.question.type != QuestionType.LONG_TEXT:
            continue
        if purpose in (Purpose.DIFFICULTY, Purpose.ASSISTANCE_NEED) and rng.random() < 0.85:
            for code in p.themes:
                tags.append(AnswerTheme(answer=answer, theme=themes[code], decision=Decision.ACCEPTED,
                                        suggested=rng.random() < 0.6, decided_by=by, decided_at=now))  # fmt: skip
            others = [c for c in difficulty_codes if c not in p.themes]
            if purpose == Purpose.DIFFICULTY and others and rng.random() < 0.2:
                tags.append(AnswerTheme(answer=answer, theme=themes[rng.choice(others)],
                                        decision=Decision.REJECTED, suggested=True, decided_by=by,
                                        decided_at=now))  # fmt: skip
        if purpose == Purpose.ASSISTANCE_NEED and rng.random() < 0.75:
            links = p.question.standard_list
            requests.append(
                AssistanceRequest(
                    respondent_id=answer.reply.respondent_id, reply=answer.reply, answer=answer,
                    cluster_id=links[0].standard.cluster_id if links else None,
                    area=themes[p.themes[0]] if p.themes else None,
                    description=answer.value, language=p.language,
                    priority=rng.choice([1, 2, 2, 3]),
                    status=rng.choices(statuses, weights=[30, 25, 15, 15, 10, 5])[0],
                )
            )  # fmt: skip
            request_standards.append(sorted({link.standard_id for link in links}))
        if purpose == Purpose.USEFUL_PRACTICE and rng.random() < 0.6:
            # A reviewer features a practice not yet featured for the question, and writes
            # its summary in the six languages: a report never prints one practice twice.
            shown = featured_texts.setdefault(p.question.pk, set())
            featured = rng.random() < 0.4 and p.practice is not None
            featured = featured and p.practice[0] not in shown
            if featured and p.practice:
                shown.add(p.practice[0])
            practices.append(
                UsefulPractice(
                    answer=answer, featured=featured,
                    summary=dict(p.practice[1]) if featured and p.practice else {},
                    updated_by=by, updated_at=now,
                )
            )  # fmt: skip
    AnswerTheme.objects.bulk_create(tags, batch_size=BATCH)
    UsefulPractice.objects.bulk_create(practices, batch_size=BATCH)
    requests = AssistanceRequest.objects.bulk_create(requests, batch_size=BATCH)
    through = AssistanceRequest.standards.through
    through.objects.bulk_create(
        [
            through(assistancerequest_id=request.pk, standard_id=standard)
            for request, standards in zip(requests, request_standards, strict=True)
            for standard in standards
        ],
        batch_size=BATCH,
    )
    _matches_create(requests, rng, by)


def _matches_create(requests, rng, by) -> None:
    """A request that staff have matched (or are working on, or completed) has an expert of the
    roster in its cluster; without one there, it is still under assessment."""
    from clusters.models import Expert

    matched = (RequestStatus.MATCHED, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED)
    experts: dict[int, list[int]] = {}
    for pk, cluster in Expert.objects.filter(is_active=True).values_list("pk", "clusters"):
        experts.setdefault(cluster, []).append(pk)
    matches, unmatched = [], []
    for request in requests:
        if request.status not in matched:
            continue
        if experts.get(request.cluster_id):
            matches.append(
                AssistanceMatch(request=request, expert_id=rng.choice(experts[request.cluster_id]),
                                by=by)
            )  # fmt: skip
        else:
            request.status = RequestStatus.UNDER_ASSESSMENT
            unmatched.append(request)
    AssistanceMatch.objects.bulk_create(matches, batch_size=BATCH)
    AssistanceRequest.objects.bulk_update(unmatched, ["status"], batch_size=BATCH)


# --- Cleaning up ------------------------------------------------------------------------------


def synthetic_cycle_delete(*, cycle: Cycle) -> None:
    """Delete `cycle` and everything hanging from it (replies, answers, coding, requests,
    extracts and their files). Refuses a cycle that is not synthetic."""
    if not cycle.title.get("en", "").startswith(SYNTHETIC_CYCLE_TITLE):
        raise SyntheticRefused(f"{cycle.title!r} is not a synthetic cycle.")
    with transaction.atomic():
        for extract in ReplyExtract.objects.filter(cycle=cycle).exclude(file=""):
            extract.file.delete(save=False)
        ReplyExtract.objects.filter(cycle=cycle).delete()
        answers = Answer.objects.filter(reply__cycle=cycle)
        AnswerTheme.objects.filter(answer__in=answers).delete()
        UsefulPractice.objects.filter(answer__in=answers).delete()
        AssistanceRequest.objects.filter(reply__cycle=cycle).delete()
        ReviewComment.objects.filter(reply__cycle=cycle).delete()
        ReplyEvent.objects.filter(reply__cycle=cycle).delete()
        files = set(Attachment.objects.filter(reply__cycle=cycle).values_list("file", flat=True))
        Attachment.objects.filter(reply__cycle=cycle).delete()
        ReplySnapshot.objects.filter(reply__cycle=cycle).delete()
        answers.delete()
        Reply.objects.filter(cycle=cycle).delete()
        cycle.delete()
    for name in files:
        default_storage.delete(name)


def synthetic_data_delete() -> int:
    """Delete every synthetic cycle, then the synthetic respondents. Returns how many cycles."""
    cycles = list(Cycle.objects.filter(title__en__startswith=SYNTHETIC_CYCLE_TITLE))
    for cycle in cycles:
        synthetic_cycle_delete(cycle=cycle)
    unused = Respondent.objects.filter(code__startswith=SYNTHETIC_PREFIX, replies__isnull=True)
    unused.filter(assistance_requests__isnull=True, cycle_invitations__isnull=True).delete()
    return len(cycles)
