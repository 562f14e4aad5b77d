"""Saleor's warehouse queries and stock mutations. Reading stock needs a sales-point role (scoped to the
operator's points) or MANAGE_PRODUCTS / MANAGE_ORDERS; changing it needs a sales-point role and scope."""

from __future__ import annotations

import graphene
from django.db.models import Q

from marketplace.core.errors import DomainError
from marketplace.graphql.core.errors import coded_error
from marketplace.graphql.core.ids import pk_from_global_id, pks_from_global_ids
from marketplace.graphql.core.pagination import connection_args, paginate
from marketplace.graphql.warehouse.inputs import StockFilterInput, WarehouseFilterInput, WarehouseSortingInput
from marketplace.graphql.warehouse.mutations.product_variant_stocks_update import ProductVariantStocksUpdate
from marketplace.graphql.warehouse.mutations.stock_bulk_update import StockBulkUpdate
from marketplace.graphql.warehouse.types import (
    Stock,
    StockCountableConnection,
    Warehouse,
    WarehouseCountableConnection,
    can_read,
)
from marketplace.salespoint import selectors


def denied(error: DomainError):
    return coded_error(error.message, "PermissionDenied")


def _warehouses(info):
    try:
        return selectors.warehouses_for_user(user=info.context.user)
    except DomainError as exc:
        raise denied(exc)


def _filter_warehouses(qs, data):
    if not data:
        return qs
    if data.get("search"):
        text = data["search"]
        qs = qs.filter(Q(name__unaccent__icontains=text) | Q(email__icontains=text)
                       | Q(company_name__unaccent__icontains=text)
                       | Q(address__street_address_1__unaccent__icontains=text)
                       | Q(address__city__unaccent__icontains=text)
                       | Q(address__country_area__unaccent__icontains=text))
    if data.get("ids"):
        qs = qs.filter(pk__in=pks_from_global_ids(data["ids"], "Warehouse", field="ids"))
    if data.get("slugs"):
        qs = qs.filter(slug__in=data["slugs"])
    if data.get("is_private") is not None:
        qs = qs.filter(is_private=data["is_private"])
    if data.get("channels"):
        qs = qs.filter(channels__pk__in=pks_from_global_ids(data["channels"], "Channel", field="channels"))
    if data.get("click_and_collect_option") is not None:
        option = data["click_and_collect_option"]
        qs = qs.filter(click_and_collect_option=getattr(option, "value", option))
    for item in data.get("metadata") or []:
        qs = qs.filter(metadata__contains={item["key"]: item["value"]}) if item.get("value") is not None \
            else qs.filter(metadata__has_key=item["key"])
    return qs.distinct()


class WarehouseQueries(graphene.ObjectType):
    warehouse = graphene.Field(Warehouse, id=graphene.ID(), external_reference=graphene.String())
    warehouses = graphene.Field(WarehouseCountableConnection, filter=WarehouseFilterInput(),
                                sort_by=WarehouseSortingInput(), **connection_args())
    stock = graphene.Field(Stock, id=graphene.ID(required=True))
    stocks = graphene.Field(StockCountableConnection, filter=StockFilterInput(), **connection_args())

    @staticmethod
    def resolve_warehouse(root, info, id=None, external_reference=None):
        qs = _warehouses(info)
        if id is not None:
            return qs.filter(pk=pk_from_global_id(id, "Warehouse")).first()
        if external_reference is not None:
            return qs.filter(external_reference=external_reference).first()
        return None

    @staticmethod
    def resolve_warehouses(root, info, filter=None, sort_by=None, **kwargs):
        qs = _filter_warehouses(_warehouses(info), filter)
        if sort_by is not None and getattr(sort_by.direction, "value", sort_by.direction) == "desc":
            qs = qs.order_by("-name", "-pk")
        return paginate(qs, **kwargs)

    @staticmethod
    def resolve_stock(root, info, id):
        try:
            selectors.warehouse_ids_readable(user=info.context.user)
        except DomainError as exc:
            raise denied(exc)
        stock = selectors.stock_line_get(stock_id=pk_from_global_id(id, "Stock"))
        return stock if stock is not None and can_read(info, stock.warehouse_id) else None

    @staticmethod
    def resolve_stocks(root, info, filter=None, **kwargs):
        filter = filter or {}
        quantity = filter.get("quantity")
        try:
            qs = selectors.stocks_for_user(user=info.context.user, search=filter.get("search") or "",
                                           quantity=int(quantity) if quantity is not None else None)
        except DomainError as exc:
            raise denied(exc)
        return paginate(qs, **kwargs)


class WarehouseMutations(graphene.ObjectType):
    product_variant_stocks_update = ProductVariantStocksUpdate.Field()
    stock_bulk_update = StockBulkUpdate.Field()
