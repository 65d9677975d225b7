import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp

from portal.demo import DEMO_TOTP_BASE32, DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = (
        "Print the current second-factor code of the demo's reviewer and administrator (the "
        "public demo key that seed_demo gives them), as an authenticator app would show it."
    )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("The demo key is for demonstration servers only.")
        now = time.time()
        code = totp(DEMO_TOTP_SECRET)
        left = 30 - int(now) % 30
        self.stdout.write(f"{code:06d}")
        self.stderr.write(
            f"(valid for {left} more seconds; each code is taken once; demo key {DEMO_TOTP_BASE32})"
        )
