"""A country presentation compiled through the worker's path (the task run by the commit hook, as
Celery runs it eagerly in tests), and its PDF read back as a reader would copy it."""

import re
import subprocess

from clusters.models import Cluster
from portal.jobs import JobStatus
from portal.models import Respondent
from reports.presentations.models import Presentation
from reports.presentations.services import presentation_request

# pdftotext wraps right-to-left runs in bidi marks, and isolates come from portal.bidi.
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Arabic short vowels: pdftotext may put one before its letter instead of after it.
HARAKAT = re.compile("[\u064b-\u0652]")


def compiled(by, capture, languages=("en",), code="KEN", letter="a") -> list[Presentation]:
    with capture(execute=True):
        presentations = presentation_request(
            respondent=Respondent.objects.get(code=code),
            cluster=Cluster.objects.get(letter=letter),
            languages=languages,
            by=by,
        )
    for presentation in presentations:
        presentation.refresh_from_db()
        assert presentation.status == JobStatus.READY, presentation.error
    return presentations


def pdf_text(presentation: Presentation) -> str:
    """The PDF's words, in reading order, one space between them."""
    with presentation.pdf.open("rb") as pdf:
        data = pdf.read()
    result = subprocess.run(  # noqa: S603
        ["pdftotext", "-enc", "UTF-8", "-", "-"],  # noqa: S607 - poppler-utils from the system
        input=data,
        capture_output=True,
        check=True,
    )
    return words(result.stdout.decode())


def words(text: str) -> str:
    """`text` as compared: one space between words, no bidi marks, no Arabic short vowels."""
    return " ".join(HARAKAT.sub("", BIDI_MARKS.sub("", text)).split())


def found_share(wanted: str, text: str) -> float:
    """How many of `wanted`'s words (punctuation aside) the PDF's text holds, as a share: a
    right-to-left cell's lines may come back from pdftotext in another order, or with a word
    joined to the next across a line end, so the words are compared, not the sentence."""
    strip = ".,;:?!()«»\"'،؛؟"
    have = {w.strip(strip) for w in text.split()}
    words_wanted = [w.strip(strip) for w in words(wanted).split() if w.strip(strip)]
    return sum(w in have for w in words_wanted) / len(words_wanted) if words_wanted else 1.0
