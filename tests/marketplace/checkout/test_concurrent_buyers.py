"""Twenty buyers at once for the last five units, on real PostgreSQL with one connection per thread."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from marketplace.checkout import services as checkout_services
from marketplace.checkout.complete import checkout_complete
from marketplace.core.errors import DomainError, DomainErrors
from marketplace.order.models import Order
from marketplace.order.services import order_fulfil
from marketplace.payment.models import COD_GATEWAY
from marketplace.warehouse.models import Reservation, Stock, StockMovement
from tests.factories.checkout import HANOI, stock_receive

BUYERS, UNITS = 20, 5


def _in_parallel(work, items) -> list[str]:
    """Run work(item) in BUYERS threads released together; returns "ok" or the error code per item."""
    barrier = threading.Barrier(len(items))

    def run(item):
        try:
            barrier.wait()
            work(item)
            return "ok"
        except DomainErrors as exc:
            return exc.errors[0].code
        except DomainError as exc:
            return exc.code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(items)) as pool:
        return list(pool.map(run, items))


def _assert_stock_sound(stock: Stock, *, allocated: int) -> None:
    stock.refresh_from_db()
    sums = StockMovement.objects.filter(stock=stock).aggregate(q=Sum("quantity_delta"), a=Sum("allocated_delta"))
    assert (stock.quantity, stock.quantity_allocated) == (UNITS, allocated) == (sums["q"], sums["a"])
    assert not StockMovement.objects.filter(stock=stock, quantity_after__lt=0).exists()
    assert not StockMovement.objects.filter(stock=stock, allocated_after__gt=UNITS).exists()


def _buy(channel_slug: str, variant_id: int):
    def work(i: int) -> None:
        checkout = checkout_services.checkout_create(
            channel_slug=channel_slug, email=f"buyer{i}@example.com",
            lines=[checkout_services.LineInput(variant_id=variant_id, quantity=1)])
        checkout = checkout_services.checkout_shipping_address_update(checkout=checkout, data=HANOI)
        from marketplace.checkout.selectors import checkout_info_get

        method = checkout_info_get(checkout=checkout).available_shipping[0].method
        checkout = checkout_services.checkout_delivery_method_update(checkout=checkout, shipping_method_id=method.pk)
        checkout_complete(checkout_token=checkout.pk, gateway=COD_GATEWAY)
    return work


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_twenty_buyers_for_the_last_five_units_make_exactly_five_orders(catalog, warehouse, shipping_zones,
                                                                        channel):
    variant = catalog.product("Trà shan tuyết", stock=0).variants.get()
    stock = stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=UNITS)

    outcomes = Counter(_in_parallel(_buy(channel.slug, variant.pk), list(range(BUYERS))))

    assert outcomes == {"ok": UNITS, "INSUFFICIENT_STOCK": BUYERS - UNITS}
    assert Order.objects.count() == UNITS
    _assert_stock_sound(stock, allocated=UNITS)
    for order in Order.objects.all():
        order_fulfil(order=order)
    stock.refresh_from_db()
    assert (stock.quantity, stock.quantity_allocated) == (0, 0)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_twenty_completions_racing_past_expired_reservations_still_make_five_orders(catalog, warehouse,
                                                                                 checkout_builder):
    variant = catalog.product("Miến dong", stock=0).variants.get()
    stock = stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=UNITS)
    checkouts = []
    for i in range(BUYERS):  # each buyer reserved in turn; the reservations have all run out since
        checkouts.append(checkout_builder.ready(variant, 1, email=f"late{i}@example.com"))
        Reservation.objects.update(reserved_until=timezone.now() - timedelta(seconds=1))

    outcomes = Counter(_in_parallel(lambda c: checkout_complete(checkout_token=c.pk, gateway=COD_GATEWAY),
                                    checkouts))

    assert outcomes == {"ok": UNITS, "INSUFFICIENT_STOCK": BUYERS - UNITS}
    assert Order.objects.count() == UNITS
    _assert_stock_sound(stock, allocated=UNITS)
