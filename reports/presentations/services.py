"""Country presentations: asking for one, compiling it (a Celery worker on the "documents" queue,
never a web request), and publishing it with the respondent's consent (annex, paras. 7 and 24)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from clusters.models import Cluster
from portal.bidi import isolated_html
from portal.jobs import JobStatus, job_enqueue
from portal.localformats import date_text
from portal.models import Respondent, User
from portal.multilingual import in_language, language_direction, list_letter, sort_key
from portal.pdf import html_to_pdf_pages
from reports.library.publication import audiences_for
from reports.presentations.content import (
    PresentationContent,
    presentation_content,
    separator,
)
from reports.presentations.models import Presentation
from surveys.models import Reply

LANGUAGES = [code for code, _name in settings.LANGUAGES]
AUDIENCES = ("delegates", "public")


class PresentationRefused(Exception):
    """The presentation cannot be asked for, or published, so; the message says why."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def presentation_request(
    *,
    respondent: Respondent,
    cluster: Cluster,
    languages: Iterable[str],
    by: User,
    again: bool = False,
    enqueue: bool = True,
) -> list[Presentation]:
    """Ask for the presentation of `cluster` in `respondent`, one per language; returns the jobs.
    Secretariat staff only (PermissionDenied otherwise). A language whose presentation is queued,
    compiling, or ready and unpublished gives that one back instead of compiling it twice;
    `again` ("compile again") always makes a new version."""
    if not (by.is_authenticated and by.is_secretariat):
        raise PermissionDenied
    languages = list(dict.fromkeys(languages))
    if not languages:
        raise PresentationRefused(_("Languages: choose at least one."))
    unknown = [code for code in languages if code not in LANGUAGES]
    if unknown:
        raise PresentationRefused(_("Languages: %(codes)s is not one of the six.") % {
            "codes": ", ".join(unknown)
        })  # fmt: skip
    made = []
    with transaction.atomic():
        # Two requests at once for the same respondent wait here, so they share one version.
        Respondent.objects.select_for_update().filter(pk=respondent.pk).first()
        for language in languages:
            mine = Presentation.objects.filter(
                respondent=respondent, cluster=cluster, language=language
            )
            pending = (
                mine.filter(
                    Q(status__in=(JobStatus.QUEUED, JobStatus.RUNNING))
                    | Q(status=JobStatus.READY, published_at__isnull=True)
                )
                .order_by("-number")
                .first()
            )
            if pending is not None and not again:
                made.append(pending)
                continue
            latest = mine.aggregate(number=Max("number"))["number"] or 0
            presentation = Presentation.objects.create(
                respondent=respondent, cluster=cluster, language=language,
                number=latest + 1, requested_by=by,
            )  # fmt: skip
            if enqueue:
                job_enqueue(job=presentation)
            made.append(presentation)
    return made


def presentation_render(*, presentation: Presentation) -> tuple[PresentationContent, str]:
    """The presentation's content and its printable HTML, in its language."""
    language = presentation.language
    with translation.override(language):
        content = presentation_content(
            respondent=presentation.respondent, cluster=presentation.cluster, language=language
        )
        html = render_to_string(
            "reports/presentations/presentation.html",
            {
                "presentation": presentation,
                "content": content,
                "language": language,
                "direction": language_direction(language),
                "respondent_name": presentation.respondent.list_name(language),
                "respondent_of": presentation.respondent.of_name(language),
                "cluster_letter": list_letter(presentation.cluster.letter, language),
                "cluster_title": in_language(presentation.cluster.title, language),
                "date": date_text(timezone.localdate(), language),
                "separator": separator(language),
                "running_label": _("Country presentation · %(code)s · cluster (%(letter)s)")
                % {
                    "code": presentation.respondent.code,
                    "letter": list_letter(presentation.cluster.letter, language),
                },
            },
        )
    return content, isolated_html(html, language_direction(language))


def presentation_compile(
    *, presentation: Presentation, progress: Callable[[int, str], None]
) -> Presentation:
    """Compile `presentation`: content → HTML → PDF, saved on the row with the replies used."""
    progress(10, _("Gathering the replies"))
    content, html = presentation_render(presentation=presentation)
    progress(40, _("Making the PDF"))
    pdf, pages = html_to_pdf_pages(html=html)
    progress(90, _("Saving the files"))
    name = (
        f"presentation-{presentation.respondent.code}-{presentation.cluster.letter}-"
        f"{presentation.language}-v{presentation.number}.pdf"
    )
    presentation.pdf.save(name, ContentFile(pdf), save=False)
    presentation.page_count = pages
    presentation.save(update_fields=["pdf", "page_count"])
    presentation.replies.set(content.replies)
    return presentation


def presentation_publish(*, presentation: Presentation, by: User, audience: str) -> Presentation:
    """Publish the ready `presentation` to `audience` ("delegates" or "public"), or make one
    published to the delegates public. Administrators only (PermissionDenied otherwise).

    Refused (PresentationRefused) unless the respondent agreed to the publication of every reply
    the presentation is made from (Reply.may_publish), and for one not ready or already published
    to that audience or wider."""
    if not (by.is_authenticated and by.is_administrator):
        raise PermissionDenied
    if audience not in AUDIENCES:
        raise PresentationRefused(_("Choose who the presentation is published to."))
    with transaction.atomic():
        presentation = Presentation.objects.select_for_update().get(pk=presentation.pk)
        if presentation.status != JobStatus.READY or not presentation.pdf:
            raise PresentationRefused(
                _("Only a compiled presentation, with its PDF, can be published.")
            )
        if presentation.is_published and (
            presentation.audience == "public" or audience == "delegates"
        ):
            raise PresentationRefused(
                _("This version has already been published to %(audience)s.")
                % {"audience": presentation.get_audience_display()}
            )
        _consent_checked(presentation)
        presentation.audience = audience
        presentation.published_at, presentation.published_by = timezone.now(), by
        presentation.save(update_fields=["audience", "published_at", "published_by"])
    return presentation


def _consent_checked(presentation: Presentation) -> None:
    replies = list(presentation.replies.select_related("cycle"))
    if not replies:
        raise PresentationRefused(
            _("The presentation holds no reply, so there is nothing to publish.")
        )
    refused = [reply for reply in replies if reply.may_publish is not True]
    if refused:
        cycles = ", ".join(in_language(reply.cycle.title) for reply in refused)
        raise PresentationRefused(
            _(
                "%(respondent)s has not agreed to the publication of its reply to %(cycles)s: "
                "the presentation cannot be published."
            )
            % {"respondent": presentation.respondent.list_name(), "cycles": cycles}
        )


def _published_for(user: User | AnonymousUser) -> Q:
    """Published to an audience of `user` (the library's rule, `audiences_for`), and still with
    the consent of the respondent to the publication of every reply presented: a reply whose
    consent was withdrawn since (a resubmission saying no) takes the presentation out of the
    library."""
    withdrawn = Reply.objects.exclude(may_publish=True).values("pk")
    return Q(published_at__isnull=False, audience__in=audiences_for(user)) & ~Q(
        pk__in=Presentation.replies.through.objects.filter(reply__in=withdrawn).values(
            "presentation"
        )
    )


def presentations_readable_by(user: User | AnonymousUser) -> QuerySet[Presentation]:
    """The presentations `user` may download: published ones to the public for everyone, to the
    delegates as well for delegates and the Secretariat, while the respondent's consent stands
    (`_published_for`); every compiled one for the Secretariat."""
    readable = _published_for(user)
    if user.is_authenticated and user.is_secretariat:
        readable |= Q(status=JobStatus.READY)
    return Presentation.objects.filter(readable)


def presentations_in_library(
    *, user: User | AnonymousUser, language: str, category: str = "", document_language: str = ""
) -> list[Presentation]:
    """The published presentations `user` may read, for the library: the latest version of each
    (respondent, cluster, language), by respondent in the reader's alphabetical order, then
    cluster, the reader's language first. `category` and `document_language` filter as the
    library's filters do. One query."""
    published = Presentation.objects.filter(_published_for(user)).select_related(
        "respondent", "cluster__category"
    )
    if category:
        published = published.filter(cluster__category__letter=category)
    if document_language:
        published = published.filter(language=document_language)
    latest: dict[tuple[int, int, str], Presentation] = {}
    for presentation in published:
        key = (presentation.respondent_id, presentation.cluster_id, presentation.language)
        if key not in latest or latest[key].number < presentation.number:
            latest[key] = presentation
    return sorted(
        latest.values(),
        key=lambda p: (
            sort_key(p.respondent.list_name(language), language),
            p.cluster.priority,
            p.language != language,
            LANGUAGES.index(p.language),
        ),
    )
