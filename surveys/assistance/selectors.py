"""Reads of the technical-assistance pages: the requests, filtered; the experts of the roster who
could meet one; and the requests nobody on the roster can meet, by cluster and language."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet

from clusters.models import Availability, Cluster, Expert
from clusters.selectors import expert_speaks, language_name
from portal.development import GROUPS, LDC, LLDC, POST_CONFLICT, SIDS, group_q, groups_of
from portal.models import Respondent, RespondentType
from surveys.models import (
    OPEN_REQUEST_STATUSES,
    AssistanceMatch,
    AssistanceNote,
    AssistanceRequest,
    RequestStatus,
    SituationList,
    Theme,
)

# Experts who can take on a request now.
CAN_TAKE_ON = (Availability.AVAILABLE, Availability.LIMITED)


def assistance_requests(
    *,
    status: str = "",
    cluster: Cluster | None = None,
    area: Theme | None = None,
    region: str = "",
    respondent: Respondent | None = None,
    priority: int | None = None,
    group: str = "",
) -> QuerySet[AssistanceRequest]:
    """The requests, filtered, with what the list shows (one query, however many rows). `group`:
    a development group or situation (portal.development.GROUPS); a request is of a State in a
    post-conflict or peacekeeping situation when the State is on the list of its reply's cycle."""
    requests = AssistanceRequest.objects.select_related(
        "respondent__type", "cluster", "area", "answer__question"
    ).annotate(match_count=Count("matches"))
    if status:
        requests = requests.filter(status=status)
    if cluster is not None:
        requests = requests.filter(cluster=cluster)
    if area is not None:
        requests = requests.filter(area=area)
    if region:
        requests = requests.filter(respondent__regional_group=region)
    if respondent is not None:
        requests = requests.filter(respondent=respondent)
    if priority:
        requests = requests.filter(priority=priority)
    if group == POST_CONFLICT:
        requests = requests.filter(_listed_in_situations())
    elif group:
        requests = requests.filter(group_q(group, prefix="respondent__"))
    return requests.order_by("priority", "-created_at", "pk")


def _listed_in_situations() -> Exists:
    """Whether the request's respondent is on the list of post-conflict and peacekeeping
    situations of its reply's cycle (surveys.cycles.models.SituationList), as a subquery."""
    return Exists(
        SituationList.states.through.objects.filter(
            situationlist__cycle=OuterRef("reply__cycle_id"), respondent=OuterRef("respondent_id")
        )
    )


def assistance_group_counts(requests: QuerySet[AssistanceRequest]) -> dict[str, int]:
    """{development group or situation: number of `requests` from its States}, in GROUPS order
    (a State may be in several groups, other respondents in none). One query."""
    rows = (
        requests.order_by()
        .annotate(listed=_listed_in_situations())
        .values(
            "respondent__code", "respondent__type__code", "respondent__is_ldc",
            "respondent__is_lldc", "respondent__is_sids", "listed",
        )
        .annotate(n=Count("pk"))
    )  # fmt: skip
    counts = dict.fromkeys(GROUPS, 0)
    for row in rows:
        code = row["respondent__code"]
        member_of = groups_of(
            code,
            is_state=row["respondent__type__code"] == RespondentType.MEMBER_STATE,
            flags={LDC: row["respondent__is_ldc"], LLDC: row["respondent__is_lldc"],
                   SIDS: row["respondent__is_sids"]},
            post_conflict={code} if row["listed"] else set(),
        )  # fmt: skip
        for group in member_of:
            counts[group] += row["n"]
    return counts


def assistance_status_counts(requests: QuerySet[AssistanceRequest]) -> dict[str, int]:
    """{status: number of requests} for `requests` (one query)."""
    rows = requests.order_by().values("status").annotate(n=Count("pk")).values_list("status", "n")
    counts = dict.fromkeys(RequestStatus.values, 0)
    counts.update(dict(rows))
    return counts


def assistance_request_for_page(pk: int) -> AssistanceRequest:
    """One request with everything its page shows: its answer and question, standards, notes
    (with the outcome each records), outcomes and matched experts (six queries)."""
    return (
        AssistanceRequest.objects.select_related(
            "respondent__type",
            "reply__cycle__version",
            "answer__question__section",
            "cluster",
            "area",
        )
        .prefetch_related(
            "standards",
            Prefetch("notes", queryset=AssistanceNote.objects.select_related("by", "outcome")),
            "outcomes",
            Prefetch(
                "matches",
                queryset=AssistanceMatch.objects.select_related("expert", "by").order_by("at"),
            ),
        )
        .get(pk=pk)
    )


def experts_suggested(request: AssistanceRequest) -> list[Expert]:
    """The experts of the roster who could meet `request`: on the roster, available (or of
    limited availability), in its cluster (when it has one), working in its language, not already
    matched to it. Experts of the respondent's regional group first, then the available ones
    before those of limited availability, then by name."""
    experts = Expert.objects.filter(is_active=True, availability__in=CAN_TAKE_ON).exclude(
        matches__request=request
    )
    if request.cluster_id:
        experts = experts.filter(clusters=request.cluster_id)
    region = request.respondent.regional_group
    suggested = [
        e
        for e in experts.select_related("nationality").prefetch_related("clusters")
        if expert_speaks(e, request.language)
    ]
    for expert in suggested:
        expert.same_region = bool(region) and expert.regional_group == region
        expert.language_names = [language_name(code) for code in expert.languages]
    return sorted(
        suggested,
        key=lambda e: (not e.same_region, e.availability != Availability.AVAILABLE, e.name, e.pk),
    )


@dataclass
class UnmetGroup:
    """Open requests of one cluster and language that no expert on the roster can meet."""

    cluster: Cluster | None
    language: str
    language_name: str
    # Experts who can take on work in the cluster, in any language: shows what is missing.
    experts_in_cluster: int
    requests: list[AssistanceRequest] = field(default_factory=list)


def assistance_unmet() -> list[UnmetGroup]:
    """The open requests without a matched expert that no expert on the roster (on it, available
    or of limited availability) can meet: nobody both in the request's cluster and working in its
    language. Grouped by cluster (in order of priority) and language. Three queries."""
    experts = list(
        Expert.objects.filter(is_active=True, availability__in=CAN_TAKE_ON).prefetch_related(
            "clusters"
        )
    )
    covered: set[tuple[int, str]] = set()
    in_cluster: dict[int, int] = {}
    for expert in experts:
        for cluster in expert.clusters.all():
            in_cluster[cluster.pk] = in_cluster.get(cluster.pk, 0) + 1
            covered.update((cluster.pk, code.lower()) for code in expert.languages)
    languages = {code.lower() for expert in experts for code in expert.languages}
    requests = (
        AssistanceRequest.objects.filter(status__in=OPEN_REQUEST_STATUSES, matches__isnull=True)
        .select_related("respondent", "cluster", "area")
        .order_by("priority", "created_at", "pk")
    )
    groups: dict[tuple, UnmetGroup] = {}
    for request in requests:
        language = request.language.lower()
        if request.cluster_id:
            met = (request.cluster_id, language) in covered
        else:
            met = language in languages
        if met:
            continue
        key = (request.cluster_id, language)
        if key not in groups:
            groups[key] = UnmetGroup(
                cluster=request.cluster,
                language=language,
                language_name=language_name(language),
                experts_in_cluster=in_cluster.get(request.cluster_id, 0)
                if request.cluster_id
                else len(experts),
            )
        groups[key].requests.append(request)
    return sorted(
        groups.values(),
        key=lambda g: (g.cluster is None, g.cluster.priority if g.cluster else 0, g.language_name),
    )


def assistance_requests_of_respondent(respondent: Respondent) -> list[AssistanceRequest]:
    """The requests of one respondent, the latest first, with their reply's cycle, question,
    cluster, area and outcomes (three queries, however many requests)."""
    return list(
        AssistanceRequest.objects.filter(respondent=respondent)
        .select_related("reply__cycle", "answer__question", "cluster", "area")
        .prefetch_related("outcomes")
        .order_by("-created_at", "-pk")
    )
