import pytest

pytestmark = pytest.mark.django_db


def test_anyone_reads_the_catalogue_by_cluster_in_order_of_priority(client, reference_data):
    response = client.get("/standards/")
    assert response.status_code == 200
    clusters = response.context["clusters"]
    assert [c.letter for c in clusters] == ["a", "b", "c", "d", "e"]
    assert sum(len(c.standards.all()) for c in clusters) == 36
    page = response.content.decode()
    assert "Tokyo Rules" in page and "General Assembly resolution 45/110" in page


def test_the_catalogue_takes_a_fixed_number_of_queries(
    client, reference_data, django_assert_num_queries
):
    with django_assert_num_queries(3):  # clusters with categories, their standards, categories
        client.get("/standards/")


def test_cluster_titles_follow_the_language_and_standards_fall_back_to_english(
    client, reference_data
):
    client.post("/language/", {"language": "es", "next": "/"})
    page = client.get("/standards/").content.decode()
    assert "Justicia de menores y reforma penitenciaria" in page
    # No Spanish short name yet: the English original shows, marked as English.
    assert '<span lang="en" dir="ltr">Tokyo Rules</span>' in page
