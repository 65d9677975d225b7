"""While the database cannot be reached (a restart, a failover), requests are answered
"503 Service Unavailable" with Retry-After and a short page in the person's language, not a bare
server error; JSON and htmx requests (autosave) get the same status and header, and retry.

Two hooks catch the outage: `DatabaseOutageMiddleware.process_exception` for a view's queries, and
`server_error` (the portal's handler500) for everything Django turns into a server error outside
the view: a session that cannot be loaded or saved, a middleware reading the signed-in user. The
page is rendered without a request context, so it never touches the database.
"""

import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import defaults

RETRY_AFTER_SECONDS = 10
OUTAGE_ERRORS = (OperationalError, InterfaceError)


def is_outage(exc: BaseException | None) -> bool:
    """Whether `exc` comes from an unreachable database: the error itself or one it arose from, or
    the session store asked again after its load failed (it then has no `_session_cache`). Loading
    a session always fails while handling that AttributeError, so it is not a cause in itself."""
    if isinstance(exc, AttributeError) and "_session_cache" in str(exc):
        return True
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OUTAGE_ERRORS):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _language(request) -> str:
    return getattr(request, "LANGUAGE_CODE", None) or translation.get_language_from_request(
        request, check_path=True
    )


def _wants_data(request) -> bool:
    accept = request.headers.get("Accept", "")
    return (
        "HX-Request" in request.headers
        or "application/json" in accept
        or request.content_type == "application/json"
    )


def outage_response(request) -> HttpResponse:
    with translation.override(_language(request)):
        response: HttpResponse
        if _wants_data(request):
            response = JsonResponse(
                {"error": _("The portal is briefly unavailable. Please try again in a moment.")},
                status=503,
            )
        else:
            response = HttpResponse(
                loader.get_template("503.html").render(
                    {
                        "retry_after": RETRY_AFTER_SECONDS,
                        "LANGUAGE_CODE": translation.get_language(),
                    }
                ),
                status=503,
            )
        response["Content-Language"] = translation.get_language()
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Place first: a view that fails because the database is unreachable gets the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_outage(exception):
            return outage_response(request)
        return None


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: the 503 page when the error being handled is an outage, else Django's own."""
    if is_outage(sys.exc_info()[1]):
        return outage_response(request)
    return defaults.server_error(request, template_name)
