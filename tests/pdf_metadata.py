"""What a PDF says about itself: poppler's pdfinfo (tagged or not, title) and the language in its
catalogue (/Lang, inside a compressed object stream, which pdfinfo does not print)."""

import re
import subprocess
import zlib

STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
LANG = re.compile(rb"/Lang\s*\(([^)]*)\)")


def pdf_info(pdf: bytes) -> dict[str, str]:
    result = subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", "-"],  # noqa: S607 - poppler-utils from the system
        input=pdf,
        capture_output=True,
        check=True,
    )
    info = {}
    for line in result.stdout.decode("utf-8").splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    info["Lang"] = pdf_language(pdf)
    return info


def pdf_language(pdf: bytes) -> str:
    """The document's language (/Lang of the catalogue), "" if none."""
    for chunk in [pdf, *_streams(pdf)]:
        found = LANG.search(chunk)
        if found:
            return found.group(1).decode()
    return ""


def _streams(pdf: bytes):
    for match in STREAM.finditer(pdf):
        try:
            yield zlib.decompress(match.group(1))
        except zlib.error:
            continue
