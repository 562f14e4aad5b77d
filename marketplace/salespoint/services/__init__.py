"""Writes for sales points. Each checks the actor's scope first (scope.salespoint_check_operator) and changes
stock only through warehouse.services.stock_move."""

from marketplace.salespoint.scope import salespoint_check_operator
from marketplace.salespoint.services.counter import counter_sale_create, counter_sale_void
from marketplace.salespoint.services.pickups import pickup_hand_over, pickup_mark_ready
from marketplace.salespoint.services.profile import (
    SalesPointData,
    operator_sales_points_set,
    sales_point_click_and_collect_set,
    sales_point_create,
    sales_point_operators_set,
)
from marketplace.salespoint.services.stock import (
    stock_adjust,
    stock_quantities_set,
    stock_receive,
    stock_threshold_set,
)
from marketplace.salespoint.services.transfers import (
    stock_transfer_cancel,
    stock_transfer_create,
    stock_transfer_receive,
    stock_transfer_ship,
)

__all__ = [
    "SalesPointData",
    "operator_sales_points_set",
    "counter_sale_create",
    "counter_sale_void",
    "pickup_hand_over",
    "pickup_mark_ready",
    "sales_point_click_and_collect_set",
    "sales_point_create",
    "sales_point_operators_set",
    "salespoint_check_operator",
    "stock_adjust",
    "stock_quantities_set",
    "stock_receive",
    "stock_threshold_set",
    "stock_transfer_cancel",
    "stock_transfer_create",
    "stock_transfer_receive",
    "stock_transfer_ship",
]
