"""A real Celery worker, reading from Redis, does the portal's background work."""

import re
import time

import pytest
from django.db import connection

from portal.tasks import email_send
from tests.services import SERVICE_FACTS

pytestmark = pytest.mark.celery_worker


def _wait_for_files(folder, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(folder.glob("*.log")) if folder.exists() else []
        if files:
            return files
        time.sleep(0.2)
    return []


def test_a_worker_sends_the_password_reset_email_through_redis(
    celery_worker, state_a_contact, client
):
    response = client.post("/accounts/password_reset/", {"email": state_a_contact.email})
    assert response.status_code == 302

    sent = _wait_for_files(celery_worker.mail_dir)
    assert sent, f"The worker sent no e-mail.\n{celery_worker.log()}"
    message = sent[0].read_text()
    assert f"To: {state_a_contact.email}" in message
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message).group(1)

    # The link the worker mailed works in this process: both share the test database.
    form = client.get(link, follow=True)
    new = {"new_password1": "set-by-mailed-link", "new_password2": "set-by-mailed-link"}
    assert client.post(form.redirect_chain[-1][0], new).status_code == 302
    state_a_contact.refresh_from_db()
    assert state_a_contact.check_password("set-by-mailed-link")

    assert "portal.tasks.email_send" in celery_worker.log()
    SERVICE_FACTS.append(
        f"celery worker {celery_worker.hostname} executed portal.tasks.email_send "
        f"from {celery_worker.broker_url}"
    )


def test_a_task_result_comes_back_through_the_result_backend(celery_worker):
    result = email_send.delay(subject="Ping", body="From the test suite", to=["ops@example.org"])
    assert result.get(timeout=30) == 1
    assert result.successful()
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        SERVICE_FACTS.append(
            f"database: {cursor.fetchone()[0].split(',')[0]} ({connection.settings_dict['NAME']})"
        )
