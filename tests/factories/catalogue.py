"""Catalogue-operations fixtures: a catalogue manager (MANAGE_PRODUCTS only) and test images.
Import the fixtures into a test package's conftest (tests/conftest.py lists the shared plugins)."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.contrib.auth.models import Permission
from PIL import Image

from marketplace.account.services import user_create

PASSWORD = "pw-test-123"


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (600, 400), color: str = "#c0392b") -> bytes:
    out = BytesIO()
    Image.new("RGB", size, color).save(out, format=fmt)
    return out.getvalue()


@pytest.fixture
def catalogue_manager(db):
    user = user_create(email="catalogue-t@example.com", password=PASSWORD, is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="account",
                                                     codename="manage_products"))
    return user
