from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Questionnaires and replies")

    def home_context(self, user) -> dict:
        """The staff's work in hand on the home page: replies awaiting review, requests to assess."""
        from surveys.review.selectors import secretariat_work

        if not (user.is_authenticated and user.is_secretariat):
            return {}
        work_cycles, work_requests = secretariat_work()
        return {"work_cycles": work_cycles, "work_requests": work_requests}
