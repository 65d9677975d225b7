"""The structure editor in the browser: its queries, frozen versions explained, and sections and
questions added, edited, moved and deleted through its forms."""

import json
from unittest import mock

import pytest

from surveys.models import Question, QuestionnaireVersion, VersionStatus
from surveys.questionnaires import services
from surveys.questionnaires.versions import version_document
from tests.surveys.questionnaires.helpers import (
    freeze,
    version_outline,
    version_pages,
    version_question,
    version_section,
    yes_no,
)

pytestmark = pytest.mark.django_db


# --- The structure editor ---------------------------------------------------------------------------


def test_the_editor_reads_any_size_of_version_in_the_same_number_of_queries(
    empty_draft, version, administrator, client_for, django_assert_num_queries
):
    client = client_for(administrator)
    section = services.section_add(
        version=empty_draft, code="A", title={"en": "A"}, by=administrator
    )
    services.question_add(section=section, document=yes_no("A.1"), by=administrator)
    # session, user, second-factor device, the version (access), and five for its content
    with django_assert_num_queries(9):
        small = client.get(f"/questionnaires/versions/{empty_draft.pk}/edit/")
    with django_assert_num_queries(9):
        big = client.get(f"/questionnaires/versions/{version.pk}/edit/")
    assert small.content.decode().count('data-question="') == 1
    page = big.content.decode()
    assert page.count('data-question="') == 12
    assert "A.2 = Yes" in page  # A.2.1's condition, as a person reads it
    assert "B.1 includes “Probation”" in page


def test_a_frozen_version_shows_why_it_cannot_be_edited(version, administrator, client_for):
    freeze(version, administrator)
    response = client_for(administrator).get(version_pages(version)["edit"])
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="frozen"' in page and "Start a new draft" in page
    assert "Add a section" not in page


def _question_form(**values):
    data = {
        "code": "A.6",
        "type": "yes_no",
        "text": "Is there a complaints procedure?",
        "purpose": "application",
        "relevance": "",
        "standards-TOTAL_FORMS": "2",
        "standards-INITIAL_FORMS": "0",
        "standards-MIN_NUM_FORMS": "0",
        "standards-MAX_NUM_FORMS": "1000",
    }
    data.update(values)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("sections/new/", {"code": "C", "title": "More"}),
        ("sections/{section}/questions/new/", _question_form()),
        ("questions/{question}/move/", {"direction": "up"}),
        ("questions/{question}/delete/", {}),
        ("sections/{section}/move/", {"direction": "up"}),
        ("edit/details/", {"title_en": "Changed", "change_log": ""}),
    ],
)
def test_a_post_to_a_frozen_version_changes_nothing_and_says_why(
    version, administrator, client_for, url, data
):
    freeze(version, administrator)
    before = version_document(version=version)
    path = url.format(
        section=version_section(version, "A").pk, question=version_question(version, "A.3").pk
    )
    response = client_for(administrator).post(f"/questionnaires/versions/{version.pk}/{path}", data)
    assert response.status_code == 409
    assert "Nothing was changed" in response.content.decode()
    assert version_document(version=version) == before


def test_the_database_refusal_is_caught_and_explained_too(version, administrator, client_for):
    """Were the version frozen between the page's check and the write (a race), the database
    refuses the write; the administrator is told, and nothing changes."""
    client = client_for(administrator)
    section = version_section(version, "A")
    freeze(version, administrator)
    as_it_was = QuestionnaireVersion.objects.get(pk=version.pk)
    as_it_was.status = VersionStatus.DRAFT
    with (
        mock.patch(
            "surveys.questionnaires.views._common.get_version_for_authoring", return_value=as_it_was
        ),
        mock.patch(
            "surveys.questionnaires.services._editable", side_effect=lambda version: version
        ),
    ):
        response = client.post(
            f"/questionnaires/versions/{version.pk}/sections/{section.pk}/questions/new/",
            _question_form(),
        )
    assert response.status_code == 409
    assert "Nothing was changed" in response.content.decode()
    assert not Question.objects.filter(code="A.6").exists()


def test_an_administrator_adds_a_question_with_a_condition_picked_from_a_list(
    version, administrator, client_for
):
    client = client_for(administrator)
    section = version_section(version, "A")
    url = f"/questionnaires/versions/{version.pk}/sections/{section.pk}/questions/new/"
    form = client.get(url).context["form"]
    offered = {
        label: value
        for _group, entries in form.fields["relevance"].choices[1:]
        for value, label in entries
    }
    assert "A.2 = Yes" in offered and "A.2.1 = Monthly" in offered
    assert "A.4 = Don't know" in offered
    assert form.initial["code"] == "A.6"
    response = client.post(
        url,
        _question_form(
            type="single_choice",
            text="Who inspects?",
            choices="judge | A judge\nombudsman | The ombudsman\nParliament",
            other_specify="on",
            relevance=offered["A.2 = Yes"],
            **{"standards-0-standard": "SMR", "standards-0-provision": "rule 83"},
        ),
    )
    assert response.status_code == 302
    question = version_question(version, "A.6")
    assert question.relevance == {"question": "A.2", "operator": "=", "value": "yes"}
    assert [(c.name, c.label) for c in question.choices.order_by("order")] == [
        ("judge", {"en": "A judge"}),
        ("ombudsman", {"en": "The ombudsman"}),
        ("parliament", {"en": "Parliament"}),
    ]
    assert question.other_specify
    assert [str(link) for link in question.standard_links.all()] == ["SMR rule 83"]
    assert version_outline(version)[0][1][-1] == "A.6"


def test_a_condition_on_a_number_takes_the_number_typed_beside_the_list(
    version, administrator, client_for
):
    client = client_for(administrator)
    section = version_section(version, "B")
    url = f"/questionnaires/versions/{version.pk}/sections/{section.pk}/questions/new/"
    key = json.dumps(["A.1", "!=", "#"])
    response = client.post(url, _question_form(code="B.7", relevance=key))
    assert "Give the number that A.1 is compared with." in response.content.decode()
    client.post(url, _question_form(code="B.7", relevance=key, relevance_number="0"))
    assert version_question(version, "B.7").relevance == {
        "question": "A.1",
        "operator": "!=",
        "value": "0",
    }


def test_mistakes_are_shown_beside_the_fields_and_nothing_is_saved(
    version, administrator, client_for
):
    section = version_section(version, "A")
    response = client_for(administrator).post(
        f"/questionnaires/versions/{version.pk}/sections/{section.pk}/questions/new/",
        _question_form(code="A.1", type="multiple_choice", minimum="3", choices="a b | Bad"),
    )
    errors = response.context["form"].errors
    assert "A.1 is already used in this version" in errors["code"][0]
    assert "may only have letters" in errors["choices"][0]
    assert "Bounds only go with whole or decimal numbers." in errors["minimum"]
    assert Question.objects.filter(version=version).count() == 12


def test_editing_a_question_shows_its_texts_in_every_language_and_saves_them(
    version, administrator, client_for
):
    client = client_for(administrator)
    question = version_question(version, "A.2.1")
    url = f"/questionnaires/versions/{version.pk}/questions/{question.pk}/edit/"
    page = client.get(url)
    form = page.context["form"]
    assert form.initial["relevance"] == json.dumps(["A.2", "=", "yes"])
    assert form.initial["choices"] == "monthly | Monthly\nyearly | Yearly"
    offered = [v for _g, entries in form.fields["relevance"].choices[1:] for v, _l in entries]
    assert not any('"A.3"' in value for value in offered)  # only earlier questions
    assert 'lang="ar" dir="rtl"' in page.content.decode()
    response = client.post(
        url,
        _question_form(
            code="A.2.1",
            type="single_choice",
            text=None,
            text_en="How often is it inspected?",
            text_fr="À quelle fréquence ?",
            text_ar="كم مرة؟",
            choices="monthly | Every month\nyearly | Yearly",
            other_specify="on",
            relevance=json.dumps(["A.2", "=", "yes"]),
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    question.refresh_from_db()
    assert question.text == {
        "en": "How often is it inspected?",
        "fr": "À quelle fréquence ?",
        "ar": "كم مرة؟",
    }
    monthly = question.choices.get(name="monthly")
    assert monthly.label == {"en": "Every month", "fr": "Mensuelle"}


def test_moving_and_deleting_through_the_editor(version, administrator, client_for):
    client = client_for(administrator)
    base = f"/questionnaires/versions/{version.pk}"
    a5 = version_question(version, "A.5")
    response = client.post(f"{base}/questions/{a5.pk}/move/", {"direction": "up"})
    assert response.url == f"{base}/edit/#question-{a5.pk}"
    assert version_outline(version)[0][1][-2:] == ["A.5", "A.4"]
    confirm = client.get(f"{base}/questions/{a5.pk}/delete/").content.decode()
    assert "Delete question A.5?" in confirm
    client.post(f"{base}/questions/{a5.pk}/delete/")
    assert not Question.objects.filter(pk=a5.pk).exists()


def test_deleting_a_question_others_depend_on_is_refused_naming_them(
    version, administrator, client_for
):
    client = client_for(administrator)
    a2 = version_question(version, "A.2")
    url = f"/questionnaires/versions/{version.pk}/questions/{a2.pk}/delete/"
    confirm = client.get(url).content.decode()
    assert "It cannot be deleted while" in confirm and ">A.2.1</a>" in confirm
    response = client.post(url, follow=True)
    assert "A.2.1 is shown only when A.2 = yes" in response.content.decode()
    assert Question.objects.filter(pk=a2.pk).exists()


def test_a_section_is_added_edited_in_six_languages_and_moved(
    empty_draft, administrator, client_for
):
    client = client_for(administrator)
    base = f"/questionnaires/versions/{empty_draft.pk}"
    assert client.get(f"{base}/edit/").context["section_form"].initial["code"] == "A"
    client.post(f"{base}/sections/new/", {"code": "A", "title": "Law", "intro": ""})
    client.post(f"{base}/sections/new/", {"code": "B", "title": "Practice", "intro": ""})
    refused = client.post(f"{base}/sections/new/", {"code": "B", "title": "Again"})
    assert "B is already used in this version" in refused.content.decode()
    b = version_section(empty_draft, "B")
    client.post(
        f"{base}/sections/{b.pk}/edit/",
        {"code": "B", "title_en": "Practice", "title_fr": "Pratique", "intro_en": "In practice."},
    )
    client.post(f"{base}/sections/{b.pk}/move/", {"direction": "up"})
    assert [code for code, _q in version_outline(empty_draft)] == ["B", "A"]
    b.refresh_from_db()
    assert b.title == {"en": "Practice", "fr": "Pratique"} and b.intro == {"en": "In practice."}
