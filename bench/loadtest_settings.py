"""The portal's settings for `make loadtest` (surveys/management/commands/loadtest.py): the same as
production's shape, plus one page that measures the floor, an empty page in base.html."""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.loadtest_urls"
