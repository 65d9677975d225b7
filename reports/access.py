"""The access helpers every reports view that reaches one report calls first: one per role,
named `get_<thing>_for_<role>(request, pk)` as in surveys.access. Each returns the report, or
raises Http404 or PermissionDenied. The role checks themselves live in portal.access."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from portal.access import require_secretariat
from reports.library.publication import reports_readable_by
from reports.models import Report


def get_report_for_secretariat(request, pk: int) -> Report:
    """Any report version, for the Secretariat's compiling pages: reviewers read them,
    administrators act on them. Anyone else is refused before the report is looked up."""
    require_secretariat(request)
    return get_object_or_404(
        Report.objects.select_related("requested_by", "published_by", "category", "cluster"), pk=pk
    )


def get_report_for_administrator(request, pk: int) -> Report:
    """Any report version, for what only administrators do to it (publish it). Anyone else is
    refused before the report is looked up."""
    user = request.user
    if not (user.is_authenticated and user.is_administrator):
        raise PermissionDenied
    return get_object_or_404(Report, pk=pk)


def get_report_for_reader(request, pk: int) -> Report:
    """The version `pk` if the user may download it from the library, else 404 (see
    `reports_readable_by`). A version nobody may read (unpublished, or an advance copy for
    someone who is not a delegate) is a 404: the address reveals nothing."""
    return get_object_or_404(reports_readable_by(request.user), pk=pk)
