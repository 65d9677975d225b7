from django import template

from portal.fragment_cache import kept_template
from portal.multilingual import (
    TextsIn,
    in_language,
    language_code,
    language_direction,
    language_name,
    list_letter,
    text_direction,
)
from portal.provisions import provision_text

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


@register.filter
def plain(texts):
    """A multilingual text in the active language, else English, else any, as plain text: for
    e-mails, <title> and attributes, where a marked fallback cannot be shown."""
    return in_language(texts)


@register.filter
def language_name_local(code):
    """The name of a language code in the active language ("arabe" on a French page)."""
    return language_name(code)


@register.filter(name="list_letter")
def list_letter_filter(letter):
    """A category's or cluster's letter as the active language writes it: (a), or (أ) in Arabic."""
    return list_letter(letter)


@register.filter
def provision(text):
    """A standard's provision ("art. 1, para. 2") in the active language ("الفقرة 2 من المادة 1")."""
    return provision_text(text, language_code())


@register.simple_tag
def labelled_error(label, error):
    """One line of a form's error summary: the field's label before its message, unless the
    message already starts with it ('Agenda item: a number, e.g. 6.' is not labelled twice)."""
    message, name = str(error), str(label or "").strip()
    if not name or message.casefold().startswith(name.casefold()):
        return message
    return f"{name}: {message}"


@register.simple_tag
def kept(template_name, **values):
    """`template_name` drawn from `values` alone (like `{% include ... with ... only %}`) and kept
    in the cache (portal.fragment_cache.kept_template): for a piece drawn often from a few plain
    values (the answering progress, after every autosave). The values must be JSON-able or text."""
    return kept_template(template_name, values)
