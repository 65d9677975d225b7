"""The Celery app: workers run `celery -A portal worker`, the scheduler `celery -A portal beat`.

Tasks live in `tasks.py` modules beside the feature they serve (`surveys/extracts/tasks.py`,
`reports/compiling/tasks.py`). Autodiscovery finds them in every process: lazily in a worker, and
when Django has loaded its apps in the web process (PortalConfig.ready), so that a job enqueued by
name from a view finds its task without any module imported "to register" it.
"""

import os
import pkgutil
from pathlib import Path

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")

PROJECT_DIR = Path(__file__).resolve().parent.parent


def task_packages() -> list[str]:
    """The project's apps and their feature packages: the places a `tasks.py` may live."""
    from django.apps import apps

    packages = []
    for config in apps.get_app_configs():
        if not Path(config.path).is_relative_to(PROJECT_DIR):
            continue
        packages.append(config.name)
        packages.extend(
            f"{config.name}.{module.name}"
            for module in pkgutil.iter_modules([config.path])
            if module.ispkg and module.name not in ("migrations", "management", "templatetags")
        )
    return packages


app.autodiscover_tasks(task_packages)
