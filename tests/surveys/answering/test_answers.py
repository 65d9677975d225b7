"""Saving answers: typed, bounded, versioned per answer, and every change kept."""

import re

import pytest
from django.utils import translation

from surveys.answering.services import AnswerInvalid, AnswerStale, ReplyLocked, answer_save
from surveys.models import AnswerChange, Channel, ReplyStatus

pytestmark = pytest.mark.django_db


def question(reply, code):
    return reply.cycle.version.questions.get(code=code)


def save(reply, code, value, by, base=0, **kwargs):
    return answer_save(
        reply=reply, question=question(reply, code), value=value, base_revision=base, by=by,
        channel=kwargs.pop("channel", Channel.WEB), **kwargs,
    )  # fmt: skip


def test_a_first_save_starts_the_reply_and_records_the_change(reply, state_a_contact):
    saved = save(reply, "A.1", " 1200 ", state_a_contact, channel=Channel.AUTOSAVE)
    assert (saved.changed, saved.answer.value, saved.answer.revision) == (True, "1200", 1)
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.IN_PROGRESS and reply.started_at is not None
    change = AnswerChange.objects.get()
    assert (change.old_value, change.new_value, change.channel, change.changed_by) == (
        None, "1200", Channel.AUTOSAVE, state_a_contact,
    )  # fmt: skip


def test_a_stale_save_is_refused_and_keeps_the_other_persons_value(reply, state_a_contact):
    colleague = type(state_a_contact).objects.create(
        username="colleague", role="contact_person", respondent=state_a_contact.respondent
    )
    save(reply, "A.1", "100", state_a_contact, base=0)
    with pytest.raises(AnswerStale) as stale:
        save(reply, "A.1", "200", colleague, base=0)
    assert stale.value.answer.value == "100" and stale.value.answer.updated_by == state_a_contact
    assert AnswerChange.objects.count() == 1
    # Different questions never conflict.
    assert save(reply, "A.3", "0.75", colleague, base=0).changed
    # Having seen the other value, the colleague saves over it knowingly.
    assert save(reply, "A.1", "200", colleague, base=1).answer.revision == 2


def test_saving_the_same_value_again_records_nothing(reply, state_a_contact):
    save(reply, "A.2", "yes", state_a_contact)
    assert not save(reply, "A.2", "yes", state_a_contact, base=1).changed
    assert AnswerChange.objects.count() == 1


@pytest.mark.parametrize(
    ("code", "value", "message"),
    [
        ("A.1", "-3", "A.1: the number must be at least 0."),
        ("A.1", "12.5", "A.1: give a whole number, for example 40,000."),
        ("A.1", "many", "A.1: “many” is not a number. Write the number alone, for example 40,000."),
        ("A.1", "about 40,000", "A.1: “about 40,000” is not a number. Write the number alone"),
        ("A.1", "2000000", "A.1: the number must be at most 1,000,000."),
        ("A.3", "n/a", "for example 40,000 or 12.5."),
        ("A.3", "0.2", "A.3: the number must be at least 0.5."),
        ("A.2", "perhaps", "A.2: choose one of the answers offered."),
        ("B.1", ["probation", "exile"], "B.1: choose among the answers offered."),
        ("A.5", "31/12/2026", "A.5: give a date as year-month-day, e.g. 2026-12-31."),
        ("B.2", {"probation": "sometimes"}, "B.2: choose one answer per row."),
    ],
)
def test_a_value_that_does_not_fit_is_refused_naming_the_question(
    reply, state_a_contact, code, value, message
):
    with pytest.raises(AnswerInvalid, match=re.escape(message)):
        save(reply, code, value, state_a_contact)
    assert not AnswerChange.objects.exists()


@pytest.mark.parametrize(
    ("language", "typed", "stored"),
    [
        ("en", "40,000", "40000"),
        ("en", "40 000", "40000"),
        ("fr", "40 000", "40000"),
        ("fr", "40\u202f000", "40000"),
        ("fr", "40.000", "40000"),
        ("es", "40.000", "40000"),
        ("ru", "40\u00a0000", "40000"),
        ("zh-hans", "40,000", "40000"),
        ("ar", "٤٠٬٠٠٠", "40000"),
    ],
)
def test_numbers_are_read_as_people_type_them_in_their_language(
    reply, state_a_contact, language, typed, stored
):
    with translation.override(language):
        save(reply, "A.1", typed, state_a_contact)
    assert reply.answers.get(question__code="A.1").value == stored


@pytest.mark.parametrize(
    ("language", "typed", "stored"),
    [("en", "1,234.5", "1234.5"), ("fr", "1 234,5", "1234.5"), ("es", "1.234,5", "1234.5"),
     ("fr", "12.5", "12.5"), ("ru", "0,85", "0.85")],
)  # fmt: skip
def test_decimals_take_the_languages_decimal_sign(reply, state_a_contact, language, typed, stored):
    with translation.override(language):
        save(reply, "A.3", typed, state_a_contact)
    assert reply.answers.get(question__code="A.3").value == stored


@pytest.mark.parametrize(
    ("language", "example"),
    [("fr", "40\u202f000"), ("es", "40.000"), ("ru", "40\u00a0000"), ("ar", "40,000")],
)
def test_the_refusal_gives_an_example_in_the_readers_language(
    reply, state_a_contact, language, example
):
    with translation.override(language), pytest.raises(AnswerInvalid) as refused:
        save(reply, "A.1", "environ quarante mille", state_a_contact)
    text = str(refused.value)
    assert text.startswith("A.1") and "environ quarante mille" in text and example in text


def test_limits_are_printed_with_the_languages_separators(reply, state_a_contact):
    for language, limit in [
        ("en", "1,000,000"),
        ("fr", "1\u202f000\u202f000"),
        ("es", "1.000.000"),
    ]:
        with translation.override(language), pytest.raises(AnswerInvalid) as refused:
            save(reply, "A.1", "2000000", state_a_contact)
        assert limit in str(refused.value)


def test_values_are_stored_in_their_type(reply, state_a_contact):
    assert save(reply, "A.3", "1,50", state_a_contact).answer.value == "1.5"
    assert save(reply, "B.1", ["fine", "other", "probation"], state_a_contact, other_text=" Curfew ").answer.value == [
        "probation", "fine", "other",
    ]  # fmt: skip
    assert reply.answers.get(question__code="B.1").other_text == "Curfew"
    assert save(reply, "B.2", {"probation": "fully", "fine": ""}, state_a_contact).answer.value == {
        "probation": "fully"
    }
    assert save(reply, "A.5", "2026-03-01", state_a_contact).answer.value == "2026-03-01"
    # Clearing an answer is a change too.
    assert save(reply, "A.5", "", state_a_contact, base=1).answer.value is None


def test_a_submitted_reply_is_locked_but_the_secretariat_can_correct_with_a_reason(
    reply, state_a_contact, reviewer
):
    save(reply, "A.1", "100", state_a_contact)
    reply.status = ReplyStatus.SUBMITTED
    reply.save()
    with pytest.raises(ReplyLocked):
        save(reply, "A.1", "1000", state_a_contact, base=1)
    with pytest.raises(AnswerInvalid, match="needs a reason"):
        save(reply, "A.1", "1000", reviewer, base=1, channel=Channel.STAFF)
    corrected = save(
        reply,
        "A.1",
        "1000",
        reviewer,
        base=1,
        channel=Channel.STAFF,
        reason="Typo: one zero missing",
    )
    assert corrected.answer.value == "1000"
    assert list(AnswerChange.objects.values_list("new_value", "channel")) == [
        ("100", "web"),
        ("1000", "staff"),
    ]


def test_an_autosave_takes_a_fixed_number_of_queries(
    reply, state_a_contact, django_assert_num_queries
):
    target = question(reply, "A.1")
    save(reply, "A.1", "1", state_a_contact)
    # savepoint, the reply locked, the answer locked, the change recorded, the answer updated,
    # release
    with django_assert_num_queries(6):
        answer_save(
            reply=reply,
            question=target,
            value="2",
            base_revision=1,
            by=state_a_contact,
            channel=Channel.AUTOSAVE,
        )
