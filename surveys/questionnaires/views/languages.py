"""Translations side by side and what is missing in each language."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.multilingual import (
    LANGUAGE_CODES,
    in_language,
    language_code,
    language_direction,
)
from surveys.access import get_version_for_secretariat
from surveys.questionnaires import services
from surveys.questionnaires.forms import (
    TranslationForm,
)
from surveys.questionnaires.selectors import version_with_content
from surveys.questionnaires.views._common import (
    LANGUAGE_NAMES,
    TEXT_KINDS,
    _chosen_language,
    _frozen,
)

# --- Translations and completeness -------------------------------------------------------------------


def _language_html(code: str):
    """A language's own name, isolated so that it reads right inside a sentence of any direction."""
    return format_html('<bdi lang="{}">{}</bdi>', code, LANGUAGE_NAMES[code])


@login_required
def version_translations(request, pk):
    version = get_version_for_secretariat(request, pk)
    original = version.original_language
    targets = [code for code in LANGUAGE_CODES if code != original]
    default = language_code() if language_code() in targets else targets[0]
    language = _chosen_language(request, default)
    if language == original:
        return redirect(
            f"{reverse('surveys:version_translations', args=[pk])}?language={targets[0]}"
        )
    editable = request.user.is_administrator and version.is_editable
    if request.method == "POST":
        if not request.user.is_administrator:
            raise PermissionDenied
        if not version.is_editable:
            return _frozen(request, version, attempted=True)
    content = version_with_content(pk=version.pk)
    items = services.version_texts(version=content)
    form = TranslationForm(request.POST or None, items=items, language=language, editable=editable)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.version_translations_save(
                version=version, language=language, texts=form.cleaned_data, by=request.user
            )
        except (services.VersionFrozen, IntegrityError):
            version.refresh_from_db()
            return _frozen(request, version, attempted=True)
        messages.success(
            request,
            ngettext(
                "%(count)s text saved in %(language)s.",
                "%(count)s texts saved in %(language)s.",
                count,
            )
            % {"count": count, "language": LANGUAGE_NAMES[language]},
        )
        return redirect(f"{reverse('surveys:version_translations', args=[pk])}?language={language}")
    rows = [
        {
            "item": item,
            "field": form[item.key],
            "kind": TEXT_KINDS[item.kind],
            "source": item.in_language(original),
            "label": _("%(what)s in %(language)s")
            % {
                "what": f"{TEXT_KINDS[item.kind]} {item.where}".strip(),
                "language": LANGUAGE_NAMES[language],
            },
        }
        for item in items
    ]
    missing = sum(1 for item in items if not item.in_language(language))
    return render(
        request,
        "surveys/questionnaires/translations.html",
        {
            "version": content,
            "version_tab": "translations",
            "language": language,
            "language_name": LANGUAGE_NAMES[language],
            "language_html": _language_html(language),
            "language_direction": language_direction(language),
            "original_direction": language_direction(original),
            "original_name": LANGUAGE_NAMES[original],
            "languages": [(code, LANGUAGE_NAMES[code]) for code in targets],
            "form": form,
            "rows": rows,
            "missing": missing,
            "editable": editable,
        },
    )


@login_required
def version_completeness(request, pk):
    version = get_version_for_secretariat(request, pk)
    content = version_with_content(pk=version.pk)
    items = services.version_texts(version=content)
    translations_url = reverse("surveys:version_translations", args=[pk])
    languages = []
    opened = False
    for code in LANGUAGE_CODES:
        missing = [item for item in items if not item.in_language(code)]
        present = len(items) - len(missing)
        percent = 100 if not items else int(present * 100 / len(items))
        is_open = bool(missing) and not opened and code != content.original_language
        opened = opened or is_open
        languages.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "name_html": _language_html(code),
                "open": is_open,
                "original": code == content.original_language,
                "present": present,
                "total": len(items),
                "percent": percent,
                "missing": [
                    {
                        "kind": TEXT_KINDS[item.kind],
                        "where": item.where,
                        "source": in_language(item.texts, content.original_language),
                        "url": f"{translations_url}?language={code}#id_{item.key}",
                    }
                    for item in missing
                ],
            }
        )
    return render(
        request,
        "surveys/questionnaires/completeness.html",
        {
            "version": content,
            "version_tab": "completeness",
            "languages": languages,
            "original_name": LANGUAGE_NAMES[content.original_language],
        },
    )
