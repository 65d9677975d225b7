"""What the review views share: the address of a reply's review page, and addresses of many rows
made without reversing each."""

from collections.abc import Callable

from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from portal.multilingual import LANGUAGE_CODES
from surveys.models import Reply


def review_url(reply: Reply, anchor: str = "", language: str = "") -> str:
    url = reverse("surveys:reply_review", args=[reply.pk])
    if language in LANGUAGE_CODES:
        url += f"?language={language}"
    return url + (f"#{anchor}" if anchor else "")


# A pk no row has, to find where a pk goes in a reversed URL.
_MARKER = "2147483647"


def url_for_each(name: str, *args) -> Callable[[int], str]:
    """The URL named `name` for `args` and a last argument, a pk: the URL is reversed once, and
    each row's is made by putting its pk in place (a page of a hundred rows reverses no URL a
    row)."""
    url = reverse(name, args=[*args, int(_MARKER)])
    head, found, tail = url.rpartition(_MARKER)
    if not found or _MARKER in head:
        return lambda pk: reverse(name, args=[*args, pk])
    return lambda pk: f"{head}{int(pk)}{tail}"


def with_values(translated: str, **values) -> SafeString:
    """A translated text with its %(name)s values put in, each escaped, as {% blocktranslate %}
    writes it: for a text repeated on every row of a long page, made once per row in Python."""
    escaped = {name: conditional_escape(value) for name, value in values.items()}
    return mark_safe(translated % escaped)  # noqa: S308 - the values are escaped
