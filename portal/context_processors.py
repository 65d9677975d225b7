from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.multilingual import language_code


def _items(user):
    yield "home", _("Home"), reverse("home")
    yield "standards", _("Standards and norms"), reverse("clusters:standard_index")
    if not (user.is_authenticated and user.is_secretariat):
        # The published reports and replies; staff reach the library from their reports page.
        yield "library", _("Reports"), reverse("reports:library")
    if not user.is_authenticated:
        return
    if user.is_contact_person:
        yield (
            "my_respondent",
            user.respondent.list_name(),
            reverse("respondent_detail", args=[user.respondent.code]),
        )
        yield "my_questionnaires", _("My questionnaires"), reverse("surveys:contact_dashboard")
        yield "consultations", _("Consultations"), reverse("surveys:consultation_inbox")
    if user.is_secretariat:
        yield "respondents", _("Respondents"), reverse("respondent_index")
        yield "questionnaires", _("Questionnaires"), reverse("surveys:questionnaire_index")
        yield "cycles", _("Cycles"), reverse("surveys:cycle_index")
        yield "assistance", _("Technical assistance"), reverse("surveys:assistance_index")
        yield "experts", _("Experts"), reverse("clusters:expert_index")
        yield "reports", _("Reports"), reverse("reports:report_index")
    if user.is_administrator:
        yield "admin", _("Administration"), reverse("admin:index")


# A reply's pages (/questionnaires/replies/...) sit under the questionnaires' address, but the
# staff reach a reply from its cycle, and a contact person from "My questionnaires".
_READ_FROM_REPLIES = ("cycles", "my_questionnaires")


def _replies_prefix() -> str:
    url = reverse("surveys:reply_detail", args=[1])
    return url[: url.rindex("/1/") + 1]


def _cycle_work_prefixes() -> list[str]:
    """The coding, the codebook and the extracts (/questionnaires/coding/... and the like) are
    reached from a cycle's page: they light up 'Cycles', not 'Questionnaires'."""
    urls = [
        reverse("surveys:coding_index", args=[1]),
        reverse("surveys:codebook_index"),
        reverse("surveys:extract_download", args=[1]),
    ]
    return [url[: url.index("/", len(reverse("surveys:questionnaire_index"))) + 1] for url in urls]


def navigation(request):
    """The menu for the signed-in user's role, and the language switcher's choices."""
    user = request.user
    path = request.path
    items = [{"key": key, "label": label, "url": url} for key, label, url in _items(user)]
    # One item is current: the one whose address (or an address it also covers) is the longest
    # start of this page's.
    replies = _replies_prefix()
    prefixes = [(item, item["url"]) for item in items]
    prefixes += [(item, replies) for item in items if item["key"] in _READ_FROM_REPLIES]
    prefixes += [
        (item, prefix)
        for item in items
        if item["key"] == "cycles"
        for prefix in _cycle_work_prefixes()
    ]
    matches = [
        (item, prefix)
        for item, prefix in prefixes
        if path == prefix or (prefix != "/" and path.startswith(prefix))
    ]
    best = max(matches, key=lambda match: len(match[1]), default=None)
    current = best[0] if best else None
    for item in items:
        item["active"] = item is current
    return {
        "navigation": items,
        "portal_languages": settings.LANGUAGES,
        "current_language": language_code(),
        "portal_name": settings.PORTAL_NAME,
    }
