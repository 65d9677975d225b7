from django.core.management.base import BaseCommand, CommandError

from surveys.answering.prefill import cycle_prefill
from surveys.cycles.selectors import previous_cycle
from surveys.models import Cycle


class Command(BaseCommand):
    help = (
        "Pre-fill a cycle's replies again from each respondent's last accepted reply of an earlier "
        "cycle of the same questionnaire, for the unchanged questions not answered yet (e.g. after "
        "earlier replies were accepted once the cycle was open). Idempotent: nothing saved is "
        "overwritten, nothing is carried twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("cycle", type=int, help="the cycle's id (its page's address shows it)")

    def handle(self, *args, cycle, **options):
        found = Cycle.objects.select_related("version", "created_by").filter(pk=cycle).first()
        if found is None:
            raise CommandError(f"no cycle {cycle}")
        earlier = previous_cycle(found)
        if earlier is None:
            raise CommandError(f"cycle {cycle} has no earlier cycle of the same questionnaire")
        # The history names the administrator who opened the cycle, as when it opened.
        count = cycle_prefill(cycle=found, by=found.created_by)
        self.stdout.write(
            self.style.SUCCESS(
                f"{count} answers carried over into '{found}' (earlier: '{earlier}')"
            )
        )
