"""An answer that excludes the others ("None of these", A.7 of the seeded questionnaire) in a real
browser: ticking it unticks the other answers, ticking another unticks it, and what autosave keeps
is what the page shows (under the site's Content-Security-Policy: no inline script)."""

import pytest
from playwright.sync_api import expect

from surveys.models import Answer
from tests.e2e.test_layout import log_in
from tests.reports.builders import seeded_category_a
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.browser


@pytest.fixture
def reply(administrator, reference_data):
    cycle = open_cycle(administrator, version=seeded_category_a(administrator), codes=("KEN",))
    return reply_for(cycle, "KEN")


def _box(page, name):
    return page.locator(f'input[type="checkbox"][name="answer-A.7"][value="{name}"]')


def _saved(reply):
    answer = Answer.objects.filter(reply=reply, question__code="A.7").first()
    return answer.value if answer else None


def test_none_of_these_unticks_the_other_answers_and_the_reverse(page, reply, state_a_contact):
    section = reply.cycle.version.sections.get(code="A")
    log_in(page, state_a_contact.username)
    page.goto(f"/questionnaires/replies/{reply.pk}/sections/{section.pk}/")
    status = page.get_by_test_id("autosave-status")
    _box(page, "women_staff").check()
    _box(page, "family_contact").check()
    expect(status).to_contain_text("All changes saved at")
    _box(page, "none").check()
    for name in ("women_staff", "family_contact"):
        expect(_box(page, name)).not_to_be_checked()
    expect(_box(page, "none")).to_be_checked()
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
    expect(status).to_contain_text("All changes saved at")
    page.wait_for_timeout(300)
    assert _saved(reply) == ["none"]
    # Ticking a measure again unticks "None of these".
    _box(page, "violence_support").check()
    expect(_box(page, "none")).not_to_be_checked()
    expect(_box(page, "violence_support")).to_be_checked()
    page.wait_for_timeout(1500)
    expect(status).to_contain_text("All changes saved at")
    assert _saved(reply) == ["violence_support"]
    # The page shows no error: nothing contradictory was sent.
    expect(page.locator('[data-question="A.7"] .invalid-feedback')).to_have_count(0)
