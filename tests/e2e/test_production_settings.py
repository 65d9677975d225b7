"""The browser suite's CSP check under production-like settings: DEBUG off, the policy enforced
(never report-only), secure cookies and the headers of DJANGO_ENV=production as far as a live
server over plain http allows (no TLS redirect or HSTS, WhiteNoise serving from the finders
rather than a collected manifest). Each role walks its main pages; every HTML response must carry
the enforced policy and the browser must report no violation (the `browser` fixture fails the
test on either)."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD
from tests.second_factor import browser_log_in

pytestmark = pytest.mark.browser

PAGES = {
    None: [
        "/",
        "/standards/",
        reverse("reports:library"),
        reverse("login"),
        reverse("password_reset"),
    ],
    "state_a_contact": [
        "/",
        "/respondents/KEN/",
        reverse("surveys:contact_dashboard"),
        reverse("surveys:consultation_inbox"),
        "/accounts/two-factor/",
    ],
    "delegate": ["/", reverse("reports:library"), "/accounts/password_change/"],
    "reviewer": ["/", "/respondents/", "/questionnaires/", "/questionnaires/cycles/", "/reports/"],
    "administrator": ["/security-events/", "/accounts/two-factor/", "/standards/experts/"],
}


@pytest.fixture
def production_like(settings):
    settings.DEBUG = False
    settings.SESSION_COOKIE_SECURE = True  # Chromium keeps Secure cookies for http://localhost
    settings.CSRF_COOKIE_SECURE = True
    settings.LANGUAGE_COOKIE_SECURE = True
    # HSTS is sent on https requests only: set as in production, it cannot show here.
    settings.SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    settings.SECURE_SSL_REDIRECT = False  # the live server speaks http only
    assert not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)


def test_every_page_sends_the_enforced_policy_and_none_is_violated(
    production_like, browser, live_server, request
):
    html_responses = []
    for who, urls in PAGES.items():
        context = browser.new_context(base_url=live_server.url)
        context.set_default_timeout(15_000)
        context.on(
            "response",
            lambda response: (
                html_responses.append(response)
                if response.headers.get("content-type", "").startswith("text/html")
                else None
            ),
        )
        page = context.new_page()
        if who is not None:
            browser_log_in(page, request.getfixturevalue(who).username, PASSWORD)
            assert "/accounts/login/" not in page.url, f"{who} could not log in"
        for url in urls:
            response = page.goto(url)
            assert response.status == 200, f"{who} {url}: {response.status}"
            page.wait_for_load_state("networkidle")
        context.close()
    assert len(html_responses) >= sum(len(urls) for urls in PAGES.values())
    for response in html_responses:
        headers = response.headers
        policy = headers.get("content-security-policy", "")
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, response.url
        assert "content-security-policy-report-only" not in headers, response.url
        assert headers.get("x-frame-options") == "DENY", response.url
        assert headers.get("x-content-type-options") == "nosniff", response.url
        assert "camera=()" in headers.get("permissions-policy", ""), response.url
