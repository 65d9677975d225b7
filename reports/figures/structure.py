"""The figures of a report: one plain structure (dataclasses, JSON-able through `asdict`) that the
PDF and the statistical annex both print, so their numbers are the same. Every label in it is
already in the report's language. `reports.figures.computing` fills it in.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class GroupCount:
    """Invited and replied, for one regional group or respondent type."""

    key: str
    label: str
    invited: int
    replied: int

    @property
    def rate(self) -> float:
        return round(100 * self.replied / self.invited, 1) if self.invited else 0.0


@dataclass
class RespondentEntry:
    code: str
    name: str
    type_code: str
    type_label: str
    regional_group: str


@dataclass
class ChoiceCount:
    name: str
    label: str
    count: int


@dataclass
class TableRowCounts:
    name: str
    label: str
    counts: list[ChoiceCount]


@dataclass
class QuestionFigures:
    code: str
    text: str
    type: str
    purpose: str
    gender_relevant: bool
    standards: list[str]
    answered: int  # States that answered it
    counts: list[ChoiceCount] = field(default_factory=list)  # scales and choice questions
    rows: list[TableRowCounts] = field(default_factory=list)  # table questions
    total: float | None = None  # number questions: the sum of the numbers given
    median: float | None = None
    # The answers meaning its standards are applied (["no"] if reverse-worded), and how many
    # States gave one: set only for the indicators of application.
    applied_if: list[str] = field(default_factory=list)
    applied: int = 0
    # States that ticked "None of these" with other options: counted for the others only.
    contradictory: int = 0
    exclusive_label: str = ""  # the label of that option
    # A number that is part of the total asked by another question ("Of these, how many are
    # women?"): that question, and the median share of the total (per cent) in the States that
    # gave both figures.
    part_of: str = ""
    part_of_text: str = ""
    share_states: int = 0
    share_median: float | None = None
    # What the States that chose "Other" wrote, alphabetical by State.
    other_answers: list[OtherAnswer] = field(default_factory=list)


@dataclass
class ThemeFigures:
    code: str
    label: str
    states: int
    by_region: dict[str, int]
    respondents: list[str]  # names, in the report's language and its alphabetical order


@dataclass
class OtherAnswer:
    """What a State wrote under "Other, please specify", as written."""

    respondent: str
    text: str
    language: str  # the language it seems written in ("" when it cannot be told)
    respondent_in_sentence: str = ""


@dataclass
class PracticeEntry:
    respondent: str
    question: str
    text: str  # the summary in the report's language, else the answer as written
    language: str  # the language of `text` ("" when it cannot be told)
    summarised: bool
    respondent_in_sentence: str = ""  # the name as a sentence reads it: "the Gambia"


@dataclass
class UntranslatedText:
    """A text the report prints that is not yet written in the report's language: printed from
    another language (`language`) until someone translates it where it is kept."""

    kind: str  # "standard", "question", "choice", "theme", "section", "cluster", "questionnaire",
    # "practice", "session", "text"
    label: str  # where to find it: a code, a question code, a respondent
    text: str
    language: str


@dataclass
class StandardFigures:
    code: str
    name: str
    title: str
    adopted_by: str
    # How the report names it the first time: the title with the adopting resolution.
    full_name: str
    answered: int  # States that answered at least one of its indicators of application
    applying: int  # ... and gave, to at least one, an answer that means it is applied
    indicators: list[str] = field(default_factory=list)  # the codes of those questions


@dataclass
class TopicFigures:
    """One part of the questionnaire (a section) and the standards it asks about."""

    code: str
    title: str
    standards: list[StandardFigures]
    application: list[QuestionFigures]
    states_answered: int  # States that answered any question of the topic
    difficulties_reported: int  # States that described difficulties (or were coded with one)
    difficulty_themes: list[ThemeFigures]
    assistance_answered: int
    assistance_wanted: int  # States that said technical assistance would help
    assistance_areas: list[ThemeFigures]
    practices: list[PracticeEntry]
    difficulty_texts: int = 0  # States' texts on difficulties (answers to the questions)
    difficulty_texts_coded: int = 0  # ... of which the Secretariat has coded by theme
    # The sub-group the questions of the topic are asked of, when a gate question asks it
    # (e.g. "Does your country have restorative justice programmes?" answered "Yes").
    subgroup_code: str = ""
    subgroup_text: str = ""
    subgroup_label: str = ""
    subgroup_states: int = 0
    subgroup_difficulties: int = 0


@dataclass
class ClusterFigures:
    letter: str
    title: str
    topics: list[TopicFigures]


@dataclass
class StatusCount:
    key: str
    label: str
    count: int


@dataclass
class AreaRequests:
    code: str
    label: str
    requests: int
    matched: int
    unmet: int


@dataclass
class RequestFigures:
    total: int
    respondents: int
    by_status: list[StatusCount]
    by_area: list[AreaRequests]
    matched: int  # requests with at least one expert of the roster matched
    unmet: int  # requests not matched, for which no active expert on the roster covers the cluster
    from_states_needing: int  # States that said assistance would help and have made a request


@dataclass
class RosterRow:
    letter: str
    title: str
    experts: int
    available: int
    by_region: dict[str, int]


@dataclass
class RosterFigures:
    experts: int
    available: int
    by_cluster: list[RosterRow]


@dataclass
class QuestionThenNow:
    """An indicator of application asked in both cycles, unchanged: how many States answered it
    and how many gave an answer meaning the standard is applied, in the previous cycle and now."""

    code: str
    answered_then: int
    applied_then: int
    answered_now: int
    applied_now: int


@dataclass
class CycleComparison:
    """The report's cycle against the previous cycle of the same questionnaire
    (reports.figures.comparison): the replies counted then, and the questions that match."""

    then: str  # the year (of the Commission session) each cycle feeds, e.g. "2027"
    now: str
    session_then: str  # the previous cycle's Commission session, in the report's language
    invited_then: int
    replied_then: int
    states_invited_then: int
    states_replied_then: int
    questions: list[QuestionThenNow] = field(default_factory=list)
    # The report's questions of application changed in meaning, and those added: not compared.
    changed: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)

    @property
    def rate_then(self) -> float:
        return round(100 * self.replied_then / self.invited_then, 1) if self.invited_then else 0.0

    def question(self, code: str) -> QuestionThenNow | None:
        return next((q for q in self.questions if q.code == code), None)


@dataclass
class ReportFigures:
    language: str
    cycles: list[dict]
    statuses: list[str]
    regions: list[dict]  # [{"key", "label"}] in the order tables show them
    invited: int
    replied: int
    states_invited: int
    states_replied: int
    by_region: list[GroupCount]
    by_type: list[GroupCount]
    respondents: list[RespondentEntry]  # that replied, alphabetical within their type
    clusters: list[ClusterFigures]
    difficulties: list[ThemeFigures]  # all topics together
    states_reporting_difficulties: int
    assistance_areas: list[ThemeFigures]
    states_wanting_assistance: int
    gender: list[QuestionFigures]
    requests: RequestFigures
    roster: RosterFigures
    untranslated: list[UntranslatedText] = field(default_factory=list)
    # Respondents whose reply was submitted at least once, and whose reply was accepted
    # (`replied` counts those with one of the report's `statuses`).
    received: int = 0
    accepted: int = 0
    # Against the previous cycle of the questionnaire, for a report on one cycle that has one.
    comparison: CycleComparison | None = None

    def as_json(self) -> dict:
        data = asdict(self)
        for key in ("by_region", "by_type"):
            for row, group in zip(data[key], getattr(self, key), strict=True):
                row["rate"] = group.rate
        return data
