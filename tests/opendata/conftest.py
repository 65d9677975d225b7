"""A cycle with two published replies (Kenya, Egypt) and two that are not (Senegal refused
publication, France not yet accepted), answered across the sample questionnaire's types."""

import pytest

from tests.reports.library_data import submitted
from tests.surveys.replies import open_cycle, reply_for


@pytest.fixture
def cycle(administrator):
    return open_cycle(administrator, codes=("KEN", "SEN", "FRA", "EGY"))


@pytest.fixture
def replies(cycle, state_a_contact):
    by = state_a_contact
    kenya = reply_for(cycle, "KEN")
    submitted(
        kenya,
        by,
        {
            "A.1": "1200",
            "A.2": "yes",
            "A.2.1": "monthly",
            "B.1": (["probation", "other"], "Electronic monitoring"),
            "B.2": {"probation": "fully", "fine": "partly"},
            "B.3": '=HYPERLINK("http://example.org","click")',
        },
    )
    senegal = reply_for(cycle, "SEN")
    submitted(senegal, by, {"A.1": "900", "B.3": "Secret agency"}, may_publish=False)
    france = reply_for(cycle, "FRA")
    submitted(france, by, {"A.1": "70000", "B.3": "Not accepted yet"}, accepted=False)
    egypt = reply_for(cycle, "EGY")
    # A.2.1 answered but not asked (A.2 is "no"): not published.
    submitted(egypt, by, {"A.2": "no", "A.2.1": "yearly", "B.3": "الإدارة العامة للسجون"})
    return {"KEN": kenya, "SEN": senegal, "FRA": france, "EGY": egypt}
