"""Size limits applied while an upload is received, not after: a view decorated with
`upload_limit(limit)` refuses a request whose declared length passes the limit (plus room for the
form's other fields) before reading any of its body, and stops reading a file once it passes the
limit. The person is sent back to the form with a message saying how large a file may be.

The reverse proxy in front of the portal (deploy/Caddyfile) caps every request body at
`settings.REQUEST_MAX_BYTES`; this is the same rule inside the application, per view.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import QueryDict
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect


def form_room() -> int:
    """Bytes allowed beyond a file's limit for the form's other fields and multipart framing."""
    return settings.UPLOAD_FORM_ROOM_BYTES


class LimitedUploadHandler(FileUploadHandler):
    """Put first in `request.upload_handlers`: claims a body longer than `limit` + the form's room
    without reading it (the request then has no data), and stops reading a file that passes
    `limit`. `exceeded` tells the view which happened."""

    def __init__(self, request=None, *, limit: int):
        super().__init__(request)
        self.limit = limit
        self.exceeded = False
        self.received = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > self.limit + form_room():
            self.exceeded = True
            return QueryDict(encoding=encoding), MultiValueDict()
        return None

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.exceeded = True
            # The body's length was checked above: what is left to drain is at most the room.
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None


def too_large_message(limit: int) -> str:
    return _("The file is too large: at most %(limit)s can be uploaded. Nothing was saved.") % {
        "limit": filesizeformat(limit)
    }


def upload_limit(limit: Callable[[], int]):
    """Decorate an upload view: a file over `limit()` bytes is refused before the body is read
    whole, with a redirect to the same page and a message. CSRF is checked as usual otherwise (the
    check reads the body, so it runs after the handler is in place)."""

    def decorator(view):
        protected = csrf_protect(view)

        @wraps(view)
        @csrf_exempt
        def wrapped(request, *args, **kwargs):
            if request.method != "POST":
                return protected(request, *args, **kwargs)
            handler = LimitedUploadHandler(request, limit=limit())
            request.upload_handlers.insert(0, handler)
            request.FILES  # noqa: B018 - reads the body through the handler now
            if handler.exceeded:
                messages.error(request, too_large_message(handler.limit))
                return redirect(request.get_full_path())
            return protected(request, *args, **kwargs)

        return wrapped

    return decorator
