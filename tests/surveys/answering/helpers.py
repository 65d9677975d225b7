"""Steps the answering tests share: where a section or question is, and saving an answer as the
web form does."""

from surveys.answering.services import answer_save
from surveys.models import Answer, Channel


def question(reply, code):
    return reply.cycle.version.questions.get(code=code)


def section(reply, code):
    return reply.cycle.version.sections.get(code=code)


def section_url(reply, code="A", query=""):
    return f"/questionnaires/replies/{reply.pk}/sections/{section(reply, code).pk}/{query}"


def autosave_url(reply, code):
    return f"/questionnaires/replies/{reply.pk}/answers/{question(reply, code).pk}/"


def save(reply, code, value, by, base=0, other_text=""):
    return answer_save(
        reply=reply, question=question(reply, code), value=value, other_text=other_text,
        base_revision=base, by=by, channel=Channel.WEB,
    )  # fmt: skip


def answer(reply, code):
    return Answer.objects.filter(reply=reply, question__code=code).first()


def block(page: str, code: str) -> str:
    """The HTML of one question's block on a section page."""
    start = page.index(f'data-question="{code}"')
    end = page.find('<div class="answer-question"', start)
    return page[start : end if end != -1 else None]
