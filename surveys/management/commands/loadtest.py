"""`make loadtest`: requests per second and p95 of the busiest pages under load, on PostgreSQL.

It starts gunicorn as docker-compose does (`gunicorn portal.wsgi:application --config
gunicorn.conf.py`, 3 workers, DEBUG off, the cache and sessions in Redis when one answers on
127.0.0.1:6379) on 127.0.0.1 with the demo data (`seed_demo`), and runs wrk
(`apt-get install wrk`) for a bounded time against each page, 20 connections each: an empty page
in the portal's base.html (the floor: bench/loadtest_urls.py), the log-in page, a contact person's
largest section, the same section saved with nothing changed, the contact person's dashboard, the
reviewer's cycle overview, review of one reply and coding page, and autosave by 20 clients saving
different questions. Each page's rate is printed beside its ratio to the empty page's, measured
just before and after it in the same run (the figure that travels between machines), and, on
Linux, the CPU time a request cost in the server, PostgreSQL, Redis and wrk (process_cpu.py):
where the time goes under load, and what bounds the latency on this machine. The sessions
are signed in (staff with their second factor) before the run; autosave changes the demo's
answers, so the database's name must contain "loadtest".

Benchmarks print figures; they are not tests.
"""

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.urls import reverse

from portal.models import User
from surveys.management import process_cpu
from surveys.management.demo_pages import demo_pages, second_factor_pass
from surveys.models import Answer, Question, QuestionType

CONNECTIONS = 20
TEXTS = (QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT)
EMPTY_PATH = "/loadtest/empty"  # served by the load test's own URLs (bench/loadtest_urls.py)
LUA = settings.BASE_DIR / "bench" / "loadtest.lua"


@dataclass
class Target:
    name: str
    path: str
    cookie: str = ""
    csrf: str = ""
    mode: str = "get"  # or "post" (a form's body) or "autosave" (one question per connection)
    data: Callable[[], str] = str  # the body posted, or the autosave lines (read before each run)


class Command(BaseCommand):
    help = (
        "Start gunicorn on the demo data and print requests per second and p95 of the busiest "
        "pages under 20 connections (wrk), against an empty page in base.html."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=8, help="per page (8)")
        parser.add_argument("--warm", type=int, default=2, help="seconds of warm-up per page (2)")
        parser.add_argument("--page", action="append", help="only the pages whose name has this")
        parser.add_argument(
            "--force", action="store_true", help="run on a database whose name lacks 'loadtest'"
        )

    def handle(self, *args, seconds, warm, page, force, **options):
        name = str(settings.DATABASES["default"]["NAME"])
        if settings.PRODUCTION or not ("loadtest" in os.path.basename(name) or force):
            raise CommandError(
                f"Refusing to load-test the database {name!r}: autosave changes its answers. "
                "Point DATABASE_URL at a dedicated one (e.g. postgres://.../portal_loadtest)."
            )
        if shutil.which("wrk") is None:
            raise CommandError("wrk is needed (apt-get install wrk).")
        empty, *pages = self._targets()
        # The empty page is always measured: the ratios are to it.
        targets = [empty, *(t for t in pages if not page or any(p in t.name for p in page))]
        connection.close()  # gunicorn's workers open their own
        port = _free_port()
        server = self._gunicorn(port)
        self._cpu = partial(process_cpu.read, server.pid, name) if process_cpu.available() else None
        try:
            self._run(targets, f"http://127.0.0.1:{port}", seconds, warm)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()

    # --- The pages and their sessions ----------------------------------------------------

    def _targets(self) -> list[Target]:
        demo = demo_pages()
        section = reverse("surveys:reply_section", args=[demo.reply.pk, demo.section.pk])
        contact, csrf_contact = _session(demo.contact, section)
        staff, _csrf = _session(demo.reviewer, reverse("home"))
        cycle = demo.cycle.pk
        return [
            Target("empty page in base.html", EMPTY_PATH),
            Target("log-in page", reverse("login")),
            Target(f"section ({demo.section.questions.count()} questions)", section, contact),
            Target(
                "section, Save with nothing changed", section, contact, csrf_contact, "post",
                partial(_form_body, demo.contact, section),
            ),
            Target("dashboard", reverse("surveys:contact_dashboard"), contact),
            Target("cycle overview", reverse("surveys:cycle_overview", args=[cycle]), staff),
            Target(
                "review of one reply",
                reverse("surveys:reply_review", args=[demo.reviewed.pk]), staff,
            ),
            Target(
                f"coding {demo.coded.code} ({demo.coded.answers.count()} answers)",
                reverse("surveys:coding_question", args=[cycle, demo.coded.code]), staff,
            ),
            Target(
                f"autosave, {CONNECTIONS} questions", section, contact, csrf_contact, "autosave",
                partial(_autosave_lines, demo.reply.pk, demo.cycle.version_id),
            ),
        ]  # fmt: skip

    # --- The server and the load -----------------------------------------------------------

    def _gunicorn(self, port: int) -> subprocess.Popen:
        # docker-compose's web service sets 3 workers; GUNICORN_WORKERS and CACHE_URL (Redis, as
        # compose has it) pass through from the environment. Development settings, DEBUG off:
        # production's would want TLS in front.
        env = (
            {"GUNICORN_WORKERS": "3", **_local_redis()}
            | os.environ
            | {
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "DJANGO_SETTINGS_MODULE": "bench.loadtest_settings",
                "DJANGO_DEBUG": "0",
            }
        )
        command = [str(Path(sys.executable).with_name("gunicorn")), "portal.wsgi:application",
                   "--config", "gunicorn.conf.py", "--access-logfile", "/dev/null"]  # fmt: skip
        log = open(Path(tempfile.gettempdir()) / f"loadtest-gunicorn-{port}.log", "wb")  # noqa: SIM115
        server = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=log)  # noqa: S603
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError(f"gunicorn stopped at start: see {log.name}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):  # noqa: S310
                    break
            except OSError:
                time.sleep(0.5)
        else:
            server.kill()
            raise CommandError(f"gunicorn did not answer within a minute: see {log.name}")
        self.stdout.write(
            f"gunicorn on 127.0.0.1:{port} ({env['GUNICORN_WORKERS']} workers, cache "
            f"{'Redis' if env.get('CACHE_URL') else 'local memory'}), database "
            f"{connection.vendor}, wrk with {CONNECTIONS} connections, {os.cpu_count()} CPUs"
        )
        return server

    def _run(self, targets: list[Target], base: str, seconds: int, warm: int) -> None:
        """Each page after the empty page, and its ratio to the empty page's rate just before
        and after it (the mean of the two): work elsewhere on the machine moves both alike."""
        self.stdout.write(
            f"{'page':<40} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6}  "
            f"{'of the empty page':<18}{_cpu_heading() if self._cpu else ''}"
        )
        empty, *pages = targets
        with tempfile.TemporaryDirectory() as folder:
            _probe(empty, base)
            _wrk(empty, base, max(warm, 1), folder)
            before = self._measure(empty, base, seconds, 0, folder)
            for target in pages:
                _probe(target, base)
                result = self._measure(target, base, seconds, warm, folder)
                after = self._measure(empty, base, seconds, 0, folder)
                floor = (before["rate"] + after["rate"]) / 2
                ratio = f"1/{floor / result['rate']:.1f}" if result["rate"] else ""
                self._line(target.name, result, ratio)
                before = after
            self._line(f"{empty.name} (last)", before, "1/1.0")

    def _measure(self, target: Target, base: str, seconds: int, warm: int, folder: str) -> dict:
        if warm:
            _wrk(target, base, warm, folder)
            time.sleep(1)  # the requests the warm-up left running finish
        before = self._cpu() if self._cpu else None
        result = _wrk(target, base, seconds, folder)
        cpu = self._cpu().per_request(before, result["requests"]) if self._cpu and before else {}
        time.sleep(1)
        return result | {"rate": result["requests"] / result["seconds"], "cpu": cpu}

    def _line(self, name: str, result: dict, ratio: str) -> None:
        errors = result["status_errors"] + result["socket_errors"]
        self.stdout.write(
            f"{name:<40} {result['rate']:8.1f} {result['p50']:7.0f} {result['p95']:7.0f} "
            f"{errors:6d}  {ratio:<18}{_cpu_text(result['cpu'])}"
        )


def _cpu_heading() -> str:
    return f" CPU ms a request: {' + '.join(process_cpu.PARTS)}"


def _cpu_text(cpu: dict[str, float]) -> str:
    """The CPU milliseconds a request cost in each process, and their sum."""
    if not cpu:
        return ""
    return f"{' + '.join(f'{ms:.1f}' for ms in cpu.values())} = {sum(cpu.values()):.1f}"


def _wrk(target: Target, base: str, seconds: int, folder: str) -> dict:
    """One wrk run against `target`, bounded to `seconds` (and 10 s per request)."""
    data = Path(folder) / "data"
    data.write_text(target.data())
    threads = CONNECTIONS if target.mode == "autosave" else 2
    command = ["wrk", f"-t{threads}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s",
               "-s", str(LUA)]  # fmt: skip
    if target.cookie:
        command += ["-H", f"Cookie: {target.cookie}"]
    if target.csrf:
        command += ["-H", f"X-CSRFToken: {target.csrf}"]
    command += [base + target.path, "--", target.mode, str(data)]
    result = subprocess.run(  # noqa: S603 - wrk, against our own server
        command, capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode or not lines:
        raise CommandError(f"wrk failed on {target.name}:\n{result.stdout}\n{result.stderr}")
    return json.loads(lines[-1])


def _token(client: Client) -> dict[str, str]:
    return {"X-CSRFToken": client.cookies["csrftoken"].value}


def _probe(target: Target, base: str) -> None:
    """One request first: a page must answer 200 (a save 302) to its session, not send it to the
    log-in page or refuse it. Autosave is probed by reading the question's block."""
    host = urlsplit(base)
    request = http.client.HTTPConnection(host.hostname or "127.0.0.1", host.port, timeout=30)
    headers = {"Cookie": target.cookie, "X-CSRFToken": target.csrf}
    path, method, body = target.path, "GET", None
    if target.mode == "post":
        method, body = "POST", target.data()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif target.mode == "autosave":
        path = target.data().split()[0]
    request.request(method, path, body=body, headers=headers)
    status = request.getresponse().status
    request.close()
    if status != (302 if method == "POST" else 200):
        raise CommandError(f"{target.name}: {method} {path} answered {status}.")


def _local_redis() -> dict[str, str]:
    """CACHE_URL as docker-compose sets it (Redis), when a Redis answers on 127.0.0.1:6379; the
    load test's own database number, away from Celery's."""
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as server:
            server.sendall(b"PING\r\n")
            answered = server.recv(16).startswith(b"+PONG")
    except OSError:
        return {}
    return {"CACHE_URL": "redis://127.0.0.1:6379/3"} if answered else {}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _session(user: User, path: str) -> tuple[str, str]:
    """A signed-in session of `user` (with the second factor) as a Cookie header, and its CSRF
    token; `path` is opened once so that the token is set."""
    client = Client()
    client.force_login(user)
    second_factor_pass(client, user, name="loadtest")
    response = client.get(path)
    if response.status_code != 200:
        raise CommandError(f"{user.username} cannot open {path} ({response.status_code}).")
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    return "; ".join(f"{k}={v}" for k, v in cookies.items()), cookies.get("csrftoken", "")


def _form_body(user: User, path: str) -> str:
    """What the section's form posts when nothing is changed (its fields as the page gives
    them), checked: it saves (a redirect) and changes no answer."""
    client = Client()
    client.force_login(user)
    form = _FormFields()
    form.feed(client.get(path).content.decode())
    before = list(Answer.objects.order_by("pk").values_list("pk", "revision"))
    form.fields.append(("go", "stay"))  # the Save button
    # The token goes in a header (X-CSRFToken), which the load's session matches.
    body = urlencode([(k, v) for k, v in form.fields if k != "csrfmiddlewaretoken"])
    response = client.post(
        path, body, content_type="application/x-www-form-urlencoded", headers=_token(client)
    )
    if response.status_code != 302:
        raise CommandError(f"Saving the section unchanged gave {response.status_code}.")
    if list(Answer.objects.order_by("pk").values_list("pk", "revision")) != before:
        raise CommandError("Saving the section unchanged changed answers.")
    return body


def _autosave_lines(reply_pk: int, version_id: int) -> str:
    """One line per connection: the autosave path of a question shown unconditionally (its texts
    first, then yes-or-no questions), its code, its revision and its kind of value."""
    questions = list(
        Question.objects.filter(
            version_id=version_id, relevance__isnull=True, type__in=(*TEXTS, QuestionType.YES_NO)
        )
        .order_by("section__order", "order")
        .values_list("pk", "code", "type")
    )
    questions.sort(key=lambda q: q[2] not in TEXTS)
    if len(questions) < CONNECTIONS:
        raise CommandError(
            f"The demo questionnaire has fewer than {CONNECTIONS} questions to save."
        )
    revisions = dict(
        Answer.objects.filter(reply_id=reply_pk).values_list("question_id", "revision")
    )
    return "".join(
        f"{reverse('surveys:answer_autosave', args=[reply_pk, pk])} {code} "
        f"{revisions.get(pk, 0)} {'text' if kind in TEXTS else 'yes_no'}\n"
        for pk, code, kind in questions[:CONNECTIONS]
    )


class _FormFields(HTMLParser):
    """The fields of the page's main form as a browser would post them, unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._in_form = self._done = False
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "").lower() == "post" and not self._done:
            self._in_form = True
        if not self._in_form or "disabled" in a:
            return
        name = a.get("name", "")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.fields.append((name, a.get("value", "on")))
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields.append((name, ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            name, text = self.fields[-1]
            self.fields[-1] = (name, text + data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            # As browsers do, the line break that follows <textarea> is not part of the text.
            name, text = self.fields[-1]
            self.fields[-1] = (name, text.removeprefix("\n"))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._in_form:
            self._in_form, self._done = False, True
