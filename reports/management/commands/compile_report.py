import uuid
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.jobs import JobStatus, job_run
from portal.models import User
from portal.roles import Role
from reports.compiling import services
from reports.models import Report
from surveys.models import Cycle, ReplyStatus
from surveys.questionnaires.seeding import DEMO_APPROVED


class Command(BaseCommand):
    help = (
        "Compile a report of the Secretary-General for one or more cycles, here and now (the same "
        "service the workers run), and write its PDF and statistical annex (XLSX)."
    )

    def add_arguments(self, parser):
        parser.add_argument("cycles", nargs="*", type=int, help="Cycle ids.")
        parser.add_argument("--demo", action="store_true", help="The demonstration cycle.")
        parser.add_argument("--symbol", default="E/CN.15/2027/13")
        parser.add_argument("--language", default="en")
        parser.add_argument(
            "--session", default="", help="Commission session (default: the cycle's)."
        )
        parser.add_argument("--session-dates", default="")
        parser.add_argument("--agenda-item", default="")
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
            demo_cycle = (
                Cycle.objects.filter(version__questionnaire__code=DEMO_APPROVED)
                .order_by("-opens_on", "-pk")
                .first()
            )
            if demo_cycle is None:
                raise CommandError("No demonstration cycle: run manage.py seed_demo first.")
            chosen.append(demo_cycle)
        if not chosen or len(chosen) < len(set(cycles)) + int(demo):
            raise CommandError("Name existing cycle ids, or --demo.")
        statuses = [s.strip() for s in options["statuses"].split(",") if s.strip()]
        unknown = set(statuses) - set(ReplyStatus.values)
        if unknown:
            noun = "status" if len(unknown) == 1 else "statuses"
            raise CommandError(f"Unknown reply {noun}: {', '.join(sorted(unknown))}")
        by = self._user(options["user"])
        try:
            report = services.report_request(
                cycles=chosen,
                by=by,
                symbol=options["symbol"],
                commission_session=options["session"],
                session_dates=options["session_dates"],
                agenda_item=options["agenda_item"],
                title=options["title"],
                language=options["language"],
                reply_statuses=statuses,
                again=True,
                enqueue=False,
            )
        except services.ReportRefused as refused:
            raise CommandError(str(refused)) from None

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
