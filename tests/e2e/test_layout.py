"""Each role signs in through the real log-in page and sees its own navigation."""

import pytest

from portal.roles import Role
from tests.e2e.accessibility import assert_no_axe_violations
from tests.factories import PASSWORD
from tests.second_factor import browser_log_in

pytestmark = pytest.mark.browser


def log_in(page, username):
    """The password, then a reviewer's or administrator's authenticator-app code."""
    browser_log_in(page, username, PASSWORD)
    page.wait_for_url("**/")


def navigation(page) -> list[str]:
    return page.locator("[data-testid=navigation] [data-nav]").evaluate_all(
        "links => links.map(link => link.dataset.nav)"
    )


@pytest.mark.parametrize(
    ("actor", "expected", "role"),
    [
        (
            "state_a_contact",
            ["home", "standards", "library", "my_respondent", "my_questionnaires", "consultations"],
            Role.CONTACT_PERSON,
        ),
        (
            "reviewer",
            [
                "home",
                "standards",
                "respondents",
                "questionnaires",
                "cycles",
                "assistance",
                "experts",
                "reports",
            ],
            Role.REVIEWER,
        ),
        (
            "administrator",
            [
                "home",
                "standards",
                "respondents",
                "questionnaires",
                "cycles",
                "assistance",
                "experts",
                "reports",
                "admin",
            ],
            Role.ADMINISTRATOR,
        ),
        ("delegate", ["home", "standards", "library"], Role.DELEGATE),
    ],
)
def test_each_role_logs_in_and_sees_its_own_navigation(page, request, actor, expected, role):
    user = request.getfixturevalue(actor)
    log_in(page, user.username)
    assert navigation(page) == expected
    assert page.get_by_test_id("role").inner_text() == role.label


def test_an_anonymous_visitor_sees_the_public_navigation(page, reference_data):
    page.goto("/")
    assert navigation(page) == ["home", "standards", "library"]
    assert page.get_by_role("link", name="Log in").is_visible()


def test_a_contact_person_follows_the_menu_to_their_own_state(page, state_a_contact):
    log_in(page, state_a_contact.username)
    page.locator("[data-nav=my_respondent]").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Kenya"
    response = page.goto("/respondents/SEN/")
    assert response.status == 403


def test_the_language_switcher_turns_the_page_to_arabic_right_to_left(page, reference_data):
    page.goto("/standards/")
    page.locator("#language-menu").click()
    page.locator("button[name=language][value=ar]").click()
    page.wait_for_load_state()
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    assert page.url.endswith("/standards/")
    # Right to left for real: the brand sits at the right edge, the menu starts from the right.
    brand = page.locator(".portal-brand").bounding_box()
    assert brand["x"] > 1280 / 2
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert "قضاء الأحداث" in page.locator("main").inner_text()


def test_the_log_in_page_has_no_accessibility_violations(page, reference_data):
    page.goto("/accounts/login/")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_home_and_catalogue_pages_have_no_accessibility_violations(
    page, reference_data, language
):
    page.goto("/")
    if language != "en":
        page.locator("#language-menu").click()
        page.locator(f"button[name=language][value={language}]").click()
        page.wait_for_load_state()
    assert_no_axe_violations(page)
    page.goto("/standards/")
    assert_no_axe_violations(page)


def test_the_secretariat_pages_have_no_accessibility_violations(page, administrator):
    log_in(page, administrator.username)
    assert_no_axe_violations(page)
    page.goto("/respondents/?q=ken")
    assert_no_axe_violations(page)
    page.goto("/respondents/KEN/")
    assert_no_axe_violations(page)
