"""PDFs made in processes of their own (portal.pdf_processes): what they make, a clear PdfFailed
when one cannot be made or its process dies, and nothing of this process's touched by them."""

import os
import signal
import time

import pytest

import portal.pdf
from portal.models import User
from portal.pdf_processes import PdfFailed, PdfProcesses

PAGE = '<html lang="en"><head><title>T</title></head><body><p>Two processes</p></body></html>'


def test_the_processes_make_each_pdf_and_say_why_one_cannot_be_made(settings):
    settings.PDF_PROCESSES = 2
    with PdfProcesses(count=6) as processes:
        assert processes.count == 2  # bounded by the setting
        made = processes.submit(html=PAGE)
        broken = processes.submit(html=None)  # type: ignore[arg-type]
        pdf, pages = made.result()
        assert pdf.startswith(b"%PDF") and pages == 1
        with pytest.raises(PdfFailed, match="TypeError"):
            broken.result()
        assert processes.submit(html=PAGE).result()[1] == 1


def test_a_process_that_dies_fails_its_pdf(monkeypatch):
    def killed(**kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(portal.pdf, "pdf_and_pages", killed)  # in the child, which has it too
    stopped = r"the PDF process stopped \(exit code -9\)"
    with PdfProcesses(count=1) as processes, pytest.raises(PdfFailed, match=stopped):
        processes.submit(html=PAGE).result()


@pytest.mark.django_db(transaction=True)
def test_this_process_keeps_its_database_connection_when_the_children_end(reviewer):
    """A child ends without closing what it shares with its parent: the connection still works."""
    with PdfProcesses(count=2) as processes:
        made = [processes.submit(html=PAGE) for _number in range(3)]
        assert [future.result()[1] for future in made] == [1, 1, 1]
    assert User.objects.get(pk=reviewer.pk).username == reviewer.username


def test_leaving_the_block_by_an_error_stops_the_children_at_once(monkeypatch):
    def slow(**kwargs):
        time.sleep(60)

    monkeypatch.setattr(portal.pdf, "pdf_and_pages", slow)
    started = time.monotonic()
    with pytest.raises(RuntimeError), PdfProcesses(count=2) as processes:
        pending = [processes.submit(html=PAGE) for _number in range(2)]
        time.sleep(0.2)  # both children forked
        raise RuntimeError("the job's time limit")
    assert time.monotonic() - started < 10
    for future in pending:
        with pytest.raises(PdfFailed, match="exit code -9"):
            future.result()
