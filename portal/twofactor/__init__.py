"""Two-factor authentication (django-otp): a code from an authenticator app (TOTP) after the
password, with ten one-time recovery codes for a lost phone. Required of reviewers and
administrators, who read every State's replies; offered to contact persons and delegates."""
