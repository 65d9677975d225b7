"""gunicorn's settings for the portal's web processes: the image's own command reads them
(`gunicorn portal.wsgi:application --config gunicorn.conf.py`), so a container started without
docker-compose is set up as in production. Environment variables change them:

GUNICORN_WORKERS   processes (default: 2 × CPUs + 1, at most 8, as gunicorn's documentation
                   advises for sync workers; each holds a database connection and, while it makes
                   a PDF, WeasyPrint's memory)
GUNICORN_TIMEOUT   seconds a request may take before its worker is restarted (default 60: a
                   reply's PDF is made in the request)
GUNICORN_MAX_REQUESTS  requests before a worker is replaced (default 1000, with up to 10% jitter so
                   that the workers are not all replaced at once), which bounds the memory a
                   long-lived worker gathers (WeasyPrint, fonts)
"""

import gc
import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise SystemExit(f"The environment variable {name} must be a whole number of 1 or more.")
    return int(value)


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = _int("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8))
worker_class = "sync"
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = 30
# Behind the reverse proxy (deploy/Caddyfile), which keeps its connections to us open.
keepalive = 5
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max(1, max_requests // 10)
# The portal is loaded once, in the master, before the workers are forked: a worker that replaces
# one at its max_requests starts at once, where loading Django and the portal again took about a
# second of a CPU, during which the requests sent to it waited (a p95 of a second under load). The
# workers also share the loaded code's memory. A new release needs a restart, not a HUP.
preload_app = True
# The workers' heartbeat files in memory: on a container's disk (overlayfs) a slow write can make
# gunicorn think a worker hangs and kill it.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - gunicorn's advice
# One line per request on standard output, with the client's address as the proxy saw it and the
# time taken in milliseconds; errors on standard error.
accesslog = "-"
errorlog = "-"
access_log_format = '%({x-forwarded-for}i)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'


def when_ready(server):
    """The URL configuration loaded in the master too (with it every view and what the views
    import, about 0.6 s), so that a worker forked from it answers its first request at once."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - loading it is the point


def post_worker_init(worker):
    """What a worker has loaded by now (Django, the portal, their modules) lives as long as the
    worker: set apart from the garbage collector, which otherwise walks it all again in each full
    collection (about 180 ms, once every few hundred requests, in the middle of one)."""
    gc.freeze()
