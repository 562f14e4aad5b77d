"""One permission rule per type: what `node(id:)` gives anonymous visitors and shoppers, for every type that
implements Node, over the README's demo data (plus a draft fair's zone, booth and side event)."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.test import Client
from graphql_relay import to_global_id

from marketplace.account.services import user_create
from marketplace.core.permissions import DiscountPermissions, OrderPermissions, ProductPermissions
from marketplace.graphql.api import schema
from tests.marketplace.graphql.conftest import error_codes

# Types whose rows anyone may read (each still subject to its own publication rule, checked below for fairs).
OPEN_TO_ANYONE = {
    "Attribute", "AttributeValue", "Category", "Channel", "Collection", "FairBooth", "FairEvent", "FairSideEvent",
    "FairZone", "Menu", "MenuItem", "OcopCertificate", "Page", "PageType", "Producer", "Product", "ProductMedia",
    "ProductType", "ProductVariant", "SalesPoint", "Warehouse",
}
# Keyed by an unguessable UUID that works as a capability (a guest's order link, a checkout token): whoever
# holds the ID may read the object, as through `orderByToken` / `checkout(id:)`.
CAPABILITY_TYPES = {"Checkout", "CheckoutLine", "Order", "OrderLine", "TransactionItem"}
# Node types with no backing rows to look up by number.
NOT_MODEL_BACKED = {"ShippingMethod"}
ROWS_PER_TYPE = 4


def node_types() -> dict[str, type]:
    found = {}
    for name, graphql_type in schema.graphql_schema.type_map.items():
        if "Node" in [i.name for i in getattr(graphql_type, "interfaces", None) or []]:
            found[name] = graphql_type.graphene_type
    return found


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("populatedb", "--no-images")
        _draft_fair_parts()
        _counter_sale_and_transfer()
        _a_shipment()
        yield
        call_command("flush", "--no-input")


def _a_shipment() -> None:
    """A parcel on its way (the demo ships none), so Fulfillment and FulfillmentLine have rows to try."""
    from marketplace.order.models import Fulfillment, FulfillmentLine, OrderLine

    line = OrderLine.objects.order_by("pk").first()
    fulfillment = Fulfillment.objects.create(order=line.order, fulfillment_order=1, tracking_number="VN0001")
    FulfillmentLine.objects.create(fulfillment=fulfillment, order_line=line, quantity=1)


def _draft_fair_parts() -> None:
    from datetime import timedelta

    from django.utils import timezone

    from marketplace.fair.models import Booth, FairSideEvent, FairZone
    from marketplace.fair.services import FairData, fair_create
    from marketplace.producer.models import Producer

    start = timezone.now() + timedelta(days=40)
    draft = fair_create(data=FairData(name="Hội chợ nháp (chưa công bố)", start_at=start,
                                      end_at=start + timedelta(days=2), venue_name="Bí mật", province="Hà Tĩnh"))
    zone = FairZone.objects.create(fair=draft, name="Khu bí mật", code="Z")
    Booth.objects.create(fair=draft, zone=zone, code="Z-1", producer=Producer.objects.order_by("pk").first())
    FairSideEvent.objects.create(fair=draft, kind="workshop", title="Hội thảo nháp", description="",
                                 start_at=start, location="Phòng họp", stream_url="")


def _counter_sale_and_transfer() -> None:
    """The demo has neither yet; an operator's sale and transfer at their own point."""
    from marketplace.salespoint.models import SalesPoint
    from marketplace.salespoint.services import counter_sale_create, stock_transfer_create
    from marketplace.warehouse.models import Stock

    point = SalesPoint.objects.filter(operators__email="operator@example.com").get()
    other = SalesPoint.objects.exclude(pk=point.pk).order_by("pk").first()
    operator = point.operators.get()
    stock = Stock.objects.filter(warehouse_id=point.warehouse_id, quantity__gt=5).order_by("pk").first()
    counter_sale_create(actor=operator, warehouse_id=point.warehouse_id, lines=[(stock.product_variant_id, 1)],
                        payment_method="cash")
    stock_transfer_create(actor=operator, source_id=point.warehouse_id, destination_id=other.warehouse_id,
                          lines=[(stock.product_variant_id, 1)])


def _rows(graphene_type) -> list[str]:
    model = graphene_type._meta.model
    rows = list(model.objects.order_by("pk").values_list("pk", flat=True)[:ROWS_PER_TYPE])
    if model.__name__ in ("FairZone", "Booth", "FairSideEvent"):
        rows += list(model.objects.filter(fair__published_at__isnull=True).values_list("pk", flat=True))
    return [str(pk) for pk in rows]


def _staff(email: str, permissions: list) -> Client:
    from django.contrib.auth.models import Permission

    user = user_create(email=email, password="x", is_staff=True)
    user.user_permissions.add(*(Permission.objects.get(codename=p.codename) for p in permissions))
    client = Client()
    client.force_login(user)
    return client


def _node(client: Client, global_id: str) -> tuple[dict | None, list[str]]:
    query = "query($id: ID!) { node(id: $id) { __typename id } }"
    body = client.post("/graphql/", json.dumps({"query": query, "variables": {"id": global_id}}),
                       content_type="application/json").json()
    return (body.get("data") or {}).get("node"), error_codes(body)


def _readers() -> dict[str, tuple[Client, str | None]]:
    """Each reader with the node they may read beyond the open types: a shopper reads themself, as with `me`."""
    shopper = Client()
    user = user_create(email="walker@example.com", password="mat-khau-an-toan-2026")
    shopper.force_login(user)
    return {"anonymous": (Client(), None), "shopper": (shopper, to_global_id("User", user.pk))}


@pytest.mark.django_db
@pytest.mark.slow
def test_no_type_is_readable_through_node_beyond_its_own_rule(demo):
    types = node_types()
    assert {"OrderEvent", "TransactionEvent", "RegistryRejectedRecord", "PromotionRule", "FairZone"} <= set(types)
    leaks, unchecked = [], []
    for reader, (client, own_id) in _readers().items():
        for name, graphene_type in sorted(types.items()):
            if name in NOT_MODEL_BACKED:
                continue
            rows = _rows(graphene_type)
            if not rows:
                unchecked.append(name)
                continue
            for pk in rows:
                node, codes = _node(client, to_global_id(name, pk))
                if node is None or node["id"] == own_id:
                    continue
                private_fair_part = name in ("FairZone", "FairBooth", "FairSideEvent") and \
                    graphene_type._meta.model.objects.filter(pk=pk, fair__published_at__isnull=True).exists()
                if (name not in OPEN_TO_ANYONE and name not in CAPABILITY_TYPES) or private_fair_part:
                    leaks.append(f"{reader} read {name}:{pk}")
    assert sorted(set(leaks)) == []
    # Every closed type had rows to try, so the walk proved something for each of them.
    assert sorted(set(unchecked) - OPEN_TO_ANYONE - CAPABILITY_TYPES) == []


@pytest.mark.django_db
@pytest.mark.slow
def test_order_events_show_the_customer_email_only_to_order_staff(demo):
    from marketplace.order.models import OrderEvent

    event = OrderEvent.objects.exclude(order__user_email="").order_by("pk").first()
    global_id = to_global_id("OrderEvent", event.pk)
    query = "query($id: ID!) { node(id: $id) { ... on OrderEvent { email orderNumber } } }"
    for client, _own in _readers().values():
        body = client.post("/graphql/", json.dumps({"query": query, "variables": {"id": global_id}}),
                           content_type="application/json").json()
        assert body["data"]["node"] is None
        assert event.order.user_email not in json.dumps(body)
    staff = _staff("orders@example.com", [OrderPermissions.MANAGE_ORDERS])
    body = staff.post("/graphql/", json.dumps({"query": query, "variables": {"id": global_id}}),
                      content_type="application/json").json()
    assert body["data"]["node"] is not None


@pytest.mark.django_db
@pytest.mark.slow
def test_private_metadata_needs_the_permission_that_owns_the_object(demo):
    from marketplace.certification.selectors import products_visible
    from marketplace.channel.selectors import channel_get_by_slug
    from marketplace.product.models import Product

    # a product every shopper sees, so only the private metadata can be refused (not the product itself)
    product = products_visible(channel_id=channel_get_by_slug(slug=None).pk).order_by("pk").first()
    Product.objects.filter(pk=product.pk).update(private_metadata={"supplier_cost": "12000"})
    query = 'query($id: ID!) { product(id: $id, channel: "default-channel") { privateMetadata { key value } } }'
    variables = {"id": to_global_id("Product", product.pk)}

    def read(permissions):
        client = _staff(f"{permissions[0].codename}@example.com", permissions)
        return client.post("/graphql/", json.dumps({"query": query, "variables": variables}),
                           content_type="application/json").json()

    other_staff = read([DiscountPermissions.MANAGE_DISCOUNTS])
    assert error_codes(other_staff) == ["PermissionDenied"]
    assert "12000" not in json.dumps(other_staff)
    owner = read([ProductPermissions.MANAGE_PRODUCTS])
    assert owner["data"]["product"]["privateMetadata"] == [{"key": "supplier_cost", "value": "12000"}]
