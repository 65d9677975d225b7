"""Every URL of the portal, opened by everyone who should not see State A's data.

The sweep walks the URL configuration (django.urls.get_resolver) and, for each named pattern,
builds the URL from a small world whose objects belong to State A (Kenya): its reply, snapshot,
attachment, review comment, consultation comment, assistance request, the cycle, the version, a
report, an extract. It then asserts what an anonymous visitor, a contact person of State B
(Senegal), a Commission delegate and a reviewer get. A POST-only view is also posted to by the
outsiders, who must be refused without anything in the database changing.

A URL pattern added without an entry in ROUTES fails `test_every_url_pattern_is_in_the_sweep`.
"""

import hashlib
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from clusters.models import Cluster
from portal.jobs import JobStatus
from portal.models import Respondent
from reports.models import Audience, Report
from reports.presentations.models import Presentation
from surveys.consultation.models import Consultation, ConsultationComment
from surveys.extracts.models import ReplyExtract
from surveys.models import Attachment, QuestionType, ReplySnapshot
from tests.factories import (
    AnswerFactory,
    AssistanceRequestFactory,
    ExpertFactory,
    QuestionnaireVersionFactory,
    ReviewCommentFactory,
    ThemeFactory,
)
from tests.surveys.replies import open_cycle, reply_for

pytestmark = pytest.mark.django_db

# Written into each of State A's answers, comments and requests: no outsider's page may show it.
SECRET = "Kenya-only text 7f3a"
LOGIN = "login"  # a 302 to the log-in page
ROLES = ("anon", "other_state", "delegate", "reviewer")
OUTSIDERS = ("anon", "other_state", "delegate")
REFUSED = {LOGIN, 403, 404, 405}


@dataclass(frozen=True)
class Expect:
    """What a GET gives each role, the URL's kwargs (names of the world's ids), and for a view
    that only takes POST, what its POST gives each outsider."""

    anon: object
    other_state: object
    delegate: object
    reviewer: object
    kwargs: dict = field(default_factory=dict)
    post: dict | None = None


EVERYONE = {"anon": 200, "other_state": 200, "delegate": 200, "reviewer": 200}
STAFF = {"anon": LOGIN, "other_state": 403, "delegate": 403, "reviewer": 200}
ADMINISTRATORS = {"anon": LOGIN, "other_state": 403, "delegate": 403, "reviewer": 403}
# State A's reply: another State is told it does not exist.
REPLY_PAGE = {"anon": LOGIN, "other_state": 404, "delegate": 403, "reviewer": 200}
# A report published to the Commission's delegates (an advance copy).
DELEGATES = {"anon": 404, "other_state": 404, "delegate": 200, "reviewer": 200}
POST_ONLY = {"anon": LOGIN, "other_state": 405, "delegate": 405, "reviewer": 405}
REFUSED_POST = {"anon": LOGIN, "other_state": 403, "delegate": 403}
# The read API's staff endpoints: a signed-in session is not a token.
API_TOKEN = {"anon": 401, "other_state": 401, "delegate": 401, "reviewer": 401}
REPLY = {"pk": "reply"}
VERSION = {"pk": "version"}
CYCLE = {"pk": "cycle"}
REPORT = {"pk": "report"}
PRESENTATION = {"pk": "presentation"}

# "namespace:name" -> what each role gets. Ids are the world's (State A's) objects.
ROUTES: dict[str, Expect | None] = {
    # The Django admin has its own log-in and permission checks (tests/portal/test_admin_*.py).
    "admin:*": None,
    "home": Expect(**EVERYONE),
    "healthz": Expect(**EVERYONE),
    "favicon": Expect(anon=302, other_state=302, delegate=302, reviewer=302),
    # POST-only, and open to everyone (a choice of language; ending one's own session).
    "set_language": Expect(anon=405, other_state=405, delegate=405, reviewer=405),
    "respondent_index": Expect(**STAFF),
    "respondent_detail": Expect(**STAFF, kwargs={"code": "KEN"}),
    "contact_invite": Expect(**ADMINISTRATORS, kwargs={"code": "KEN"}),
    "contact_welcome": Expect(**EVERYONE, kwargs={"uidb64": "MQ", "token": "not-a-token"}),
    "security_event_index": Expect(**ADMINISTRATORS),
    "login": Expect(**EVERYONE),
    "logout": Expect(anon=405, other_state=405, delegate=405, reviewer=405),
    "password_change": Expect(anon=LOGIN, other_state=200, delegate=200, reviewer=200),
    "password_change_done": Expect(anon=LOGIN, other_state=200, delegate=200, reviewer=200),
    # Second factor (portal.twofactor): the reviewer's is set up and this session has passed it;
    # the others have none (enrolment is offered; there is nothing to verify, renew or turn off).
    "twofactor_account": Expect(anon=LOGIN, other_state=200, delegate=200, reviewer=200),
    "twofactor_enrol": Expect(anon=LOGIN, other_state=200, delegate=200, reviewer=302),
    "twofactor_verify": Expect(anon=LOGIN, other_state=302, delegate=302, reviewer=302),
    "twofactor_recovery_codes": Expect(
        anon=LOGIN, other_state=200, delegate=200, reviewer=200, post=REFUSED_POST
    ),
    "twofactor_replace": Expect(**POST_ONLY, post=REFUSED_POST),
    "twofactor_turn_off": Expect(**POST_ONLY, post=REFUSED_POST),
    "password_reset": Expect(**EVERYONE),
    "password_reset_done": Expect(**EVERYONE),
    "password_reset_confirm": Expect(**EVERYONE, kwargs={"uidb64": "MQ", "token": "not-a-token"}),
    "password_reset_complete": Expect(**EVERYONE),
    "clusters:standard_index": Expect(**EVERYONE),
    "clusters:expert_index": Expect(**STAFF),
    "clusters:expert_create": Expect(**ADMINISTRATORS),
    "clusters:expert_edit": Expect(**ADMINISTRATORS, kwargs={"pk": "expert"}),
    "surveys:questionnaire_index": Expect(**STAFF),
    "surveys:questionnaire_create": Expect(**ADMINISTRATORS),
    "surveys:questionnaire_import": Expect(**ADMINISTRATORS),
    "surveys:version_detail": Expect(**EVERYONE, kwargs=VERSION),
    "surveys:version_new_draft": Expect(**POST_ONLY, kwargs=VERSION, post=REFUSED_POST),
    "surveys:version_edit": Expect(**ADMINISTRATORS, kwargs=VERSION),
    "surveys:version_update": Expect(**ADMINISTRATORS, kwargs=VERSION),
    "surveys:version_meaning_changed": Expect(**POST_ONLY, kwargs=VERSION, post=REFUSED_POST),
    "surveys:section_add": Expect(**ADMINISTRATORS, kwargs=VERSION),
    "surveys:section_edit": Expect(
        **ADMINISTRATORS, kwargs={"pk": "version", "section_pk": "section"}
    ),
    "surveys:section_move": Expect(
        anon=405,
        other_state=405,
        delegate=405,
        reviewer=405,
        kwargs={"pk": "version", "section_pk": "section"},
        post=REFUSED_POST,
    ),
    "surveys:section_delete": Expect(
        **ADMINISTRATORS, kwargs={"pk": "version", "section_pk": "section"}
    ),
    "surveys:question_add": Expect(
        **ADMINISTRATORS, kwargs={"pk": "version", "section_pk": "section"}
    ),
    "surveys:question_edit": Expect(
        **ADMINISTRATORS, kwargs={"pk": "version", "question_pk": "question"}
    ),
    "surveys:question_move": Expect(
        anon=405,
        other_state=405,
        delegate=405,
        reviewer=405,
        kwargs={"pk": "version", "question_pk": "question"},
        post=REFUSED_POST,
    ),
    "surveys:question_delete": Expect(
        **ADMINISTRATORS, kwargs={"pk": "version", "question_pk": "question"}
    ),
    "surveys:version_translations": Expect(**STAFF, kwargs=VERSION),
    "surveys:version_completeness": Expect(**STAFF, kwargs=VERSION),
    "surveys:version_preview": Expect(**EVERYONE, kwargs=VERSION),
    "surveys:version_pdf": Expect(**EVERYONE, kwargs=VERSION),
    "surveys:version_export": Expect(**EVERYONE, kwargs=VERSION),
    "surveys:version_consultation": Expect(**STAFF, kwargs={"pk": "draft"}),
    "surveys:consultation_close": Expect(**POST_ONLY, kwargs={"pk": "draft"}, post=REFUSED_POST),
    "surveys:version_approve": Expect(**POST_ONLY, kwargs={"pk": "draft"}, post=REFUSED_POST),
    "surveys:consultation_comment": Expect(
        anon=LOGIN, other_state=403, delegate=403, reviewer=302, kwargs={"pk": "draft"}
    ),
    "surveys:consultation_comment_resolve": Expect(
        **POST_ONLY, kwargs={"pk": "consultation_comment"}, post=REFUSED_POST
    ),
    "surveys:consultation_inbox": Expect(anon=LOGIN, other_state=200, delegate=403, reviewer=403),
    "surveys:cycle_index": Expect(**STAFF),
    "surveys:cycle_create": Expect(**ADMINISTRATORS),
    "surveys:cycle_detail": Expect(**STAFF, kwargs=CYCLE),
    "surveys:cycle_extend": Expect(**POST_ONLY, kwargs={"pk": "invitation"}, post=REFUSED_POST),
    "surveys:cycle_overview": Expect(**STAFF, kwargs=CYCLE),
    "surveys:cycle_situations": Expect(**STAFF, kwargs=CYCLE),
    "surveys:contact_dashboard": Expect(anon=LOGIN, other_state=200, delegate=403, reviewer=403),
    "surveys:reply_detail": Expect(**REPLY_PAGE, kwargs=REPLY),
    "surveys:reply_answer": Expect(
        anon=LOGIN, other_state=404, delegate=403, reviewer=302, kwargs=REPLY
    ),
    "surveys:reply_section": Expect(**REPLY_PAGE, kwargs={"pk": "reply", "section_pk": "section"}),
    "surveys:answer_autosave": Expect(
        anon=403,
        other_state=404,
        delegate=403,
        reviewer=200,
        kwargs={"pk": "reply", "question_pk": "question"},
    ),
    "surveys:reply_attachments": Expect(**REPLY_PAGE, kwargs=REPLY),
    "surveys:attachment_download": Expect(**REPLY_PAGE, kwargs={"token": "attachment"}),
    "surveys:attachment_remove": Expect(
        **POST_ONLY, kwargs={"token": "attachment"}, post={**REFUSED_POST, "other_state": 404}
    ),
    "surveys:reply_submit": Expect(**REPLY_PAGE, kwargs=REPLY),
    "surveys:snapshot_pdf": Expect(**REPLY_PAGE, kwargs={"pk": "reply", "number": "snapshot"}),
    "surveys:reply_xlsx_download": Expect(**REPLY_PAGE, kwargs=REPLY),
    "surveys:reply_xlsx_upload": Expect(
        anon=LOGIN, other_state=404, delegate=403, reviewer=403, kwargs=REPLY
    ),
    "surveys:reply_xlsx_preview": Expect(
        anon=LOGIN,
        other_state=404,
        delegate=403,
        reviewer=403,
        kwargs={"pk": "reply", "token": "upload_token"},
    ),
    "surveys:reply_review": Expect(**STAFF, kwargs=REPLY),
    "surveys:review_comment_add": Expect(**POST_ONLY, kwargs=REPLY, post=REFUSED_POST),
    "surveys:review_comment_remove": Expect(
        **POST_ONLY,
        kwargs={"pk": "review_comment"},
        post={**REFUSED_POST, "other_state": 404, "delegate": 404},
    ),
    "surveys:review_comment_answer": Expect(
        **POST_ONLY, kwargs={"pk": "review_comment"}, post={**REFUSED_POST, "other_state": 404}
    ),
    "surveys:reply_return": Expect(**POST_ONLY, kwargs=REPLY, post=REFUSED_POST),
    "surveys:reply_accept": Expect(**POST_ONLY, kwargs=REPLY, post=REFUSED_POST),
    "surveys:answer_correct": Expect(**STAFF, kwargs={"pk": "reply", "question_pk": "question"}),
    "surveys:coding_index": Expect(**STAFF, kwargs=CYCLE),
    "surveys:coding_question": Expect(**STAFF, kwargs={"pk": "cycle", "code": "question_code"}),
    "surveys:coding_decide": Expect(**POST_ONLY, kwargs={"pk": "answer"}, post=REFUSED_POST),
    "surveys:coding_practice": Expect(**POST_ONLY, kwargs={"pk": "answer"}, post=REFUSED_POST),
    "surveys:codebook_index": Expect(**STAFF),
    "surveys:theme_create": Expect(**ADMINISTRATORS),
    "surveys:theme_edit": Expect(**ADMINISTRATORS, kwargs={"pk": "theme"}),
    "surveys:assistance_index": Expect(**STAFF),
    "surveys:assistance_unmet": Expect(**STAFF),
    "surveys:assistance_detail": Expect(**STAFF, kwargs={"pk": "assistance"}),
    "surveys:assistance_update": Expect(
        **POST_ONLY, kwargs={"pk": "assistance"}, post=REFUSED_POST
    ),
    "surveys:assistance_outcome": Expect(
        **POST_ONLY, kwargs={"pk": "assistance"}, post=REFUSED_POST
    ),
    # State A's requests and their outcomes: its contact persons and the Secretariat.
    "surveys:respondent_assistance": Expect(**STAFF, kwargs={"code": "KEN"}),
    "surveys:assistance_match": Expect(**POST_ONLY, kwargs={"pk": "assistance"}, post=REFUSED_POST),
    "surveys:assistance_unmatch": Expect(
        **POST_ONLY, kwargs={"pk": "assistance"}, post=REFUSED_POST
    ),
    "surveys:extract_index": Expect(**STAFF, kwargs=CYCLE),
    "surveys:extract_request": Expect(**POST_ONLY, kwargs=CYCLE, post=REFUSED_POST),
    "surveys:extract_retry": Expect(**POST_ONLY, kwargs={"pk": "extract"}, post=REFUSED_POST),
    "surveys:extract_download": Expect(**STAFF, kwargs={"pk": "extract"}),
    "reports:report_index": Expect(**STAFF),
    "reports:report_create": Expect(**ADMINISTRATORS),
    "reports:report_detail": Expect(**STAFF, kwargs=REPORT),
    "reports:report_progress": Expect(**STAFF, kwargs=REPORT),
    "reports:report_retry": Expect(
        anon=405, other_state=405, delegate=405, reviewer=405, kwargs=REPORT, post=REFUSED_POST
    ),
    "reports:report_again": Expect(
        anon=405, other_state=405, delegate=405, reviewer=405, kwargs=REPORT, post=REFUSED_POST
    ),
    "reports:report_pdf": Expect(**STAFF, kwargs=REPORT),
    "reports:report_xlsx": Expect(**STAFF, kwargs=REPORT),
    "reports:report_publish": Expect(
        anon=405,
        other_state=405,
        delegate=405,
        reviewer=405,
        kwargs=REPORT,
        post={**REFUSED_POST, "anon": 403},
    ),
    # Country presentations: State A's, compiled for the Secretariat; one published to delegates.
    "reports:presentation_index": Expect(**STAFF),
    "reports:presentation_create": Expect(**STAFF),
    "reports:presentation_detail": Expect(**STAFF, kwargs=PRESENTATION),
    "reports:presentation_progress": Expect(**STAFF, kwargs=PRESENTATION),
    "reports:presentation_pdf": Expect(**STAFF, kwargs=PRESENTATION),
    "reports:presentation_retry": Expect(
        anon=405,
        other_state=405,
        delegate=405,
        reviewer=405,
        kwargs=PRESENTATION,
        post=REFUSED_POST,
    ),  # fmt: skip
    "reports:presentation_again": Expect(
        anon=405,
        other_state=405,
        delegate=405,
        reviewer=405,
        kwargs=PRESENTATION,
        post=REFUSED_POST,
    ),  # fmt: skip
    "reports:presentation_publish": Expect(
        anon=405,
        other_state=405,
        delegate=405,
        reviewer=405,
        kwargs=PRESENTATION,
        post=REFUSED_POST,
    ),  # fmt: skip
    "reports:library_presentation_pdf": Expect(
        **DELEGATES, kwargs={"pk": "delegates_presentation"}
    ),
    "reports:library": Expect(**EVERYONE),
    "reports:library_pdf": Expect(**DELEGATES, kwargs={"pk": "delegates_report"}),
    "reports:library_xlsx": Expect(**DELEGATES, kwargs={"pk": "delegates_report"}),
    "reports:published_replies": Expect(**EVERYONE),
    "reports:published_reply": Expect(
        anon=404, other_state=404, delegate=404, reviewer=404, kwargs=REPLY
    ),
    "reports:published_reply_pdf": Expect(
        anon=404, other_state=404, delegate=404, reviewer=404, kwargs=REPLY
    ),
    "reports:published_question": Expect(
        **EVERYONE, kwargs={"cycle_pk": "cycle", "code": "question_code"}
    ),
    # A standard's questions: those of approved versions for everyone, of drafts for staff too.
    "reports:standard_questions": Expect(**EVERYONE, kwargs={"code": "SMR"}),
    # Open data and the read API (opendata): the world's cycle has no published reply; the staff
    # endpoints take an API token, not a session (tests/opendata/test_api.py tries every token).
    "opendata:index": Expect(**EVERYONE),
    "opendata:cycle_download": Expect(
        anon=404, other_state=404, delegate=404, reviewer=404, kwargs={"pk": "cycle", "kind": "csv"}
    ),
    "opendata:api_tokens": Expect(**STAFF),
    "opendata:api_token_revoke": Expect(
        anon=LOGIN, other_state=403, delegate=403, reviewer=405, kwargs={"pk": 1}, post=REFUSED_POST
    ),
    "api:standards": Expect(**EVERYONE),
    "api:reports": Expect(**EVERYONE),
    "api:published_cycles": Expect(**EVERYONE),
    "api:published_answers": Expect(
        anon=404, other_state=404, delegate=404, reviewer=404, kwargs={"cycle": "cycle"}
    ),
    "api:cycle_replies": Expect(**API_TOKEN, kwargs={"cycle": "cycle"}),
    "api:cycle_coding": Expect(**API_TOKEN, kwargs={"cycle": "cycle"}),
    "api:cycle_assistance": Expect(**API_TOKEN, kwargs={"cycle": "cycle"}),
    "api:schema": Expect(**EVERYONE),
    "api:docs": Expect(**EVERYONE),
}


def url_patterns(resolver=None, namespace="", prefix=""):
    """(namespace:name, route) of every named pattern, recursively."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from url_patterns(pattern, inner, route)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield ":".join(filter(None, [namespace, pattern.name])), route


def table_key(name: str) -> str:
    return "admin:*" if name.startswith("admin:") else name


SWEPT = sorted(name for name, expect in ROUTES.items() if expect is not None)


def test_every_url_pattern_is_in_the_sweep():
    routes = dict(url_patterns())
    missing = sorted(
        f"{name} ({route})" for name, route in routes.items() if table_key(name) not in ROUTES
    )
    assert not missing, "URL patterns without an entry in ROUTES: " + ", ".join(missing)
    gone = sorted(key for key in ROUTES if key != "admin:*" and key not in routes)
    assert not gone, "ROUTES entries naming no URL pattern: " + ", ".join(gone)


@pytest.fixture
def world(administrator, lead, reviewer, settings, tmp_path):
    """State A's objects, one of each kind a URL names, as ids."""
    settings.MEDIA_ROOT = tmp_path
    cycle = open_cycle(administrator)
    version = cycle.version
    reply = reply_for(cycle, "KEN")
    question = version.questions.filter(type=QuestionType.LONG_TEXT).first()
    answer = AnswerFactory(reply=reply, question=question, value=SECRET)
    snapshot = ReplySnapshot.objects.create(
        reply=reply,
        number=1,
        answers={question.code: {"value": SECRET}},
        submitted_by=lead,
        submitted_at=timezone.now(),
    )
    attachment = Attachment(
        reply=reply, token="sweep-attachment", original_name="law.pdf",
        content_type="application/pdf", size=9, sha256="0" * 64, uploaded_by=lead,
    )  # fmt: skip
    attachment.file.save("law.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    draft = QuestionnaireVersionFactory(created_by=administrator)
    consultation = Consultation.objects.create(version=draft, opened_by=administrator)
    consultation.respondents.add(Respondent.objects.get(code="KEN"))
    consultation_comment = ConsultationComment.objects.create(
        consultation=consultation, respondent=lead.respondent, author=lead, text=SECRET
    )
    report = Report.objects.create(
        title="Report", commission_session="Fifteenth session", symbol="E/CN.15/2099/99",
        requested_by=reviewer, agenda_item_number=6,
    )  # fmt: skip
    report.cycles.add(cycle)
    report_files(report)
    delegates_report = Report.objects.create(
        title="Advance copy", commission_session="Fifteenth session", symbol="E/CN.15/2099/98",
        requested_by=reviewer, agenda_item_number=6,
    )  # fmt: skip
    delegates_report.cycles.add(cycle)
    report_files(delegates_report)
    Report.objects.filter(pk=delegates_report.pk).update(
        audience=Audience.DELEGATES, published_at=timezone.now(), published_by=administrator
    )
    presentation, delegates_presentation = (
        presentation_file(reviewer, language) for language in ("en", "fr")
    )
    presentation.replies.add(reply)
    Presentation.objects.filter(pk=delegates_presentation.pk).update(
        audience=Audience.DELEGATES, published_at=timezone.now(), published_by=administrator
    )
    extract = ReplyExtract.objects.create(cycle=cycle, requested_by=reviewer)
    extract.file.save("extract.xlsx", ContentFile(b"PK"), save=False)
    extract.status = JobStatus.READY
    extract.save()
    return {
        "cycle": cycle.pk,
        "version": version.pk,
        "draft": draft.pk,
        "section": question.section_id,
        "question": question.pk,
        "question_code": question.code,
        "reply": reply.pk,
        "answer": answer.pk,
        "snapshot": snapshot.number,
        "attachment": attachment.token,
        "upload_token": "sweep-upload",
        "invitation": cycle.invitations.get(respondent__code="KEN").pk,
        "review_comment": ReviewCommentFactory(reply=reply, author=reviewer, text=SECRET).pk,
        "consultation_comment": consultation_comment.pk,
        "assistance": AssistanceRequestFactory(respondent=lead.respondent, description=SECRET).pk,
        "expert": ExpertFactory().pk,
        "theme": ThemeFactory().pk,
        "extract": extract.pk,
        "report": report.pk,
        "delegates_report": delegates_report.pk,
        "presentation": presentation.pk,
        "delegates_presentation": delegates_presentation.pk,
    }


def presentation_file(reviewer, language):
    """A compiled presentation of State A on cluster (a), in `language`."""
    presentation = Presentation.objects.create(
        respondent=Respondent.objects.get(code="KEN"),
        cluster=Cluster.objects.get(letter="a"),
        language=language,
        requested_by=reviewer,
        status=JobStatus.READY,
    )
    presentation.pdf.save("presentation.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return presentation


def report_files(report):
    report.pdf.save("report.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    report.xlsx.save("annex.xlsx", ContentFile(b"PK"), save=False)
    report.status = JobStatus.READY
    report.save()


def url_of(name: str, world) -> str:
    kwargs = {key: world.get(value, value) for key, value in ROUTES[name].kwargs.items()}
    return reverse(name, kwargs=kwargs)


@pytest.fixture
def sign_in_as(client_for, state_b_contact, delegate, reviewer):
    users = {
        "anon": None,
        "other_state": state_b_contact,
        "delegate": delegate,
        "reviewer": reviewer,
    }
    return lambda role: client_for(users[role])


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def outcome(response):
    if response.status_code == 302 and response.url.startswith(resolve_url(settings.LOGIN_URL)):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_the_table_says(role, world, sign_in_as):
    client = sign_in_as(role)
    client.raise_request_exception = False
    wrong = []
    for name in SWEPT:
        url = url_of(name, world)
        response = client.get(url)
        got = outcome(response)
        expected = getattr(ROUTES[name], role)
        if got != expected:
            wrong.append(f"{name} {url}: expected {expected}, got {got}")
        elif role in OUTSIDERS and got == 200 and SECRET.encode() in content(response):
            wrong.append(f"{name} {url}: shows State A's text to {role}")
    assert not wrong, f"As {role}:\n" + "\n".join(wrong)


def test_the_secretariat_sees_the_text_the_sweep_looks_for(world, sign_in_as):
    """The marker is on State A's pages, so its absence from the outsiders' pages means something."""
    client = sign_in_as("reviewer")
    for name in ("surveys:reply_review", "surveys:assistance_detail"):
        assert SECRET.encode() in content(client.get(url_of(name, world))), name


@pytest.mark.parametrize("role", OUTSIDERS)
def test_a_draft_version_is_not_public_like_an_approved_one(role, world, sign_in_as):
    client = sign_in_as(role)
    for name in ("surveys:version_detail", "surveys:version_preview", "surveys:version_pdf",
                 "surveys:version_export"):  # fmt: skip
        assert client.get(reverse(name, kwargs={"pk": world["draft"]})).status_code == 403, name


def database_fingerprint() -> str:
    """A digest of every row the portal's apps keep (not sessions or the security log)."""
    digest = hashlib.sha256()
    for model in apps.get_models():
        if model._meta.app_label not in {"portal", "clusters", "surveys", "reports", "auth"}:
            continue
        if model._meta.model_name in {"securityevent"}:
            continue
        digest.update(repr(list(model.objects.order_by("pk").values_list())).encode())
    return digest.hexdigest()


POST_ONLY = sorted(name for name in SWEPT if ROUTES[name].post is not None)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_posting_to_a_post_only_view_are_refused_and_change_nothing(
    role, world, sign_in_as
):
    client = sign_in_as(role)
    before = database_fingerprint()
    wrong = []
    for name in POST_ONLY:
        url = url_of(name, world)
        got = outcome(client.post(url, {}))
        expected = ROUTES[name].post[role]
        if got != expected or got not in REFUSED:
            wrong.append(f"{name} {url}: expected {expected}, got {got}")
    assert not wrong, f"As {role}:\n" + "\n".join(wrong)
    assert database_fingerprint() == before
