from __future__ import annotations

from datetime import timedelta

import pytest
from django.db.models import Sum
from django.utils import timezone

from marketplace.certification.models import Certificate
from marketplace.checkout.complete import checkout_complete
from marketplace.checkout.models import Checkout
from marketplace.core.errors import DomainError, DomainErrors
from marketplace.order.models import Order, OrderChargeStatus, OrderStatus
from marketplace.payment.models import COD_GATEWAY, TransactionItem
from marketplace.warehouse.models import Allocation, Stock, StockMovement
from tests.factories.checkout import stock_receive

pytestmark = pytest.mark.django_db


def _variant(catalog, name="Nước mắm Vũng Tàu", **kw):
    return catalog.product(name, stock=0, **kw).variants.get()


def test_cash_on_delivery_order_is_confirmed_unpaid_and_holds_its_stock(catalog, warehouse, checkout_builder):
    variant = _variant(catalog, price=120_000)
    stock = stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=10)
    checkout = checkout_builder.ready(variant, 2)

    order = checkout_complete(checkout_token=checkout.pk, gateway=COD_GATEWAY)

    assert (order.status, order.charge_status, order.payment_gateway) == (
        OrderStatus.UNFULFILLED, OrderChargeStatus.NONE, COD_GATEWAY)
    assert order.total_amount == 240_000 + 25_000  # Hà Nội is in the home region
    stock.refresh_from_db()
    assert (stock.quantity, stock.quantity_allocated) == (10, 2)
    assert Allocation.objects.get(order_line__order=order).quantity_allocated == 2
    cod = TransactionItem.objects.get(order=order)
    assert (cod.gateway, cod.charge_pending_value, cod.charged_value) == (COD_GATEWAY, 265_000, 0)
    assert not Checkout.objects.filter(pk=checkout.pk).exists()


def test_pickup_allocates_from_the_chosen_sales_point_and_is_free(catalog, warehouse, second_point,
                                                                  checkout_builder):
    variant = _variant(catalog)
    stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=5)
    at_point = stock_receive(warehouse=second_point, variant_id=variant.pk, quantity=5)
    checkout = checkout_builder.ready(variant, 3, pickup=second_point)

    order = checkout_complete(checkout_token=checkout.pk, gateway=COD_GATEWAY)

    assert order.collection_point_id == second_point.pk and order.shipping_price_amount == 0
    assert order.total_amount == 300_000
    assert [a.stock_id for a in Allocation.objects.filter(order_line__order=order)] == [at_point.pk]


def test_a_certificate_lapsing_before_completion_blocks_it_naming_the_line(catalog, warehouse, checkout_builder):
    variant = _variant(catalog)
    stock = stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=5)
    checkout = checkout_builder.ready(variant, 1)
    line = checkout.lines.get()
    Certificate.objects.filter(product=variant.product).update(expires_on=timezone.localdate() - timedelta(days=1))

    with pytest.raises(DomainErrors) as err:
        checkout_complete(checkout_token=checkout.pk, gateway=COD_GATEWAY)

    [error] = err.value.errors
    assert error.code == "PRODUCT_UNAVAILABLE_FOR_PURCHASE" and error.params["line_ids"] == [line.id]
    assert not Order.objects.exists() and not TransactionItem.objects.exists()
    stock.refresh_from_db()
    assert stock.quantity_allocated == 0


def test_completing_the_same_checkout_twice_gives_one_order_and_a_coded_error(catalog, warehouse,
                                                                               checkout_builder):
    variant = _variant(catalog)
    stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=5)
    checkout = checkout_builder.ready(variant, 1)
    order = checkout_complete(checkout_token=checkout.pk, gateway=COD_GATEWAY)

    with pytest.raises(DomainError) as err:
        checkout_complete(checkout_token=checkout.pk, gateway=COD_GATEWAY)

    assert err.value.code == "NOT_FOUND" and f"#{order.number}" in err.value.message
    assert Order.objects.count() == 1


def test_stock_taken_by_someone_else_after_the_reservation_expired_refuses_completion(
        catalog, warehouse, checkout_builder):
    variant = _variant(catalog)
    stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=1)
    first = checkout_builder.ready(variant, 1)
    first.lines.get().reservations.update(reserved_until=timezone.now() - timedelta(seconds=1))
    second = checkout_builder.ready(variant, 1, email="binh@example.com")
    checkout_complete(checkout_token=second.pk, gateway=COD_GATEWAY)

    with pytest.raises(DomainErrors) as err:
        checkout_complete(checkout_token=first.pk, gateway=COD_GATEWAY)

    assert [e.code for e in err.value.errors] == ["INSUFFICIENT_STOCK"]
    assert err.value.errors[0].params["line_ids"] == [first.lines.get().id]
    assert Order.objects.count() == 1


def test_the_ledger_still_sums_to_the_stock_after_orders(catalog, warehouse, checkout_builder):
    variant = _variant(catalog)
    stock = stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=6)
    for i in range(3):
        checkout_complete(checkout_token=checkout_builder.ready(variant, 2, email=f"k{i}@example.com").pk,
                          gateway=COD_GATEWAY)

    stock = Stock.objects.get(pk=stock.pk)
    sums = StockMovement.objects.filter(stock=stock).aggregate(q=Sum("quantity_delta"), a=Sum("allocated_delta"))
    assert (stock.quantity, stock.quantity_allocated) == (6, 6) == (sums["q"], sums["a"])


def test_a_card_order_waits_for_payment_until_its_deadline(catalog, warehouse, checkout_builder):
    variant = _variant(catalog)
    stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=5)

    order = checkout_complete(checkout_token=checkout_builder.ready(variant, 1).pk)

    assert (order.status, order.charge_status) == (OrderStatus.UNCONFIRMED, OrderChargeStatus.NONE)
    assert order.payment_due_at > timezone.now()
