"""Proper names in a report's running text (the States and other respondents, the standards'
titles and short names, "United Nations", the General Assembly and the Economic and Social
Council), marked with the class the print style never hyphenates
("United Na-tions", "Mozambi-que"), wherever a sentence names them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from reports.figures.structure import ReportFigures

# "United Nations" as running text writes it in each language (Russian declines it).
UNITED_NATIONS = {
    "en": ["United Nations"],
    "fr": ["Nations Unies"],
    "es": ["Naciones Unidas"],
    "ru": [
        "Организации Объединенных Наций",
        "Организация Объединенных Наций",
        "Организацией Объединенных Наций",
    ],
    "zh-hans": ["联合国"],
    "ar": ["الأمم المتحدة"],
}
# The organs that adopted the standards, named with their resolutions: "General Assembly
# resolution 45/110" (hyphenation is no matter in Chinese and Arabic text).
ORGANS = {
    "en": ["General Assembly", "Economic and Social Council"],
    "fr": ["Assemblée générale", "Conseil économique et social"],
    "es": ["Asamblea General", "Consejo Económico y Social"],
    "ru": [
        "Генеральной Ассамблеи",
        "Генеральная Ассамблея",
        "Экономического и Социального Совета",
        "Экономический и Социальный Совет",
    ],
}
_TAG = re.compile(r"(<[^>]+>)")
_NAME_OPEN = '<span class="name">'


class ProperNames:
    """The proper names of one report, and `marked(html)`, which marks them in a paragraph."""

    def __init__(self, names: Iterable[str]) -> None:
        # Longest first, so that a title is marked whole rather than the name inside it.
        escaped = sorted({escape(n) for n in names if n and n.strip()}, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, escaped)) + r")(?!\w)")
            if escaped
            else None
        )

    @classmethod
    def of_report(cls, figures: ReportFigures) -> ProperNames:
        standards = [
            text
            for cluster in figures.clusters
            for topic in cluster.topics
            for standard in topic.standards
            for text in (standard.title, standard.name)
        ]
        return cls(
            [
                *UNITED_NATIONS.get(figures.language, []),
                *ORGANS.get(figures.language, []),
                *standards,
                *(r.name for r in figures.respondents),
            ]
        )

    def marked(self, html: str) -> SafeString:
        """`html` (escaped) with each proper name in its text wrapped in <span class="name">,
        except inside a name already marked."""
        if self.pattern is None:
            return mark_safe(html)  # noqa: S308 - already escaped HTML
        pieces = []
        inside = False
        for piece in _TAG.split(str(html)):
            if piece.startswith("<"):
                if piece.startswith(_NAME_OPEN):
                    inside = True
                elif piece == "</span>":
                    inside = False
            elif not inside:
                piece = self.pattern.sub(lambda m: f"{_NAME_OPEN}{m.group(0)}</span>", piece)
            pieces.append(piece)
        return mark_safe("".join(pieces))  # noqa: S308 - escaped text, names escaped
