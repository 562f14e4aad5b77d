"""Races on real PostgreSQL with two connections: the last unit sold at the counter and online at the same time,
a transfer received twice at once, a pickup handed over twice at once. Row locks decide; exactly one wins."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection, transaction

from marketplace.core.errors import DomainError
from marketplace.salespoint.ledger import stock_ledger_mismatches
from marketplace.salespoint.services import (
    counter_sale_create,
    stock_transfer_create,
    stock_transfer_receive,
    stock_transfer_ship,
)
from marketplace.warehouse.models import Stock, StockMovementKind
from marketplace.warehouse.services import stock_move


def _run(fn, results: dict, key: str, *, hold: threading.Event | None = None,
         started: threading.Event | None = None) -> None:
    try:
        with transaction.atomic():
            fn()
            if started is not None:
                started.set()
            if hold is not None:
                hold.wait(timeout=10)
        results[key] = "ok"
    except DomainError as exc:
        results[key] = exc.code
    finally:
        if started is not None:
            started.set()
        connection.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("first", ["counter", "online"])
def test_a_counter_sale_and_an_online_order_racing_for_the_last_unit_never_both_win(shelf, point_a, operator_a,
                                                                                  first):
    variant = shelf.variant("Nước mắm Vạn Phần")
    stock = shelf.put(point_a, variant, 1)
    calls = {
        "counter": lambda: counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id,
                                               lines=[(variant.pk, 1)], payment_method="cash"),
        "online": lambda: stock_move(stock_id=stock.pk, kind=StockMovementKind.ONLINE_ALLOCATION,
                                     allocated_delta=1, reference="đơn trực tuyến"),
    }
    second = "online" if first == "counter" else "counter"
    results: dict[str, str] = {}
    hold, started = threading.Event(), threading.Event()

    # The first holds the row lock until the second is waiting for it; then it commits.
    t1 = threading.Thread(target=_run, args=(calls[first], results, first), kwargs={"hold": hold,
                                                                                    "started": started})
    t1.start()
    started.wait(timeout=10)
    t2 = threading.Thread(target=_run, args=(calls[second], results, second))
    t2.start()
    t2.join(timeout=0.5)  # gives t2 time to block on the lock (the outcome does not depend on it)
    hold.set()
    t1.join(timeout=10)
    t2.join(timeout=10)
    close_old_connections()

    assert results == {first: "ok", second: "INSUFFICIENT_STOCK"}
    stock.refresh_from_db()
    assert stock.quantity - stock.quantity_allocated == 0
    assert stock_ledger_mismatches() == []


@pytest.mark.django_db(transaction=True)
def test_a_transfer_received_twice_at_the_same_time_arrives_once(shelf, point_a, point_b, operator_a, operator_b):
    variant = shelf.variant("Kẹo cu đơ")
    shelf.put(point_a, variant, 10)
    transfer = stock_transfer_create(actor=operator_a, source_id=point_a.warehouse_id,
                                     destination_id=point_b.warehouse_id, lines=[(variant.pk, 4)])
    stock_transfer_ship(actor=operator_a, transfer_id=transfer.pk)
    results: dict[str, str] = {}
    barrier = threading.Barrier(2)

    def receive():
        barrier.wait(timeout=10)
        stock_transfer_receive(actor=operator_b, transfer_id=transfer.pk)

    threads = [threading.Thread(target=_run, args=(receive, results, key)) for key in ("one", "two")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    close_old_connections()

    assert sorted(results.values()) == ["TRANSFER_ALREADY_RECEIVED", "ok"]
    assert Stock.objects.get(warehouse_id=point_b.warehouse_id, product_variant=variant).quantity == 4
    assert stock_ledger_mismatches() == []


@pytest.mark.django_db(transaction=True)
def test_a_pickup_handed_over_at_two_counters_at_once_is_paid_and_taken_off_the_shelf_once(
        shelf, point_a, operator_a, admin_user, pickup_orders):
    from marketplace.order.models import Order, OrderStatus
    from marketplace.payment.models import TransactionEvent, TransactionEventType
    from marketplace.salespoint.services import pickup_hand_over, pickup_mark_ready

    variant = shelf.variant("Nước mắm Vạn Phần", price=85_000)
    shelf.put(point_a, variant, 5)
    order = pickup_orders.place(point_a, variant, 2)
    pickup_mark_ready(actor=operator_a, order_id=str(order.pk))
    results: dict[str, str] = {}
    hold, started = threading.Event(), threading.Event()

    def hand_over(actor):
        return lambda: pickup_hand_over(actor=actor, order_id=str(order.pk), cash_received=True)

    t1 = threading.Thread(target=_run, args=(hand_over(operator_a), results, "first"),
                          kwargs={"hold": hold, "started": started})
    t1.start()
    started.wait(timeout=10)
    t2 = threading.Thread(target=_run, args=(hand_over(admin_user), results, "second"))
    t2.start()
    t2.join(timeout=0.5)
    hold.set()
    t1.join(timeout=10)
    t2.join(timeout=10)
    close_old_connections()

    # The second finds the order paid (if it read it before the first committed) or already handed over.
    assert results["first"] == "ok" and results["second"] in ("INVALID", "PICKUP_INVALID_STATUS")
    order = Order.objects.get(pk=order.pk)
    assert (order.status, order.total_charged_amount) == (OrderStatus.FULFILLED, 170_000)
    assert TransactionEvent.objects.filter(transaction__order=order,
                                           type=TransactionEventType.CHARGE_SUCCESS).count() == 1
    stock = Stock.objects.get(warehouse_id=point_a.warehouse_id, product_variant=variant)
    assert (stock.quantity, stock.quantity_allocated) == (3, 0)
    assert stock_ledger_mismatches() == []
