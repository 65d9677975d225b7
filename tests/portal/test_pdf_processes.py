"""PDFs made in processes of their own (portal.pdf_processes): what they make, and a clear
PdfFailed when one cannot be made or its process dies."""

import pytest

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
        # The process that said so makes the next one.
        assert processes.submit(html=PAGE).result()[1] == 1


def test_a_process_that_dies_fails_its_pdf():
    with PdfProcesses(count=1) as processes:
        processes._processes[0].popen.kill()
        with pytest.raises(PdfFailed, match="the PDF process stopped"):
            processes.submit(html=PAGE).result()
