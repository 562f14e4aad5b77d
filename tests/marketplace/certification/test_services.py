"""Certificate services: the expiry sweep, and what storing registry data means for listings."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from catalog_sync.mapping import map_api_record
from marketplace.certification import selectors, services
from marketplace.certification.models import Certificate, CertificateEvent
from marketplace.certification.tasks import certificate_expiry_sweep_task
from marketplace.product.models import ProductChannelListing
from tests.catalog_sync.conftest import make_record

TODAY = selectors.today_in_vietnam()


@pytest.mark.django_db
def test_the_sweep_marks_expired_certificates_and_unpublishes_their_products(catalog):
    expired = catalog.product("Chè xanh", expires_on=TODAY - timedelta(days=1))
    valid = catalog.product("Nước mắm", expires_on=TODAY)

    result = certificate_expiry_sweep_task()

    assert result == {"expired": 1, "unpublished": 1}
    cert = Certificate.objects.get(product=expired)
    assert cert.status == "expired"
    assert CertificateEvent.objects.get(certificate=cert).kind == "expired"
    assert not ProductChannelListing.objects.get(product=expired).is_published
    assert ProductChannelListing.objects.get(product=valid).is_published
    assert expired.__class__.objects.get(pk=expired.pk).search_index_dirty


@pytest.mark.django_db
def test_the_sweep_keeps_a_product_that_still_has_another_valid_certificate(catalog):
    product = catalog.product("Bưởi Phúc Trạch", expires_on=TODAY - timedelta(days=3))
    Certificate.objects.create(registry_id="NEW-1", product=product, number="N-1", stars=4,
                               expires_on=TODAY + timedelta(days=900),
                               decision_date=TODAY - timedelta(days=5))

    services.certificates_expire_sweep()

    assert ProductChannelListing.objects.get(product=product).is_published


@pytest.mark.django_db
def test_the_sweep_twice_changes_nothing_more(catalog):
    catalog.product("Chè xanh", expires_on=TODAY - timedelta(days=1))
    services.certificates_expire_sweep()

    again = services.certificates_expire_sweep()

    assert (again.expired_certificate_ids, again.unpublished_product_ids) == ([], set())
    assert CertificateEvent.objects.count() == 1


@pytest.mark.django_db
def test_a_renewal_after_the_sweep_puts_the_product_back_on_sale(channel):
    old = map_api_record(make_record("HT-2023-1", "Cam bù", decision_date=TODAY - timedelta(days=1200)))
    services.certificates_upsert_from_registry(records=[old], source="test")
    services.certificates_expire_sweep()
    product_id = Certificate.objects.get(registry_id="HT-2023-1").product_id
    assert not selectors.product_is_listable(product_id=product_id)
    renewal = map_api_record(make_record("HT-2026-2", "Cam bù", decision_date=TODAY - timedelta(days=2)))
    superseded = map_api_record(make_record("HT-2023-1", "Cam bù", decision_date=TODAY - timedelta(days=1200),
                                            status="superseded", superseded_by="HT-2026-2"))

    outcome = services.certificates_upsert_from_registry(records=[superseded, renewal], source="test")

    assert outcome.relisted == {product_id} and outcome.created == ["HT-2026-2"]
    assert ProductChannelListing.objects.get(product_id=product_id).is_published
    assert selectors.product_is_listable(product_id=product_id)


@pytest.mark.django_db
def test_a_record_still_active_past_its_expiry_is_stored_as_expired(channel):
    record = map_api_record(make_record("HT-2022-1", "Mắm tép", decision_date=date(2022, 1, 10)))

    services.certificate_upsert_from_registry(record=record, source="test")

    cert = Certificate.objects.get(registry_id="HT-2022-1")
    assert cert.status == "expired"
    assert not ProductChannelListing.objects.filter(product=cert.product, is_published=True).exists()


@pytest.mark.django_db
def test_certificate_by_number_ignores_case_and_spaces(channel):
    services.certificate_upsert_from_registry(record=map_api_record(make_record("HT-2025-7", "Kẹo")),
                                              source="test")

    assert selectors.certificate_get_by_number(number="  ht-2025-7/gcn ").registry_id == "HT-2025-7"
    assert selectors.certificate_get_by_number(number="nope") is None
