import pytest

from portal.models import Respondent
from tests.factories import respondent_of_type
from tests.reports.builders import filled_cycle

# States of every regional group, and one that is invited but does not reply.
REPLIED = ["KEN", "SEN", "NGA", "JPN", "IND", "POL", "BRA", "MEX", "FRA", "CAN"]
SILENT = ["EGY", "CHN", "ARG", "DEU"]


@pytest.fixture(name="report_cycle")
def report_cycle_fixture(administrator, settings, tmp_path):
    """A category (a) cycle: ten States and one NGO replied (accepted), four States did not."""
    settings.MEDIA_ROOT = tmp_path / "media"  # the files of these tests go away with them
    ngo = respondent_of_type("non_governmental_organization", "ngo-prison-watch", "Prison Watch")
    assert Respondent.objects.filter(code__in=REPLIED + SILENT).count() == 14
    return filled_cycle(administrator, replied=[*REPLIED, ngo.code], invited=REPLIED + SILENT)
