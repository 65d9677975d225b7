"""What every chapter of the report writes with: `ReportWriter` numbers the paragraphs and tables
consecutively through the whole report, and words the figures that several chapters repeat."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
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
from reports.writing.formatting import (
    and_list,
    chapter_label,
    count_text,
    label_in_text,
    section_label,
    states,
)
from reports.writing.parts import Block, Part, Table
from reports.writing.propernames import ProperNames
from surveys.answering.services import OTHER

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
        self.footnotes: dict[str, int] = {}  # text -> its number, so that none is repeated
        self.names = ProperNames.of_report(figures)

    # --- blocks

    def p(self, part: Part, html: str) -> None:
        """A numbered paragraph."""
        self.paragraph += 1
        part.blocks.append(
            Block("paragraph", self.names.marked(conditional_escape(html)), self.paragraph)
        )

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
        source: str = "replies",
    ) -> Table:
        """A numbered table, also a sheet of the statistical annex, which names its `source`."""
        table = Table(len(self.tables) + 1, title, list(head), rows, total, widths, source)
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

    def tables_ref(self, tables: list[Table]) -> str:
        """ "table 3", "tables 3 and 4"."""
        if len(tables) == 1:
            return self.table_ref(tables[0])
        return _("tables %(numbers)s") % {
            "numbers": and_list([str(t.number) for t in tables], self.language)
        }

    def footnote(self, text: str) -> SafeString:
        """A footnote at the foot of the page; a text already given a footnote is cited again by
        its number rather than repeated (footnotes are numbered in the order they are written,
        which is the order of the report)."""
        text = str(text)
        if text in self.footnotes:
            return format_html('<sup class="footnote-ref">{}</sup>', self.footnotes[text])
        self.footnotes[text] = len(self.footnotes) + 1
        return format_html('<span class="footnote">{}</span>', text)

    def fill(self, message: str, **values: Any) -> SafeString:
        """`message` (translated, with %(name)s placeholders) filled in with `values`, escaped,
        except those already HTML (names marked by `name_html`)."""
        return mark_safe(  # noqa: S308 - the message and every value are escaped
            conditional_escape(message) % {k: conditional_escape(v) for k, v in values.items()}
        )

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
                    "theme": label_in_text(t.label),
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

    def short_standards_text(self, topic: TopicFigures) -> str:
        """The standards of a topic by their short names, as a table's caption names them (the
        text names each in full, with its resolution, the first time)."""
        return and_list([s.name for s in topic.standards], self.language)

    def quote(self, part: Part, practice: PracticeEntry) -> None:
        """A featured useful practice: "<State>: <summary>" when its summary is written in the
        report's language; else the answer as written, set apart under the State's name and
        labelled with the language it was written in."""
        text = practice.text if len(practice.text) <= 900 else practice.text[:897] + "…"
        language = practice.language
        quoted = not practice.summarised
        name = practice.respondent_in_sentence or practice.respondent
        if not quoted:
            text = _("%(respondent)s: %(summary)s") % {
                "respondent": name[:1].upper() + name[1:],
                "summary": text,
            }
        part.blocks.append(
            Block(
                "quote",
                conditional_escape(text) if quoted else self.names.marked(conditional_escape(text)),
                lang=language,
                dir=language_direction(language) if language else text_direction(text),
                attribution=practice.respondent if quoted else "",
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
            return self.fill(
                _("%(theme)s was reported by States of every regional group."),
                theme=theme.label,
            )
        return self.fill(
            _("%(theme)s was reported by %(regions)s."),
            theme=theme.label,
            regions=mark_safe(  # noqa: S308 - escaped by format_html
                and_list(
                    [
                        format_html("{} ({})", name_html(label), count_text(count))
                        for label, count in present
                    ],
                    self.language,
                )
            ),
        )

    def top_answers(self, question: QuestionFigures) -> str:
        """The three answers most often given to a choice question, with their counts."""
        # "Other" is counted in the tables, never named as an answer most often given.
        ranked = sorted((c for c in question.counts if c.name != OTHER), key=lambda c: -c.count)
        return and_list(
            [f"{label_in_text(c.label)} ({count_text(c.count)})" for c in ranked[:3] if c.count],
            self.language,
        )


def name_html(name: str) -> SafeString:
    """A proper name in running text, marked so that the print style never hyphenates it."""
    return format_html('<span class="name">{}</span>', name)


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
