"""Content-Security-Policy and Permissions-Policy on every response (issue 13, item 3)."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.surveys.replies import open_cycle

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Rendered by WeasyPrint into PDFs, never sent to a browser.
PRINT_TEMPLATES = (
    "portal/print/",
    "reports/writing/",
    "reports/presentations/presentation.html",
    "surveys/submission/print.html",
)


def _directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def _assert_strict_policy(response) -> None:
    directives = _directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    for name in ("script-src", "style-src"):
        assert directives[name][0] == "'self'"
        # Nothing but the response's own nonce besides the portal's files: no 'unsafe-inline',
        # no 'unsafe-eval', no other host.
        assert all(
            re.fullmatch(r"'nonce-[A-Za-z0-9+/=]+'", extra) for extra in directives[name][1:]
        )
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


@pytest.mark.parametrize("name", ["home", "login", "password_reset"])
def test_anonymous_pages_carry_a_strict_policy(client_for, reference_data, name):
    response = client_for(None).get(reverse(name))
    assert response.status_code == 200
    _assert_strict_policy(response)


def test_signed_in_pages_htmx_fragments_and_refusals_carry_it_too(
    client_for, administrator, state_b_contact
):
    cycle = open_cycle(administrator)
    client = client_for(administrator)
    for response in (
        client.get(reverse("home")),
        client.get(reverse("surveys:cycle_detail", args=[cycle.pk])),
        client.get(reverse("surveys:extract_index", args=[cycle.pk]), HTTP_HX_REQUEST="true"),
        client.get("/no-such-page/"),
    ):
        assert response.status_code in (200, 404), response
        _assert_strict_policy(response)
    refused = client_for(state_b_contact).get(reverse("surveys:cycle_detail", args=[cycle.pk]))
    assert refused.status_code in (403, 404)
    _assert_strict_policy(refused)


def test_the_nonce_changes_with_each_response(rf):
    from csp.middleware import CSPMiddleware

    def page(request):
        from django.http import HttpResponse

        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    middleware = CSPMiddleware(page)
    nonces = set()
    for _ in range(2):
        request = rf.get("/")
        middleware.process_request(request)
        response = middleware.process_response(request, page(request))
        nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])[1]
        assert f'nonce="{nonce}"' in response.content.decode()
        nonces.add(nonce)
    assert len(nonces) == 2


def test_no_screen_template_has_an_inline_script_style_or_handler():
    """The policy would block them: styles go in static/css, scripts in static/js."""
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        relative = path.relative_to(TEMPLATES).as_posix()
        if relative.startswith(PRINT_TEMPLATES):
            continue
        source = path.read_text(encoding="utf-8")
        for pattern in (
            r"\sstyle=",
            r"<style",
            r"<script(?![^>]*\ssrc=)(?![^>]*\snonce=)",
            r"\son[a-z]+=",
            r"javascript:",
            r"\shx-on",
        ):
            offenders += [f"{relative}: {match.group(0)}" for match in re.finditer(pattern, source)]
    assert not offenders, offenders
