"""The annex of the report: the list of respondents, by type, alphabetical in the report's
language (the figures already give them in that order)."""

from __future__ import annotations

from reports.figures.structure import ReportFigures


def annex(figures: ReportFigures) -> list[tuple[str, list[str]]]:
    """(respondent type, names of the respondents of that type that replied), in order."""
    groups: list[tuple[str, list[str]]] = []
    for entry in figures.respondents:
        if not groups or groups[-1][0] != entry.type_label:
            groups.append((entry.type_label, []))
        groups[-1][1].append(entry.name)
    return groups
