"""Settings of the portal, all from environment variables (see .env.example and the README).

Defaults give a working single machine: SQLite under var/, Celery tasks run eagerly, e-mail to the
console, uploaded files under var/media. DATABASE_URL and CELERY_BROKER_URL switch to the production
shape; DJANGO_ENV=production adds the checks a public deployment needs.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.env import (
    env_bool,
    env_choice,
    env_int,
    env_int_list,
    env_list,
    env_str,
    env_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("PORTAL_VAR_DIR", str(BASE_DIR / "var")))
NODE_MODULES = BASE_DIR / "node_modules"

DJANGO_ENV = env_choice("DJANGO_ENV", "development", ("development", "production"))
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env_bool("DJANGO_DEBUG", not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must be off when DJANGO_ENV=production.")

if PRODUCTION:
    SECRET_KEY = env_str("SECRET_KEY", required=True)
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "The environment variable SECRET_KEY must be at least 50 random characters."
        )
else:
    SECRET_KEY = env_str("SECRET_KEY", "development-only-key-not-for-production-use")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "The environment variable ALLOWED_HOSTS must list the portal's host names in production."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "portal",
    "clusters",
    "surveys",
    "reports",
    # Open data of published replies and the read API (Django REST framework, drf-spectacular).
    "opendata",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "axes",
    "rest_framework",
    # Second factor (portal.twofactor): authenticator-app codes and one-time recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: an unreachable database is answered 503 (portal.outage).
    "portal.outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session passed a second factor (django-otp)?
    "django_otp.middleware.OTPMiddleware",
    "portal.security.middleware.SecurityContextMiddleware",
    "portal.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.middleware.PrivateCacheMiddleware",
    "portal.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Staff, and whoever turned it on, pass a second factor before any page (portal.twofactor).
    "portal.twofactor.middleware.SecondFactorMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "portal.context_processors.navigation",
            ],
            # Dates and numbers in one style per language on every page, e-mail and PDF.
            "builtins": ["portal.templatetags.localformats"],
        },
    },
]

# Widget templates (the six-language text widget) are looked up like any other template.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL in production).
DATABASE_URL = env_url(
    "DATABASE_URL",
    f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
    schemes=("sqlite", "postgres", "postgresql", "pgsql"),
)
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except ValueError as error:
    raise ImproperlyConfigured(
        f"The environment variable DATABASE_URL is malformed: {error}"
    ) from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] != ":memory:":
        # A fresh clone has no var/ yet; SQLite does not create folders.
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE"}
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: what costs time to make and never changes, or seldom (the content of approved versions,
# coding suggestions). Each process's own memory by default; CACHE_URL (Redis, as in
# docker-compose.yml) shares it between the web processes. Nothing kept there is needed: a cache
# emptied at any moment only costs time.
CACHE_URL = env_url("CACHE_URL", None, schemes=("redis", "rediss"))
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}
    )
}
# Templates are compiled once per process: Django's cached template loader is on whenever
# TEMPLATES sets no "loaders" (in development too; runserver's reloader empties it on a change).

AUTH_USER_MODEL = "portal.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Log-in throttling (django-axes), on the portal's log-in page and the admin's alike. Failures are
# counted per user name and, separately, per client address: ten in a row lock that user name
# (whoever tries it) and that address (whatever name it tries, against password spraying) for
# AXES_COOLOFF_MINUTES after the last counted failure. Attempts during a lockout do not prolong it,
# so an attacker cannot keep a colleague out forever. Unlock sooner: the admin's "Unlock log-in"
# action on users, or `manage.py axes_reset_username <name>` / `axes_reset_ip <address>`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "portal.security.backends.UserWithRespondentBackend",
    # Sessions begun before the backend above still name this one: they stay signed in.
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "portal.security.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "portal.security.services.client_ip"
# The portal's own security log (portal/security) keeps who logged in, failed, was locked out...
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# How many reverse proxies append to X-Forwarded-For in front of the portal; 0 takes the address
# of the connection itself. Lockouts, throttles and the security log use this address. Production
# is behind the TLS proxy by default (SECURE_PROXY_SSL_HEADER): taking the proxy's own address
# there would lock everyone out at once.
TRUSTED_PROXY_COUNT = env_int(
    "TRUSTED_PROXY_COUNT",
    1 if PRODUCTION and env_bool("SECURE_PROXY_SSL_HEADER", True) else 0,
    minimum=0,
)
# Second factor (portal.twofactor, django-otp): required of reviewers and administrators, offered
# to contact persons and delegates. Wrong codes: django-otp waits 1, 2, 4... seconds after each,
# and SECOND_FACTOR_FAILURE_LIMIT wrong codes for one account within SECOND_FACTOR_COOLOFF_MINUTES
# pause its verification until the oldest of them is that old.
OTP_TOTP_ISSUER = "Standards and norms portal"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
SECOND_FACTOR_FAILURE_LIMIT = env_int("SECOND_FACTOR_FAILURE_LIMIT", 5, minimum=1)
SECOND_FACTOR_COOLOFF_MINUTES = env_int("SECOND_FACTOR_COOLOFF_MINUTES", 15, minimum=1)
SECOND_FACTOR_RECOVERY_CODES = 10
SECURITY_EVENTS_KEEP_DAYS = env_int("SECURITY_EVENTS_KEEP_DAYS", 365, minimum=1)

# The six official languages of the United Nations. The portal's interface, questionnaires and
# reports exist in each; Arabic is written right to left.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ru", "Русский"),
    ("zh-hans", "中文"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
# Django's own date and number formats (the `date` filter's DATE_FORMAT, a localised value) in the
# style portal.localformats writes, which templates and code use directly.
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Third-party assets come from the npm registry (package.json) and are served from node_modules
# under their own prefixes; nothing third-party is copied into static/.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production, WhiteNoise serves straight from the finders: no collectstatic needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploaded replies and attachments are private: no MEDIA_URL is served directly.
MEDIA_URL = "/media-not-served/"

# E-mail: to the console by default; EMAIL_URL-style settings for a real server.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Standards and norms portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: without a broker, tasks run eagerly in the web process (single-machine default).
CELERY_BROKER_URL = env_url("CELERY_BROKER_URL", None, schemes=("redis", "rediss"))
CELERY_RESULT_BACKEND = env_url(
    "CELERY_RESULT_BACKEND", CELERY_BROKER_URL, schemes=("redis", "rediss")
)
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 15 * 60, minimum=1)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 20 * 60, minimum=1)
CELERY_TASK_DEFAULT_QUEUE = "default"
# PDF and XLSX work runs on its own queue so long documents never hold up e-mail.
CELERY_TASK_ROUTES = {
    "reports.*": {"queue": "documents"},
    "surveys.extracts.tasks.reply_extract_build": {"queue": "documents"},
}
CELERY_RESULT_EXPIRES = 60 * 60 * 24
# Processes making a report's PDFs at once (its language versions; portal.pdf_processes).
PDF_PROCESSES = env_int(
    "PDF_PROCESSES",
    len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
    minimum=1,
)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# All periodic schedules live here, in one place.
CELERY_BEAT_SCHEDULE: dict = {
    "surveys-reminders": {
        "task": "surveys.cycles.tasks.reminders_send",
        "schedule": crontab(hour=6, minute=0),
    },
    "portal-jobs-recover": {
        "task": "portal.tasks.jobs_recover",
        "schedule": crontab(minute="*/10"),
    },
    "portal-security-events-purge": {
        "task": "portal.security.tasks.security_events_purge",
        "schedule": crontab(hour=3, minute=30),
    },
}

# Replies: files given with a reply, and reminders before a deadline (days before it).
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024, minimum=1)
# Request sizes (portal.uploads): an upload view stops reading a body longer than its file limit plus
# this room for the other fields; the reverse proxy (deploy/Caddyfile, request_body max_size) caps
# every body at REQUEST_MAX_BYTES, so change both together. Workbooks (XLSForm, offline replies)
# are limited to 10 MB (surveys.exchange.workbook_guards), below the attachment limit.
UPLOAD_FORM_ROOM_BYTES = 1024 * 1024
REQUEST_MAX_BYTES = ATTACHMENT_MAX_BYTES + UPLOAD_FORM_ROOM_BYTES
# Form fields other than files (Django's default, set here so it is a decision): 2.5 MB.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
REPLY_REMINDER_DAYS = env_int_list("REPLY_REMINDER_DAYS", [30, 14, 7, 1])
CONTACT_INVITATION_TIMEOUT = env_int("CONTACT_INVITATION_TIMEOUT", 14 * 24 * 60 * 60, minimum=60)
# Links in e-mails sent by workers (reminders), which have no request to take the host from.
PORTAL_BASE_URL = env_url(
    "PORTAL_BASE_URL", None if PRODUCTION else "http://127.0.0.1:8000", schemes=("http", "https")
)
# Only production has no default, so only production can miss it.
if not PORTAL_BASE_URL:
    raise ImproperlyConfigured(
        "The environment variable PORTAL_BASE_URL must give the portal's address in production, "
        "e.g. https://portal.example.org"
    )
PORTAL_BASE_URL = PORTAL_BASE_URL.rstrip("/")
# The licence the open data of published replies is shared under (opendata.formats): named in
# the JSON, on the XLSX's README sheet, in the CSV's Link header and on the download page.
OPEN_DATA_LICENCE_NAME = env_str(
    "OPEN_DATA_LICENCE_NAME", "Creative Commons Attribution 4.0 International (CC BY 4.0)"
)
OPEN_DATA_LICENCE_URL = env_url(
    "OPEN_DATA_LICENCE_URL",
    "https://creativecommons.org/licenses/by/4.0/",
    schemes=("http", "https"),
)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Sessions are read from the shared cache when there is one (Redis, CACHE_URL) and written through
# to the database: one query less on every request. Not from a process's own memory: another
# process would not see a session end.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if CACHE_URL
    else "django.contrib.sessions.backends.db"
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Staff sessions (portal.middleware.StaffSessionMiddleware): reviewers and administrators read
# every State's replies, so theirs end after half an hour idle and a working day in all.
STAFF_SESSION_IDLE_SECONDS = env_int("STAFF_SESSION_IDLE_MINUTES", 30, minimum=1) * 60
STAFF_SESSION_MAX_SECONDS = env_int("STAFF_SESSION_MAX_HOURS", 12, minimum=1) * 3600
# No script reads the CSRF cookie: htmx sends the token from the page (hx-headers, form fields).
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Every asset is self-hosted: no inline script or style runs without the response's nonce (there
# is none in the templates today), no style="" attribute applies, and no site may frame a page.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        # Bootstrap draws its check marks, select arrows and menu icon as data: SVG images.
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("SECURE_PROXY_SSL_HEADER", True):
        # Behind the reverse proxy that terminates TLS (see docker-compose.yml).
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        # WeasyPrint logs every layout step at INFO; only its warnings matter here.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # django-axes notes every attempt; the security log (portal/security) keeps what matters.
        "axes": {"level": "ERROR"},
    },
}

PORTAL_NAME = _("Standards and norms portal")
