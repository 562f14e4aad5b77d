"""Demo click-and-collect orders, so the operator's pickup queue has work on a fresh demo: two cash-on-delivery
orders to collect at the Hà Tĩnh centre, placed through the same services a shopper's checkout uses. Running it
again adds nothing (orders are keyed by the demo shopper's email)."""

from __future__ import annotations

from django.conf import settings

from marketplace.account.addresses import CONTACT_ONLY
from marketplace.checkout import services as checkout_services
from marketplace.checkout.complete import checkout_complete
from marketplace.order.models import Order
from marketplace.payment.models import COD_GATEWAY
from marketplace.warehouse.models import Stock

DEMO_SHOPPERS = [("lan.nguyen@example.com", "Nguyễn Thị Lan", "0912345678"),
                 ("minh.tran@example.com", "Trần Văn Minh", "0987654321")]


def demo_pickup_orders_create(*, warehouse_id: int) -> list[Order]:
    """Cash-on-delivery pickup orders at a sales point, for variants it has in stock and a price for."""
    stocks = list(Stock.objects.filter(warehouse_id=warehouse_id, quantity__gt=2,
                                       product_variant__channel_listings__price_amount__isnull=False)
                  .select_related("product_variant").order_by("pk")[:len(DEMO_SHOPPERS)])
    orders = []
    for (email, name, phone), stock in zip(DEMO_SHOPPERS, stocks, strict=False):
        existing = Order.objects.filter(user_email=email).first()
        if existing is not None:
            orders.append(existing)
            continue
        checkout = checkout_services.checkout_create(
            channel_slug=settings.DEFAULT_CHANNEL_SLUG, email=email,
            lines=[checkout_services.LineInput(variant_id=stock.product_variant_id, quantity=1)])
        checkout = checkout_services.checkout_billing_address_update(
            checkout=checkout, data={"first_name": name, "phone": phone}, rules=CONTACT_ONLY)
        checkout = checkout_services.checkout_delivery_method_update(checkout=checkout, warehouse_id=warehouse_id)
        orders.append(checkout_complete(checkout_token=checkout.pk, gateway=COD_GATEWAY))
    return orders
