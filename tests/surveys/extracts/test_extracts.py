"""The staff's XLSX extract of a cycle: the cells a reviewer gets, the job that builds it, the
pages that ask for it and serve it, and who may reach them."""

import datetime

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from clusters.models import Cluster, Standard
from portal.jobs import JobStatus, job_retry, job_run
from portal.models import Respondent
from surveys.extracts.services import reply_extract_request, reply_extract_write
from surveys.extracts.tasks import reply_extract_build
from surveys.models import (
    Answer,
    AnswerTheme,
    AssistanceRequest,
    Attachment,
    Priority,
    Question,
    ReplyExtract,
    ReplyStatus,
    RequestStatus,
    Theme,
    ThemeKind,
    UsefulPractice,
)
from tests.surveys.replies import approved_version, open_cycle, reply_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _answer(reply, code, value, other=""):
    question = Question.objects.get(version=reply.cycle.version, code=code)
    return Answer.objects.create(
        reply=reply, question=question, value=value, other_text=other, revision=1
    )


def _file(reply, code, name, by):
    question = Question.objects.get(version=reply.cycle.version, code=code)
    return Attachment.objects.create(
        reply=reply,
        question=question,
        token=f"{reply.pk}-{name}",
        file=f"replies/{reply.pk}/{name}",
        original_name=name,
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
        uploaded_by=by,
    )


@pytest.fixture
def cycle_with_coded_replies(administrator, reviewer, state_a_contact):
    """Kenya (accepted, everything answered and coded), Senegal (submitted), France (in
    progress, with an answer that an earlier answer makes irrelevant), Ghana (not started)."""
    cycle = open_cycle(administrator, approved_version(administrator), codes=("KEN", "SEN", "FRA"))
    kenya, senegal, france = (reply_for(cycle, code) for code in ("KEN", "SEN", "FRA"))
    reply_for(cycle, "GHA")
    now = timezone.now()
    kenya.status, kenya.submitted_at = ReplyStatus.ACCEPTED, now
    senegal.status, senegal.submitted_at = ReplyStatus.SUBMITTED, now
    france.status = ReplyStatus.IN_PROGRESS
    for reply in (kenya, senegal, france):
        reply.save()

    _answer(kenya, "A.1", "12000")
    _answer(kenya, "A.2", "yes")
    _answer(kenya, "A.2.1", "other", "Every quarter")
    _answer(kenya, "A.3", "95.5")
    _answer(kenya, "A.4", "partly")
    _answer(kenya, "A.5", "2024-03-31")
    _answer(kenya, "B.1", ["probation", "other"], "Electronic monitoring")
    _answer(kenya, "B.2", {"probation": "fully", "fine": "partly"})
    _answer(kenya, "B.3", '=HYPERLINK("http://example.org")')
    difficulty = _answer(kenya, "B.4", "Prisons are overcrowded and staff lack training.")
    _file(kenya, "B.5", "penal-code.pdf", state_a_contact)
    _file(kenya, "B.5", "prisons-act.pdf", state_a_contact)
    practice = _answer(kenya, "B.6", "Paralegals visit every prison weekly.")

    _answer(senegal, "A.1", "0")
    _answer(senegal, "A.2", "no")
    _answer(senegal, "B.1", ["fine"])

    _answer(france, "A.2", "no")
    _answer(france, "A.2.1", "monthly")  # hidden: A.2 is "no"
    _answer(france, "B.3", "Direction de l'administration pénitentiaire")

    overcrowding = Theme.objects.create(
        kind=ThemeKind.DIFFICULTY, code="overcrowding", label={"en": "Overcrowding"}, order=1
    )
    personnel = Theme.objects.create(
        kind=ThemeKind.DIFFICULTY, code="trained-personnel",
        label={"en": "Lack of trained personnel"}, order=2,
    )  # fmt: skip
    funds = Theme.objects.create(
        kind=ThemeKind.DIFFICULTY, code="funds", label={"en": "Lack of funds"}, order=3
    )
    training = Theme.objects.create(
        kind=ThemeKind.ASSISTANCE_AREA, code="training", label={"en": "Training"}, order=1
    )
    for theme, decision in (
        (overcrowding, "accepted"),
        (personnel, "accepted"),
        (funds, "rejected"),
    ):
        AnswerTheme.objects.create(
            answer=difficulty, theme=theme, decision=decision, decided_by=reviewer, decided_at=now
        )
    UsefulPractice.objects.create(
        answer=practice, featured=True, summary={"en": "Weekly paralegal visits"}, updated_by=reviewer,
        updated_at=now,
    )  # fmt: skip
    request = AssistanceRequest.objects.create(
        respondent=kenya.respondent,
        reply=kenya,
        answer=difficulty,
        cluster=Cluster.objects.get(letter="a"),
        area=training,
        description="Training of prison staff in the Nelson Mandela Rules",
        priority=Priority.HIGH,
        status=RequestStatus.UNDER_ASSESSMENT,
    )
    request.standards.set(Standard.objects.filter(code__in=["SMR", "TOKYO"]))
    return cycle


def _write(cycle, tmp_path, **options):
    path = tmp_path / "extract.xlsx"
    facts = reply_extract_write(cycle=cycle, path=path, **options)
    return openpyxl.load_workbook(path), facts


def test_the_answers_sheet_has_a_row_per_started_reply_and_a_column_per_code(
    cycle_with_coded_replies, tmp_path
):
    book, facts = _write(cycle_with_coded_replies, tmp_path)
    assert book.sheetnames == ["Answers", "Coding", "Assistance requests", "About"]
    sheet = book["Answers"]
    codes = [cell.value for cell in sheet[1]]
    assert codes == [
        "respondent_code", "respondent", "respondent_type", "regional_group", "development_groups",
        "status", "submitted_at",
        "A.1", "A.2", "A.2.1", "A.2.1/other_text", "A.3", "A.4", "A.5",
        "B.1/probation", "B.1/community_service", "B.1/fine", "B.1/other", "B.1/other_text",
        "B.2/probation/fully", "B.2/probation/partly", "B.2/fine/fully", "B.2/fine/partly",
        "B.3", "B.4", "B.5", "B.6",
    ]  # fmt: skip
    assert (facts.rows, facts.columns) == (3, 27)
    assert sheet.max_row == 2 + 3  # Ghana has not started: no row
    # Second row: the questions, split columns naming their choice.
    assert sheet["H2"].value == "How many prisoners? (persons)"
    assert sheet["O2"].value == "Which measures exist?: Probation"
    assert sheet["V2"].value == "How far is each applied?: Fine / Fully"
    assert sheet["S2"].value == "Which measures exist?: Other, please specify (text)"
    # France, Kenya, Senegal: by respondent code.
    assert [sheet[f"A{row}"].value for row in (3, 4, 5)] == ["FRA", "KEN", "SEN"]
    kenya = {code: cell.value for code, cell in zip(codes, sheet[4], strict=True)}
    assert kenya["respondent"] == "Kenya"
    assert kenya["respondent_type"] == "Member State"
    assert kenya["regional_group"] == "African States"
    assert kenya["development_groups"] == "Developing regions (M49)"
    france = {code: cell.value for code, cell in zip(codes, sheet[3], strict=True)}
    assert france["development_groups"] == "Developed regions (M49)"
    assert kenya["status"] == "Accepted"
    assert isinstance(kenya["submitted_at"], datetime.datetime)
    assert sheet["H4"].value == 12000
    assert sheet["I4"].value == "Yes"
    assert (sheet["J4"].value, sheet["K4"].value) == ("Other, please specify", "Every quarter")
    assert sheet["L4"].value == 95.5
    assert sheet["M4"].value == "Partly"
    assert sheet["N4"].value == datetime.datetime(2024, 3, 31)
    assert [sheet.cell(4, column).value for column in range(15, 20)] == [
        1, 0, 0, 1, "Electronic monitoring",
    ]  # fmt: skip
    assert [sheet.cell(4, column).value for column in range(20, 24)] == [1, 0, 0, 1]
    # A respondent's text that looks like a formula stays text.
    assert sheet["X4"].value == '=HYPERLINK("http://example.org")'
    assert sheet["X4"].data_type == "s"
    assert sheet["Y4"].value == "Prisons are overcrowded and staff lack training."
    assert sheet["Z4"].value == "penal-code.pdf; prisons-act.pdf"
    assert sheet["AA4"].value == "Paralegals visit every prison weekly."
    # Senegal: zero is a number; an unanswered table is empty, not "0".
    assert sheet["H5"].value == 0
    assert sheet["I5"].value == "No"
    assert [sheet.cell(5, column).value for column in range(15, 20)] == [0, 0, 1, 0, None]
    assert [sheet.cell(5, column).value for column in range(20, 24)] == [None] * 4
    # France: A.2.1 is hidden by A.2 = no, so its stored answer is left out.
    assert sheet["F3"].value == "In progress"
    assert sheet["J3"].value is None
    assert sheet["X3"].value == "Direction de l'administration pénitentiaire"


def test_the_coding_and_requests_sheets_list_what_reviewers_decided(
    cycle_with_coded_replies, tmp_path
):
    book, facts = _write(cycle_with_coded_replies, tmp_path)
    coding = [[cell.value for cell in row] for row in book["Coding"].iter_rows()]
    assert coding[0][:3] == ["Respondent code", "Respondent", "Question"]
    assert coding[1] == [
        "KEN", "Kenya", "B.4", "Difficulty encountered",
        "Prisons are overcrowded and staff lack training.",
        "overcrowding; trained-personnel", "Overcrowding; Lack of trained personnel",
        None, None, None,
    ]  # fmt: skip
    assert coding[2] == [
        "KEN", "Kenya", "B.6", "Useful practice", "Paralegals visit every prison weekly.",
        None, None, "Yes", "Weekly paralegal visits", "en",
    ]  # fmt: skip
    assert len(coding) == 3 and facts.coded_answers == 2

    requests = book["Assistance requests"]
    assert requests["E1"].value == "Cluster"
    assert [cell.value for cell in requests[2]][1:11] == [
        "KEN", "Kenya", "B.4", requests["E2"].value, "SMR; TOKYO", "Training",
        "Under assessment", "High", "Training of prison staff in the Nelson Mandela Rules", "en",
    ]  # fmt: skip
    assert requests["E2"].value.startswith("(a) ")
    assert requests.max_row == 2


def test_the_about_sheet_says_what_the_extract_holds(cycle_with_coded_replies, tmp_path, reviewer):
    book, _facts = _write(cycle_with_coded_replies, tmp_path, by=reviewer)
    about = {row[0].value: row[1].value for row in book["About"].iter_rows(min_row=2)}
    assert about["Cycle"] == "Test cycle 2027"
    assert about["Questionnaire"].startswith("sample · Sample questionnaire")
    assert about["Questionnaire version"] == 1
    assert about["Generated by"] == reviewer.get_full_name()
    assert isinstance(about["Generated"], datetime.datetime)
    assert about["Replies included (by status)"] == (
        "In progress, Submitted, Returned for clarification, Resubmitted, Accepted"
    )
    assert about["Respondents (rows)"] == 3


def test_labels_come_in_the_language_asked_for_with_the_original_as_fallback(
    cycle_with_coded_replies, tmp_path
):
    book, _facts = _write(cycle_with_coded_replies, tmp_path, language="fr")
    sheet = book[book.sheetnames[0]]
    assert sheet["H2"].value == "Combien de détenus ? (personnes)"
    assert sheet["O2"].value == "Quelles mesures existent ?: Probation"
    assert sheet["Y2"].value == "Difficultés rencontrées"
    assert (sheet["B4"].value, sheet["I4"].value, sheet["M4"].value) == (
        "Kenya",
        "Oui",
        "En partie",
    )
    # An answer stays in the language it was written in.
    assert sheet["Y4"].value == "Prisons are overcrowded and staff lack training."


# --- The job ------------------------------------------------------------------------------------


def test_the_job_builds_the_file_through_celery(
    cycle_with_coded_replies, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        extract = reply_extract_request(cycle=cycle_with_coded_replies, by=reviewer)
    extract.refresh_from_db()
    assert extract.status == JobStatus.READY
    assert (extract.progress, extract.row_count, extract.attempts) == (100, 3, 1)
    assert extract.file.name.startswith(
        f"extracts/{cycle_with_coded_replies.pk}/{extract.pk}-test-cycle-2027-"
    )
    with extract.file.open("rb") as handle:
        assert openpyxl.load_workbook(handle)["Answers"]["A4"].value == "KEN"


def test_asking_while_an_extract_is_queued_returns_that_one(
    cycle_with_coded_replies, reviewer, administrator
):
    first = reply_extract_request(
        cycle=cycle_with_coded_replies, by=reviewer
    )  # on_commit never runs: stays queued
    again = reply_extract_request(cycle=cycle_with_coded_replies, by=administrator)
    assert again.pk == first.pk
    assert ReplyExtract.objects.filter(cycle=cycle_with_coded_replies).count() == 1


def test_a_duplicate_message_does_not_build_the_file_again(
    cycle_with_coded_replies, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        extract = reply_extract_request(cycle=cycle_with_coded_replies, by=reviewer)
    extract.refresh_from_db()
    name = extract.file.name
    assert reply_extract_build.delay(extract.pk).get() is False
    assert job_run(model=ReplyExtract, pk=extract.pk, task_id="other", work=None) is False
    extract.refresh_from_db()
    assert (extract.file.name, extract.attempts, extract.status) == (name, 1, JobStatus.READY)


def test_a_failed_build_records_the_reason_and_a_retry_builds_it(
    cycle_with_coded_replies, reviewer, monkeypatch, django_capture_on_commit_callbacks
):
    import surveys.extracts.services as extracts

    real = extracts.reply_extract_write

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(extracts, "reply_extract_write", broken)
    with django_capture_on_commit_callbacks(execute=True):
        extract = reply_extract_request(cycle=cycle_with_coded_replies, by=reviewer)
    extract.refresh_from_db()
    assert (extract.status, extract.error, extract.file.name) == (JobStatus.FAILED, "disk full", "")

    monkeypatch.setattr(extracts, "reply_extract_write", real)
    with django_capture_on_commit_callbacks(execute=True):
        job_retry(job=extract)
    extract.refresh_from_db()
    assert (extract.status, extract.error, extract.attempts) == (JobStatus.READY, "", 2)
    assert extract.file.name


def _replies_with_answers(administrator, version, count):
    codes = list(
        Respondent.objects.filter(type__code="member_state")
        .order_by("code")[:count]
        .values_list("code", flat=True)
    )
    cycle = open_cycle(administrator, version, codes=codes)
    for code in codes:
        reply = reply_for(cycle, code)
        reply.status = ReplyStatus.SUBMITTED
        reply.save()
        _answer(reply, "A.1", "10")
        _answer(reply, "A.2", "yes")
        _answer(reply, "B.1", ["probation", "fine"])
        _answer(reply, "B.2", {"probation": "fully"})
        _file(reply, "B.5", "law.pdf", administrator)
    return cycle


def test_the_build_makes_the_same_number_of_queries_for_2_or_10_replies(
    administrator, reviewer, tmp_path
):
    from surveys.extracts.services import reply_extract_build as build

    version, counts = approved_version(administrator), []
    for count in (2, 10):
        cycle = _replies_with_answers(administrator, version, count)
        extract = ReplyExtract.objects.create(cycle=cycle, requested_by=reviewer)
        with CaptureQueriesContext(connection) as queries:
            facts = build(extract=extract, progress=lambda percent, stage: None)
        assert facts.rows == count
        counts.append(len(queries))
    assert counts[0] == counts[1]


# --- The pages ----------------------------------------------------------------------------------


@pytest.fixture
def ready(cycle_with_coded_replies, reviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        extract = reply_extract_request(cycle=cycle_with_coded_replies, by=reviewer)
    extract.refresh_from_db()
    return extract


def test_staff_ask_for_an_extract_and_download_it(
    client_for, reviewer, cycle_with_coded_replies, django_capture_on_commit_callbacks
):
    client = client_for(reviewer)
    page = client.get(reverse("surveys:cycle_detail", args=[cycle_with_coded_replies.pk]))
    assert (
        reverse("surveys:extract_index", args=[cycle_with_coded_replies.pk])
        in page.content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("surveys:extract_request", args=[cycle_with_coded_replies.pk])
        )
    assert response.status_code == 302
    extract = ReplyExtract.objects.get(cycle=cycle_with_coded_replies)
    page = client.get(reverse("surveys:extract_index", args=[cycle_with_coded_replies.pk]))
    html = page.content.decode()
    assert 'data-status="ready"' in html
    assert "hx-trigger" not in html  # nothing to follow: the list stops polling
    download = client.get(reverse("surveys:extract_download", args=[extract.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith('attachment; filename="test-cycle-2027-')
    assert {"private", "no-store"} <= set(download["Cache-Control"].replace(" ", "").split(","))
    import io

    book = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert book["Answers"]["A5"].value == "SEN"


def test_the_list_polls_while_an_extract_is_prepared_and_offers_a_refresh_link(
    client_for, reviewer, cycle_with_coded_replies
):
    extract = reply_extract_request(cycle=cycle_with_coded_replies, by=reviewer)  # stays queued
    ReplyExtract.objects.filter(pk=extract.pk).update(
        status=JobStatus.RUNNING, progress=40, stage="Writing the answers"
    )
    client = client_for(reviewer)
    url = reverse("surveys:extract_index", args=[cycle_with_coded_replies.pk])
    html = client.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in html
    assert 'data-testid="extract-refresh"' in html
    assert 'aria-valuenow="40"' in html and "Writing the answers" in html
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert partial.startswith('<div id="extract-list"') and "<html" not in partial


def test_a_failed_extract_shows_the_reason_and_can_be_retried(
    client_for, administrator, cycle_with_coded_replies, django_capture_on_commit_callbacks
):
    extract = ReplyExtract.objects.create(
        cycle=cycle_with_coded_replies,
        requested_by=administrator,
        status=JobStatus.FAILED,
        error="disk full",
    )
    client = client_for(administrator)
    html = client.get(
        reverse("surveys:extract_index", args=[cycle_with_coded_replies.pk])
    ).content.decode()
    assert "disk full" in html and 'data-testid="extract-retry"' in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("surveys:extract_retry", args=[extract.pk]))
    assert response.status_code == 302
    extract.refresh_from_db()
    assert extract.status == JobStatus.READY


@pytest.mark.parametrize("who", ["state_a_contact", "state_b_contact", "delegate"])
def test_outsiders_cannot_reach_the_extracts(
    request, who, client_for, cycle_with_coded_replies, ready
):
    client = client_for(request.getfixturevalue(who))
    for response in (
        client.get(reverse("surveys:extract_index", args=[cycle_with_coded_replies.pk])),
        client.post(reverse("surveys:extract_request", args=[cycle_with_coded_replies.pk])),
        client.post(reverse("surveys:extract_retry", args=[ready.pk])),
        client.get(reverse("surveys:extract_download", args=[ready.pk])),
    ):
        assert response.status_code in (403, 404)
    assert ReplyExtract.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in(client_for, cycle_with_coded_replies, ready):
    client = client_for(None)
    for url in (
        reverse("surveys:extract_index", args=[cycle_with_coded_replies.pk]),
        reverse("surveys:extract_download", args=[ready.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"]


def test_an_extract_not_ready_cannot_be_downloaded(client_for, reviewer, cycle_with_coded_replies):
    extract = reply_extract_request(cycle=cycle_with_coded_replies, by=reviewer)
    response = client_for(reviewer).get(reverse("surveys:extract_download", args=[extract.pk]))
    assert response.status_code == 404


def test_the_extract_page_makes_the_same_number_of_queries_for_1_or_5_extracts(
    client_for, reviewer, cycle_with_coded_replies, django_assert_max_num_queries
):
    client = client_for(reviewer)
    url = reverse("surveys:extract_index", args=[cycle_with_coded_replies.pk])
    ReplyExtract.objects.create(
        cycle=cycle_with_coded_replies, requested_by=reviewer, status=JobStatus.FAILED
    )
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _n in range(4):
        ReplyExtract.objects.create(
            cycle=cycle_with_coded_replies, requested_by=reviewer, status=JobStatus.FAILED
        )
    with CaptureQueriesContext(connection) as five:
        client.get(url)
    assert len(one) == len(five)


def test_the_extract_of_193_full_replies_reopens_with_the_right_cells(tmp_path, reference_data):
    """The synthetic full cycle of the benchmark (every Member State answering the whole seeded
    category (a) questionnaire): every whole-number, text and multiple-choice cell of every row
    is read back and compared with the answers in the database."""
    from bench.synthetic import synthetic_cycle_build
    from surveys.models import Answer, QuestionType

    cycle = synthetic_cycle_build(respondents_other=0, seed=7)
    path = tmp_path / "full.xlsx"
    facts = reply_extract_write(cycle=cycle, path=path)
    assert facts.rows == 193
    sheet = openpyxl.load_workbook(path, read_only=True)["Answers"]
    rows = list(sheet.iter_rows(values_only=True))
    codes, data = rows[0], rows[2:]
    assert len(data) == 193
    column = {code: index for index, code in enumerate(codes)}
    by_respondent = {row[0]: row for row in data}
    assert sorted(by_respondent) == sorted(cycle.replies.values_list("respondent__code", flat=True))
    checked = 0
    answers = Answer.objects.filter(reply__cycle=cycle).select_related(
        "question", "reply__respondent"
    )
    for answer in answers:
        row, question = by_respondent[answer.reply.respondent.code], answer.question
        if question.type == QuestionType.INTEGER:
            assert row[column[question.code]] == int(answer.value), question.code
        elif question.type in (QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT):
            assert row[column[question.code]] == answer.value, question.code
        elif question.type == QuestionType.MULTIPLE_CHOICE:
            for choice in question.choices.filter(kind="option"):
                expected = 1 if choice.name in answer.value else 0
                assert row[column[f"{question.code}/{choice.name}"]] == expected, question.code
        else:
            continue
        checked += 1
    assert checked > 193 * 15
