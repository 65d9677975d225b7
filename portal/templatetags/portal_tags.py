from django import template

from portal.multilingual import in_language as _in_language

register = template.Library()


@register.filter
def in_language(texts, language=None):
    """A multilingual text in the active language (or `language`), with fallback."""
    return _in_language(texts, language)
