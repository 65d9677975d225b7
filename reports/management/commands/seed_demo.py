from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.demo import DEMO_PASSWORD, DEMO_TOTP_BASE32, demo_seed
from portal.models import Respondent, User


class Command(BaseCommand):
    help = "Create one demo account for each role (idempotent) and print the logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Seed even when DJANGO_ENV=production (demo passwords are public).",
        )

    def handle(self, *args, allow_production, **options):
        if settings.PRODUCTION and not allow_production:
            raise CommandError(
                "Refusing to create demo accounts with public passwords in production; "
                "pass --allow-production if this really is a demonstration server."
            )
        if not Respondent.objects.exists():
            raise CommandError("Load the reference data first: manage.py load_reference_data")
        results = demo_seed()
        from surveys.questionnaires.seeding import questionnaires_demo_seed

        administrator = User.objects.get(username="admin")
        self.stdout.write(self.style.SUCCESS("Demo questionnaires"))
        for line in questionnaires_demo_seed(administrator=administrator):
            self.stdout.write(f"  {line}")
        from clusters.services import experts_demo_seed

        experts = experts_demo_seed()
        self.stdout.write(f"  roster of experts: {sum(c for _e, c in experts)} fictitious added")
        from bench.synthetic import demo_replies_fill
        from portal.demo import DEMO_ACCOUNTS
        from surveys.models import Cycle
        from surveys.questionnaires.seeding import DEMO_CYCLES, demo_situations_seed

        keep = tuple(a.respondent_code for a in DEMO_ACCOUNTS if a.respondent_code)
        for code, (letter, _title) in DEMO_CYCLES.items():
            cycle = (
                Cycle.objects.filter(version__questionnaire__code=code)
                .order_by("opens_on", "pk")
                .first()
            )
            if cycle is None:
                continue
            filled = demo_replies_fill(cycle=cycle, by=administrator, keep=keep)
            if filled:
                self.stdout.write(
                    f"  {code}: {filled} Member States' replies answered with generated text, "
                    "submitted and coded, so that a report can be compiled "
                    f"(manage.py compile_report --demo {letter})"
                )
        self._second_cycle(administrator, keep)
        from bench.outcomes import assistance_outcomes_demo_seed

        if outcomes := assistance_outcomes_demo_seed(administrator=administrator):
            self.stdout.write(f"  {outcomes}")
        situations = demo_situations_seed(administrator=administrator)
        if situations:
            self.stdout.write(f"  {situations}")
        from reports.presentations.seeding import presentations_demo_seed

        presentation = presentations_demo_seed(administrator=administrator)
        if presentation:
            self.stdout.write(f"  {presentation}")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo logins"))
        self.stdout.write(f"  {'username':<10} {'role':<22} {'answers for':<22} language  password")
        for account, _created in results:
            answers_for = ""
            if account.respondent_code:
                answers_for = Respondent.objects.get(code=account.respondent_code).list_name("en")
            self.stdout.write(
                f"  {account.username:<10} {account.role.label!s:<22} {answers_for:<22} "
                f"{account.language:<9} {DEMO_PASSWORD}"
            )
        self.stdout.write(
            "  (an account that already existed keeps the password it has; "
            "the demo password is set when the account is created)"
        )
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Second factor of the demo's admin and reviewer"))
        self.stdout.write(
            f"  After the password they are asked for a code. Add the demo key {DEMO_TOTP_BASE32} "
            "to an authenticator app, or print the current code with `manage.py demo_code`. "
            "(Public like the password; an account that set up its own app keeps it.)"
        )

    def _second_cycle(self, administrator: User, keep: tuple) -> None:
        """The category (a) questionnaire's second version and cycle, after the first."""
        from bench.second_cycle import demo_second_cycle_seed
        from surveys.models import Cycle
        from surveys.questionnaires.seeding import DEMO_APPROVED

        first = (
            Cycle.objects.filter(version__questionnaire__code=DEMO_APPROVED)
            .order_by("opens_on", "pk")
            .first()
        )
        if first is not None:
            second = demo_second_cycle_seed(first=first, by=administrator, keep=keep)
            if second:
                self.stdout.write(f"  {second}")
