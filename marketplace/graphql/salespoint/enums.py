"""OCOP enums for sales points (new types: Saleor has no equivalent)."""

from __future__ import annotations

import graphene

from marketplace.salespoint.error_codes import SalesPointErrorCode as DomainCode
from marketplace.salespoint.models import (
    CounterSaleStatus,
    LocationCategory,
    PaymentMethod,
    SalesPointKind,
    StockTransferStatus,
)
from marketplace.warehouse.models import StockMovementKind


def _from_choices(name: str, choices, description: str) -> type[graphene.Enum]:
    return graphene.Enum(name, [(value.upper(), value) for value in choices.values], description=description)


SalesPointKindEnum = _from_choices("SalesPointKindEnum", SalesPointKind, "Kind of OCOP sales point.")
SalesPointLocationCategoryEnum = _from_choices(
    "SalesPointLocationCategoryEnum", LocationCategory, "Location category (MoIT Decision 950/QĐ-BCT).")
StockTransferStatusEnum = _from_choices("StockTransferStatusEnum", StockTransferStatus, "Transfer status.")
CounterSalePaymentMethodEnum = _from_choices("CounterSalePaymentMethodEnum", PaymentMethod,
                                             "How a counter sale was paid.")
CounterSaleStatusEnum = _from_choices("CounterSaleStatusEnum", CounterSaleStatus, "Counter sale status.")
StockMovementKindEnum = _from_choices("StockMovementKindEnum", StockMovementKind, "Kind of stock movement.")
SalesPointErrorCode = graphene.Enum("SalesPointErrorCode", [(c.value, c.value) for c in DomainCode])
