"""Answering a reply in the browser: the overview, one page per section, and autosave."""

from surveys.answering.views.autosave import answer_autosave
from surveys.answering.views.overview import reply_answer, reply_detail
from surveys.answering.views.section import reply_section

__all__ = ["answer_autosave", "reply_answer", "reply_detail", "reply_section"]
