"""What shoppers see: the list of public points and "available at" on a product page."""

from __future__ import annotations

import pytest

from marketplace.certification.models import Certificate, CertificateStatus
from marketplace.salespoint.selectors import sales_points_public, sales_points_with_stock
from marketplace.warehouse.models import StockMovementKind
from marketplace.warehouse.services import stock_move


@pytest.mark.django_db
def test_available_at_lists_public_points_with_units_that_can_be_sold(shelf, point_a, point_b):
    variant = shelf.variant("Cam Vinh")
    shelf.put(point_a, variant, 3)
    held = shelf.put(point_b, variant, 1)
    stock_move(stock_id=held.pk, kind=StockMovementKind.ONLINE_ALLOCATION, allocated_delta=1)

    available = sales_points_with_stock(product_id=variant.product_id)

    assert [(a.sales_point.pk, a.quantity) for a in available] == [(point_a.pk, 3)]


@pytest.mark.django_db
def test_a_product_that_fails_the_listing_rule_is_available_nowhere(shelf, point_a):
    variant = shelf.variant("Cam Vinh")
    shelf.put(point_a, variant, 3)
    Certificate.objects.filter(product=variant.product).update(status=CertificateStatus.REVOKED)

    assert sales_points_with_stock(product_id=variant.product_id) == []


@pytest.mark.django_db
def test_private_and_inactive_points_are_not_public(point_a, point_b):
    point_b.is_active = False
    point_b.save()

    assert [p.pk for p in sales_points_public()] == [point_a.pk]
    assert [p.pk for p in sales_points_public(province_code="nghe-an")] == []
    point_a.warehouse.is_private = True
    point_a.warehouse.save()
    assert list(sales_points_public()) == []
