"""Reads for sales points: the points a user may see, stock tables with blocked/low flags, alerts, transfers,
receipts, and the public list. The ledger reads are in ledger.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from marketplace.certification.selectors import product_is_listable, valid_certificates
from marketplace.core.errors import DomainError
from marketplace.core.permissions import OrderPermissions, ProductPermissions, has_permissions
from marketplace.product.models import ProductVariant
from marketplace.salespoint.error_codes import SalesPointErrorCode
from marketplace.salespoint.models import (
    CounterSale,
    CounterSaleLine,
    CounterSaleStatus,
    PaymentMethod,
    SalesPoint,
    StockTransfer,
)
from marketplace.salespoint.pickups import PickupOrder, pickup_backend_get
from marketplace.salespoint.scope import salespoint_check_operator, user_is_sales_staff, warehouse_ids_in_scope
from marketplace.warehouse.models import Stock, Warehouse, WarehouseClickAndCollectOption

SEARCH_LIMIT = 20


def sales_points_for_user(*, user) -> QuerySet[SalesPoint]:
    """The points this user operates (all of them for promotion staff and admins)."""
    qs = SalesPoint.objects.select_related("warehouse", "warehouse__address").order_by("warehouse__name")
    scope = warehouse_ids_in_scope(user=user)
    return qs if scope is None else qs.filter(warehouse_id__in=scope)


def sales_point_warehouse_id(*, sales_point_id: int) -> int | None:
    return SalesPoint.objects.filter(pk=sales_point_id).values_list("warehouse_id", flat=True).first()


def sales_point_for_user(*, user, slug: str | None = None, warehouse_id: int | None = None) -> SalesPoint:
    """One point, or DomainError NOT_FOUND / PERMISSION_DENIED / OUT_OF_SCOPE."""
    qs = SalesPoint.objects.select_related("warehouse", "warehouse__address")
    point = qs.filter(warehouse__slug=slug).first() if slug is not None else qs.filter(
        warehouse_id=warehouse_id).first()
    if point is None:
        if not user_is_sales_staff(user):
            raise DomainError(_("Bạn không có quyền thao tác tại điểm bán."),
                              code=SalesPointErrorCode.PERMISSION_DENIED)
        raise DomainError(_("Không tìm thấy điểm bán."), code=SalesPointErrorCode.NOT_FOUND)
    salespoint_check_operator(user=user, warehouse_id=point.warehouse_id)
    return point


def _stock_annotated(qs: QuerySet[Stock], *, at: datetime | None = None) -> QuerySet[Stock]:
    listable = valid_certificates(at=at).filter(product_id=OuterRef("product_variant__product_id"))
    return qs.select_related("product_variant", "product_variant__product", "warehouse").annotate(
        available=F("quantity") - F("quantity_allocated"),
        threshold_value=Coalesce(F("threshold__low_stock_threshold"),
                                 F("warehouse__sales_point__default_low_stock_threshold"), Value(0),
                                 output_field=IntegerField()),
        has_own_threshold=Q(threshold__isnull=False),
        is_blocked=~Exists(listable),
    ).annotate(
        is_low=Case(When(available__lte=F("threshold_value"), then=Value(True)), default=Value(False),
                    output_field=BooleanField()),
    )


def stock_lines(
    *, warehouse_id: int, search: str = "", only_low: bool = False, only_blocked: bool = False,
    at: datetime | None = None,
) -> QuerySet[Stock]:
    """The point's stock table: each line with `available`, `threshold_value`, `is_low` and `is_blocked`."""
    qs = _stock_annotated(Stock.objects.filter(warehouse_id=warehouse_id), at=at)
    if search.strip():
        qs = qs.filter(_variant_text_q(search.strip(), prefix="product_variant__"))
    if only_low:
        qs = qs.filter(is_low=True)
    if only_blocked:
        qs = qs.filter(is_blocked=True)
    return qs.order_by("product_variant__product__name", "product_variant__sort_order", "pk")


def stock_low_alerts(*, warehouse_ids: list[int] | None, at: datetime | None = None) -> QuerySet[Stock]:
    """Stock lines at or under their threshold (None: every point), emptiest first."""
    qs = Stock.objects.filter(warehouse__sales_point__isnull=False)
    if warehouse_ids is not None:
        qs = qs.filter(warehouse_id__in=warehouse_ids)
    return _stock_annotated(qs, at=at).filter(is_low=True).order_by("available", "warehouse__name", "pk")


def stock_blocked_lines(*, warehouse_ids: list[int] | None, at: datetime | None = None) -> QuerySet[Stock]:
    """Stock on a shelf whose product no longer passes the listing rule (expired, revoked, under 3 stars)."""
    qs = Stock.objects.filter(warehouse__sales_point__isnull=False, quantity__gt=0)
    if warehouse_ids is not None:
        qs = qs.filter(warehouse_id__in=warehouse_ids)
    return _stock_annotated(qs, at=at).filter(is_blocked=True).order_by("warehouse__name", "pk")


def stock_summary(*, warehouse_ids: list[int], at: datetime | None = None) -> dict[int, dict[str, int]]:
    """warehouse id -> {"lines", "units", "low", "blocked"} for the dashboard."""
    rows = _stock_annotated(Stock.objects.filter(warehouse_id__in=warehouse_ids), at=at).values(
        "warehouse_id").annotate(
        lines=Count("pk"), units=Coalesce(Sum("quantity"), 0),
        low=Count("pk", filter=Q(is_low=True)), blocked=Count("pk", filter=Q(is_blocked=True, quantity__gt=0)))
    summary = {w: {"lines": 0, "units": 0, "low": 0, "blocked": 0} for w in warehouse_ids}
    for row in rows:
        summary[row["warehouse_id"]] = {k: row[k] for k in ("lines", "units", "low", "blocked")}
    return summary


def warehouse_ids_readable(*, user) -> list[int] | None:
    """Warehouses whose stock this user may read: all for admins, promotion staff and Saleor's product or order
    managers; the assigned points for an operator. Raises PERMISSION_DENIED for anyone else."""
    if not user_is_sales_staff(user) and not (has_permissions(user, ProductPermissions.MANAGE_PRODUCTS)
                                              or has_permissions(user, OrderPermissions.MANAGE_ORDERS)):
        raise DomainError(_("Bạn không có quyền xem tồn kho."), code=SalesPointErrorCode.PERMISSION_DENIED)
    if (has_permissions(user, ProductPermissions.MANAGE_PRODUCTS)
            or has_permissions(user, OrderPermissions.MANAGE_ORDERS)):
        return None
    return warehouse_ids_in_scope(user=user)


def warehouses_for_user(*, user) -> QuerySet[Warehouse]:
    scope = warehouse_ids_readable(user=user)
    qs = Warehouse.objects.select_related("address").order_by("name", "pk")
    return qs if scope is None else qs.filter(pk__in=scope)


def stocks_for_user(*, user, search: str = "", quantity: int | None = None) -> QuerySet[Stock]:
    """Stock lines the user may read, annotated like the stock table."""
    scope = warehouse_ids_readable(user=user)
    qs = Stock.objects.all() if scope is None else Stock.objects.filter(warehouse_id__in=scope)
    if quantity is not None:
        qs = qs.filter(quantity=quantity)
    if search.strip():
        text = search.strip()
        qs = qs.filter(_variant_text_q(text, prefix="product_variant__") | Q(warehouse__name__unaccent__icontains=text))
    return _stock_annotated(qs).order_by("pk")


def stock_line_get(*, stock_id: int) -> Stock | None:
    return _stock_annotated(Stock.objects.filter(pk=stock_id)).first()


def stock_lines_for_variants(*, warehouse_id: int, variant_ids: list[int]) -> QuerySet[Stock]:
    return _stock_annotated(Stock.objects.filter(warehouse_id=warehouse_id, product_variant_id__in=variant_ids))


def stocks_by_ids(*, stock_ids: list[int]) -> QuerySet[Stock]:
    return _stock_annotated(Stock.objects.filter(pk__in=stock_ids))


def stock_for(*, warehouse_id: int, variant_id: int) -> Stock | None:
    return _stock_annotated(Stock.objects.filter(warehouse_id=warehouse_id, product_variant_id=variant_id)).first()


def _variant_text_q(text: str, *, prefix: str = "") -> Q:
    return (Q(**{f"{prefix}product__name__unaccent__icontains": text})
            | Q(**{f"{prefix}name__unaccent__icontains": text})
            | Q(**{f"{prefix}sku__iexact": text}) | Q(**{f"{prefix}sku__icontains": text})
            | Q(**{f"{prefix}barcode": text}))


def counter_lookup(*, warehouse_id: int, query: str, at: datetime | None = None) -> list[Stock]:
    """Find stock lines at the counter: an exact barcode or SKU (a scan) first, else by name."""
    query = query.strip()
    if not query:
        return []
    base = _stock_annotated(Stock.objects.filter(warehouse_id=warehouse_id), at=at)
    exact = list(base.filter(Q(product_variant__barcode=query) | Q(product_variant__sku__iexact=query))[:2])
    if exact:
        return exact
    return list(base.filter(_variant_text_q(query, prefix="product_variant__"))
                .order_by("product_variant__product__name", "pk")[:SEARCH_LIMIT])


def counter_scan(*, warehouse_id: int, code: str) -> Stock:
    """The stock line for a scanned barcode (or typed SKU): BARCODE_NOT_FOUND when nothing on this shelf matches."""
    matches = [s for s in counter_lookup(warehouse_id=warehouse_id, query=code)
               if s.product_variant.barcode == code.strip() or (s.product_variant.sku or "").lower()
               == code.strip().lower()]
    if len(matches) != 1:
        raise DomainError(_("Không có sản phẩm nào tại điểm bán khớp mã “%(code)s”.") % {"code": code.strip()},
                          code=SalesPointErrorCode.BARCODE_NOT_FOUND, field="barcode")
    return matches[0]


def variants_for_receiving(*, query: str, at: datetime | None = None) -> list[ProductVariant]:
    """Variants an operator may receive (their product passes the listing rule), by barcode, SKU or name."""
    query = query.strip()
    if not query:
        return []
    listable = valid_certificates(at=at).filter(product_id=OuterRef("product_id"))
    return list(ProductVariant.objects.select_related("product").filter(Exists(listable))
                .filter(_variant_text_q(query)).order_by("product__name", "sort_order", "pk")[:SEARCH_LIMIT])


def variant_find(*, pk: int | None = None, sku: str | None = None, external_reference: str | None = None
                 ) -> ProductVariant | None:
    """A variant by id, SKU or external reference (the keys Saleor's stock mutations accept)."""
    qs = ProductVariant.objects.select_related("product")
    if pk is not None:
        return qs.filter(pk=pk).first()
    if sku:
        return qs.filter(sku=sku).first()
    if external_reference:
        return qs.filter(external_reference=external_reference).first()
    return None


def variant_by_barcode(*, barcode: str) -> ProductVariant | None:
    """The variant printed with this barcode (or, failing that, with this SKU)."""
    code = barcode.strip()
    if not code:
        return None
    qs = ProductVariant.objects.select_related("product")
    return qs.filter(barcode=code).first() or qs.filter(sku__iexact=code).first()


def warehouse_find(*, pk: int | None = None, external_reference: str | None = None) -> Warehouse | None:
    qs = Warehouse.objects.select_related("address")
    if pk is not None:
        return qs.filter(pk=pk).first()
    if external_reference:
        return qs.filter(external_reference=external_reference).first()
    return None


def transfer_destinations(*, warehouse_id: int) -> QuerySet[SalesPoint]:
    """Active points a transfer from this one may go to."""
    return (SalesPoint.objects.filter(is_active=True).exclude(warehouse_id=warehouse_id)
            .select_related("warehouse", "warehouse__address").order_by("warehouse__name"))


def transfers_for_point(*, warehouse_id: int) -> QuerySet[StockTransfer]:
    return (StockTransfer.objects.filter(Q(source_id=warehouse_id) | Q(destination_id=warehouse_id))
            .select_related("source", "destination").annotate(units=Coalesce(Sum("lines__quantity"), 0))
            .order_by("-created_at", "-pk"))


def transfer_for_user(*, user, transfer_id: int) -> StockTransfer:
    """A transfer the user may see: they operate its source or its destination."""
    transfer = (StockTransfer.objects.select_related("source", "destination", "created_by", "shipped_by",
                                                     "received_by").filter(pk=transfer_id).first())
    if transfer is None:
        raise DomainError(_("Không tìm thấy phiếu chuyển."), code=SalesPointErrorCode.NOT_FOUND)
    try:
        salespoint_check_operator(user=user, warehouse_id=transfer.source_id)
    except DomainError:
        salespoint_check_operator(user=user, warehouse_id=transfer.destination_id)
    return transfer


def transfer_lines(*, transfer_id: int):
    return StockTransfer.objects.get(pk=transfer_id).lines.select_related("product_variant__product")


def counter_sale_for_user(*, user, number: str) -> CounterSale:
    sale = (CounterSale.objects.select_related("warehouse", "warehouse__address", "warehouse__sales_point",
                                               "operator").prefetch_related("lines")
            .filter(number=number).first())
    if sale is None:
        raise DomainError(_("Không tìm thấy hóa đơn."), code=SalesPointErrorCode.NOT_FOUND)
    salespoint_check_operator(user=user, warehouse_id=sale.warehouse_id)
    return sale


def payment_method_choices() -> list[tuple[str, str]]:
    return list(PaymentMethod.choices)


def counter_sales_for_point(*, warehouse_id: int, limit: int = 20) -> list[CounterSale]:
    return list(CounterSale.objects.filter(warehouse_id=warehouse_id).order_by("-created_at", "-pk")[:limit])


def counter_sale_lines_sold(*, warehouse_ids: Iterable[int], product_ids: Iterable[int], start: datetime,
                            end: datetime) -> QuerySet[CounterSaleLine]:
    """Lines of the counter sales made at these points in [start, end) for these products; voided sales are not
    sales. For reports (the fair report reads them): sale and variant are joined in."""
    return (CounterSaleLine.objects
            .filter(sale__warehouse_id__in=list(warehouse_ids), product_variant__product_id__in=list(product_ids),
                    sale__created_at__gte=start, sale__created_at__lt=end)
            .exclude(sale__status=CounterSaleStatus.VOIDED)
            .select_related("sale", "product_variant").order_by("sale__created_at", "pk"))


def pickup_queue(*, user, warehouse_id: int) -> list[PickupOrder]:
    """Online orders to collect at this point (empty while no order backend is plugged in)."""
    salespoint_check_operator(user=user, warehouse_id=warehouse_id)
    backend = pickup_backend_get()
    if backend is None:
        return []
    return backend.orders_for_pickup(warehouse_ids=[warehouse_id])


# --- Public --------------------------------------------------------------------------------------------------


def pickup_point_warehouse_ids(*, channel_id: int | None = None) -> list[int]:
    """Warehouses a shopper may collect an order from: an active, public sales point with click-and-collect on
    (selling in `channel_id` when given). A warehouse without a sales-point profile never is one."""
    qs = SalesPoint.objects.filter(is_active=True, warehouse__is_private=False).exclude(
        warehouse__click_and_collect_option=WarehouseClickAndCollectOption.DISABLED)
    if channel_id is not None:
        qs = qs.filter(warehouse__channels__pk=channel_id)
    return list(qs.values_list("warehouse_id", flat=True).distinct())


def sales_points_public(*, province_code: str | None = None) -> QuerySet[SalesPoint]:
    """Active points open to the public (warehouse not private), for the sales-points page and map."""
    qs = SalesPoint.objects.filter(is_active=True, warehouse__is_private=False).select_related(
        "warehouse", "warehouse__address")
    if province_code:
        qs = qs.filter(warehouse__address__province_code=province_code)
    return qs.order_by("warehouse__address__country_area", "warehouse__name")


@dataclass(frozen=True)
class PointAvailability:
    sales_point: SalesPoint
    quantity: int


def sales_points_with_stock(*, product_id: int, at: datetime | None = None) -> list[PointAvailability]:
    """"Available at": public points holding units of this product that can be sold now. Empty when the product
    fails the listing rule (its stock is blocked everywhere)."""
    if not product_is_listable(product_id=product_id, at=at):
        return []
    rows = (Stock.objects.filter(product_variant__product_id=product_id, warehouse__sales_point__is_active=True,
                                 warehouse__is_private=False)
            .values("warehouse_id").annotate(units=Sum(F("quantity") - F("quantity_allocated")))
            .filter(units__gt=0))
    units = {r["warehouse_id"]: int(r["units"]) for r in rows}
    points = sales_points_public().filter(warehouse_id__in=units)
    return [PointAvailability(sales_point=p, quantity=units[p.warehouse_id]) for p in points]


def sales_points_all() -> QuerySet[SalesPoint]:
    return SalesPoint.objects.select_related("warehouse").order_by("warehouse__name")


def operator_warehouse_ids(*, user_id: int) -> list[int]:
    """The points this person is assigned to (whatever else they may manage)."""
    return list(SalesPoint.objects.filter(operators__pk=user_id).values_list("warehouse_id", flat=True))


def stock_low_count(*, warehouse_ids: list[int] | None, at: datetime | None = None) -> int:
    return stock_low_alerts(warehouse_ids=warehouse_ids, at=at).count()
