"""`{% kept %}` (portal.fragment_cache.kept_template): a piece drawn from a few plain values is kept
in the cache, and what it shows is always drawn from the values given, in the page's language:
the answering progress after each autosave."""

import pytest
from django.core.cache import cache
from django.template import engines
from django.utils.translation import override

from portal import fragment_cache
from tests.calls import recorded_calls

PAGE = engines["django"].from_string(
    '{% load portal_tags %}{% kept "surveys/answering/_progress.html" progress=progress %}'
)


def _progress(done: int) -> dict:
    section = {
        "pk": 1, "code": "A", "title": "Prison management", "required": 4, "required_done": done,
        "optional_shown": 0, "optional_answered": 0, "percent": done * 25, "missing": 4 - done,
        "unconfirmed": 0, "current": True, "url": "/questionnaires/replies/1/sections/1/",
    }  # fmt: skip
    return {"sections": [section]} | {k: v for k, v in section.items() if k not in ("pk", "url")}


@pytest.fixture
def drawn(monkeypatch):
    """The progress figures drawn (not taken from the cache), one per drawing."""
    cache.clear()
    return recorded_calls(
        monkeypatch, fragment_cache, "render_to_string",
        lambda _name, context: context["progress"]["required_done"],
    )  # fmt: skip


def test_the_same_values_are_drawn_once_and_give_the_same_piece(drawn):
    first = PAGE.render({"progress": _progress(1)})
    assert PAGE.render({"progress": _progress(1)}) == first
    assert drawn == [1]
    assert "1 of 4 required questions done" in first and "25%" in first


def test_new_values_are_drawn_at_once(drawn):
    PAGE.render({"progress": _progress(1)})
    after = PAGE.render({"progress": _progress(3)})
    assert drawn == [1, 3]
    assert "3 of 4 required questions done" in after and "75%" in after


def test_each_language_has_its_own_piece(drawn):
    english = PAGE.render({"progress": _progress(2)})
    with override("fr"):
        french = PAGE.render({"progress": _progress(2)})
    assert drawn == [2, 2]
    assert "required questions done" in english and "questions obligatoires" in french
