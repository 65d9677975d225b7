"""Attachments and submission of a reply (issue 4, points 6 and 7).

Every view calls surveys.access.get_reply_for_user first: the reply's own contact persons act,
the Secretariat reads, and another respondent's contact person gets 404.
"""

from surveys.submission.views.attachments import (
    attachment_download,
    attachment_remove_view,
    reply_attachments,
)
from surveys.submission.views.snapshots import snapshot_pdf
from surveys.submission.views.submit import reply_submit_view

__all__ = [
    "attachment_download",
    "attachment_remove_view",
    "reply_attachments",
    "reply_submit_view",
    "snapshot_pdf",
]
