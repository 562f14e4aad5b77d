"""The staff pages for sources and runs."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from marketplace.account.models import User
from tests.catalog_sync.conftest import make_record


@pytest.fixture
def registry_records():
    return [make_record("HT-2025-0001", "Nước mắm"), make_record("HT-2025-0002", "", stars=8)]


@pytest.fixture
def sync_staff(db):
    user = User.objects.create_user(email="dongbo@ocop.example", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="manage_registry_sync"))
    return user


@pytest.mark.django_db
def test_staff_with_the_sync_permission_see_runs_and_their_rejected_records(client, registry, sync_staff):
    run = registry.sync(full=True)
    client.force_login(sync_staff)

    listing = client.get("/admin/catalog_sync/syncrun/")
    detail = client.get(f"/admin/catalog_sync/syncrun/{run.pk}/change/")

    assert listing.status_code == 200 and "Hà Tĩnh (thử)" in listing.content.decode()
    assert detail.status_code == 200
    assert "Thiếu tên sản phẩm" in detail.content.decode()
    assert client.get("/admin/catalog_sync/registrysource/").status_code == 200


@pytest.mark.django_db
def test_staff_without_the_permission_do_not(client, registry):
    user = User.objects.create_user(email="nv@ocop.example", password="x", is_staff=True)
    client.force_login(user)

    assert client.get("/admin/catalog_sync/syncrun/").status_code == 403


@pytest.mark.django_db
def test_runs_are_read_only(client, registry, sync_staff):
    run = registry.sync(full=True)
    client.force_login(sync_staff)

    client.post(f"/admin/catalog_sync/syncrun/{run.pk}/change/", {"status": "failed"})

    run.refresh_from_db()
    assert run.status == "succeeded"
