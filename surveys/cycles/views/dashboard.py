"""The contact person's dashboard: the questionnaires of their respondent, with the progress of each
reply per section (invitation and welcome of contact persons are portal views)."""

from django.shortcuts import render
from django.utils import timezone

from portal.access import role_required
from portal.roles import Role
from portal.selectors import respondent_contact_persons
from surveys.cycles.selectors import respondent_work
from surveys.models import ReplyStatus


@role_required(Role.CONTACT_PERSON)
def contact_dashboard(request):
    """The respondent's questionnaires: status, deadline, progress per section, next step. The
    number of queries grows with the number of cycles, never with the number of questions or
    answers."""
    respondent = request.user.respondent
    work = respondent_work(respondent=respondent, today=timezone.localdate())
    return render(
        request,
        "surveys/cycles/dashboard.html",
        {
            "respondent": respondent,
            "to_answer": [w for w in work if w.reply.is_answerable],
            "submitted": [w for w in work if not w.reply.is_answerable],
            "contact_persons": respondent_contact_persons(respondent=respondent),
            "statuses": ReplyStatus,
        },
    )
