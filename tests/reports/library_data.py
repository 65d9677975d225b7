"""Shared set-up for the library and publication tests: compiled report versions made directly
(tiny PDF and XLSX files), and published replies."""

import io
from functools import cache

from django.core.files.base import ContentFile
from django.utils import timezone
from openpyxl import Workbook

from portal.jobs import JobStatus
from portal.pdf import html_to_pdf
from reports.models import Report
from surveys.models import ReplySnapshot, ReplyStatus

SESSION = "Thirty-sixth session (2027)"


@cache
def tiny_pdf() -> bytes:
    return html_to_pdf(html="<html><body><p>Report of the Secretary-General</p></body></html>")


def tiny_xlsx(title: str = "Replies") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(["Regional group", "Replies"])
    sheet.append(["African States", 12])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def compiled_report(
    by, *, symbol="E/CN.15/2027/13", language="en", number=1, session=SESSION,
    category=None, title="Use and application of standards and norms", status=JobStatus.READY,
    audience="", published_by=None,
) -> Report:  # fmt: skip
    """A report version as compilation leaves it (ready, with its files), optionally published
    (`audience`) straight in the database."""
    report = Report.objects.create(
        requested_by=by, symbol=symbol, language=language, number=number,
        commission_session=session, agenda_item_number=6, title=title, category=category,
        status=status, parameters_key=f"{symbol}|{language}|{number}", figures={"replies": 12},
    )  # fmt: skip
    if status == JobStatus.READY:
        report.pdf.save("report.pdf", ContentFile(tiny_pdf()), save=False)
        report.xlsx.save("annex.xlsx", ContentFile(tiny_xlsx()), save=False)
        report.page_count = 1
        report.save(update_fields=["pdf", "xlsx", "page_count"])
    if audience:
        report.audience, report.published_at = audience, timezone.now()
        report.published_by = published_by or by
        report.save(update_fields=["audience", "published_at", "published_by"])
    return report


def submitted(reply, by, answers: dict, *, may_publish=True, accepted=True) -> ReplySnapshot:
    """A submission of `reply` with `answers` ({code: value or (value, other)}), accepted."""
    number = reply.snapshots.count() + 1
    snapshot = ReplySnapshot.objects.create(
        reply=reply,
        number=number,
        answers={
            code: {
                "value": value[0] if isinstance(value, tuple) else value,
                "other": value[1] if isinstance(value, tuple) else "",
                "files": [],
            }
            for code, value in answers.items()
        },
        may_publish=may_publish,
        submitted_by=by,
        submitted_at=timezone.now(),
    )
    reply.status = ReplyStatus.ACCEPTED if accepted else ReplyStatus.SUBMITTED
    reply.may_publish, reply.submitted_at, reply.submitted_by = may_publish, timezone.now(), by
    reply.save()
    return snapshot
