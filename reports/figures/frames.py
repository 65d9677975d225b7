"""The rows `replies_read` returns (reports.figures.reading), once in pandas frames: the
respondents invited and those that replied, the questionnaires' questions, standards, choices and
themes, and the States' answers and their coding. reports.figures.computing compiles the figures
from them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import cast

import numpy as np
import pandas as pd

from portal.multilingual import in_language, without_article
from portal.names import in_sentence
from reports.figures.reading import ANSWER_COLUMNS, QUESTION_FIELDS

STATE_TYPES = ("member_state", "observer_state")
NO_REGION = "other"


def frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """`rows` as a frame with `columns`, even when there is none."""
    return pd.DataFrame(rows, columns=columns) if rows else pd.DataFrame(columns=columns)


class ReplyFrames:
    """The rows of `data` in frames, with the names of the respondents in `language`."""

    def __init__(self, data: dict[str, list[dict]], *, language: str) -> None:
        self.data, self.language = data, language
        self._respondents_frames(data)
        questions = self._questionnaire_frames(data)
        self._answers_frames(data, questions)

    def _respondents_frames(self, data: dict[str, list[dict]]) -> None:
        # Respondents invited (once each, whatever the number of cycles).
        invited = frame(
            data["invitations"],
            [
                "respondent_id",
                "respondent__code",
                "respondent__name",
                "respondent__regional_group",
                "respondent__type__code",
            ],
        ).drop_duplicates("respondent_id")
        invited.columns = ["respondent_id", "code", "name", "region", "type"]
        invited["region"] = invited["region"].replace("", NO_REGION).fillna(NO_REGION)
        invited["is_state"] = invited["type"].isin(STATE_TYPES)
        self.invited = invited.set_index("respondent_id", drop=False)
        self._names_set()

        replies = frame(data["replies"], ["pk", "respondent_id", "cycle_id"])
        replies = replies[replies["respondent_id"].isin(self.invited.index)]
        self.replies = replies.merge(
            invited[["respondent_id", "region", "type", "is_state"]], on="respondent_id"
        )
        self.replied_ids = set(self.replies["respondent_id"])
        self.state_ids = set(self.replies.loc[self.replies["is_state"], "respondent_id"])

    def _names_set(self) -> None:
        """The respondents' names in `self.language`."""
        names = dict(zip(self.invited["respondent_id"], self.invited["name"], strict=True))
        self.names = {
            pk: without_article(in_language(cast(dict, name), self.language))
            for pk, name in names.items()
        }
        # As a sentence names them, with their article: "the Central African Republic".
        self.sentence_names = {
            pk: in_sentence(in_language(cast(dict, name), self.language), self.language)
            for pk, name in names.items()
        }

    def _questionnaire_frames(self, data: dict[str, list[dict]]) -> pd.DataFrame:
        """The questions (also sorted, in `self.questions`: the latest version's wording of each
        question code comes last), standards, clusters, choices and themes."""
        questions = frame(
            data["questions"],
            QUESTION_FIELDS,
        )
        self.questions = questions.sort_values(["version_id", "section__order", "order"])
        self.standards = {row["pk"]: row for row in data["standards"]}
        self.clusters = {row["pk"]: row for row in data["clusters"]}
        links = defaultdict(list)
        for link in data["question_standards"]:
            links[link["question_id"]].append(link["standard_id"])
        self.question_standards = links
        self.choices = defaultdict(list)
        for choice in data["choices"]:
            self.choices[(choice["question_id"], choice["kind"])].append(choice)
        self.themes = {row["pk"]: row for row in data["themes"]}
        return questions

    def _answers_frames(self, data: dict[str, list[dict]], questions: pd.DataFrame) -> None:
        answers = frame(data["answers"], ANSWER_COLUMNS)
        answers = answers.merge(
            self.replies[["pk", "respondent_id", "region", "is_state"]],
            left_on="reply_id",
            right_on="pk",
        ).drop(columns="pk")
        answers = answers.merge(
            questions[["pk", "code", "type", "purpose"]], left_on="question_id", right_on="pk"
        ).drop(columns="pk")
        answers = answers[answers["value"].map(_answered)]
        answers = self._without_contradictions(answers)
        self.answers = answers
        self.state_answers = answers[answers["is_state"]]

        coded = frame(
            data["answer_themes"], ["answer__reply_id", "answer__question_id", "theme_id"]
        )
        coded.columns = ["reply_id", "question_id", "theme_id"]
        coded = coded.merge(
            self.replies[["pk", "respondent_id", "region", "is_state"]],
            left_on="reply_id",
            right_on="pk",
        ).drop(columns="pk")
        coded["kind"] = coded["theme_id"].map(lambda pk: self.themes[pk]["kind"])
        self.coded = coded[coded["is_state"]]

    def _without_contradictions(self, answers: pd.DataFrame) -> pd.DataFrame:
        """A multiple-choice answer that ticks "None of these" (an exclusive option) together with
        other options is counted for the options ticked, once, and noted in `contradictions`
        (question code -> respondents) so that the report can say so."""
        exclusive: dict[int, set[str]] = defaultdict(set)
        for (question_id, _kind), choices in self.choices.items():
            exclusive[question_id].update(c["name"] for c in choices if c.get("exclusive"))
        exclusive = {pk: names for pk, names in exclusive.items() if names}
        self.contradictions: dict[str, set[int]] = defaultdict(set)
        values: list[object] = answers["value"].tolist()
        # Only the answers to questions with an exclusive option are looked at.
        for position in np.flatnonzero(answers["question_id"].isin(exclusive).to_numpy()):
            row = answers.iloc[position]
            value, alone = row["value"], exclusive[row["question_id"]]
            if isinstance(value, list) and alone & set(value) and set(value) - alone:
                self.contradictions[row["code"]].add(row["respondent_id"])
                values[position] = [v for v in value if v not in alone]
        answers = answers.copy()
        answers["value"] = pd.Series(values, index=answers.index, dtype=object)
        return answers


def _answered(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, dict)):
        return bool(value)
    return True
