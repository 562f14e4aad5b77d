"""Checkout fixtures: shipping zones, a shopper, addresses, and a builder for checkouts ready to complete."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from marketplace.account.addresses import CONTACT_ONLY
from marketplace.account.services import user_create
from marketplace.checkout import services as checkout_services
from marketplace.checkout.models import Checkout
from marketplace.salespoint.models import SalesPoint
from marketplace.shipping.services import shipping_zones_seed
from marketplace.warehouse.models import Stock, StockMovementKind, Warehouse
from marketplace.warehouse.services import stock_get_or_create, stock_move

HANOI = {"first_name": "Nguyễn Văn An", "street_address_1": "12 Hàng Bạc", "city": "Phường Hoàn Kiếm",
         "country_area": "Hà Nội", "phone": "0912345678"}
CAN_THO = {"first_name": "Trần Thị Bình", "street_address_1": "5 Hai Bà Trưng", "city": "Phường Ninh Kiều",
           "country_area": "Cần Thơ", "phone": "0987654321"}
CONTACT = {"first_name": "Lê Minh", "phone": "0901234567"}


@pytest.fixture
def shipping_zones(channel):
    return shipping_zones_seed(channel_slug=channel.slug)


@pytest.fixture
def shopper(db):
    return user_create(email="khach@example.com", password="mat-khau-an-toan-2026", first_name="Khách")


def stock_receive(*, warehouse: Warehouse, variant_id: int, quantity: int) -> Stock:
    """Stock put in through the ledger (the catalog fixture's direct rows have no movements)."""
    stock = stock_get_or_create(warehouse_id=warehouse.pk, variant_id=variant_id)
    stock_move(stock_id=stock.pk, kind=StockMovementKind.RECEIVE, quantity_delta=quantity, reference="test")
    stock.refresh_from_db()
    return stock


@dataclass
class CheckoutBuilder:
    channel_slug: str

    def ready(self, variant, quantity: int = 1, *, pickup: Warehouse | None = None, email: str = "an@example.com",
              user=None, address: dict | None = None) -> Checkout:
        """A checkout with contact, delivery (the cheapest method for the address, or pickup) and lines."""
        checkout = checkout_services.checkout_create(
            channel_slug=self.channel_slug, email=email, user=user,
            lines=[checkout_services.LineInput(variant_id=variant.pk, quantity=quantity)])
        if pickup is not None:
            checkout = checkout_services.checkout_billing_address_update(checkout=checkout, data=CONTACT,
                                                                         rules=CONTACT_ONLY)
            return checkout_services.checkout_delivery_method_update(checkout=checkout, warehouse_id=pickup.pk)
        checkout = checkout_services.checkout_shipping_address_update(checkout=checkout, data=address or HANOI)
        from marketplace.checkout.selectors import checkout_info_get

        option = checkout_info_get(checkout=checkout).available_shipping[0]
        return checkout_services.checkout_delivery_method_update(checkout=checkout,
                                                                 shipping_method_id=option.method.pk)


@pytest.fixture
def checkout_builder(channel, shipping_zones) -> CheckoutBuilder:
    return CheckoutBuilder(channel_slug=channel.slug)


def sales_point_profile(warehouse: Warehouse) -> Warehouse:
    """Give a warehouse the sales-point profile that makes it a pickup point: checkout lists only warehouses
    with an active SalesPoint profile and click-and-collect on."""
    SalesPoint.objects.get_or_create(warehouse=warehouse, defaults={"opening_hours": "7:30–21:00"})
    return warehouse


@pytest.fixture
def pickup_point(warehouse) -> Warehouse:
    """The catalog's warehouse ("Điểm bán OCOP Hà Tĩnh", click-and-collect from local stock) as a sales point."""
    return sales_point_profile(warehouse)


@pytest.fixture
def second_point(channel) -> Warehouse:
    from marketplace.account.models import Address

    address = Address.objects.create(street_address_1="25 Lý Thường Kiệt", city="Phường Cửa Nam",
                                     country_area="Hà Nội", province_code="ha-noi")
    wh = Warehouse.objects.create(name="Điểm bán OCOP Hà Nội", slug="diem-ban-ha-noi", address=address,
                                  click_and_collect_option="local", is_private=False)
    wh.channels.add(channel)
    return sales_point_profile(wh)
