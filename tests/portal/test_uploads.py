"""Upload size limits applied while the body is received (portal.uploads), and the reverse proxy
of docker-compose.yml that caps every body at the same size (deploy/Caddyfile)."""

import io
import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings as django_settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from portal.uploads import upload_limit
from surveys.exchange.workbook_guards import MAX_FILE_BYTES

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 10_000


class CountingInput(io.BytesIO):
    """A request body that remembers how many bytes the server read from it."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.bytes_read = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk

    def readline(self, size=-1):
        line = super().readline(size)
        self.bytes_read += len(line)
        return line


@pytest.fixture
def small_room(settings):
    settings.UPLOAD_FORM_ROOM_BYTES = 2_000


received = []


@upload_limit(lambda: LIMIT)
def upload_view(request):
    received.append(request.FILES["file"].size)
    return HttpResponse("saved")


def post(size: int, *, csrf_checked: bool = False):
    body = encode_multipart(BOUNDARY, {"note": "x", "file": _named_file(size)})
    stream = CountingInput(body)
    request = RequestFactory().generic(
        "POST",
        "/upload/?section=2",
        **{
            "wsgi.input": stream,
            "CONTENT_LENGTH": str(len(body)),
            "CONTENT_TYPE": MULTIPART_CONTENT,
        },
    )
    request._dont_enforce_csrf_checks = not csrf_checked
    request._messages = CookieStorage(request)
    received.clear()
    return upload_view(request), request, stream, len(body)


def _named_file(size: int):
    upload = io.BytesIO(b"%PDF" + b"." * (size - 4))
    upload.name = "report.pdf"
    return upload


def _refused(response, request) -> bool:
    return (
        response.status_code == 302
        and response["Location"] == "/upload/?section=2"
        and [str(m) for m in get_messages(request)]
        == ["The file is too large: at most 9.8\xa0KB can be uploaded. Nothing was saved."]
    )


def test_a_file_within_the_limit_reaches_the_view(small_room):
    response, _, stream, length = post(LIMIT)
    assert response.content == b"saved" and received == [LIMIT]
    assert stream.bytes_read == length


def test_a_body_declared_longer_than_the_limit_is_refused_unread(small_room):
    response, request, stream, length = post(300 * LIMIT)
    assert _refused(response, request)
    assert received == [] and stream.bytes_read == 0 and length > 300 * LIMIT


def test_a_file_over_the_limit_is_not_read_past_the_limit_and_the_room(small_room):
    # Declared within limit + room (the other fields leave room), but the file itself is too big:
    # reading stops at the chunk that passes the limit.
    response, request, stream, length = post(LIMIT + 1_000)
    assert _refused(response, request)
    assert received == [] and stream.bytes_read <= LIMIT + 2_000 + 1_000


def test_the_csrf_check_still_applies_to_an_upload_within_the_limit(small_room):
    response, *_ = post(100, csrf_checked=True)
    assert response.status_code == 403 and received == []


def test_a_get_is_not_touched(small_room):
    request = RequestFactory().get("/upload/")
    with pytest.raises(KeyError):
        upload_view(request)  # the view itself runs: no file in a GET


def test_every_request_body_limit_fits_the_largest_upload():
    assert django_settings.REQUEST_MAX_BYTES == (
        django_settings.ATTACHMENT_MAX_BYTES + django_settings.UPLOAD_FORM_ROOM_BYTES
    )
    assert MAX_FILE_BYTES <= django_settings.ATTACHMENT_MAX_BYTES
    assert django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2_621_440


# --- docker-compose.yml and the Caddyfile ----------------------------------------------------------


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def caddyfile():
    return (ROOT / "deploy" / "Caddyfile").read_text()


def test_a_process_that_dies_is_restarted(compose):
    services = compose["services"]
    assert {"db", "redis", "web", "worker", "documents", "beat", "proxy"} <= set(services)
    for name, service in services.items():
        assert service.get("restart") in ("unless-stopped", "on-failure"), name


def test_the_web_app_is_reached_only_through_the_proxy(compose):
    services = compose["services"]
    assert "ports" not in services["web"]
    proxy = services["proxy"]
    assert proxy["image"].startswith("caddy:")
    assert set(proxy["ports"]) == {"80:80", "443:443"}
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]


def _bytes(size: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([KMG]iB|B)?", size).groups()
    return int(number) * {None: 1, "B": 1, "KiB": 1024, "MiB": 1024**2, "GiB": 1024**3}[unit]


def test_the_proxy_caps_a_body_at_the_settings_limit(caddyfile):
    # The default ATTACHMENT_MAX_BYTES (20 MiB), as in .env.example.
    caps = re.findall(r"request_body\s*\{\s*max_size\s+(\S+)\s*\}", caddyfile)
    assert [_bytes(cap) for cap in caps] == [20 * 1024**2 + django_settings.UPLOAD_FORM_ROOM_BYTES]
    assert "ATTACHMENT_MAX_BYTES=20971520" in (ROOT / ".env.example").read_text()


def test_the_proxy_compresses_caches_hashed_static_files_and_shows_tls(caddyfile):
    assert re.search(r"^\s*encode\s+.*\bgzip\b", caddyfile, re.M)
    hashed = re.search(r"@hashed_static path_regexp (\S+)", caddyfile)
    assert hashed
    pattern = re.compile(hashed.group(1))
    assert pattern.search("/static/css/portal.3f2a9c1b4d5e.css")
    assert not pattern.search("/static/css/portal.css")
    assert 'header @hashed_static Cache-Control "public, max-age=31536000, immutable"' in caddyfile
    assert re.search(r"^\s*tls\s", caddyfile, re.M)
    assert "reverse_proxy web:8000" in caddyfile
