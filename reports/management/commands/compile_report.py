import argparse
import datetime
import uuid
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.jobs import JobStatus, job_run
from portal.models import User
from portal.roles import Role
from reports.compiling import services
from reports.models import Report
from surveys.models import Cycle, ReplyStatus
from surveys.questionnaires.seeding import DEMO_APPROVED, DEMO_CYCLES

MASTHEAD_OPTIONS = (
    "masthead options: --agenda-item, --agenda-item-title, --session, --session-place, "
    "--session-opens, --session-closes"
)
# The demonstration's masthead: the Commission's thirty-sixth session, as each language writes it.
DEMO_SESSION = {
    "en": ("Thirty-sixth session", "Vienna"),
    "fr": ("Trente-sixième session", "Vienne"),
    "es": ("36º período de sesiones", "Viena"),
    "ru": ("Тридцать шестая сессия", "Вена"),
    "zh-hans": ("第三十六届会议", "维也纳"),
    "ar": ("الدورة السادسة والثلاثون", "فيينا"),
}
DEMO_DATES = (datetime.date(2027, 5, 17), datetime.date(2027, 5, 21))
DEMO_AGENDA_ITEM = 6
DEMO_SYMBOL = "E/CN.15/2027/13"
# The second demonstration cycle of category (a) (bench.second_cycle), for the thirty-eighth
# session (2029): its report compares it with the first.
DEMO_SECOND = "a2"
DEMO_SESSION_SECOND = {
    "en": ("Thirty-eighth session", "Vienna"),
    "fr": ("Trente-huitième session", "Vienne"),
    "es": ("38º período de sesiones", "Viena"),
    "ru": ("Тридцать восьмая сессия", "Вена"),
    "zh-hans": ("第三十八届会议", "维也纳"),
    "ar": ("الدورة الثامنة والثلاثون", "فيينا"),
}
DEMO_DATES_SECOND = (datetime.date(2029, 5, 14), datetime.date(2029, 5, 18))
DEMO_SYMBOL_SECOND = "E/CN.15/2029/13"


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _demo_masthead(options: dict, demo: str = "a") -> None:
    """Fill what the demonstration's masthead needs and was not given, in the report's language."""
    second = demo == DEMO_SECOND
    sessions, dates = (
        (DEMO_SESSION_SECOND, DEMO_DATES_SECOND) if second else (DEMO_SESSION, DEMO_DATES)
    )
    session, place = sessions.get(options["language"], sessions["en"])
    options["session"] = options["session"] or session
    options["session_place"] = options["session_place"] or place
    options["session_opens"] = options["session_opens"] or dates[0]
    options["session_closes"] = options["session_closes"] or dates[1]
    options["agenda_item"] = options["agenda_item"] or DEMO_AGENDA_ITEM
    options["symbol"] = options.get("symbol") or (DEMO_SYMBOL_SECOND if second else DEMO_SYMBOL)


def _demo_cycle(demo: str) -> Cycle:
    """The demonstration cycle of the category `demo` names (its first), or the second
    demonstration cycle of category (a) for "a2"."""
    if demo == DEMO_SECOND:
        code, index = DEMO_APPROVED, 1
    else:
        code = next(code for code, (letter, _t) in DEMO_CYCLES.items() if letter == demo)
        index = 0
    cycles = Cycle.objects.filter(version__questionnaire__code=code).order_by("opens_on", "pk")
    cycle = cycles[index : index + 1].first()
    if cycle is None:
        raise CommandError("No demonstration cycle: run manage.py seed_demo first.")
    return cycle


class Command(BaseCommand):
    help = (
        "Compile a report of the Secretary-General for one or more cycles, here and now (the same "
        "service the workers run), and write its PDF and statistical annex (XLSX)."
    )

    def add_arguments(self, parser):
        parser.add_argument("cycles", nargs="*", type=int, help="Cycle ids.")
        parser.add_argument(
            "--demo",
            nargs="?",
            const="a",
            choices=sorted([*(letter for letter, _title in DEMO_CYCLES.values()), DEMO_SECOND]),
            help="A demonstration cycle, by the category of its questionnaire: a (the default) "
            "or d; a2 for the second cycle of category (a), compared with the first. Cycle ids "
            "go before it.",
        )
        parser.add_argument("--symbol", default="", help=f"Default: {DEMO_SYMBOL}.")
        parser.add_argument("--language", default="en")
        parser.add_argument(
            "--session", default="", help="Commission session (default: the cycle's)."
        )
        parser.add_argument(
            "--session-place", default="", help="Where the session meets, e.g. Vienna."
        )
        parser.add_argument(
            "--session-opens", type=_date, help="First day of the session (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--session-closes", type=_date, help="Last day of the session (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--agenda-item", type=int, help="The item's number on the provisional agenda, e.g. 6."
        )
        parser.add_argument(
            "--agenda-item-title", default="", help="Default: the usual title, in the language."
        )
        parser.add_argument("--title", default="")
        parser.add_argument(
            "--statuses",
            default=ReplyStatus.ACCEPTED,
            help="Reply statuses counted, comma-separated (default: accepted).",
        )
        parser.add_argument(
            "--user", default="", help="Who asks (default: the first administrator)."
        )
        parser.add_argument("-o", "--output", default=".", help="Directory for the files.")

    def handle(self, *args, cycles, demo, output, **options):
        chosen = list(Cycle.objects.filter(pk__in=cycles))
        if demo:
            chosen.append(_demo_cycle(demo))
        if not chosen or len(chosen) < len(set(cycles)) + int(bool(demo)):
            raise CommandError("Name existing cycle ids, or --demo.")
        statuses = [s.strip() for s in options["statuses"].split(",") if s.strip()]
        unknown = set(statuses) - set(ReplyStatus.values)
        if unknown:
            noun = "status" if len(unknown) == 1 else "statuses"
            raise CommandError(f"Unknown reply {noun}: {', '.join(sorted(unknown))}")
        by = self._user(options["user"])
        if demo:
            _demo_masthead(options, demo)
        options["symbol"] = options["symbol"] or DEMO_SYMBOL
        if options["agenda_item"] is None:
            raise CommandError(
                "--agenda-item: the number of the item on the provisional agenda (e.g. 6) is "
                "required; --agenda-item-title gives its title."
            )
        try:
            report = services.report_request(
                cycles=chosen,
                by=by,
                symbol=options["symbol"],
                commission_session=options["session"],
                session_place=options["session_place"],
                session_opens_on=options["session_opens"],
                session_closes_on=options["session_closes"],
                agenda_item_number=options["agenda_item"],
                agenda_item_title=options["agenda_item_title"],
                title=options["title"],
                language=options["language"],
                reply_statuses=statuses,
                again=True,
                enqueue=False,
            )
        except services.ReportRefused as refused:
            raise CommandError(f"{refused} ({MASTHEAD_OPTIONS})") from None

        def work(job, progress):
            def say(percent, stage=""):
                progress(percent, stage)
                self.stdout.write(f"  {percent:3d}% {stage}")

            services.report_compile(report=job, progress=say)

        job_run(model=Report, pk=report.pk, task_id=f"command-{uuid.uuid4()}", work=work)
        report.refresh_from_db()
        if report.status != JobStatus.READY:
            raise CommandError(f"The report failed: {report.error}")
        directory = Path(output)
        directory.mkdir(parents=True, exist_ok=True)
        base = f"{report.symbol.replace('/', '_')}-{report.language}-v{report.number}"
        for field, extension in ((report.pdf, "pdf"), (report.xlsx, "xlsx")):
            path = directory / f"{base}.{extension}"
            with field.open("rb") as source:
                path.write_bytes(source.read())
            self.stdout.write(self.style.SUCCESS(f"Wrote {path}"))
        self.stdout.write(
            f"Report {report.pk} (version {report.number}): {report.page_count} pages; "
            f"{report.figures['replied']} of {report.figures['invited']} respondents replied."
        )

    def _user(self, username: str) -> User:
        if username:
            user = User.objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"No user {username!r}.")
            if not user.is_administrator:
                raise CommandError(
                    f"{username!r} is not an administrator: only they ask for reports."
                )
            return user
        user = User.objects.filter(role=Role.ADMINISTRATOR).order_by("pk").first()
        if user is None:
            raise CommandError("No administrator to ask for the report: pass --user.")
        return user
