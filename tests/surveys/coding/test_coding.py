"""Coding: the codebook, the coding screen (one question, every respondent, one click per
decision) and the useful practices featured in the report."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portal.models import Respondent
from surveys.coding.services import (
    CodingRefused,
    answer_theme_decide,
    codebook_load,
    theme_update,
    useful_practice_save,
)
from surveys.models import (
    Answer,
    AnswerTheme,
    Decision,
    Question,
    ReplyStatus,
    Theme,
    ThemeKind,
    UsefulPractice,
)
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.django_db

DIFFICULTY, PRACTICE = "B.4", "B.6"
LANGUAGES = ("en", "fr", "es", "ru", "zh-hans", "ar")


def coded_cycle(
    administrator, texts, *, question=DIFFICULTY, status=ReplyStatus.SUBMITTED, version=None
):
    """A cycle whose replies (one per respondent code in `texts`) answer `question` with the
    given text, in `status`. Returns the cycle and {code: answer}."""
    cycle = open_cycle(administrator, version=version, codes=tuple(texts))
    answers = {}
    for code, text in texts.items():
        reply = reply_for(cycle, code)
        reply.status = status
        reply.submitted_at = timezone.now()
        reply.save()
        answers[code] = Answer.objects.create(
            reply=reply,
            question=Question.objects.get(version=cycle.version, code=question),
            value=text,
            revision=1,
        )
    return cycle, answers


def theme(code) -> Theme:
    return Theme.objects.get(code=code)


def page_url(cycle, code=DIFFICULTY, query=""):
    return reverse("surveys:coding_question", args=[cycle.pk, code]) + query


# --- The codebook ------------------------------------------------------------------------------


def test_the_shipped_codebook_has_every_theme_in_six_languages_with_keywords(reference_data):
    difficulty = set(Theme.objects.filter(kind=ThemeKind.DIFFICULTY).values_list("code", flat=True))
    assert {
        "difficulty-financial-resources",
        "difficulty-trained-personnel",
        "difficulty-legislation-gaps",
        "difficulty-overcrowding",
        "difficulty-awareness",
        "difficulty-coordination",
        "difficulty-data-systems",
        "difficulty-cultural-social",
        "difficulty-infrastructure",
        "difficulty-other",
    } <= difficulty
    areas = set(Theme.objects.filter(kind=ThemeKind.ASSISTANCE_AREA).values_list("code", flat=True))
    assert {
        "assistance-legislative-drafting",
        "assistance-training",
        "assistance-institution-building",
        "assistance-equipment",
        "assistance-data-systems",
        "assistance-awareness-raising",
        "assistance-expert-advice",
        "assistance-other",
    } <= areas
    for entry in Theme.objects.all():
        assert set(entry.label) == set(LANGUAGES), entry.code
        if not entry.code.endswith("-other"):
            assert set(entry.keywords) == set(LANGUAGES), entry.code


def test_loading_the_codebook_again_creates_missing_themes_and_keeps_an_administrators_edits(
    administrator,
):
    training = theme("assistance-training")
    theme_update(
        theme=training,
        label={**training.label, "en": "Training of staff"},
        keywords={"en": ["train*"]},
        order=5,
        is_active=False,
        by=administrator,
    )
    theme("difficulty-other").delete()
    result = codebook_load()
    assert result.created_keys == ["difficulty-other"]
    call_command("load_reference_data", "--update", verbosity=0)
    training.refresh_from_db()
    assert training.label["en"] == "Training of staff"
    assert training.keywords == {"en": ["train*"]}
    assert not training.is_active


def test_an_administrator_adds_a_theme_and_edits_it(client_for, administrator):
    client = client_for(administrator)
    response = client.post(
        reverse("surveys:theme_create"),
        {
            "kind": "difficulty",
            "code": "difficulty-corruption",
            "label_en": "Corruption",
            "label_fr": "Corruption",
            "label_ar": "الفساد",
            "order": "95",
            "keywords_en": "corrupt*\nbribe*\n\n",
            "keywords_fr": "corruption",
        },
    )
    assert response.status_code == 302
    added = theme("difficulty-corruption")
    assert added.label == {"en": "Corruption", "fr": "Corruption", "ar": "الفساد"}
    assert added.keywords == {"en": ["corrupt*", "bribe*"], "fr": ["corruption"]}
    assert added.is_active

    response = client.post(
        reverse("surveys:theme_edit", args=[added.pk]),
        {"label_en": "Corruption and bribery", "order": "96", "keywords_en": "corrupt*"},
    )
    assert response.status_code == 302
    added.refresh_from_db()
    assert added.label == {"en": "Corruption and bribery"}
    assert not added.is_active  # the box was not ticked: deactivated
    assert added.kind == "difficulty"
    page = client.get(reverse("surveys:codebook_index")).content.decode()
    assert "Corruption and bribery" in page


def test_a_theme_code_is_unique_and_the_english_label_required(client_for, administrator):
    response = client_for(administrator).post(
        reverse("surveys:theme_create"),
        {"kind": "difficulty", "code": "difficulty-overcrowding", "label_fr": "X", "order": "1"},
    )
    assert response.status_code == 422
    assert "A theme with this code already exists." in response.content.decode()
    assert "The text is required in: en." in response.content.decode()


def test_a_deactivated_theme_is_no_longer_offered_nor_suggested(
    client_for, administrator, reviewer
):
    cycle, answers = coded_cycle(administrator, {"KEN": "Overcrowding is severe."})
    overcrowding = theme("difficulty-overcrowding")
    answer_theme_decide(
        answer=answers["KEN"], theme=overcrowding, decision=Decision.ACCEPTED, by=reviewer
    )
    theme_update(
        theme=overcrowding,
        label=overcrowding.label,
        keywords=overcrowding.keywords,
        is_active=False,
        by=administrator,
    )
    other = answers["KEN"].reply.cycle
    assert other == cycle
    # The answer keeps it; nobody can give it anew.
    with pytest.raises(CodingRefused):
        answer_theme_decide(
            answer=answers["KEN"], theme=overcrowding, decision=Decision.ACCEPTED, by=reviewer
        )
    page = client_for(reviewer).get(page_url(cycle)).content.decode()
    assert "(inactive)" in page
    assert f'<option value="{overcrowding.pk}"' not in page


# --- The coding screen ------------------------------------------------------------------------


def test_the_index_lists_the_questions_to_code_with_their_counts(
    client_for, administrator, reviewer
):
    cycle, answers = coded_cycle(
        administrator, {"KEN": "Overcrowding.", "SEN": "Manque de personnel formé."}
    )
    answer_theme_decide(
        answer=answers["KEN"],
        theme=theme("difficulty-overcrowding"),
        decision=Decision.ACCEPTED,
        by=reviewer,
    )
    response = client_for(reviewer).get(reverse("surveys:coding_index", args=[cycle.pk]))
    assert response.status_code == 200
    questions = {q.code: q for q in response.context["questions"]}
    assert set(questions) == {DIFFICULTY, PRACTICE}
    assert (questions[DIFFICULTY].answer_count, questions[DIFFICULTY].coded_count) == (2, 1)
    assert questions[PRACTICE].answer_count == 0
    page = response.content.decode()
    assert "Submitted, Resubmitted, Accepted" in page


def test_the_question_page_lists_every_respondents_answer_with_suggestions_and_why(
    client_for, administrator, reviewer
):
    cycle, _answers = coded_cycle(
        administrator,
        {
            "KEN": "The lack of trained staff and severe overcrowding.",
            "SEN": "La législation est lacunaire.",
        },
    )
    response = client_for(reviewer).get(page_url(cycle))
    assert response.status_code == 200
    page = response.content.decode()
    assert "The lack of trained staff and severe overcrowding." in page
    assert "La législation est lacunaire." in page
    assert 'lang="fr"' in page and 'dir="auto"' in page
    assert "matched:" in page and '<q dir="auto" lang="en">lack of trained staff</q>' in page
    assert "keyword matching" in page and "This is not understanding." in page
    rows = response.context["answers"]
    assert [a.reply.respondent.code for a in rows] == ["KEN", "SEN"]


@pytest.mark.parametrize("status", [ReplyStatus.IN_PROGRESS, ReplyStatus.RETURNED])
def test_answers_of_replies_not_in_the_secretariats_hands_are_not_listed(
    status, client_for, administrator, reviewer
):
    """A returned reply's answers may be changing: nobody codes text that was never submitted."""
    cycle, answers = coded_cycle(administrator, {"KEN": "Overcrowding."}, status=status)
    response = client_for(reviewer).get(page_url(cycle))
    assert response.context["answers"] == []
    decide = client_for(reviewer).post(
        reverse("surveys:coding_decide", args=[answers["KEN"].pk]),
        {"theme": theme("difficulty-overcrowding").pk, "decision": "accepted"},
    )
    assert decide.status_code == 404


def test_accepting_a_suggestion_with_htmx_swaps_the_row_and_updates_the_counts(
    client_for, administrator, reviewer
):
    cycle, answers = coded_cycle(administrator, {"KEN": "Overcrowding.", "SEN": "Rien."})
    answer = answers["KEN"]
    overcrowding = theme("difficulty-overcrowding")
    response = client_for(reviewer).post(
        reverse("surveys:coding_decide", args=[answer.pk]),
        {"theme": overcrowding.pk, "decision": "accepted", "suggested": "1"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<article class="coding-answer')
    assert f'id="answer-{answer.pk}"' in page
    assert 'data-testid="accepted-themes"' in page and "Overcrowding" in page
    assert 'id="coding-counts"' in page and 'hx-swap-oob="true"' in page
    assert '<strong data-count="coded">1</strong> of 2' in page
    decided = AnswerTheme.objects.get(answer=answer)
    assert (decided.theme, decided.decision, decided.suggested, decided.decided_by) == (
        overcrowding,
        Decision.ACCEPTED,
        True,
        reviewer,
    )


def test_a_plain_post_goes_back_to_the_filtered_page(client_for, administrator, reviewer):
    cycle, answers = coded_cycle(administrator, {"KEN": "Overcrowding."})
    back = page_url(cycle, query="?uncoded=1")
    response = client_for(reviewer).post(
        reverse("surveys:coding_decide", args=[answers["KEN"].pk]),
        {"theme": theme("difficulty-overcrowding").pk, "decision": "accepted", "next": back},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{back}#answer-{answers['KEN'].pk}"
    evil = client_for(reviewer).post(
        reverse("surveys:coding_decide", args=[answers["KEN"].pk]),
        {
            "theme": theme("difficulty-overcrowding").pk,
            "decision": "accepted",
            "next": "https://evil.example/",
        },
    )
    assert evil["Location"].startswith(page_url(cycle))


def test_a_rejected_suggestion_is_stored_and_disappears_from_the_page(
    client_for, administrator, reviewer
):
    cycle, answers = coded_cycle(
        administrator, {"KEN": "Overcrowding and a lack of trained staff."}
    )
    answer = answers["KEN"]
    overcrowding = theme("difficulty-overcrowding")
    client = client_for(reviewer)
    response = client.post(
        reverse("surveys:coding_decide", args=[answer.pk]),
        {"theme": overcrowding.pk, "decision": "rejected", "suggested": "1"},
        headers={"HX-Request": "true"},
    )
    assert AnswerTheme.objects.get(answer=answer).decision == Decision.REJECTED
    row = response.content.decode()
    assert 'data-testid="rejected-themes"' in row
    [shown] = client.get(page_url(cycle)).context["answers"]
    assert [s.theme.code for s in shown.suggestions] == ["difficulty-trained-personnel"]


def test_a_reviewer_adds_a_theme_that_was_not_suggested_and_removes_it(
    client_for, administrator, reviewer
):
    cycle, answers = coded_cycle(administrator, {"KEN": "Prisoners wait years for trial."})
    answer = answers["KEN"]
    other = theme("difficulty-other")
    client = client_for(reviewer)
    url = reverse("surveys:coding_decide", args=[answer.pk])
    client.post(url, {"theme": other.pk, "decision": "accepted"}, headers={"HX-Request": "true"})
    decided = AnswerTheme.objects.get(answer=answer)
    assert (decided.decision, decided.suggested) == (Decision.ACCEPTED, False)
    client.post(url, {"theme": other.pk, "decision": "rejected"}, headers={"HX-Request": "true"})
    assert AnswerTheme.objects.get(answer=answer).decision == Decision.REJECTED


def test_an_assistance_area_cannot_be_given_to_a_difficulty_answer(
    client_for, administrator, reviewer
):
    cycle, answers = coded_cycle(administrator, {"KEN": "Overcrowding."})
    response = client_for(reviewer).post(
        reverse("surveys:coding_decide", args=[answers["KEN"].pk]),
        {"theme": theme("assistance-training").pk, "decision": "accepted"},
        headers={"HX-Request": "true"},
    )
    assert "This theme does not apply to the question." in response.content.decode()
    assert not AnswerTheme.objects.exists()


def test_a_useful_practice_is_featured_with_a_summary(client_for, administrator, reviewer):
    cycle, answers = coded_cycle(
        administrator,
        {"KEN": "A probation service set up in 2019 cut pre-trial detention by a third."},
        question=PRACTICE,
    )
    answer = answers["KEN"]
    response = client_for(reviewer).post(
        reverse("surveys:coding_practice", args=[answer.pk]),
        {
            "featured": "on",
            # The summary in each language the reviewer writes (the six-language widget).
            "summary_en": "Probation cut pre-trial detention.",
            "summary_fr": "La probation a réduit la détention provisoire.",
            "summary_ar": "خفض نظام الاختبار الاحتجاز السابق للمحاكمة.",
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert 'data-testid="featured-badge"' in response.content.decode()
    practice = UsefulPractice.objects.get(answer=answer)
    assert (practice.featured, practice.summary, practice.updated_by) == (
        True,
        {
            "en": "Probation cut pre-trial detention.",
            "fr": "La probation a réduit la détention provisoire.",
            "ar": "خفض نظام الاختبار الاحتجاز السابق للمحاكمة.",
        },
        reviewer,
    )
    # Useful practices may speak of difficulties and of assistance: both kinds are offered.
    page = client_for(reviewer).get(page_url(cycle, PRACTICE)).content.decode()
    assert "Feature in the report" in page
    assert "Probation cut pre-trial detention." in page
    # Each language has its own box, in its own direction.
    assert re.search(r'<textarea name="summary_ar"[^>]* lang="ar" dir="rtl"[^>]*>\s*خفض', page)
    assert re.search(r'<textarea name="summary_en"[^>]* lang="en" dir="ltr"', page)
    with pytest.raises(CodingRefused):
        useful_practice_save(answer=answer, featured=True, summary={"en": "x" * 3000}, by=reviewer)
    with pytest.raises(CodingRefused):
        useful_practice_save(answer=answer, featured=True, summary={"xx": "Text"}, by=reviewer)


def test_a_featured_practice_needs_a_summary_of_one_to_three_sentences(
    client_for, administrator, reviewer
):
    _cycle, answers = coded_cycle(
        administrator, {"KEN": "Paralegals visit remand prisons."}, question=PRACTICE
    )
    answer = answers["KEN"]
    url = reverse("surveys:coding_practice", args=[answer.pk])
    client = client_for(reviewer)
    response = client.post(url, {"featured": "on"}, headers={"HX-Request": "true"})
    assert "Short summary for the report: a featured practice needs a summary" in (
        response.content.decode()
    )
    assert not UsefulPractice.objects.filter(answer=answer, featured=True).exists()
    four = "Paralegals visit prisons. They see detainees. They check files. They help release."
    response = client.post(
        url, {"featured": "on", "summary_fr": four}, headers={"HX-Request": "true"}
    )
    assert "Short summary for the report (French): one to three sentences, not 4." in (
        response.content.decode()
    )
    with pytest.raises(CodingRefused, match="Short summary for the report"):
        useful_practice_save(answer=answer, featured=True, summary={"en": " "}, by=reviewer)
    # One language is enough; "e.g. the" does not end a sentence; not featured needs none.
    useful_practice_save(
        answer=answer,
        featured=True,
        summary={"en": "Paralegals visit remand prisons, e.g. the central prison, every week."},
        by=reviewer,
    )
    useful_practice_save(answer=answer, featured=False, summary={}, by=reviewer)
    assert UsefulPractice.objects.get(answer=answer).featured is False


def test_a_difficulty_answer_cannot_be_featured_as_a_useful_practice(administrator, reviewer):
    _cycle, answers = coded_cycle(administrator, {"KEN": "Overcrowding."})
    with pytest.raises(CodingRefused):
        useful_practice_save(answer=answers["KEN"], featured=True, summary={}, by=reviewer)


def test_the_filters_show_uncoded_answers_or_those_with_a_theme(
    client_for, administrator, reviewer
):
    cycle, answers = coded_cycle(
        administrator, {"KEN": "Overcrowding.", "SEN": "Surpopulation.", "NGA": "Budget."}
    )
    overcrowding = theme("difficulty-overcrowding")
    answer_theme_decide(
        answer=answers["KEN"], theme=overcrowding, decision=Decision.ACCEPTED, by=reviewer
    )
    client = client_for(reviewer)

    def shown(query):
        return [
            a.reply.respondent.code
            for a in client.get(page_url(cycle, query=query)).context["answers"]
        ]

    assert shown("") == ["KEN", "NGA", "SEN"]
    assert shown("?uncoded=1") == ["NGA", "SEN"]
    assert shown("?theme=difficulty-overcrowding") == ["KEN"]
    assert shown("?theme=difficulty-overcrowding&uncoded=1") == []


def test_only_the_secretariat_codes(administrator, state_a_contact):
    _cycle, answers = coded_cycle(administrator, {"KEN": "Overcrowding."})
    with pytest.raises(CodingRefused):
        answer_theme_decide(
            answer=answers["KEN"],
            theme=theme("difficulty-overcrowding"),
            decision=Decision.ACCEPTED,
            by=state_a_contact,
        )


# --- Queries ------------------------------------------------------------------------------------


def _codes(count):
    codes = ["KEN", "SEN"] + list(
        Respondent.objects.filter(type__code="member_state")
        .exclude(code__in=["KEN", "SEN"])
        .order_by("code")
        .values_list("code", flat=True)[: count - 2]
    )
    return codes[:count]


@pytest.mark.parametrize("count", [2, 30])
def test_the_question_page_makes_the_same_queries_for_2_or_30_replies(
    client_for, administrator, reviewer, django_assert_num_queries, count
):
    texts = {code: f"Overcrowding and a lack of trained staff in {code}." for code in _codes(count)}
    cycle, answers = coded_cycle(administrator, texts)
    for answer in list(answers.values())[::2]:
        answer_theme_decide(
            answer=answer,
            theme=theme("difficulty-overcrowding"),
            decision=Decision.ACCEPTED,
            by=reviewer,
        )
    client = client_for(reviewer)
    with django_assert_num_queries(10):  # with the session's second-factor device
        response = client.get(page_url(cycle))
    assert len(response.context["answers"]) == count
    with django_assert_num_queries(6):
        client.get(reverse("surveys:coding_index", args=[cycle.pk]))


def test_the_codebook_page_makes_a_fixed_number_of_queries(
    client_for, reviewer, django_assert_num_queries
):
    client = client_for(reviewer)
    with django_assert_num_queries(4):  # session, user, second-factor device, codebook
        client.get(reverse("surveys:codebook_index"))


# --- Outsiders ----------------------------------------------------------------------------------


@pytest.fixture
def coding_urls(administrator):
    cycle, answers = coded_cycle(administrator, {"KEN": "Overcrowding."})
    answer = answers["KEN"]
    edit = reverse("surveys:theme_edit", args=[theme("difficulty-overcrowding").pk])
    return {
        "get": [
            reverse("surveys:coding_index", args=[cycle.pk]),
            page_url(cycle),
            reverse("surveys:codebook_index"),
            reverse("surveys:theme_create"),
            edit,
        ],
        "post": [
            reverse("surveys:coding_decide", args=[answer.pk]),
            reverse("surveys:coding_practice", args=[answer.pk]),
            reverse("surveys:theme_create"),
            edit,
        ],
    }


@pytest.mark.parametrize("actor", ["state_a_contact", "state_b_contact", "delegate"])
def test_contact_persons_and_delegates_reach_no_coding_or_codebook_page(
    request, client_for, coding_urls, actor
):
    client = client_for(request.getfixturevalue(actor))
    for url in coding_urls["get"]:
        assert client.get(url).status_code == 403, url
    for url in coding_urls["post"]:
        assert client.post(url, {"decision": "accepted"}).status_code == 403, url
    assert not AnswerTheme.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client_for, coding_urls):
    client = client_for(None)
    for url in coding_urls["get"] + coding_urls["post"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_a_reviewer_reads_the_codebook_but_cannot_edit_it(client_for, reviewer, coding_urls):
    client = client_for(reviewer)
    page = client.get(reverse("surveys:codebook_index"))
    assert page.status_code == 200
    assert "Lack of trained personnel" in page.content.decode()
    assert reverse("surveys:theme_create") not in page.content.decode()
    assert client.get(reverse("surveys:theme_create")).status_code == 403
    edit = reverse("surveys:theme_edit", args=[theme("difficulty-overcrowding").pk])
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"label_en": "Hacked", "order": "1"}).status_code == 403
    assert theme("difficulty-overcrowding").label["en"] == "Overcrowding"
