"""Chapter III of the report, the use and application of the standards and norms: per cluster and
topic, the application, the difficulties encountered (themes, how many States, by region), the
technical assistance needed and the useful practices; then the gender perspective
(reports.writing.gender)."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.figures.structure import ClusterFigures, QuestionFigures, TopicFigures
from reports.writing.charts import Bar
from reports.writing.comparison import application_compared
from reports.writing.formatting import and_list, count_text
from reports.writing.gender import gender as write_gender
from reports.writing.other_answers import other_answers
from reports.writing.parts import Part
from reports.writing.tables import scale_tables
from reports.writing.writer import ReportWriter, answer_count, name_html
from surveys.models import QuestionType

# Practices quoted per topic; the statistical annex lists them all.
QUOTED_PRACTICES = 8
SCALES = (QuestionType.YES_NO, QuestionType.YES_NO_PARTLY_DK)
NUMBERS = (QuestionType.INTEGER, QuestionType.DECIMAL)


def analysis(writer: ReportWriter) -> Part:
    f = writer.f
    part = writer.chapter(2, _("Use and application of the standards and norms"), "analysis")
    if not f.clusters:
        writer.p(part, _("No replies within the scope of the report were received."))
    if f.difficulties:
        if f.states_reporting_difficulties == f.states_replied:
            sentence = ngettext(
                "The State that replied reported difficulties in applying the standards and "
                "norms, most often %(themes)s (figure I).",
                "All %(replied)s States that replied reported difficulties in applying the "
                "standards and norms, most often %(themes)s (figure I).",
                f.states_replied,
            )
        else:
            sentence = ngettext(
                "Of the %(replied)s State that replied, %(count)s reported difficulties in "
                "applying the standards and norms, most often %(themes)s (figure I).",
                "Of the %(replied)s States that replied, %(count)s reported difficulties in "
                "applying the standards and norms, most often %(themes)s (figure I).",
                f.states_replied,
            )
        writer.p(
            part,
            sentence
            % {
                "replied": count_text(f.states_replied),
                "count": count_text(f.states_reporting_difficulties),
                "themes": writer.themes_text(f.difficulties),
            },
        )
        writer.chart(
            part,
            _("Figure I. Difficulties most often reported (number of States)"),
            [Bar(t.label, t.states) for t in f.difficulties[:8]],
        )
    for index, cluster in enumerate(f.clusters):
        part.children.append(_cluster(writer, index, cluster))
    gender = writer.section(len(part.children), _("Gender perspective"), "gender")
    write_gender(writer, gender)
    part.children.append(gender)
    return part


def _cluster(writer: ReportWriter, index: int, cluster: ClusterFigures) -> Part:
    section = writer.section(
        index, cluster.title[:1].upper() + cluster.title[1:], f"cluster-{cluster.letter}"
    )
    for number, topic in enumerate(cluster.topics, start=1):
        sub = Part(3, f"{number}.", topic.title, f"topic-{cluster.letter}-{topic.code}")
        _topic(writer, sub, topic)
        section.children.append(sub)
    return section


def _topic(writer: ReportWriter, part: Part, topic: TopicFigures) -> None:
    writer.heading(part, _("Application"))
    _application(writer, part, topic)
    application_compared(writer, part, topic)
    writer.heading(part, _("Difficulties encountered"))
    _difficulties(writer, part, topic)
    writer.heading(part, _("Technical assistance needed"))
    _assistance_needed(writer, part, topic)
    writer.heading(part, _("Useful practices"))
    _practices(writer, part, topic)


# --- Application


def _application(writer: ReportWriter, part: Part, topic: TopicFigures) -> None:
    for standard in topic.standards:
        # One "applying" figure per standard: stated where the report first comes to it.
        if not standard.answered or not writer.mentions.first(f"applying {standard.code}"):
            continue
        if standard.applying == standard.answered:
            sentence = ngettext(
                "The State that answered questions on the application of the %(standard)s "
                "reported applying at least one of the provisions concerned, fully or in part.",
                "All %(answered)s States that answered questions on the application of the "
                "%(standard)s reported applying at least one of the provisions concerned, fully "
                "or in part.",
                standard.answered,
            )
        elif not standard.applying:
            sentence = ngettext(
                "The State that answered questions on the application of the %(standard)s did "
                "not report applying any of the provisions concerned.",
                "None of the %(answered)s States that answered questions on the application of "
                "the %(standard)s reported applying any of the provisions concerned.",
                standard.answered,
            )
        else:
            sentence = ngettext(
                "Of the %(answered)s State that answered questions on the application of the "
                "%(standard)s, %(applying)s reported applying at least one of the provisions "
                "concerned, fully or in part.",
                "Of the %(answered)s States that answered questions on the application of the "
                "%(standard)s, %(applying)s reported applying at least one of the provisions "
                "concerned, fully or in part.",
                standard.answered,
            )
        writer.p(
            part,
            sentence
            % {
                "answered": count_text(standard.answered),
                "standard": writer.standard_name(standard),
                "applying": count_text(standard.applying),
            },
        )
    scales = [q for q in topic.application if q.type in SCALES]
    if scales:
        _application_scales(writer, part, topic, scales)
    for question in topic.application:
        if question.type == QuestionType.MULTIPLE_CHOICE and question.answered:
            _multiple_choice(writer, part, question)
        elif question.type == QuestionType.TABLE and question.answered:
            _table_question(writer, part, question)


def _application_scales(
    writer: ReportWriter, part: Part, topic: TopicFigures, scales: list[QuestionFigures]
) -> None:
    """The yes/no questions of a topic in tables (one per set of answers offered), and the
    provision most widely applied."""
    tables = scale_tables(
        writer,
        part,
        _("Application of the %(standards)s: answers of States")
        % {"standards": writer.short_standards_text(topic)},
        scales,
    )
    # The answers meaning the provision is applied: "No" for a reverse-worded question.
    best = max(scales, key=lambda q: (_applied(q) / q.answered if q.answered else 0, q.answered))
    if not best.answered:
        return
    refs = writer.tables_ref(tables)
    sentence = ngettext(
        "%(tables)s gives the answers question by question.",
        "%(tables)s give the answers question by question.",
        len(tables),
    ) % {"tables": refs}
    sentence = sentence[:1].upper() + sentence[1:]  # "Table 3 gives", "Les tableaux 3 et 4"
    yes = _applied(best)
    labels = [
        _("“%(label)s”") % {"label": c.label} for c in best.counts if c.name in _applied_names(best)
    ]
    label = labels[0] if len(labels) == 1 else ""
    if len(labels) > 1:
        label = _("%(answers)s or %(last)s") % {
            "answers": ", ".join(labels[:-1]),
            "last": labels[-1],
        }
    if yes == best.answered:
        best_sentence = _(
            "The provision most widely applied was the one asked about in question %(code)s "
            "(“%(text)s”): all %(answered)s States that answered replied %(label)s."
        )
    else:
        best_sentence = _(
            "The provision most widely applied was the one asked about in question %(code)s "
            "(“%(text)s”): %(yes)s of the %(answered)s States that answered replied %(label)s."
        )
    best_sentence = best_sentence % {
        "code": best.code,
        "text": best.text,
        "yes": count_text(yes),
        "answered": count_text(best.answered),
        "label": label,
    }
    writer.p(part, f"{sentence} {best_sentence}")


def _applied_names(question: QuestionFigures) -> list[str]:
    """The answers meaning the provision asked about is applied ("yes" unless the question
    says otherwise, e.g. "no" for a reverse-worded question)."""
    return question.applied_if or ["yes"]


def _applied(question: QuestionFigures) -> int:
    return sum(answer_count(question, name) for name in _applied_names(question))


def _multiple_choice(writer: ReportWriter, part: Part, question: QuestionFigures) -> None:
    table = writer.table(
        part,
        f"{question.code} {question.text}",
        [_("Answer"), _("States")],
        [[c.label, c.count] for c in question.counts],
        widths=[80, 20],
    )
    note = ""
    if question.contradictory:
        # Counted once, for the options ticked besides "None of these".
        note = writer.footnote(
            ngettext(
                "In reply to question %(code)s, %(count)s State ticked “%(label)s” together "
                "with other answers. As “%(label)s” excludes the other answers, that State is "
                "counted for the other answers only; the row “%(label)s” of %(table)s counts "
                "the States that ticked it alone.",
                "In reply to question %(code)s, %(count)s States ticked “%(label)s” together "
                "with other answers. As “%(label)s” excludes the other answers, those States "
                "are counted for the other answers only; the row “%(label)s” of %(table)s "
                "counts the States that ticked it alone.",
                question.contradictory,
            )
            % {
                "count": count_text(question.contradictory),
                "label": question.exclusive_label,
                "code": question.code,
                "table": writer.table_ref(table),
            }
        )
    sentence = ngettext(
        "Asked question %(code)s, the %(answered)s State that answered most often "
        "named %(top)s (%(table)s).",
        "Asked question %(code)s, the %(answered)s States that answered most often "
        "named %(top)s (%(table)s).",
        question.answered,
    ) % {
        "code": question.code,
        "answered": count_text(question.answered),
        "top": writer.top_answers(question),
        "table": writer.table_ref(table),
    }
    writer.p(part, format_html("{}{}", sentence, note))
    other_answers(writer, part, question)


def _table_question(writer: ReportWriter, part: Part, question: QuestionFigures) -> None:
    """A table question as a table: its rows, a column for each answer, a "No answer" column
    where a State that answered the question left a row blank, and the total, so that each
    row adds up."""
    columns = [c.label for c in question.rows[0].counts] if question.rows else []
    unanswered = [question.answered - sum(c.count for c in row.counts) for row in question.rows]
    missing = any(unanswered)
    head = [_("Item"), *columns, *([_("No answer")] if missing else []), _("Total")]
    rows = [
        [row.label, *[c.count for c in row.counts], *([left] if missing else []), question.answered]
        for row, left in zip(question.rows, unanswered, strict=True)
    ]
    figures = len(head) - 1
    table = writer.table(
        part,
        f"{question.code} {question.text}",
        head,
        rows,
        widths=[36, *[int(64 / figures)] * figures],
    )
    writer.p(
        part,
        ngettext(
            "Question %(code)s was answered by %(answered)s State; %(table)s shows "
            "how many States gave each answer for each row.",
            "Question %(code)s was answered by %(answered)s States; %(table)s shows "
            "how many States gave each answer for each row.",
            question.answered,
        )
        % {
            "answered": count_text(question.answered),
            "code": question.code,
            "table": writer.table_ref(table),
        },
    )


# --- Difficulties encountered


def _difficulties(writer: ReportWriter, part: Part, topic: TopicFigures) -> None:
    replied = writer.f.states_replied
    standards = writer.standards_text(topic)
    if topic.difficulties_reported and topic.difficulty_themes and topic.subgroup_code:
        _subgroup_difficulties(writer, part, topic, standards)
    elif topic.difficulties_reported and topic.difficulty_themes:
        if topic.difficulties_reported == replied:
            sentence = ngettext(
                "The State that replied reported difficulties in applying the %(standards)s, "
                "most often %(themes)s.",
                "All %(replied)s States that replied reported difficulties in applying the "
                "%(standards)s, most often %(themes)s.",
                replied,
            )
        else:
            sentence = ngettext(
                "Of the %(replied)s State that replied, %(count)s reported difficulties in "
                "applying the %(standards)s, most often %(themes)s.",
                "Of the %(replied)s States that replied, %(count)s reported difficulties in "
                "applying the %(standards)s, most often %(themes)s.",
                replied,
            )
        writer.p(
            part,
            sentence
            % {
                "replied": count_text(replied),
                "count": count_text(topic.difficulties_reported),
                "standards": standards,
                "themes": writer.themes_text(topic.difficulty_themes),
            },
        )
    if topic.difficulties_reported and topic.difficulty_themes:
        _coded_texts(writer, part, topic)
        writer.p(part, writer.regions_sentence(topic.difficulty_themes[0]))
        writer.table(
            part,
            _("Difficulties encountered in applying the %(standards)s, by regional group")
            % {"standards": writer.short_standards_text(topic)},
            [_("Difficulty"), _("Total"), *writer.region_heads()],
            [[t.label, t.states, *writer.region_cells(t)] for t in topic.difficulty_themes],
            widths=[30, 10, *[12] * 5],
            source="coding",
        )
    elif topic.difficulties_reported:
        writer.p(
            part,
            ngettext(
                "Of the %(replied)s State that replied, %(count)s described difficulties in "
                "applying the %(standards)s; the Secretariat has not yet coded them by theme.",
                "Of the %(replied)s States that replied, %(count)s described difficulties in "
                "applying the %(standards)s; the Secretariat has not yet coded them by theme.",
                replied,
            )
            % {
                "replied": count_text(replied),
                "count": count_text(topic.difficulties_reported),
                "standards": standards,
            },
        )
    else:
        writer.p(
            part,
            _("No State reported difficulties in applying the %(standards)s.")
            % {"standards": standards},
        )


def _subgroup_difficulties(
    writer: ReportWriter, part: Part, topic: TopicFigures, standards: str
) -> None:
    """Difficulties stated of the States the topic's questions were asked of (those with
    restorative justice programmes, say), and how many others described some all the same."""
    if topic.subgroup_difficulties == topic.subgroup_states:
        sentence = ngettext(
            "The State that answered “%(label)s” to question %(code)s (“%(text)s”) reported "
            "difficulties in applying the %(standards)s, most often %(themes)s.",
            "All %(count)s States that answered “%(label)s” to question %(code)s (“%(text)s”) "
            "reported difficulties in applying the %(standards)s, most often %(themes)s.",
            topic.subgroup_states,
        )
    else:
        sentence = ngettext(
            "Of the %(count)s State that answered “%(label)s” to question %(code)s "
            "(“%(text)s”), %(difficulties)s reported difficulties in applying the "
            "%(standards)s, most often %(themes)s.",
            "Of the %(count)s States that answered “%(label)s” to question %(code)s "
            "(“%(text)s”), %(difficulties)s reported difficulties in applying the "
            "%(standards)s, most often %(themes)s.",
            topic.subgroup_states,
        )
    writer.p(
        part,
        sentence
        % {
            "count": count_text(topic.subgroup_states),
            "label": topic.subgroup_label,
            "code": topic.subgroup_code,
            "text": topic.subgroup_text,
            "difficulties": count_text(topic.subgroup_difficulties),
            "standards": standards,
            "themes": writer.themes_text(topic.difficulty_themes),
        },
    )
    others = topic.difficulties_reported - topic.subgroup_difficulties
    if others:
        writer.p(
            part,
            ngettext(
                "Difficulties were also described by one other State; the themes and the table "
                "below include it.",
                "Difficulties were also described by %(count)s other States; the themes and the "
                "table below include them.",
                others,
            )
            % {"count": count_text(others)},
        )


def _coded_texts(writer: ReportWriter, part: Part, topic: TopicFigures) -> None:
    """How many of the texts on difficulties the themes rest on, when not all are coded."""
    if topic.difficulty_texts_coded >= topic.difficulty_texts:
        return
    writer.p(
        part,
        ngettext(
            "So far, %(coded)s of the %(texts)s text on difficulties has been coded by theme; "
            "the themes and the table by regional group cover the texts coded.",
            "So far, %(coded)s of the %(texts)s texts on difficulties have been coded by theme; "
            "the themes and the table by regional group cover the texts coded.",
            topic.difficulty_texts,
        )
        % {
            "coded": count_text(topic.difficulty_texts_coded),
            "texts": count_text(topic.difficulty_texts),
        },
    )


# --- Technical assistance needed


def _assistance_needed(writer: ReportWriter, part: Part, topic: TopicFigures) -> None:
    if not topic.assistance_answered:
        writer.p(part, _("No State answered the questions on technical assistance needed."))
        return
    if topic.assistance_wanted == topic.assistance_answered:
        sentence = ngettext(
            "The State that answered said that technical assistance would help to overcome "
            "those difficulties",
            "All %(answered)s States that answered said that technical assistance would help "
            "to overcome those difficulties",
            topic.assistance_answered,
        )
    elif not topic.assistance_wanted:
        sentence = ngettext(
            "The State that answered did not say that technical assistance would help to "
            "overcome those difficulties",
            "None of the %(answered)s States that answered said that technical assistance "
            "would help to overcome those difficulties",
            topic.assistance_answered,
        )
    else:
        sentence = ngettext(
            "Of the %(answered)s State that answered, %(wanted)s said that technical "
            "assistance would help to overcome those difficulties",
            "Of the %(answered)s States that answered, %(wanted)s said that technical "
            "assistance would help to overcome those difficulties",
            topic.assistance_answered,
        )
    sentence = sentence % {
        "wanted": count_text(topic.assistance_wanted),
        "answered": count_text(topic.assistance_answered),
    }
    if topic.assistance_areas:
        sentence = _("%(sentence)s, above all in %(areas)s.") % {
            "sentence": sentence,
            "areas": writer.themes_text(topic.assistance_areas),
        }
    else:
        sentence = _("%(sentence)s.") % {"sentence": sentence}
    writer.p(part, sentence)


# --- Useful practices


def _practices(writer: ReportWriter, part: Part, topic: TopicFigures) -> None:
    if not topic.practices:
        writer.p(part, _("No practice has yet been selected for the report."))
        return
    # In the order of the practices (the alphabetical order of the list names), each name once,
    # as a sentence names it: "the Central African Republic".
    names = list(dict.fromkeys(p.respondent_in_sentence or p.respondent for p in topic.practices))
    writer.p(
        part,
        writer.fill(
            ngettext(
                "The Secretariat selected the following practice, reported by %(names)s, as "
                "useful to other States:",
                "The Secretariat selected the following practices, reported by %(names)s, as "
                "useful to other States:",
                len(topic.practices),
            ),
            # The names are escaped by name_html, the list's words are the catalogue's.
            names=mark_safe(and_list([name_html(n) for n in names], writer.language)),  # noqa: S308
        ),
    )
    for practice in topic.practices[:QUOTED_PRACTICES]:
        writer.quote(part, practice)
    if len(topic.practices) > QUOTED_PRACTICES:
        writer.p(
            part,
            ngettext(
                "One other practice selected is listed in the statistical annex.",
                "The %(count)s other practices selected are listed in the statistical annex.",
                len(topic.practices) - QUOTED_PRACTICES,
            )
            % {"count": count_text(len(topic.practices) - QUOTED_PRACTICES)},
        )
