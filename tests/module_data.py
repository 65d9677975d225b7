"""Data built once for a module whose tests only read it, when building it takes seconds (the
seeded demonstration, a compiled report): it is made in a transaction that stays open while the
module's tests run, each in a savepoint of its own, and is rolled back after the last. Every
database test of such a module must ask for the module's fixture, or it would see the data too."""

import sys
from collections.abc import Callable, Iterator
from typing import TypeVar

from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from portal.celery import app as celery_app

T = TypeVar("T")


def kept_for_the_module(django_db_blocker, tmp_path_factory, build: Callable[[], T]) -> Iterator[T]:
    """What `build` returns, for the module's tests (`yield from` this in a module fixture), with
    the settings each test has (tests/conftest.py) and the module's files in a directory of its own."""
    overridden = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("module-media"),
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    overridden.enable()
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    kept = transaction.atomic()
    try:
        with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE):
            kept.__enter__()
            try:
                built = build()
            except BaseException:
                kept.__exit__(*sys.exc_info())
                raise
        yield built
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            kept.__exit__(None, None, None)
    finally:
        overridden.disable()
