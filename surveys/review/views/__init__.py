"""The Secretariat's review: a cycle's overview, one reply question by question, the comments,
return for clarification, acceptance and corrections."""

from surveys.review.views.actions import (
    reply_accept_view,
    reply_return_view,
    review_comment_add_view,
    review_comment_answer_view,
    review_comment_remove_view,
)
from surveys.review.views.overview import cycle_overview
from surveys.review.views.reply import answer_correct_view, reply_review

__all__ = [
    "answer_correct_view",
    "cycle_overview",
    "reply_accept_view",
    "reply_return_view",
    "reply_review",
    "review_comment_add_view",
    "review_comment_answer_view",
    "review_comment_remove_view",
]
