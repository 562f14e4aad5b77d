"""The fair price at the counter: while a published fair's campaign runs, a counter sale charges the fair price (the
same price the online shop charges) and records the shelf price beside it; before the fair it charges the shelf
price. Prices come from marketplace.discount.selectors.variant_prices_get at the moment of the sale.

Promotions are per channel: the campaign applies at every point selling in the channel while the fair runs, not
only at the fair's own points (a known limit; not asserted here as wanted behaviour)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.discount.selectors import variant_prices_get
from marketplace.fair.models import FairEvent
from marketplace.fair.services import FairData, booth_create, fair_campaign_set, fair_create, fair_publish
from marketplace.salespoint.services import counter_sale_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair_at(point_a):
    """A published fair with a 10% campaign on the given product, at point A, running [start, start + 2 days)."""
    def make(product, *, start):
        fair = fair_create(data=FairData(name="Hội chợ OCOP Hà Tĩnh", start_at=start,
                                         end_at=start + timedelta(days=2), venue_name="Quảng trường Thành Sen",
                                         province="Hà Tĩnh"))
        booth_create(fair=fair, code="A-01", producer_id=product.producer_id, sales_point_id=point_a.warehouse_id,
                     product_ids=[product.pk])
        fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10")
        return FairEvent.objects.get(pk=fair_publish(fair=fair).pk)
    return make


def test_during_the_fair_the_counter_charges_the_fair_price(shelf, point_a, operator_a, fair_at, channel):
    variant = shelf.variant("Nước mắm Vũng Áng", price=85_000)
    shelf.put(point_a, variant, 5)
    fair = fair_at(variant.product, start=timezone.now() - timedelta(hours=1))

    sale = counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 2)],
                               payment_method="cash", amount_tendered=200_000)

    [line] = sale.lines.all()
    online = variant_prices_get(variant_ids=[variant.pk], channel_id=channel.pk)[variant.pk]
    assert (line.unit_price, line.total_price, sale.total_amount, sale.change_due) == (
        Decimal(76_500), Decimal(153_000), Decimal(153_000), Decimal(47_000))
    assert (line.undiscounted_unit_price, line.promotion_id) == (Decimal(85_000), fair.campaign_id)
    assert online.price == line.unit_price  # the counter and the online shop agree


def test_during_the_fair_a_point_not_at_the_fair_charges_the_shelf_price(shelf, point_a, point_b, operator_b,
                                                                        fair_at, channel):
    variant = shelf.variant("Nước mắm Vũng Áng", price=85_000)
    shelf.put(point_b, variant, 5)
    fair_at(variant.product, start=timezone.now() - timedelta(hours=1))

    sale = counter_sale_create(actor=operator_b, warehouse_id=point_b.warehouse_id, lines=[(variant.pk, 1)],
                               payment_method="cash", amount_tendered=100_000)

    [line] = sale.lines.all()
    online = variant_prices_get(variant_ids=[variant.pk], channel_id=channel.pk)[variant.pk]
    assert (line.unit_price, line.promotion_id) == (Decimal(85_000), None)
    assert online.price == Decimal(76_500)  # online the fair price still applies everywhere


def test_before_the_fair_opens_the_counter_charges_the_shelf_price(shelf, point_a, operator_a, fair_at):
    variant = shelf.variant("Nước mắm Vũng Áng", price=85_000)
    shelf.put(point_a, variant, 5)
    fair_at(variant.product, start=timezone.now() + timedelta(days=1))

    sale = counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 1)],
                               payment_method="card_terminal")

    [line] = sale.lines.all()
    assert (line.unit_price, line.undiscounted_unit_price, line.promotion_id, line.is_discounted) == (
        Decimal(85_000), Decimal(85_000), None, False)


def test_the_basket_and_the_receipt_show_the_fair_price_and_the_shelf_price(client, shelf, point_a, operator_a,
                                                                           fair_at):
    variant = shelf.variant("Nước mắm Vũng Áng", price=85_000, barcode="8930000000017")
    shelf.put(point_a, variant, 5)
    fair_at(variant.product, start=timezone.now() - timedelta(hours=1))
    client.force_login(operator_a)
    counter = reverse("storefront:console:counter", args=[point_a.warehouse.slug])

    client.post(counter, {"action": "add", "code": "8930000000017", "quantity": 2})
    basket = client.get(counter)
    token = client.session[f"counter:{point_a.warehouse_id}:token"]
    receipt = client.post(counter, {"action": "pay", "payment_method": "cash", "amount_tendered": "200000",
                                    "token": token}, follow=True).content.decode()

    [line] = basket.context["lines"]
    assert (line.unit_price, line.undiscounted_unit_price, basket.context["total"]) == (76_500, 85_000, 153_000)
    assert "HÓA ĐƠN BÁN HÀNG" in receipt
    assert "85.000\xa0₫</s> 76.500\xa0₫" in receipt and "153.000\xa0₫" in receipt and "47.000\xa0₫" in receipt


def test_linking_a_booth_to_another_point_moves_the_fair_price_to_that_counter(shelf, point_a, point_b, operator_b,
                                                                               fair_at):
    from marketplace.fair.models import Booth
    from marketplace.fair.services import booth_update

    variant = shelf.variant("Nước mắm Vũng Áng", price=85_000)
    shelf.put(point_b, variant, 5)
    fair = fair_at(variant.product, start=timezone.now() - timedelta(hours=1))
    booth = Booth.objects.get(fair=fair)

    booth_update(booth=booth, code=booth.code, producer_id=booth.producer_id, zone_id=booth.zone_id,
                 sales_point_id=point_b.warehouse_id)
    sale = counter_sale_create(actor=operator_b, warehouse_id=point_b.warehouse_id, lines=[(variant.pk, 1)],
                               payment_method="cash", amount_tendered=100_000)

    assert sale.lines.get().unit_price == Decimal(76_500)
