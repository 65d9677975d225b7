"""HTML to PDF with WeasyPrint, shared by every printed document (questionnaires, reports, replies).

WeasyPrint is imported on first use: it takes most of a second to load, which every management
command and web worker would otherwise pay at start-up.
"""

import contextlib
import gc
import hashlib
import mimetypes
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

# Relative URLs ("/static/css/print.css") need a base; this one names no real host.
PDF = "application/pdf"
DEFAULT_BASE_URL = "https://portal.invalid/"
# Tagged PDF (PDF/UA-1): a screen reader follows the headings, paragraphs, lists and tables, and
# the document's language and title (from <html lang> and <title>) are in its metadata.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def html_to_pdf(*, html: str, base_url: str | None = None) -> bytes:
    """The PDF of `html` (a whole document, print CSS included), tagged for accessibility (PDF/UA),
    with the language of `<html lang>` and the `<title>` in its metadata.

    Relative URLs resolve against `base_url`; only the portal's static files can be fetched.
    """
    from weasyprint import HTML

    base_url = base_url or DEFAULT_BASE_URL
    # WeasyPrint's own fetcher follows any URL, file: included. A document printed from texts
    # that users wrote must not become a way to make the server read its files or call hosts on
    # its network, nor hang a worker on a slow one: rendering reads our static files and nothing.
    fetcher = static_files_fetcher(base_url=base_url)
    with collector_paused():
        return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(**PDF_OPTIONS)


def pdf_once(*, html: str, folder: str) -> bytes:
    """The PDF of `html`, made once and then read from the media storage under `folder`: for the
    documents anyone may ask for (published replies, blank questionnaires), so that WeasyPrint
    does not run at every request. Kept by the HTML's digest, so any change makes a new one."""
    path = f"{folder}/{hashlib.sha256(html.encode()).hexdigest()}.pdf"
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as handle:
            return handle.read()
    pdf = html_to_pdf(html=html)
    # Two requests at the same moment: the storage keeps the second under another name.
    default_storage.save(path, ContentFile(pdf))
    return pdf


def html_to_pdf_pages(*, html: str, base_url: str | None = None) -> tuple[bytes, int]:
    """The PDF of `html`, as `html_to_pdf` makes it, and its number of pages."""
    with collector_paused():
        return pdf_and_pages(html=html, base_url=base_url or DEFAULT_BASE_URL)


def pdf_and_pages(*, html: str, base_url: str) -> tuple[bytes, int]:
    """What `html_to_pdf_pages` makes, with the collector as it is (portal.pdf_processes' children
    have it off)."""
    from weasyprint import HTML

    fetcher = static_files_fetcher(base_url=base_url)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()
    return document.write_pdf(**PDF_OPTIONS), len(document.pages)


_paused = threading.Lock()
_pausing = {"count": 0, "was_enabled": False}


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector stopped for the block (restarted after it, as it was).

    WeasyPrint makes millions of small objects, and the collections they triggered went through
    the heap again and again: a quarter of a report's CPU time (the six languages of the bench's
    report, 17.3 s, 12.9 s with the collector paused; the English one 3.1 s, 2.1 s; the same
    bytes, and the same peak memory with the collection at the end). What the block left in
    reference cycles (the document's boxes, once the block has let go of the document) is
    collected once at its end: all of it is in the youngest generation, as nothing was collected
    meanwhile. Blocks in several threads at once restart the collector when the last one ends."""
    with _paused:
        if _pausing["count"] == 0:
            _pausing["was_enabled"] = gc.isenabled()
            gc.disable()
        _pausing["count"] += 1
    try:
        yield
    finally:
        with _paused:
            _pausing["count"] -= 1
            restart = _pausing["count"] == 0 and _pausing["was_enabled"]
            if restart:
                gc.enable()
        if restart:
            gc.collect(0)


def static_files_fetcher(*, base_url: str = DEFAULT_BASE_URL):
    """A WeasyPrint URL fetcher that serves the portal's static files and refuses any other URL
    (raising ValueError, which WeasyPrint reports as a warning and skips)."""
    return _fetcher_class()(base_url=base_url)


def static_file_path(name: str) -> Path | None:
    """Where the static file `name` (e.g. "css/print.css") is on disk, or None.

    The finders know the source files; the storage also knows the hashed names that
    `{% static %}` gives in production (ManifestStaticFilesStorage)."""
    if not name or ".." in Path(name).parts:
        return None
    found = finders.find(name)
    if found:
        return Path(found)
    try:
        if staticfiles_storage.exists(name):
            return Path(staticfiles_storage.path(name))
    except NotImplementedError:  # a storage without local paths
        return None
    return None


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


@cache
def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesOnly(URLFetcher):
        def __init__(self, *, base_url: str):
            super().__init__(fail_on_errors=False)
            static_url = urljoin(base_url, settings.STATIC_URL)
            self._origins = {_origin(base_url), _origin(static_url)}
            self._prefix = urlsplit(static_url).path

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if _origin(url) in self._origins and parts.path.startswith(self._prefix):
                path = static_file_path(unquote(parts.path.removeprefix(self._prefix)))
                if path is not None:
                    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(
                        url, path.read_bytes(), headers={"Content-Type": content_type}
                    )
            raise ValueError(f"Not a static file of the portal: {url}")

    return StaticFilesOnly
