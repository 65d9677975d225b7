import datetime

import pytest

from portal.models import Respondent
from reports.compiling.services import report_render, report_request
from tests.factories import respondent_of_type
from tests.reports.builders import filled_cycle

# States of every regional group, and one that is invited but does not reply.
REPLIED = ["KEN", "SEN", "NGA", "JPN", "IND", "POL", "BRA", "MEX", "FRA", "CAN"]
SILENT = ["EGY", "CHN", "ARG", "DEU"]


def report_cycle_build(administrator):
    """A category (a) cycle: ten States and one NGO replied (accepted), four States did not."""
    ngo = respondent_of_type("non_governmental_organization", "ngo-prison-watch", "Prison Watch")
    assert Respondent.objects.filter(code__in=REPLIED + SILENT).count() == 14
    return filled_cycle(administrator, replied=[*REPLIED, ngo.code], invited=REPLIED + SILENT)


@pytest.fixture(name="report_cycle")
def report_cycle_fixture(administrator, settings, tmp_path):
    """A category (a) cycle: ten States and one NGO replied (accepted), four States did not."""
    settings.MEDIA_ROOT = tmp_path / "media"  # the files of these tests go away with them
    return report_cycle_build(administrator)


def rendered(cycle, by, language="en"):
    """The report on `cycle` in `language`, asked for by `by` with a full masthead, rendered (not
    queued: the tests read its HTML)."""
    report = report_request(
        cycles=[cycle],
        by=by,
        symbol="E/CN.15/2027/13",
        language=language,
        enqueue=False,
        agenda_item_number=6,
        session_place="Vienna",
        session_opens_on=datetime.date(2027, 5, 17),
        session_closes_on=datetime.date(2027, 5, 21),
    )
    return report_render(report=report)
