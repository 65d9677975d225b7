"""The garbage collector is stopped while WeasyPrint makes a PDF (portal.pdf.collector_paused),
restarted after, and what the PDF left in reference cycles is freed."""

import gc
import threading
import weakref

import pytest

from portal.pdf import collector_paused, html_to_pdf_pages

PAGE = '<html lang="en"><head><title>T</title></head><body><p>Paused</p></body></html>'


@pytest.fixture
def collector_enabled():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_stopped_while_a_pdf_is_made_and_restarted_after(
    collector_enabled, monkeypatch
):
    seen = []
    import portal.pdf

    real = portal.pdf.pdf_and_pages

    def spy(**kwargs):
        seen.append(gc.isenabled())
        return real(**kwargs)

    monkeypatch.setattr(portal.pdf, "pdf_and_pages", spy)
    pdf, pages = html_to_pdf_pages(html=PAGE)
    assert pdf.startswith(b"%PDF") and pages == 1
    assert seen == [False]
    assert gc.isenabled()


def test_what_the_block_left_in_cycles_is_freed_at_its_end(collector_enabled):
    class Node:
        pass

    with collector_paused():
        node = Node()
        node.itself = node  # a cycle: reference counting alone never frees it
        freed = weakref.ref(node)
        del node
        assert freed() is not None
    assert freed() is None


def test_a_collector_stopped_before_stays_stopped(collector_enabled):
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_blocks_in_two_threads_restart_it_when_the_last_one_ends(collector_enabled):
    inside, leave = threading.Event(), threading.Event()

    def other():
        with collector_paused():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    with collector_paused():
        thread.start()
        inside.wait(5)
    assert not gc.isenabled()  # the other thread's block is still running
    leave.set()
    thread.join(5)
    assert gc.isenabled()
