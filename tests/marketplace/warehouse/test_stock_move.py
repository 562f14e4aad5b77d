from __future__ import annotations

import pytest
from django.db.models import Sum

from marketplace.core.errors import DomainError
from marketplace.warehouse.models import Stock, StockMovement
from marketplace.warehouse.services import stock_get_or_create, stock_move


@pytest.mark.django_db
def test_every_change_is_a_ledger_row_and_the_ledger_sums_to_the_stock(catalog, warehouse):
    variant = catalog.product("Mắm tôm", stock=0).variants.get()
    stock = stock_get_or_create(warehouse_id=warehouse.pk, variant_id=variant.pk)

    stock_move(stock_id=stock.pk, kind="receive", quantity_delta=12, reference="PN-001")
    stock_move(stock_id=stock.pk, kind="online_allocation", allocated_delta=5, reference="order 1")
    stock_move(stock_id=stock.pk, kind="counter_sale", quantity_delta=-3)

    stock.refresh_from_db()
    sums = StockMovement.objects.filter(stock=stock).aggregate(q=Sum("quantity_delta"), a=Sum("allocated_delta"))
    assert (stock.quantity, stock.quantity_allocated) == (9, 5) == (sums["q"], sums["a"])


@pytest.mark.django_db
def test_a_move_that_would_oversell_is_refused_and_writes_nothing(catalog, warehouse):
    variant = catalog.product("Mắm tôm", stock=0).variants.get()
    stock = stock_get_or_create(warehouse_id=warehouse.pk, variant_id=variant.pk)
    stock_move(stock_id=stock.pk, kind="receive", quantity_delta=2)
    stock_move(stock_id=stock.pk, kind="online_allocation", allocated_delta=1)

    with pytest.raises(DomainError) as err:
        stock_move(stock_id=stock.pk, kind="counter_sale", quantity_delta=-2)

    assert err.value.code == "INSUFFICIENT_STOCK"
    assert Stock.objects.get(pk=stock.pk).quantity == 2
    assert StockMovement.objects.filter(stock=stock).count() == 2
