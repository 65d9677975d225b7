"""docker-compose.yml cannot run here (no Docker engine): check that it names real things."""

import importlib
import shlex
from pathlib import Path

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
