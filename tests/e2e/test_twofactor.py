"""A reviewer sets up two-factor authentication in a real Chromium (reading the key the page
shows, as an authenticator app would), then logs in with the password and the app's code."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def app_code_from_key(key: str, steps_ahead: int = 0) -> str:
    """What an authenticator app given this key (base 32, as the page shows it) displays."""
    secret = b32decode(key.replace(" ", "") + "=" * (-len(key.replace(" ", "")) % 8))
    return f"{totp(secret, drift=steps_ahead):06d}"


def password_step(page, username):
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("#main form button[type=submit]").click()


def test_a_reviewer_sets_up_the_second_factor_then_logs_in_with_it(page, live_server, reviewer):
    password_step(page, reviewer.username)
    # No page before the second factor: the reviewer is asked to set one up.
    page.goto("/respondents/")
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/enrol/\?next=%2Frespondents%2F$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    key = page.get_by_test_id("secret").inner_text()
    page.screenshot(path="test-artifacts/twofactor-enrol-en.png", full_page=True)
    page.get_by_label("Code shown by the app").fill(app_code_from_key(key))
    page.get_by_role("button", name="Confirm and turn on").click()

    codes = page.get_by_test_id("codes").locator("li")
    expect(codes).to_have_count(10)
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page).to_have_url(f"{live_server.url}/respondents/")

    # Log out, then in again: the password, then the code the app shows next.
    page.locator("#account-menu").click()
    page.get_by_role("button", name="Log out").click()
    password_step(page, reviewer.username)
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/verify/"))
    page.get_by_label("Code from your authenticator app, or a recovery code").fill(
        app_code_from_key(key, steps_ahead=1)
    )
    page.get_by_role("button", name="Verify").click()
    expect(page).to_have_url(f"{live_server.url}/")
    page.goto("/respondents/")
    expect(page.get_by_role("heading", level=1)).not_to_have_text(re.compile("two-factor", re.I))
    expect(page).to_have_url(f"{live_server.url}/respondents/")


def test_the_second_factor_pages_in_arabic(page, live_server, reviewer):
    page.context.add_cookies([{"name": "portal_language", "value": "ar", "url": live_server.url}])
    password_step(page, reviewer.username)
    page.goto("/accounts/two-factor/enrol/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_test_id("secret")).to_have_attribute("dir", "ltr")
    page.screenshot(path="test-artifacts/twofactor-enrol-ar.png", full_page=True)
