import re

import lxml.html
import pytest

from clusters.models import Category, Cluster, Standard

pytestmark = pytest.mark.django_db

# A run of three or more words in Latin letters, with nothing but spaces, digits and punctuation
# between them: English left in a page that should read in Arabic, Chinese or Russian.
LATIN_RUN = re.compile(r"[A-Za-z]+(?:[\W\d_]+[A-Za-z]+){2,}")


def test_anyone_reads_the_catalogue_by_cluster_in_order_of_priority(client, reference_data):
    response = client.get("/standards/")
    assert response.status_code == 200
    clusters = response.context["clusters"]
    assert [c.letter for c in clusters] == ["a", "b", "c", "d", "e"]
    assert sum(len(c.standards.all()) for c in clusters) == 36
    page = response.content.decode()
    assert "Tokyo Rules" in page and "General Assembly resolution 45/110" in page
    assert "Basic principles for non-custodial measures at every stage" in page  # description


def test_the_catalogue_takes_a_fixed_number_of_queries(
    client, reference_data, django_assert_num_queries
):
    with django_assert_num_queries(3):  # clusters with categories, their standards, categories
        client.get("/standards/")


def test_the_catalogue_follows_the_language_chosen(client, reference_data):
    client.post("/language/", {"language": "es", "next": "/"})
    page = client.get("/standards/").content.decode()
    assert "Justicia de menores y reforma penitenciaria" in page
    assert "Reglas de Tokio" in page
    assert "Reglas mínimas de las Naciones Unidas sobre las medidas no privativas" in page
    # Written for running text ("resolución ..."), it opens its table cell with a capital.
    assert "Resolución 45/110 de la Asamblea General" in page
    assert "Tokyo Rules" not in page


def test_a_text_missing_in_the_language_falls_back_to_english_marked_as_english(
    client, reference_data
):
    tokyo = Standard.objects.get(code="TOKYO")
    tokyo.short_name = {"en": "Tokyo Rules"}
    tokyo.save()
    client.cookies["portal_language"] = "ar"
    page = client.get("/standards/").content.decode()
    assert '<span lang="en" dir="ltr">Tokyo Rules</span>' in page


def english_texts() -> list[str]:
    texts = [c.title["en"] for c in Category.objects.all()]
    texts += [c.title["en"] for c in Cluster.objects.all()]
    for standard in Standard.objects.all():
        texts += [
            standard.short_name["en"],
            standard.title["en"],
            standard.description["en"],
            standard.adopted_by["en"],
        ]
    return texts


@pytest.mark.parametrize("language", ["ar", "zh-hans", "ru"])
def test_the_catalogue_in_arabic_chinese_or_russian_shows_no_english_text(
    client, reference_data, language
):
    client.cookies["portal_language"] = language
    response = client.get("/standards/")
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    document = lxml.html.fromstring(page)
    leftovers = [text for text in english_texts() if text in document.text_content()]
    assert leftovers == []
    main = document.get_element_by_id("main").text_content()
    assert LATIN_RUN.findall(main) == []
    tokyo = Standard.objects.get(code="TOKYO")
    for field in ("short_name", "title", "description"):
        assert getattr(tokyo, field)[language] in page


def test_arabic_letters_the_categories_and_clusters_as_arabic_documents_do(client, reference_data):
    client.cookies["portal_language"] = "ar"
    page = client.get("/standards/").content.decode()
    assert "<strong>(أ)</strong>" in page and "<strong>(د)</strong>" in page
    assert "<strong>(a)</strong>" not in page
    client.cookies["portal_language"] = "fr"
    assert "<strong>(a)</strong>" in client.get("/standards/").content.decode()
