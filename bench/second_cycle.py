"""The demonstration's second cycle of category (a) (issue 18, item 4): the second version of the
questionnaire (bench.revision) sent out two years after the first cycle, for the Commission's
thirty-eighth session (2029), answered by more States than the first. A State whose reply to the
first cycle was accepted starts from the answers that opening the cycle carried over from it
(surveys.answering.prefill: the questions whose code and meaning did not change), and they evolve
as a State's practice does: some States now apply what they did not, numbers move
a little, a few more States have an inspection body or restorative justice programmes; its texts
on difficulties, assistance and practices are written anew, in the language it wrote in before.
States replying for the first time answer as bench.synthetic answers. Replies are submitted,
almost all accepted, and coded."""

import datetime
import random
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from bench.banks import QUESTIONNAIRE, TEXT_BANKS
from bench.synthetic import (
    BATCH,
    _attachments_create,
    _codebook,
    _coding_create,
    _language,
    _Planned,
    _practice,
    _submissions_create,
    _value,
)
from portal.models import User
from surveys.coding.suggestions import detect_language
from surveys.models import (
    Answer,
    AnswerChange,
    Channel,
    Cycle,
    Purpose,
    Question,
    QuestionType,
    Reply,
    ReplyStatus,
)
from surveys.questionnaires.conditions import condition_holds
from surveys.questionnaires.selectors import version_with_content

DEMO_CYCLE_TITLE_2 = {
    "en": "Demonstration cycle: category (a) standards and norms, second round",
    "fr": "Cycle de démonstration : règles et normes de la catégorie (a), deuxième série",
    "es": "Ciclo de demostración: reglas y normas de la categoría a), segunda ronda",
    "ru": "Демонстрационный цикл: стандарты и нормы категории (a), второй раунд",
    "zh-hans": "示范周期：(a)类标准和规范，第二轮",
    "ar": "دورة تجريبية: المعايير والقواعد من الفئة (أ)، الجولة الثانية",
}
DEMO_SESSION_2 = {
    "en": "Demonstration: thirty-eighth session of the Commission (2029)",
    "fr": "Démonstration : trente-huitième session de la Commission (2029)",
    "es": "Demostración: 38º período de sesiones de la Comisión (2029)",
    "ru": "Демонстрация: тридцать восьмая сессия Комиссии (2029 год)",
    "zh-hans": "示范：委员会第三十八届会议（2029年）",
    "ar": "عرض توضيحي: الدورة الثامنة والثلاثون للجنة (2029)",
}
# Of the States that replied to the first cycle, how many do not reply again; how many States
# reply for the first time.
DROPPED = 3
NEWCOMERS = 14
SCALES = (QuestionType.YES_NO, QuestionType.YES_NO_PARTLY_DK)
TEXTS = (QuestionType.LONG_TEXT, QuestionType.FILE)


def demo_second_cycle_seed(*, first: Cycle, by: User, keep: tuple = ()) -> str:
    """Open and answer the second cycle after `first` (the first demonstration cycle of category
    (a)), unless a later cycle of the questionnaire exists. Returns what it did, in a line."""
    from bench.revision import demo_revision
    from surveys.cycles.services import cycle_open

    questionnaire = first.version.questionnaire_id
    if Cycle.objects.filter(version__questionnaire_id=questionnaire, opens_on__gt=first.opens_on):
        return ""
    rng = random.Random(2029)
    with transaction.atomic():
        version = demo_revision(first=first.version, by=by)
        opens_on = first.opens_on + datetime.timedelta(days=2 * 365)
        cycle = cycle_open(
            version=version,
            title=DEMO_CYCLE_TITLE_2,
            opens_on=opens_on,
            deadline=opens_on + (first.deadline - first.opens_on),
            commission_session=DEMO_SESSION_2,
            by=by,
        )
        replies = _replying(first, cycle, keep, rng)
        _replies_fill(cycle, replies, rng, by)
    return (
        f"second cycle '{cycle}' on {version.questionnaire.code} v{version.number}: "
        f"{len(replies)} Member States' replies, those of States that replied to the first "
        "cycle starting from their answers there "
        "(manage.py compile_report --demo a2 compares it with the first)"
    )


def _replying(first: Cycle, cycle: Cycle, keep: tuple, rng: random.Random) -> list[Reply]:
    """Most States that replied to the first cycle, and some new ones."""
    before = list(
        first.replies.exclude(status__in=(ReplyStatus.NOT_STARTED, ReplyStatus.IN_PROGRESS))
        .exclude(respondent__code__in=keep)
        .order_by("respondent__code")
        .values_list("respondent_id", flat=True)
    )
    again = set(rng.sample(before, k=max(0, len(before) - DROPPED)))
    candidates = list(
        cycle.replies.exclude(respondent__code__in=keep)
        .exclude(respondent_id__in=before)
        .order_by("respondent__code")
        .values_list("respondent_id", flat=True)
    )
    newcomers = set(rng.sample(candidates, k=min(NEWCOMERS, len(candidates))))
    return list(
        cycle.replies.filter(respondent_id__in=again | newcomers)
        .select_related("cycle", "respondent")
        .order_by("pk")
    )


def _replies_fill(cycle: Cycle, replies: list[Reply], rng: random.Random, by: User) -> None:
    """bench.synthetic's filling, each State's plan starting from the answers that opening the
    cycle carried over from its last accepted reply (surveys.answering.prefill): those it keeps
    are confirmed, those it changes are changed as a contact person would, in their history."""
    now = timezone.now()
    content = version_with_content(pk=cycle.version_id)
    questions = [q for section in content.section_list for q in section.question_list]
    texts = TEXT_BANKS[QUESTIONNAIRE]
    carried: dict[int, dict[str, Answer]] = {}
    for answer in Answer.objects.filter(reply__in=replies).select_related("question"):
        carried.setdefault(answer.reply_id, {})[answer.question.code] = answer
    planned, attachments = [], []
    for reply in replies:
        plan = _Plan(reply, carried.get(reply.pk, {}), rng, by, now, texts)
        answers, files = plan.make(questions)
        planned += answers
        attachments += [(reply, question) for question in files]
    fresh, kept, replaced, changes = [], [], [], []
    for p in planned:
        existing = carried.get(p.answer.reply_id, {}).pop(p.question.code, None)
        if existing is None:
            fresh.append(p.answer)
        elif (existing.value, existing.other_text) == (p.answer.value, p.answer.other_text):
            kept.append(existing.pk)
            p.answer = existing
        else:
            # Changed: written anew (many rows updated one by one are slow on SQLite), keeping
            # where it was carried from, with its history: carried over, then changed.
            replaced.append(existing.pk)
            p.answer.carried_from_id, p.answer.carried_date = (
                existing.carried_from_id,
                existing.carried_date,
            )
            p.answer.revision = 2
            fresh.append(p.answer)
            changes += [
                AnswerChange(
                    answer=p.answer, revision=1, old_value=None, new_value=existing.value,
                    new_other_text=existing.other_text, changed_by=by,
                    changed_at=existing.updated_at or now, channel=Channel.PREFILL,
                ),
                AnswerChange(
                    answer=p.answer, revision=2, old_value=existing.value,
                    new_value=p.answer.value, old_other_text=existing.other_text,
                    new_other_text=p.answer.other_text, changed_by=by, changed_at=now,
                    channel=Channel.WEB,
                ),
            ]  # fmt: skip
    Answer.objects.filter(pk__in=replaced).delete()
    Answer.objects.bulk_create(fresh, batch_size=BATCH)
    Answer.objects.filter(pk__in=kept).update(to_confirm=False, updated_by=by, updated_at=now)
    AnswerChange.objects.bulk_create(changes, batch_size=BATCH)
    # Carried answers to questions no longer shown (an earlier answer changed) are removed.
    Answer.objects.filter(
        pk__in=[a.pk for left in carried.values() for a in left.values()]
    ).delete()
    _attachments_create(cycle, attachments, by)
    _submissions_create(replies, planned, rng, by, now, accepted_share=0.95)
    _coding_create(planned, _codebook(), rng, by, now)


class _Plan:
    """One State's answers to the second cycle, question by question in order."""

    def __init__(self, reply, before: dict[str, Answer], rng, by, now, texts) -> None:
        self.reply, self.before, self.rng, self.by, self.now = reply, before, rng, by, now
        self.texts = texts
        written = " ".join(
            str(a.value)
            for a in before.values()
            if a.question.type == QuestionType.LONG_TEXT and isinstance(a.value, str)
        )
        self.language = detect_language(written) if written else ""
        self.language = self.language or _language(reply.respondent, rng)

    def make(self, questions: Sequence[Question]) -> tuple[list[_Planned], list[Question]]:
        answers: dict[str, object] = {}
        planned, files = [], []
        for question in questions:
            if not condition_holds(question.relevance, answers):
                continue
            if question.type == QuestionType.FILE:
                files.append(question)
                answers[question.code] = "file"
                continue
            value, other, themes, practice = self._answer(question, answers)
            answers[question.code] = value
            answer = Answer(
                reply=self.reply, question=question, value=value, other_text=other, revision=1,
                updated_by=self.by, updated_at=self.now,
            )  # fmt: skip
            planned.append(_Planned(answer, question, self.language, themes, practice))
        return planned, files

    def _answer(self, question: Question, answers: dict):
        before = self.before.get(question.code)
        if before is not None and question.type not in TEXTS:
            return _evolved(question, before.value, answers, self.rng), before.other_text, [], None
        if question.type == QuestionType.LONG_TEXT and question.purpose == Purpose.USEFUL_PRACTICE:
            practice = _practice(question, self.rng, self.texts)
            return practice[1].get(self.language, practice[1]["en"]), "", [], practice
        value, other, themes = _value(question, self.rng, self.language, answers, self.texts)
        return value, other, themes, None


def _evolved(question: Question, value, answers: dict, rng: random.Random):
    """What a State answers two years after answering `value`."""
    kind = question.type
    if kind in SCALES:
        return _scale_evolved(question, value, rng)
    if kind == QuestionType.MULTIPLE_CHOICE and isinstance(value, list):
        return _choices_evolved(question, value, rng)
    if kind == QuestionType.INTEGER and str(value).isdigit():
        return _number_evolved(question, int(value), answers, rng)
    if kind == QuestionType.TABLE and isinstance(value, dict) and rng.random() < 0.2:
        options = [c.name for c in question.option_list]
        row = rng.choice(sorted(value))
        return {**value, row: rng.choice(options)}
    return value


def _scale_evolved(question: Question, value, rng: random.Random):
    applied = list(question.applied_if or [])
    draw = rng.random()
    if question.purpose == Purpose.APPLICATION and applied:
        if value not in applied and draw < 0.35:
            return applied[0] if len(applied) == 1 or draw < 0.15 else applied[-1]
        if value == "partly" and draw < 0.3:
            return "yes"
        if value in applied and draw > 0.97:
            return "no" if applied != ["no"] else "yes"
        return value
    # A gate ("Does your country have ...?"): now and then a State has set one up.
    if question.type == QuestionType.YES_NO and value == "no" and draw < 0.2:
        return "yes"
    return value


def _choices_evolved(question: Question, value: list, rng: random.Random) -> list:
    names = [c.name for c in question.option_list]
    alone = {c.name for c in question.option_list if c.exclusive}
    if rng.random() >= 0.4:
        return value
    missing = [n for n in names if n not in value and n not in alone]
    if not missing:
        return value
    chosen = {n for n in value if n not in alone} | {rng.choice(missing)}
    ordered = [n for n in names if n in chosen]
    return ordered + (["other"] if "other" in value else [])


def _number_evolved(question: Question, value: int, answers: dict, rng: random.Random) -> str:
    low = int(question.minimum) if question.minimum is not None else 0
    high = int(question.maximum) if question.maximum is not None else 10**9
    if high - low <= 100:  # an age, a share: changes seldom, and by a year or two
        moved = value + (rng.choice([1, 2]) if rng.random() < 0.1 else 0)
    else:
        moved = round(value * rng.uniform(0.92, 1.1))
    parent = answers.get(question.code.rsplit(".", 1)[0]) if question.code.count(".") > 1 else None
    if isinstance(parent, str) and parent.isdigit():
        moved = min(moved, int(parent))
    return str(max(low, min(high, moved)))
