"""Steps the consultation tests share."""

from surveys.consultation.services import consultation_comment_add
from surveys.models import Question

MEETING = "Intersessional meeting of the Commission on Crime Prevention and Criminal Justice"


def version_question(version, code) -> Question:
    return version.questions.get(code=code)


def many_comments(consultation, draft, authors, count):
    questions = list(draft.questions.all())
    for i in range(count):
        consultation_comment_add(
            consultation=consultation,
            author=authors[i % len(authors)],
            question=questions[i % len(questions)] if i % 5 else None,
            text=f"Comment {i}",
        )
