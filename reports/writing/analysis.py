"""Chapter III of the report, the use and application of the standards and norms: per cluster and
topic, the application, the difficulties encountered (themes, how many States, by region), the
technical assistance needed and the useful practices; then the gender perspective."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.figures.structure import ClusterFigures, QuestionFigures, TopicFigures
from reports.writing.charts import Bar
from reports.writing.formatting import and_list, number_text
from reports.writing.parts import Part
from reports.writing.writer import ReportWriter, answer_count, answer_share
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
        writer.p(
            part,
            ngettext(
                "Of the %(replied)s State that replied, %(count)s reported difficulties in "
                "applying the standards and norms, most often %(themes)s (figure II).",
                "Of the %(replied)s States that replied, %(count)s reported difficulties in "
                "applying the standards and norms, most often %(themes)s (figure II).",
                f.states_replied,
            )
            % {
                "replied": f.states_replied,
                "count": f.states_reporting_difficulties,
                "themes": writer.themes_text(f.difficulties),
            },
        )
        writer.chart(
            part,
            _("Figure II. Difficulties most often reported (number of States)"),
            [Bar(t.label, t.states) for t in f.difficulties[:8]],
        )
    for index, cluster in enumerate(f.clusters):
        part.children.append(_cluster(writer, index, cluster))
    gender = writer.section(len(part.children), _("Gender perspective"), "gender")
    _gender(writer, gender)
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
    writer.heading(part, _("Difficulties encountered"))
    _difficulties(writer, part, topic)
    writer.heading(part, _("Technical assistance needed"))
    _assistance_needed(writer, part, topic)
    writer.heading(part, _("Useful practices"))
    _practices(writer, part, topic)


# --- Application


def _application(writer: ReportWriter, part: Part, topic: TopicFigures) -> None:
    for standard in topic.standards:
        if not standard.answered:
            continue
        writer.p(
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
                "standard": writer.standard_name(standard),
                "applying": standard.applying,
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
    """The yes/no questions of a topic in one table, and the provision most widely applied."""
    names = ["yes", "partly", "no", "dont_know"]
    labels = {c.name: c.label for q in scales for c in q.counts}
    shown = [n for n in names if n in labels]
    table = writer.table(
        part,
        _("Application of the %(standards)s: answers of States")
        % {"standards": writer.standards_text(topic)},
        [_("Question"), *[labels[n] for n in shown], _("States answering")],
        [[f"{q.code} {q.text}", *[answer_count(q, n) for n in shown], q.answered] for q in scales],
        widths=[52, *[int(36 / len(shown))] * len(shown), 12],
    )
    best = max(scales, key=lambda q: (answer_share(q, "yes"), q.answered))
    if best.answered:
        writer.p(
            part,
            _(
                "%(table)s gives the answers question by question. The provision most "
                "widely applied was the one asked about in question %(code)s (“%(text)s”): "
                "%(yes)s of the %(answered)s States that answered replied “%(label)s”."
            )
            % {
                "table": writer.table_ref(table).capitalize(),
                "code": best.code,
                "text": best.text,
                "yes": answer_count(best, "yes"),
                "answered": best.answered,
                "label": labels.get("yes", "yes"),
            },
        )


def _multiple_choice(writer: ReportWriter, part: Part, question: QuestionFigures) -> None:
    table = writer.table(
        part,
        f"{question.code} {question.text}",
        [_("Answer"), _("States")],
        [[c.label, c.count] for c in question.counts],
        widths=[80, 20],
    )
    writer.p(
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
            "top": writer.top_answers(question),
            "table": writer.table_ref(table),
        },
    )


def _table_question(writer: ReportWriter, part: Part, question: QuestionFigures) -> None:
    columns = [c.label for c in question.rows[0].counts] if question.rows else []
    table = writer.table(
        part,
        f"{question.code} {question.text}",
        ["", *columns],
        [[row.label, *[c.count for c in row.counts]] for row in question.rows],
        widths=[40, *[int(60 / max(len(columns), 1))] * len(columns)],
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
            "answered": question.answered,
            "code": question.code,
            "table": writer.table_ref(table),
        },
    )


# --- Difficulties encountered


def _difficulties(writer: ReportWriter, part: Part, topic: TopicFigures) -> None:
    replied = writer.f.states_replied
    standards = writer.standards_text(topic)
    if topic.difficulties_reported and topic.difficulty_themes:
        writer.p(
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
                "themes": writer.themes_text(topic.difficulty_themes),
            },
        )
        writer.p(part, writer.regions_sentence(topic.difficulty_themes[0]))
        writer.table(
            part,
            _("Difficulties encountered in applying the %(standards)s, by regional group")
            % {"standards": standards},
            [_("Difficulty"), _("States"), *writer.region_heads()],
            [[t.label, t.states, *writer.region_cells(t)] for t in topic.difficulty_themes],
            widths=[30, 10, *[12] * 5],
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
                "replied": replied,
                "count": topic.difficulties_reported,
                "standards": standards,
            },
        )
    else:
        writer.p(
            part,
            _("No State reported difficulties in applying the %(standards)s.")
            % {"standards": standards},
        )


# --- Technical assistance needed


def _assistance_needed(writer: ReportWriter, part: Part, topic: TopicFigures) -> None:
    if not topic.assistance_answered:
        writer.p(part, _("No State answered the questions on technical assistance needed."))
        return
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
    names = and_list(
        sorted({p.respondent for p in topic.practices}, key=lambda n: n), writer.language
    )
    writer.p(
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
        writer.quote(part, practice)
    if len(topic.practices) > QUOTED_PRACTICES:
        writer.p(
            part,
            ngettext(
                "%(count)s other practice selected is listed in the statistical annex.",
                "The %(count)s other practices selected are listed in the statistical annex.",
                len(topic.practices) - QUOTED_PRACTICES,
            )
            % {"count": len(topic.practices) - QUOTED_PRACTICES},
        )


# --- Gender perspective


def _gender(writer: ReportWriter, part: Part) -> None:
    f = writer.f
    questions = [q for q in f.gender if q.answered]
    if not questions:
        writer.p(part, _("No State answered the questions on the gender perspective."))
        return
    writer.p(
        part,
        _(
            "Gender is a cross-cutting issue in the application of the standards and norms "
            "(Economic and Social Council resolution 2003/30, annex, para. 8). The questionnaire "
            "asked %(count)s questions from that perspective."
        )
        % {"count": len(f.gender)},
    )
    rows = []
    for question in questions:
        if question.type in NUMBERS:
            _gender_numbers(writer, part, question)
        elif question.type in SCALES:
            rows.append(
                [
                    f"{question.code} {question.text}",
                    answer_count(question, "yes"),
                    answer_count(question, "partly"),
                    answer_count(question, "no"),
                    question.answered,
                ]
            )
        elif question.counts:
            _gender_choices(writer, part, question)
    if rows:
        _gender_scales(writer, part, questions, rows)


def _gender_numbers(writer: ReportWriter, part: Part, question: QuestionFigures) -> None:
    writer.p(
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
            "total": number_text(question.total),
            "median": number_text(question.median),
        },
    )


def _gender_choices(writer: ReportWriter, part: Part, question: QuestionFigures) -> None:
    writer.p(
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
            "top": writer.top_answers(question),
        },
    )


def _gender_scales(
    writer: ReportWriter, part: Part, questions: list[QuestionFigures], rows: list[list]
) -> None:
    """The yes/no questions on the gender perspective, in one table."""
    scale = {"yes": "", "partly": "", "no": ""}
    for question in questions:
        for choice in question.counts:
            if choice.name in scale:
                scale[choice.name] = choice.label
    table = writer.table(
        part,
        _("Questions on the gender perspective: answers of States"),
        [_("Question"), scale["yes"], scale["partly"], scale["no"], _("States answering")],
        rows,
        widths=[52, 12, 12, 12, 12],
    )
    writer.p(
        part,
        _("The answers to the other questions on the gender perspective are shown in %(table)s.")
        % {"table": writer.table_ref(table)},
    )
