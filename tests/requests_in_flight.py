"""Requests still on their way when a browser test ends.

A test may end while the browser's last request (an autosave, say) is still being answered by the
live server. Django then empties the database (TRUNCATE) while that request's transaction holds
its rows: PostgreSQL takes one of them for a deadlock, and when it is the flush, the next test
starts on the last one's data. The browser fixture waits for both ends to be quiet first: every
context's requests answered, then every request the live server took handled to its end.

The live server's threads also close their database connections after each request (the settings
keep one for 60 s, and a thread keeps its connection while the browser keeps the HTTP connection
alive), so that no connection of theirs is left open when the test database is dropped.
"""

import threading
import time

from django.db import connections

SETTLE_SECONDS = 10


class ServerRequests:
    """The live server's WSGI application, counting the requests it is handling."""

    def __init__(self, app):
        self.app = app
        self._handling = 0
        self._quiet = threading.Condition()

    def __call__(self, environ, start_response):
        with self._quiet:
            self._handling += 1
        try:
            response = self.app(environ, start_response)
        except BaseException:
            self._done()
            raise
        return _ClosedWhenDone(response, self._done)

    def _done(self):
        connections.close_all()  # this request's thread's own connections
        with self._quiet:
            self._handling -= 1
            self._quiet.notify_all()

    def wait_until_quiet(self, timeout=SETTLE_SECONDS) -> bool:
        with self._quiet:
            return self._quiet.wait_for(lambda: self._handling == 0, timeout)


class _ClosedWhenDone:
    """A response's body that tells the counter when the server has closed it (PEP 3333)."""

    def __init__(self, response, done):
        self._response = response
        self._done = done

    def __iter__(self):
        return iter(self._response)

    def close(self):
        try:
            if hasattr(self._response, "close"):
                self._response.close()
        finally:
            self._done()


class BrowserRequests:
    """The requests a browser context sent and has not yet had answered (or seen fail)."""

    def __init__(self, context):
        self._pending = set()
        context.on("request", self._sent)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._ended)

    def _sent(self, request):
        self._pending.add(request)

    def _ended(self, request):
        self._pending.discard(request)

    def wait_until_answered(self, page, timeout=SETTLE_SECONDS) -> None:
        """Lets the browser's event loop deliver the answers until none is awaited."""
        deadline = time.monotonic() + timeout
        while self._pending and time.monotonic() < deadline:
            page.wait_for_timeout(25)
