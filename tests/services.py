"""What the suite needs from outside: PostgreSQL, Redis, a Celery worker, Chromium, npm assets.

Without REQUIRE_SERVICES=1 (a laptop without them) a test that needs a missing service is skipped
with a message saying what to install; with it (CI) the same test fails.
"""

import os

import pytest

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"

# Facts about the services the run used, printed at the end of the run (see conftest.py).
SERVICE_FACTS: list[str] = []


def require_service(name: str, how: str) -> None:
    message = f"{name} is not available: {how}"
    if REQUIRE_SERVICES:
        pytest.fail(f"{message} (REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(message)
