"""Questionnaires as XLSForm workbooks: `survey`, `choices` and `settings` sheets.

The layout is the XLSForm standard (https://xlsform.org), so files open in Excel or LibreOffice
and come from other tools (KoboToolbox, ODK, SurveyCTO), extended with columns other tools ignore:
`standards`, `purpose`, `gender`, `applied_if`, `part_of` and `unit::<Language> (<code>)` on the survey sheet,
`exclusive` on the choices sheet (pyxform copies it into the list's instance; tools ignore it), the
category, clusters and standards on the settings sheet, and the title in every language
(`form_title::French (fr)` ...) on a `portal` sheet of the portal's own: the XLSForm settings sheet
has no translated title, and pyxform, which KoboToolbox and ODK Central use, fails on one there
(files exported before are still read). "Other, please specify" is written out as pyxform expands
`or_other`, but translated (pyxform's own "Other" is English only, which ODK Validate warns of): an
option `other` last in the list and a text question `<name>_other` shown when it is chosen; the
import reads that pair (or `or_other`) back as "other, please specify".
`applied_if` lists, space-separated, the answers of an application question that mean the
standards it names are applied ("yes partly"; "no" for a reverse-worded question such as "Does failure ... lead automatically to imprisonment?"): such a question is an
indicator of their application, from which the reports count the States applying them.
`part_of` names the earlier number question whose total a number is part of ("Of these, how many
are women?" is part of A.1): the reports state its share of that total.
`exclusive` = yes marks an option ("None of these") that can only be ticked alone.

Mapping of the portal's question types:
    yes_no, yes_no_partly_dk   select_one yes_no / select_one yes_no_partly_dk (fixed lists)
    single_choice              select_one <list> (+ option other, text <name>_other)
    multiple_choice            select_multiple <list> (+ option other, text <name>_other)
    integer, decimal, date, file   the same names
    short_text, long_text      text / text with appearance multiline
    table                      a group with appearance table-list holding one select_one per row
    section                    begin group ... end group

surveys.exchange.writer writes the workbooks and surveys.exchange.reader reads them; this module
holds what both share: the names of rows and the language columns.
"""

import re

from surveys.questionnaires.documents import LANGUAGE_CODES

# The portal's own sheet, which pyxform ignores (see above).
PORTAL_SHEET = "portal"

# XLSForm language columns name the language in English with its code: label::French (fr).
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
    "zh-hans": "Chinese",
    "ar": "Arabic",
}
_XLSFORM_CODE = {"zh-hans": "zh"}
_PORTAL_CODE = {"zh": "zh-hans", "zh-hans": "zh-hans", "zh_hans": "zh-hans", "zh-cn": "zh-hans"}
_BY_NAME = {name.lower(): code for code, name in LANGUAGE_NAMES.items()} | {
    "français": "fr",
    "francais": "fr",
    "español": "es",
    "espanol": "es",
    "русский": "ru",
    "中文": "zh-hans",
    "العربية": "ar",
}

# The columns the portal keeps, by sheet: a column not here with values in it is reported as left
# out (surveys.exchange.reader). Those named in TRANSLATED take "::<Language>" too.
KEPT_COLUMNS = {
    "survey": {
        "type", "name", "label", "hint", "required", "relevant", "constraint",
        "constraint_message", "appearance",
        "unit", "standards", "purpose", "gender", "applied_if", "part_of",
    },
    "choices": {"list_name", "name", "label", "exclusive"},
    "settings": {
        "form_title", "form_id", "version", "default_language", "category", "clusters",
        "standards",
    },
}  # fmt: skip
TRANSLATED = {"label", "hint", "unit", "form_title", "constraint_message"}
# A question keeps its appearance; a group's is kept as a table or a section's page, others are
# reported.
KEPT_APPEARANCES = {"", "multiline", "table-list", "field-list"}

# "Other, please specify" is exported as pyxform writes or_other, translated: an option named
# "other" last in the list, then a text question <name>_other shown when it is chosen.
OTHER_NAME = "other"
OTHER_DETAIL = {
    "en": "Please specify",
    "fr": "Veuillez préciser",
    "es": "Especifique",
    "ru": "Просьба уточнить",
    "zh-hans": "请具体说明",
    "ar": "يرجى التحديد",
}


def kept_column(sheet: str, column: str) -> bool:
    base = column.split("::", 1)[0]
    if "::" in column and base not in TRANSLATED:
        return False
    return base in KEPT_COLUMNS.get(sheet, set())


# The name of a survey row (a question or section code): a letter or _ first, then letters,
# digits, _, - or .
NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def language_column(prefix: str, code: str) -> str:
    return f"{prefix}::{LANGUAGE_NAMES[code]} ({_XLSFORM_CODE.get(code, code)})"


def language_label(code: str) -> str:
    return f"{LANGUAGE_NAMES[code]} ({_XLSFORM_CODE.get(code, code)})"


def parse_language(text: str) -> str | None:
    """The portal's code for an XLSForm language: "French (fr)", "fr", "Français" -> "fr"."""
    text = text.strip()
    match = re.search(r"\(([A-Za-z_\-]+)\)\s*$", text)
    if match:
        code = match.group(1).lower()
        code = _PORTAL_CODE.get(code, code)
        return code if code in LANGUAGE_CODES else None
    lowered = text.lower()
    code = _PORTAL_CODE.get(lowered, lowered)
    if code in LANGUAGE_CODES:
        return code
    return _BY_NAME.get(lowered)
