"""Catalog fixtures: a channel, the category tree, and certified products with prices and stock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest

from marketplace.account.models import Address
from marketplace.certification.models import Certificate, CertificateStatus
from marketplace.channel.services import channel_ensure
from marketplace.core.geography import PROVINCES_BY_CODE, province_resolve
from marketplace.producer.models import Producer
from marketplace.product import services as product_services
from marketplace.product.models import Product
from marketplace.warehouse.models import Warehouse
from marketplace.warehouse.services import stock_get_or_create, stock_move


@dataclass
class CatalogBuilder:
    channel_id: int

    def product(
        self, name: str, *, stars: int = 4, price: int | None = 100_000, stock: int = 10,
        group_code: str = "I.4.a", province: str = "Hà Tĩnh", status: str = CertificateStatus.ACTIVE,
        expires_on: date | None = None, warehouse: Warehouse | None = None, variants: list[str] | None = None,
        producer_name: str | None = None, certificate_number: str | None = None,
    ) -> Product:
        categories = product_services.category_tree_ensure()
        producer, _ = Producer.objects.get_or_create(
            slug=product_services.unique_slug(Producer, producer_name) if producer_name else "co-so-demo",
            defaults={"name": producer_name or "Cơ sở Demo", "province_as_published": province,
                      "province_code": (province_resolve(province) or PROVINCES_BY_CODE["ha-tinh"]).code},
        )
        product = product_services.product_create(
            name=name, product_type=product_services.product_type_ensure(), category=categories[group_code],
            description=f"Mô tả {name}", producer_id=producer.pk,
        )
        product_services.product_channel_listing_update(product=product, channel_id=self.channel_id)
        for i, variant_name in enumerate(variants or ["Chai 500 ml"]):
            variant = product_services.product_variant_create(
                product=product, name=variant_name, sku=f"{product.slug}-{i}"
            )
            if price is not None:
                product_services.variant_price_set(variant=variant, channel_id=self.channel_id,
                                                   price=Decimal(price + i * 10_000))
            if warehouse is not None and stock:
                # Through the ledger, so stock and movements agree as they do in production.
                line = stock_get_or_create(warehouse_id=warehouse.pk, variant_id=variant.pk)
                stock_move(stock_id=line.pk, kind="receive", quantity_delta=stock, reference="TEST")
        Certificate.objects.create(
            registry_id=f"T-{product.pk}", product=product, producer=producer,
            number=certificate_number or f"{product.pk}/GCN-UBND", stars=stars, score=Decimal(50 + stars * 8),
            issuer="UBND tỉnh Hà Tĩnh", issuer_level="province", decision_number=f"{product.pk}/QĐ-UBND",
            decision_date=date.today() - timedelta(days=100),
            expires_on=expires_on or date.today() + timedelta(days=900), status=status, group_code=group_code,
        )
        return product


@pytest.fixture
def channel(db):
    return channel_ensure(slug="default-channel", name="Kênh mặc định")


@pytest.fixture
def warehouse(db, channel):
    address = Address.objects.create(street_address_1="1 Trần Phú", city="Phường Thành Sen",
                                     country_area="Hà Tĩnh", province_code="ha-tinh")
    wh = Warehouse.objects.create(name="Điểm bán OCOP Hà Tĩnh", slug="diem-ban-ha-tinh", address=address,
                                  click_and_collect_option="local", is_private=False)
    wh.channels.add(channel)
    return wh


@pytest.fixture
def catalog(db, channel) -> CatalogBuilder:
    return CatalogBuilder(channel_id=channel.pk)
