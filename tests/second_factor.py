"""Second factors in tests: an enrolled authenticator app, its current code, and a test client or
browser session that has passed the second factor the way django-otp records it."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.twofactor.services import APP_DEVICE_NAME, has_second_factor, is_staff_account


def enrolled(user) -> TOTPDevice:
    """The user's confirmed authenticator app, set up if they had none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=True)
    type(user).objects.filter(pk=user.pk).update(second_factor_on=True)
    user.second_factor_on = True
    return device


def app_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the person's authenticator app shows now (or that many 30-second steps later)."""
    device.refresh_from_db()
    code = totp(device.bin_key, device.step, device.t0, device.digits, steps_ahead)
    return f"{code:0{device.digits}d}"


def fresh_app_code(user) -> str:
    """A code the portal will take now, for tests that log the same person in several times
    within 30 seconds: a code is taken once, so the device forgets the last one it took."""
    device = enrolled(user)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
    return app_code(device)


def verified(client, user) -> None:
    """Mark the test client's session as having passed the second factor (django-otp keeps the
    device's persistent id in the session), enrolling the user first: staff, and whoever turned
    the second factor on, pass it at every log-in."""
    if user is None or not (is_staff_account(user) or has_second_factor(user)):
        return
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = enrolled(user).persistent_id
    session.save()


def browser_log_in(page, username: str, password: str) -> None:
    """Log in through the real pages, as a person does: the password, then (for staff, or anyone
    who turned it on) the code of the authenticator app, which staff are given first if they had
    none. Ends on the page the log-in leads to."""
    from portal.models import User

    user = User.objects.get(username=username)
    second_factor = is_staff_account(user) or has_second_factor(user)
    if second_factor:
        enrolled(user)
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("#main form button[type=submit]").click()
    if second_factor and "/accounts/two-factor/verify/" in page.url:
        page.locator("input[name=code]").fill(fresh_app_code(user))
        with page.expect_navigation():
            page.locator("[data-testid=twofactor-verify] form button[type=submit]").first.click()
