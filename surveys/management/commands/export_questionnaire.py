from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from surveys.exchange.services import version_export, version_export_filename
from surveys.models import QuestionnaireVersion


class Command(BaseCommand):
    help = (
        "Write a questionnaire version as an XLSForm workbook (survey, choices, settings sheets)."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="the questionnaire's code (the XLSForm form_id)")
        parser.add_argument("--number", type=int, help="version number (default: the latest)")
        parser.add_argument("-o", "--output", type=Path, help="file or folder (default: here)")

    def handle(self, *args, code, number, output, **options):
        versions = QuestionnaireVersion.objects.filter(questionnaire__code=code).select_related(
            "questionnaire"
        )
        if number is not None:
            versions = versions.filter(number=number)
        chosen = versions.order_by("-number").first()
        if chosen is None:
            raise CommandError(
                f"no questionnaire {code!r}" + (f" with a version {number}" if number else "")
            )
        target = output or Path(".")
        if target.is_dir():
            target = target / version_export_filename(chosen)
        target.write_bytes(version_export(version=chosen))
        self.stdout.write(self.style.SUCCESS(f"Wrote {target}"))
