"""Texts held in the six official languages of the United Nations.

A multilingual text is a JSON object keyed by the portal's language codes ({"en": ..., "ar": ...}).
One row carries every translation, so reading a page in any language costs no extra query, and
a missing translation falls back to the text's original language rather than showing nothing.
"""

import re
import unicodedata
from functools import cache, lru_cache

import pyuca
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
RIGHT_TO_LEFT = frozenset({"ar"})


def language_direction(language: str) -> str:
    """The direction `language` is written in: "rtl" or "ltr" (for `dir` attributes, sheets and
    print templates). For free text in an unknown language, see `text_direction`."""
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def language_code(language: str | None = None) -> str:
    """The portal's code for `language` (default: the active one): "zh-Hans" -> "zh-hans"."""
    language = (language or get_language() or settings.LANGUAGE_CODE).lower()
    if language in LANGUAGE_CODES:
        return language
    base = language.split("-")[0]
    if base == "zh":
        return "zh-hans"
    return base if base in LANGUAGE_CODES else settings.LANGUAGE_CODE


def text_and_language(
    texts: dict | None, language: str | None = None, *, fallback: str = "en"
) -> tuple[str, str]:
    """The text in `language` (default: the active one), else in `fallback`, else in any
    language, with the code of the language it is in."""
    code = language_code(language)
    for candidate in (code, fallback, *LANGUAGE_CODES):
        value = (texts or {}).get(candidate)
        if value:
            return value, candidate
    return "", code


def in_language(texts: dict | None, language: str | None = None, *, fallback: str = "en") -> str:
    """The text in `language` (default: the active language), else in `fallback`, else any."""
    return text_and_language(texts, language, fallback=fallback)[0]


# UNTERM short names carry the article used in running text: "Gambia (the)", "Afghanistan (l')".
# Lists and tables drop it; a parenthesis that is part of the name ("Bolivia (Plurinational
# State of)") stays.
_ARTICLE = re.compile(r"\s*\((?:the|l'|le|la|les|el|los|las)\)\s*$", re.IGNORECASE)


def without_article(name: str) -> str:
    return _ARTICLE.sub("", name)


@cache
def _collator() -> pyuca.Collator:
    return pyuca.Collator()


_ARABIC_ARTICLE = re.compile(r"^ال")
_ARABIC_ALEF_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})


def sort_key(text: str, language: str | None = None) -> tuple:
    """A key that sorts names as a list in `language` does (Unicode Collation Algorithm).

    Arabic lists of States ignore the article and the hamza on alef: الأردن sorts as اردن,
    and إثيوبيا beside أذربيجان.
    """
    return _sort_key(text, language_code(language) == "ar")


@lru_cache(maxsize=8192)
def _sort_key(text: str, arabic: bool) -> tuple:
    # Kept: the same few hundred names are sorted on every list page, and the collation of a
    # name never changes.
    if arabic:
        text = _ARABIC_ARTICLE.sub("", text).translate(_ARABIC_ALEF_FORMS)
    return _collator().sort_key(text)


class MultilingualTextWidget(forms.MultiWidget):
    template_name = "portal/widgets/multilingual.html"

    def __init__(self, *, multiline: bool = False, attrs=None):
        widget = (
            forms.Textarea(attrs={"rows": 3, "class": "form-control"})
            if multiline
            else forms.TextInput(attrs={"class": "form-control"})
        )
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {}
        for code in LANGUAGE_CODES:
            # Each input keeps its own language's direction, whatever the page's.
            own = {**widget.attrs, "lang": code, "dir": language_direction(code)}
            widgets[code] = type(widget)(attrs=own)
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code in LANGUAGE_CODES]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        names = dict(settings.LANGUAGES)
        for code, subwidget in zip(LANGUAGE_CODES, context["widget"]["subwidgets"], strict=True):
            subwidget["language_name"] = names[code]
        return context


class MultilingualTextFormField(forms.MultiValueField):
    def __init__(self, *, multiline: bool = False, required_languages=("en",), **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        self.required_languages = tuple(required_languages)
        fields = [forms.CharField(required=False, strip=True) for _code in LANGUAGE_CODES]
        super().__init__(
            fields,
            widget=MultilingualTextWidget(multiline=multiline),
            require_all_fields=False,
            **kwargs,
        )

    def compress(self, data_list):
        data_list = data_list or [""] * len(LANGUAGE_CODES)
        return {code: text for code, text in zip(LANGUAGE_CODES, data_list, strict=True) if text}

    def validate(self, value):
        super().validate(value)
        if self.required:
            missing = [code for code in self.required_languages if not (value or {}).get(code)]
            if missing:
                raise ValidationError(
                    _("The text is required in: %(languages)s."),
                    params={"languages": ", ".join(missing)},
                    code="required_language",
                )


class MultilingualTextField(models.JSONField):
    """A text in the six official languages, stored as one JSON object."""

    def __init__(self, *args, multiline: bool = False, **kwargs):
        self.multiline = multiline
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.multiline:
            kwargs["multiline"] = True
        if kwargs.get("default") is dict:
            del kwargs["default"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return MultilingualTextFormField(
            multiline=self.multiline,
            required=not self.blank,
            # capfirst keeps the label lazy: a form class built at import time still shows it
            # in each reader's language.
            label=kwargs.get("label", capfirst(self.verbose_name)),
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, dict) or any(
            key not in LANGUAGE_CODES or not isinstance(text, str) for key, text in value.items()
        ):
            raise ValidationError(
                _("A multilingual text maps the language codes %(codes)s to texts."),
                params={"codes": ", ".join(LANGUAGE_CODES)},
                code="invalid_multilingual",
            )


def texts_given(value: "dict[str, str] | str | None", language: str | None = None) -> dict:
    """A multilingual text as typed: each language's text stripped, empty ones dropped. A plain
    string is taken as written in `language` (default: the active one)."""
    if isinstance(value, str):
        value = {language_code(language): value}
    return {code: text.strip() for code, text in (value or {}).items() if text and text.strip()}


# Letters of lists (categories, clusters, subparagraphs) as United Nations Arabic documents
# print them: (أ), (ب), (ج) ...
_ARABIC_LIST_LETTERS = dict(
    zip("abcdefghij", ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي"], strict=True)
)


def list_letter(letter: str, language: str | None = None) -> str:
    """The letter of a category or cluster ("a") as a list in `language` writes it."""
    if language_code(language) == "ar":
        return _ARABIC_LIST_LETTERS.get(letter.lower(), letter)
    return letter


def text_direction(text: str) -> str:
    """ "rtl" or "ltr", from the first strongly directional character (Unicode bidi classes), for
    free text written in any language: what dir="auto" does in browsers and not in WeasyPrint."""
    for character in str(text):
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "ltr"


def language_marked(html: str, code: str):
    """`html` wrapped in its own language and direction, for screen readers and the bidi
    algorithm (a text shown in another language than the page's)."""
    return format_html('<span lang="{}" dir="{}">{}</span>', code, language_direction(code), html)


# Languages that write the names of languages in lower case inside a sentence.
_LOWER_CASE_LANGUAGE_NAMES = frozenset({"fr", "es", "ru"})


def language_name(code: str, *, in_sentence: bool = False) -> str:
    """The name of the language `code` in the active language: "Anglais" on a French page, or
    "anglais" `in_sentence`."""
    name = str(get_language_info(code)["name_translated"])
    return name.lower() if in_sentence and language_code() in _LOWER_CASE_LANGUAGE_NAMES else name


def fallback_marked(html: str, code: str, wanted: str):
    """A text shown in `code` because it does not exist yet in `wanted`: marked with its own
    language and direction, and followed by a note, in the reader's language, naming the language
    it is shown in (the title says which translation is missing)."""
    note = _("Not yet translated into %(wanted)s: shown in %(language)s.") % {
        "wanted": language_name(wanted, in_sentence=True),
        "language": language_name(code, in_sentence=True),
    }
    return format_html(
        '{} <small class="fallback-note" title="{}"><span aria-hidden="true">{}</span>'
        '<span class="visually-hidden">{}</span></small>',
        language_marked(html, code),
        note,
        language_name(code),
        note,
    )


class TextsIn:
    """Texts in `language`, else in `fallback` (a questionnaire version's original language); a
    fallback text comes marked with its own language and direction, and says it is one."""

    def __init__(self, language: str, fallback: str = "en"):
        self.language, self.fallback = language, fallback

    def __call__(self, texts):
        text, code = text_and_language(texts, self.language, fallback=self.fallback)
        if not text or code == self.language:
            return text
        return fallback_marked(text, code, self.language)


def shown(texts: dict | None, fallback: str) -> str:
    """A multilingual text in the active language, else in `fallback` (a version's original
    language), marked with its own language and direction when it is a fallback."""
    return TextsIn(language_code(), fallback)(texts)


def by_name(items, respondent=lambda item: item) -> list:
    """`items` in the alphabetical order of their respondent's name in the reader's language."""
    language = language_code()
    return sorted(items, key=lambda item: sort_key(respondent(item).list_name(language), language))


def chosen_language(request) -> str:
    """The language a questionnaire is read in: ?language=, else the language of the portal."""
    language = request.GET.get("language", "")
    return language if language in LANGUAGE_CODES else language_code()


def language_query(language: str) -> str:
    """What links add to keep a questionnaire language other than the portal's."""
    return "" if language == language_code() else f"?language={language}"


def language_choices(language: str) -> list[dict]:
    """The six languages, for a switcher of the questionnaire's language (`language` current)."""
    names = dict(settings.LANGUAGES)
    return [
        {"code": code, "name": names.get(code, code), "current": code == language}
        for code in LANGUAGE_CODES
    ]
