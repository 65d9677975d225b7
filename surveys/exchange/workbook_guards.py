"""The guards every uploaded workbook passes, an XLSForm (surveys.exchange.reader) or a reply filled
in offline (surveys.offline): the file's size, the archive's entry count and uncompressed size and
the absence of a document type declaration are checked before openpyxl opens it, openpyxl parses
XML through defusedxml, and a sheet is read up to MAX_ROWS rows.
"""

import io
import zipfile

import openpyxl.xml

# openpyxl uses defusedxml when it is installed; refuse to parse untrusted files otherwise.
if not openpyxl.xml.DEFUSEDXML:  # pragma: no cover - defusedxml is a declared dependency
    raise ImportError("defusedxml must be installed to read uploaded workbooks safely")

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 1000
MAX_ROWS = 5000


def check_archive(data: bytes) -> str | None:
    """What makes `data` unsafe or no workbook at all, checked before any parser sees it; or None."""
    if len(data) > MAX_FILE_BYTES:
        return f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ARCHIVE_ENTRIES:
                return f"the workbook holds more than {MAX_ARCHIVE_ENTRIES} parts"
            if sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_BYTES:
                return "the workbook unpacks to more than 100 MB"
            if "xl/workbook.xml" not in archive.namelist():
                return "the file is not an Excel workbook (.xlsx)"
            # Workbooks never declare a DTD; one that does may carry entity expansion (an "XML
            # bomb"). Refuse it before any parser sees it, whichever parser openpyxl uses.
            for entry in entries:
                with archive.open(entry) as part:
                    if b"<!DOCTYPE" in part.read(4096).upper():
                        return "the workbook cannot be read: it holds a document type declaration"
    except zipfile.BadZipFile:
        return "the file is not an Excel workbook (.xlsx)"
    return None


def float_text(value: float) -> str:
    """A number read from a cell as the text typed: 3.0 -> "3", 2.5 -> "2.5"."""
    return str(int(value)) if value.is_integer() else str(value)
