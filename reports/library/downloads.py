"""A report's files (and a country presentation's) as downloads, for the library and for the staff's
pages alike. The caller has checked access first (`reports.access`, the presentations' views)."""

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest
from django.utils.cache import add_never_cache_headers, patch_cache_control

from reports.models import Audience, Report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def report_filename(report: Report, extension: str) -> str:
    """E/CN.15/2006/13 in English, version 2 -> E_CN.15_2006_13-en-v2.pdf"""
    symbol = report.symbol.replace("/", "_").replace("\\", "_").replace('"', "")
    return f"{symbol}-{report.language}-v{report.number}.{extension}"


def report_file_response(
    request: HttpRequest, report: Report, file: FieldFile, extension: str, content_type: str
) -> FileResponse:
    """A report's file as a download (404 when it is missing), cached only when public."""
    return document_file_response(
        file=file,
        filename=report_filename(report, extension),
        content_type=content_type,
        public=report.is_published and report.audience == Audience.PUBLIC,
    )


def document_file_response(
    *, file: FieldFile, filename: str, content_type: str, public: bool
) -> FileResponse:
    """A compiled document's file as a download (404 when it is missing), sandboxed, and cached
    only when `public` (a published version never changes, and stays public)."""
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    if public:
        patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    else:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response
