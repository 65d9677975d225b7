"""Several PDFs made at once, each in a process of its own (a document in six languages).

WeasyPrint is pure Python for the most part, so threads do not make two PDFs at once; processes
do. Each PDF is made in a child forked from this process for it: the child starts at once with
everything this process has loaded (Django, WeasyPrint, the fonts it has already read), makes the
PDF with the garbage collector off, writes it back on a pipe and ends. Ending is its clean-up: the
memory WeasyPrint used goes back to the system with the child, so it is neither collected nor
freed object by object (a tenth of a PDF's time, and this process keeps its size). A Celery
prefork worker's child is a daemonic process, which multiprocessing refuses to give children;
`os.fork` has no such rule. At most `settings.PDF_PROCESSES` children run at once (default: the
CPUs this process may use).

    with PdfProcesses(count=6) as processes:
        future = processes.submit(html=html)   # made while you go on
        ...
        pdf, pages = future.result()           # PdfFailed says why it could not be made

A child never touches what it shares with this process (the database connection, the broker's):
whatever happens, it leaves by `os._exit`, which closes nothing of theirs. Leaving the block waits
for the PDFs asked for, or, when it is left by an exception (a Celery time limit included), kills
the children at once.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle  # noqa: S403 - only between this process and the children it forked
import signal
import struct
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import IO, Any

from django.conf import settings

_LENGTH = struct.Struct("!Q")


class PdfFailed(Exception):
    """A PDF could not be made in its process; the message says why."""


def _write(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _read(stream: IO[bytes]) -> Any:
    """The message on `stream`, or None if it ended before a whole one."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    size = _LENGTH.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)  # noqa: S301 - written by our own child process


class PdfProcesses:
    """Up to `count` processes (no more than `settings.PDF_PROCESSES`) making PDFs at once."""

    def __init__(self, *, count: int) -> None:
        self.count = max(1, min(count, settings.PDF_PROCESSES))
        self._threads = ThreadPoolExecutor(max_workers=self.count, thread_name_prefix="pdf")
        self._children: set[int] = set()
        self._stopping = False
        self._lock = threading.Lock()

    def __enter__(self) -> PdfProcesses:
        import weasyprint  # noqa: F401 - loaded here once, so that no child loads it again

        return self

    def __exit__(self, kind, error, traceback) -> None:
        if kind is not None:
            with self._lock:
                self._stopping = True  # no child is forked after this
                for pid in self._children:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
        self._threads.shutdown(wait=True, cancel_futures=True)

    def submit(self, *, html: str, base_url: str | None = None) -> Future[tuple[bytes, int]]:
        """The PDF of `html` and its number of pages, as `portal.pdf.html_to_pdf_pages` makes
        them, made in a child of its own."""
        return self._threads.submit(self._make, html, base_url)

    def _make(self, html: str, base_url: str | None) -> tuple[bytes, int]:
        with self._lock:
            if self._stopping:
                raise PdfFailed("the PDF processes were stopped")
            source, sink = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child
                os.close(source)
                _child(sink, html, base_url)
            self._children.add(pid)
        os.close(sink)
        try:
            with os.fdopen(source, "rb") as replies:
                reply = _read(replies)
        finally:
            _pid, status = os.waitpid(pid, 0)
            with self._lock:
                self._children.discard(pid)
        if reply is None:
            code = os.waitstatus_to_exitcode(status)
            raise PdfFailed(f"the PDF process stopped (exit code {code})")
        if reply[0] == "error":
            raise PdfFailed(reply[1])
        return reply[1], reply[2]


def _child(sink: int, html: str, base_url: str | None) -> None:
    """Make the PDF of `html`, write (status, ...) on `sink`, and end the process, whatever
    happens: by `os._exit`, so that nothing this process shares with its parent is closed."""
    code = 1
    try:
        gc.disable()  # the process ends with the PDF: there is nothing to collect
        from portal.pdf import DEFAULT_BASE_URL, pdf_and_pages

        try:
            pdf, pages = pdf_and_pages(html=html, base_url=base_url or DEFAULT_BASE_URL)
            reply: tuple = ("ok", pdf, pages)
        except Exception as error:  # noqa: BLE001 - said to the parent, which fails its job
            reply = ("error", f"{type(error).__name__}: {error}")
        with os.fdopen(sink, "wb") as replies:
            _write(replies, reply)
        code = 0
    finally:
        os._exit(code)
