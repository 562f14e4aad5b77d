"""Saleor's shipping mutations and queries: CRUD, ShippingErrorCode for bad input (negative or fractional VND),
and the permission matrix (refused attempts change nothing)."""

from __future__ import annotations

import pytest
from graphene.relay import Node

from marketplace.shipping.models import ShippingMethod, ShippingMethodChannelListing, ShippingZone
from tests.marketplace.graphql.conftest import error_codes

pytestmark = pytest.mark.django_db

ZONE_CREATE = """mutation($input: ShippingZoneCreateInput!) {
  shippingZoneCreate(input: $input) { errors { field code } shippingZone { id name provinces channels { slug } } }
}"""
ZONE_UPDATE = """mutation($id: ID!, $input: ShippingZoneUpdateInput!) {
  shippingZoneUpdate(id: $id, input: $input) { errors { field code } shippingZone { name provinces } }
}"""
ZONE_DELETE = """mutation($id: ID!) { shippingZoneDelete(id: $id) { errors { code } shippingZone { id } } }"""
PRICE_CREATE = """mutation($input: ShippingPriceInput!) {
  shippingPriceCreate(input: $input) { errors { field code } shippingMethod { id name minimumDeliveryDays
    maximumDeliveryDays maximumOrderWeight { unit value } } }
}"""
PRICE_UPDATE = """mutation($id: ID!, $input: ShippingPriceInput!) {
  shippingPriceUpdate(id: $id, input: $input) { errors { field code } shippingMethod { name maximumDeliveryDays } }
}"""
PRICE_DELETE = """mutation($id: ID!) { shippingPriceDelete(id: $id) { errors { code } shippingZone { name } } }"""
LISTING = """mutation($id: ID!, $input: ShippingMethodChannelListingInput!) {
  shippingMethodChannelListingUpdate(id: $id, input: $input) { errors { field code channels }
    shippingMethod { channelListings { price { amount } minimumOrderPrice { amount }
      freeShippingThreshold { amount } } } }
}"""
ZONES = """{ shippingZones(first: 10) { totalCount edges { node { name provinces shippingMethods { name
  channelListings { price { amount } } } } } } }"""


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def gid(type_name, pk):
    return Node.to_global_id(type_name, pk)


@pytest.fixture
def admin(client, admin_user):
    as_user(client, admin_user)
    return admin_user


def test_zone_price_and_listing_crud(api, client, admin, channel):
    zone = api.data(ZONE_CREATE, {"input": {"name": "Miền Trung", "provinces": ["Hà Tĩnh", "hue"],
                                            "addChannels": [gid("Channel", channel.pk)]}})["shippingZoneCreate"]
    assert zone["errors"] == [] and zone["shippingZone"]["provinces"] == ["ha-tinh", "hue"]
    zone_id = zone["shippingZone"]["id"]

    created = api.data(PRICE_CREATE, {"input": {"shippingZone": zone_id, "name": "Tiêu chuẩn", "minimumDeliveryDays": 2,
                                                "maximumDeliveryDays": 4, "maximumOrderWeight": 5}})
    method = created["shippingPriceCreate"]["shippingMethod"]
    assert method["maximumOrderWeight"] == {"unit": "G", "value": 5000.0} and method["maximumDeliveryDays"] == 4

    listing = api.data(LISTING, {"id": method["id"], "input": {"addChannels": [{
        "channelId": gid("Channel", channel.pk), "price": 30000, "minimumOrderPrice": 0,
        "freeShippingThreshold": 500000}]}})["shippingMethodChannelListingUpdate"]
    assert listing["errors"] == []
    assert listing["shippingMethod"]["channelListings"] == [{"price": {"amount": 30000.0},
                                                             "minimumOrderPrice": {"amount": 0.0},
                                                             "freeShippingThreshold": {"amount": 500000.0}}]

    updated = api.data(PRICE_UPDATE, {"id": method["id"], "input": {"name": "Tiêu chuẩn (3-5 ngày)",
                                                                    "maximumDeliveryDays": 5}})
    assert updated["shippingPriceUpdate"]["shippingMethod"] == {"name": "Tiêu chuẩn (3-5 ngày)",
                                                                "maximumDeliveryDays": 5}
    assert api.data(ZONE_UPDATE, {"id": zone_id, "input": {"provinces": ["da-nang"]}})["shippingZoneUpdate"][
        "shippingZone"] == {"name": "Miền Trung", "provinces": ["da-nang"]}
    zones = api.data(ZONES)["shippingZones"]
    assert zones["totalCount"] == 1 and zones["edges"][0]["node"]["shippingMethods"][0]["channelListings"] == [
        {"price": {"amount": 30000.0}}]

    assert api.data(PRICE_DELETE, {"id": method["id"]})["shippingPriceDelete"]["errors"] == []
    assert api.data(ZONE_DELETE, {"id": zone_id})["shippingZoneDelete"]["shippingZone"]["id"] == zone_id
    assert (ShippingZone.objects.count(), ShippingMethod.objects.count()) == (0, 0)


@pytest.mark.parametrize("price,code", [(-1000, None), (25000.5, "INVALID"), ("12.345.6", None)])
def test_negative_or_fractional_vnd_prices_are_refused(api, client, admin, channel, price, code):
    zone = ShippingZone.objects.create(name="Z", slug="z", provinces=["ha-tinh"])
    method = ShippingMethod.objects.create(shipping_zone=zone, name="M")

    body = api.post(LISTING, {"id": gid("ShippingMethodType", method.pk), "input": {"addChannels": [{
        "channelId": gid("Channel", channel.pk), "price": price}]}})

    if code:
        assert [(e["field"], e["code"]) for e in body["data"]["shippingMethodChannelListingUpdate"]["errors"]] == [
            ("price", code)]
    else:  # PositiveDecimal refuses the value itself (a GraphQL validation error)
        assert body["errors"]
    assert ShippingMethodChannelListing.objects.count() == 0


def test_bad_zone_input_has_shipping_error_codes(api, client, admin):
    ShippingZone.objects.create(name="Bắc", slug="bac", provinces=["ha-noi"])

    def codes(input):
        return [e["code"] for e in api.data(ZONE_CREATE, {"input": input})["shippingZoneCreate"]["errors"]]

    assert codes({"name": "", "provinces": ["hue"]}) == ["REQUIRED"]
    assert codes({"name": "X", "provinces": ["Atlantis"]}) == ["INVALID"]
    assert codes({"name": "X", "provinces": ["Hà Nội"]}) == ["ALREADY_EXISTS"]
    assert codes({"name": "X", "countries": ["FR"]}) == ["INVALID"]
    assert ShippingZone.objects.count() == 1


@pytest.mark.parametrize("role,allowed", [("anonymous", False), ("shopper", False), ("operator", False),
                                          ("order_manager", False), ("admin", True)])
def test_shipping_permission_matrix(api, client, staff_roles, role, allowed):
    as_user(client, staff_roles[role])

    created = api.post(ZONE_CREATE, {"input": {"name": "Nam Bộ", "provinces": ["ca-mau"]}})
    listed = api.post(ZONES)

    if allowed:
        assert created["data"]["shippingZoneCreate"]["errors"] == [] and listed["data"]["shippingZones"]
    else:
        assert error_codes(created) == ["PermissionDenied"] and error_codes(listed) == ["PermissionDenied"]
        assert ShippingZone.objects.count() == 0


def test_a_shipping_manager_with_the_permission_may(api, client, db):
    from django.contrib.auth.models import Permission

    from marketplace.account.services import user_create

    manager = user_create(email="van-chuyen@example.com", password="mat-khau-an-toan-2026", is_staff=True)
    manager.user_permissions.add(Permission.objects.get(codename="manage_shipping"))
    as_user(client, manager)

    assert api.data(ZONE_CREATE, {"input": {"name": "Tây Nam Bộ", "provinces": ["can-tho"]}})[
        "shippingZoneCreate"]["errors"] == []
