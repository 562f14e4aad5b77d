"""Where a checkout can be collected: only sales points open for pickup (an active, public SalesPoint profile with
click-and-collect on) that can supply the basket. A warehouse with click-and-collect set but no sales-point profile
is not a place a shopper can walk into, and a point that stops taking pickups after being chosen refuses the
order at completion."""

from __future__ import annotations

import pytest

from marketplace.account.models import Address
from marketplace.checkout import services as checkout_services
from marketplace.checkout.complete import checkout_complete
from marketplace.checkout.selectors import checkout_collection_points, checkout_info_get
from marketplace.core.errors import DomainError, DomainErrors
from marketplace.order.models import Order
from marketplace.payment.models import COD_GATEWAY
from marketplace.salespoint.models import LocationCategory, SalesPoint, SalesPointKind
from marketplace.salespoint.services import SalesPointData, sales_point_click_and_collect_set, sales_point_create
from marketplace.warehouse.models import Warehouse
from tests.factories.checkout import stock_receive

pytestmark = pytest.mark.django_db


def _point(channel, name: str, slug: str, *, click_and_collect: bool = True) -> Warehouse:
    return sales_point_create(actor=None, data=SalesPointData(
        name=name, slug=slug, kind=SalesPointKind.POINT, location_category=LocationCategory.MARKET,
        street_address="1 Phan Đình Phùng", commune="Phường Thành Sen", province="Hà Tĩnh",
        click_and_collect=click_and_collect, channel_ids=[channel.pk])).warehouse


@pytest.fixture
def places(catalog, channel, pickup_point):
    """The same product on the shelves of four warehouses: the open sales point, a depot with click-and-collect
    but no sales-point profile, a closed sales point, and a sales point that does not take pickups."""
    variant = catalog.product("Cam Vinh", stock=0, price=80_000).variants.get()
    depot = Warehouse.objects.create(
        name="Kho tổng Hà Tĩnh", slug="kho-tong", is_private=False, click_and_collect_option="local",
        address=Address.objects.create(street_address_1="Khu công nghiệp", country_area="Hà Tĩnh"))
    depot.channels.add(channel)
    closed = _point(channel, "Điểm bán Chợ Hà Tĩnh", "cho-ha-tinh")
    SalesPoint.objects.filter(warehouse=closed).update(is_active=False)  # closed by the province
    no_pickup = _point(channel, "Ki-ốt Ga Hà Tĩnh", "ga-ha-tinh", click_and_collect=False)
    for warehouse in (pickup_point, depot, closed, no_pickup):
        stock_receive(warehouse=warehouse, variant_id=variant.pk, quantity=5)
    return variant, pickup_point, depot, closed, no_pickup


def _checkout(checkout_builder, variant):
    return checkout_services.checkout_create(
        channel_slug=checkout_builder.channel_slug, email="an@example.com",
        lines=[checkout_services.LineInput(variant_id=variant.pk, quantity=2)])


def test_only_sales_points_open_for_pickup_are_listed(places, checkout_builder):
    variant, point, depot, closed, no_pickup = places
    checkout = _checkout(checkout_builder, variant)

    listed = checkout_collection_points(info=checkout_info_get(checkout=checkout))

    assert [w.name for w in listed] == [point.name]


@pytest.mark.parametrize("which", ["depot", "closed", "no_pickup"])
def test_a_warehouse_that_is_not_an_open_sales_point_cannot_be_chosen(places, checkout_builder, which):
    variant, warehouse = places[0], places[("depot", "closed", "no_pickup").index(which) + 2]
    checkout = _checkout(checkout_builder, variant)

    with pytest.raises(DomainError) as err:
        checkout_services.checkout_delivery_method_update(checkout=checkout, warehouse_id=warehouse.pk)

    assert err.value.code == "DELIVERY_METHOD_NOT_APPLICABLE"
    checkout.refresh_from_db()
    assert checkout.collection_point_id is None


def test_a_point_that_stops_taking_pickups_after_being_chosen_refuses_the_order(places, checkout_builder):
    variant, point = places[0], places[1]
    checkout = checkout_builder.ready(variant, 2, pickup=point)
    sales_point_click_and_collect_set(actor=None, warehouse_id=point.pk, enabled=False)

    with pytest.raises(DomainErrors) as err:
        checkout_complete(checkout_token=checkout.pk, gateway=COD_GATEWAY)

    assert [(e.code, e.field) for e in err.value.errors] == [("DELIVERY_METHOD_NOT_APPLICABLE", "deliveryMethod")]
    assert Order.objects.count() == 0
