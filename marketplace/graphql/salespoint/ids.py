"""IDs OCOP mutations accept for a point: a Warehouse ID or a SalesPoint ID."""

from __future__ import annotations

from graphql_relay import from_global_id

from marketplace.core.errors import DomainError
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.salespoint.error_codes import SalesPointErrorCode
from marketplace.salespoint.selectors import sales_point_warehouse_id


def warehouse_pk(global_id: str, *, field: str) -> int:
    pk = pk_from_global_id(global_id, ("Warehouse", "SalesPoint"), field=field)
    if from_global_id(global_id)[0] != "SalesPoint":
        return pk
    warehouse_id = sales_point_warehouse_id(sales_point_id=pk)
    if warehouse_id is None:
        raise DomainError("Sales point not found.", code=SalesPointErrorCode.NOT_FOUND, field=field)
    return warehouse_id


def variant_pk(global_id: str, *, field: str) -> int:
    return pk_from_global_id(global_id, "ProductVariant", field=field)
