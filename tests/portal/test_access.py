"""Who may open which page. A contact person never sees another respondent's pages."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_contact_person_opens_their_own_respondent(state_a_contact, client_for):
    response = client_for(state_a_contact).get("/respondents/KEN/")
    assert response.status_code == 200
    assert "Kenya" in response.content.decode()


@pytest.mark.parametrize("code", ["SEN", "FRA", "USA"])
def test_a_contact_person_cannot_open_another_states_respondent(state_a_contact, client_for, code):
    response = client_for(state_a_contact).get(f"/respondents/{code}/")
    assert response.status_code == 403


def test_the_other_states_contact_person_cannot_open_state_a(
    state_a_contact, state_b_contact, client_for
):
    response = client_for(state_b_contact).get("/respondents/KEN/")
    assert response.status_code == 403
    assert state_a_contact.get_full_name() not in response.content.decode()


def test_an_unknown_respondent_is_not_found(reviewer, client_for):
    assert client_for(reviewer).get("/respondents/XXX/").status_code == 404


@pytest.mark.parametrize("actor", ["state_a_contact", "delegate"])
def test_only_the_secretariat_lists_respondents(actor, request, client_for):
    assert client_for(request.getfixturevalue(actor)).get("/respondents/").status_code == 403


@pytest.mark.parametrize(
    "path", ["/respondents/", "/respondents/KEN/", "/accounts/password_change/"]
)
def test_an_anonymous_visitor_is_sent_to_log_in(client, path, reference_data):
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")


@pytest.mark.parametrize("actor", ["reviewer", "administrator"])
def test_the_secretariat_sees_every_respondent(actor, request, client_for, state_a_contact):
    client = client_for(request.getfixturevalue(actor))
    assert client.get("/respondents/SEN/").status_code == 200
    page = client.get("/respondents/KEN/").content.decode()
    assert state_a_contact.email in page


def test_the_respondent_list_filters_and_searches_in_any_language(reviewer, client_for):
    client = client_for(reviewer)
    rows = client.get("/respondents/").context["respondents"]
    assert len(rows) == 193
    assert [r.code for r in client.get("/respondents/", {"q": "كينيا"}).context["respondents"]] == [
        "KEN"
    ]
    assert [r.code for r in client.get("/respondents/", {"q": "Кения"}).context["respondents"]] == [
        "KEN"
    ]
    assert [r.code for r in client.get("/respondents/", {"q": "ken"}).context["respondents"]] == [
        "KEN"
    ]
    eastern = client.get("/respondents/", {"regional_group": "eastern_european"}).context[
        "respondents"
    ]
    assert len(eastern) == 23


def test_the_respondent_list_is_sorted_by_the_name_in_the_readers_language(reviewer, client_for):
    client = client_for(reviewer)
    english = [r.code for r in client.get("/respondents/").context["respondents"]]
    assert english[:2] == ["AFG", "ALB"]
    client.post("/language/", {"language": "fr", "next": "/"})
    french = client.get("/respondents/").context["respondents"]
    names = [r.list_name("fr") for r in french]
    assert names[:3] == ["Afghanistan", "Afrique du Sud", "Albanie"]
    # French collation puts É with E: Égypte, El Salvador, Émirats arabes unis, Équateur
    e_names = [name for name in names if name[0] in "EÉ"]
    assert e_names[:4] == ["Égypte", "El Salvador", "Émirats arabes unis", "Équateur"]


def test_arabic_lists_ignore_the_article_and_the_hamza(reviewer, client_for):
    client = client_for(reviewer)
    client.post("/language/", {"language": "ar", "next": "/"})
    names = [r.list_name("ar") for r in client.get("/respondents/").context["respondents"]]
    assert names[:5] == ["الاتحاد الروسي", "إثيوبيا", "أذربيجان", "الأرجنتين", "الأردن"]


def test_the_respondent_list_takes_the_same_queries_for_all_193_states(
    reviewer, client_for, django_assert_num_queries
):
    client = client_for(reviewer)
    # session, user, second-factor device, respondent types for the filter, respondents
    with django_assert_num_queries(5):
        response = client.get("/respondents/")
    assert len(response.context["respondents"]) == 193
