"""Idempotency under concurrency on real PostgreSQL: many callers presenting the same client token at the same moment
(a double tap, a retried request) get the one sale or transfer the first made, never a database error."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection

from marketplace.core.errors import DomainError
from marketplace.salespoint.ledger import stock_ledger_mismatches
from marketplace.salespoint.models import CounterSale, StockTransfer
from marketplace.salespoint.services import counter_sale_create, stock_transfer_create
from marketplace.warehouse.models import Stock, StockMovement, StockMovementKind

CALLERS = 20


def _race(call, n: int = CALLERS) -> list[object]:
    """Run `call` in n threads (one connection each) released together; each result is the returned object's pk,
    a DomainError code, or the name of any other exception."""
    barrier = threading.Barrier(n)
    results: list[object] = [None] * n

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=20)
            results[i] = call().pk
        except DomainError as exc:
            results[i] = exc.code
        except Exception as exc:  # noqa: BLE001 - the point is to see database errors, whatever their class
            results[i] = type(exc).__name__
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    close_old_connections()
    return results


@pytest.mark.django_db(transaction=True)
def test_twenty_counter_sales_with_one_token_at_once_make_one_sale_and_twenty_clean_answers(
        shelf, point_a, operator_a):
    variant = shelf.variant("Nước mắm Vạn Phần", price=85_000)
    shelf.put(point_a, variant, 50)

    results = _race(lambda: counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id,
                                                lines=[(variant.pk, 2)], payment_method="cash",
                                                client_token="tap-1"))

    sale = CounterSale.objects.get()
    assert results == [sale.pk] * CALLERS
    assert Stock.objects.get(warehouse_id=point_a.warehouse_id, product_variant=variant).quantity == 48
    assert StockMovement.objects.filter(kind=StockMovementKind.COUNTER_SALE).count() == 1
    assert stock_ledger_mismatches() == []


@pytest.mark.django_db(transaction=True)
def test_twenty_transfers_with_one_token_at_once_make_one_transfer(shelf, point_a, point_b, operator_a):
    variant = shelf.variant("Kẹo cu đơ")
    shelf.put(point_a, variant, 10)

    results = _race(lambda: stock_transfer_create(actor=operator_a, source_id=point_a.warehouse_id,
                                                  destination_id=point_b.warehouse_id, lines=[(variant.pk, 4)],
                                                  client_token="transfer-tap-1"))

    transfer = StockTransfer.objects.get()
    assert results == [transfer.pk] * CALLERS
    assert transfer.lines.get().quantity == 4


@pytest.mark.django_db
def test_a_transfer_token_used_again_returns_the_first_transfer(shelf, point_a, point_b, operator_a):
    variant = shelf.variant("Kẹo cu đơ")
    shelf.put(point_a, variant, 10)
    kwargs = {"actor": operator_a, "source_id": point_a.warehouse_id, "destination_id": point_b.warehouse_id,
              "lines": [(variant.pk, 4)], "client_token": "t-1"}

    first = stock_transfer_create(**kwargs)
    again = stock_transfer_create(**kwargs)

    assert again.pk == first.pk and StockTransfer.objects.count() == 1


@pytest.mark.django_db
def test_a_token_of_another_point_is_refused_with_a_code_not_a_database_error(shelf, point_a, point_b, operator_a,
                                                                             operator_b):
    variant_a, variant_b = shelf.variant("Nước mắm"), shelf.variant("Kẹo lạc")
    shelf.put(point_a, variant_a, 5)
    shelf.put(point_b, variant_b, 5)
    counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant_a.pk, 1)],
                        payment_method="cash", client_token="same")

    with pytest.raises(DomainError) as err:
        counter_sale_create(actor=operator_b, warehouse_id=point_b.warehouse_id, lines=[(variant_b.pk, 1)],
                            payment_method="cash", client_token="same")

    assert (err.value.code, err.value.field) == ("INVALID", "client_token")
    assert CounterSale.objects.count() == 1


@pytest.mark.django_db
def test_an_overlong_token_is_refused_with_a_code(shelf, point_a, operator_a):
    variant = shelf.variant("Nước mắm")
    shelf.put(point_a, variant, 5)

    with pytest.raises(DomainError) as err:
        counter_sale_create(actor=operator_a, warehouse_id=point_a.warehouse_id, lines=[(variant.pk, 1)],
                            payment_method="cash", client_token="x" * 65)

    assert (err.value.code, err.value.field) == ("INVALID", "client_token")
    assert not CounterSale.objects.exists()
