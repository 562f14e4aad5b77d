"""Saleor's OrderFilterInput / OrderWhereInput (the parts we serve) turned into the selector's OrderFilter."""

from __future__ import annotations

import graphene

from marketplace.graphql.core.enums import OrderDirection
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.saleor_enums import saleor_enum
from marketplace.graphql.core.uuid_ids import uuid_from_global_id
from marketplace.graphql.order.enums import OrderAuthorizeStatusEnum, OrderChargeStatusEnum, OrderStatus
from marketplace.order.staff_selectors import OrderFilter

OrderStatusFilter = saleor_enum("OrderStatusFilter", """READY_TO_FULFILL READY_TO_CAPTURE UNFULFILLED UNCONFIRMED
    PARTIALLY_FULFILLED FULFILLED CANCELED""")
OrderSortField = saleor_enum("OrderSortField", """NUMBER RANK CREATION_DATE CREATED_AT LAST_MODIFIED_AT CUSTOMER
    PAYMENT FULFILLMENT_STATUS STATUS""")
STATUS_FILTERS = {"READY_TO_FULFILL": ["unfulfilled", "partially_fulfilled"], "READY_TO_CAPTURE": ["unconfirmed"]}


class DateRangeInput(graphene.InputObjectType):
    gte = graphene.Date()
    lte = graphene.Date()


class DateTimeRangeInput(graphene.InputObjectType):
    gte = graphene.DateTime()
    lte = graphene.DateTime()


class IntRangeInput(graphene.InputObjectType):
    gte = graphene.Int()
    lte = graphene.Int()


class IntFilterInput(graphene.InputObjectType):
    eq = graphene.Int()
    one_of = graphene.List(graphene.NonNull(graphene.Int))
    range = graphene.Field(IntRangeInput)


class GlobalIDFilterInput(graphene.InputObjectType):
    eq = graphene.ID()
    one_of = graphene.List(graphene.NonNull(graphene.ID))


class StringFilterInput(graphene.InputObjectType):
    eq = graphene.String()
    one_of = graphene.List(graphene.NonNull(graphene.String))


def _enum_filter(name: str, enum) -> type[graphene.InputObjectType]:
    return type(name, (graphene.InputObjectType,), {"eq": graphene.Field(enum),
                                                    "one_of": graphene.List(graphene.NonNull(enum))})


OrderStatusEnumFilterInput = _enum_filter("OrderStatusEnumFilterInput", OrderStatus)
OrderChargeStatusEnumFilterInput = _enum_filter("OrderChargeStatusEnumFilterInput", OrderChargeStatusEnum)
OrderAuthorizeStatusEnumFilterInput = _enum_filter("OrderAuthorizeStatusEnumFilterInput", OrderAuthorizeStatusEnum)


class OrderFilterInput(graphene.InputObjectType):
    status = graphene.List(graphene.NonNull(OrderStatusFilter))
    customer = graphene.String()
    created = graphene.Field(DateRangeInput)
    search = graphene.String()
    channels = graphene.List(graphene.NonNull(graphene.ID))
    authorize_status = graphene.List(graphene.NonNull(OrderAuthorizeStatusEnum))
    charge_status = graphene.List(graphene.NonNull(OrderChargeStatusEnum))
    updated_at = graphene.Field(DateTimeRangeInput)
    is_click_and_collect = graphene.Boolean()
    ids = graphene.List(graphene.NonNull(graphene.ID))
    numbers = graphene.List(graphene.NonNull(graphene.String))
    warehouses = graphene.List(graphene.NonNull(graphene.ID),
                               description="Orders whose goods come from these sales points/warehouses (OCOP).")


class OrderWhereInput(graphene.InputObjectType):
    ids = graphene.List(graphene.NonNull(graphene.ID))
    number = graphene.Field(IntFilterInput)
    channel_id = graphene.Field(GlobalIDFilterInput)
    created_at = graphene.Field(DateTimeRangeInput)
    updated_at = graphene.Field(DateTimeRangeInput)
    user = graphene.Field(GlobalIDFilterInput)
    user_email = graphene.Field(StringFilterInput)
    authorize_status = graphene.Field(OrderAuthorizeStatusEnumFilterInput)
    charge_status = graphene.Field(OrderChargeStatusEnumFilterInput)
    status = graphene.Field(OrderStatusEnumFilterInput)
    is_click_and_collect = graphene.Boolean()


class OrderSortingInput(graphene.InputObjectType):
    direction = graphene.Field(OrderDirection, required=True)
    field = graphene.Field(OrderSortField, required=True)


def _value(v) -> str:
    return str(getattr(v, "value", v))


def _one_of(f) -> list:
    if not f:
        return []
    return [f.eq] if f.get("eq") is not None else list(f.get("one_of") or [])


def _numbers(values) -> list[int]:
    return [int(n) for n in values if str(n).isdigit()] or ([-1] if values else [])


def order_filter_from_input(*, filter=None, where=None, search: str | None = None, channel: str | None = None
                            ) -> OrderFilter:
    f, w = filter or {}, where or {}
    statuses = []
    for status in f.get("status") or []:
        name = _value(status)
        statuses += STATUS_FILTERS.get(name, [name.lower()])
    statuses += [_value(s) for s in _one_of(w.get("status"))]
    numbers = list(f.get("numbers") or []) + [str(n) for n in _one_of(w.get("number"))]
    ids = [uuid_from_global_id(i, "Order", field="ids") for i in (f.get("ids") or []) + (w.get("ids") or [])]
    created, number_range = f.get("created") or {}, (w.get("number") or {}).get("range") or {}
    created_at = w.get("created_at") or {}
    updated = w.get("updated_at") or f.get("updated_at") or {}
    return OrderFilter(
        search=search or f.get("search") or "", statuses=statuses,
        charge_statuses=[_value(s) for s in (f.get("charge_status") or []) + _one_of(w.get("charge_status"))],
        authorize_statuses=[_value(s) for s in (f.get("authorize_status") or [])
                            + _one_of(w.get("authorize_status"))],
        customer=f.get("customer") or "",
        created_from=created_at.get("gte") or created.get("gte"),
        created_to=created_at.get("lte") or created.get("lte"),
        updated_from=updated.get("gte"), updated_to=updated.get("lte"),
        channel_ids=[pk_from_global_id(c, "Channel", field="channels") for c in (f.get("channels") or [])
                     + _one_of(w.get("channel_id"))],
        channel_slug=channel or "",
        warehouse_ids=[pk_from_global_id(x, "Warehouse", field="warehouses") for x in f.get("warehouses") or []],
        is_click_and_collect=w.get("is_click_and_collect", f.get("is_click_and_collect")),
        numbers=_numbers(numbers), ids=ids,
        user_ids=[pk_from_global_id(u, "User", field="user") for u in _one_of(w.get("user"))],
        emails=[str(e) for e in _one_of(w.get("user_email"))],
        number_gte=number_range.get("gte"), number_lte=number_range.get("lte"),
    )
