"""The reports library: who sees which published versions, the downloads, the filters, and the
latest version of each report first with the earlier ones listed as such."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from clusters.models import Category
from reports.models import Audience, Report
from tests.reports.library_data import SESSION, compiled_report
from tests.surveys.replies import open_cycle

pytestmark = pytest.mark.django_db

LIBRARY = reverse("reports:library")


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def versions(administrator):
    """Version 1 public, version 2 an advance copy for delegates, version 3 not published."""
    return {
        "public": compiled_report(administrator, number=1, audience=Audience.PUBLIC),
        "delegates": compiled_report(administrator, number=2, audience=Audience.DELEGATES),
        "unpublished": compiled_report(administrator, number=3),
    }


def listed(client, query="") -> list[tuple[str, str, str]]:
    """(symbol, language, version) of the latest versions listed, in order."""
    response = client.get(LIBRARY + query)
    assert response.status_code == 200
    return [
        (row.get("data-symbol"), row.get("data-language"), row.get("data-version"))
        for row in _rows(response.content.decode(), 'data-testid="library-report"')
    ]


def _rows(html: str, marker: str) -> list[dict]:
    import re

    rows = []
    for tag in re.findall(r"<tr [^>]*" + re.escape(marker) + r"[^>]*>", html):
        rows.append(dict(re.findall(r'(data-[a-z]+)="([^"]*)"', tag)))
    return rows


def earlier_versions(client) -> list[str]:
    import re

    html = client.get(LIBRARY).content.decode()
    return re.findall(r'data-testid="earlier-version" data-version="(\d+)"', html)


def download(client, report, kind="pdf"):
    return client.get(reverse(f"reports:library_{kind}", args=[report.pk]))


def content(response) -> bytes:
    return b"".join(response.streaming_content)


# --- Who sees what ----------------------------------------------------------------------------


def test_a_delegate_sees_the_advance_copy_first_and_the_public_version_as_earlier(
    versions, delegate, client_for
):
    client = client_for(delegate)
    assert listed(client) == [("E/CN.15/2027/13", "en", "2")]
    assert earlier_versions(client) == ["1"]
    assert "Advance copy for delegates" in client.get(LIBRARY).content.decode()


def test_a_delegate_downloads_a_published_report(versions, delegate, client_for):
    client = client_for(delegate)
    pdf = download(client, versions["delegates"])
    assert pdf.status_code == 200
    assert content(pdf).startswith(b"%PDF")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="E_CN.15_2027_13-en-v2.pdf"'
    assert pdf["Content-Security-Policy"] == "sandbox"
    assert pdf["X-Content-Type-Options"] == "nosniff"
    assert "private" in pdf["Cache-Control"]
    xlsx = download(client, versions["public"], "xlsx")
    assert xlsx.status_code == 200
    assert 'filename="E_CN.15_2027_13-en-v1.xlsx"' in xlsx["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(content(xlsx)))
    assert workbook["Replies"]["B2"].value == 12
    assert "public" in xlsx["Cache-Control"]


def test_an_anonymous_visitor_sees_only_public_versions(versions, client_for):
    client = client_for(None)
    assert listed(client) == [("E/CN.15/2027/13", "en", "1")]
    assert earlier_versions(client) == []
    html = client.get(LIBRARY).content.decode()
    assert "Advance copy" not in html
    assert content(download(client, versions["public"])).startswith(b"%PDF")
    for kind in ("pdf", "xlsx"):
        assert download(client, versions["delegates"], kind).status_code == 404
        assert download(client, versions["unpublished"], kind).status_code == 404


@pytest.mark.parametrize("actor", ["state_a_contact", "state_b_contact"])
def test_a_contact_person_reads_public_versions_only(versions, actor, request, client_for):
    client = client_for(request.getfixturevalue(actor))
    assert listed(client) == [("E/CN.15/2027/13", "en", "1")]
    assert download(client, versions["public"]).status_code == 200
    for kind in ("pdf", "xlsx"):
        assert download(client, versions["delegates"], kind).status_code == 404
        assert download(client, versions["unpublished"], kind).status_code == 404


@pytest.mark.parametrize("actor", ["reviewer", "administrator"])
def test_the_secretariat_reads_every_compiled_version(versions, actor, request, client_for):
    client = client_for(request.getfixturevalue(actor))
    # The library lists what is published; the files of a version not yet published can be
    # checked before publishing it.
    assert listed(client) == [("E/CN.15/2027/13", "en", "2")]
    assert content(download(client, versions["unpublished"])).startswith(b"%PDF")


def test_a_missing_version_or_file_is_not_found(administrator, client_for):
    from portal.jobs import JobStatus

    queued = compiled_report(administrator, status=JobStatus.QUEUED)
    client = client_for(administrator)
    assert download(client, queued).status_code == 404
    assert client.get(reverse("reports:library_pdf", args=[987654])).status_code == 404


# --- Versions, filters and languages ----------------------------------------------------------


def test_each_language_of_a_report_is_its_own_document(administrator, client_for):
    compiled_report(administrator, language="en", audience=Audience.PUBLIC)
    compiled_report(administrator, language="ar", title="تقرير", audience=Audience.PUBLIC)
    compiled_report(administrator, language="en", number=2, audience=Audience.PUBLIC)
    client = client_for(None)
    assert listed(client) == [("E/CN.15/2027/13", "en", "2"), ("E/CN.15/2027/13", "ar", "1")]
    assert listed(client, "?language=ar") == [("E/CN.15/2027/13", "ar", "1")]
    html = client.get(LIBRARY).content.decode()
    assert '<span lang="ar" dir="rtl">تقرير</span>' in html


def test_the_filters_choose_session_and_category(administrator, client_for):
    category_a, category_b = Category.objects.get(letter="a"), Category.objects.get(letter="b")
    compiled_report(administrator, category=category_a, audience=Audience.PUBLIC)
    compiled_report(
        administrator, symbol="E/CN.15/2028/9", session="Thirty-seventh session (2028)",
        category=category_b, audience=Audience.PUBLIC,
    )  # fmt: skip
    client = client_for(None)
    assert [s for s, _l, _v in listed(client)] == ["E/CN.15/2028/9", "E/CN.15/2027/13"]
    assert [s for s, _l, _v in listed(client, "?category=a")] == ["E/CN.15/2027/13"]
    assert [s for s, _l, _v in listed(client, "?category=b")] == ["E/CN.15/2028/9"]
    assert [s for s, _l, _v in listed(client, f"?session={SESSION}")] == ["E/CN.15/2027/13"]
    assert listed(client, "?session=a&category=b&language=zz") == listed(client, "?category=b")
    assert "No published report matches" in client.get(LIBRARY + "?language=ru").content.decode()


def test_the_library_is_in_arabic_right_to_left(versions, client_for):
    client = client_for(None)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    html = client.get(LIBRARY).content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_the_library_makes_the_same_queries_for_two_reports_or_twenty(
    administrator, delegate, client_for, django_assert_num_queries
):
    client = client_for(delegate)
    cycle = open_cycle(administrator)

    def publish(count, start):
        for number in range(start, start + count):
            report = compiled_report(administrator, symbol=f"E/CN.15/2027/{number}", number=number)
            report.cycles.add(cycle)  # the category comes from the cycle's questionnaire
            Report.objects.filter(pk=report.pk).update(
                audience=Audience.DELEGATES if number % 2 else Audience.PUBLIC,
                published_at=timezone.now(),
            )

    publish(2, 1)
    client.get(LIBRARY)
    # (the seventh: the country presentations published)
    with django_assert_num_queries(7) as few:
        client.get(LIBRARY)
    publish(18, 3)
    with django_assert_num_queries(len(few.captured_queries)):
        assert len(listed(client)) == 20
    assert listed(client, "?category=a")[0] == ("E/CN.15/2027/20", "en", "20")
