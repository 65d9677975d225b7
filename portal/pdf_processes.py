"""Several PDFs made at once, each in a process of its own (a document in six languages).

WeasyPrint is pure Python for the most part, so threads do not make two PDFs at once; processes
do. A Celery prefork worker's child is a daemonic process, which multiprocessing refuses to give
children, so the processes are plain subprocesses (`python -m portal.pdf_processes`) that set up
Django, load WeasyPrint once, and then make one PDF after another from what they read on stdin.
At most `settings.PDF_PROCESSES` run (default: the CPUs this process may use).

    with PdfProcesses(count=6) as processes:   # started at once: they load while you work
        future = processes.submit(html=html)
        ...
        pdf, pages = future.result()           # PdfFailed says why it could not be made

Leaving the block stops the processes (killed at once when it is left by an exception, a Celery
time limit included); a process whose parent dies reads the end of its input and stops too.
"""

from __future__ import annotations

import contextlib
import os
import pickle  # noqa: S403 - only between this process and the children it started
import queue
import struct
import subprocess
import sys
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
    """The next message on `stream`, or None at its end."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    size = _LENGTH.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)  # noqa: S301 - written by our own child process


class _Process:
    """One child process making PDFs, one at a time."""

    def __init__(self) -> None:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get(
            "DJANGO_SETTINGS_MODULE", "portal.settings"
        )}  # fmt: skip
        # Its log (WeasyPrint's warnings, a traceback) goes to this process's stderr.
        self.popen = subprocess.Popen(  # noqa: S603 - our own module
            [sys.executable, "-m", "portal.pdf_processes"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=settings.BASE_DIR,
            env=env,
        )

    def make(self, html: str, base_url: str | None) -> tuple[bytes, int]:
        assert self.popen.stdin is not None and self.popen.stdout is not None
        try:
            _write(self.popen.stdin, (html, base_url))
            reply = _read(self.popen.stdout)
        except (BrokenPipeError, OSError):
            reply = None
        if reply is None:
            code = self.popen.wait()
            raise PdfFailed(f"the PDF process stopped (exit code {code})")
        if reply[0] == "error":
            raise PdfFailed(reply[1])
        return reply[1], reply[2]

    def stop(self, *, kill: bool) -> None:
        if kill:
            self.popen.kill()
        elif self.popen.stdin is not None:
            with contextlib.suppress(OSError):
                self.popen.stdin.close()  # the end of its input: it stops
        try:
            self.popen.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait()
        if self.popen.stdout is not None:
            self.popen.stdout.close()


class PdfProcesses:
    """Up to `count` processes (no more than `settings.PDF_PROCESSES`) making PDFs at once."""

    def __init__(self, *, count: int) -> None:
        self.count = max(1, min(count, settings.PDF_PROCESSES))
        self._idle: queue.SimpleQueue[_Process] = queue.SimpleQueue()
        self._processes: list[_Process] = []
        self._threads = ThreadPoolExecutor(max_workers=self.count, thread_name_prefix="pdf")

    def __enter__(self) -> PdfProcesses:
        for _number in range(self.count):
            process = _Process()
            self._processes.append(process)
            self._idle.put(process)
        return self

    def __exit__(self, kind, error, traceback) -> None:
        for process in self._processes:
            process.stop(kill=kind is not None)
        self._threads.shutdown(wait=True, cancel_futures=True)

    def submit(self, *, html: str, base_url: str | None = None) -> Future[tuple[bytes, int]]:
        """The PDF of `html` and its number of pages, as `portal.pdf.html_to_pdf_pages` makes
        them, made in the first process free."""
        return self._threads.submit(self._make, html, base_url)

    def _make(self, html: str, base_url: str | None) -> tuple[bytes, int]:
        process = self._idle.get()
        try:
            return process.make(html, base_url)
        finally:
            self._idle.put(process)


def _serve() -> None:
    """The child: make the PDF of each (html, base_url) read on stdin, write (pdf, pages) back."""
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # whatever prints must not mix with the replies
    import django

    django.setup()
    import weasyprint  # noqa: F401 - loaded now, while the parent works

    from portal.pdf import html_to_pdf_pages

    while (request := _read(source)) is not None:
        html, base_url = request
        try:
            pdf, pages = html_to_pdf_pages(html=html, base_url=base_url)
            reply: tuple = ("ok", pdf, pages)
        except Exception as error:  # noqa: BLE001 - said to the parent, which fails its job
            reply = ("error", f"{type(error).__name__}: {error}")
        try:
            _write(sink, reply)
        except BrokenPipeError:
            return


if __name__ == "__main__":
    _serve()
