from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.multilingual import language_code


def _items(user):
    yield "home", _("Home"), reverse("home")
    yield "standards", _("Standards and norms"), reverse("clusters:standard_index")
    if not user.is_authenticated:
        return
    if user.is_contact_person:
        yield (
            "my_respondent",
            user.respondent.list_name(),
            reverse("respondent_detail", args=[user.respondent.code]),
        )
        yield "consultations", _("Consultations"), reverse("surveys:consultation_inbox")
    if user.is_secretariat:
        yield "respondents", _("Respondents"), reverse("respondent_index")
        yield "questionnaires", _("Questionnaires"), reverse("surveys:questionnaire_index")
    if user.is_administrator:
        yield "admin", _("Administration"), reverse("admin:index")


def navigation(request):
    """The menu for the signed-in user's role, and the language switcher's choices."""
    user = request.user
    path = request.path
    items = []
    for key, label, url in _items(user):
        active = path == url if url == "/" else path.startswith(url)
        items.append({"key": key, "label": label, "url": url, "active": active})
    return {
        "navigation": items,
        "portal_languages": settings.LANGUAGES,
        "current_language": language_code(),
        "portal_name": settings.PORTAL_NAME,
    }
