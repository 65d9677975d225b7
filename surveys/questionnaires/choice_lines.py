"""Choices typed one per line in the question form: "name | label", or just "label"."""

import re

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal.multilingual import in_language

CHOICE_NAME = re.compile(r"^[A-Za-z0-9_.\-]+$")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def parse_choice_lines(text: str) -> list[tuple[str, str]]:
    """ "name | label" lines (or just "label", the name then made from it)."""
    pairs, errors, seen = [], [], set()
    for number, line in enumerate(_lines(text), start=1):
        if "|" in line:
            name, label = (part.strip() for part in line.split("|", 1))
        else:
            label = line
            name = slugify(line).replace("-", "_") or f"choice_{number}"
        if not name or not label:
            errors.append(_("Line %(number)s: write “value | label”.") % {"number": number})
            continue
        if not CHOICE_NAME.match(name):
            errors.append(
                _(
                    "Line %(number)s: the value %(name)s may only have letters, digits, -, _ or . (no spaces)."
                )
                % {"number": number, "name": name}
            )
            continue
        if name in seen:
            errors.append(
                _("Line %(number)s: the value %(name)s is used twice.")
                % {"number": number, "name": name}
            )
            continue
        seen.add(name)
        pairs.append((name, label))
    if errors:
        raise ValidationError(errors)
    return pairs


def choice_lines(choices, language: str) -> str:
    return "\n".join(f"{c.name} | {in_language(c.label, language)}" for c in choices)
