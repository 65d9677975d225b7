"""What every chapter of the report writes with: `ReportWriter` numbers the paragraphs and tables
consecutively through the whole report, and words the figures that several chapters repeat."""

from __future__ import annotations

import datetime

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from portal.multilingual import language_direction, text_direction
from reports.figures.structure import (
    PracticeEntry,
    QuestionFigures,
    ReportFigures,
    StandardFigures,
    ThemeFigures,
    TopicFigures,
)
from reports.models import Report
from reports.writing.charts import Bar, bar_chart
from reports.writing.formatting import and_list, chapter_label, section_label, states
from reports.writing.parts import Block, Part, Table

TOP_THEMES = 3


class ReportWriter:
    """One report being written: its figures, language and date, its paragraphs and tables so far."""

    def __init__(self, report: Report, figures: ReportFigures, today: datetime.date) -> None:
        self.report, self.f, self.today = report, figures, today
        self.language: str = report.language
        self.rtl = language_direction(self.language) == "rtl"
        self.paragraph = 0
        self.tables: list[Table] = []
        self.region_labels = {r["key"]: r["label"] for r in figures.regions}
        self.mentions = Mentions()

    # --- blocks

    def p(self, part: Part, html: str) -> None:
        """A numbered paragraph."""
        self.paragraph += 1
        part.blocks.append(Block("paragraph", conditional_escape(html), self.paragraph))

    def heading(self, part: Part, text: str) -> None:
        part.blocks.append(Block("heading", conditional_escape(text)))

    def table(
        self,
        part: Part,
        title: str,
        head: list[str],
        rows: list[list],
        total: list | None = None,
        widths: list | None = None,
    ) -> Table:
        """A numbered table, also a sheet of the statistical annex."""
        table = Table(len(self.tables) + 1, title, list(head), rows, total, widths)
        self.tables.append(table)
        part.blocks.append(Block("table", table=table))
        return table

    def chart(self, part: Part, title: str, bars: list[Bar], maximum: int | None = None) -> None:
        """A bar chart, titled `title`."""
        part.blocks.append(
            Block(
                "chart",
                bar_chart(bars=bars, title=title, rtl=self.rtl, maximum=maximum),
                attribution=title,
            )
        )

    def table_ref(self, table: Table) -> str:
        return _("table %(number)s") % {"number": table.number}

    def footnote(self, text: str) -> SafeString:
        return format_html('<span class="footnote">{}</span>', text)

    def chapter(self, index: int, title: str, anchor: str) -> Part:
        return Part(1, chapter_label(index, self.language), title, anchor)

    def section(self, index: int, title: str, anchor: str) -> Part:
        return Part(2, section_label(index, self.language), title, anchor)

    # --- figures several chapters word alike

    def themes_text(self, themes: list[ThemeFigures]) -> str:
        """The first themes, each with its number of States: "lack of staff (4 States), ..."."""
        return and_list(
            [
                _("%(theme)s (%(states)s)")
                % {
                    "theme": t.label.lower()
                    if self.language in ("en", "fr", "es", "ru")
                    else t.label,
                    "states": states(t.states),
                }
                for t in themes[:TOP_THEMES]
            ],
            self.language,
        )

    def standard_name(self, standard: StandardFigures) -> str:
        """The standard's full title with its adopting resolution the first time the report
        names it, its short name after."""
        return standard.full_name if self.mentions.first(standard.code) else standard.name

    def standards_text(self, topic: TopicFigures) -> str:
        return and_list([self.standard_name(s) for s in topic.standards], self.language)

    def quote(self, part: Part, practice: PracticeEntry) -> None:
        """A featured useful practice: its summary in the report's language, else the answer as
        written, set apart and labelled with the language it was written in."""
        text = practice.text if len(practice.text) <= 900 else practice.text[:897] + "…"
        language = practice.language
        quoted = not practice.summarised
        part.blocks.append(
            Block(
                "quote",
                conditional_escape(text),
                lang=language,
                dir=language_direction(language) if language else text_direction(text),
                attribution=practice.respondent,
                label=original_label(language) if quoted and language != self.language else "",
                quoted=quoted,
            )
        )

    def region_heads(self) -> list[str]:
        return [r["label"] for r in self.f.regions]

    def region_cells(self, theme: ThemeFigures) -> list[int]:
        return [theme.by_region.get(r["key"], 0) for r in self.f.regions]

    def regions_sentence(self, theme: ThemeFigures) -> str:
        """Which regional groups reported `theme`, and how many States of each."""
        present = [
            (self.region_labels[key], count)
            for key, count in sorted(theme.by_region.items(), key=lambda item: -item[1])
            if count
        ]
        if len(present) == len(self.f.regions):
            return _("%(theme)s was reported by States of every regional group.") % {
                "theme": theme.label
            }
        return _("%(theme)s was reported by %(regions)s.") % {
            "theme": theme.label,
            "regions": and_list([f"{label} ({count})" for label, count in present], self.language),
        }

    def top_answers(self, question: QuestionFigures) -> str:
        """The three answers most often given to a choice question, with their counts."""
        ranked = sorted(question.counts, key=lambda c: -c.count)
        return and_list([f"{c.label} ({c.count})" for c in ranked[:3] if c.count], self.language)


class Mentions:
    """What the report has named so far (standards, by code): the first mention of a standard
    gives its full title, the later ones its short name."""

    def __init__(self) -> None:
        self.named: set[str] = set()

    def first(self, code: str) -> bool:
        if code in self.named:
            return False
        self.named.add(code)
        return True


# The label of an answer quoted in the language it was written in, as a United Nations document
# says what language a text was issued in ("Original: English" in the masthead).
ORIGINAL_LABELS = {
    "en": pgettext_lazy("quoted answer", "Original: English"),
    "fr": pgettext_lazy("quoted answer", "Original: French"),
    "es": pgettext_lazy("quoted answer", "Original: Spanish"),
    "ru": pgettext_lazy("quoted answer", "Original: Russian"),
    "zh-hans": pgettext_lazy("quoted answer", "Original: Chinese"),
    "ar": pgettext_lazy("quoted answer", "Original: Arabic"),
}


def original_label(language: str) -> str:
    """ "Original: French" in the active language; "Original" when the language is not known."""
    if language in ORIGINAL_LABELS:
        return str(ORIGINAL_LABELS[language])
    return pgettext("a quoted answer in a language not known", "Original")


def answer_count(question: QuestionFigures, name: str) -> int:
    """How many States gave the answer `name` ("yes", "partly", ...) to `question`."""
    return next((c.count for c in question.counts if c.name == name), 0)


def answer_share(question: QuestionFigures, name: str) -> float:
    return answer_count(question, name) / question.answered if question.answered else 0
