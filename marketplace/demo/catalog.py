"""Demo prices and stock for the products that pass the listing rule (the registry has neither)."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from marketplace.certification.selectors import products_listable
from marketplace.product import batch_selectors
from marketplace.product import services as product_services
from marketplace.warehouse.models import StockMovementKind
from marketplace.warehouse.services import stock_get_or_create, stock_move

PRICE_STEPS = [35_000, 45_000, 65_000, 85_000, 120_000, 150_000, 180_000, 250_000, 320_000, 450_000]


def _stable_int(text: str) -> int:
    return int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)


def demo_prices_and_stock(*, channel_id: int, warehouse_ids: list[int], leave_unpriced: int = 2) -> int:
    """Give every listable product a price per packaging and stock at the sales points. The last
    `leave_unpriced` products stay without a price, to show "not on sale yet". Idempotent."""
    products = list(products_listable().order_by("pk"))
    priced = products[:-leave_unpriced] if leave_unpriced else products
    variants = batch_selectors.variants_by_product_ids([p.pk for p in priced])
    count = 0
    for product in priced:
        for order, variant in enumerate(variants.get(product.pk, [])):
            base = PRICE_STEPS[_stable_int(product.name) % len(PRICE_STEPS)]
            product_services.variant_price_set(variant=variant, channel_id=channel_id,
                                               price=Decimal(base + order * base // 2))
            for position, warehouse_id in enumerate(warehouse_ids):
                stock = stock_get_or_create(warehouse_id=warehouse_id, variant_id=variant.pk)
                if stock.quantity == 0:
                    quantity = 3 + _stable_int(f"{variant.pk}-{warehouse_id}") % 40
                    if position == 1 and _stable_int(product.name) % 3 == 0:
                        continue  # not every product at every point
                    stock_move(stock_id=stock.pk, kind=StockMovementKind.RECEIVE, quantity_delta=quantity,
                               reference="PN-DEMO", reason="Nhập hàng demo")
        count += 1
    return count


def demo_placeholder_images() -> int:
    """A generated picture for every listable product that has none (registry images are never fetched)."""
    from marketplace.product.placeholder_images import placeholder_png

    products = list(products_listable().order_by("pk"))
    media = batch_selectors.media_by_product_ids([p.pk for p in products])
    count = 0
    for product in products:
        if media.get(product.pk):
            continue
        product_services.product_media_create(product=product, image_name=f"{product.slug}.png",
                                              image_bytes=placeholder_png(product.name), alt=product.name)
        count += 1
    return count
