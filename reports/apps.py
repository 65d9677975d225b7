from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def home_context(self, user) -> dict:
        """The latest published reports on a Commission delegate's home page (one query)."""
        from reports.library.publication import audiences_for
        from reports.models import Report

        if not (user.is_authenticated and user.is_delegate):
            return {}
        latest = Report.objects.filter(
            published_at__isnull=False, audience__in=audiences_for(user)
        ).order_by("-published_at", "-pk")[:6]
        return {"latest_reports": list(latest)}
