"""The files of the open data: CSV, XLSX and JSON of one cycle's published answers, each with the
licence and a citation.

Where the licence and the citation go: the JSON has them as top-level fields, the XLSX on a
"README" sheet before the data. A CSV has no standard place for a comment (a "#" line breaks
readers that follow RFC 4180), so the CSV is data only, a header row then one row per answer;
its response names the licence and the page that describes the data (with the citation and the
codebook) in `Link` headers (RFC 8288: rel="license", rel="describedby"), and the download page
shows both beside the link.
"""

import csv
import datetime
import io
import json
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from opendata.selectors import COLUMNS, OpenData, column_descriptions
from portal.localformats import date_text
from portal.workbooks import new_cell, safe_row
from surveys.models import Cycle

CSV = "text/csv; charset=utf-8; header=present"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JSON = "application/json"


def licence() -> dict[str, str]:
    """The licence the published replies are shared under (OPEN_DATA_LICENCE_NAME and _URL)."""
    return {"name": settings.OPEN_DATA_LICENCE_NAME, "url": settings.OPEN_DATA_LICENCE_URL}


def citation(
    *, title: str, cycle: Cycle, language: str, url: str, on: datetime.date | None = None
) -> str:
    """How to cite a cycle's open data, in `language`."""
    on = on or timezone.localdate()
    with translation.override(language):
        return _(
            "United Nations Office on Drugs and Crime, replies to the questionnaire “%(title)s” "
            "(%(cycle)s) that respondents agreed to publish, standards and norms portal, "
            "%(url)s, retrieved on %(date)s."
        ) % {
            "title": title,
            "cycle": cycle.title_in(language),
            "url": url,
            "date": date_text(on, language),
        }


def _citation(data: OpenData, url: str) -> str:
    return citation(title=data.title, cycle=data.cycle, language=data.language, url=url)


def filename(data: OpenData, extension: str) -> str:
    questionnaire = data.cycle.version.questionnaire.code
    return f"{questionnaire}-cycle-{data.cycle.pk}-published-replies-{data.language}.{extension}"


def as_csv(data: OpenData) -> bytes:
    """UTF-8 without a byte-order mark, comma-separated, every field quoted when it needs it."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(data.rows)
    return out.getvalue().encode("utf-8")


def as_json(data: OpenData, *, url: str) -> bytes:
    document: dict[str, Any] = {
        "title": data.title,
        "licence": licence(),
        "citation": _citation(data, url),
        "source": url,
        "language": data.language,
        "cycle": {
            "id": data.cycle.pk,
            "title": data.cycle.title_in(data.language),
            "commission_session": data.cycle.session_in(data.language),
            "opens_on": data.cycle.opens_on.isoformat(),
            "deadline": data.cycle.deadline.isoformat(),
            "questionnaire": data.cycle.version.questionnaire.code,
            "version": data.cycle.version.number,
        },
        "columns": column_descriptions(),
        "questions": data.questions,
        "rows": data.rows,
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def as_xlsx(data: OpenData, *, url: str) -> bytes:
    """A README sheet (title, licence, citation, what each column holds), the answers, and the
    codebook, under names that stay the same in every language; every text cell through portal.workbooks (text never becomes a formula)."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    with translation.override(data.language):
        readme = workbook.create_sheet("README")
        readme.append([_bold(readme, data.title, bold)])
        for key, value in (
            (_("Cycle"), data.cycle.title_in(data.language)),
            (_("Licence"), f"{licence()['name']} {licence()['url']}"),
            (_("Citation"), _citation(data, url)),
            (_("Source"), url),
            (_("Language"), data.language),
        ):
            readme.append(safe_row(readme, [key, value]))
        readme.append([])
        readme.append([new_cell(readme, _("Column")), new_cell(readme, _("What it holds"))])
        for column, description in column_descriptions().items():
            readme.append(safe_row(readme, [column, description]))
        answers = workbook.create_sheet("answers")
        answers.append([_bold(answers, column, bold) for column in COLUMNS])
        for row in data.rows:
            answers.append(safe_row(answers, [row[c] for c in COLUMNS]))
        codebook = workbook.create_sheet("codebook")
        headers = (
            "question",
            "section",
            "question_type",
            "question_text",
            "item",
            "value",
            "label",
        )
        codebook.append([_bold(codebook, h, bold) for h in headers])
        for q in data.questions:
            codebook.append(
                safe_row(codebook, [q["code"], q["section"], q["type"], q["text"], "", "", ""])
            )
            for row in q["rows"]:
                codebook.append(
                    safe_row(codebook, [q["code"], "", "", "", row["value"], "", row["label"]])
                )
            for choice in q["choices"]:
                codebook.append(
                    safe_row(
                        codebook, [q["code"], "", "", "", "", choice["value"], choice["label"]]
                    )
                )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _bold(sheet, value: str, font: Font):
    cell = new_cell(sheet, value)
    cell.font = font
    return cell
