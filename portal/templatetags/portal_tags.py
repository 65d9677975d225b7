from django import template
from django.utils.html import format_html

from portal.multilingual import RIGHT_TO_LEFT, language_code, text_and_language, text_direction

register = template.Library()


@register.filter
def localized(texts):
    """A multilingual text in the active language; a fallback is marked with its own language,
    so screen readers pronounce it right and its direction is kept inside Arabic pages."""
    text, code = text_and_language(texts)
    if code == language_code():
        return text
    direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
    return format_html('<span lang="{}" dir="{}">{}</span>', code, direction, text)


@register.filter
def direction(text):
    """The writing direction of a free text: for dir= on answers quoted as written."""
    return text_direction(text)
