"""docker-compose.yml cannot run here (no Docker engine): check that it names real things."""

import importlib
import re
import runpy
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _command(service: str) -> list[str]:
    command = COMPOSE["services"][service]["command"]
    return shlex.split(command) if isinstance(command, str) else command


def test_compose_has_the_five_services_with_health_checks_and_volumes():
    services = COMPOSE["services"]
    assert set(services) >= {"db", "redis", "web", "worker", "documents", "beat"}
    assert services["db"]["image"].startswith("postgres:15")
    for name in ("db", "redis", "web", "worker", "documents"):
        assert "test" in services[name]["healthcheck"], name
    assert {"pgdata", "media"} <= set(COMPOSE["volumes"])
    assert services["web"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_every_service_command_names_a_real_module_or_entry_point():
    web = _command("web")
    assert web[0] == "gunicorn"
    module, attribute = web[1].split(":")
    assert callable(getattr(importlib.import_module(module), attribute))

    for service in ("worker", "documents", "beat"):
        command = _command(service)
        assert command[:2] == ["celery", "-A"]
        app = importlib.import_module(command[2]).celery_app
        assert command[3] in {"worker", "beat"}
        assert app.main == "portal"
    queues = {
        name: set(command[command.index("--queues") + 1].split(","))
        for name in ("worker", "documents")
        if "--queues" in (command := _command(name))
    }
    assert queues == {"worker": {"default"}, "documents": {"documents"}}
    # Long PDF/XLSX jobs: processes recycled so WeasyPrint's memory stays bounded.
    assert "--max-tasks-per-child" in _command("documents")


def _gunicorn_settings(monkeypatch, **env: str) -> dict:
    for name in ("GUNICORN_WORKERS", "GUNICORN_TIMEOUT", "GUNICORN_MAX_REQUESTS", "GUNICORN_BIND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_the_image_and_compose_run_gunicorn_as_its_documentation_advises(monkeypatch):
    dockerfile = (ROOT / "Dockerfile").read_text()
    cmd = next(line for line in dockerfile.splitlines() if line.startswith("CMD "))
    image = yaml.safe_load(cmd.split(" ", 1)[1])
    assert image == ["gunicorn", "portal.wsgi:application", "--config", "gunicorn.conf.py"]
    assert _command("web") == image  # compose changes it only through the environment
    assert COMPOSE["services"]["web"]["environment"]["GUNICORN_WORKERS"] == "3"
    settings = _gunicorn_settings(monkeypatch)
    # Without compose: several workers (not gunicorn's 1), a timeout for PDFs, recycled workers
    # at staggered times, heartbeats in memory, one access-log line per request with its time.
    assert 2 < settings["workers"] <= 8 and settings["worker_class"] == "sync"
    assert settings["timeout"] == 60 and settings["bind"] == "0.0.0.0:8000"
    assert settings["max_requests"] == 1000 and settings["max_requests_jitter"] == 100
    assert settings["worker_tmp_dir"] == "/dev/shm"  # noqa: S108 - gunicorn's advice
    assert settings["preload_app"] is True  # a replaced worker starts without loading the portal
    assert settings["accesslog"] == "-" and "%(M)s" in settings["access_log_format"]
    assert "x-forwarded-for" in settings["access_log_format"]  # the client, not the proxy
    changed = _gunicorn_settings(
        monkeypatch, GUNICORN_WORKERS="3", GUNICORN_TIMEOUT="120", GUNICORN_MAX_REQUESTS="500"
    )
    assert (changed["workers"], changed["timeout"], changed["max_requests"]) == (3, 120, 500)
    assert changed["max_requests_jitter"] == 50


def test_a_worker_sets_what_it_loaded_apart_from_the_garbage_collector(monkeypatch):
    import gc

    assert gc.get_freeze_count() == 0
    try:
        _gunicorn_settings(monkeypatch)["post_worker_init"](worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_master_loads_the_views_without_touching_the_database(monkeypatch):
    """Preloaded in gunicorn's master, the portal and its views are inherited by every worker; the
    master must open nothing a worker would share (pytest-django refuses any query here)."""
    from django.urls import clear_url_caches, get_resolver

    settings = _gunicorn_settings(monkeypatch)
    assert settings["preload_app"] is True
    clear_url_caches()
    settings["when_ready"](server=None)
    assert "url_patterns" in vars(get_resolver())  # loaded, and kept for the forked workers


@pytest.mark.parametrize("value", ["0", "three", "-2"])
def test_a_bad_gunicorn_setting_stops_start_up_naming_it(monkeypatch, value):
    with pytest.raises(SystemExit, match="GUNICORN_WORKERS"):
        _gunicorn_settings(monkeypatch, GUNICORN_WORKERS=value)


def test_the_proxy_compresses_responses():
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert re.search(r"^\s*encode gzip", caddyfile, re.M)


def test_the_image_builds_from_files_that_exist():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for line in dockerfile.splitlines():
        if line.startswith("COPY ") and "--from" not in line:
            for source in shlex.split(line)[1:-1]:
                assert (ROOT / source).exists(), source
    entrypoint = next(line for line in dockerfile.splitlines() if line.startswith("ENTRYPOINT"))
    assert (ROOT / Path(yaml.safe_load(entrypoint.split(" ", 1)[1])[0]).name).exists()


def test_the_health_check_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
