from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal: accounts and respondents")

    def ready(self) -> None:
        # Every process that serves the portal knows every task, not only Celery workers.
        from portal.celery import app, task_packages

        app.autodiscover_tasks(task_packages, force=True)
        # The security log listens to log-ins, lockouts, passwords, groups and permissions.
        from portal.security import receivers  # noqa: F401
