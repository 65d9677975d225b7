"""Files given with a reply: the answer to a file question, or a supporting document (a law, a
policy). Only PDF, DOCX, ODT and XLSX are accepted, recognised by their content and not only by
their name; they are stored privately under a random token and never removed, only marked so.

Settings (read with defaults): ATTACHMENT_MAX_BYTES (20 MB), ATTACHMENT_MAX_ARCHIVE_ENTRIES (1000
parts in a DOCX, ODT or XLSX), ATTACHMENT_MAX_UNCOMPRESSED_BYTES (500 MB once unpacked).
"""

import hashlib
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models import User
from surveys.answering.services import ReplyLocked
from surveys.models import Attachment, Question, QuestionType, Reply

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"

# The main part's content type in [Content_Types].xml says exactly what an Office file is.
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_OFFICE_MACROS = ("macroenabled", "vbaproject", "vnd.ms-office.activex")
_ODT_MACRO_FOLDERS = ("Basic/", "Scripts/")
_SMALL_PART = 1024 * 1024  # [Content_Types].xml and mimetype are a few kilobytes


@dataclass(frozen=True)
class FileKind:
    extension: str
    content_type: str
    label: str  # how the messages name it


def _kinds() -> dict[str, FileKind]:
    return {
        "pdf": FileKind(".pdf", PDF, _("a PDF document")),
        "docx": FileKind(".docx", DOCX, _("a Word document (DOCX)")),
        "xlsx": FileKind(".xlsx", XLSX, _("an Excel workbook (XLSX)")),
        "odt": FileKind(".odt", ODT, _("an OpenDocument text (ODT)")),
    }


ACCEPTED_EXTENSIONS = (".pdf", ".docx", ".odt", ".xlsx")
ACCEPT_ATTRIBUTE = ",".join([*ACCEPTED_EXTENSIONS, PDF, DOCX, ODT, XLSX])


def max_bytes() -> int:
    return getattr(settings, "ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)


def _max_entries() -> int:
    return getattr(settings, "ATTACHMENT_MAX_ARCHIVE_ENTRIES", 1000)


def _max_uncompressed() -> int:
    return getattr(settings, "ATTACHMENT_MAX_UNCOMPRESSED_BYTES", 500 * 1024 * 1024)


class AttachmentRefused(Exception):
    """The file is not accepted; the message names the file and says why. Nothing was saved."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


# --- What a file really is -----------------------------------------------------------------------


def _refuse(name: str, reason: str, **values) -> AttachmentRefused:
    return AttachmentRefused(
        _("“%(name)s”: %(reason)s")
        % {"name": name, "reason": reason % values if values else reason}
    )


def _office_kind(archive: zipfile.ZipFile, names: set[str], name: str) -> str:
    """The kind of an Office archive: docx, xlsx, odt, or zip for any other. Refuses macros."""
    if "mimetype" in names:
        with archive.open("mimetype") as part:
            mimetype = part.read(_SMALL_PART).decode("ascii", "replace").strip()
        if mimetype == ODT:
            if any(n.startswith(_ODT_MACRO_FOLDERS) for n in names):
                raise _refuse(name, _("the document contains macros, which are not accepted."))
            return "odt"
        return "zip"
    if "[Content_Types].xml" not in names:
        return "zip"
    with archive.open("[Content_Types].xml") as part:
        content_types = part.read(_SMALL_PART).decode("utf-8", "replace").lower()
    if any(marker in content_types for marker in _OFFICE_MACROS) or any(
        n.lower().endswith("vbaproject.bin") for n in names
    ):
        raise _refuse(
            name,
            _(
                "the file contains macros, which are not accepted. Save it without macros "
                "(as .docx or .xlsx) and upload it again."
            ),
        )
    if "word/document.xml" in names and _DOCX_MAIN in content_types:
        return "docx"
    if "xl/workbook.xml" in names and _XLSX_MAIN in content_types:
        return "xlsx"
    return "zip"


def _sniff(upload, name: str) -> str:
    """What the content is: "pdf", "docx", "xlsx", "odt", "zip" (another archive) or "other"."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return "other"
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            # Only two small parts are ever read; the limits stop a file that would unpack to
            # gigabytes in whoever opens it next (a reviewer's office suite, a virus scanner).
            if len(entries) > _max_entries():
                raise _refuse(
                    name,
                    _("the file holds more than %(count)s parts; it is refused as unsafe."),
                    count=_max_entries(),
                )
            if sum(entry.file_size for entry in entries) > _max_uncompressed():
                raise _refuse(
                    name,
                    _("the file would unpack to more than %(size)s; it is refused as unsafe."),
                    size=filesizeformat(_max_uncompressed()),
                )
            if any(entry.flag_bits & 0x1 for entry in entries):
                raise _refuse(name, _("the file is encrypted; upload it without a password."))
            return _office_kind(archive, {entry.filename for entry in entries}, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError):
        return "other"
    finally:
        upload.seek(0)


def attachment_check(*, upload) -> FileKind:
    """The kind of an uploaded file (PDF, DOCX, XLSX or ODT), or AttachmentRefused naming the file
    and the reason: another type, a name that does not match the content, macros, too large."""
    name = PurePath(upload.name or "").name or _("the file")
    kinds = _kinds()
    extension = PurePath(name).suffix.lower()
    if extension not in ACCEPTED_EXTENSIONS:
        if extension in (".docm", ".xlsm", ".dotm", ".xltm", ".xlsb"):
            raise _refuse(name, _("files with macros are not accepted. Save it as .docx or .xlsx."))
        raise _refuse(
            name,
            _(
                "only PDF, Word (.docx), OpenDocument text (.odt) and Excel (.xlsx) files "
                "are accepted."
            ),
        )
    if upload.size == 0:
        raise _refuse(name, _("the file is empty."))
    if upload.size > max_bytes():
        raise _refuse(
            name,
            _("the file is %(size)s, more than the %(limit)s allowed."),
            size=filesizeformat(upload.size),
            limit=filesizeformat(max_bytes()),
        )
    found = _sniff(upload, name)
    expected = extension.removeprefix(".")
    if found == expected:
        return kinds[found]
    if found in kinds:
        raise _refuse(
            name,
            _("the name ends in %(extension)s but the file is %(kind)s. Correct its name."),
            extension=extension,
            kind=kinds[found].label,
        )
    raise _refuse(
        name,
        _("the name ends in %(extension)s but the file is not %(kind)s."),
        extension=extension,
        kind=kinds[expected].label,
    )


# --- Adding and removing --------------------------------------------------------------------------


def _require_contact_person(reply: Reply, by: User) -> None:
    if not (
        by.is_authenticated and by.is_contact_person and by.respondent_id == reply.respondent_id
    ):
        raise PermissionDenied


def _locked_answerable(reply: Reply) -> Reply:
    """The reply, locked until the transaction ends, so that no file slips in while it is being
    submitted; ReplyLocked once it is submitted."""
    reply = Reply.objects.select_for_update().get(pk=reply.pk)
    if not reply.is_answerable:
        raise ReplyLocked(_("This reply has been submitted; its files can no longer be changed."))
    return reply


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def attachment_add(
    *, reply: Reply, by: User, upload, question: Question | None = None, description: str = ""
) -> Attachment:
    """Keep `upload` with `reply`: as the answer to the file question `question`, or as a supporting
    document (no question). Raises AttachmentRefused (nothing saved), ReplyLocked or
    PermissionDenied (only the reply's own contact persons add files)."""
    _require_contact_person(reply, by)
    if question is not None and (
        question.version_id != reply.cycle.version_id or question.type != QuestionType.FILE
    ):
        raise AttachmentRefused(
            _("%(code)s does not take a file in this reply.") % {"code": question.code}
        )
    kind = attachment_check(upload=upload)
    # Control characters would break the Content-Disposition header of the download.
    name = "".join(c for c in PurePath(upload.name).name if c.isprintable()) or "file"
    token = secrets.token_urlsafe(32)
    stored = None
    try:
        with transaction.atomic():
            reply = _locked_answerable(reply)
            attachment = Attachment(
                reply=reply,
                question=question,
                token=token,
                original_name=name[:255],
                content_type=kind.content_type,
                size=upload.size,
                sha256=_sha256(upload),
                description=description.strip()[:300],
                uploaded_by=by,
            )
            # The stored name is the token: nothing the uploader chose reaches the file system.
            attachment.file.save(token, upload, save=False)
            stored = attachment.file.name
            attachment.save()
    except BaseException:
        if stored:
            attachment.file.storage.delete(stored)
        raise
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment, by: User) -> Attachment:
    """Mark a file removed (it stays stored: a submitted snapshot may name it)."""
    _require_contact_person(attachment.reply, by)
    _locked_answerable(attachment.reply)
    attachment = Attachment.objects.select_for_update().get(pk=attachment.pk)
    if attachment.removed_at is None:
        attachment.removed_at = timezone.now()
        attachment.save(update_fields=["removed_at"])
    return attachment
