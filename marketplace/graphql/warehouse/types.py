"""Saleor's Warehouse and Stock, with OCOP additions on Stock (blocked/low flags) and Warehouse (salesPoint)."""

from __future__ import annotations

import graphene

from marketplace.core.errors import DomainError
from marketplace.graphql.account.types import Address
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.pagination import connection_args, connection_type, paginate
from marketplace.graphql.core.types import ObjectWithMetadata
from marketplace.graphql.product.types import ProductVariant
from marketplace.salespoint import selectors
from marketplace.warehouse import models


class WarehouseClickAndCollectOptionEnum(graphene.Enum):
    DISABLED = "disabled"
    LOCAL = "local"
    ALL = "all"


def _readable(info) -> list[int] | None:
    """Warehouses the viewer may read (None: all); raises DomainError for people with no stock access."""
    store = info.context.__dict__
    if "_readable_warehouses" not in store:
        store["_readable_warehouses"] = selectors.warehouse_ids_readable(user=info.context.user)
    return store["_readable_warehouses"]


def can_read(info, warehouse_id: int) -> bool:
    try:
        scope = _readable(info)
    except DomainError:
        return False
    return scope is None or warehouse_id in scope


class Stock(ModelObjectType):
    warehouse = graphene.Field(lambda: Warehouse, required=True)
    product_variant = graphene.Field(ProductVariant, required=True)
    quantity = graphene.Int(required=True)
    quantity_allocated = graphene.Int(required=True)
    quantity_reserved = graphene.Int(required=True)
    # OCOP additions
    quantity_available = graphene.Int(required=True, description="On hand minus allocated to online orders.")
    is_blocked = graphene.Boolean(
        required=True, description="The product no longer passes the OCOP listing rule: not sellable (OCOP).")
    is_low = graphene.Boolean(required=True, description="At or under the low-stock threshold (OCOP).")
    low_stock_threshold = graphene.Int(required=True, description="Threshold in force for this line (OCOP).")

    class Meta:
        model = models.Stock
        interfaces = (graphene.relay.Node,)

    @classmethod
    def get_visible_node(cls, info, pk):
        stock = selectors.stock_line_get(stock_id=pk)
        return stock if stock is not None and can_read(info, stock.warehouse_id) else None

    @staticmethod
    def resolve_quantity_reserved(root, info):
        return 0  # checkout reservations are counted by the checkout app when it lands

    @staticmethod
    def resolve_quantity_available(root, info):
        return max(_annotated(root).available, 0)

    @staticmethod
    def resolve_is_blocked(root, info):
        return _annotated(root).is_blocked

    @staticmethod
    def resolve_is_low(root, info):
        return _annotated(root).is_low

    @staticmethod
    def resolve_low_stock_threshold(root, info):
        return _annotated(root).threshold_value


def _annotated(stock):
    """Stocks from the selectors carry the flags; a bare Stock row is reloaded once with them."""
    if hasattr(stock, "is_blocked"):
        return stock
    return selectors.stock_line_get(stock_id=stock.pk)


StockCountableConnection = connection_type(Stock, "Stock")


class Warehouse(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    email = graphene.String(required=True)
    is_private = graphene.Boolean(required=True)
    address = graphene.Field(Address, required=True)
    company_name = graphene.String(required=True, deprecation_reason="Use `Address.companyName` instead.")
    click_and_collect_option = graphene.Field(WarehouseClickAndCollectOptionEnum, required=True)
    stocks = graphene.Field(StockCountableConnection, **connection_args())
    external_reference = graphene.String()
    sales_point = graphene.Field("marketplace.graphql.salespoint.types.SalesPoint",
                                 description="The OCOP sales-point profile, when this warehouse is one (OCOP).")

    class Meta:
        model = models.Warehouse
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    @classmethod
    def get_visible_node(cls, info, pk):
        # Public sales points (pickup locations) are visible to shoppers; private ones only to their staff.
        warehouse = models.Warehouse.objects.select_related("address").filter(pk=pk).first()
        if warehouse is None or (warehouse.is_private and not can_read(info, pk)):
            return None
        return warehouse

    @staticmethod
    def resolve_click_and_collect_option(root, info):
        return getattr(root.click_and_collect_option, "value", root.click_and_collect_option)

    @staticmethod
    def resolve_stocks(root, info, **kwargs):
        from marketplace.graphql.core.errors import permission_denied

        if not can_read(info, root.pk):
            raise permission_denied(["MANAGE_PRODUCTS"])
        qs = selectors.stock_lines(warehouse_id=root.pk)
        return paginate(qs, required=False, **kwargs)

    @staticmethod
    def resolve_sales_point(root, info):
        return getattr(root, "sales_point", None)


WarehouseCountableConnection = connection_type(Warehouse, "Warehouse")
