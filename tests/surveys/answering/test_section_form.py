"""The section's form builds a question's fields only when its block is drawn (a page whose blocks
come from the cache builds none), in the questionnaire's language whatever the page's, and gives
every field, in the questions' order, to whatever asks for them all."""

import pytest
from django.utils.translation import override

from surveys.answering import forms as answering_forms
from surveys.answering.forms import SectionAnswersForm
from surveys.answering.rendering import QuestionnaireText
from tests.calls import recorded_calls
from tests.surveys.answering.helpers import section, section_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(monkeypatch):
    """The codes of the questions whose field is built, in order."""
    return recorded_calls(
        monkeypatch, answering_forms, "question_field", lambda question, _text: question.code
    )


def _form(reply, language, data=None):
    questions = list(section(reply, "A").questions.order_by("order"))
    text = QuestionnaireText(language, reply.cycle.version.original_language)
    return SectionAnswersForm(data, questions=questions, answers={}, text=text, language=language)


def test_a_reload_whose_blocks_are_kept_builds_no_field(reply, state_a_contact, client_for, built):
    client = client_for(state_a_contact)
    assert client.get(section_url(reply, "A")).status_code == 200
    assert len(built) > 3
    built.clear()
    assert client.get(section_url(reply, "A")).status_code == 200
    assert built == []


def test_a_field_built_late_is_in_the_questionnaires_language(reply):
    form = _form(reply, "ar")
    entry = next(e for e in form.entries.values() if e.question.required and not e.is_file)
    with override("en"):  # the portal's language, chosen apart from the questionnaire's
        label = form[entry.name].label
    assert label.endswith('<span class="answer-required">مطلوب</span>')


def test_all_the_fields_come_in_the_questions_order_whichever_was_built_first(reply, built):
    form = _form(reply, "en")
    entries = [e for e in form.entries.values() if not e.is_file]
    form[entries[-1].name]  # its block drawn first
    names = [n for e in entries for n in (e.name, e.other_name) if n]
    assert list(form.fields) == names
    assert built[0] == entries[-1].code and sorted(built) == sorted(e.code for e in entries)
    assert any(e.other_name for e in entries)  # a question with "other, please specify" too


def test_a_posted_form_has_every_field_at_once(reply, built):
    form = _form(reply, "en", data={})
    assert built == [e.code for e in form.entries.values() if not e.is_file]
    assert form.is_valid()
