"""Checkout reads. `checkout_info_get` gathers, once, everything the API and pages show about a checkout:
priced lines, what blocks each line, delivery options and totals (Saleor's CheckoutInfo)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import QuerySet, Sum

from marketplace.checkout.models import Checkout, CheckoutLine
from marketplace.checkout.purchase import VariantPurchase, variants_purchase_info
from marketplace.salespoint.selectors import pickup_point_warehouse_ids
from marketplace.shipping.selectors import ShippingOption, shipping_option_get, shipping_options_for
from marketplace.warehouse.models import Warehouse, WarehouseClickAndCollectOption
from marketplace.warehouse.reservations import reservations_expiry_for
from marketplace.warehouse.selectors import collection_points_for, variants_available_for_checkout


@dataclass(frozen=True)
class LineInfo:
    line: CheckoutLine
    purchase: VariantPurchase
    available: int  # units this checkout could have (its own reservations included)

    @property
    def variant(self):
        return self.purchase.variant

    @property
    def product(self):
        return self.purchase.variant.product

    @property
    def unit_price(self) -> Decimal:
        return self.purchase.price.price if self.purchase.price else Decimal(0)

    @property
    def undiscounted_unit_price(self) -> Decimal:
        return self.purchase.price.undiscounted if self.purchase.price else Decimal(0)

    @property
    def total_price(self) -> Decimal:
        return self.unit_price * self.line.quantity

    @property
    def undiscounted_total_price(self) -> Decimal:
        return self.undiscounted_unit_price * self.line.quantity

    @property
    def problem(self) -> str | None:
        """"variant_not_available", "insufficient_stock" or None (Saleor's CheckoutLineProblem kinds)."""
        if not self.purchase.ok:
            return "variant_not_available"
        if self.available < self.line.quantity:
            return "insufficient_stock"
        return None


@dataclass
class CheckoutInfo:
    checkout: Checkout
    lines: list[LineInfo]
    shipping_option: ShippingOption | None
    collection_point: Warehouse | None
    available_shipping: list[ShippingOption] = field(default_factory=list)

    @property
    def is_pickup(self) -> bool:
        return self.collection_point is not None

    @property
    def pickup_is_local(self) -> bool:
        return (self.collection_point is not None
                and self.collection_point.click_and_collect_option == WarehouseClickAndCollectOption.LOCAL_STOCK)

    @property
    def subtotal(self) -> Decimal:
        return sum((li.total_price for li in self.lines), Decimal(0))

    @property
    def undiscounted_subtotal(self) -> Decimal:
        return sum((li.undiscounted_total_price for li in self.lines), Decimal(0))

    @property
    def shipping_price(self) -> Decimal:
        return self.shipping_option.price if self.shipping_option else Decimal(0)

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.shipping_price

    @property
    def quantity(self) -> int:
        return sum(li.line.quantity for li in self.lines)

    @property
    def is_shipping_required(self) -> bool:
        return any(li.product.product_type.is_shipping_required for li in self.lines)

    @property
    def problems(self) -> list[LineInfo]:
        return [li for li in self.lines if li.problem]

    @property
    def has_delivery(self) -> bool:
        return self.shipping_option is not None or self.collection_point is not None


def checkout_get(*, token: str | uuid.UUID | None) -> Checkout | None:
    try:
        pk = uuid.UUID(str(token))
    except (TypeError, ValueError):
        return None
    return (Checkout.objects.select_related("channel", "user", "shipping_address", "billing_address",
                                            "shipping_method", "collection_point__address")
            .filter(pk=pk).first())


def checkout_lines(checkout: Checkout) -> list[CheckoutLine]:
    # Through the related manager, so each line's `.checkout` is this very object (no query per line).
    return list(checkout.lines.order_by("created_at", "id"))


def checkout_info_get(*, checkout: Checkout, at: datetime | None = None) -> CheckoutInfo:
    lines = checkout_lines(checkout)
    variant_ids = list({line.variant_id for line in lines})
    purchases = variants_purchase_info(variant_ids=variant_ids, channel_id=checkout.channel_id, at=at)
    point = checkout.collection_point
    local = point is not None and point.click_and_collect_option == WarehouseClickAndCollectOption.LOCAL_STOCK
    available = variants_available_for_checkout(
        variant_ids=variant_ids, channel_id=checkout.channel_id, checkout_line_ids=[line.id for line in lines],
        warehouse_id=point.pk if local else None)
    infos = [LineInfo(line=line, purchase=purchases[line.variant_id], available=available.get(line.variant_id, 0))
             for line in lines if line.variant_id in purchases]
    province = checkout.shipping_address.province_code if checkout.shipping_address and point is None else None
    weight = sum(((li.variant.weight_grams or li.product.weight_grams or 0) * li.line.quantity for li in infos), 0)
    options = shipping_options_for(province_code=province, channel_id=checkout.channel_id,
                                   subtotal=sum((li.total_price for li in infos), Decimal(0)), weight_grams=weight)
    option = None
    if checkout.shipping_method_id and point is None:
        option = next((o for o in options if o.method.pk == checkout.shipping_method_id), None)
    return CheckoutInfo(checkout=checkout, lines=infos, shipping_option=option, collection_point=point,
                        available_shipping=options)


def checkout_collection_points(*, info: CheckoutInfo) -> list[Warehouse]:
    """Where this checkout can be collected (Saleor's availableCollectionPoints): sales points open for pickup
    (an active, public SalesPoint profile with click-and-collect on) that can supply the whole basket now. A
    warehouse with click-and-collect set but no sales-point profile is not a place a shopper can walk into."""
    demand: dict[int, int] = {}
    for li in info.lines:
        demand[li.line.variant_id] = demand.get(li.line.variant_id, 0) + li.line.quantity
    return collection_points_for(demand=demand, channel_id=info.checkout.channel_id,
                                 checkout_line_ids=[li.line.id for li in info.lines],
                                 warehouse_ids=pickup_point_warehouse_ids(channel_id=info.checkout.channel_id))


def checkout_collection_point_open(*, info: CheckoutInfo) -> bool:
    """The chosen collection point still takes pickups (its profile may have been switched off since)."""
    point = info.collection_point
    return point is None or point.pk in pickup_point_warehouse_ids(channel_id=info.checkout.channel_id)


def checkout_shipping_option(*, checkout: Checkout, method_id: int) -> ShippingOption | None:
    province = checkout.shipping_address.province_code if checkout.shipping_address else None
    return shipping_option_get(method_id=method_id, province_code=province, channel_id=checkout.channel_id)


def checkout_reservation_expires(*, checkout: Checkout) -> datetime | None:
    return reservations_expiry_for(checkout_line_ids=CheckoutLine.objects.filter(checkout=checkout)
                                   .values_list("id", flat=True))


def checkouts_for_user(*, user_id: int, channel_id: int | None = None) -> QuerySet[Checkout]:
    qs = Checkout.objects.filter(user_id=user_id)
    return qs.filter(channel_id=channel_id) if channel_id else qs


def checkout_units_for_client(*, client_address: str, since: datetime, exclude_token: uuid.UUID | None = None) -> int:
    """Units in the checkouts whose lines last changed from this address since `since` (other than this one)."""
    lines = CheckoutLine.objects.filter(checkout__client_address=client_address, checkout__updated_at__gte=since)
    if exclude_token is not None:
        lines = lines.exclude(checkout_id=exclude_token)
    return int(lines.aggregate(n=Sum("quantity"))["n"] or 0)
