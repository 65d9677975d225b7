"""The roster of experts (annex, para. 39): staff read it with filters, administrators keep it,
nobody else reaches it; and the fictitious demo experts."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clusters.models import Availability, Cluster, Expert
from clusters.services import DEMO_EXPERTS, expert_create, expert_update, experts_demo_seed
from portal.models import Respondent

pytestmark = pytest.mark.django_db


def make_expert(name, clusters=("a",), languages=("en",), region="african", **extra):
    person = Expert.objects.create(
        name=name,
        regional_group=region,
        languages=list(languages),
        expertise=extra.pop("expertise", {"en": "Prison reform"}),
        **extra,
    )
    person.clusters.set(Cluster.objects.filter(letter__in=clusters))
    return person


def form_data(**changes):
    data = {
        "name": "Grace Mwangi",
        "email": "grace@example.org",
        "nationality": str(Respondent.objects.get(code="KEN").pk),
        "regional_group": "",
        "clusters": [str(Cluster.objects.get(letter="a").pk)],
        "official_languages": ["en", "fr"],
        "other_languages": "SW, pt",
        "expertise_en": "Alternatives to imprisonment.",
        "expertise_fr": "Mesures de substitution à l'emprisonnement.",
        "availability": "available",
        "available_from": "",
        "note": "",
        "is_active": "on",
    }
    data.update(changes)
    return data


# --- Services ---------------------------------------------------------------------------------------


def test_only_administrators_keep_the_roster(reference_data, administrator, reviewer, delegate):
    cluster = Cluster.objects.get(letter="a")
    fields = {
        "name": "X",
        "regional_group": "african",
        "languages": ["en"],
        "expertise": {"en": "Y"},
    }
    for outsider in (reviewer, delegate):
        with pytest.raises(PermissionDenied):
            expert_create(by=outsider, clusters=[cluster], **fields)
    person = expert_create(by=administrator, clusters=[cluster], **fields)
    with pytest.raises(PermissionDenied):
        expert_update(expert=person, by=reviewer, availability=Availability.LIMITED)
    expert_update(expert=person, by=administrator, availability=Availability.LIMITED)
    person.refresh_from_db()
    assert person.availability == Availability.LIMITED


def test_the_demo_experts_are_fictitious_and_seeded_once(reference_data):
    experts_demo_seed()
    experts_demo_seed()
    experts = list(Expert.objects.all())
    assert len(experts) == len(DEMO_EXPERTS)
    assert all("fictitious" in e.name and "Fictitious" in e.note for e in experts)
    assert all(e.clusters.exists() and e.regional_group for e in experts)
    assert all(set(e.expertise) == {"en", "fr", "es", "ru", "zh-hans", "ar"} for e in experts)


def test_the_demo_seed_completes_the_expertise_of_experts_seeded_in_english_only(reference_data):
    experts_demo_seed()
    olga = Expert.objects.get(name__startswith="Demo Expert Olga")
    olga.expertise = {"en": "Extradition (edited)"}
    olga.save()
    experts_demo_seed()
    olga.refresh_from_db()
    assert olga.expertise["en"] == "Extradition (edited)"
    assert olga.expertise["ru"] == "Выдача и взаимная правовая помощь; центральные органы."


# --- Pages --------------------------------------------------------------------------------------------


def test_an_administrator_adds_an_expert_with_the_regional_group_of_the_nationality(
    client_for, administrator
):
    response = client_for(administrator).post(reverse("clusters:expert_create"), form_data())
    assert response.status_code == 302
    person = Expert.objects.get()
    assert person.regional_group == "african"  # Kenya's
    assert person.languages == ["en", "fr", "sw", "pt"]
    assert [c.letter for c in person.clusters.all()] == ["a"]
    assert person.expertise == {
        "en": "Alternatives to imprisonment.",
        "fr": "Mesures de substitution à l'emprisonnement.",
    }


def test_the_expertise_may_be_written_in_any_one_language_but_not_in_none(
    client_for, administrator
):
    client = client_for(administrator)
    only_arabic = form_data(expertise_en="", expertise_fr="", expertise_ar="قضاء الأحداث.")
    assert client.post(reverse("clusters:expert_create"), only_arabic).status_code == 302
    assert Expert.objects.get().expertise == {"ar": "قضاء الأحداث."}
    none = form_data(name="Other", expertise_en="", expertise_fr="")
    response = client.post(reverse("clusters:expert_create"), none)
    assert response.status_code == 422 and set(response.context["form"].errors) == {"expertise"}


def test_the_form_offers_the_expertise_in_the_six_languages_each_in_its_direction(
    client_for, administrator
):
    person = make_expert("Ada", expertise={"en": "Prison reform", "ar": "إصلاح السجون"})
    page = client_for(administrator).get(reverse("clusters:expert_edit", args=[person.pk]))
    html = page.content.decode()
    for code in ("en", "fr", "es", "ru", "zh-hans", "ar"):
        assert f'name="expertise_{code}"' in html
    assert 'lang="ar" dir="rtl"' in html and "إصلاح السجون</textarea>" in html


def test_the_expertise_field_is_labelled_in_the_readers_language(client_for, administrator):
    client = client_for(administrator)
    client.cookies["portal_language"] = "ar"
    form = client.get(reverse("clusters:expert_create")).context["form"]
    assert str(form["expertise"].label) == "مجالات الخبرة"


def test_staff_read_the_expertise_in_their_language_or_a_marked_fallback(client_for, reviewer):
    make_expert("Ada", expertise={"en": "Prison reform", "zh-hans": "监狱改革"})
    make_expert("Bo", expertise={"es": "Justicia de menores"})
    client = client_for(reviewer)
    client.cookies["portal_language"] = "zh-hans"
    page = client.get(reverse("clusters:expert_index")).content.decode()
    assert "监狱改革" in page and "Prison reform" not in page
    # Bo wrote only in Spanish: shown as written, marked as Spanish for screen readers.
    assert '<span lang="es" dir="ltr">Justicia de menores</span>' in page


def test_the_form_names_what_is_wrong_and_saves_nothing(client_for, administrator):
    response = client_for(administrator).post(
        reverse("clusters:expert_create"),
        form_data(nationality="", official_languages=[], other_languages="português!", clusters=[]),
    )
    assert response.status_code == 422
    form = response.context["form"]
    assert set(form.errors) == {"regional_group", "other_languages", "clusters"}
    assert "português!" in form.errors["other_languages"][0]
    assert not Expert.objects.exists()


def test_an_administrator_edits_an_entry_and_takes_it_off_the_roster(client_for, administrator):
    person = make_expert("Ana Silva", languages=["pt", "es"])
    client = client_for(administrator)
    page = client.get(reverse("clusters:expert_edit", args=[person.pk]))
    assert page.context["form"].initial["other_languages"] == "pt"
    data = form_data(name="Ana Silva", official_languages=["es"], other_languages="pt")
    del data["is_active"]
    response = client.post(reverse("clusters:expert_edit", args=[person.pk]), data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_active and person.languages == ["es", "pt"]
    listed = client.get(reverse("clusters:expert_index")).context["experts"]
    assert person not in listed
    listed = client.get(reverse("clusters:expert_index"), {"off_roster": "on"}).context["experts"]
    assert person in listed


def test_the_roster_filters_by_cluster_region_language_and_availability(client_for, reviewer):
    ada = make_expert("Ada", clusters=("a",), languages=["en", "fr"])
    bo = make_expert("Bo", clusters=("b",), languages=["zh-hans"], region="asia_pacific")
    cy = make_expert("Cy", clusters=("a", "b"), languages=["pt"], availability="limited")
    client = client_for(reviewer)

    def names(**filters):
        return [
            e.name for e in client.get(reverse("clusters:expert_index"), filters).context["experts"]
        ]

    assert names() == ["Ada", "Bo", "Cy"]
    assert names(cluster="b") == ["Bo", "Cy"]
    assert names(region="asia_pacific") == [bo.name]
    assert names(language="fr") == [ada.name]
    assert names(language="pt") == [cy.name]  # a language beyond the six, offered as a filter
    assert names(availability="limited") == [cy.name]
    page = client.get(reverse("clusters:expert_index")).content.decode()
    assert reverse("clusters:expert_edit", args=[ada.pk]) not in page  # reviewers read only


def test_the_roster_makes_as_many_queries_for_2_experts_as_for_30(
    client_for, reviewer, django_assert_num_queries
):
    client = client_for(reviewer)
    for i in range(2):
        make_expert(f"Expert {i:02}", clusters=("a", "b"), languages=["en", "ar"])
    client.get(reverse("clusters:expert_index"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("clusters:expert_index"), {"language": "en"})
    for i in range(2, 30):
        make_expert(f"Expert {i:02}", clusters=("c",), languages=["fr", "pt"])
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse("clusters:expert_index"), {"language": "en"})
    assert len(response.context["experts"]) == 2


def test_the_form_page_makes_a_fixed_number_of_queries(
    client_for, administrator, django_assert_num_queries
):
    person = make_expert("Ada", clusters=("a", "b", "c"), languages=["en", "fr", "pt"])
    client = client_for(administrator)
    client.get(reverse("clusters:expert_edit", args=[person.pk]))
    with CaptureQueriesContext(connection) as edit:
        client.get(reverse("clusters:expert_edit", args=[person.pk]))
    assert len(edit.captured_queries) <= 8


@pytest.mark.parametrize("actor", ["state_a_contact", "delegate"])
def test_contact_persons_and_delegates_cannot_reach_the_roster(request, client_for, actor):
    person = make_expert("Ada")
    client = client_for(request.getfixturevalue(actor))
    for url in (
        reverse("clusters:expert_index"),
        reverse("clusters:expert_create"),
        reverse("clusters:expert_edit", args=[person.pk]),
    ):
        assert client.get(url).status_code == 403, url
        assert client.post(url, form_data()).status_code == 403, url
    assert Expert.objects.count() == 1


def test_reviewers_cannot_edit_the_roster(client_for, reviewer):
    person = make_expert("Ada")
    client = client_for(reviewer)
    assert client.get(reverse("clusters:expert_index")).status_code == 200
    assert client.get(reverse("clusters:expert_create")).status_code == 403
    assert client.post(reverse("clusters:expert_create"), form_data()).status_code == 403
    edit = reverse("clusters:expert_edit", args=[person.pk])
    assert client.post(edit, form_data(name="Changed")).status_code == 403
    person.refresh_from_db()
    assert person.name == "Ada"


def test_an_anonymous_visitor_is_sent_to_log_in(client_for, reference_data):
    response = client_for(None).get(reverse("clusters:expert_index"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
