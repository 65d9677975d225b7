"""What the review views share: the address of a reply's review page."""

from django.urls import reverse

from portal.multilingual import LANGUAGE_CODES
from surveys.models import Reply


def review_url(reply: Reply, anchor: str = "", language: str = "") -> str:
    url = reverse("surveys:reply_review", args=[reply.pk])
    if language in LANGUAGE_CODES:
        url += f"?language={language}"
    return url + (f"#{anchor}" if anchor else "")
