"""The figures of the requests for technical assistance and of the roster of experts (DESIGN.md,
"What the reports contain"), from the rows `replies_read` returns (reports.figures.reading).
reports.figures.computing puts them in the report's figures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from reports.figures.frames import frame
from reports.figures.structure import (
    AreaRequests,
    RequestFigures,
    RosterFigures,
    RosterRow,
    StatusCount,
)
from surveys.models import Purpose, RequestStatus


def request_figures(
    *,
    request_rows: list[dict],
    expert_clusters: list[dict],
    themes: dict[int, dict],
    state_answers: pd.DataFrame,
    t: Callable[[Any], str],
) -> RequestFigures:
    """The requests by status and area of assistance, those matched with an expert and those no
    expert of the roster covers, and how many States that need assistance asked for it."""
    requests = frame(
        request_rows, ["pk", "respondent_id", "status", "cluster_id", "area_id", "match_count"]
    )
    covered = {link["cluster_id"] for link in expert_clusters}
    matched = requests["match_count"] > 0
    unmet = ~matched & ~requests["cluster_id"].isin(covered)
    counted = requests["status"].value_counts()
    by_area = []
    for area_id, group in requests.groupby(requests["area_id"].fillna(0)):
        theme = themes.get(int(area_id))
        by_area.append(
            AreaRequests(
                theme["code"] if theme else "",
                t(theme["label"]) if theme else "",
                len(group),
                int((group["match_count"] > 0).sum()),
                int(unmet[group.index].sum()),
            )
        )
    by_area.sort(key=lambda a: (-a.requests, a.code == "", a.code))
    needing = state_answers[
        (state_answers["purpose"] == Purpose.ASSISTANCE_NEED) & (state_answers["value"] == "yes")
    ]
    return RequestFigures(
        total=len(requests),
        respondents=int(requests["respondent_id"].nunique()),
        by_status=[
            StatusCount(key, str(label), int(counted.get(key, 0)))
            for key, label in RequestStatus.choices
        ],
        by_area=by_area,
        matched=int(matched.sum()),
        unmet=int(unmet.sum()),
        from_states_needing=len(set(needing["respondent_id"]) & set(requests["respondent_id"])),
    )


def roster_figures(
    *,
    expert_rows: list[dict],
    expert_clusters: list[dict],
    clusters: dict[int, dict],
    region_labels: dict[str, str],
    t: Callable[[Any], str],
) -> RosterFigures:
    """The experts on the roster and those available, by cluster (in order of priority) and
    regional group."""
    experts = {e["pk"]: e for e in expert_rows}
    rows = []
    for cluster in sorted(clusters.values(), key=lambda c: c["priority"]):
        members = [
            experts[link["expert_id"]]
            for link in expert_clusters
            if link["cluster_id"] == cluster["pk"] and link["expert_id"] in experts
        ]
        by_region = dict.fromkeys(region_labels, 0)
        for expert in members:
            if expert["regional_group"] in by_region:
                by_region[expert["regional_group"]] += 1
        rows.append(
            RosterRow(
                cluster["letter"],
                t(cluster["title"]),
                len(members),
                sum(1 for e in members if e["availability"] == "available"),
                by_region,
            )
        )
    return RosterFigures(
        experts=len(experts),
        available=sum(1 for e in experts.values() if e["availability"] == "available"),
        by_cluster=rows,
    )
