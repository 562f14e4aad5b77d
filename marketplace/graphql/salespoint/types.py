"""OCOP types: SalesPoint (public profile; stock only for its operators), StockMovement (the ledger),
StockTransfer, CounterSale, and the error type of OCOP mutations."""

from __future__ import annotations

import graphene

from marketplace.core.errors import DomainError
from marketplace.graphql.account.types import Address
from marketplace.graphql.core.errors import coded_error
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.pagination import connection_args, connection_type, paginate
from marketplace.graphql.core.types import Money, money
from marketplace.graphql.product.types import ProductVariant
from marketplace.graphql.salespoint import enums
from marketplace.graphql.warehouse.types import StockCountableConnection, Warehouse
from marketplace.salespoint import models, selectors
from marketplace.salespoint.scope import user_operates
from marketplace.warehouse import models as warehouse_models


def _value(choice):
    """A model's choice as stored (a TextChoices member set in Python serializes by its value)."""
    return getattr(choice, "value", choice)


class SalesPointError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(enums.SalesPointErrorCode, required=True)
    variants = graphene.List(graphene.NonNull(graphene.ID), description="Variants the error is about.")


def _staff_of(info, warehouse_id: int) -> None:
    if not user_operates(user=info.context.user, warehouse_id=warehouse_id):
        raise coded_error("You do not have permission to see this point's stock.", "PermissionDenied")


class SalesPoint(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    kind = graphene.Field(enums.SalesPointKindEnum, required=True)
    location_category = graphene.Field(enums.SalesPointLocationCategoryEnum, required=True)
    address = graphene.Field(Address, required=True)
    address_as_published = graphene.String(required=True)
    province_code = graphene.String(required=True)
    province = graphene.String(required=True)
    commune = graphene.String(required=True)
    latitude = graphene.Float()
    longitude = graphene.Float()
    area_m2 = graphene.Float()
    opening_hours = graphene.String(required=True)
    contact_name = graphene.String(required=True)
    contact_phone = graphene.String(required=True)
    contact_email = graphene.String(required=True)
    click_and_collect = graphene.Boolean(required=True)
    approval_reference = graphene.String(required=True)
    approval_date = graphene.Date()
    is_active = graphene.Boolean(required=True)
    can_operate = graphene.Boolean(required=True, description="Whether the viewer may act on this point.")
    warehouse = graphene.Field(Warehouse, description="Operators and staff only.")
    stocks = graphene.Field(StockCountableConnection, search=graphene.String(), low=graphene.Boolean(),
                            blocked=graphene.Boolean(), description="Operators and staff only.", **connection_args())

    class Meta:
        model = models.SalesPoint
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        point = models.SalesPoint.objects.select_related("warehouse", "warehouse__address").filter(pk=pk).first()
        if point is None:
            return None
        public = point.is_active and not point.warehouse.is_private
        return point if public or user_operates(user=info.context.user, warehouse_id=point.warehouse_id) else None

    @staticmethod
    def resolve_kind(root, info):
        return _value(root.kind)

    @staticmethod
    def resolve_location_category(root, info):
        return _value(root.location_category)

    @staticmethod
    def resolve_name(root, info):
        return root.warehouse.name

    @staticmethod
    def resolve_slug(root, info):
        return root.warehouse.slug

    @staticmethod
    def resolve_address(root, info):
        return root.warehouse.address

    @staticmethod
    def resolve_province_code(root, info):
        return root.warehouse.address.province_code

    @staticmethod
    def resolve_province(root, info):
        return root.warehouse.address.country_area

    @staticmethod
    def resolve_commune(root, info):
        return root.warehouse.address.city

    @staticmethod
    def resolve_latitude(root, info):
        return float(root.latitude) if root.latitude is not None else None

    @staticmethod
    def resolve_longitude(root, info):
        return float(root.longitude) if root.longitude is not None else None

    @staticmethod
    def resolve_area_m2(root, info):
        return float(root.area_m2) if root.area_m2 is not None else None

    @staticmethod
    def resolve_click_and_collect(root, info):
        return root.warehouse.click_and_collect_option != warehouse_models.WarehouseClickAndCollectOption.DISABLED

    @staticmethod
    def resolve_can_operate(root, info):
        return user_operates(user=info.context.user, warehouse_id=root.warehouse_id)

    @staticmethod
    def resolve_warehouse(root, info):
        _staff_of(info, root.warehouse_id)
        return root.warehouse

    @staticmethod
    def resolve_stocks(root, info, search=None, low=None, blocked=None, **kwargs):
        _staff_of(info, root.warehouse_id)
        qs = selectors.stock_lines(warehouse_id=root.warehouse_id, search=search or "", only_low=bool(low),
                                   only_blocked=bool(blocked))
        return paginate(qs, required=False, **kwargs)


SalesPointCountableConnection = connection_type(SalesPoint, "SalesPoint")


class StockMovement(ModelObjectType):
    kind = graphene.Field(enums.StockMovementKindEnum, required=True)
    quantity_delta = graphene.Int(required=True)
    allocated_delta = graphene.Int(required=True)
    quantity_after = graphene.Int(required=True)
    allocated_after = graphene.Int(required=True)
    reference = graphene.String(required=True)
    reason = graphene.String(required=True)
    actor_email = graphene.String(description="Who made the change.")
    created_at = graphene.DateTime(required=True)
    warehouse = graphene.Field(Warehouse, required=True)
    product_variant = graphene.Field(ProductVariant, required=True)

    class Meta:
        model = warehouse_models.StockMovement
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        return None

    @staticmethod
    def resolve_kind(root, info):
        return _value(root.kind)

    @staticmethod
    def resolve_actor_email(root, info):
        return root.actor.email if root.actor_id else None

    @staticmethod
    def resolve_warehouse(root, info):
        return root.stock.warehouse

    @staticmethod
    def resolve_product_variant(root, info):
        return root.stock.product_variant


StockMovementCountableConnection = connection_type(StockMovement, "StockMovement")


class StockTransferLine(graphene.ObjectType):
    product_variant = graphene.Field(ProductVariant, required=True)
    quantity = graphene.Int(required=True)
    quantity_received = graphene.Int()


class StockTransfer(ModelObjectType):
    number = graphene.String(required=True)
    status = graphene.Field(enums.StockTransferStatusEnum, required=True)
    source = graphene.Field(Warehouse, required=True)
    destination = graphene.Field(Warehouse, required=True)
    lines = graphene.List(graphene.NonNull(StockTransferLine), required=True)
    note = graphene.String(required=True)
    created_at = graphene.DateTime(required=True)
    shipped_at = graphene.DateTime()
    received_at = graphene.DateTime()

    class Meta:
        model = models.StockTransfer
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        try:
            return selectors.transfer_for_user(user=info.context.user, transfer_id=pk)
        except DomainError:
            return None

    @staticmethod
    def resolve_status(root, info):
        return _value(root.status)

    @staticmethod
    def resolve_lines(root, info):
        return list(root.lines.select_related("product_variant__product"))


class CounterSaleLine(graphene.ObjectType):
    product_variant = graphene.Field(ProductVariant, required=True)
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    sku = graphene.String(required=True)
    quantity = graphene.Int(required=True)
    unit_price = graphene.Field(Money, required=True)
    total_price = graphene.Field(Money, required=True)

    @staticmethod
    def resolve_unit_price(root, info):
        return money(root.unit_price)

    @staticmethod
    def resolve_total_price(root, info):
        return money(root.total_price)


class CounterSale(ModelObjectType):
    number = graphene.String(required=True)
    status = graphene.Field(enums.CounterSaleStatusEnum, required=True)
    warehouse = graphene.Field(Warehouse, required=True)
    payment_method = graphene.Field(enums.CounterSalePaymentMethodEnum, required=True)
    total = graphene.Field(Money, required=True)
    amount_tendered = graphene.Field(Money)
    change_due = graphene.Field(Money, required=True)
    terminal_reference = graphene.String(required=True)
    lines = graphene.List(graphene.NonNull(CounterSaleLine), required=True)
    created_at = graphene.DateTime(required=True)

    class Meta:
        model = models.CounterSale
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        sale = models.CounterSale.objects.filter(pk=pk).first()
        if sale is None:
            return None
        try:
            return selectors.counter_sale_for_user(user=info.context.user, number=sale.number)
        except DomainError:
            return None

    @staticmethod
    def resolve_status(root, info):
        return _value(root.status)

    @staticmethod
    def resolve_payment_method(root, info):
        return _value(root.payment_method)

    @staticmethod
    def resolve_total(root, info):
        return money(root.total_amount, root.currency)

    @staticmethod
    def resolve_amount_tendered(root, info):
        return money(root.amount_tendered, root.currency)

    @staticmethod
    def resolve_change_due(root, info):
        return money(root.change_due, root.currency)

    @staticmethod
    def resolve_lines(root, info):
        return list(root.lines.select_related("product_variant"))
