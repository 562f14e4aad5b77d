"""Sales-point fixtures: two points (A in Hà Tĩnh, B at Ga Vinh), the four kinds of people the permission matrix
covers, and certified products put on a shelf through the ledger (never by writing Stock directly)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from marketplace.account.services import user_create
from marketplace.salespoint.models import LocationCategory, SalesPoint, SalesPointKind
from marketplace.salespoint.services import SalesPointData, sales_point_create, sales_point_operators_set
from marketplace.warehouse.models import StockMovementKind
from marketplace.warehouse.services import stock_get_or_create, stock_move

PASSWORD = "pw-test-123"


def _point(channel, *, name: str, slug: str, province: str, commune: str, kind: str, category: str,
           lat: str, lng: str) -> SalesPoint:
    return sales_point_create(actor=None, data=SalesPointData(
        name=name, slug=slug, kind=kind, location_category=category, street_address="1 Đường Demo",
        commune=commune, province=province, latitude=Decimal(lat), longitude=Decimal(lng),
        opening_hours="7:30–21:00", contact_phone="0239 000 000", channel_ids=[channel.pk]))


@pytest.fixture
def point_a(db, channel) -> SalesPoint:
    return _point(channel, name="Trung tâm OCOP Hà Tĩnh", slug="trung-tam-a", province="Hà Tĩnh",
                  commune="Phường Thành Sen", kind=SalesPointKind.CENTRE, category=LocationCategory.TRADE_CENTRE,
                  lat="18.342", lng="105.905")


@pytest.fixture
def point_b(db, channel) -> SalesPoint:
    return _point(channel, name="Điểm bán OCOP Ga Vinh", slug="ga-vinh-b", province="Nghệ An",
                  commune="Phường Vinh Phú", kind=SalesPointKind.POINT, category=LocationCategory.STATION,
                  lat="18.678", lng="105.671")


@pytest.fixture
def operator_a(db, point_a):
    user = user_create(email="op-a@example.com", password=PASSWORD, roles=["sales_point_operator"])
    sales_point_operators_set(actor=None, warehouse_id=point_a.warehouse_id, user_ids=[user.pk])
    return user


@pytest.fixture
def operator_b(db, point_b):
    user = user_create(email="op-b@example.com", password=PASSWORD, roles=["sales_point_operator"])
    sales_point_operators_set(actor=None, warehouse_id=point_b.warehouse_id, user_ids=[user.pk])
    return user


@pytest.fixture
def promo(db):
    return user_create(email="promo-t@example.com", password=PASSWORD, roles=["promotion_staff"])


@pytest.fixture
def admin_user(db):
    return user_create(email="admin-t@example.com", password=PASSWORD, is_staff=True, is_superuser=True)


@pytest.fixture
def shopper(db):
    return user_create(email="shopper-t@example.com", password=PASSWORD)


@dataclass
class Shelf:
    """Puts certified products on a point's shelf through the ledger."""

    catalog: object

    def variant(self, name: str, *, price: int = 100_000, stars: int = 4, barcode: str = "", **kwargs):
        product = self.catalog.product(name, stars=stars, price=price, stock=0, **kwargs)
        variant = product.variants.get()
        if barcode:
            variant.barcode = barcode
            variant.save(update_fields=["barcode"])
        return variant

    def put(self, point: SalesPoint, variant, quantity: int):
        stock = stock_get_or_create(warehouse_id=point.warehouse_id, variant_id=variant.pk)
        stock_move(stock_id=stock.pk, kind=StockMovementKind.RECEIVE, quantity_delta=quantity, reference="TEST")
        stock.refresh_from_db()
        return stock


@pytest.fixture
def shelf(catalog) -> Shelf:
    return Shelf(catalog=catalog)
