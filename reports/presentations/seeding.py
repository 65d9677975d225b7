"""The demonstration's country presentation: one published, so the library shows what one is."""

from django.db.models import Count, F, Q

from clusters.models import Cluster
from portal.jobs import JobProgress, job_run
from portal.models import Respondent, User
from reports.presentations.content import COUNTED_STATUSES, cluster_questions
from reports.presentations.models import Presentation
from reports.presentations.services import (
    presentation_compile,
    presentation_publish,
    presentation_request,
)


def presentations_demo_seed(*, administrator: User) -> str:
    """Compile and publish to everyone, in English, the presentation of cluster (a) in the Member
    State with the most accepted replies on it that may all be published (the first by code of
    those). Does nothing when a presentation is published already; returns what it did."""
    if Presentation.objects.filter(published_at__isnull=False).exists():
        return ""
    cluster = Cluster.objects.filter(letter="a").first()
    if cluster is None:
        return ""
    on_cluster = Q(
        replies__status__in=COUNTED_STATUSES,
        replies__cycle__version__questions__in=cluster_questions(cluster),
    )
    respondent = (
        Respondent.objects.filter(type__code="member_state")
        .annotate(
            replied=Count("replies", filter=on_cluster, distinct=True),
            agreed=Count(
                "replies", filter=on_cluster & Q(replies__may_publish=True), distinct=True
            ),
        )
        .filter(replied__gt=0, agreed=F("replied"))
        .order_by("-replied", "code")
        .first()
    )
    if respondent is None:
        return ""
    [presentation] = presentation_request(
        respondent=respondent, cluster=cluster, languages=["en"], by=administrator, enqueue=False
    )

    def work(job: Presentation, progress: JobProgress) -> None:
        presentation_compile(presentation=job, progress=progress)

    # Compiled here, as a worker would (portal.jobs.job_run), so that it can be published at once.
    job_run(model=Presentation, pk=presentation.pk, task_id="seed-demo", work=work)
    presentation.refresh_from_db()
    presentation_publish(presentation=presentation, by=administrator, audience="public")
    return (
        f"country presentation: cluster (a) in {respondent.list_name('en')}, "
        f"published in the library ({presentation.page_count} pages)"
    )
