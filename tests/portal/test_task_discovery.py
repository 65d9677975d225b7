"""Every process that serves the portal knows every Celery task, not only the workers.

A job is enqueued by its task's name (portal.jobs.job_enqueue). In a web process that never
imported the task's module, that name was unknown: asking for an XLSX extract answered 500 with
NotRegistered('surveys.tasks.reply_extract_build'), while the tests passed because they had
imported the task themselves. So this looks from a fresh interpreter that has done nothing but
`django.setup()` and load the URLconf, as gunicorn and runserver do.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FRESH_PROCESS = """
import json, sys
import django
django.setup()
from django.apps import apps
from django.conf import settings
from django.urls import get_resolver
get_resolver().url_patterns  # what a web process loads on its first request
from celery import current_app
from portal.jobs import Job

jobs = sorted(m.task_name for m in apps.get_models() if issubclass(m, Job) and m.task_name)
scheduled = sorted(entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values())
routed = sorted(name for name in settings.CELERY_TASK_ROUTES if "*" not in name)
known = sorted(name for name in current_app.tasks if not name.startswith("celery."))
json.dump({"jobs": jobs, "scheduled": scheduled, "routed": routed, "known": known}, sys.stdout)
"""


def _fresh_process_tasks(**environment) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings", **environment}
    result = subprocess.run(
        [sys.executable, "-c", FRESH_PROCESS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_fresh_web_process_knows_the_task_of_every_job_and_schedule():
    tasks = _fresh_process_tasks()

    assert "surveys.extracts.tasks.reply_extract_build" in tasks["jobs"]
    assert "reports.compiling.tasks.report_compile_task" in tasks["jobs"]
    for name in tasks["jobs"] + tasks["scheduled"] + tasks["routed"]:
        assert name in tasks["known"], f"{name} is not registered in a fresh web process"


def test_production_settings_know_the_same_tasks():
    production = {
        "DJANGO_ENV": "production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "portal.example.org",
        "PORTAL_BASE_URL": "https://portal.example.org",
        "DJANGO_ALLOW_ASYNC_UNSAFE": "",
    }
    tasks = _fresh_process_tasks(**production)

    assert set(tasks["jobs"]) <= set(tasks["known"])
    assert set(tasks["scheduled"]) <= set(tasks["known"])
