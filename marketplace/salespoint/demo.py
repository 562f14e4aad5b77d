"""Demo sales points for `populatedb`: a provincial centre in Hà Tĩnh (operated by operator@example.com) and a
station point at Ga Vinh, with some stock put on their shelves through the ledger. Running it again changes
nothing. Call it after the demo products exist, so the shelves have something on them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import transaction

from marketplace.account.services import user_create
from marketplace.certification.selectors import products_listable
from marketplace.channel.selectors import channel_get_by_slug
from marketplace.product.models import ProductVariant
from marketplace.salespoint.models import LocationCategory, SalesPoint, SalesPointKind
from marketplace.salespoint.services.profile import SalesPointData, sales_point_create
from marketplace.warehouse.models import StockMovement, StockMovementKind
from marketplace.warehouse.services import stock_get_or_create, stock_move

OPERATOR_EMAIL = "operator@example.com"

DEMO_POINTS = [
    SalesPointData(
        name="Trung tâm giới thiệu và bán sản phẩm OCOP Hà Tĩnh", slug="trung-tam-ocop-ha-tinh",
        kind=SalesPointKind.CENTRE, location_category=LocationCategory.TRADE_CENTRE,
        street_address="02 Phan Đình Phùng", commune="Phường Thành Sen", province="Hà Tĩnh",
        address_as_published="Số 02 Phan Đình Phùng, phường Nam Hà, thành phố Hà Tĩnh, tỉnh Hà Tĩnh",
        latitude=Decimal("18.342800"), longitude=Decimal("105.905700"), area_m2=Decimal("250"),
        opening_hours="7:30–21:00 hằng ngày", contact_name="Bộ phận bán hàng", contact_phone="0239 3855 555",
        contact_email="trungtamocop@example.com", approval_reference="Demo: 1234/QĐ-UBND",
        approval_date=date(2024, 5, 10)),
    SalesPointData(
        name="Điểm bán OCOP Ga Vinh", slug="diem-ban-ocop-ga-vinh",
        kind=SalesPointKind.POINT, location_category=LocationCategory.STATION,
        street_address="Ga Vinh, số 1 Lệ Ninh", commune="Phường Vinh Phú", province="Nghệ An",
        address_as_published="Nhà ga Vinh, số 1 Lệ Ninh, phường Quán Bàu, thành phố Vinh, tỉnh Nghệ An",
        latitude=Decimal("18.684600"), longitude=Decimal("105.672700"), area_m2=Decimal("40"),
        opening_hours="6:00–22:00 hằng ngày", contact_name="Quầy OCOP Ga Vinh", contact_phone="0238 3500 000"),
]

# Units per demo product: the centre gets a full shelf, the station a small one, and one line is low at each.
SHELVES = {"trung-tam-ocop-ha-tinh": (12, 3), "diem-ban-ocop-ga-vinh": (4, 1)}
PRODUCTS_PER_POINT = 8


@transaction.atomic
def demo_sales_points_create() -> list[SalesPoint]:
    channel = channel_get_by_slug(slug=None)
    points = []
    for data in DEMO_POINTS:
        point = SalesPoint.objects.filter(warehouse__slug=data.slug).first()
        if point is None:
            data.channel_ids = [channel.pk] if channel else []
            point = sales_point_create(actor=None, data=data)
        points.append(point)
    operator = user_create(email=OPERATOR_EMAIL, password=settings.DEMO_PASSWORD, roles=["sales_point_operator"])
    points[0].operators.add(operator)
    points[1].operators.remove(operator)
    demo_sales_points_stock(points=points)
    return points


def demo_sales_points_stock(*, points: list[SalesPoint]) -> None:
    """Put listable demo products on each point's shelf, once (a point with any ledger row is left alone)."""
    variants = list(ProductVariant.objects.filter(product__in=products_listable()).order_by("pk")
                    [:PRODUCTS_PER_POINT])
    for point in points:
        if not variants or StockMovement.objects.filter(stock__warehouse_id=point.warehouse_id).exists():
            continue
        full, low = SHELVES.get(point.warehouse.slug, (6, 2))
        for i, variant in enumerate(variants):
            stock = stock_get_or_create(warehouse_id=point.warehouse_id, variant_id=variant.pk)
            stock_move(stock_id=stock.pk, kind=StockMovementKind.RECEIVE, quantity_delta=low if i == 0 else full,
                       reference="PGH-DEMO-0001", reason="Dữ liệu mẫu")
