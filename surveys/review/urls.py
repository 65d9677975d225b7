from django.urls import path

from surveys.review import views as review

urlpatterns = [
    path("cycles/<int:pk>/overview/", review.cycle_overview, name="cycle_overview"),
    path("replies/<int:pk>/review/", review.reply_review, name="reply_review"),
    path(
        "replies/<int:pk>/review/comments/",
        review.review_comment_add_view,
        name="review_comment_add",
    ),
    path(
        "review/comments/<int:pk>/remove/",
        review.review_comment_remove_view,
        name="review_comment_remove",
    ),
    path(
        "review/comments/<int:pk>/answer/",
        review.review_comment_answer_view,
        name="review_comment_answer",
    ),
    path("replies/<int:pk>/review/return/", review.reply_return_view, name="reply_return"),
    path("replies/<int:pk>/review/accept/", review.reply_accept_view, name="reply_accept"),
    path(
        "replies/<int:pk>/review/answers/<int:question_pk>/correct/",
        review.answer_correct_view,
        name="answer_correct",
    ),
]
