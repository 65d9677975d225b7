"""The suite's shared fixtures: the standard actors, reference data, and real services.

Actors (STYLE.md): a contact person of State A (`state_a_contact`, and as its lead contact
`lead`), a contact person of State B (`state_b_contact`, who should have no access to State A), a
`reviewer`, an `administrator`, a Commission `delegate` and an anonymous visitor
(`client_for(None)`). Each app's conftest adds what its tests share (tests/surveys/conftest.py: an
open cycle and Kenya's reply); tests/factories.py builds the rest.
"""

import io
import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

from portal.celery import app as celery_app
from portal.roles import Role
from tests.factories import user_with_role
from tests.module_data import kept_for_the_module
from tests.reference_snapshot import reference_data_restore
from tests.requests_in_flight import BrowserRequests, ServerRequests
from tests.second_factor import verified
from tests.services import REQUIRE_SERVICES, SERVICE_FACTS, require_service

# Playwright's sync API runs an event loop in the test thread; Django's ORM must be told it is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
STATE_A, STATE_B = "KEN", "SEN"


def pytest_report_header(config):
    db = django_settings.DATABASES["default"]
    host = db.get("HOST") or "local file"
    return [
        f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({host})",
        f"celery broker: {django_settings.CELERY_BROKER_URL or 'none (tasks run eagerly)'}",
        f"REQUIRE_SERVICES={'1' if REQUIRE_SERVICES else '0'}",
    ]


def pytest_terminal_summary(terminalreporter):
    if SERVICE_FACTS:
        terminalreporter.section("services used by this run")
        for fact in SERVICE_FACTS:
            terminalreporter.write_line(fact)


@pytest.fixture(autouse=True)
def _language_reset():
    """Django keeps the active language per thread after a request; each test starts in English."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _caches_emptied():
    """Each test starts with empty caches: what one test kept (a frozen version's content, by a
    number SQLite gives again after a rollback) never answers another's request."""
    from django.core.cache import caches

    from surveys.questionnaires.selectors import frozen_versions_forget

    for alias in caches:
        caches[alias].clear()
    frozen_versions_forget()


@pytest.fixture(autouse=True)
def _fast_and_eager(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tasks run in the test's process unless a test asks for a real worker.
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_reference_data", verbosity=0)


@pytest.fixture(autouse=True)
def _frozen_versions_can_be_flushed(request):
    """After a transactional test (live server, real worker) Django empties the tables. PostgreSQL
    does it with TRUNCATE, which row triggers do not see; SQLite deletes row by row, and the
    triggers that freeze approved versions refuse. Clear those tables with the triggers lifted,
    then put the triggers back, so the next test gets the database exactly as migrated."""
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("transactional_db")
    yield
    if connection.vendor != "sqlite":
        return
    from importlib import import_module

    from django.apps import apps

    frozen = import_module("surveys.migrations.0002_frozen_versions")
    published = import_module("reports.migrations.0002_published_reports_frozen")
    # The report's frozen columns as the latest migration that changed them left them.
    masthead = import_module("reports.migrations.0004_report_masthead_fields")
    with connection.schema_editor(atomic=True) as editor:
        frozen.drop_triggers(apps, editor)
        published.drop_triggers(apps, editor)
        editor.execute("UPDATE surveys_questionnaireversion SET based_on_id = NULL")
        for table in ("reports_report_cycles", "reports_report_standards", "reports_report"):
            editor.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
        for table in (
            "answertheme", "usefulpractice", "assistancematch", "assistancenote",
            "assistancerequest_standards", "assistancerequest", "reviewcomment", "replyevent",
            "replyextract",
            "attachment", "answerchange", "answer", "replysnapshot", "remindersent", "reply",
            "cycleinvitation", "cycle",
            "consultationcomment", "consultation_respondents", "consultation", "questionstandard",
            "choice", "question", "section", "questionnaireversion",
        ):  # fmt: skip
            editor.execute(f"DELETE FROM surveys_{table}")  # noqa: S608 - fixed table names
        frozen.create_triggers(apps, editor)
        published.create_triggers(apps, editor, frozen=masthead.FROZEN_AFTER)


def _reference_data_present() -> bool:
    """Whether the reference data is in the database: each loader's last rows are there. Only a
    transactional test's flush takes them away, and it takes every row of every table."""
    from django.contrib.auth.models import Group

    from clusters.models import Standard
    from portal.models import Respondent
    from portal.services import ACCEPTING_GROUP_NAME
    from surveys.models import Theme

    return (
        Standard.objects.exists()
        and Respondent.objects.filter(code__in=(STATE_A, STATE_B)).count() == 2
        and Group.objects.filter(name=ACCEPTING_GROUP_NAME).exists()
        and Theme.objects.exists()
    )


@pytest.fixture
def reference_data(db):
    """The reference data, reloaded if a transactional test flushed it (a no-op otherwise: loaded
    once for the session, it takes about a second to read the files again)."""
    if not _reference_data_present():
        call_command("load_reference_data", verbosity=0)


def _is_transactional(item) -> bool:
    """As pytest-django tells a test that empties the database after it from one rolled back."""
    names = getattr(item, "fixturenames", ())
    if "transactional_db" in names or "live_server" in names:
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Once a transactional test's flush has emptied the database, the reference data goes back
    (quickly: tests/reference_snapshot.py), so the next test starts with it as the first did."""
    try:
        return (yield)
    finally:
        # After the last test the test database is gone already.
        if nextitem is not None and _is_transactional(item):
            with item.config.stash[blocking_manager_key].unblock():
                if not _reference_data_present():
                    reference_data_restore()


@pytest.fixture(scope="module")
def demo_seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demonstration data of `seed_demo`, seeded once for a module whose tests only read it
    (seeding takes seconds; tests/module_data.py)."""
    yield from kept_for_the_module(
        django_db_blocker,
        tmp_path_factory,
        lambda: call_command("seed_demo", stdout=io.StringIO()),
    )


@pytest.fixture
def state_a_contact(reference_data):
    from portal.models import Respondent

    return user_with_role(
        Role.CONTACT_PERSON, Respondent.objects.get(code=STATE_A), username="contact-a"
    )


@pytest.fixture
def state_b_contact(reference_data):
    from portal.models import Respondent

    return user_with_role(
        Role.CONTACT_PERSON, Respondent.objects.get(code=STATE_B), username="contact-b"
    )


@pytest.fixture
def lead(state_a_contact):
    """State A's contact person, made its lead contact: the one who submits its replies."""
    state_a_contact.is_lead_contact = True
    state_a_contact.save()
    return state_a_contact


@pytest.fixture
def reviewer(reference_data):
    return user_with_role(Role.REVIEWER, username="reviewer")


@pytest.fixture
def administrator(reference_data):
    return user_with_role(Role.ADMINISTRATOR, username="administrator")


@pytest.fixture
def delegate(reference_data):
    return user_with_role(Role.DELEGATE, username="delegate")


@pytest.fixture
def client_for(client):
    """A test client signed in as the given user (or anonymous for None); a reviewer's or
    administrator's session has passed the second factor, as after a real log-in."""

    def sign_in(user):
        client.logout()
        if user is not None:
            client.force_login(user)
            # Staff pass a second factor before any page (portal.twofactor): this session has.
            verified(client, user)
        return client

    return sign_in


# --- PostgreSQL and a real Celery worker reading from Redis ------------------------------------


def _database_url_for_worker() -> str:
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        require_service(
            "PostgreSQL",
            "a worker in another process needs a shared database; set DATABASE_URL to PostgreSQL",
        )
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@dataclass
class WorkerProcess:
    hostname: str
    broker_url: str
    mail_dir: Path
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@pytest.fixture
def celery_worker(transactional_db, tmp_path):
    """A real `celery -A portal worker` process reading from Redis, using the test database."""
    broker_url = django_settings.CELERY_BROKER_URL
    if not broker_url:
        require_service("Redis broker", "set CELERY_BROKER_URL=redis://127.0.0.1:6379/1")
    import redis

    try:
        redis.Redis.from_url(broker_url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        require_service("Redis", f"{broker_url} does not answer ({error})")
    database_url = _database_url_for_worker()

    hostname = f"test-{uuid.uuid4().hex[:8]}@localhost"
    mail_dir = tmp_path / "mail"
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    with log_path.open("w") as log:
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable, "-m", "celery", "-A", "portal", "worker",
                "--pool=solo", "--queues=default,documents", f"--hostname={hostname}",
                "--without-mingle", "--without-gossip", "--loglevel=INFO",
            ],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    worker = WorkerProcess(hostname, broker_url, mail_dir, log_path)
    try:
        deadline = time.monotonic() + 60
        while not celery_app.control.ping(destination=[hostname], timeout=1):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker did not start:\n{worker.log()}")
        celery_app.conf.task_always_eager = False
        yield worker
    finally:
        celery_app.conf.task_always_eager = True
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- A real Chromium driven by Playwright -----------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# Each page reports what the Content-Security-Policy blocked on the console, where the fixture
# below collects it; an init script is not subject to the policy.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || document.location.href}:${event.lineNumber}`
    + ` (${(event.sample || "").slice(0, 80)})`);
});
"""


class CspWatchingBrowser:
    """The browser, whose every context records the Content-Security-Policy violations it meets."""

    def __init__(self, chromium):
        self._chromium = chromium
        self.violations: list[str] = []
        self.contexts: list[tuple[object, BrowserRequests]] = []

    def new_context(self, **options):
        context = self._chromium.new_context(**options)
        self.contexts.append((context, BrowserRequests(context)))
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on("console", self._record)
        context.on("response", self._check_policy_sent)
        return context

    def _record(self, message):
        if "CSP violation" in message.text or "Content Security Policy" in message.text:
            self.violations.append(message.text)

    def _check_policy_sent(self, response):
        is_html = response.headers.get("content-type", "").startswith("text/html")
        if is_html and "content-security-policy" not in response.headers:
            self.violations.append(f"No Content-Security-Policy header on {response.url}")

    def __getattr__(self, name):
        return getattr(self._chromium, name)

    def settle(self):
        """Waits for every open context's requests to be answered, then closes the context."""
        for context, requests in self.contexts:
            open_pages = [page for page in context.pages if not page.is_closed()]
            if open_pages:
                requests.wait_until_answered(open_pages[0])
            context.close()


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        require_service("Chromium", "apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's live server, counting the requests it is handling (requests_in_flight)."""
    live_server.requests = ServerRequests(live_server.thread.httpd.get_app())
    live_server.thread.httpd.set_app(live_server.requests)
    return live_server


@pytest.fixture
def browser(chromium, request):
    """The browser for one test, which fails if a page breaks the Content-Security-Policy. When
    the test ends, what the browser sent is answered before the database is emptied."""
    watching = CspWatchingBrowser(chromium)
    yield watching
    watching.settle()
    if "live_server" in request.fixturenames:
        request.getfixturevalue("live_server").requests.wait_until_quiet()
    assert not watching.violations, "The Content-Security-Policy blocked:\n" + "\n".join(
        dict.fromkeys(watching.violations)
    )


@pytest.fixture
def page(browser, live_server, request):
    """A fresh browser context on the live server; a failing test leaves a screenshot behind. The
    browser fixture closes the context once its requests are answered."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    browser_page = context.new_page()
    yield browser_page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        artifacts = ROOT / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        browser_page.screenshot(path=str(artifacts / f"{request.node.name}.png"), full_page=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
