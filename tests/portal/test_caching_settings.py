"""The cache and the template loader: local memory unless CACHE_URL names Redis; templates compiled
once per process; sessions read from the cache only when it is shared (Redis): a process's own
memory would keep a session another process ended."""

import pytest

from tests.portal.test_settings import PRODUCTION, _run

SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "from django.template import engines; "
    "print(s.CACHES['default']['BACKEND'], s.CACHES['default'].get('LOCATION'), "
    "type(engines['django'].engine.template_loaders[0]).__module__, s.SESSION_ENGINE)"
)


def test_the_cache_is_local_memory_by_default_and_templates_are_compiled_once(tmp_path):
    result = _run(SHOW, PORTAL_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.locmem.LocMemCache",
        "portal",
        "django.template.loaders.cached",
        "django.contrib.sessions.backends.db",
    ]


def test_cache_url_shares_the_cache_and_sessions_in_redis_and_production_compiles_templates_once():
    result = _run(SHOW, **PRODUCTION, CACHE_URL="redis://redis:6379/1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://redis:6379/1",
        "django.template.loaders.cached",
        "django.contrib.sessions.backends.cached_db",
    ]


@pytest.mark.parametrize("value", ["memcached://cache:11211", "cache:6379"])
def test_a_cache_url_that_is_not_redis_stops_start_up_naming_it(value):
    result = _run(SHOW, CACHE_URL=value)
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr
