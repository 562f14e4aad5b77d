"""The post-fair report fed by real sales: online orders placed through checkout and counter sales made at the
sales points, summed by the sources registered at start-up (order/fair_sales.py, fair/report_sources.py).

Nothing here moves the clock: the "before" sales are made first, then the fair is created to start at that moment
(it runs one day, so its comparison period is the day before), then the sales during it are made.

Booth A-01 (HTX Nước mắm, linked to sales point A): fish sauce, shelf price 85.000 ₫.
Booth A-02 (Cơ sở Kẹo, no sales point): candy, 45.000 ₫. Tea is not at the fair. The fair takes 10% off.
Hand-computed:
  before: order #1 (1 sauce, 85.000) · counter at A (1 sauce, 85.000)                 → 2 orders, 2 units, 170.000
  during: order #2 (2 sauce at 76.500 = 153.000 + 1 candy at 40.500; delivery not counted) · counter at A
          (1 sauce at the fair price, 76.500)                                        → 2 orders, 4 units, 270.000
  never counted: a cancelled and an expired order, tea, a counter sale at point B (not at the fair), a voided
          counter sale at A."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from marketplace.checkout.complete import checkout_complete
from marketplace.checkout.services import LineInput, checkout_lines_add
from marketplace.fair.report import fair_report, fair_sales_rows
from marketplace.fair.services import FairData, booth_create, fair_campaign_set, fair_create, fair_publish
from marketplace.order.services import order_expire
from marketplace.payment.models import COD_GATEWAY
from marketplace.payment.services import order_cancel_and_refund
from marketplace.salespoint.models import PaymentMethod
from marketplace.salespoint.services import counter_sale_create, counter_sale_void
from tests.factories.checkout import stock_receive

pytestmark = pytest.mark.django_db

COUNTER_PRICE = Decimal(76_500)  # the counter charges the fair price during the fair


@pytest.fixture
def goods(catalog, warehouse, shelf, point_a, point_b):
    sauce = catalog.product("Nước mắm Vũng Áng", price=85_000, producer_name="HTX Nước mắm")
    candy = catalog.product("Kẹo cu đơ", price=45_000, producer_name="Cơ sở Kẹo")
    tea = catalog.product("Chè xanh", price=60_000)
    for product in (sauce, candy, tea):
        stock_receive(warehouse=warehouse, variant_id=product.variants.get().pk, quantity=20)
    shelf.put(point_a, sauce.variants.get(), 10)
    shelf.put(point_b, sauce.variants.get(), 10)
    return sauce, candy, tea


def _order(builder, *items, gateway=COD_GATEWAY):
    first, *rest = items
    checkout = builder.ready(first[0].variants.get(), first[1])
    if rest:
        checkout = checkout_lines_add(checkout=checkout, lines=[
            LineInput(variant_id=product.variants.get().pk, quantity=quantity) for product, quantity in rest])
    return checkout_complete(checkout_token=checkout.pk, gateway=gateway)


def _sell(actor, point, product, quantity=1):
    return counter_sale_create(actor=actor, warehouse_id=point.warehouse_id,
                               lines=[(product.variants.get().pk, quantity)], payment_method=PaymentMethod.CASH)


@pytest.fixture
def sold(goods, checkout_builder, point_a, point_b, admin_user):
    sauce, candy, tea = goods
    before_order = _order(checkout_builder, (sauce, 1))
    _sell(admin_user, point_a, sauce)

    start = timezone.now()
    fair = fair_create(data=FairData(name="Hội chợ OCOP Hà Tĩnh", start_at=start, end_at=start + timedelta(days=1),
                                     venue_name="Quảng trường Thành Sen", province="Hà Tĩnh"))
    booth_create(fair=fair, code="A-01", producer_id=sauce.producer_id, sales_point_id=point_a.warehouse_id,
                 product_ids=[sauce.pk])
    booth_create(fair=fair, code="A-02", producer_id=candy.producer_id, product_ids=[candy.pk])
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10")
    fair_publish(fair=fair)

    during_order = _order(checkout_builder, (sauce, 2), (candy, 1))
    _sell(admin_user, point_a, sauce)
    order_cancel_and_refund(order=_order(checkout_builder, (sauce, 3)))
    order_expire(order=_order(checkout_builder, (candy, 4), gateway=None))
    _order(checkout_builder, (tea, 5))
    _sell(admin_user, point_b, sauce, 6)
    counter_sale_void(actor=admin_user, sale_id=_sell(admin_user, point_a, sauce, 7).pk, reason="Nhầm")
    return fair, before_order, during_order


def _figures(line):
    return (line.during.orders, line.during.quantity, line.during.revenue,
            line.before.orders, line.before.quantity, line.before.revenue)


def test_the_report_sums_online_orders_and_the_fairs_counter_sales(sold):
    fair, before_order, during_order = sold

    report = fair_report(fair=fair, sales_rows=fair_sales_rows(fair=fair))

    assert during_order.lines.get(product_name="Nước mắm Vũng Áng").unit_price_amount == 76_500
    assert _figures(report.total) == (2, 4, 153_000 + 40_500 + COUNTER_PRICE, 2, 2, 170_000)
    assert [(line.key, _figures(line)) for line in report.by_channel] == [
        ("online", (1, 3, 193_500, 1, 1, 85_000)),
        ("counter", (1, 1, COUNTER_PRICE, 1, 1, 85_000)),
    ]
    assert [(line.key, _figures(line)) for line in report.by_booth] == [
        ("A-01", (2, 3, 153_000 + COUNTER_PRICE, 2, 2, 170_000)),
        ("A-02", (1, 1, 40_500, 0, 0, 0)),
    ]


def test_each_source_gives_one_row_per_line_with_what_the_shopper_paid(sold):
    fair, before_order, during_order = sold

    rows = fair_sales_rows(fair=fair)

    online = sorted((r.order_ref, r.quantity, r.revenue) for r in rows if r.channel == "online")
    counter = [(r.quantity, r.revenue, r.warehouse_id) for r in rows if r.channel == "counter"]
    assert online == sorted([(f"#{before_order.number}", 1, Decimal(85_000)),
                             (f"#{during_order.number}", 2, Decimal(153_000)),
                             (f"#{during_order.number}", 1, Decimal(40_500))])
    assert counter == [(1, Decimal(85_000), fair.booths.get(code="A-01").sales_point_id),
                       (1, COUNTER_PRICE, fair.booths.get(code="A-01").sales_point_id)]
