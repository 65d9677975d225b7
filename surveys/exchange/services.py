"""Questionnaires in and out as XLSForm workbooks (surveys.exchange.xlsform), all or nothing."""

from dataclasses import dataclass, field

from portal.models import User
from surveys.exchange.reader import read_workbook
from surveys.exchange.writer import write_workbook
from surveys.models import QuestionnaireVersion
from surveys.questionnaires.versions import (
    DocumentRejected,
    version_document,
    version_from_document,
)


@dataclass
class QuestionnaireImportOutcome:
    """What importing a workbook gave: the version saved (None if refused), and why not."""

    version: QuestionnaireVersion | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def questionnaire_import(
    *, data: bytes, by: User | None, form_id: str | None = None, category: str | None = None,
    skip_unsupported: bool = False,
) -> QuestionnaireImportOutcome:  # fmt: skip
    """Import a workbook as the next version of its questionnaire; on any error, save nothing and
    say every error with its sheet, row and column."""
    read = read_workbook(
        data, form_id=form_id, category=category, skip_unsupported=skip_unsupported
    )
    if read.document is None or not read.ok:
        return QuestionnaireImportOutcome(None, read.errors, read.warnings)
    try:
        version = version_from_document(document=read.document, by=by)
    except DocumentRejected as rejected:
        return QuestionnaireImportOutcome(
            None, [read.located(p) for p in rejected.problems], read.warnings
        )
    return QuestionnaireImportOutcome(version, [], read.warnings)


def version_export(*, version: QuestionnaireVersion) -> bytes:
    """The version as an XLSForm workbook; importing it gives back the same version."""
    return write_workbook(version_document(version=version))


def version_export_filename(version: QuestionnaireVersion) -> str:
    return f"{version.questionnaire.code}-v{version.number}.xlsx"
