"""Cycles that build on each other (issue 18, item 4): a second cycle of the category (a)
questionnaire, for a new version with one question reworded and one added, starts Kenya's reply
from its accepted reply of the first cycle, for the unchanged questions only, each answer to be
confirmed or changed."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import Respondent
from surveys.answering.prefill import cycle_prefill
from surveys.answering.progress import progress_totals, reply_progress
from surveys.answering.services import answer_save
from surveys.consultation.services import version_approve
from surveys.cycles.services import cycle_open
from surveys.models import Answer, AnswerChange, Channel, Question, Reply, ReplyStatus
from surveys.questionnaires.seeding import seeded_documents
from surveys.questionnaires.selectors import version_with_content
from surveys.questionnaires.versions import version_from_document, version_new_draft
from surveys.submission.services import SubmitRefused, reply_submit
from tests.surveys.answering.helpers import section_url

pytestmark = pytest.mark.django_db

FIRST_ANSWERS = {
    "A.1": "1200",
    "A.3": "yes",
    "A.3.1": ["ombudsman"],
    "A.8": "Overcrowding in the capital's prisons.",
    "A.9": "no",
    "B.4": "yes",
}
CARRIED = {"A.1", "A.3", "A.3.1", "A.9", "B.4"}  # A.8 is reworded in the second version


def _cycle(version, administrator, year):
    return cycle_open(
        version=version,
        title=f"Category (a) {year}",
        opens_on=datetime.date(year, 1, 1),
        deadline=timezone.localdate() + datetime.timedelta(days=60 + year),
        commission_session=f"Session ({year})",
        respondents=Respondent.objects.filter(code__in=("KEN", "SEN")),
        override_reason="Tests read English.",
        by=administrator,
    )


@pytest.fixture
def first_cycle(reference_data, administrator, state_a_contact):
    document = next(d for d in seeded_documents() if d.form_id == "category-a")
    version = version_from_document(document=document, by=administrator)
    version = version_approve(
        version=version, by=administrator, meeting="Test meeting", date=datetime.date(2024, 6, 1)
    )
    cycle = _cycle(version, administrator, 2025)
    reply = Reply.objects.get(cycle=cycle, respondent__code="KEN")
    for code, value in FIRST_ANSWERS.items():
        question = Question.objects.get(version=version, code=code)
        answer_save(
            reply=reply, question=question, value=value, base_revision=0, by=state_a_contact,
            channel=Channel.WEB,
        )  # fmt: skip
    submitted = timezone.make_aware(datetime.datetime(2025, 3, 14, 10))
    Reply.objects.filter(pk=reply.pk).update(status=ReplyStatus.ACCEPTED, submitted_at=submitted)
    return cycle


@pytest.fixture
def second_reply(first_cycle, administrator):
    """Kenya's reply in a second cycle, for a new version: A.8 reworded, A.11 new."""
    draft = version_new_draft(version=first_cycle.version, by=administrator)
    Question.objects.filter(version=draft, code="A.8").update(
        text={"en": "What difficulties has your country encountered since the last cycle?"}
    )
    a10 = Question.objects.get(version=draft, code="A.10")
    Question.objects.create(
        version=draft, section=a10.section, order=a10.order + 1, code="A.11", type="yes_no",
        text={"en": "Has a new prison law been adopted?"}, required=True,
    )  # fmt: skip
    version = version_approve(
        version=draft, by=administrator, meeting="Test meeting", date=datetime.date(2026, 6, 1)
    )
    cycle = _cycle(version, administrator, 2027)
    return Reply.objects.get(cycle=cycle, respondent__code="KEN")


def _answers(reply) -> dict[str, Answer]:
    rows = Answer.objects.filter(reply=reply).select_related("question", "carried_from__reply")
    return {a.question.code: a for a in rows}


def test_kenya_starts_from_its_accepted_reply_for_unchanged_questions_only(
    first_cycle, second_reply
):
    answers = _answers(second_reply)
    assert set(answers) == CARRIED
    earlier = Reply.objects.get(cycle=first_cycle, respondent__code="KEN")
    for code, answer in answers.items():
        assert answer.value == FIRST_ANSWERS[code]
        assert answer.to_confirm
        assert answer.carried_from.reply == earlier
        assert answer.carried_date == datetime.date(2025, 3, 14)
    senegal = Reply.objects.get(cycle=second_reply.cycle, respondent__code="SEN")
    assert not Answer.objects.filter(reply=senegal).exists()  # no accepted reply to start from
    history = AnswerChange.objects.filter(answer__reply=second_reply)
    assert {(c.revision, c.old_value, c.channel) for c in history} == {(1, None, Channel.PREFILL)}
    assert second_reply.status == ReplyStatus.NOT_STARTED


def test_pre_filling_again_adds_nothing_and_overwrites_nothing(
    second_reply, state_a_contact, administrator
):
    a1 = Question.objects.get(version=second_reply.cycle.version, code="A.1")
    answer_save(
        reply=second_reply, question=a1, value="1300", base_revision=1, by=state_a_contact,
        channel=Channel.WEB,
    )  # fmt: skip
    assert cycle_prefill(cycle=second_reply.cycle, by=administrator) == 0
    changed = _answers(second_reply)["A.1"]
    assert (changed.value, changed.to_confirm, changed.revision) == ("1300", False, 2)


def test_unconfirmed_answers_are_open_until_confirmed(second_reply, lead):
    version = version_with_content(pk=second_reply.cycle.version_id)
    totals = progress_totals(reply_progress(reply=second_reply, version=version))
    assert totals.unconfirmed == 5 and totals.required_done == 0
    with pytest.raises(SubmitRefused) as refusal:
        reply_submit(reply=second_reply, by=lead, may_publish=True)
    assert {q.code for q in refusal.value.missing} >= CARRIED


def test_the_contact_person_confirms_one_answer_or_a_whole_section(
    second_reply, state_a_contact, client_for
):
    client = client_for(state_a_contact)
    url = section_url(second_reply, "A")
    page = client.get(url).content.decode()
    assert page.count('data-testid="carried"') == 4  # A.1, A.3, A.3.1, A.9
    assert "From your reply of 14 March 2025 — confirm or change." in page
    a1 = Question.objects.get(version=second_reply.cycle.version, code="A.1")
    response = client.post(url, {"confirm": str(a1.pk), **_unchanged_form(page)})
    assert response.status_code == 302
    answers = _answers(second_reply)
    assert not answers["A.1"].to_confirm and answers["A.3"].to_confirm
    assert answers["A.1"].value == "1200"
    client.post(url, {"confirm": "section", **_unchanged_form(page)})
    answers = _answers(second_reply)
    assert [c for c, a in answers.items() if a.to_confirm] == ["B.4"]
    assert 'data-testid="carried"' not in client.get(url).content.decode()


def test_changing_a_carried_answer_confirms_it(second_reply, state_a_contact):
    a3 = Question.objects.get(version=second_reply.cycle.version, code="A.3")
    answer_save(
        reply=second_reply, question=a3, value="no", base_revision=1, by=state_a_contact,
        channel=Channel.AUTOSAVE,
    )  # fmt: skip
    assert not _answers(second_reply)["A.3"].to_confirm


@pytest.mark.parametrize("outsider", ["state_b_contact", "delegate", "reviewer", None])
def test_outsiders_cannot_confirm(second_reply, client_for, client, request, outsider):
    if outsider:
        client = client_for(request.getfixturevalue(outsider))
    a1 = Question.objects.get(version=second_reply.cycle.version, code="A.1")
    response = client.post(section_url(second_reply, "A"), {"confirm": str(a1.pk)})
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert "/login" in response["Location"] or "/accounts/" in response["Location"]
    assert _answers(second_reply)["A.1"].to_confirm


def test_the_answering_page_with_carried_answers_makes_no_more_queries(
    second_reply, first_cycle, state_a_contact, client_for, django_assert_num_queries
):
    client = client_for(state_a_contact)
    url = section_url(second_reply, "A")
    client.get(url)  # the version's content is read once and kept
    # session, user with their respondent, reply with its deadline, answers with their savers
    # (no question asks for a file): as for a reply with no carried answer
    with django_assert_num_queries(4):
        client.get(url)


def _unchanged_form(page: str) -> dict:
    """What the browser posts with a Confirm button: the section's answers as shown and the
    revisions the page names, so that the post saves nothing but the confirmation."""
    import re

    values = {f"answer-{code}": FIRST_ANSWERS[code] for code in CARRIED if code.startswith("A")}
    return values | dict(re.findall(r'name="(base-[^"]+)"[^>]*value="(\d+)"', page))


def test_reviewers_see_which_answers_were_carried_over(second_reply, reviewer, client_for):
    page = (
        client_for(reviewer)
        .get(reverse("surveys:reply_review", args=[second_reply.pk]))
        .content.decode()
    )
    assert page.count("Carried over from the reply of 14 March 2025") == len(CARRIED)


def test_the_offline_workbook_holds_the_carried_answers(second_reply, state_a_contact, client_for):
    from tests.surveys.offline.test_offline import download, open_workbook, row_of

    sheet = open_workbook(download(client_for(state_a_contact), second_reply))["Answers"]
    assert sheet[f"E{row_of(sheet, 'A.1')}"].value == 1200
    assert sheet[f"E{row_of(sheet, 'A.3')}"].value == "Yes"
    assert sheet[f"E{row_of(sheet, 'A.8')}"].value in (None, "")  # reworded: not carried


def test_the_reply_overview_counts_the_answers_to_confirm(
    second_reply, state_a_contact, client_for
):
    client = client_for(state_a_contact)
    page = client.get(reverse("surveys:reply_detail", args=[second_reply.pk])).content.decode()
    assert "5 answers from your earlier reply to confirm" in page
    assert "4 answers from your earlier reply to confirm" in page  # section A
    continue_at = client.get(reverse("surveys:reply_answer", args=[second_reply.pk]))
    assert continue_at["Location"].endswith(section_url(second_reply, "A"))


def test_a_reply_accepted_after_the_new_cycle_opened_is_carried_over_by_the_command(
    second_reply, first_cycle, state_b_contact
):
    from django.core.management import call_command

    senegal = Reply.objects.get(cycle=first_cycle, respondent__code="SEN")
    a1 = Question.objects.get(version=first_cycle.version, code="A.1")
    answer_save(
        reply=senegal, question=a1, value="900", base_revision=0, by=state_b_contact,
        channel=Channel.WEB,
    )  # fmt: skip
    Reply.objects.filter(pk=senegal.pk).update(
        status=ReplyStatus.ACCEPTED, submitted_at=timezone.now()
    )
    call_command("prefill_cycle", str(second_reply.cycle.pk), stdout=io.StringIO())
    later = Reply.objects.get(cycle=second_reply.cycle, respondent__code="SEN")
    assert {c: a.value for c, a in _answers(later).items()} == {"A.1": "900"}
    assert len(_answers(second_reply)) == len(CARRIED)  # Kenya's: nothing twice
