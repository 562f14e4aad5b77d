"""Staff shipping: zones by province, methods by order value and weight, free-shipping threshold, delivery days;
bad input refused with ShippingErrorCode and nothing written; checkout offers only the methods that apply."""

from __future__ import annotations

from decimal import Decimal

import pytest

from marketplace.core.errors import DomainError
from marketplace.shipping import zones
from marketplace.shipping.models import ShippingMethod, ShippingMethodChannelListing, ShippingZone
from marketplace.shipping.selectors import shipping_options_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def zone(channel):
    return zones.shipping_zone_save(data=zones.ZoneInput(name="Bắc Trung Bộ", provinces=["Hà Tĩnh", "nghe-an"],
                                                         add_channel_ids=(channel.pk,)))


def method_with_price(zone, channel, name="Tiêu chuẩn", price="30000", **limits):
    listing_keys = {"minimum_order_price", "maximum_order_price", "free_shipping_threshold"}
    method = zones.shipping_method_save(data=zones.MethodInput(name=name, zone=zone, **{
        k: v for k, v in limits.items() if k not in listing_keys}))
    zones.shipping_method_channel_listings_update(method=method, add=[zones.ListingInput(
        channel_id=channel.pk, price=price, **{k: v for k, v in limits.items() if k in listing_keys})])
    return method


def test_zone_takes_province_codes_or_names_including_old_ones(zone, channel):
    assert zone.provinces == ["ha-tinh", "nghe-an"] and list(zone.channels.all()) == [channel]
    renamed = zones.shipping_zone_save(zone=zone, data=zones.ZoneInput(provinces=["Quảng Bình", "ha-tinh"]))
    assert renamed.provinces == ["quang-tri", "ha-tinh"]  # Quảng Bình merged into Quảng Trị in 2025


@pytest.mark.parametrize("data,code", [
    (zones.ZoneInput(name=" "), "REQUIRED"),
    (zones.ZoneInput(name="X", provinces=["Sài Gòn Mới"]), "INVALID"),
    (zones.ZoneInput(name="X", provinces=["ha-noi", "Hà Nội"]), "DUPLICATED_INPUT_ITEM"),
    (zones.ZoneInput(name="X", provinces=["ha-tinh"]), "ALREADY_EXISTS"),
])
def test_bad_zones_are_refused_and_nothing_is_written(zone, data, code):
    with pytest.raises(DomainError) as err:
        zones.shipping_zone_save(data=data)

    assert err.value.code == code
    assert ShippingZone.objects.count() == 1


@pytest.mark.parametrize("field,value,code", [
    ("price", "-1000", "INVALID"), ("price", "25000.5", "INVALID"), ("price", "abc", "INVALID"),
    ("price", None, "REQUIRED"), ("minimum_order_price", "-1", "INVALID"),
    ("free_shipping_threshold", "0.1", "INVALID"), ("maximum_order_price", "100", "MAX_LESS_THAN_MIN"),
])
def test_negative_or_fractional_vnd_is_refused_and_nothing_is_written(zone, channel, field, value, code):
    method = zones.shipping_method_save(data=zones.MethodInput(name="Nhanh", zone=zone))
    item = zones.ListingInput(channel_id=channel.pk, price="30000", minimum_order_price="500")
    setattr(item, field, value)

    with pytest.raises(DomainError) as err:
        zones.shipping_method_channel_listings_update(method=method, add=[item])

    assert err.value.code == code
    assert ShippingMethodChannelListing.objects.count() == 0


def test_delivery_days_and_weights_must_be_whole_and_ordered(zone):
    for data, code in [(zones.MethodInput(name="A", zone=zone, minimum_delivery_days=3, maximum_delivery_days=1),
                        "MAX_LESS_THAN_MIN"),
                       (zones.MethodInput(name="A", zone=zone, minimum_delivery_days="1.5"), "INVALID"),
                       (zones.MethodInput(name="A", zone=zone, maximum_order_weight_grams=-5), "INVALID")]:
        with pytest.raises(DomainError) as err:
            zones.shipping_method_save(data=data)
        assert err.value.code == code
    assert ShippingMethod.objects.count() == 0


def test_options_follow_order_value_weight_and_the_free_threshold(zone, channel):
    method_with_price(zone, channel, "Tiết kiệm", "20000", maximum_order_price="300000",
                      maximum_order_weight_grams=2000)
    method_with_price(zone, channel, "Tiêu chuẩn", "35000", free_shipping_threshold="500000")

    def offered(subtotal, grams):
        return [(o.method.name, o.price) for o in shipping_options_for(
            province_code="ha-tinh", channel_id=channel.pk, subtotal=Decimal(subtotal), weight_grams=grams)]

    assert offered(200_000, 1000) == [("Tiết kiệm", 20_000), ("Tiêu chuẩn", 35_000)]
    assert offered(200_000, 3000) == [("Tiêu chuẩn", 35_000)]
    assert offered(400_000, 1000) == [("Tiêu chuẩn", 35_000)]
    assert offered(500_000, 1000) == [("Tiêu chuẩn", 0)]
    assert shipping_options_for(province_code="ha-noi", channel_id=channel.pk) == []


def test_checkout_offers_free_delivery_above_the_threshold(zone, channel, catalog, warehouse):
    from marketplace.checkout import services as checkout_services
    from marketplace.checkout.selectors import checkout_info_get

    method_with_price(zone, channel, "Tiêu chuẩn", "35000", free_shipping_threshold="250000")
    variant = catalog.product("Kẹo cu đơ", price=100_000, warehouse=warehouse).variants.get()
    checkout = checkout_services.checkout_create(channel_slug=channel.slug, email="a@example.com", lines=[
        checkout_services.LineInput(variant_id=variant.pk, quantity=2)])
    checkout = checkout_services.checkout_shipping_address_update(checkout=checkout, data={
        "first_name": "An", "street_address_1": "1 Trần Phú", "city": "Phường Thành Sen",
        "country_area": "Hà Tĩnh", "phone": "0912345678"})

    assert [o.price for o in checkout_info_get(checkout=checkout).available_shipping] == [35_000]
    checkout = checkout_services.checkout_lines_add(checkout=checkout, lines=[
        checkout_services.LineInput(variant_id=variant.pk, quantity=1)])
    assert [o.price for o in checkout_info_get(checkout=checkout).available_shipping] == [0]
