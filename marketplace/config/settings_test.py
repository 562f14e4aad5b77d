"""Test settings: the same as settings.py, with fast hashing and tasks run in-process unless a test starts a
real worker (tests/marketplace/config/test_celery_worker.py does)."""

import os
import socket


def _local_postgres_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=0.5):
            return True
    except OSError:
        return False


# CI machines (and this one) run PostgreSQL on 127.0.0.1:5432 with trust auth: use it when reachable, else the
# embedded server that settings.py starts when DATABASE_URL is unset.
if not os.environ.get("DATABASE_URL") and not os.environ.get("OCOP_TEST_EMBEDDED") and _local_postgres_reachable():
    os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/postgres"

from marketplace.config.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("OCOP_TEST_DB", "test_ocop")}  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (whitenoise warns when it is missing)
