"""`make profile`: where the time of the busiest pages goes, on the demo data (`manage.py seed_demo`).

For a contact person's section page (the section with the most questions), dashboard and autosave,
and for the reviewer's cycle overview, review of one reply and coding page of one question, it
prints the median time of a request, its database queries and the size of the page, then a cProfile
breakdown of the same requests: the time spent in each layer (templates, crispy-forms, forms,
database, the portal's own code...) and the functions that cost most.

Requests go through Django's test client in this process, middleware included, so that what is
measured is the server's work, without a network or a web server. Run it with DEBUG off
(`make profile` sets DJANGO_DEBUG=0) on PostgreSQL for figures like production's. Autosaves are
made in a transaction that is rolled back: the demo data does not change.

Benchmarks print figures; they are not tests (tests assert query counts, not times).
"""

import cProfile
import pstats
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.models import User
from surveys.management.demo_pages import demo_pages, second_factor_pass
from surveys.models import Answer

# The layer a function belongs to, by the first fragment of its file's path that matches.
LAYERS = (
    ("crispy_forms", "crispy-forms"),
    ("django/template", "templates"),
    ("django/forms", "forms and widgets"),
    ("django/db", "database (ORM)"),
    ("psycopg", "database (driver)"),
    ("sqlite3", "database (driver)"),
    ("django/utils/translation", "translation"),
    ("gettext", "translation"),
    ("django/urls", "URL reversing"),
    ("django/middleware", "middleware"),
    ("django/contrib", "Django contrib (sessions, auth, messages)"),
    ("/surveys/", "portal code (surveys)"),
    ("/portal/", "portal code (portal)"),
    ("/clusters/", "portal code (clusters)"),
    ("django/", "Django, other"),
    ("pickle", "pickling (cache)"),
    ("~", "Python built-ins"),
)


@dataclass
class Page:
    name: str
    user: User
    request: Callable[[Client], object]  # makes one request, returns the response
    reset: Callable[[], None] = lambda: None  # after a rollback: forget what the requests changed


def _layer(filename: str) -> str:
    for fragment, layer in LAYERS:
        if fragment in filename:
            return layer
    return "other libraries"


class Command(BaseCommand):
    help = (
        "Profile the section page, dashboard, overview, review, coding page and autosave on the "
        "demo data (seed_demo) and print times, queries, sizes and where the time goes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="requests per page (20)")
        parser.add_argument("--top", type=int, default=12, help="functions listed per page (12)")
        parser.add_argument("--page", action="append", help="only these pages (by name)")
        parser.add_argument("--no-profile", action="store_true", help="times and queries only")

    def handle(self, *args, repeat, top, page, no_profile, **options):
        if settings.PRODUCTION:
            raise CommandError("Profiling runs on a development or benchmark database only.")
        pages = [p for p in self._pages() if not page or p.name in page]
        self.stdout.write(
            f"DEBUG={settings.DEBUG}  database={connection.vendor}  {repeat} requests per page\n"
        )
        self.stdout.write(f"{'page':<28} {'median ms':>9} {'p90 ms':>7} {'queries':>7} {'KB':>7}")
        results = []
        for item in pages:
            times, queries, size = self._measure(item, repeat)
            self.stdout.write(
                f"{item.name:<28} {statistics.median(times):9.1f} "
                f"{sorted(times)[int(0.9 * (len(times) - 1))]:7.1f} {queries:7d} {size / 1024:7.1f}"
            )
            results.append(item)
        if no_profile:
            return
        for item in results:
            self._profile(item, repeat, top)

    # --- The pages -------------------------------------------------------------------------

    def _pages(self) -> list[Page]:
        demo = demo_pages()
        cycle, contact, reviewer, reply = demo.cycle, demo.contact, demo.reviewer, demo.reply
        section, reviewed, coded, saved = demo.section, demo.reviewed, demo.coded, demo.saved
        section_url = reverse("surveys:reply_section", args=[reply.pk, section.pk])
        autosave_url = reverse("surveys:answer_autosave", args=[reply.pk, saved.pk])
        counter = iter(range(10**9))
        answer = Answer.objects.filter(reply=reply, question=saved).first()
        # Each save changes the answer, so its revision goes up by one (read once, not counted).
        start = answer.revision if answer else 0
        revision = {"base": start}

        def autosave(client: Client):
            response = client.post(
                autosave_url,
                {f"answer-{saved.code}": f"Profiled {next(counter)}",
                 f"base-{saved.code}": revision["base"]},
                headers={"HX-Request": "true"},
            )  # fmt: skip
            revision["base"] += 1
            return response

        def get(url: str) -> Callable[[Client], object]:
            return lambda client: client.get(url)

        return [
            Page(f"section ({section.questions.count()} questions)", contact, get(section_url)),
            Page("dashboard", contact, get(reverse("surveys:contact_dashboard"))),
            Page("autosave", contact, autosave, reset=lambda: revision.update(base=start)),
            Page("cycle overview", reviewer, get(reverse("surveys:cycle_overview", args=[cycle.pk]))),
            Page("review of one reply", reviewer, get(reverse("surveys:reply_review", args=[reviewed.pk]))),
            Page(
                f"coding {coded.code} ({coded.answers.count()} answers)",
                reviewer,
                get(reverse("surveys:coding_question", args=[cycle.pk, coded.code])),
            ),
        ]  # fmt: skip

    # --- Measuring -------------------------------------------------------------------------

    def _client(self, item: Page) -> Client:
        """A signed-in client, inside the transaction that is rolled back."""
        client = Client()
        client.force_login(item.user)
        second_factor_pass(client, item.user, name="profile_pages")
        response = client.get(reverse("home"))  # the session and language settle
        if response.status_code >= 400:
            raise CommandError(
                f"{item.user.username} cannot open the home page ({response.status_code})."
            )
        return client

    def _one(self, item: Page, client: Client):
        response = item.request(client)
        status = getattr(response, "status_code", 0)
        if status >= 300:
            raise CommandError(f"{item.name}: status {status}")
        return response

    def _measure(self, item: Page, repeat: int) -> tuple[list[float], int, int]:
        with transaction.atomic():
            client = self._client(item)
            self._one(item, client)  # warm: templates compiled, caches filled
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                self._one(item, client)
                times.append(1000 * (time.perf_counter() - start))
            with CaptureQueriesContext(connection) as queries:
                response = self._one(item, client)
            transaction.set_rollback(True)
        item.reset()
        size = len(getattr(response, "content", b""))
        return times, len(queries), size

    def _profile(self, item: Page, repeat: int, top: int) -> None:
        profiler = cProfile.Profile()
        with transaction.atomic():
            client = self._client(item)
            self._one(item, client)
            profiler.enable()
            for _ in range(repeat):
                self._one(item, client)
            profiler.disable()
            transaction.set_rollback(True)
        item.reset()
        stats = pstats.Stats(profiler)
        total = sum(entry[2] for entry in stats.stats.values())  # type: ignore[attr-defined]
        by_layer: dict[str, float] = defaultdict(float)
        for (filename, _line, _name), entry in stats.stats.items():  # type: ignore[attr-defined]
            by_layer[_layer(filename)] += entry[2]  # own time (tottime)
        self.stdout.write(self.style.MIGRATE_HEADING(f"\n{item.name}: own time by layer"))
        for layer, seconds in sorted(by_layer.items(), key=lambda kv: -kv[1]):
            if seconds / total >= 0.01:
                self.stdout.write(
                    f"  {layer:<42} {1000 * seconds / repeat:7.1f} ms  {100 * seconds / total:4.0f}%"
                )
        self.stdout.write(
            f"  {'per request (under the profiler)':<42} {1000 * total / repeat:7.1f} ms"
        )
        self.stdout.write(self.style.MIGRATE_HEADING(f"{item.name}: cumulative time, portal code"))
        own = [
            (entry[3], key)
            for key, entry in stats.stats.items()  # type: ignore[attr-defined]
            if any(f"/{app}/" in key[0] for app in ("surveys", "portal", "clusters", "reports"))
            and "/management/" not in key[0]
            and key[2] not in ("__call__", "wrapper")  # the middleware and decorators around views
        ]
        for cumulative, (filename, line, name) in sorted(own, key=lambda kv: -kv[0])[:top]:
            short = filename.split(f"{settings.BASE_DIR}/")[-1]
            self.stdout.write(
                f"  {1000 * cumulative / repeat:7.1f} ms  {100 * cumulative / total:4.0f}%  "
                f"{name} ({short}:{line})"
            )
