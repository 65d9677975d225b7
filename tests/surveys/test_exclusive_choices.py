"""An option that excludes the others ("None of these") is ticked alone: the answering form, the
offline workbook and the XLSForm import refuse it otherwise, naming the question; a reviewer sees
the replies received before that which contradict themselves."""

import pytest
from django.urls import reverse

from surveys.answering.services import AnswerInvalid, answer_clean
from surveys.exchange.reader import read_workbook
from surveys.exchange.writer import write_workbook
from surveys.models import Answer, ReplyStatus
from surveys.offline.services import reply_xlsx_read
from surveys.questionnaires.versions import version_document
from tests.reports.builders import seeded_category_a
from tests.surveys.offline.test_offline import download, fill
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.django_db


@pytest.fixture(name="seeded_reply")
def seeded_reply_fixture(administrator):
    """Kenya's reply to the seeded category (a) questionnaire, where A.7 offers "None of these"."""
    cycle = open_cycle(administrator, version=seeded_category_a(administrator), codes=("KEN",))
    return reply_for(cycle, "KEN")


def women_measures(reply):
    return reply.cycle.version.questions.get(code="A.7")


def test_the_answering_form_refuses_none_of_these_with_other_answers(seeded_reply):
    question = women_measures(seeded_reply)
    assert answer_clean(question=question, value=["none"]) == (["none"], "")
    with pytest.raises(AnswerInvalid) as refused:
        answer_clean(question=question, value=["women_staff", "none"])
    assert "A.7" in str(refused.value) and "None of these" in str(refused.value)


def test_the_offline_workbook_refuses_none_of_these_with_other_answers(
    seeded_reply, state_a_contact, client_for
):
    data = download(client_for(state_a_contact), seeded_reply)
    data = fill(data, {("A.7", "none"): "Yes", ("A.7", "women_staff"): "Yes"})
    reading = reply_xlsx_read(reply=seeded_reply, data=data)
    problems = [p for p in reading.problems if p.code == "A.7"]
    assert problems and "None of these" in problems[0].message
    assert not any(c.code == "A.7" for c in reading.changes)


def test_the_xlsform_keeps_the_meaning_and_refuses_an_exclusive_option_out_of_place(
    administrator,
):
    document = version_document(version=seeded_category_a(administrator))
    read = read_workbook(write_workbook(document))
    assert read.document is not None, read.errors
    questions = {q.code: q for q in read.document.questions()}
    assert questions["B.5"].applied_if == ["no"]  # reverse-worded
    assert questions["A.5"].applied_if == ["yes", "partly"]
    assert [c.name for c in questions["A.7"].choices if c.exclusive] == ["none"]
    # An exclusive option on a single-choice question is refused, naming the question.
    single = questions["B.4.1"]
    single.choices[0].exclusive = True
    read = read_workbook(write_workbook(document_with(document, single)))
    assert any("B.4.1" in error and "exclude" in error for error in read.errors), read.errors


def document_with(document, question):
    for section in document.sections:
        section.questions = [question if q.code == question.code else q for q in section.questions]
    return document


def test_a_reviewer_sees_a_reply_that_ticks_none_of_these_with_other_answers(
    seeded_reply, client_for, reviewer
):
    # Received before the portal refused it (or by a channel that did not check).
    Answer.objects.create(
        reply=seeded_reply, question=women_measures(seeded_reply), value=["none", "women_staff"]
    )
    seeded_reply.status = ReplyStatus.SUBMITTED
    seeded_reply.save()
    page = client_for(reviewer).get(reverse("surveys:reply_review", args=[seeded_reply.pk]))
    text = page.content.decode()
    assert 'data-testid="contradictions"' in text
    assert "A.7: “None of these” is ticked together with other answers." in text


def test_a_consistent_reply_shows_no_contradiction(seeded_reply, client_for, reviewer):
    Answer.objects.create(reply=seeded_reply, question=women_measures(seeded_reply), value=["none"])
    page = client_for(reviewer).get(reverse("surveys:reply_review", args=[seeded_reply.pk]))
    assert 'data-testid="contradictions"' not in page.content.decode()
