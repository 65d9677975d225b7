"""Settings come from the environment; production refuses unsafe or malformed configuration."""

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "k" * 20 + "-a-fifty-character-or-longer-random-production-key-value",
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://portal:secret@db:5432/portal",
    "PORTAL_BASE_URL": "https://portal.example.org",
}


# Variables this suite's own environment may set (CI points at PostgreSQL and Redis).
_OURS = {
    *PRODUCTION,
    "DJANGO_DEBUG",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "EMAIL_BACKEND",
    "PORTAL_VAR_DIR",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "REPLY_REMINDER_DAYS",
    "ATTACHMENT_MAX_BYTES",
}


def _run(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in _OURS}
    clean.update(env, DJANGO_SETTINGS_MODULE="portal.settings")
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _settings(**env: str) -> subprocess.CompletedProcess:
    return _run(
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, "
        "s.EMAIL_BACKEND, s.DEBUG)",
        **env,
    )


def test_defaults_give_sqlite_eager_tasks_and_console_email(tmp_path):
    result = _settings(PORTAL_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "True",
        "django.core.mail.backends.console.EmailBackend",
        "True",
    ]
    assert (tmp_path).is_dir()


def test_database_and_broker_urls_switch_to_postgresql_and_real_workers():
    result = _settings(
        DATABASE_URL="postgres://u@127.0.0.1:5432/portal", CELERY_BROKER_URL="redis://127.0.0.1/0"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["django.db.backends.postgresql", "False"]


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DJANGO_DEBUG": "perhaps"}, "DJANGO_DEBUG"),
        ({"DATABASE_URL": "mysql://root@localhost/portal"}, "DATABASE_URL"),
        ({"CELERY_BROKER_URL": "amqp://guest@localhost//"}, "CELERY_BROKER_URL"),
        ({"EMAIL_PORT": "twenty-five"}, "EMAIL_PORT"),
        ({"DJANGO_ENV": "prod"}, "DJANGO_ENV"),
        ({"REPLY_REMINDER_DAYS": "30,a week"}, "REPLY_REMINDER_DAYS"),
        ({"ATTACHMENT_MAX_BYTES": "20MB"}, "ATTACHMENT_MAX_BYTES"),
    ],
)
def test_a_malformed_variable_stops_start_up_naming_it(env, named):
    result = _settings(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"DJANGO_DEBUG": "true"}, "DJANGO_DEBUG"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"PORTAL_BASE_URL": ""}, "PORTAL_BASE_URL"),
    ],
)
def test_production_refuses_to_start_unsafe(change, named):
    result = _settings(**{**PRODUCTION, **change})
    assert result.returncode != 0
    assert named in result.stderr.strip().splitlines()[-1]


def test_production_settings_pass_the_deployment_checks():
    result = _run(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
