"""Open data of published replies (issue 18): CSV, XLSX and JSON of a cycle's published answers,
with the questionnaire's codes and labels in the chosen language, a licence and a citation. Only
the replies that respondents agreed to publish, as they submitted them."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.reports.library_data import submitted
from tests.surveys.replies import reply_for

pytestmark = pytest.mark.django_db


def download(client, cycle, kind, language=None):
    url = reverse("opendata:cycle_download", args=[cycle.pk, kind])
    return client.get(url, {"language": language} if language else {})


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_an_anonymous_visitor_downloads_the_published_answers_as_csv(replies, cycle, client):
    response = download(client, cycle, "csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'rel="license"' in response["Link"]
    assert reverse("opendata:index") in response["Link"]
    rows = csv_rows(response)
    assert {r["respondent"] for r in rows} == {"KEN", "EGY"}
    kenya = {(r["question"], r["item"]): r for r in rows if r["respondent"] == "KEN"}
    assert kenya[("A.1", "")]["value"] == "1200"
    assert kenya[("A.2", "")]["value_label"] == "Yes"
    assert kenya[("A.2.1", "")]["value_label"] == "Monthly"
    assert kenya[("B.1", "")]["value"] == "probation other"
    assert kenya[("B.1", "")]["other_text"] == "Electronic monitoring"
    assert kenya[("B.2", "fine")]["value"] == "partly"
    assert kenya[("B.2", "fine")]["item_label"] == "Fine"
    assert kenya[("B.2", "probation")]["value_label"] == "Fully"
    assert kenya[("A.1", "")]["question_text"]


def test_replies_not_agreed_or_not_accepted_are_left_out(replies, cycle, client):
    text = download(client, cycle, "csv").content.decode()
    assert "Secret agency" not in text
    assert "Not accepted yet" not in text


def test_a_question_its_reply_did_not_ask_is_left_out(replies, cycle, client):
    egypt = [r for r in csv_rows(download(client, cycle, "csv")) if r["respondent"] == "EGY"]
    assert [r["question"] for r in egypt] == ["A.2", "B.3"]
    assert egypt[1]["value"] == "الإدارة العامة للسجون"


def test_labels_come_in_the_language_chosen(replies, cycle, client):
    rows = csv_rows(download(client, cycle, "csv", "fr"))
    kenya = {(r["question"], r["item"]): r for r in rows if r["respondent"] == "KEN"}
    assert kenya[("A.2", "")]["value_label"] == "Oui"
    assert kenya[("A.2.1", "")]["value_label"] == "Mensuelle"
    assert kenya[("A.2.1", "")]["value"] == "monthly"  # codes stay the same
    assert kenya[("B.2", "probation")]["value_label"] == "Pleinement"
    assert kenya[("A.2", "")]["question_text"] == "Existe-t-il un organe d'inspection ?"
    assert kenya[("A.1", "")]["respondent_name"] == "Kenya"


def test_the_json_has_licence_citation_codebook_and_rows(replies, cycle, client):
    response = download(client, cycle, "json", "en")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["licence"]["url"].startswith("https://")
    assert "Test cycle 2027" in document["citation"]
    assert "United Nations Office on Drugs and Crime" in document["citation"]
    a21 = next(q for q in document["questions"] if q["code"] == "A.2.1")
    assert {"value": "monthly", "label": "Monthly"} in a21["choices"]
    assert {r["respondent"] for r in document["rows"]} == {"KEN", "EGY"}
    assert set(document["columns"]) == set(document["rows"][0])


def test_the_xlsx_has_a_readme_and_keeps_text_that_looks_like_a_formula_as_text(
    replies, cycle, client
):
    response = download(client, cycle, "xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["README", "answers", "codebook"]
    readme = list(workbook["README"].iter_rows(values_only=True))
    keys = {row[0]: row[1] for row in readme if row and row[0]}
    assert "creativecommons.org" in keys["Licence"]
    assert "Test cycle 2027" in keys["Citation"]
    sheet = workbook["answers"]
    header = [c.value for c in sheet[1]]
    b3 = next(
        row for row in sheet.iter_rows(min_row=2)
        if row[header.index("respondent")].value == "KEN"
        and row[header.index("question")].value == "B.3"
    )  # fmt: skip
    cell = b3[header.index("value")]
    assert cell.data_type == "s"
    assert cell.value.startswith("=HYPERLINK")


def test_unknown_format_language_or_unpublished_cycle_is_not_found(replies, cycle, client):
    assert download(client, cycle, "pdf").status_code == 404
    assert download(client, cycle, "csv", "xx").status_code == 404
    other = reverse("opendata:cycle_download", args=[cycle.pk + 999, "csv"])
    assert client.get(other).status_code == 404


def test_a_cycle_without_published_replies_has_no_open_data(cycle, client):
    assert download(client, cycle, "json").status_code == 404
    assert b"open-data-empty" in client.get(reverse("opendata:index")).content


def test_the_download_page_lists_the_cycle_with_licence_and_citation(replies, cycle, client):
    page = client.get(reverse("opendata:index")).content.decode()
    assert reverse("opendata:cycle_download", args=[cycle.pk, "csv"]) in page
    assert 'rel="license"' in page
    assert "Test cycle 2027" in page


def test_the_published_replies_page_links_to_the_downloads(replies, cycle, client):
    page = client.get(reverse("reports:published_replies")).content.decode()
    assert reverse("opendata:cycle_download", args=[cycle.pk, "csv"]) in page


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_downloads_make_as_many_queries_for_more_replies(
    replies, cycle, client, state_a_contact
):
    url = reverse("opendata:cycle_download", args=[cycle.pk, "json"])
    before = queries(client, url)
    for code in ("BRA", "JPN", "IND"):
        submitted(reply_for(cycle, code), state_a_contact, {"A.1": "5", "B.3": code})
    assert len(json.loads(client.get(url).content)["rows"]) == 15
    assert queries(client, url) == before
