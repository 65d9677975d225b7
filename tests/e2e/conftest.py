"""The browser tests drive the same surveys as tests/surveys, on the same fixtures."""

from tests.surveys.conftest import cycle, reply

__all__ = ["cycle", "reply"]
