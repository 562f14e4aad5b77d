"""The fair report's online source: one row per order line of the fair's products in orders placed in the
query's window, whatever warehouse serves them. Cancelled and expired orders never became sales (nor did drafts);
revenue is what the shopper pays for the line (after the fair price), delivery excluded. marketplace.fair sits
below this app and cannot see orders, so this module is registered with it from OrderConfig.ready."""

from __future__ import annotations

from marketplace.fair.report import ONLINE, SalesQuery, SalesRow
from marketplace.order.models import OrderLine, OrderStatus

NOT_SALES = (OrderStatus.DRAFT, OrderStatus.CANCELED, OrderStatus.EXPIRED)


def online_sales_rows(query: SalesQuery) -> list[SalesRow]:
    if not query.product_ids:
        return []
    rows = (OrderLine.objects
            .filter(variant__product_id__in=list(query.product_ids), order__created_at__gte=query.start,
                    order__created_at__lt=query.end)
            .exclude(order__status__in=NOT_SALES)
            .order_by("order__created_at", "created_at", "id")
            .values_list("variant__product_id", "variant_id", "quantity", "total_price_amount", "order__created_at",
                         "order__collection_point_id", "order__number"))
    return [SalesRow(product_id=product_id, variant_id=variant_id, quantity=quantity, revenue=revenue,
                     sold_at=placed_at, channel=ONLINE, warehouse_id=collection_point_id, order_ref=f"#{number}")
            for product_id, variant_id, quantity, revenue, placed_at, collection_point_id, number in rows]
