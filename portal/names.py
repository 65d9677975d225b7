"""A respondent's name inside a sentence, with the article and preposition its language needs.

The UNTERM short names of the reference data mark what running text needs, and the rules below
read those marks rather than a list of States:

- an article in parentheses at the end: "Sénégal (le)", "Afghanistan (l')", "Gambia (the)",
  "Países Bajos (los)". Lists drop it; sentences put it in front and contract it with the
  preposition: "le Sénégal", "du Sénégal", "aux Pays-Bas", "del Afganistán", "of the Gambia";
- a descriptor in parentheses ending in "of", "de", "d'", "du", "del": "Bolivia (Plurinational
  State of)". UN running text reverses it, and takes the article of its head noun: "the
  Plurinational State of Bolivia", "l'État plurinational de Bolivie", "la República Islámica del
  Irán". Russian reverses it too ("Исламская Республика Иран"); Arabic marks with a dash where the
  name goes: "إيران (جمهورية - الإسلامية)" is "جمهورية إيران الإسلامية".

A name with neither mark (Cuba, Israël, and the bodies other than States, whose names are written
as they are to be read) is kept as given; only the preposition is added: "de Cuba", "d'Israël".
Russian, Chinese and Arabic take no article and no preposition: the sentence around the name says
it, and Russian case endings are left to the translation (the name stays in the nominative).
"""

import re
import unicodedata

SUBJECT, OF, TO = "subject", "of", "to"
FORMS = (SUBJECT, OF, TO)

_ARTICLES = {
    "en": {"the"},
    "fr": {"le", "la", "l'", "les"},
    "es": {"el", "la", "los", "las"},
}
_TRAILING = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inside>[^()]+)\)\s*$")
# What a reversed descriptor ends with: "(Plurinational State of)", "(République islamique d')".
_DESCRIPTOR_END = {
    "en": re.compile(r"\sof(?:\sthe)?$", re.IGNORECASE),
    "fr": re.compile(r"(?:\s(?:de|du|des)|\sd')$", re.IGNORECASE),
    "es": re.compile(r"\sde(?:l|\s(?:la|los|las))?$", re.IGNORECASE),
}
# The article of a reversed name follows its head noun. These are the head nouns of UNTERM's
# descriptors (État plurinational, République islamique, États fédérés, Royaume des Pays-Bas).
_HEAD_ARTICLES = {
    "fr": {"état": "l'", "états": "les", "république": "la", "royaume": "le"},
    "es": {"estado": "el", "estados": "los", "república": "la", "reino": "el"},
}
# The one descriptor that Russian running text declines: "Федеративные Штаты Микронезии".
_RUSSIAN_REVERSED = {"Микронезия (Федеративные Штаты)": "Федеративные Штаты Микронезии"}
# The preposition, contracted with the article: (language, form) -> {article: words before}.
_PREPOSITIONS = {
    ("en", OF): {"": "of ", "the": "of the "},
    ("en", TO): {"": "to ", "the": "to the "},
    ("fr", OF): {"": "de ", "le": "du ", "la": "de la ", "l'": "de l'", "les": "des "},
    ("fr", TO): {"": "à ", "le": "au ", "la": "à la ", "l'": "à l'", "les": "aux "},
    ("es", OF): {"": "de ", "el": "del ", "la": "de la ", "los": "de los ", "las": "de las "},
    ("es", TO): {"": "a ", "el": "al ", "la": "a la ", "los": "a los ", "las": "a las "},
}


def _reversed(name: str, descriptor: str, language: str) -> tuple[str, str]:
    """(article, name) of a descriptor put in front: ("the", "Plurinational State of Bolivia")."""
    joined = f"{descriptor}{name}" if descriptor.endswith("'") else f"{descriptor} {name}"
    if language == "en":
        return "the", joined
    head = descriptor.split()[0].lower()
    return _HEAD_ARTICLES[language].get(head, ""), joined


def article_and_name(name: str, language: str) -> tuple[str, str]:
    """A UNTERM short name in `language` split into the article running text puts before it and
    the name it goes with: ("le", "Sénégal"), ("the", "Plurinational State of Bolivia"),
    ("", "Cuba"). For Russian and Arabic the article is always "" (see the module's docstring)."""
    name = " ".join(name.replace("’", "'").split())
    found = _TRAILING.match(name)
    if found is None:
        return "", name
    core, inside = found["name"], found["inside"]
    if inside.lower() in _ARTICLES.get(language, ()):
        return inside.lower(), core
    if language in _DESCRIPTOR_END and _DESCRIPTOR_END[language].search(inside):
        return _reversed(core, inside, language)
    if language == "ru":
        return "", _RUSSIAN_REVERSED.get(name, f"{inside} {core}")
    if language == "ar" and " - " in inside:
        before, after = inside.split(" - ", 1)
        return "", f"{before} {core} {after}"
    return "", name


def _starts_with_vowel_sound(text: str) -> bool:
    first = unicodedata.normalize("NFD", text[:1].lower())[:1]
    return first in "aeiouh"


def in_sentence(name: str, language: str, form: str = SUBJECT) -> str:
    """`name` (a UNTERM short name in `language`) as a sentence reads it in `form`:

    - SUBJECT, with its article: "le Sénégal", "the Gambia", "Cuba";
    - OF, after the preposition of belonging: "du Sénégal", "de l'Afghanistan", "des Pays-Bas",
      "del Afganistán", "of the Gambia", "d'Israël";
    - TO, after the preposition of direction: "au Sénégal", "aux Pays-Bas", "al Afganistán".

    At the start of a sentence, pass it through `django.utils.text.capfirst` (the `capfirst`
    filter in templates): "Le Sénégal a répondu". Russian, Chinese
    and Arabic names come without article or preposition in every form.
    """
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}: expected one of {FORMS}")
    article, core = article_and_name(name, language)
    if form != SUBJECT and (language, form) in _PREPOSITIONS:
        before = _PREPOSITIONS[language, form][article]
        if language == "fr" and before == "de " and _starts_with_vowel_sound(core):
            before = "d'"
        return before + core
    if article == "l'":
        return article + core
    return f"{article} {core}" if article else core
