from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Questionnaires and replies")

    def home_context(self, user) -> dict:
        """The work each role starts from on the home page: a contact person's questionnaires with
        the next step of each; the staff's replies awaiting review and requests to assess."""
        from django.utils import timezone

        from surveys.cycles.selectors import respondent_work
        from surveys.review.selectors import replies_awaiting_review, secretariat_work

        if user.is_authenticated and user.is_contact_person and user.respondent_id:
            today = timezone.localdate()
            return {"my_work": respondent_work(respondent=user.respondent, today=today)}
        if not (user.is_authenticated and user.is_secretariat):
            return {}
        work_cycles, work_requests = secretariat_work()
        return {
            "work_cycles": work_cycles,
            "work_requests": work_requests,
            "awaiting": replies_awaiting_review(),
        }
