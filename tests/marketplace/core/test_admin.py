"""The admin: every registered model's list opens for an administrator, records with business rules are
read-only there, and a product's page opens with its variants."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from marketplace.account.services import user_create

MODELS = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
# Changed only through services, consoles, the sync or the API, which enforce their rules and audit them.
READ_ONLY = {"certification.Certificate", "producer.Producer", "warehouse.Stock", "warehouse.StockMovement",
             "order.Order", "payment.TransactionItem", "discount.Promotion", "fair.FairEvent", "core.AuditEntry",
             "catalog_sync.SyncRun", "salespoint.CounterSale", "salespoint.StockTransfer",
             # django-axes' sign-in records: written by the throttle only (staff may delete one to unlock)
             "axes.AccessAttempt", "axes.AccessFailureLog", "axes.AccessLog"}


@pytest.fixture
def admin_client(client, db):
    client.force_login(user_create(email="root@example.com", password="x", is_staff=True, is_superuser=True))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "model_admin"), MODELS, ids=[m._meta.label for m, _ in MODELS])
def test_each_admin_list_opens_and_rule_bound_records_cannot_be_added_there(admin_client, catalog, model,
                                                                           model_admin):
    catalog.product("Nước mắm Vũng Áng")
    opts = model._meta

    listing = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    add = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))

    assert listing.status_code == 200
    assert add.status_code == (403 if opts.label in READ_ONLY else 200)


@pytest.mark.django_db
def test_a_product_page_in_the_admin_shows_its_packaging(admin_client, catalog):
    product = catalog.product("Kẹo cu đơ", variants=["Hộp 300 g", "Hộp 500 g"])

    page = admin_client.get(reverse("admin:product_product_change", args=[product.pk])).content.decode()

    assert "Hộp 300 g" in page and "Hộp 500 g" in page


@pytest.mark.django_db
def test_shoppers_cannot_open_the_admin(client, db):
    client.force_login(user_create(email="shopper@example.com", password="x"))

    assert client.get(reverse("admin:index")).status_code == 302
