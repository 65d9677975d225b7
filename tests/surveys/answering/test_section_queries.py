"""A section page makes as many queries with 100 questions as with 10."""

import re

import pytest

from surveys.questionnaires.documents import document_from_dict
from tests.surveys.answering.helpers import save, section_url
from tests.surveys.replies import approved_version, open_cycle, reply_for
from tests.surveys.samples import SAMPLE

pytestmark = pytest.mark.django_db


TYPES = [
    {"type": "yes_no"},
    {"type": "single_choice", "other_specify": True,
     "choices": [{"name": "a", "label": {"en": "A"}}, {"name": "b", "label": {"en": "B"}}]},
    {"type": "multiple_choice",
     "choices": [{"name": "a", "label": {"en": "A"}}, {"name": "b", "label": {"en": "B"}}]},
    {"type": "integer", "minimum": 0, "unit": {"en": "persons"}},
    {"type": "decimal"},
    {"type": "short_text"},
    {"type": "long_text", "help": {"en": "Be specific."}},
    {"type": "date"},
    {"type": "yes_no_partly_dk"},
    {"type": "file"},
    {"type": "table", "rows": [{"name": "r1", "label": {"en": "Row 1"}}],
     "choices": [{"name": "c1", "label": {"en": "Column 1"}}]},
]  # fmt: skip


def sized_document(count: int, form_id: str):
    """A sample-like questionnaire with `count` questions in section A, of every type, some of
    them shown only after an earlier "yes"."""
    questions = []
    for number in range(1, count + 1):
        kind = TYPES[(number - 1) % len(TYPES)]
        item = {"code": f"A.{number}", "text": {"en": f"Question {number}"}, **kind}
        if number % len(TYPES) == 5:  # after a yes/no at n % 11 == 1
            item["relevance"] = {"question": f"A.{number - 4}", "operator": "=", "value": "yes"}
        questions.append(item)
    return document_from_dict(
        {
            **SAMPLE,
            "form_id": form_id,
            "sections": [
                {"code": "A", "title": {"en": "All"}, "questions": questions},
                {"code": "B", "title": {"en": "More"}, "questions": [
                    {"code": "B.1", "type": "yes_no", "text": {"en": "Last"},
                     "relevance": {"question": "A.1", "operator": "=", "value": "yes"}},
                ]},
            ],
        }
    )  # fmt: skip


def test_a_section_page_makes_the_same_number_of_queries_with_10_and_100_questions(
    administrator, state_a_contact, colleague, client_for, django_assert_num_queries
):
    client = client_for(state_a_contact)
    pages = {}
    for count in (10, 100):
        version = approved_version(administrator, sized_document(count, f"sized{count}"))
        reply = reply_for(open_cycle(administrator, version=version, codes=("KEN",)), "KEN")
        for number in range(1, count + 1, 3):
            code = f"A.{number}"
            value = {"yes_no": "yes", "integer": "3", "short_text": "x", "date": "2026-01-01"}
            kind = TYPES[(number - 1) % len(TYPES)]["type"]
            if kind in value:
                save(reply, code, value[kind], colleague if number % 2 else state_a_contact)
        url = section_url(reply, "A")
        # session, user with their respondent, reply with its deadline; the approved version's
        # content (4, read once and kept); answers with their savers (read once); progress
        # (attachments: the questionnaire asks for files)
        with django_assert_num_queries(9):
            client.get(url)
        with django_assert_num_queries(5):
            pages[count] = client.get(url).content.decode()
    blocks = re.compile(r'class="answer-question[" ]')
    assert len(blocks.findall(pages[10])) == 10 and len(blocks.findall(pages[100])) == 100
    assert (
        pages[100].count("Last changed by Amina Wanjiru") > pages[10].count("Last changed by") > 0
    )
