"""A template comment `{# ... #}` ends on its own line in Django: one spread over two lines is not
a comment, and every page drawn from the template shows it as text."""

import re
from pathlib import Path

from django.conf import settings

from tests.conftest import ROOT

OPENED = re.compile(r"\{#(?!.*#\})")


def _template_files():
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    folders += [path for path in ROOT.glob("*/templates") if path.is_dir()]
    for folder in folders:
        yield from folder.rglob("*.html")
        yield from folder.rglob("*.txt")


def test_no_template_comment_runs_onto_a_second_line():
    files = list(_template_files())
    assert len(files) > 50  # the templates were found
    unclosed = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OPENED.search(line)
    ]
    assert not unclosed, "Use {% comment %} for a comment of several lines:\n" + "\n".join(unclosed)


def test_the_home_page_shows_no_template_comment(client, db):
    page = client.get("/").content.decode()
    assert "{#" not in page and "#}" not in page
