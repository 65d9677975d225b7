"""Questionnaire authoring in the browser: the services that change a draft one step at a time,
and the pages of the Secretariat (administrators write, reviewers read, nobody else comes in)."""

import datetime
import json
import re
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusters.models import Category
from portal.models import Respondent
from surveys.models import (
    Choice,
    Consultation,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Section,
    VersionStatus,
)
from surveys.questionnaires import services
from surveys.questionnaires.documents import ChoiceDoc, ConditionDoc, QuestionDoc, StandardRefDoc
from surveys.questionnaires.versions import version_document, version_from_document
from tests.surveys.samples import sample_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(reference_data, administrator):
    return version_from_document(document=sample_document(), by=administrator)


@pytest.fixture
def empty_draft(reference_data, administrator):
    return services.questionnaire_create(
        code="prisons",
        title={"en": "Prisons"},
        category=Category.objects.get(letter="a"),
        original_language="en",
        by=administrator,
    )


def _freeze(version, administrator, status=VersionStatus.APPROVED):
    version.status = status
    if status == VersionStatus.APPROVED:
        version.approval_meeting = "Intersessional meeting of the Commission"
        version.approval_date = datetime.date(2026, 12, 1)
        version.approved_by = administrator
    version.save()
    return version


def _question(version, code) -> Question:
    return Question.objects.get(version=version, code=code)


def _section(version, code) -> Section:
    return Section.objects.get(version=version, code=code)


def _outline(version) -> list[tuple[str, list[str]]]:
    """The sections and question codes, in order, and every order contiguous from 1."""
    sections = list(Section.objects.filter(version=version).order_by("order"))
    assert [s.order for s in sections] == list(range(1, len(sections) + 1))
    questions = list(Question.objects.filter(version=version).order_by("section__order", "order"))
    assert [q.order for q in questions] == list(range(1, len(questions) + 1))
    return [(s.code, [q.code for q in questions if q.section_id == s.pk]) for s in sections]


def yes_no(code, text="Is there a law?", **kwargs) -> QuestionDoc:
    return QuestionDoc(code=code, type="yes_no", text={"en": text}, **kwargs)


# --- Services --------------------------------------------------------------------------------------


def test_a_new_questionnaire_starts_as_an_empty_first_draft(empty_draft, administrator):
    assert empty_draft.number == 1 and empty_draft.status == VersionStatus.DRAFT
    assert empty_draft.questionnaire.code == "prisons"
    assert empty_draft.created_by == administrator
    assert _outline(empty_draft) == []


def test_sections_and_questions_are_added_in_reading_order(empty_draft, administrator):
    a = services.section_add(version=empty_draft, code="A", title={"en": "Law"}, by=administrator)
    b = services.section_add(
        version=empty_draft, code="B", title={"en": "Practice"}, by=administrator
    )
    services.question_add(section=b, document=yes_no("B.1"), by=administrator)
    services.question_add(section=a, document=yes_no("A.1"), by=administrator)
    services.question_add(
        section=a,
        document=QuestionDoc(
            code="A.2",
            type="single_choice",
            text={"en": "How often?"},
            relevance=ConditionDoc("A.1", "=", "yes"),
            choices=[
                ChoiceDoc("monthly", {"en": "Monthly"}),
                ChoiceDoc("yearly", {"en": "Yearly"}),
            ],
            standards=[StandardRefDoc("TOKYO", "rule 2.3")],
        ),
        by=administrator,
    )
    assert _outline(empty_draft) == [("A", ["A.1", "A.2"]), ("B", ["B.1"])]
    follow_up = _question(empty_draft, "A.2")
    assert follow_up.relevance == {"question": "A.1", "operator": "=", "value": "yes"}
    assert [c.name for c in follow_up.choices.order_by("order")] == ["monthly", "yearly"]
    assert [(link.standard.code, link.provision) for link in follow_up.standard_links.all()] == [
        ("TOKYO", "rule 2.3")
    ]


def test_codes_stay_unique_in_the_version(version, administrator):
    with pytest.raises(services.ChangeRejected, match="A.1: the code is used twice"):
        services.question_add(
            section=_section(version, "B"), document=yes_no("A.1"), by=administrator
        )
    with pytest.raises(services.ChangeRejected, match="the code is used twice"):
        services.section_add(version=version, code="A.2", title={"en": "X"}, by=administrator)
    assert Question.objects.filter(version=version).count() == 12


def test_moving_questions_keeps_the_order_contiguous_and_crosses_sections(version, administrator):
    services.question_move(
        question=_question(version, "A.5"), direction=services.UP, by=administrator
    )
    assert _outline(version)[0] == ("A", ["A.1", "A.2", "A.2.1", "A.3", "A.5", "A.4"])
    # From the bottom of A to the top of B, and back up.
    services.question_move(
        question=_question(version, "A.4"), direction=services.DOWN, by=administrator
    )
    assert _outline(version) == [
        ("A", ["A.1", "A.2", "A.2.1", "A.3", "A.5"]),
        ("B", ["A.4", "B.1", "B.2", "B.3", "B.4", "B.5", "B.6"]),
    ]
    services.question_move(
        question=_question(version, "A.4"), direction=services.UP, by=administrator
    )
    assert _outline(version)[0][1][-1] == "A.4"
    # The first question cannot go further up: nothing changes.
    services.question_move(
        question=_question(version, "A.1"), direction=services.UP, by=administrator
    )
    assert _outline(version)[0][1][0] == "A.1"


def test_moving_a_section_moves_its_questions(reference_data, administrator):
    document = sample_document()
    document.sections[1].questions[-1].relevance = None  # B.6 no longer depends on A.1
    version = version_from_document(document=document, by=administrator)
    services.section_move(section=_section(version, "B"), direction=services.UP, by=administrator)
    outline = _outline(version)
    assert [code for code, _questions in outline] == ["B", "A"]
    assert outline[0][1][0] == "B.1" and outline[1][1][0] == "A.1"


def test_a_move_before_the_question_a_condition_names_is_refused(version, administrator):
    before = _outline(version)
    with pytest.raises(services.ChangeRejected, match="A.2.1: the relevance condition names 'A.2'"):
        services.question_move(
            question=_question(version, "A.2.1"), direction=services.UP, by=administrator
        )
    # B depends on A (B.2 on B.1 is inside; B.6 on A.1 is not): B cannot go first.
    with pytest.raises(services.ChangeRejected, match="B.6"):
        services.section_move(
            section=_section(version, "B"), direction=services.UP, by=administrator
        )
    assert _outline(version) == before


def test_deleting_a_question_renumbers_the_rest(version, administrator):
    services.question_delete(question=_question(version, "A.3"), by=administrator)
    assert _outline(version)[0] == ("A", ["A.1", "A.2", "A.2.1", "A.4", "A.5"])


def test_it_refuses_to_delete_a_question_a_later_condition_depends_on(version, administrator):
    with pytest.raises(services.ChangeRejected) as refused:
        services.question_delete(question=_question(version, "A.2"), by=administrator)
    assert [p.where for p in refused.value.problems] == ["A.2.1"]
    assert "A.2.1 is shown only when A.2 = yes" in str(refused.value)
    assert Question.objects.filter(version=version, code="A.2").exists()


def test_it_refuses_to_delete_a_section_whose_questions_others_depend_on(version, administrator):
    with pytest.raises(services.ChangeRejected, match="B.6 is shown only when A.1 ≠ 0"):
        services.section_delete(section=_section(version, "A"), by=administrator)
    services.section_delete(section=_section(version, "B"), by=administrator)
    assert _outline(version) == [("A", ["A.1", "A.2", "A.2.1", "A.3", "A.4", "A.5"])]


def test_renaming_a_question_carries_the_new_code_into_the_conditions_on_it(version, administrator):
    document = next(q for q in version_document(version=version).questions() if q.code == "A.2")
    document.code = "A.2.0"
    services.question_update(
        question=_question(version, "A.2"), document=document, by=administrator
    )
    assert _question(version, "A.2.1").relevance["question"] == "A.2.0"


def test_updating_a_question_keeps_its_choices_rows_and_their_translations(version, administrator):
    question = _question(version, "A.2.1")
    monthly = Choice.objects.get(question=question, name="monthly")
    document = next(q for q in version_document(version=version).questions() if q.code == "A.2.1")
    document.choices = [
        ChoiceDoc("yearly", {"en": "Every year", "fr": "Annuelle"}),
        ChoiceDoc("monthly", monthly.label),
        ChoiceDoc("weekly", {"en": "Weekly"}),
    ]
    document.text = {"en": "How often is it inspected?", "fr": "À quelle fréquence ?"}
    services.question_update(question=question, document=document, by=administrator)
    choices = list(Choice.objects.filter(question=question).order_by("order"))
    assert [c.name for c in choices] == ["yearly", "monthly", "weekly"]
    assert choices[1].pk == monthly.pk and choices[1].label == {"en": "Monthly", "fr": "Mensuelle"}
    assert _question(version, "A.2.1").text["en"] == "How often is it inspected?"


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        (ConditionDoc("B.1", "selected", "fine"), "not an earlier question"),
        (ConditionDoc("A.5", "=", "2020-01-01"), "cannot compare the answer to A.5 (date)"),
        (ConditionDoc("A.2", "=", "maybe"), "'maybe' is not a value of A.2"),
        (ConditionDoc("A.2", "selected", "yes"), "selected() needs a multiple-choice question"),
    ],
)
def test_a_condition_names_only_an_earlier_question_of_a_comparable_type(
    version, administrator, condition, message
):
    with pytest.raises(services.ChangeRejected, match=re.escape(message)):
        services.question_add(
            section=_section(version, "A"),
            document=yes_no("A.9", relevance=condition),
            by=administrator,
        )
    assert not Question.objects.filter(code="A.9").exists()


def test_a_change_that_breaks_a_condition_elsewhere_is_refused(version, administrator):
    document = next(q for q in version_document(version=version).questions() if q.code == "A.2")
    document.type = "short_text"
    with pytest.raises(services.ChangeRejected, match="A.2.1: a condition cannot compare"):
        services.question_update(
            question=_question(version, "A.2"), document=document, by=administrator
        )
    assert _question(version, "A.2").type == "yes_no"


def _every_change(version, administrator):
    section = _section(version, "B")
    question = _question(version, "B.3")
    return {
        "section_add": lambda: services.section_add(
            version=version, code="C", title={"en": "More"}, by=administrator
        ),
        "section_update": lambda: services.section_update(
            section=section, code="B", title={"en": "Changed"}, intro={}, by=administrator
        ),
        "section_move": lambda: services.section_move(
            section=section, direction=services.UP, by=administrator
        ),
        "section_delete": lambda: services.section_delete(section=section, by=administrator),
        "question_add": lambda: services.question_add(
            section=section, document=yes_no("B.9"), by=administrator
        ),
        "question_update": lambda: services.question_update(
            question=question, document=yes_no("B.3"), by=administrator
        ),
        "question_move": lambda: services.question_move(
            question=question, direction=services.UP, by=administrator
        ),
        "question_delete": lambda: services.question_delete(question=question, by=administrator),
        "version_update": lambda: services.version_update(
            version=version, title={"en": "Changed"}, change_log="x", by=administrator
        ),
        "translations": lambda: services.version_translations_save(
            version=version, language="ar", texts={"version-title": "استبيان"}, by=administrator
        ),
    }


@pytest.mark.parametrize(
    "change",
    [
        "section_add", "section_update", "section_move", "section_delete", "question_add",
        "question_update", "question_move", "question_delete", "version_update", "translations",
    ],
)  # fmt: skip
@pytest.mark.parametrize("status", [VersionStatus.CONSULTATION, VersionStatus.APPROVED])
def test_a_frozen_version_is_refused_and_left_unchanged(version, administrator, change, status):
    _freeze(version, administrator, status)
    before = version_document(version=version)
    with pytest.raises(services.VersionFrozen, match="frozen"):
        _every_change(version, administrator)[change]()
    assert version_document(version=version) == before


def test_translations_are_saved_in_one_language_and_an_empty_box_removes_one(
    version, administrator
):
    section_b = _section(version, "B")
    question = _question(version, "A.1")
    monthly = Choice.objects.get(question__version=version, name="monthly")
    changed = services.version_translations_save(
        version=version,
        language="fr",
        texts={
            f"section-{section_b.pk}-title": "Mesures de substitution",
            f"question-{question.pk}-text": "",
            f"choice-{monthly.pk}-label": "Mensuelle",  # unchanged
            "version-title": "Questionnaire type",  # unchanged
        },
        by=administrator,
    )
    assert changed == 2
    assert _section(version, "B").title["fr"] == "Mesures de substitution"
    assert "fr" not in _question(version, "A.1").text
    assert _question(version, "A.1").text["en"] == "How many prisoners?"
    with pytest.raises(ValueError, match="cannot translate into 'en'"):
        services.version_translations_save(
            version=version, language="en", texts={}, by=administrator
        )


def test_the_texts_to_translate_are_those_the_original_has(version):
    from surveys.questionnaires.selectors import version_with_content

    items = services.version_texts(version=version_with_content(pk=version.pk))
    kinds = [item.kind for item in items]
    assert kinds[:3] == ["title", "section_title", "intro"]
    assert kinds.count("intro") == 1  # section B has no introduction: nothing to translate
    assert kinds.count("help") == 1 and kinds.count("unit") == 2
    assert kinds.count("question") == 12
    assert kinds.count("row") == 2 and kinds.count("column") == 2


# --- Pages: who may open them ------------------------------------------------------------------------


def _pages(version):
    pk = version.pk
    return {
        "detail": f"/questionnaires/versions/{pk}/",
        "edit": f"/questionnaires/versions/{pk}/edit/",
        "translations": f"/questionnaires/versions/{pk}/translations/?language=fr",
        "completeness": f"/questionnaires/versions/{pk}/completeness/",
        "preview": f"/questionnaires/versions/{pk}/preview/?language=fr",
    }


@pytest.mark.parametrize("page", ["detail", "edit", "translations", "completeness", "preview"])
def test_an_administrator_opens_every_page(version, administrator, client_for, page):
    assert client_for(administrator).get(_pages(version)[page]).status_code == 200


@pytest.mark.parametrize(
    ("page", "status"),
    [
        ("detail", 200),
        ("edit", 403),
        ("translations", 200),
        ("completeness", 200),
        ("preview", 200),
    ],
)
def test_a_reviewer_reads_but_does_not_edit(version, reviewer, client_for, page, status):
    assert client_for(reviewer).get(_pages(version)[page]).status_code == status


@pytest.mark.parametrize("actor", ["state_a_contact", "state_b_contact", "delegate"])
@pytest.mark.parametrize("page", ["detail", "edit", "translations", "completeness", "preview"])
def test_outsiders_cannot_open_a_draft(version, request, client_for, actor, page):
    client = client_for(request.getfixturevalue(actor))
    assert client.get(_pages(version)[page]).status_code == 403


@pytest.mark.parametrize("page", ["edit", "translations", "completeness"])
def test_an_anonymous_visitor_is_sent_to_log_in(version, client, page):
    response = client.get(_pages(version)[page])
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("page", ["detail", "preview"])
def test_an_anonymous_visitor_cannot_read_a_draft(version, client, page):
    assert client.get(_pages(version)[page]).status_code == 403


def test_an_invited_contact_person_reads_the_overview_and_preview_of_a_consultation_version(
    version, administrator, state_a_contact, state_b_contact, client_for
):
    consultation = Consultation.objects.create(version=version, opened_by=administrator)
    consultation.respondents.add(Respondent.objects.get(code="KEN"))
    _freeze(version, administrator, VersionStatus.CONSULTATION)
    client = client_for(state_a_contact)
    overview = client.get(_pages(version)["detail"])
    assert overview.status_code == 200
    assert "Start a new draft" not in overview.content.decode()
    assert 'data-tab="edit"' not in overview.content.decode()
    assert client.get(_pages(version)["preview"]).status_code == 200
    assert client.get(_pages(version)["translations"]).status_code == 403
    assert client_for(state_b_contact).get(_pages(version)["detail"]).status_code == 403


@pytest.mark.parametrize("actor", ["state_a_contact", "delegate"])
def test_only_the_secretariat_lists_questionnaires(version, request, client_for, actor):
    assert client_for(request.getfixturevalue(actor)).get("/questionnaires/").status_code == 403
    assert client_for(None).get("/questionnaires/").status_code == 302


@pytest.mark.parametrize(
    "path",
    [
        "/questionnaires/new/",
        "/questionnaires/versions/{pk}/sections/new/",
        "/questionnaires/versions/{pk}/questions/{question}/edit/",
        "/questionnaires/versions/{pk}/questions/{question}/delete/",
    ],
)
def test_a_reviewer_cannot_reach_the_authoring_forms(version, reviewer, client_for, path):
    url = path.format(pk=version.pk, question=_question(version, "A.1").pk)
    client = client_for(reviewer)
    assert client.get(url).status_code == 403
    assert client.post(url, {"code": "Z"}).status_code == 403
    assert Question.objects.filter(version=version).count() == 12


# --- The list of questionnaires ----------------------------------------------------------------------


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_shows_every_version_in_a_fixed_number_of_queries(
    version, administrator, reviewer, client_for, django_assert_num_queries
):
    client = client_for(reviewer)
    with django_assert_num_queries(4):  # session, user, questionnaires, versions
        page = client.get("/questionnaires/").content.decode()
    assert "Sample questionnaire" in page and "New questionnaire" not in page
    for code in ("two", "three"):
        version_from_document(document=sample_document(form_id=code), by=administrator)
    version_from_document(document=sample_document(), by=administrator)
    with django_assert_num_queries(4):
        page = client.get("/questionnaires/").content.decode()
    assert page.count('data-testid="version-status"') == 4
    assert "New questionnaire" in client_for(administrator).get("/questionnaires/").content.decode()


def test_the_empty_list_invites_an_administrator_to_start(
    reference_data, administrator, client_for
):
    page = client_for(administrator).get("/questionnaires/").content.decode()
    assert "No questionnaire yet" in page
    assert 'href="/questionnaires/new/"' in page


def test_an_administrator_creates_a_questionnaire_and_lands_in_its_editor(
    reference_data, administrator, client_for
):
    client = client_for(administrator)
    response = client.post(
        "/questionnaires/new/",
        {
            "code": "juvenile-justice",
            "title_en": "Juvenile justice",
            "title_ar": "قضاء الأحداث",
            "category": Category.objects.get(letter="b").pk,
            "original_language": "en",
        },
    )
    version = QuestionnaireVersion.objects.get(questionnaire__code="juvenile-justice")
    assert response.status_code == 302
    assert response.url == f"/questionnaires/versions/{version.pk}/edit/"
    assert version.title == {"en": "Juvenile justice", "ar": "قضاء الأحداث"}
    page = client.get(response.url).content.decode()
    assert "This draft has no section yet" in page


def test_a_new_questionnaire_needs_its_title_in_the_original_language(
    reference_data, administrator, client_for
):
    response = client_for(administrator).post(
        "/questionnaires/new/",
        {"code": "x", "title_en": "Only English", "category": 1, "original_language": "fr"},
    )
    assert response.status_code == 200
    assert "Give the title in the original language (Français)." in response.content.decode()
    assert not Questionnaire.objects.filter(code="x").exists()


# --- Overview and new drafts -------------------------------------------------------------------------


def test_the_overview_of_an_approved_version_offers_a_new_draft(version, administrator, client_for):
    _freeze(version, administrator)
    client = client_for(administrator)
    page = client.get(_pages(version)["detail"]).content.decode()
    assert "Start a new draft" in page and "Intersessional meeting" in page
    assert "1 section" not in page and "2 sections, 12 questions" in page
    response = client.post(
        f"/questionnaires/versions/{version.pk}/new-draft/",
        {"change_log": "Add a question on bail."},
    )
    draft = QuestionnaireVersion.objects.get(based_on=version)
    assert response.url == f"/questionnaires/versions/{draft.pk}/edit/"
    assert (draft.number, draft.status, draft.change_log) == (2, "draft", "Add a question on bail.")


def test_a_reviewer_cannot_start_a_new_draft(version, administrator, reviewer, client_for):
    _freeze(version, administrator)
    response = client_for(reviewer).post(f"/questionnaires/versions/{version.pk}/new-draft/")
    assert response.status_code == 403
    assert QuestionnaireVersion.objects.count() == 1


def test_an_approved_version_is_public(version, administrator, client):
    _freeze(version, administrator)
    assert client.get(_pages(version)["detail"]).status_code == 200
    assert client.get(_pages(version)["preview"]).status_code == 200


# --- The structure editor ---------------------------------------------------------------------------


def test_the_editor_reads_any_size_of_version_in_the_same_number_of_queries(
    empty_draft, version, administrator, client_for, django_assert_num_queries
):
    client = client_for(administrator)
    section = services.section_add(
        version=empty_draft, code="A", title={"en": "A"}, by=administrator
    )
    services.question_add(section=section, document=yes_no("A.1"), by=administrator)
    # session, user, the version (access), and five for its content
    with django_assert_num_queries(8):
        small = client.get(f"/questionnaires/versions/{empty_draft.pk}/edit/")
    with django_assert_num_queries(8):
        big = client.get(f"/questionnaires/versions/{version.pk}/edit/")
    assert small.content.decode().count('data-question="') == 1
    page = big.content.decode()
    assert page.count('data-question="') == 12
    assert "A.2 = Yes" in page  # A.2.1's condition, as a person reads it
    assert "B.1 includes “Probation”" in page


def test_a_frozen_version_shows_why_it_cannot_be_edited(version, administrator, client_for):
    _freeze(version, administrator)
    response = client_for(administrator).get(_pages(version)["edit"])
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
    _freeze(version, administrator)
    before = version_document(version=version)
    path = url.format(section=_section(version, "A").pk, question=_question(version, "A.3").pk)
    response = client_for(administrator).post(f"/questionnaires/versions/{version.pk}/{path}", data)
    assert response.status_code == 409
    assert "Nothing was changed" in response.content.decode()
    assert version_document(version=version) == before


def test_the_database_refusal_is_caught_and_explained_too(version, administrator, client_for):
    """Were the version frozen between the page's check and the write (a race), the database
    refuses the write; the administrator is told, and nothing changes."""
    client = client_for(administrator)
    section = _section(version, "A")
    _freeze(version, administrator)
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
    section = _section(version, "A")
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
    question = _question(version, "A.6")
    assert question.relevance == {"question": "A.2", "operator": "=", "value": "yes"}
    assert [(c.name, c.label) for c in question.choices.order_by("order")] == [
        ("judge", {"en": "A judge"}),
        ("ombudsman", {"en": "The ombudsman"}),
        ("parliament", {"en": "Parliament"}),
    ]
    assert question.other_specify
    assert [str(link) for link in question.standard_links.all()] == ["SMR rule 83"]
    assert _outline(version)[0][1][-1] == "A.6"


def test_a_condition_on_a_number_takes_the_number_typed_beside_the_list(
    version, administrator, client_for
):
    client = client_for(administrator)
    section = _section(version, "B")
    url = f"/questionnaires/versions/{version.pk}/sections/{section.pk}/questions/new/"
    key = json.dumps(["A.1", "!=", "#"])
    response = client.post(url, _question_form(code="B.7", relevance=key))
    assert "Give the number that A.1 is compared with." in response.content.decode()
    client.post(url, _question_form(code="B.7", relevance=key, relevance_number="0"))
    assert _question(version, "B.7").relevance == {
        "question": "A.1",
        "operator": "!=",
        "value": "0",
    }


def test_mistakes_are_shown_beside_the_fields_and_nothing_is_saved(
    version, administrator, client_for
):
    section = _section(version, "A")
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
    question = _question(version, "A.2.1")
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
    a5 = _question(version, "A.5")
    response = client.post(f"{base}/questions/{a5.pk}/move/", {"direction": "up"})
    assert response.url == f"{base}/edit/#question-{a5.pk}"
    assert _outline(version)[0][1][-2:] == ["A.5", "A.4"]
    confirm = client.get(f"{base}/questions/{a5.pk}/delete/").content.decode()
    assert "Delete question A.5?" in confirm
    client.post(f"{base}/questions/{a5.pk}/delete/")
    assert not Question.objects.filter(pk=a5.pk).exists()


def test_deleting_a_question_others_depend_on_is_refused_naming_them(
    version, administrator, client_for
):
    client = client_for(administrator)
    a2 = _question(version, "A.2")
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
    b = _section(empty_draft, "B")
    client.post(
        f"{base}/sections/{b.pk}/edit/",
        {"code": "B", "title_en": "Practice", "title_fr": "Pratique", "intro_en": "In practice."},
    )
    client.post(f"{base}/sections/{b.pk}/move/", {"direction": "up"})
    assert [code for code, _q in _outline(empty_draft)] == ["B", "A"]
    b.refresh_from_db()
    assert b.title == {"en": "Practice", "fr": "Pratique"} and b.intro == {"en": "In practice."}


# --- Translations and completeness -------------------------------------------------------------------


def test_translations_are_shown_side_by_side_and_saved_in_one_post(
    version, administrator, client_for
):
    client = client_for(administrator)
    url = f"/questionnaires/versions/{version.pk}/translations/?language=ar"
    page = client.get(url).content.decode()
    a1 = _question(version, "A.1")
    field = f"question-{a1.pk}-text"
    assert f'name="{field}"' in page and 'lang="ar" dir="rtl"' in page
    assert "How many prisoners?" in page
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data[field] = "كم عدد السجناء؟"
    data["version-title"] = "استبيان نموذجي"
    response = client.post(url, data)
    assert response.status_code == 302
    assert _question(version, "A.1").text["ar"] == "كم عدد السجناء؟"
    version.refresh_from_db()
    assert version.title["ar"] == "استبيان نموذجي"


def test_a_reviewer_reads_translations_but_cannot_save_them(version, reviewer, client_for):
    client = client_for(reviewer)
    url = f"/questionnaires/versions/{version.pk}/translations/?language=fr"
    page = client.get(url).content.decode()
    assert "readonly" in page and "only administrators change them" in page
    assert client.post(url, {"version-title": "Changé"}).status_code == 403


def test_translations_of_a_frozen_version_are_read_only(version, administrator, client_for):
    _freeze(version, administrator)
    client = client_for(administrator)
    url = f"/questionnaires/versions/{version.pk}/translations/?language=fr"
    assert "readonly" in client.get(url).content.decode()
    response = client.post(url, {"version-title": "Changé"})
    assert response.status_code == 409
    version.refresh_from_db()
    assert version.title["fr"] == "Questionnaire type"


def test_an_unknown_language_is_not_found(version, administrator, client_for):
    client = client_for(administrator)
    base = f"/questionnaires/versions/{version.pk}"
    assert client.get(f"{base}/translations/?language=xx").status_code == 404
    assert client.get(f"{base}/preview/?language=xx").status_code == 404


def test_completeness_counts_what_each_language_lacks(version, reviewer, client_for):
    languages = {
        row["code"]: row
        for row in client_for(reviewer)
        .get(f"/questionnaires/versions/{version.pk}/completeness/")
        .context["languages"]
    }
    # title, 2 section titles, 1 intro, 12 questions, 1 help, 2 units, 7 choices/columns, 2 rows
    assert languages["en"]["total"] == 28 and languages["en"]["percent"] == 100
    assert languages["fr"]["present"] == 27  # the unit "%" has no French text
    assert [m["where"] for m in languages["fr"]["missing"]] == ["A.3"]
    assert languages["ar"]["present"] == 1  # only section A's title
    assert languages["ar"]["missing"][0]["url"].endswith("?language=ar#id_version-title")


def test_completeness_takes_the_same_number_of_queries_whatever_the_size(
    empty_draft, version, reviewer, administrator, client_for, django_assert_num_queries
):
    client = client_for(reviewer)
    section = services.section_add(
        version=empty_draft, code="A", title={"en": "A"}, by=administrator
    )
    services.question_add(section=section, document=yes_no("A.1"), by=administrator)
    for each in (empty_draft, version):
        with django_assert_num_queries(8):  # session, user, access, content (5)
            client.get(f"/questionnaires/versions/{each.pk}/completeness/")
        with django_assert_num_queries(8):
            client.get(f"/questionnaires/versions/{each.pk}/translations/?language=fr")
        with django_assert_num_queries(8):
            client.get(f"/questionnaires/versions/{each.pk}/preview/?language=fr")


# --- Preview ----------------------------------------------------------------------------------------


def test_the_preview_is_in_the_chosen_language_with_the_original_as_fallback(
    version, reviewer, client_for
):
    page = client_for(reviewer).get(_pages(version)["preview"].replace("fr", "ar")).content.decode()
    assert 'data-testid="preview"' in page
    assert 'lang="ar" dir="rtl" data-testid="preview"' in page
    assert "الأشخاص المحتجزون" in page  # section A in Arabic
    assert '<span lang="en" dir="ltr">How many prisoners?</span>' in page  # fallback, marked
    assert "نعم" in page and "غير ذلك (يرجى التحديد)" in page  # fixed scale, "other"
    assert (
        'data-relevant-question="A.2" data-relevant-operator="=" data-relevant-value="yes"' in page
    )
    assert 'type="number"' in page and 'min="0"' in page and 'max="1000000"' in page
    assert 'name="answer-B.2-probation"' in page  # a table row of radio buttons
    assert "js/relevance.js" in page
