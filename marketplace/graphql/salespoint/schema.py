"""OCOP sales-point queries and mutations. `salesPoints` is public (active, non-private points); the stock, the
ledger, transfers and receipts are for the point's operators, promotion staff and admins."""

from __future__ import annotations

import graphene
from django.db.models import Q

from marketplace.core.errors import DomainError
from marketplace.core.geography import province_resolve
from marketplace.graphql.core.errors import coded_error
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.pagination import connection_args, connection_type, paginate
from marketplace.graphql.salespoint import enums
from marketplace.graphql.salespoint.ids import warehouse_pk
from marketplace.graphql.salespoint.inputs import SalesPointFilterInput
from marketplace.graphql.salespoint.mutations.counter import CounterSaleCreate, CounterSaleVoid
from marketplace.graphql.salespoint.mutations.stock import StockAdjust, StockReceive, StockThresholdSet
from marketplace.graphql.salespoint.mutations.transfers import (
    StockTransferCancel,
    StockTransferCreate,
    StockTransferReceive,
    StockTransferShip,
)
from marketplace.graphql.salespoint.types import (
    CounterSale,
    SalesPoint,
    SalesPointCountableConnection,
    StockMovementCountableConnection,
    StockTransfer,
)
from marketplace.salespoint import ledger, selectors
from marketplace.salespoint.scope import salespoint_check_operator

StockTransferCountableConnection = connection_type(StockTransfer, "StockTransfer")


def _point_scope(info, global_id: str) -> int:
    """The warehouse of a point the viewer operates, or a top-level PermissionDenied."""
    try:
        warehouse_id = warehouse_pk(global_id, field="warehouse")
        salespoint_check_operator(user=info.context.user, warehouse_id=warehouse_id)
    except DomainError as exc:
        raise coded_error(exc.message, "PermissionDenied" if exc.code in (
            "PERMISSION_DENIED", "OUT_OF_SCOPE") else exc.code, field="warehouse")
    return warehouse_id


def _filter_points(qs, data):
    if not data:
        return qs
    if data.get("search"):
        text = data["search"]
        qs = qs.filter(Q(warehouse__name__unaccent__icontains=text)
                       | Q(address_as_published__unaccent__icontains=text)
                       | Q(warehouse__address__city__unaccent__icontains=text))
    if data.get("province"):
        province = province_resolve(data["province"])
        qs = qs.filter(warehouse__address__province_code=province.code if province else "-")
    if data.get("kind"):
        qs = qs.filter(kind__in=[getattr(k, "value", k) for k in data["kind"]])
    return qs


class SalesPointQueries(graphene.ObjectType):
    sales_points = graphene.Field(SalesPointCountableConnection, filter=SalesPointFilterInput(),
                                  description="OCOP sales points (public list; `mine` for operators).",
                                  **connection_args())
    sales_point = graphene.Field(SalesPoint, id=graphene.ID(), slug=graphene.String())
    stock_movements = graphene.Field(
        StockMovementCountableConnection, warehouse=graphene.ID(required=True),
        kinds=graphene.List(graphene.NonNull(enums.StockMovementKindEnum)), date_from=graphene.Date(),
        date_to=graphene.Date(), search=graphene.String(), description="A point's stock ledger (OCOP).",
        **connection_args())
    stock_transfers = graphene.Field(StockTransferCountableConnection, warehouse=graphene.ID(required=True),
                                     **connection_args())
    counter_sale = graphene.Field(CounterSale, number=graphene.String(required=True))

    @staticmethod
    def resolve_sales_points(root, info, filter=None, **kwargs):
        if filter and filter.get("mine"):
            qs = selectors.sales_points_for_user(user=info.context.user)
        else:
            qs = selectors.sales_points_public()
        return paginate(_filter_points(qs, filter), **kwargs)

    @staticmethod
    def resolve_sales_point(root, info, id=None, slug=None):
        if id is not None:
            return SalesPoint.get_visible_node(info, pk_from_global_id(id, "SalesPoint"))
        if slug is not None:
            point = selectors.sales_points_public().filter(warehouse__slug=slug).first()
            if point is None:
                try:
                    point = selectors.sales_point_for_user(user=info.context.user, slug=slug)
                except DomainError:
                    return None
            return point
        return None

    @staticmethod
    def resolve_stock_movements(root, info, warehouse, kinds=None, date_from=None, date_to=None, search=None,
                                **kwargs):
        warehouse_id = _point_scope(info, warehouse)
        qs = ledger.stock_ledger(warehouse_ids=[warehouse_id], kinds=[getattr(k, "value", k) for k in kinds or []],
                                 date_from=date_from, date_to=date_to, search=search or "")
        return paginate(qs, **kwargs)

    @staticmethod
    def resolve_stock_transfers(root, info, warehouse, **kwargs):
        return paginate(selectors.transfers_for_point(warehouse_id=_point_scope(info, warehouse)), **kwargs)

    @staticmethod
    def resolve_counter_sale(root, info, number):
        try:
            return selectors.counter_sale_for_user(user=info.context.user, number=number)
        except DomainError as exc:
            if exc.code == "NOT_FOUND":
                return None
            raise coded_error(exc.message, "PermissionDenied")


class SalesPointMutations(graphene.ObjectType):
    stock_receive = StockReceive.Field()
    stock_adjust = StockAdjust.Field()
    stock_threshold_set = StockThresholdSet.Field()
    stock_transfer_create = StockTransferCreate.Field()
    stock_transfer_ship = StockTransferShip.Field()
    stock_transfer_receive = StockTransferReceive.Field()
    stock_transfer_cancel = StockTransferCancel.Field()
    counter_sale_create = CounterSaleCreate.Field()
    counter_sale_void = CounterSaleVoid.Field()
