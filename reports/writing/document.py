"""The report's text, written from its figures in the report's language: chapters, consecutively
numbered paragraphs, footnotes, tables and charts (DESIGN.md, "What the reports contain").

`report_document` is called inside `translation.override(report.language)`: every fixed text goes
through gettext/ngettext, so the lead's catalogues translate it; what respondents wrote is quoted
as written, marked with its own language and direction. The tables built here are the ones the
statistical annex prints (reports/xlsx.py), so both show the same numbers.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.formats import date_format, number_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from portal.multilingual import RIGHT_TO_LEFT, text_direction
from reports.figures.compilation import (
    ClusterFigures,
    QuestionFigures,
    ReportFigures,
    ThemeFigures,
    TopicFigures,
)
from reports.writing.charts import Bar, bar_chart
from surveys.models import QuestionType

# Chapter and section numbering as United Nations documents print it in each language.
_CHAPTERS = {
    "ar": ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا"],
    "zh-hans": ["一", "二", "三", "四", "五", "六", "七", "八"],
}
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
_SECTIONS = {
    "ar": ["ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء"],
    "zh-hans": ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"],
    "ru": ["А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К"],
}
_LATIN = list("ABCDEFGHIJ")
_LIST_COMMA = {"ar": "، ", "zh-hans": "、"}
TOP_THEMES = 3
# Practices quoted per topic; the statistical annex lists them all.
QUOTED_PRACTICES = 8


# --- The document's parts ----------------------------------------------------------------------


@dataclass
class Table:
    """A table of the report, and a sheet of the statistical annex."""

    number: int
    title: str
    head: list[str]
    rows: list[list]  # first cell a label, then numbers
    total: list | None = None  # a total row, printed last
    widths: list[int] | None = None  # percent of the width, for the print layout

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


# --- Writing ----------------------------------------------------------------------------------


def report_document(*, report, figures: ReportFigures, today: datetime.date) -> ReportDocument:
    return _Writer(report, figures, today).document()


def and_list(items: list[str], language: str) -> str:
    """ "A, B and C" in the report's language."""
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    comma = _LIST_COMMA.get(language, ", ")
    return _("%(list)s and %(last)s") % {"list": comma.join(items[:-1]), "last": items[-1]}


def states(count: int) -> str:
    return ngettext("%(count)s State", "%(count)s States", count) % {"count": count}


class _Writer:
    def __init__(self, report, figures: ReportFigures, today: datetime.date):
        self.report, self.f, self.today = report, figures, today
        self.language = report.language
        self.rtl = self.language in RIGHT_TO_LEFT
        self.paragraph = 0
        self.tables: list[Table] = []
        self.region_labels = {r["key"]: r["label"] for r in figures.regions}

    # --- helpers

    def p(self, part: Part, html) -> None:
        self.paragraph += 1
        part.blocks.append(Block("paragraph", conditional_escape(html), self.paragraph))

    def heading(self, part: Part, text: str) -> None:
        part.blocks.append(Block("heading", conditional_escape(text)))

    def table(self, part: Part, title: str, head, rows, total=None, widths=None) -> Table:
        table = Table(len(self.tables) + 1, title, list(head), rows, total, widths)
        self.tables.append(table)
        part.blocks.append(Block("table", table=table))
        return table

    def table_ref(self, table: Table) -> str:
        return _("table %(number)s") % {"number": table.number}

    def footnote(self, text: str) -> SafeString:
        return format_html('<span class="footnote">{}</span>', text)

    def chapter(self, index: int, title: str, anchor: str) -> Part:
        labels = _CHAPTERS.get(self.language, _ROMAN)
        return Part(1, f"{labels[index]}.", title, anchor)

    def section(self, index: int, title: str, anchor: str) -> Part:
        labels = _SECTIONS.get(self.language, _LATIN)
        return Part(2, f"{labels[index]}.", title, anchor)

    def themes_text(self, themes: list[ThemeFigures]) -> str:
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

    def standards_text(self, topic: TopicFigures) -> str:
        return and_list([s.name for s in topic.standards], self.language)

    # --- the whole

    def document(self) -> ReportDocument:
        parts = [
            self.introduction(),
            self.replies(),
            self.analysis(),
            self.assistance(),
            self.conclusions(),
        ]
        for part in parts:
            self._number_ranges(part)
        annex = []
        for entry in self.f.respondents:
            if not annex or annex[-1][0] != entry.type_label:
                annex.append((entry.type_label, []))
            annex[-1][1].append(entry.name)
        return ReportDocument(
            summary=self.summary(),
            parts=parts,
            tables=self.tables,
            annex=annex,
            date=_date(self.today),
            rtl=self.rtl,
        )

    def _number_ranges(self, part: Part) -> None:
        part.first, part.last = part.paragraphs()
        for child in part.children:
            self._number_ranges(child)

    # --- summary

    def summary(self) -> list[SafeString]:
        f = self.f
        lines = [
            _(
                "The present report is submitted pursuant to Economic and Social Council resolutions "
                "2003/30 and 2004/28. It presents the information gathered on the use and "
                "application of the United Nations standards and norms in crime prevention and "
                "criminal justice, in particular the difficulties encountered in their application, "
                "the ways in which technical assistance can help to overcome them and useful "
                "practices."
            ),
            ngettext(
                "Replies were received from %(replied)s of the %(invited)s respondents invited, "
                "including %(states)s of the %(states_invited)s States invited.",
                "Replies were received from %(replied)s of the %(invited)s respondents invited, "
                "including %(states)s of the %(states_invited)s States invited.",
                f.replied,
            )
            % {
                "replied": f.replied,
                "invited": f.invited,
                "states": f.states_replied,
                "states_invited": f.states_invited,
            },
        ]
        if f.difficulties:
            lines.append(
                _("The difficulties most often reported were %(themes)s.")
                % {"themes": self.themes_text(f.difficulties)}
            )
        if f.requests.total:
            lines.append(
                ngettext(
                    "In all, %(count)s request for technical assistance was received; "
                    "%(matched)s have been matched with an expert of the roster.",
                    "In all, %(count)s requests for technical assistance were received; "
                    "%(matched)s have been matched with an expert of the roster.",
                    f.requests.total,
                )
                % {"count": f.requests.total, "matched": f.requests.matched}
            )
        paragraphs = [" ".join(lines[:2])]
        if lines[2:]:
            paragraphs.append(" ".join(lines[2:]))
        return [conditional_escape(text) for text in paragraphs]

    # --- I. Introduction

    def introduction(self) -> Part:
        part = self.chapter(0, _("Introduction"), "introduction")
        self.p(
            part,
            format_html(
                "{}{} {}",
                _(
                    "In its resolution 2003/30 of 22 July 2003, the Economic and Social Council "
                    "requested the Secretary-General to report to the Commission on Crime Prevention "
                    "and Criminal Justice on progress made in the first targeted collection of "
                    "information on the standards and norms related primarily to persons in custody, "
                    "non-custodial sanctions and juvenile and restorative justice, and to legal, "
                    "institutional and practical arrangements for international cooperation, "
                    "“including how that collection of information relates to requests by Member "
                    "States for technical assistance”."
                ),
                self.footnote(_("Economic and Social Council resolution 2003/30, para. 7.")),
                _(
                    "The Council called upon respondents to focus on identifying the difficulties "
                    "encountered in the application of the standards and norms, ways in which "
                    "technical assistance to requesting States can overcome those difficulties, and "
                    "desirable practices."
                ),
            ),
        )
        self.p(
            part,
            format_html(
                "{}{}",
                _(
                    "In its resolution 2004/28 of 21 July 2004, the Council requested the "
                    "Secretary-General to report to the Commission on the use and application of "
                    "those standards and norms, in particular as regards: (a) the difficulties "
                    "encountered in their application; (b) ways in which technical assistance can be "
                    "provided to overcome those difficulties; and (c) useful practices in addressing "
                    "persisting and emerging challenges in crime prevention and criminal justice."
                ),
                self.footnote(_("Economic and Social Council resolution 2004/28, para. 9.")),
            ),
        )
        for cycle in self.f.cycles:
            self.p(
                part,
                _(
                    "The information was gathered with the questionnaire “%(questionnaire)s” "
                    "(version %(version)s), which the Secretariat sent to the respondents invited "
                    "on %(opens)s with a deadline of %(deadline)s."
                )
                % {
                    "questionnaire": cycle["questionnaire_title"],
                    "version": cycle["version"],
                    "opens": _date(datetime.date.fromisoformat(cycle["opens_on"])),
                    "deadline": _date(datetime.date.fromisoformat(cycle["deadline"])),
                },
            )
        from surveys.models import ReplyStatus

        labels = dict(ReplyStatus.choices)
        statuses = and_list([str(labels.get(s, s)).lower() for s in self.f.statuses], self.language)
        self.p(
            part,
            format_html(
                "{}{}",
                _(
                    "The present report is based on the replies received through the portal of the "
                    "United Nations Office on Drugs and Crime, as reviewed by the Secretariat. The "
                    "analysis of application, difficulties and technical assistance needs in "
                    "chapter III refers to the replies of States; the replies of other bodies are "
                    "reflected in chapter II and among the useful practices."
                ),
                self.footnote(
                    _("Replies counted: those with the status %(statuses)s.")
                    % {"statuses": statuses}
                ),
            ),
        )
        return part

    # --- II. Replies received

    def replies(self) -> Part:
        f = self.f
        part = self.chapter(1, _("Replies received"), "replies")
        rate = round(100 * f.replied / f.invited, 1) if f.invited else 0
        self.p(
            part,
            ngettext(
                "As at %(date)s, %(replied)s of the %(invited)s respondents invited had replied, a "
                "response rate of %(rate)s per cent.",
                "As at %(date)s, %(replied)s of the %(invited)s respondents invited had replied, a "
                "response rate of %(rate)s per cent.",
                f.replied,
            )
            % {
                "date": _date(self.today),
                "replied": f.replied,
                "invited": f.invited,
                "rate": _pct(rate),
            },
        )
        regions = [g for g in f.by_region if g.invited]
        by_region = self.table(
            part,
            _("Replies received from States, by regional group"),
            [_("Regional group"), _("Invited"), _("Replied"), _("Response rate (%)")],
            [[g.label, g.invited, g.replied, g.rate] for g in regions],
            total=[
                _("Total"),
                f.states_invited,
                f.states_replied,
                round(100 * f.states_replied / f.states_invited, 1) if f.states_invited else 0.0,
            ],
            widths=[46, 18, 18, 18],
        )
        if regions and f.states_replied:
            largest = max(regions, key=lambda g: (g.replied, g.rate))
            highest = max(regions, key=lambda g: (g.rate, g.replied))
            self.p(
                part,
                _(
                    "The largest number of replies came from the %(largest)s (%(count)s); the "
                    "highest response rate was that of the %(highest)s (%(rate)s per cent). The "
                    "replies by regional group are shown in %(table)s and in figure I."
                )
                % {
                    "largest": largest.label,
                    "count": largest.replied,
                    "highest": highest.label,
                    "rate": _pct(highest.rate),
                    "table": self.table_ref(by_region),
                },
            )
        title = _("Figure I. Replies received from States, by regional group")
        part.blocks.append(
            Block(
                "chart",
                bar_chart(
                    bars=[Bar(g.label, g.replied, f"({g.rate}%)") for g in regions],
                    title=title,
                    rtl=self.rtl,
                    maximum=max([g.invited for g in regions], default=1),
                ),
                attribution=title,
            )
        )
        by_type = self.table(
            part,
            _("Replies received, by type of respondent"),
            [_("Respondent"), _("Invited"), _("Replied"), _("Response rate (%)")],
            [[g.label, g.invited, g.replied, g.rate] for g in f.by_type],
            total=[_("Total"), f.invited, f.replied, rate],
            widths=[46, 18, 18, 18],
        )
        others = f.replied - f.states_replied
        if others:
            self.p(
                part,
                ngettext(
                    "Besides States, %(count)s other respondent replied (%(table)s). The list of "
                    "respondents is given in the annex.",
                    "Besides States, %(count)s other respondents replied (%(table)s). The list of "
                    "respondents is given in the annex.",
                    others,
                )
                % {"count": others, "table": self.table_ref(by_type)},
            )
        else:
            self.p(
                part,
                _("Only States replied (%(table)s). The list of respondents is given in the annex.")
                % {"table": self.table_ref(by_type)},
            )
        return part

    # --- III. Analysis

    def analysis(self) -> Part:
        part = self.chapter(2, _("Use and application of the standards and norms"), "analysis")
        if not self.f.clusters:
            self.p(part, _("No replies within the scope of the report were received."))
        if self.f.difficulties:
            self.p(
                part,
                ngettext(
                    "Of the %(replied)s State that replied, %(count)s reported difficulties in "
                    "applying the standards and norms, most often %(themes)s (figure II).",
                    "Of the %(replied)s States that replied, %(count)s reported difficulties in "
                    "applying the standards and norms, most often %(themes)s (figure II).",
                    self.f.states_replied,
                )
                % {
                    "replied": self.f.states_replied,
                    "count": self.f.states_reporting_difficulties,
                    "themes": self.themes_text(self.f.difficulties),
                },
            )
            title = _("Figure II. Difficulties most often reported (number of States)")
            part.blocks.append(
                Block(
                    "chart",
                    bar_chart(
                        bars=[Bar(t.label, t.states) for t in self.f.difficulties[:8]],
                        title=title,
                        rtl=self.rtl,
                    ),
                    attribution=title,
                )
            )
        for index, cluster in enumerate(self.f.clusters):
            part.children.append(self.cluster(index, cluster))
        gender = self.section(len(part.children), _("Gender perspective"), "gender")
        self.gender(gender)
        part.children.append(gender)
        return part

    def cluster(self, index: int, cluster: ClusterFigures) -> Part:
        section = self.section(
            index, cluster.title[:1].upper() + cluster.title[1:], f"cluster-{cluster.letter}"
        )
        for number, topic in enumerate(cluster.topics, start=1):
            sub = Part(3, f"{number}.", topic.title, f"topic-{cluster.letter}-{topic.code}")
            self.topic(sub, topic)
            section.children.append(sub)
        return section

    def topic(self, part: Part, topic: TopicFigures) -> None:
        f = self.f
        standards = self.standards_text(topic)
        # Application
        self.heading(part, _("Application"))
        for standard in topic.standards:
            if not standard.answered:
                continue
            self.p(
                part,
                ngettext(
                    "Of the %(answered)s State that answered questions on the application of the "
                    "%(standard)s, %(applying)s reported applying at least one of the provisions "
                    "concerned, fully or in part.",
                    "Of the %(answered)s States that answered questions on the application of the "
                    "%(standard)s, %(applying)s reported applying at least one of the provisions "
                    "concerned, fully or in part.",
                    standard.answered,
                )
                % {
                    "answered": standard.answered,
                    "standard": standard.name,
                    "applying": standard.applying,
                },
            )
        scales = [
            q
            for q in topic.application
            if q.type in (QuestionType.YES_NO, QuestionType.YES_NO_PARTLY_DK)
        ]
        if scales:
            names = ["yes", "partly", "no", "dont_know"]
            labels = {c.name: c.label for q in scales for c in q.counts}
            shown = [n for n in names if n in labels]
            table = self.table(
                part,
                _("Application of the %(standards)s: answers of States") % {"standards": standards},
                [_("Question"), *[labels[n] for n in shown], _("States answering")],
                [
                    [
                        f"{q.code} {q.text}",
                        *[next((c.count for c in q.counts if c.name == n), 0) for n in shown],
                        q.answered,
                    ]
                    for q in scales
                ],
                widths=[52, *[int(36 / len(shown))] * len(shown), 12],
            )
            best = max(scales, key=lambda q: (self._share(q, "yes"), q.answered))
            if best.answered:
                self.p(
                    part,
                    _(
                        "%(table)s gives the answers question by question. The provision most "
                        "widely applied was the one asked about in question %(code)s (“%(text)s”): "
                        "%(yes)s of the %(answered)s States that answered replied “%(label)s”."
                    )
                    % {
                        "table": self.table_ref(table).capitalize(),
                        "code": best.code,
                        "text": best.text,
                        "yes": self._count(best, "yes"),
                        "answered": best.answered,
                        "label": labels.get("yes", "yes"),
                    },
                )
        for question in topic.application:
            if question.type == QuestionType.MULTIPLE_CHOICE and question.answered:
                ranked = sorted(question.counts, key=lambda c: -c.count)
                table = self.table(
                    part,
                    f"{question.code} {question.text}",
                    [_("Answer"), _("States")],
                    [[c.label, c.count] for c in question.counts],
                    widths=[80, 20],
                )
                self.p(
                    part,
                    ngettext(
                        "Asked question %(code)s, the %(answered)s State that answered most often "
                        "named %(top)s (%(table)s).",
                        "Asked question %(code)s, the %(answered)s States that answered most often "
                        "named %(top)s (%(table)s).",
                        question.answered,
                    )
                    % {
                        "code": question.code,
                        "answered": question.answered,
                        "top": and_list(
                            [f"{c.label} ({c.count})" for c in ranked[:3] if c.count], self.language
                        ),
                        "table": self.table_ref(table),
                    },
                )
            elif question.type == QuestionType.TABLE and question.answered:
                columns = [c.label for c in question.rows[0].counts] if question.rows else []
                table = self.table(
                    part,
                    f"{question.code} {question.text}",
                    ["", *columns],
                    [[row.label, *[c.count for c in row.counts]] for row in question.rows],
                    widths=[40, *[int(60 / max(len(columns), 1))] * len(columns)],
                )
                self.p(
                    part,
                    ngettext(
                        "Question %(code)s was answered by %(answered)s State; %(table)s shows "
                        "how many States gave each answer for each row.",
                        "Question %(code)s was answered by %(answered)s States; %(table)s shows "
                        "how many States gave each answer for each row.",
                        question.answered,
                    )
                    % {
                        "answered": question.answered,
                        "code": question.code,
                        "table": self.table_ref(table),
                    },
                )
        # Difficulties
        self.heading(part, _("Difficulties encountered"))
        replied = f.states_replied
        if topic.difficulties_reported and topic.difficulty_themes:
            self.p(
                part,
                ngettext(
                    "Of the %(replied)s State that replied, %(count)s reported difficulties in "
                    "applying the %(standards)s, most often %(themes)s.",
                    "Of the %(replied)s States that replied, %(count)s reported difficulties in "
                    "applying the %(standards)s, most often %(themes)s.",
                    replied,
                )
                % {
                    "replied": replied,
                    "count": topic.difficulties_reported,
                    "standards": standards,
                    "themes": self.themes_text(topic.difficulty_themes),
                },
            )
            top = topic.difficulty_themes[0]
            self.p(part, self.regions_sentence(top))
            self.table(
                part,
                _("Difficulties encountered in applying the %(standards)s, by regional group")
                % {"standards": standards},
                [_("Difficulty"), _("States"), *self.region_heads()],
                [[t.label, t.states, *self.region_cells(t)] for t in topic.difficulty_themes],
                widths=[30, 10, *[12] * 5],
            )
        elif topic.difficulties_reported:
            self.p(
                part,
                ngettext(
                    "Of the %(replied)s State that replied, %(count)s described difficulties in "
                    "applying the %(standards)s; the Secretariat has not yet coded them by theme.",
                    "Of the %(replied)s States that replied, %(count)s described difficulties in "
                    "applying the %(standards)s; the Secretariat has not yet coded them by theme.",
                    replied,
                )
                % {
                    "replied": replied,
                    "count": topic.difficulties_reported,
                    "standards": standards,
                },
            )
        else:
            self.p(
                part,
                _("No State reported difficulties in applying the %(standards)s.")
                % {"standards": standards},
            )
        # Technical assistance needed
        self.heading(part, _("Technical assistance needed"))
        if topic.assistance_answered:
            sentence = ngettext(
                "Of the %(answered)s State that answered, %(wanted)s said that technical "
                "assistance would help to overcome those difficulties",
                "Of the %(answered)s States that answered, %(wanted)s said that technical "
                "assistance would help to overcome those difficulties",
                topic.assistance_answered,
            ) % {"wanted": topic.assistance_wanted, "answered": topic.assistance_answered}
            if topic.assistance_areas:
                sentence = _("%(sentence)s, above all in %(areas)s.") % {
                    "sentence": sentence,
                    "areas": self.themes_text(topic.assistance_areas),
                }
            else:
                sentence = _("%(sentence)s.") % {"sentence": sentence}
            self.p(part, sentence)
        else:
            self.p(part, _("No State answered the questions on technical assistance needed."))
        # Useful practices
        self.heading(part, _("Useful practices"))
        if topic.practices:
            names = and_list(
                sorted({p.respondent for p in topic.practices}, key=lambda n: n), self.language
            )
            self.p(
                part,
                ngettext(
                    "The Secretariat selected the following practice, reported by %(names)s, as "
                    "useful to other States:",
                    "The Secretariat selected the following practices, reported by %(names)s, as "
                    "useful to other States:",
                    len(topic.practices),
                )
                % {"names": names},
            )
            for practice in topic.practices[:QUOTED_PRACTICES]:
                text = practice.text if len(practice.text) <= 900 else practice.text[:897] + "…"
                part.blocks.append(
                    Block(
                        "quote",
                        conditional_escape(text),
                        lang=practice.language,
                        dir=("rtl" if practice.language in RIGHT_TO_LEFT else "ltr")
                        if practice.language
                        else text_direction(text),
                        attribution=practice.respondent,
                    )
                )
            if len(topic.practices) > QUOTED_PRACTICES:
                self.p(
                    part,
                    ngettext(
                        "%(count)s other practice selected is listed in the statistical annex.",
                        "The %(count)s other practices selected are listed in the statistical annex.",
                        len(topic.practices) - QUOTED_PRACTICES,
                    )
                    % {"count": len(topic.practices) - QUOTED_PRACTICES},
                )
        else:
            self.p(part, _("No practice has yet been selected for the report."))

    def _count(self, question: QuestionFigures, name: str) -> int:
        return next((c.count for c in question.counts if c.name == name), 0)

    def _share(self, question: QuestionFigures, name: str) -> float:
        return self._count(question, name) / question.answered if question.answered else 0

    def region_heads(self) -> list[str]:
        return [r["label"] for r in self.f.regions]

    def region_cells(self, theme) -> list[int]:
        return [theme.by_region.get(r["key"], 0) for r in self.f.regions]

    def regions_sentence(self, theme: ThemeFigures) -> str:
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

    def gender(self, part: Part) -> None:
        questions = [q for q in self.f.gender if q.answered]
        if not questions:
            self.p(part, _("No State answered the questions on the gender perspective."))
            return
        self.p(
            part,
            _(
                "Gender is a cross-cutting issue in the application of the standards and norms "
                "(Economic and Social Council resolution 2003/30, annex, para. 8). The questionnaire "
                "asked %(count)s questions from that perspective."
            )
            % {"count": len(self.f.gender)},
        )
        rows = []
        for question in questions:
            if question.type in (QuestionType.INTEGER, QuestionType.DECIMAL):
                self.p(
                    part,
                    ngettext(
                        "In reply to question %(code)s (“%(text)s”), %(answered)s State gave a "
                        "figure; the figures total %(total)s, with a median of %(median)s.",
                        "In reply to question %(code)s (“%(text)s”), %(answered)s States gave a "
                        "figure; the figures total %(total)s, with a median of %(median)s.",
                        question.answered,
                    )
                    % {
                        "answered": question.answered,
                        "code": question.code,
                        "text": question.text,
                        "total": _number(question.total),
                        "median": _number(question.median),
                    },
                )
            elif question.type in (QuestionType.YES_NO, QuestionType.YES_NO_PARTLY_DK):
                rows.append(
                    [
                        f"{question.code} {question.text}",
                        self._count(question, "yes"),
                        self._count(question, "partly"),
                        self._count(question, "no"),
                        question.answered,
                    ]
                )
            elif question.counts:
                ranked = sorted(question.counts, key=lambda c: -c.count)
                self.p(
                    part,
                    ngettext(
                        "In reply to question %(code)s (“%(text)s”), the %(answered)s State that "
                        "answered most often named %(top)s.",
                        "In reply to question %(code)s (“%(text)s”), the %(answered)s States that "
                        "answered most often named %(top)s.",
                        question.answered,
                    )
                    % {
                        "code": question.code,
                        "text": question.text,
                        "answered": question.answered,
                        "top": and_list(
                            [f"{c.label} ({c.count})" for c in ranked[:3] if c.count], self.language
                        ),
                    },
                )
        if rows:
            scale = {"yes": "", "partly": "", "no": ""}
            for question in questions:
                for choice in question.counts:
                    if choice.name in scale:
                        scale[choice.name] = choice.label
            table = self.table(
                part,
                _("Questions on the gender perspective: answers of States"),
                [_("Question"), scale["yes"], scale["partly"], scale["no"], _("States answering")],
                rows,
                widths=[52, 12, 12, 12, 12],
            )
            self.p(
                part,
                _(
                    "The answers to the other questions on the gender perspective are shown in %(table)s."
                )
                % {"table": self.table_ref(table)},
            )

    # --- IV. Technical assistance

    def assistance(self) -> Part:
        f, r = self.f, self.f.requests
        part = self.chapter(3, _("Technical assistance"), "assistance")
        self.p(
            part,
            ngettext(
                "In their replies, %(wanted)s State said that technical assistance would help it to "
                "overcome the difficulties encountered.",
                "In their replies, %(wanted)s States said that technical assistance would help them "
                "to overcome the difficulties encountered.",
                f.states_wanting_assistance,
            )
            % {"wanted": f.states_wanting_assistance},
        )
        if f.assistance_areas:
            self.p(
                part,
                _("The areas of assistance most often named were %(areas)s.")
                % {"areas": self.themes_text(f.assistance_areas)},
            )
            self.table(
                part,
                _("Technical assistance needed, by area and regional group"),
                [_("Area"), _("States"), *self.region_heads()],
                [[t.label, t.states, *self.region_cells(t)] for t in f.assistance_areas],
                widths=[30, 10, *[12] * 5],
            )
        self.p(
            part,
            format_html(
                "{}{}",
                ngettext(
                    "As requested in resolution 2003/30, the Secretariat relates the information "
                    "gathered to the requests for technical assistance: %(total)s request was "
                    "received from %(respondents)s respondents; %(from_states)s of the States that "
                    "said assistance would help have made a request.",
                    "As requested in resolution 2003/30, the Secretariat relates the information "
                    "gathered to the requests for technical assistance: %(total)s requests were "
                    "received from %(respondents)s respondents; %(from_states)s of the States that "
                    "said assistance would help have made a request.",
                    r.total,
                )
                % {
                    "total": r.total,
                    "respondents": r.respondents,
                    "from_states": r.from_states_needing,
                },
                self.footnote(_("Economic and Social Council resolution 2003/30, para. 7.")),
            ),
        )
        if r.total:
            self.table(
                part,
                _("Requests for technical assistance, by status"),
                [_("Status"), _("Requests")],
                [[s.label, s.count] for s in r.by_status],
                total=[_("Total"), r.total],
                widths=[70, 30],
            )
            self.p(
                part,
                _(
                    "Of the %(total)s requests, %(matched)s have been matched with at least one "
                    "expert of the roster of national and regional experts; for %(unmet)s, no "
                    "expert on the roster covers the cluster of standards concerned."
                )
                % {"total": r.total, "matched": r.matched, "unmet": r.unmet},
            )
            self.table(
                part,
                _("Requests for technical assistance, by area"),
                [
                    _("Area"),
                    _("Requests"),
                    _("Matched with an expert"),
                    _("No expert on the roster"),
                ],
                [
                    [a.label or _("Not yet assigned"), a.requests, a.matched, a.unmet]
                    for a in r.by_area
                ],
                widths=[46, 18, 18, 18],
            )
        roster = f.roster
        self.p(
            part,
            format_html(
                "{}{}",
                ngettext(
                    "The roster of national and regional experts counts %(experts)s expert, "
                    "%(available)s of whom is available (%(table)s).",
                    "The roster of national and regional experts counts %(experts)s experts, "
                    "%(available)s of whom are available (%(table)s).",
                    roster.experts,
                )
                % {
                    "experts": roster.experts,
                    "available": roster.available,
                    "table": _("table %(number)s") % {"number": len(self.tables) + 1},
                },
                self.footnote(_("Resolution 2003/30, annex, para. 9.")),
            ),
        )
        self.table(
            part,
            _("Roster of experts, by cluster and regional group"),
            [_("Cluster"), _("Experts"), _("Available"), *self.region_heads()],
            [
                [
                    f"({row.letter}) {row.title}",
                    row.experts,
                    row.available,
                    *[row.by_region[k["key"]] for k in f.regions],
                ]
                for row in roster.by_cluster
            ],
            widths=[28, 9, 9, *[10.8] * 5],
        )
        return part

    # --- V. Conclusions

    def conclusions(self) -> Part:
        f = self.f
        part = self.chapter(4, _("Conclusions and recommendations"), "conclusions")
        rate = round(100 * f.states_replied / f.states_invited, 1) if f.states_invited else 0
        if rate >= 90:
            self.p(
                part,
                _(
                    "With %(states)s out of %(invited)s having replied (%(rate)s per cent), the "
                    "information gathered gives a comprehensive picture of the application of the "
                    "standards and norms."
                )
                % {
                    "states": states(f.states_replied),
                    "invited": f.states_invited,
                    "rate": _pct(rate),
                },
            )
        else:
            self.p(
                part,
                _(
                    "With %(states)s out of %(invited)s having replied (%(rate)s per cent), the "
                    "information gathered gives a partial picture of the application of the standards "
                    "and norms. The Commission may wish to encourage the States that have not yet "
                    "replied to do so, and to designate a contact person for that purpose."
                )
                % {
                    "states": states(f.states_replied),
                    "invited": f.states_invited,
                    "rate": _pct(rate),
                },
            )
        if f.difficulties:
            self.p(
                part,
                _(
                    "The difficulties most often reported, %(themes)s, point to the areas where "
                    "technical assistance could have the widest effect. The Commission may wish to "
                    "invite donor States and relevant institutions to support criminal justice "
                    "reforms in those areas in the countries requesting assistance."
                )
                % {"themes": self.themes_text(f.difficulties)},
            )
        if f.requests.unmet:
            self.p(
                part,
                ngettext(
                    "For %(unmet)s request for technical assistance, the roster has no expert in the "
                    "cluster concerned. The Commission may wish to invite States to propose experts "
                    "for the roster in those clusters.",
                    "For %(unmet)s requests for technical assistance, the roster has no expert in the "
                    "cluster concerned. The Commission may wish to invite States to propose experts "
                    "for the roster in those clusters.",
                    f.requests.unmet,
                )
                % {"unmet": f.requests.unmet},
            )
        self.p(
            part,
            _(
                "The Commission may also wish to encourage the sharing of the useful practices "
                "identified in the present report, in particular through the institutes of the "
                "United Nations Crime Prevention and Criminal Justice Programme network."
            ),
        )
        return part


def _date(value: datetime.date) -> str:
    """A date as United Nations documents write it: "23 November 2026" in English."""
    return date_format(value, "j F Y" if get_language() == "en" else "DATE_FORMAT")


def _pct(value: float) -> str:
    return number_format(value, 1)


def _number(value) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
