"""Order reads: a shopper's history, a guest's lookup by token, the sales point's pickup queue."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from marketplace.order.models import Order, OrderChargeStatus, OrderEvent, OrderLine, OrderStatus

ACTIVE_STATUSES = (OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED, OrderStatus.PARTIALLY_FULFILLED)


def _with_details(qs: QuerySet[Order]) -> QuerySet[Order]:
    return qs.select_related("channel", "shipping_address", "billing_address", "collection_point__address",
                             "user").prefetch_related(
        Prefetch("lines", queryset=OrderLine.objects.select_related("variant__product").order_by("created_at", "id")))


def order_get(*, order_id: uuid.UUID | str) -> Order | None:
    try:
        pk = uuid.UUID(str(order_id))
    except ValueError:
        return None
    return _with_details(Order.objects.filter(pk=pk)).first()


def order_get_by_number(*, number: int) -> Order | None:
    return _with_details(Order.objects.filter(number=number)).first()


def order_get_by_checkout_token(*, checkout_token: str) -> Order | None:
    return Order.objects.filter(checkout_token=str(checkout_token)).first()


def orders_for_user(*, user_id: int) -> QuerySet[Order]:
    return _with_details(Order.objects.filter(user_id=user_id)).order_by("-number")


def orders_for_pickup(*, warehouse_ids: Iterable[int], ready_only: bool = False) -> QuerySet[Order]:
    """Orders to be collected at these sales points: placed, not yet handed over, not cancelled, newest last
    (the counter serves in arrival order). Unpaid card orders are not included until they are paid."""
    qs = _with_details(Order.objects.filter(collection_point_id__in=list(warehouse_ids),
                                            status__in=[OrderStatus.UNFULFILLED, OrderStatus.PARTIALLY_FULFILLED]))
    if ready_only:
        qs = qs.filter(pickup_ready_at__isnull=False)
    return qs.order_by("created_at", "number")


def orders_unpaid_due(*, now: datetime | None = None) -> QuerySet[Order]:
    """Orders never paid by their deadline (they hold stock that others could buy): card orders, and
    cash-at-pickup orders not collected within PICKUP_COD_HOLD_DAYS of being ready."""
    return Order.objects.filter(status__in=[OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED],
                                charge_status__in=[OrderChargeStatus.NONE, OrderChargeStatus.PARTIAL],
                                payment_due_at__lte=now or timezone.now())


def order_events(*, order_id) -> list[OrderEvent]:
    return list(OrderEvent.objects.filter(order_id=order_id).select_related("user").order_by("date", "pk"))


def order_is_paid(order: Order) -> bool:
    return order.charge_status in (OrderChargeStatus.FULL, OrderChargeStatus.OVERCHARGED)


def order_can_be_viewed_in_full(*, order: Order, user) -> bool:
    """Owner, order staff, or anyone holding a guest order's token (the UUID is the guest's only key)."""
    from marketplace.core.permissions import OrderPermissions, has_permissions

    signed_in = user is not None and getattr(user, "is_authenticated", False)
    if signed_in and (order.user_id == user.pk or has_permissions(user, OrderPermissions.MANAGE_ORDERS)):
        return True
    return order.user_id is None


def order_awaits_card_payment(order: Order) -> bool:
    """Placed, not paid, and not set to cash on delivery: the shopper can still pay by card."""
    from marketplace.order.models import PAY_ON_DELIVERY_GATEWAYS

    return (order.status == OrderStatus.UNCONFIRMED and not order_is_paid(order)
            and order.payment_gateway not in PAY_ON_DELIVERY_GATEWAYS)


def order_is_open(order: Order) -> bool:
    return order.status in ACTIVE_STATUSES


def orders_with_cancelled_lines(*, queryset: QuerySet[Order] | None = None) -> QuerySet[Order]:
    """Orders with at least one line withdrawn after placing (for the staff order list: a filter and a flag)."""
    qs = queryset if queryset is not None else Order.objects.all()
    return qs.filter(Exists(OrderLine.objects.filter(order_id=OuterRef("pk"), canceled_at__isnull=False)))


def order_lines_cancelled(*, order_id) -> list[OrderLine]:
    """The order's withdrawn lines with their reason codes (OrderLine.cancel_reason), oldest first."""
    return list(OrderLine.objects.filter(order_id=order_id, canceled_at__isnull=False).order_by("canceled_at", "id"))


def orders_overcharged(*, order_ids: list | None = None, limit: int = 200) -> QuerySet[Order]:
    """Orders holding more money than they cost (lines withdrawn after payment, or cancelled ones still
    holding money): marketplace.payment refunds the difference."""
    from django.db.models import F

    qs = Order.objects.filter(pk__in=order_ids) if order_ids is not None else Order.objects.all()
    return qs.filter(
        Q(status__in=[OrderStatus.CANCELED, OrderStatus.EXPIRED], total_charged_amount__gt=0)
        | Q(status__in=ACTIVE_STATUSES, total_charged_amount__gt=F("total_amount"))).order_by("updated_at")[:limit]


def orders_count_by_status(*, since: datetime) -> list[tuple[str, str, int]]:
    """(status, label, count) of orders placed since `since` (e.g. midnight in Vietnam), every status but draft."""
    rows = (Order.objects.filter(created_at__gte=since).exclude(status=OrderStatus.DRAFT)
            .values("status").annotate(n=Count("pk")))
    counts = {row["status"]: row["n"] for row in rows}
    return [(value, str(label), counts.get(value, 0)) for value, label in OrderStatus.choices
            if value != OrderStatus.DRAFT]
