"""Technical-assistance requests (DESIGN.md; resolution 2003/30, para. 7): every answer that
states a need for assistance becomes a request, tracked until it is met or declined."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster, Expert, Standard
from portal.models import Respondent
from portal.multilingual import MultilingualTextField
from surveys.answering.models import Answer, Reply
from surveys.coding.models import Theme


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    UNDER_ASSESSMENT = "under_assessment", _("Under assessment")
    MATCHED = "matched", _("Matched")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")


OPEN_REQUEST_STATUSES = (
    RequestStatus.RECEIVED,
    RequestStatus.UNDER_ASSESSMENT,
    RequestStatus.MATCHED,
    RequestStatus.IN_PROGRESS,
)


class Priority(models.IntegerChoices):
    HIGH = 1, _("High")
    MEDIUM = 2, _("Medium")
    LOW = 3, _("Low")


class AssistanceRequest(models.Model):
    """A need for technical assistance stated in a reply (or recorded by staff)."""

    respondent = models.ForeignKey(
        Respondent,
        on_delete=models.PROTECT,
        related_name="assistance_requests",
        verbose_name=_("respondent"),
    )
    reply = models.ForeignKey(
        Reply,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assistance_requests",
        verbose_name=_("reply"),
    )
    # The answer that states the need; one request per answer.
    answer = models.OneToOneField(
        Answer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assistance_request",
        verbose_name=_("answer"),
    )
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("cluster")
    )
    standards = models.ManyToManyField(Standard, blank=True, verbose_name=_("standards"))
    area = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assistance_requests",
        verbose_name=_("area"),
        limit_choices_to={"kind": "assistance_area"},
    )
    description = models.TextField(_("description"))
    # The language the description is written in, for matching experts.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.MEDIUM
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    experts: "models.ManyToManyField[Expert, AssistanceMatch]" = models.ManyToManyField(
        Expert, through="AssistanceMatch", blank=True, related_name="assistance_requests"
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["priority", "created_at", "pk"]
        verbose_name = _("technical-assistance request")
        verbose_name_plural = _("technical-assistance requests")

    def __str__(self):
        return f"{self.respondent}: {self.description[:60]}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES


class AssistanceNote(models.Model):
    """A note on a request, and the change of status it records (if any). Never updated."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("note"), blank=True)
    from_status = models.CharField(
        _("from"), max_length=20, choices=RequestStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=RequestStatus.choices, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["request", "at", "pk"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self):
        return self.text[:60]


class AssistanceMatch(models.Model):
    """An expert of the roster matched to a request."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, related_name="matches")
    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="matches")
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("matched"), auto_now_add=True)

    class Meta:
        ordering = ["request", "at"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.UniqueConstraint(fields=["request", "expert"], name="assistance_match_unique")
        ]

    def __str__(self):
        return f"{self.request} ↔ {self.expert}"


class OutcomeRating(models.TextChoices):
    """How far the assistance delivered met its objectives (resolution 2003/30, annex, para. 40:
    projects evaluated in the light of the information gathered)."""

    MET = "met", _("Objectives met")
    PARTLY_MET = "partly_met", _("Objectives partly met")
    NOT_MET = "not_met", _("Objectives not met")


class AssistanceOutcome(models.Model):
    """What was delivered on a completed request and its evaluation. Never updated: a revision is a
    new row, and the request's outcome is its latest; each row comes with the note that records
    it in the request's history."""

    request = models.ForeignKey(
        AssistanceRequest, on_delete=models.CASCADE, related_name="outcomes"
    )
    note = models.OneToOneField(
        AssistanceNote, on_delete=models.CASCADE, related_name="outcome", verbose_name=_("note")
    )
    # In the languages of the respondent's contact persons, who read it (English at least).
    delivered = MultilingualTextField(_("what was delivered"), multiline=True)
    delivered_by = MultilingualTextField(_("delivered by"))
    delivered_from = models.DateField(_("delivered on or from"))
    delivered_until = models.DateField(_("until"), null=True, blank=True)
    rating = models.CharField(_("evaluation"), max_length=20, choices=OutcomeRating.choices)
    evaluation = MultilingualTextField(_("evaluation notes"), multiline=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["request", "at", "pk"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(delivered_until__isnull=True)
                | models.Q(delivered_until__gte=models.F("delivered_from")),
                name="assistance_outcome_period",
            )
        ]

    def __str__(self):
        return f"{self.request}: {self.get_rating_display()}"
