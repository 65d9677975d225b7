"""The guards every uploaded workbook passes, an XLSForm (surveys.exchange.reader) or a reply filled
in offline (surveys.offline): the file's size, the archive's entry count and uncompressed size and
the absence of a document type declaration are checked before openpyxl opens it, openpyxl parses
XML through defusedxml, and a sheet is read up to MAX_ROWS rows.
"""

import io
import zipfile

import openpyxl.xml
from django.utils.translation import gettext as _

# openpyxl uses defusedxml when it is installed; refuse to parse untrusted files otherwise.
if not openpyxl.xml.DEFUSEDXML:  # pragma: no cover - defusedxml is a declared dependency
    raise ImportError("defusedxml must be installed to read uploaded workbooks safely")

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 1000
MAX_ROWS = 5000
# An .xls file is an OLE2 compound document: binary records, no XML, nothing to unpack.
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_xls(data: bytes) -> bool:
    """Whether `data` is an Excel 97-2003 workbook (.xls) rather than an .xlsx archive."""
    return data[:8] == _OLE2_MAGIC


def check_archive(data: bytes, *, allow_xls: bool = False) -> str | None:
    """What makes `data` unsafe or no workbook at all, checked before any parser sees it; or None.

    With `allow_xls` (the XLSForm import) an .xls file passes on its size alone: it holds no XML
    and no compressed parts, and xlrd reads it without following anything outside it."""
    if len(data) > MAX_FILE_BYTES:
        return _("the file is larger than %(size)s MB") % {"size": MAX_FILE_BYTES // (1024 * 1024)}
    if allow_xls and is_xls(data):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ARCHIVE_ENTRIES:
                return _("the workbook holds more than %(count)s parts") % {
                    "count": MAX_ARCHIVE_ENTRIES
                }
            if sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_BYTES:
                return _("the workbook unpacks to more than %(size)s MB") % {
                    "size": MAX_UNCOMPRESSED_BYTES // (1024 * 1024)
                }
            if "xl/workbook.xml" not in archive.namelist():
                return _not_a_workbook(allow_xls)
            # Workbooks never declare a DTD; one that does may carry entity expansion (an "XML
            # bomb"). Refuse it before any parser sees it, whichever parser openpyxl uses.
            for entry in entries:
                with archive.open(entry) as part:
                    if b"<!DOCTYPE" in part.read(4096).upper():
                        return _(
                            "the workbook cannot be read: it holds a document type declaration"
                        )
    except zipfile.BadZipFile:
        return _not_a_workbook(allow_xls)
    return None


def _not_a_workbook(allow_xls: bool) -> str:
    if allow_xls:
        return _("the file is not an Excel workbook (.xlsx or .xls)")
    return _("the file is not an Excel workbook (.xlsx)")


def float_text(value: float) -> str:
    """A number read from a cell as the text typed: 3.0 -> "3", 2.5 -> "2.5"."""
    return str(int(value)) if value.is_integer() else str(value)
