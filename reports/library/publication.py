"""Publication of report versions, and who may read which (DESIGN.md, "Who uses it"; issue 6).

A ready version is published by an administrator to the Commission's delegates (an advance copy)
or to everyone; an advance copy may later be made public. Once published a version never changes
and is never withdrawn: `reports/migrations/0002_published_reports_frozen.py` makes the database
refuse it too. A new compilation is a new version, published beside the earlier ones.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.jobs import JobStatus
from portal.models import User
from reports.models import Audience, Report


class PublishRefused(Exception):
    """The version cannot be published so; the message says why."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def report_publish(*, report: Report, by: User, audience: str) -> Report:
    """Publish the ready version `report` to `audience` ("delegates" or "public"), or make an
    advance copy for the delegates public. Administrators only (PermissionDenied otherwise).

    Raises PublishRefused for a version that is not ready, an unknown audience, or a version
    already published to that audience or wider.
    """
    if not (by.is_authenticated and by.is_administrator):
        raise PermissionDenied
    if audience not in Audience.values:
        raise PublishRefused(_("Choose who the report is published to."))
    with transaction.atomic():
        # Two administrators publishing at once: the second waits, then sees the first's choice.
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.status != JobStatus.READY or not report.pdf or not report.xlsx:
            raise PublishRefused(
                _("Only a compiled report, with its PDF and XLSX, can be published.")
            )
        if report.is_published and (
            report.audience == Audience.PUBLIC or audience == Audience.DELEGATES
        ):
            raise PublishRefused(
                _("This version has already been published to %(audience)s.")
                % {"audience": report.get_audience_display()}
            )
        report.audience = audience
        report.published_at, report.published_by = timezone.now(), by
        report.save(update_fields=["audience", "published_at", "published_by"])
    return report


def audiences_for(user: User | AnonymousUser) -> tuple[str, ...]:
    """The audiences whose published reports `user` may read: everyone reads public reports;
    Commission delegates and the Secretariat also read advance copies. Contact persons are not
    delegates: they read what the public reads."""
    if user.is_authenticated and (user.is_delegate or user.is_secretariat):
        return (Audience.DELEGATES, Audience.PUBLIC)
    return (Audience.PUBLIC,)


def reports_readable_by(user: User | AnonymousUser) -> QuerySet[Report]:
    """The report versions whose files `user` may download: the published ones of their
    audiences; the Secretariat also reads any compiled version (to check it before publishing)."""
    readable = Q(published_at__isnull=False, audience__in=audiences_for(user))
    if user.is_authenticated and user.is_secretariat:
        readable |= Q(status=JobStatus.READY)
    return Report.objects.filter(readable)
