"""The report request form guides: the only cycle ticked, an error summary linking each problem
to its field, the standards grouped by category and cluster with check boxes, meaningful empty
choices, and a message that agrees with the report's status badge."""

import re

import pytest
from django.urls import reverse

from reports.models import Report
from tests.reports.compiling.test_report_masthead import request_data
from tests.reports.compiling_fixtures import report_cycle_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def test_the_only_cycle_is_ticked(client_for, administrator, report_cycle):
    page = client_for(administrator).get(reverse("reports:report_create")).content.decode()
    box = re.search(rf'<input[^>]*name="cycles"[^>]*value="{report_cycle.pk}"[^>]*>', page)
    assert box and "checked" in box.group(0)


def test_category_and_cluster_offer_every_one_by_name_not_dashes(client_for, administrator):
    page = client_for(administrator).get(reverse("reports:report_create")).content.decode()
    assert "---------" not in page
    assert ">Every category</option>" in page and ">Every cluster</option>" in page


def test_the_standards_are_check_boxes_grouped_by_category_and_cluster(
    client_for, administrator, report_cycle
):
    page = client_for(administrator).get(reverse("reports:report_create")).content.decode()
    start = page.index("data-standard-chooser")
    chooser = page[start : page.index("The document</legend>")]
    assert 'type="search"' in chooser and "data-standard-filter" in chooser
    assert '<select name="standards"' not in page
    assert chooser.count('type="checkbox" name="standards"') >= 10
    assert "js/standard-chooser.js" in page and "<script>" not in page
    # The Tokyo Rules come under category (a) and their cluster, after the cluster's heading.
    category = chooser.index("(a) ")
    assert category < chooser.index("Tokyo Rules")


def test_a_refused_request_lists_every_problem_at_the_top_linked_to_its_field(
    client_for, administrator, report_cycle
):
    data = request_data(report_cycle, symbol="", session_place="")
    data.pop("cycles")
    response = client_for(administrator).post(reverse("reports:report_create"), data)
    page = response.content.decode()
    assert not Report.objects.exists()
    start = page.index('data-testid="error-summary"')
    summary = page[start : page.index("</ul>", start)]
    assert "There are 3 problems" in summary
    assert 'href="#id_cycles_0"' in summary and 'href="#id_symbol"' in summary
    assert 'href="#id_session_place"' in summary
    assert page.index('data-testid="error-summary"') < page.index('name="symbol"')


def test_a_message_that_names_its_field_is_not_labelled_twice(
    client_for, administrator, report_cycle
):
    data = request_data(report_cycle, agenda_item_number="six", symbol="")
    response = client_for(administrator).post(reverse("reports:report_create"), data)
    page = response.content.decode()
    start = page.index('data-testid="error-summary"')
    summary = page[start : page.index("</ul>", start)]
    assert "Agenda item: a number, e.g. 6." in summary
    assert "Agenda item: Agenda item" not in summary
    # A message that does not name its field still gets the label before it.
    assert re.search(r">Document symbol: [^<]+</a>", summary)


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("queued", "The report is being compiled."),
        ("running", "The report is being compiled."),
        ("ready", "The report is compiled and ready."),
        ("failed", "The report could not be compiled: the reason is below."),
    ],
)
def test_after_a_request_the_message_agrees_with_the_badge(
    administrator, report_cycle, status, message
):
    from reports.compiling.services import report_request
    from reports.compiling.views import _compiling_message

    report = report_request(
        cycles=[report_cycle], by=administrator, symbol="E/CN.15/2027/13", enqueue=False
    )
    Report.objects.filter(pk=report.pk).update(status=status)
    assert _compiling_message(report) == message


def test_a_queued_report_is_said_to_be_compiling_beside_its_queued_badge(
    client_for, administrator, report_cycle
):
    response = client_for(administrator).post(
        reverse("reports:report_create"), request_data(report_cycle), follow=True
    )
    page = response.content.decode()
    assert Report.objects.get().status == "queued"  # the worker starts after the commit
    assert "The report is being compiled." in page and 'data-status="queued"' in page
