"""The fair report's counter-sales source: sales at the counters of the fair's own sales points (the booths'
linked points), voided sales excluded. marketplace.salespoint sits below this app, so it is read directly; online
orders sit above and register their own source (marketplace/order/fair_sales.py). Registered from
FairConfig.ready."""

from __future__ import annotations

from marketplace.fair.report import COUNTER, SalesQuery, SalesRow
from marketplace.salespoint.selectors import counter_sale_lines_sold


def counter_sales_rows(query: SalesQuery) -> list[SalesRow]:
    if not query.warehouse_ids or not query.product_ids:
        return []
    lines = counter_sale_lines_sold(warehouse_ids=query.warehouse_ids, product_ids=query.product_ids,
                                    start=query.start, end=query.end)
    return [SalesRow(product_id=line.product_variant.product_id, variant_id=line.product_variant_id,
                     quantity=line.quantity, revenue=line.total_price, sold_at=line.sale.created_at,
                     channel=COUNTER, warehouse_id=line.sale.warehouse_id, order_ref=line.sale.number)
            for line in lines]
