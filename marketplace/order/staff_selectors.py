"""Order reads for staff: the order list with Saleor's filters (status, payment status, customer, dates, channel)
plus the sales point the goods come from, search, and one order with its fulfilments and timeline."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, Q, QuerySet

from marketplace.order.models import Fulfillment, FulfillmentLine, Order, OrderStatus
from marketplace.order.selectors import _with_details

SORT_FIELDS = {"NUMBER": "number", "CREATED_AT": "created_at", "CREATION_DATE": "created_at",
               "LAST_MODIFIED_AT": "updated_at", "CUSTOMER": "user_email", "STATUS": "status",
               "FULFILLMENT_STATUS": "status"}


@dataclass(frozen=True)
class OrderFilter:
    search: str = ""
    statuses: list[str] = field(default_factory=list)
    charge_statuses: list[str] = field(default_factory=list)
    authorize_statuses: list[str] = field(default_factory=list)
    customer: str = ""
    created_from: date | datetime | None = None
    created_to: date | datetime | None = None
    updated_from: datetime | None = None
    updated_to: datetime | None = None
    channel_ids: list[int] = field(default_factory=list)
    channel_slug: str = ""
    warehouse_ids: list[int] = field(default_factory=list)  # the sales point / warehouse the goods come from
    is_click_and_collect: bool | None = None
    numbers: list[int] = field(default_factory=list)
    ids: list[uuid.UUID] = field(default_factory=list)
    user_ids: list[int] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    number_gte: int | None = None
    number_lte: int | None = None


def _start(value) -> datetime | date:
    return datetime.combine(value, time.min) if type(value) is date else value


def _text_q(text: str) -> Q:
    q = (Q(user_email__icontains=text) | Q(user__first_name__icontains=text) | Q(user__last_name__icontains=text)
         | Q(billing_address__first_name__icontains=text) | Q(shipping_address__first_name__icontains=text)
         | Q(billing_address__phone__icontains=text) | Q(shipping_address__phone__icontains=text)
         | Q(lines__product_name__icontains=text) | Q(lines__product_sku__iexact=text)
         | Q(fulfillments__tracking_number__iexact=text))
    number = text.lstrip("#")
    if number.isdigit() and len(number) < 10:
        q |= Q(number=int(number))
    return q


def orders_for_staff(*, filters: OrderFilter | None = None, sort_field: str = "NUMBER",
                     descending: bool = True) -> QuerySet[Order]:
    """Every order (drafts excluded), newest first, filtered. Permission is the caller's check (MANAGE_ORDERS)."""
    f = filters or OrderFilter()
    qs = Order.objects.exclude(status=OrderStatus.DRAFT)
    if f.search.strip():
        qs = qs.filter(pk__in=Order.objects.filter(_text_q(f.search.strip())).values("pk"))
    if f.customer.strip():
        text = f.customer.strip()
        qs = qs.filter(pk__in=Order.objects.filter(
            Q(user_email__icontains=text) | Q(user__first_name__icontains=text) | Q(user__last_name__icontains=text)
            | Q(billing_address__first_name__icontains=text)).values("pk"))
    if f.statuses:
        qs = qs.filter(status__in=f.statuses)
    if f.charge_statuses:
        qs = qs.filter(charge_status__in=f.charge_statuses)
    if f.authorize_statuses:
        qs = qs.filter(authorize_status__in=f.authorize_statuses)
    if f.created_from:
        qs = qs.filter(created_at__gte=_start(f.created_from))
    if f.created_to:
        end = f.created_to
        qs = qs.filter(created_at__lt=_start(end) + timedelta(days=1)) if type(end) is date else qs.filter(
            created_at__lte=end)
    if f.updated_from:
        qs = qs.filter(updated_at__gte=f.updated_from)
    if f.updated_to:
        qs = qs.filter(updated_at__lte=f.updated_to)
    if f.channel_ids:
        qs = qs.filter(channel_id__in=f.channel_ids)
    if f.channel_slug:
        qs = qs.filter(channel__slug=f.channel_slug)
    if f.warehouse_ids:
        qs = qs.filter(pk__in=Order.objects.filter(
            Q(collection_point_id__in=f.warehouse_ids) | Q(fulfillments__warehouse_id__in=f.warehouse_ids)
            | Q(lines__allocations__stock__warehouse_id__in=f.warehouse_ids)).values("pk"))
    if f.is_click_and_collect is not None:
        qs = qs.filter(collection_point__isnull=not f.is_click_and_collect)
    if f.numbers:
        qs = qs.filter(number__in=f.numbers)
    if f.ids:
        qs = qs.filter(pk__in=f.ids)
    if f.user_ids:
        qs = qs.filter(user_id__in=f.user_ids)
    if f.emails:
        qs = qs.filter(user_email__in=f.emails)
    if f.number_gte is not None:
        qs = qs.filter(number__gte=f.number_gte)
    if f.number_lte is not None:
        qs = qs.filter(number__lte=f.number_lte)
    column = SORT_FIELDS.get(sort_field, "number")
    return qs.select_related("channel", "user", "shipping_address", "billing_address").order_by(
        f"-{column}" if descending else column, "-number")


def order_fulfillments(*, order_id) -> list[Fulfillment]:
    """The order's fulfilments, oldest first, with their lines and warehouse."""
    return list(Fulfillment.objects.filter(order_id=order_id).select_related("warehouse").prefetch_related(
        Prefetch("lines", queryset=FulfillmentLine.objects.select_related("order_line").order_by("pk")))
        .order_by("fulfillment_order"))


def fulfillment_get(*, fulfillment_id: int) -> Fulfillment | None:
    return Fulfillment.objects.select_related("order", "warehouse").filter(pk=fulfillment_id).first()


def order_get_for_staff(*, order_id) -> Order | None:
    try:
        pk = uuid.UUID(str(order_id))
    except ValueError:
        return None
    return _with_details(Order.objects.filter(pk=pk)).first()


def order_status_choices() -> list[tuple[str, str]]:
    return [(value, label) for value, label in OrderStatus.choices if value != OrderStatus.DRAFT]


def order_charge_status_choices() -> list[tuple[str, str]]:
    from marketplace.order.models import OrderChargeStatus

    return list(OrderChargeStatus.choices)


@dataclass
class StaffOrderLine:
    """An order line as the order page shows it: what is left to ship, what came back, where it is allocated."""

    line: object
    returned: int
    allocated_at: list[tuple[int, str, int]]  # (warehouse id, name, units)

    @property
    def returnable(self) -> int:
        return self.line.quantity_fulfilled - self.returned


def order_lines_for_staff(*, order: Order) -> list[StaffOrderLine]:
    from marketplace.order.returns import order_line_quantities_returned
    from marketplace.warehouse.selectors import allocations_for_order_lines

    lines = list(order.lines.all())
    allocations = allocations_for_order_lines(order_line_ids=[line.pk for line in lines])
    returned = order_line_quantities_returned(order_id=order.pk)
    return [StaffOrderLine(line=line, returned=returned.get(str(line.pk), 0), allocated_at=[
        (a.stock.warehouse_id, a.stock.warehouse.name, a.quantity_allocated)
        for a in allocations if a.order_line_id == line.pk and a.quantity_allocated > 0]) for line in lines]
