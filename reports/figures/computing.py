"""The figures of a report, compiled with pandas from the replies, the coding, the requests for
technical assistance and the roster of experts (DESIGN.md, "What the reports contain").

`report_figures(report=...)` and `figures_compile(...)` return a `ReportFigures`
(reports.figures.structure); the rows come from `reports.figures.reading`, in pandas frames
(`reports.figures.frames`); each question's answers are counted in `reports.figures.questions`, the
requests for technical assistance and the roster of experts in `reports.figures.assistance`.

Counting rules: a respondent counts once however many cycles it replied to; the analysis of
application, difficulties and assistance counts States (Member States and observer States), whose
replies describe how a country applies the standards; the replies of other bodies are counted in
the replies received, and their useful practices are quoted.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

import pandas as pd
from django.utils import translation
from django.utils.translation import pgettext

from portal.models import RegionalGroup
from portal.multilingual import sort_key, text_and_language
from reports.figures.assistance import request_figures, roster_figures
from reports.figures.frames import ReplyFrames
from reports.figures.questions import means_applied, question_figures, share_figures
from reports.figures.reading import replies_read
from reports.figures.standards import standard_full_name
from reports.figures.structure import (
    ClusterFigures,
    GroupCount,
    OtherAnswer,
    PracticeEntry,
    QuestionFigures,
    ReportFigures,
    RespondentEntry,
    StandardFigures,
    ThemeFigures,
    TopicFigures,
    UntranslatedText,
)
from reports.models import Report
from surveys.answering.services import OTHER
from surveys.coding.suggestions import detect_language
from surveys.models import Purpose, QuestionType, ThemeKind
from surveys.questionnaires.documents import CHOICE_TYPES, NUMBER_TYPES
from surveys.questionnaires.scales import FIXED_SCALES


def report_figures(*, report: Report) -> ReportFigures:
    """The figures of `report` (its cycles, scope, language and reply statuses)."""
    return next(report_figures_in_turn(report=report, languages=[report.language]))[1]


def report_figures_in_turn(
    *, report: Report, languages: list[str]
) -> Iterator[tuple[str, ReportFigures]]:
    """(language, figures) of `report` (its language versions) in each of `languages`, from one
    reading and grouping of the rows (`figures_in_turn`)."""
    return figures_in_turn(
        cycle_ids=list(report.cycles.values_list("pk", flat=True)),
        statuses=list(report.reply_statuses),
        languages=languages,
        category_id=report.category_id,
        cluster_id=report.cluster_id,
        standard_ids=list(report.standards.values_list("pk", flat=True)),
    )


def figures_compile(
    *,
    cycle_ids: list[int],
    statuses: list[str],
    language: str,
    category_id: int | None = None,
    cluster_id: int | None = None,
    standard_ids: list[int] | None = None,
) -> ReportFigures:
    """The figures of the replies of `cycle_ids` with one of `statuses`, on the standards of the
    scope (a category, a cluster, standards, or all), labelled in `language`."""
    return next(
        figures_in_turn(
            cycle_ids=cycle_ids,
            statuses=statuses,
            languages=[language],
            category_id=category_id,
            cluster_id=cluster_id,
            standard_ids=standard_ids,
        )
    )[1]


def figures_in_turn(
    *,
    cycle_ids: list[int],
    statuses: list[str],
    languages: list[str],
    category_id: int | None = None,
    cluster_id: int | None = None,
    standard_ids: list[int] | None = None,
) -> Iterator[tuple[str, ReportFigures]]:
    """(language, figures) for each of `languages` in turn: the rows read and grouped once, then
    each language's figures labelled only when asked for (the first PDF starts meanwhile)."""
    data = replies_read(cycle_ids=cycle_ids, statuses=statuses)
    compiler: _FiguresCompiler | None = None
    for language in languages:
        # Labels (regional groups, statuses, scales) are taken in the report's language.
        with translation.override(language):
            if compiler is None:
                compiler = _FiguresCompiler(
                    data,
                    language=language,
                    statuses=statuses,
                    category_id=category_id,
                    cluster_id=cluster_id,
                    standard_ids=standard_ids or [],
                )
            else:
                compiler = compiler.in_language(language)
            figures = compiler.figures()
        yield language, figures


class _FiguresCompiler(ReplyFrames):
    """The figures, computed from the rows `replies_read` returns, once in pandas frames."""

    def __init__(
        self,
        data: dict[str, list[dict]],
        *,
        language: str,
        statuses: list[str],
        category_id: int | None,
        cluster_id: int | None,
        standard_ids: list[int],
    ) -> None:
        self.statuses = statuses
        self.untranslated: list[UntranslatedText] = []
        self.t: Callable[..., str] = self._text
        self.region_labels = {key: str(label) for key, label in RegionalGroup.choices}
        super().__init__(data, language=language)
        self.scope = self._scope(category_id, cluster_id, standard_ids)
        self._standard_figures: dict[int, StandardFigures] = {}

    def in_language(self, language: str) -> _FiguresCompiler:
        """The same compiler, sharing its frames and groupings, for figures in `language` (call
        with `language` active)."""
        other = copy.copy(self)
        other.language = language
        other.untranslated = []
        other.t = other._text
        other.region_labels = {key: str(label) for key, label in RegionalGroup.choices}
        other._standard_figures = {}
        other._names_set()
        return other

    def _text(self, texts: Any, kind: str = "text", label: str = "") -> str:
        """`texts` in the report's language, else in another one: then noted as untranslated."""
        if isinstance(texts, str):  # a text kept in English only (e.g. an adopting resolution)
            texts = {"en": texts}
        text, code = text_and_language(texts, self.language)
        if text and code != self.language:
            entry = UntranslatedText(kind, label, text, code)
            if entry not in self.untranslated:
                self.untranslated.append(entry)
        return text

    # --- scope

    def _scope(
        self, category_id: int | None, cluster_id: int | None, standard_ids: list[int]
    ) -> set[int]:
        standards = self.standards.values()
        if standard_ids:
            return set(standard_ids)
        if cluster_id:
            return {s["pk"] for s in standards if s["cluster_id"] == cluster_id}
        if category_id:
            return {s["pk"] for s in standards if s["category_id"] == category_id}
        return {s["pk"] for s in standards}

    def _in_scope(self, question_pk: int) -> bool:
        linked = self.question_standards.get(question_pk)
        return not linked or bool(self.scope.intersection(linked))

    # --- the whole

    def figures(self) -> ReportFigures:
        states_invited = int(self.invited["is_state"].sum())
        regions = [{"key": key, "label": label} for key, label in self.region_labels.items()]
        return ReportFigures(
            language=self.language,
            cycles=[
                {
                    "title": c["title"],
                    "questionnaire": c["version__questionnaire__code"],
                    "questionnaire_title": self.t(
                        c["version__title"], "questionnaire", c["version__questionnaire__code"]
                    ),
                    "version": c["version__number"],
                    "opens_on": c["opens_on"].isoformat(),
                    "deadline": c["deadline"].isoformat(),
                    "commission_session": c["commission_session"],
                }
                for c in self.data["cycles"]
            ],
            statuses=list(self.statuses),
            regions=regions,
            invited=len(self.invited),
            replied=len(self.replied_ids),
            states_invited=states_invited,
            states_replied=len(self.state_ids),
            by_region=self._by_region(),
            by_type=self._by_type(),
            respondents=self._respondents(),
            clusters=self._clusters(),
            difficulties=self._themes(self.coded, ThemeKind.DIFFICULTY),
            states_reporting_difficulties=self._reporting(Purpose.DIFFICULTY, ThemeKind.DIFFICULTY),
            assistance_areas=self._themes(self.coded, ThemeKind.ASSISTANCE_AREA),
            states_wanting_assistance=self._wanting(self.state_answers),
            gender=self._gender(),
            requests=request_figures(
                request_rows=self.data["requests"],
                expert_clusters=self.data["expert_clusters"],
                themes=self.themes,
                state_answers=self.state_answers,
                t=self.t,
            ),
            roster=roster_figures(
                expert_rows=self.data["experts"],
                expert_clusters=self.data["expert_clusters"],
                clusters=self.clusters,
                region_labels=self.region_labels,
                t=self.t,
            ),
            untranslated=self.untranslated,
            received=int(self.data["reply_counts"][0]["received"]),
            accepted=int(self.data["reply_counts"][0]["accepted"]),
        )

    def _by_region(self) -> list[GroupCount]:
        states = self.invited[self.invited["is_state"]]
        rows = []
        for key, label in self.region_labels.items():
            invited = states[states["region"] == key]
            rows.append(
                GroupCount(
                    key, label, len(invited), len(self.state_ids & set(invited["respondent_id"]))
                )
            )
        return rows

    def _by_type(self) -> list[GroupCount]:
        rows = []
        for kind in sorted(self.data["types"], key=lambda t: (t["order"], t["code"])):
            invited = self.invited[self.invited["type"] == kind["code"]]
            if invited.empty:
                continue
            replied = len(self.replied_ids & set(invited["respondent_id"]))
            rows.append(GroupCount(kind["code"], self.t(kind["name"]), len(invited), replied))
        return rows

    def _respondents(self) -> list[RespondentEntry]:
        types = {t["code"]: t for t in self.data["types"]}
        invited = self.invited.to_dict("index")
        entries = []
        for pk in self.replied_ids:
            row = invited[pk]
            kind = types[row["type"]]
            entries.append(
                RespondentEntry(
                    row["code"], self.names[pk], row["type"], self.t(kind["name"]), row["region"]
                )
            )
        entries.sort(
            key=lambda e: (types[e.type_code]["order"], sort_key(e.name, self.language), e.code)
        )
        return entries

    # --- per cluster and topic

    def _clusters(self) -> list[ClusterFigures]:
        latest = self.questions.drop_duplicates("code", keep="last")
        latest = latest[latest["pk"].map(self._in_scope)]
        topics_by_cluster = defaultdict(list)
        for (section_code, _order), questions in latest.groupby(
            ["section__code", "section__order"], sort=False
        ):
            standard_ids = []
            for pk in questions["pk"]:
                for sid in self.question_standards.get(pk, []):
                    if sid in self.scope and sid not in standard_ids:
                        standard_ids.append(sid)
            if not standard_ids:
                continue
            cluster_id = self.standards[standard_ids[0]]["cluster_id"]
            topic = self._topic(str(section_code), questions, standard_ids)
            topics_by_cluster[cluster_id].append(topic)
        clusters = []
        for cluster_id, topics in sorted(
            topics_by_cluster.items(), key=lambda item: self.clusters[item[0]]["priority"]
        ):
            cluster = self.clusters[cluster_id]
            title = self.t(cluster["title"], "cluster", cluster["letter"])
            clusters.append(ClusterFigures(cluster["letter"], title, topics))
        return clusters

    def _codes_of(self, questions: pd.DataFrame, purpose: str) -> set[str]:
        return set(questions.loc[questions["purpose"] == purpose, "code"])

    def _topic(
        self, section_code: str, questions: pd.DataFrame, standard_ids: list[int]
    ) -> TopicFigures:
        codes = set(questions["code"])
        answers = self.state_answers[self.state_answers["code"].isin(codes)]
        coded = self.coded[self.coded["question_id"].isin(self._pks_of(codes))]
        application = [
            self._question(row)
            for row in questions.itertuples()
            if row.purpose == Purpose.APPLICATION
        ]
        difficulty_codes = self._codes_of(questions, Purpose.DIFFICULTY)
        described = set(answers.loc[answers["code"].isin(difficulty_codes), "respondent_id"])
        described |= set(coded.loc[coded["kind"] == ThemeKind.DIFFICULTY, "respondent_id"])
        assistance = answers[answers["purpose"] == Purpose.ASSISTANCE_NEED]
        yes_no = assistance[assistance["type"] == QuestionType.YES_NO]
        difficulty_pks = self._pks_of(difficulty_codes)
        texts = set(answers.loc[answers["code"].isin(difficulty_codes), "respondent_id"])
        coded_texts = texts & set(
            coded.loc[
                (coded["kind"] == ThemeKind.DIFFICULTY) & coded["question_id"].isin(difficulty_pks),
                "respondent_id",
            ]
        )
        topic = TopicFigures(
            code=section_code,
            title=self.t(questions.iloc[0]["section__title"], "section", section_code),
            standards=[self._standard(sid) for sid in standard_ids],
            application=application,
            states_answered=answers["respondent_id"].nunique(),
            difficulties_reported=len(described),
            difficulty_themes=self._themes(coded, ThemeKind.DIFFICULTY),
            assistance_answered=yes_no["respondent_id"].nunique(),
            assistance_wanted=self._wanting(answers),
            assistance_areas=self._themes(coded, ThemeKind.ASSISTANCE_AREA),
            practices=self._practices(set(self._pks_of(codes))),
            difficulty_texts=len(texts),
            difficulty_texts_coded=len(coded_texts),
        )
        self._subgroup(topic, questions, answers, described)
        return topic

    def _subgroup(
        self, topic: TopicFigures, questions: pd.DataFrame, answers: pd.DataFrame, described: set
    ) -> None:
        """The States a topic's application questions are asked of, when they are all shown on
        one answer to one of its earlier questions (a gate: "Does your country have ...?")."""
        conditions = {
            (r["question"], r.get("operator"), str(r.get("value"))) if isinstance(r, dict) else None
            for r in questions.loc[questions["purpose"] == Purpose.APPLICATION, "relevance"]
        }
        if len(conditions) != 1 or None in conditions:
            return
        code, operator, value = cast(tuple[str, str, str], next(iter(conditions)))
        gate = questions[questions["code"] == code]
        if operator != "=" or gate.empty:
            return
        row = gate.iloc[-1]
        states = set(
            answers.loc[(answers["code"] == code) & (answers["value"] == value), "respondent_id"]
        )
        labels = dict(self._options(row["pk"], row["type"]))
        topic.subgroup_code = code
        topic.subgroup_text = self.t(row["text"], "question", code)
        topic.subgroup_label = labels.get(value, value)
        topic.subgroup_states = len(states)
        topic.subgroup_difficulties = len(described & states)

    def _answers_of(self, code: str) -> pd.DataFrame:
        """The States' answers to question `code` (in every version asked), in their order:
        grouped once, not filtered out of all the answers for each question."""
        if not hasattr(self, "_by_code"):
            self._by_code = dict(tuple(self.state_answers.groupby("code", sort=False)))
        return self._by_code.get(code, self.state_answers.iloc[0:0])

    def _pks_of(self, codes: Iterable[str]) -> list[int]:
        return list(self.questions.loc[self.questions["code"].isin(codes), "pk"])

    def _wanting(self, answers: pd.DataFrame) -> int:
        wanting = answers[
            (answers["purpose"] == Purpose.ASSISTANCE_NEED)
            & (answers["type"] == QuestionType.YES_NO)
            & (answers["value"] == "yes")
        ]
        return int(wanting["respondent_id"].nunique())

    def _reporting(self, purpose: str, kind: str) -> int:
        answered = self.state_answers[self.state_answers["purpose"] == purpose]
        return len(
            set(answered["respondent_id"])
            | set(self.coded.loc[self.coded["kind"] == kind, "respondent_id"])
        )

    def _standard(self, standard_id: int) -> StandardFigures:
        """The figures of a standard, computed once however many topics ask about it: the States
        that answered its indicators of application (the questions that name it and say which
        answers mean it is applied, reverse-worded ones included), and those that gave such an
        answer to at least one."""
        if standard_id in self._standard_figures:
            return self._standard_figures[standard_id]
        standard = self.standards[standard_id]
        index = self._question_index()
        meaning = {
            pk: set(cast(list[str], index.at[pk, "applied_if"]) or [])
            for pk, linked in self.question_standards.items()
            if standard_id in linked and pk in index.index and index.at[pk, "applied_if"]
        }
        answers = self.state_answers[self.state_answers["question_id"].isin(meaning)]
        applying = {
            respondent
            for respondent, question, value in zip(
                answers["respondent_id"], answers["question_id"], answers["value"], strict=True
            )
            if means_applied(value, meaning[question])
        }
        name = self.t(standard["short_name"], "standard", standard["code"])
        title = self.t(standard["title"], "standard", standard["code"])
        adopted_by = self.t(standard["adopted_by"], "standard", standard["code"])
        figures = StandardFigures(
            code=standard["code"],
            name=name,
            title=title,
            adopted_by=adopted_by,
            full_name=standard_full_name(name=name, title=title, adopted_by=adopted_by),
            answered=int(answers["respondent_id"].nunique()),
            applying=len(applying),
            indicators=sorted({str(index.at[pk, "code"]) for pk in meaning}),
        )
        self._standard_figures[standard_id] = figures
        return figures

    def _question_index(self) -> pd.DataFrame:
        if not hasattr(self, "_index"):
            self._index = self.questions.set_index("pk")
        return self._index

    def _question(self, row: Any) -> QuestionFigures:
        answers = self._answers_of(row.code)
        options = self._options(row.pk, row.type)
        if row.other_specify and row.type in CHOICE_TYPES:
            # "Other, please specify": counted in its own row, never dropped.
            options.append((OTHER, pgettext("an answer in a report's table", "Other")))
        figures = question_figures(
            row,
            answers=answers.drop_duplicates("respondent_id", keep="last"),
            standards=[
                self.standards[sid]["code"] for sid in self.question_standards.get(row.pk, [])
            ],
            options=options,
            table_rows=self.choices.get((row.pk, "row"), []),
            t=lambda texts: self.t(texts, "question", row.code),
        )
        if row.other_specify and row.type in CHOICE_TYPES:
            figures.other_answers = self._other_answers(answers)
        figures.contradictory = len(self.contradictions.get(row.code, set()) & self.state_ids)
        if figures.contradictory:
            figures.exclusive_label = next(
                self.t(c["label"], "choice", c["name"])
                for c in self.choices[(row.pk, "option")]
                if c["exclusive"]
            )
        if row.part_of and row.type in NUMBER_TYPES:
            self._share(figures, row.part_of, answers)
        if row.applied_if:
            figures.applied_if = list(row.applied_if)
            latest = answers.drop_duplicates("respondent_id", keep="last")
            figures.applied = sum(
                means_applied(value, set(row.applied_if)) for value in latest["value"]
            )
        return figures

    def _other_answers(self, answers: pd.DataFrame) -> list[OtherAnswer]:
        """What each State that chose "Other" wrote (its latest answer), in the language it
        seems written in, else its contact person's; alphabetical by State."""
        latest = answers.drop_duplicates("respondent_id", keep="last")
        entries = []
        for row in latest.itertuples():
            text = str(row.other_text or "").strip()
            chose = row.value == OTHER or (isinstance(row.value, list) and OTHER in row.value)
            if not (text and chose):
                continue
            respondent = cast(int, row.respondent_id)
            written_in = row.language if isinstance(row.language, str) else ""
            language = detect_language(text) or written_in
            entries.append(
                OtherAnswer(self.names[respondent], text, language, self.sentence_names[respondent])
            )
        entries.sort(key=lambda e: sort_key(e.respondent, self.language))
        return entries

    def _share(self, figures: QuestionFigures, total_code: str, answers: pd.DataFrame) -> None:
        """The share (per cent) a number is of the total asked by question `total_code`, in each
        State that gave both figures (a total above zero, a part not above it); their median."""
        totals = self.questions[self.questions["code"] == total_code]
        if totals.empty:
            return
        figures.part_of = total_code
        figures.part_of_text = self.t(totals.iloc[-1]["text"], "question", total_code)
        figures.share_states, figures.share_median = share_figures(
            parts=answers, totals=self._answers_of(total_code)
        )

    def _options(self, question_pk: int, question_type: str) -> list[tuple[str, str]]:
        if question_type in FIXED_SCALES:
            return [(name, self.t(labels)) for name, labels in FIXED_SCALES[question_type].items()]
        return [
            (c["name"], self.t(c["label"], "choice", c["name"]))
            for c in self.choices[(question_pk, "option")]
        ]

    def _themes(self, coded: pd.DataFrame, kind: str) -> list[ThemeFigures]:
        coded = coded[coded["kind"] == kind]
        # The States coded with each theme, with their regional group.
        states: dict[int, dict[int, str]] = defaultdict(dict)
        for theme_id, respondent, region in zip(
            coded["theme_id"], coded["respondent_id"], coded["region"], strict=True
        ):
            states[theme_id].setdefault(respondent, region)
        rows = []
        for theme_id in sorted(states):
            theme, regions = self.themes[theme_id], list(states[theme_id].values())
            names = sorted(
                (self.names[pk] for pk in states[theme_id]),
                key=lambda name: sort_key(name, self.language),
            )
            rows.append(
                ThemeFigures(
                    code=theme["code"],
                    label=self.t(theme["label"], "theme", theme["code"]),
                    states=len(regions),
                    by_region={key: regions.count(key) for key in self.region_labels},
                    respondents=names,
                )
            )
        order = {pk: (t["order"], t["code"]) for pk, t in self.themes.items()}
        by_code = {t["code"]: order[pk] for pk, t in self.themes.items()}
        rows.sort(key=lambda r: (-r.states, by_code[r.code]))
        return rows

    def _practices(self, question_pks: set[int]) -> list[PracticeEntry]:
        reply_respondent = dict(zip(self.replies["pk"], self.replies["respondent_id"], strict=True))
        codes = self._question_index()["code"]
        entries = []
        for practice in self.data["practices"]:
            if practice["answer__question_id"] not in question_pks:
                continue
            respondent = reply_respondent.get(practice["answer__reply_id"])
            if respondent is None:
                continue
            code = codes[practice["answer__question_id"]]
            text, language, summarised = self._practice_text(
                practice, f"{self.names[respondent]} ({code})"
            )
            if text:
                entries.append(
                    PracticeEntry(
                        self.names[respondent],
                        code,
                        text,
                        language,
                        summarised,
                        self.sentence_names[respondent],
                    )
                )
        entries.sort(key=lambda e: sort_key(e.respondent, self.language))
        return entries

    def _practice_text(self, practice: dict, label: str) -> tuple[str, str, bool]:
        """The summary in the report's language; else the answer as written, in the language it
        seems written in (else its contact person's), and the summary noted as untranslated."""
        summary = {k: v.strip() for k, v in (practice["summary"] or {}).items() if v.strip()}
        if summary.get(self.language):
            return summary[self.language], self.language, True
        answer = str(practice["answer__value"] or "").strip()
        language = detect_language(answer) or practice["language"] or ""
        if answer and language != self.language:
            other, code = text_and_language(summary, self.language) if summary else (answer, "")
            entry = UntranslatedText("practice", label, other, code or language)
            self.untranslated.append(entry)
        return answer, language, False

    def _gender(self) -> list[QuestionFigures]:
        latest = self.questions.drop_duplicates("code", keep="last")
        latest = latest[latest["pk"].map(self._in_scope) & latest["gender_relevant"]]
        return [self._question(row) for row in latest.itertuples()]
