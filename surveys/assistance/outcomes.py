"""The outcome of a technical-assistance request (resolution 2003/30, annex, para. 40: projects
evaluated in the light of the information gathered, the lessons feeding later planning).

A request in progress is completed only with its outcome: what was delivered, by whom, when (a
date or a period), and an evaluation (a rating on a fixed scale and a text). A completed request's
outcome can be revised with a reason (a request completed before outcomes were recorded
gets its first one without); the earlier record stays in the request's history, beside
the note that records each one (nothing is overwritten without a trace)."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from portal.models import User
from surveys.assistance.services import AssistanceRefused, _locked, _note, _require_secretariat
from surveys.models import AssistanceOutcome, AssistanceRequest, OutcomeRating, RequestStatus

# The facts of an outcome, as AssistanceOutcome and its form name them.
OUTCOME_FIELDS = (
    "delivered",
    "delivered_by",
    "delivered_from",
    "delivered_until",
    "rating",
    "evaluation",
)


@dataclass(frozen=True)
class OutcomeFacts:
    """What a person records about the assistance delivered on a request."""

    # The texts are {language: text}, in the languages of the respondent's contact persons.
    delivered: dict[str, str]
    delivered_by: dict[str, str]
    delivered_from: datetime.date | None
    rating: str
    evaluation: dict[str, str]
    delivered_until: datetime.date | None = None


def _texts(value: dict[str, str]) -> dict[str, str]:
    """The languages that have a text, the text stripped."""
    return {code: text.strip() for code, text in (value or {}).items() if (text or "").strip()}


def outcome_problems(facts: OutcomeFacts) -> dict[str, str]:
    """{field: message} for what is missing or wrong in `facts`; empty when they can be kept."""
    problems = {}
    if not _texts(facts.delivered):
        problems["delivered"] = _("Say what was delivered.")
    if not _texts(facts.delivered_by):
        problems["delivered_by"] = _("Say who delivered the assistance.")
    if facts.delivered_from is None:
        problems["delivered_from"] = _("Give the date the assistance was delivered, or began.")
    elif facts.delivered_until is not None and facts.delivered_until < facts.delivered_from:
        problems["delivered_until"] = _("The end of the period comes before its beginning.")
    if facts.rating not in OutcomeRating.values:
        problems["rating"] = _("Choose how far the objectives were met.")
    if not _texts(facts.evaluation):
        problems["evaluation"] = _("Write the evaluation: what the assistance changed, and why.")
    return problems


@transaction.atomic
def assistance_outcome_record(
    *, request: AssistanceRequest, facts: OutcomeFacts, by: User, reason: str = ""
) -> AssistanceOutcome:
    """Record the outcome of `request`. A request in progress becomes completed (the note records
    the change of status); a completed request's outcome is revised, with `reason` required.
    Any other request is refused, as are incomplete facts (the message names the field: see
    `outcome_problems`). Raises AssistanceRefused."""
    _require_secretariat(by)
    request = _locked(request)
    problems = outcome_problems(facts)
    if problems or facts.delivered_from is None:
        raise AssistanceRefused(next(iter(problems.values())))
    reason = (reason or "").strip()
    if request.status == RequestStatus.IN_PROGRESS:
        note = _note(
            request,
            by,
            "\n".join([_("Completed; outcome recorded."), reason]).strip(),
            RequestStatus.IN_PROGRESS,
            RequestStatus.COMPLETED,
        )
        request.status = RequestStatus.COMPLETED
        request.save(update_fields=["status", "updated_at"])
    elif request.status == RequestStatus.COMPLETED:
        revised = request.outcomes.exists()
        if revised and not reason:
            raise AssistanceRefused(_("Say in a note why the outcome is revised."))
        text = _("Outcome revised.") if revised else _("Outcome recorded.")
        note = _note(request, by, "\n".join([text, reason]).strip())
    else:
        raise AssistanceRefused(
            _("Only a request in progress or completed has an outcome; this one is %(status)s.")
            % {"status": RequestStatus(request.status).label.lower()}
        )
    return AssistanceOutcome.objects.create(
        request=request,
        note=note,
        delivered=_texts(facts.delivered),
        delivered_by=_texts(facts.delivered_by),
        delivered_from=facts.delivered_from,
        delivered_until=facts.delivered_until,
        rating=facts.rating,
        evaluation=_texts(facts.evaluation),
        by=by,
    )


def outcome_current(request: AssistanceRequest) -> AssistanceOutcome | None:
    """The request's outcome: the latest recorded (from the prefetched `outcomes` when there)."""
    outcomes = list(request.outcomes.all())
    return max(outcomes, key=lambda o: (o.at, o.pk)) if outcomes else None
