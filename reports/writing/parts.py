"""The parts a report's text is made of: chapters and sections (`Part`), their numbered paragraphs,
headings, tables, charts and quotes (`Block`), and the whole (`ReportDocument`), which the report's
print template lays out and the statistical annex reuses for its tables."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe


@dataclass
class Table:
    """A table of the report, and a sheet of the statistical annex."""

    number: int
    title: str
    head: list[str]
    rows: list[list]  # first cell a label, then numbers
    total: list | None = None  # a total row, printed last
    widths: list[int] | None = None  # percent of the width, for the print layout
    # Where the figures come from, for the statistical annex (statistical_annex.SOURCES).
    source: str = "replies"

    @property
    def anchor(self) -> str:
        return f"table-{self.number}"


@dataclass
class Block:
    kind: str  # "paragraph", "heading", "table", "chart", "quote"
    html: SafeString = mark_safe("")  # noqa: S308 - empty
    number: int | None = None
    table: Table | None = None
    lang: str = ""
    dir: str = ""
    attribution: str = ""
    label: str = ""  # a quote's "Original: French"
    quoted: bool = False  # a quote of what a respondent wrote, in the language it wrote it in


@dataclass
class Part:
    level: int  # 1 chapter, 2 section, 3 subsection
    label: str  # "I.", "A.", "1."
    title: str
    anchor: str
    blocks: list[Block] = field(default_factory=list)
    children: list[Part] = field(default_factory=list)
    first: int | None = None  # its paragraphs, for the contents
    last: int | None = None

    def paragraphs(self) -> tuple[int | None, int | None]:
        numbers = [b.number for b in self.blocks if b.number is not None]
        for child in self.children:
            first, last = child.paragraphs()
            numbers += [n for n in (first, last) if n is not None]
        return (min(numbers), max(numbers)) if numbers else (None, None)


@dataclass
class ReportDocument:
    summary: list[SafeString]
    parts: list[Part]
    tables: list[Table]
    annex: list[tuple[str, list[str]]]  # (respondent type, names in alphabetical order)
    date: str
    rtl: bool
