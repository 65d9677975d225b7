"""A section page keeps its question blocks between requests (surveys.answering.block_cache), and
what a contact person sees is never an older state of the reply: a saved value, a colleague's
change, the page's language and a submission each show at once."""

import re

import pytest
from django.core.cache import cache

from surveys.answering import block_cache
from surveys.models import ReplyStatus
from tests.calls import recorded_calls
from tests.surveys.answering.helpers import block, save, section_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def drawn(monkeypatch):
    """The question codes whose block is drawn (not taken from the cache), request by request."""
    return recorded_calls(
        monkeypatch, block_cache, "render_to_string", lambda _name, c: c["entry"].code
    )


def test_a_reload_draws_no_block_again_and_shows_the_same_page(
    reply, state_a_contact, client_for, drawn
):
    client = client_for(state_a_contact)
    first = client.get(section_url(reply, "A")).content.decode()
    count = len(drawn)
    assert count == len(re.findall(r'class="answer-question[" ]', first)) > 3
    second = client.get(section_url(reply, "A")).content.decode()
    assert len(drawn) == count
    token = re.compile(r'(csrfmiddlewaretoken" value=|"X-CSRFToken": )"[^"]+"')
    assert token.sub("", second) == token.sub("", first)
    # Drawn afresh, the same page: the kept blocks are the blocks.
    cache.clear()
    third = client.get(section_url(reply, "A")).content.decode()
    assert len(drawn) == 2 * count and token.sub("", third) == token.sub("", first)


def test_after_a_save_only_the_changed_question_is_drawn_and_shows_its_value(
    reply, state_a_contact, colleague, client_for, drawn
):
    client = client_for(state_a_contact)
    client.get(section_url(reply, "A"))
    drawn.clear()
    save(reply, "A.1", "75", colleague)
    page = client.get(section_url(reply, "A")).content.decode()
    assert drawn == ["A.1"]
    a1 = block(page, "A.1")
    assert 'name="answer-A.1" value="75"' in a1 and "Last changed by Amina Wanjiru" in a1
    assert re.search(r'name="base-A.1" id="base-\d+" value="1"', a1)


def test_each_language_and_a_submitted_reply_have_their_own_blocks(
    reply, state_a_contact, client_for
):
    client = client_for(state_a_contact)
    save(reply, "A.1", "120", state_a_contact)
    english = client.get(section_url(reply, "A")).content.decode()
    french = client.get(section_url(reply, "A", "?language=fr")).content.decode()
    assert block(english, "A.1") != block(french, "A.1")
    assert "hx-post" in block(english, "A.1")
    reply.status = ReplyStatus.SUBMITTED
    reply.save(update_fields=["status"])
    submitted = block(client.get(section_url(reply, "A")).content.decode(), "A.1")
    assert "hx-post" not in submitted and "disabled" in submitted
    assert 'value="120"' in submitted
