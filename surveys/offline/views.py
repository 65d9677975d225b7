"""A reply offline: download it as a workbook, fill it in, upload it, see what would change, confirm.

The changes an upload proposes wait in the person's session until they confirm or cancel: the
confirmation sends only the token and the choices for conflicts, never the values themselves.
"""

import secrets
from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from portal.multilingual import LANGUAGE_CODES, language_code
from portal.uploads import upload_limit
from surveys.access import get_reply_for_user
from surveys.exchange.workbook_guards import MAX_FILE_BYTES
from surveys.offline.forms import ReplyXlsxDownloadForm, ReplyXlsxUploadForm
from surveys.offline.services import (
    ProposedChange,
    reply_xlsx_apply,
    reply_xlsx_export,
    reply_xlsx_filename,
    reply_xlsx_preview_rows,
    reply_xlsx_read,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PENDING = "reply_xlsx_imports"  # session key: token -> an upload waiting for confirmation
MAX_PENDING = 5


@login_required
def reply_xlsx_download(request, pk):
    reply = get_reply_for_user(request, pk)
    language = request.GET.get("language") or language_code()
    if language not in LANGUAGE_CODES:
        raise Http404("No such language.")
    upload_url = request.build_absolute_uri(reverse("surveys:reply_xlsx_upload", args=[reply.pk]))
    data = reply_xlsx_export(reply=reply, language=language, by=request.user, upload_url=upload_url)
    response = HttpResponse(data, content_type=XLSX)
    filename = reply_xlsx_filename(reply, language)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@upload_limit(lambda: MAX_FILE_BYTES)
def reply_xlsx_upload(request, pk):
    reply = get_reply_for_user(request, pk, answering=True)
    form = ReplyXlsxUploadForm(request.POST or None, request.FILES or None)
    reading, status = None, 200
    if not reply.is_answerable:
        form, status = None, (409 if request.method == "POST" else 200)
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        reading = reply_xlsx_read(reply=reply, data=upload.read())
        if reading.ok:
            token = _keep(request, reply, reading, upload.name)
            return redirect("surveys:reply_xlsx_preview", pk=reply.pk, token=token)
        status = 422
    return render(
        request,
        "surveys/offline/upload.html",
        {
            "reply": reply,
            "form": form,
            "download_form": ReplyXlsxDownloadForm(initial={"language": language_code()}),
            "reading": reading,
            "active_action": "offline",
        },
        status=status,
    )


@login_required
def reply_xlsx_preview(request, pk, token):
    reply = get_reply_for_user(request, pk, answering=True)
    pending = request.session.get(PENDING, {}).get(token)
    if not pending or pending["reply"] != reply.pk or pending["user"] != request.user.pk:
        messages.warning(
            request, _("This upload is no longer waiting for confirmation: upload the file again.")
        )
        return redirect("surveys:reply_xlsx_upload", pk=reply.pk)
    changes = [ProposedChange(**c) for c in pending["changes"]]
    if request.method == "POST":
        if pending.get("outcome") is None:
            if "cancel" in request.POST:
                _forget(request, token)
                messages.info(request, _("Nothing was imported."))
                return redirect("surveys:reply_xlsx_upload", pk=reply.pk)
            use_file = {
                c.question_id
                for c in changes
                if c.conflict and request.POST.get(f"conflict-{c.question_id}") == "file"
            }
            outcome = reply_xlsx_apply(
                reply=reply, changes=changes, use_file=use_file, by=request.user
            )
            pending["outcome"] = asdict(outcome)
            request.session.modified = True
        return redirect("surveys:reply_xlsx_preview", pk=reply.pk, token=token)
    rows = reply_xlsx_preview_rows(reply=reply, changes=changes, language=language_code())
    outcome = pending.get("outcome")
    if outcome:
        skipped = dict(outcome["skipped"])
        for row in rows:
            row.saved = row.change.code in outcome["saved"]
            row.kept = row.change.code in outcome["kept"]
            row.skipped = skipped.get(row.change.code, "")
    return render(
        request,
        "surveys/offline/preview.html",
        {
            "reply": reply,
            "pending": pending,
            "token": token,
            "rows": rows,
            "changes": [r for r in rows if not r.change.conflict],
            "conflicts": [r for r in rows if r.change.conflict],
            "outcome": outcome,
            "saved_count": len(outcome["saved"]) if outcome else 0,
            "active_action": "offline",
            "downloaded_at": parse_datetime(pending["downloaded_at"] or ""),
        },
    )


def _keep(request, reply, reading, file_name: str) -> str:
    """Keep the changes of an upload in the session until confirmed; return their token."""
    imports = {
        key: value
        for key, value in request.session.get(PENDING, {}).items()
        if value.get("reply") != reply.pk
    }
    while len(imports) >= MAX_PENDING:
        imports.pop(next(iter(imports)))
    token = secrets.token_urlsafe(16)
    imports[token] = {
        "reply": reply.pk,
        "user": request.user.pk,
        "file": file_name[:200],
        "uploaded_at": timezone.now().isoformat(timespec="seconds"),
        "downloaded_at": reading.downloaded_at,
        "language": reading.language,
        "changes": [asdict(c) for c in reading.changes],
        "kept": reading.kept,
        "unchanged": reading.unchanged,
        "outcome": None,
    }
    request.session[PENDING] = imports
    return token


def _forget(request, token: str) -> None:
    imports = request.session.get(PENDING, {})
    imports.pop(token, None)
    request.session[PENDING] = imports
