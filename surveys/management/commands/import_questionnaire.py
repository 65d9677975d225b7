from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.models import User
from surveys.exchange.services import questionnaire_import


class Command(BaseCommand):
    help = (
        "Import an XLSForm workbook as the next draft version of its questionnaire. "
        "All or nothing: any error is listed with its sheet, row and column, and nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--category", help="a, b, c or d, for a file whose settings do not say")
        parser.add_argument("--form-id", help="the questionnaire's code, for a file without one")
        parser.add_argument(
            "--skip-unsupported",
            action="store_true",
            help="leave out rows of question types the portal does not support (they are listed)",
        )
        parser.add_argument("--by", help="username recorded as the version's author")

    def handle(self, *args, path, category, form_id, skip_unsupported, by, **options):
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        author = None
        if by:
            author = User.objects.filter(username=by).first()
            if author is None:
                raise CommandError(f"--by: no user {by!r}")
        outcome = questionnaire_import(
            data=path.read_bytes(),
            by=author,
            form_id=form_id,
            category=category,
            skip_unsupported=skip_unsupported,
        )
        for warning in outcome.warnings:
            self.stderr.write(f"warning: {warning}")
        if outcome.errors:
            for error in outcome.errors:
                self.stderr.write(f"error: {error}")
            errors = len(outcome.errors)
            noun = "error" if errors == 1 else "errors"
            raise CommandError(f"{path.name}: {errors} {noun}; nothing was imported")
        version = outcome.version
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {version.questionnaire.code} version {version.number} "
                f"({version.questions.count()} questions) as a draft."
            )
        )
