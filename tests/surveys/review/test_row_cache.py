"""A reply's review page keeps its question rows between requests
(surveys.review.views.row_cache), and what a reviewer sees is never an older state of the reply: a
comment, a correction, an answer, a change of status and the page's languages each show at once;
a row's forms carry the request's own CSRF token, and a draft's delete button shows only to whom
may delete the draft."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from portal.roles import Role
from surveys.answering.services import answer_save
from surveys.models import AnswerChange, Channel, ReviewComment
from surveys.review import selectors
from surveys.review.services import answer_correct, reply_return, review_comment_add
from surveys.review.views import row_cache
from surveys.submission.services import reply_submit
from tests.calls import recorded_calls
from tests.factories import user_with_role
from tests.second_factor import verified

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'(csrfmiddlewaretoken" value=|"X-CSRFToken": )"[^"]+"')


@pytest.fixture
def drawn(monkeypatch):
    """The question codes whose row is drawn (not taken from the cache), request by request."""
    return recorded_calls(
        monkeypatch, row_cache, "render_to_string", lambda _name, c: c["item"].question.code
    )


@pytest.fixture
def submitted(reply, lead):
    for code, value in (("A.1", "1200"), ("A.3", "2.5")):
        question = reply.cycle.version.questions.get(code=code)
        answer_save(
            reply=reply, question=question, value=value, base_revision=0, by=lead,
            channel=Channel.WEB,
        )  # fmt: skip
    reply_submit(reply=reply, by=lead, may_publish=True)
    reply.refresh_from_db()
    return reply


def question(reply, code):
    return reply.cycle.version.questions.get(code=code)


def review_url(reply, query=""):
    return reverse("surveys:reply_review", args=[reply.pk]) + query


def row(page: str, reply, code: str) -> str:
    """The HTML of one question's row on the review page."""
    start = page.index(f'id="question-{question(reply, code).pk}"')
    return page[start : page.index("</article>", start)]


def test_a_reload_draws_no_row_again_and_shows_the_same_page(
    submitted, reviewer, client_for, drawn, monkeypatch
):
    client = client_for(reviewer)
    first = client.get(review_url(submitted)).content.decode()
    count = len(drawn)
    assert count == first.count('<article class="review-question') > 3
    written = []
    original = selectors.answer_text
    monkeypatch.setattr(selectors, "answer_text", lambda *a: written.append(a) or original(*a))
    second = client.get(review_url(submitted)).content.decode()
    assert len(drawn) == count
    # Nor is any answer written in words again, but for its history's "from" and "to" (what the
    # row's key is made of): the answer shown is written only for a row drawn.
    changes = AnswerChange.objects.filter(answer__reply=submitted).count()
    assert len(written) == 2 * changes
    assert TOKEN.sub("", second) == TOKEN.sub("", first)
    # Drawn afresh, the same page: the kept rows are the rows.
    cache.clear()
    third = client.get(review_url(submitted)).content.decode()
    assert len(drawn) == 2 * count and TOKEN.sub("", third) == TOKEN.sub("", first)


def test_every_form_of_a_kept_row_carries_the_requests_token(submitted, reviewer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    verified(client, reviewer)
    client.get(review_url(submitted))
    page = client.get(review_url(submitted)).content.decode()
    tokens = set(re.findall(r'csrfmiddlewaretoken" value="([^"]+)"', page))
    assert len(tokens) == 1 and "csrf-token" not in page
    a1 = question(submitted, "A.1")
    posted = client.post(
        reverse("surveys:review_comment_add", args=[submitted.pk]),
        {"csrfmiddlewaretoken": tokens.pop(), "question": a1.pk, "text": "Which year?"},
    )
    assert posted.status_code == 302
    assert ReviewComment.objects.get(reply=submitted).question == a1


def test_a_comment_or_a_correction_redraws_only_its_row_with_what_changed(
    submitted, reviewer, client_for, drawn
):
    client = client_for(reviewer)
    client.get(review_url(submitted))
    drawn.clear()
    review_comment_add(
        reply=submitted, question=question(submitted, "A.1"), text="1,200 or 12,000?", by=reviewer
    )
    page = client.get(review_url(submitted)).content.decode()
    assert drawn == ["A.1"]
    assert "1,200 or 12,000?" in row(page, submitted, "A.1")
    assert "1,200 or 12,000?" not in row(page, submitted, "A.3")
    drawn.clear()
    answer_correct(
        reply=submitted, question=question(submitted, "A.3"), value="3.5", base_revision=1,
        by=reviewer, reason="Read from the annex",
    )  # fmt: skip
    page = client.get(review_url(submitted)).content.decode()
    assert drawn == ["A.3"]
    a3 = row(page, submitted, "A.3")
    assert 'data-testid="corrected"' in a3 and "Read from the annex" in a3


def test_a_change_of_status_redraws_every_row_without_its_forms(
    submitted, reviewer, client_for, drawn
):
    client = client_for(reviewer)
    before = client.get(review_url(submitted)).content.decode()
    count = len(drawn)
    assert 'name="question"' in row(before, submitted, "A.1")
    assert "Correct an obvious error" in row(before, submitted, "A.1")
    reply_return(reply=submitted, by=reviewer, note="Please check A.1.")
    after = client.get(review_url(submitted)).content.decode()
    assert len(drawn) == 2 * count
    # Returned to the contact persons: neither commented on nor corrected meanwhile.
    assert 'name="question"' not in row(after, submitted, "A.1")
    assert "Correct an obvious error" not in row(after, submitted, "A.1")


def test_an_answer_given_after_a_return_shows_in_its_row(
    submitted, lead, reviewer, client_for, drawn
):
    reply_return(reply=submitted, by=reviewer, note="Please check A.1.")
    client = client_for(reviewer)
    client.get(review_url(submitted))
    drawn.clear()
    answer_save(
        reply=submitted, question=question(submitted, "A.1"), value="1250", base_revision=1,
        by=lead, channel=Channel.WEB,
    )  # fmt: skip
    page = client.get(review_url(submitted)).content.decode()
    assert drawn == ["A.1"]
    assert "1,250" in row(page, submitted, "A.1") and "1,250" not in row(page, submitted, "A.3")


def test_each_language_has_its_own_rows(submitted, reviewer, client_for):
    client = client_for(reviewer)
    english = client.get(review_url(submitted)).content.decode()
    french = client.get(review_url(submitted, "?language=fr")).content.decode()
    assert row(english, submitted, "A.1") != row(french, submitted, "A.1")
    assert 'lang="fr"' in row(french, submitted, "A.1")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    arabic = client.get(review_url(submitted)).content.decode()
    a1 = row(arabic, submitted, "A.1")
    assert 'lang="ar" dir="rtl"' in a1 and "Correct an obvious error" not in a1
    # The portal in Arabic, the questionnaire in English: the questionnaire's rows of an English
    # page would show English labels.
    mixed = row(
        client.get(review_url(submitted, "?language=en")).content.decode(), submitted, "A.1"
    )
    assert 'lang="en" dir="ltr"' in mixed and "Correct an obvious error" not in mixed
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    again = client.get(review_url(submitted)).content.decode()
    assert TOKEN.sub("", again) == TOKEN.sub("", english)


def test_a_drafts_delete_button_shows_only_to_whom_may_delete_it(
    submitted, reviewer, administrator, client_for
):
    other = user_with_role(Role.REVIEWER, username="other-reviewer")
    review_comment_add(
        reply=submitted, question=question(submitted, "A.1"), text="Source?", by=reviewer
    )
    delete = "Delete the draft"
    # The author's page is drawn first and kept: the others' rows are their own.
    assert delete in row(client_for(reviewer).get(review_url(submitted)).content.decode(),
                         submitted, "A.1")  # fmt: skip
    assert delete not in row(client_for(other).get(review_url(submitted)).content.decode(),
                             submitted, "A.1")  # fmt: skip
    assert delete in row(client_for(administrator).get(review_url(submitted)).content.decode(),
                         submitted, "A.1")  # fmt: skip


def test_an_outsider_is_still_refused(submitted, reviewer, state_b_contact, client_for, drawn):
    client_for(reviewer).get(review_url(submitted))
    count = len(drawn)
    assert client_for(state_b_contact).get(review_url(submitted)).status_code == 403
    assert client_for(None).get(review_url(submitted)).status_code == 302
    assert len(drawn) == count
