from django import template

from portal.multilingual import TextsIn, language_code, language_direction, text_direction

register = template.Library()


@register.filter
def localized(texts):
    """A multilingual text in the active language; a fallback is marked with its own language,
    so screen readers pronounce it right and its direction is kept inside Arabic pages."""
    return TextsIn(language_code())(texts)


@register.filter
def direction(text):
    """The writing direction of a free text: for dir= on answers quoted as written."""
    return text_direction(text)


@register.filter(name="language_direction")
def language_direction_filter(language):
    """The direction a language code is written in: `dir="{{ language|language_direction }}"`."""
    return language_direction(language)
