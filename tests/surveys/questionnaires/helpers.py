"""Steps the authoring tests share: freezing a version, finding its sections and questions,
its outline, and the addresses of its pages."""

import datetime

from surveys.models import Question, Section, VersionStatus
from surveys.questionnaires.documents import QuestionDoc


def freeze(version, administrator, status=VersionStatus.APPROVED):
    version.status = status
    if status == VersionStatus.APPROVED:
        version.approval_meeting = "Intersessional meeting of the Commission"
        version.approval_date = datetime.date(2026, 12, 1)
        version.approved_by = administrator
    version.save()
    return version


def version_question(version, code) -> Question:
    return Question.objects.get(version=version, code=code)


def version_section(version, code) -> Section:
    return Section.objects.get(version=version, code=code)


def version_outline(version) -> list[tuple[str, list[str]]]:
    """The sections and question codes, in order, and every order contiguous from 1."""
    sections = list(Section.objects.filter(version=version).order_by("order"))
    assert [s.order for s in sections] == list(range(1, len(sections) + 1))
    questions = list(Question.objects.filter(version=version).order_by("section__order", "order"))
    assert [q.order for q in questions] == list(range(1, len(questions) + 1))
    return [(s.code, [q.code for q in questions if q.section_id == s.pk]) for s in sections]


def yes_no(code, text="Is there a law?", **kwargs) -> QuestionDoc:
    return QuestionDoc(code=code, type="yes_no", text={"en": text}, **kwargs)


def version_pages(version):
    pk = version.pk
    return {
        "detail": f"/questionnaires/versions/{pk}/",
        "edit": f"/questionnaires/versions/{pk}/edit/",
        "translations": f"/questionnaires/versions/{pk}/translations/?language=fr",
        "completeness": f"/questionnaires/versions/{pk}/completeness/",
        "preview": f"/questionnaires/versions/{pk}/preview/?language=fr",
    }
