from django.core.management.base import BaseCommand, CommandError

from clusters.services import taxonomy_load
from portal.reference import ReferenceDataError
from portal.services import respondents_load, roles_sync
from surveys.coding.services import codebook_load


class Command(BaseCommand):
    help = (
        "Load the categories, clusters, standards, respondent types, Member States, role "
        "groups and the coding codebook. Idempotent: existing rows are kept as staff left them "
        "unless --update is given (never for the codebook, which administrators edit); the "
        "taxonomy and the standards only gain the languages they lack."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite existing rows from the files (undoes corrections made in the admin).",
        )

    def handle(self, *args, update, verbosity, **options):
        try:
            results = [
                *taxonomy_load(update=update),
                *respondents_load(update=update),
                roles_sync(),
                # The codebook is only ever completed: administrators edit it in the portal.
                codebook_load(),
            ]
        except ReferenceDataError as error:
            raise CommandError(str(error)) from error
        if verbosity:
            for result in results:
                self.stdout.write(f"  {result}")
            self.stdout.write(self.style.SUCCESS("Reference data loaded."))
