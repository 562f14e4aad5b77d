"""Photos go to the local folder by default and to an S3-compatible bucket when its name is in the environment
(django-storages' S3Storage; not contacted here — no bucket exists on the test machine)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _storage_backend(env: dict) -> str:
    code = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE']='marketplace.config.settings'; django.setup();"
            "from django.core.files.storage import storages; s = storages['default'];"
            "print(type(s).__module__ + '.' + type(s).__name__, getattr(s, 'bucket_name', ''),"
            " getattr(s, 'endpoint_url', ''))")
    result = subprocess.run([sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True,
                            text=True, check=True, cwd=ROOT, timeout=120)
    return result.stdout.strip()


def test_local_folder_by_default():
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    out = _storage_backend({**env, "AWS_STORAGE_BUCKET_NAME": ""})
    assert out.startswith("django.core.files.storage.filesystem.FileSystemStorage")


def test_an_s3_compatible_bucket_when_configured():
    out = _storage_backend({"AWS_STORAGE_BUCKET_NAME": "ocop-media", "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"})
    assert out == "storages.backends.s3.S3Storage ocop-media http://127.0.0.1:9000"
