"""Shipping pages in the console: who may open and change them (refused attempts change nothing), creating a zone
from provinces, adding a priced method, and bad VND input answered with a message and nothing written."""

from __future__ import annotations

import pytest
from django.urls import reverse

from marketplace.shipping.models import ShippingMethod, ShippingMethodChannelListing, ShippingZone

pytestmark = pytest.mark.django_db

MATRIX = [("anonymous", "login"), ("shopper", 403), ("operator", 403), ("order_manager", 403), ("admin", 200)]


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


@pytest.fixture
def zone(db):
    return ShippingZone.objects.create(name="Bắc Trung Bộ", slug="btb", provinces=["ha-tinh"])


@pytest.mark.parametrize("role,expected", MATRIX)
def test_shipping_pages_permission_matrix(client, staff_roles, role, expected, zone, channel):
    as_user(client, staff_roles[role])

    pages = [client.get(reverse("storefront:console:shipping")),
             client.get(reverse("storefront:console:shipping_zone", args=[zone.pk]))]
    post = client.post(reverse("storefront:console:shipping"), {"name": "Miền Nam", "provinces": ["ca-mau"]})

    for response in pages:
        if expected == "login":
            assert response.status_code == 302 and "/quan-ly/dang-nhap/" in response["Location"]
        else:
            assert response.status_code == expected
    if expected != 200:
        assert post.status_code in (302, 403) and ShippingZone.objects.count() == 1
    else:
        assert ShippingZone.objects.filter(name="Miền Nam", provinces=["ca-mau"]).exists()


def test_admin_adds_a_priced_method_and_bad_prices_write_nothing(client, admin_user, zone, channel):
    as_user(client, admin_user)
    url = reverse("storefront:console:shipping_zone", args=[zone.pk])
    method = {"action": "method", "name": "Tiêu chuẩn", "type": "price", "channel": str(channel.pk),
              "price": "30.000", "free_shipping_threshold": "500000", "minimum_delivery_days": "2",
              "maximum_delivery_days": "4"}

    for bad in ({"price": "-1000"}, {"price": "25000,5"}, {"free_shipping_threshold": "1.5"},
                {"minimum_delivery_days": "5"}):
        response = client.post(url, {**method, **bad}, follow=True)
        assert any(m.level_tag == "error" for m in response.context["messages"])
    assert (ShippingMethod.objects.count(), ShippingMethodChannelListing.objects.count()) == (0, 0)

    client.post(url, method)

    listing = ShippingMethodChannelListing.objects.get()
    assert (listing.shipping_method.name, listing.price_amount, listing.free_shipping_threshold_amount) == (
        "Tiêu chuẩn", 30_000, 500_000)
    assert 'name="price" inputmode="numeric" value="30000"' in client.get(url).content.decode()
