from __future__ import annotations

import pytest

from marketplace.salespoint.demo import demo_sales_points_create
from marketplace.salespoint.ledger import stock_ledger_mismatches
from marketplace.salespoint.models import SalesPoint
from marketplace.salespoint.selectors import sales_points_for_user, stock_low_alerts
from marketplace.warehouse.models import StockMovement


@pytest.mark.django_db
def test_the_demo_makes_two_points_with_the_operator_on_the_first_only_and_runs_twice_safely(catalog, channel):
    catalog.product("Kẹo cu đơ", stock=0)
    catalog.product("Nước mắm", stock=0)

    first = demo_sales_points_create()
    movements = StockMovement.objects.count()
    again = demo_sales_points_create()

    assert [p.pk for p in first] == [p.pk for p in again]
    assert SalesPoint.objects.count() == 2
    centre, station = first
    assert (centre.kind, centre.location_category, centre.warehouse.address.province_code) == (
        "centre", "trade_centre", "ha-tinh")
    assert (station.kind, station.location_category, station.warehouse.address.province_code) == (
        "point", "station", "nghe-an")
    assert centre.warehouse.click_and_collect_option == "local" and centre.latitude is not None
    operator = centre.operators.get()
    assert operator.email == "operator@example.com"
    assert [p.pk for p in sales_points_for_user(user=operator)] == [centre.pk]
    assert StockMovement.objects.count() == movements > 0
    assert stock_low_alerts(warehouse_ids=[centre.warehouse_id]).count() == 1
    assert stock_ledger_mismatches() == []
