"""The permission matrix over the catalogue mutations: anonymous, shopper, operator, promotion staff, catalogue
manager, admin. Only MANAGE_PRODUCTS may change prices, publication and photos; a refusal is a coded
PermissionDenied and changes nothing."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from graphql_relay import to_global_id

from marketplace.core.models import AuditEntry
from marketplace.product.media import product_media_upload
from marketplace.product.models import ProductChannelListing, ProductMedia, ProductVariantChannelListing
from tests.factories.catalogue import image_bytes
from tests.marketplace.graphql.conftest import error_codes

WHO = ["anonymous", "shopper", "operator_a", "promo", "catalogue_manager", "admin_user"]
ALLOWED = {"catalogue_manager", "admin_user"}

MUTATIONS = {
    "productVariantChannelListingUpdate": (
        """mutation($v: ID!, $c: ID!) { productVariantChannelListingUpdate(id: $v,
        input: [{channelId: $c, price: 77000}]) { errors { code } } }""", lambda w: {"v": w["v"], "c": w["c"]}),
    "productChannelListingUpdate": (
        """mutation($p: ID!, $c: ID!) { productChannelListingUpdate(id: $p, input: {updateChannels: [
        {channelId: $c, isPublished: false}]}) { errors { code } } }""", lambda w: {"p": w["p"], "c": w["c"]}),
    "productMediaReorder": (
        """mutation($p: ID!, $m: [ID!]!) { productMediaReorder(productId: $p, mediaIds: $m) { errors { code } } }""",
        lambda w: {"p": w["p"], "m": list(reversed(w["m"]))}),
    "productMediaUpdate": (
        """mutation($m: ID!) { productMediaUpdate(id: $m, input: {alt: "Đổi"}) { errors { code } } }""",
        lambda w: {"m": w["m"][0]}),
    "productMediaDelete": (
        """mutation($m: ID!) { productMediaDelete(id: $m) { errors { code } } }""", lambda w: {"m": w["m"][0]}),
}


@pytest.fixture
def world(catalog, channel):
    product = catalog.product("Nước mắm Vũng Áng", price=120_000)
    media = [product_media_upload(product=product, data=image_bytes(color=c), content_type="image/png", alt=c)
             for c in ("red", "blue")]
    return {"p": to_global_id("Product", product.pk), "c": to_global_id("Channel", channel.pk),
            "v": to_global_id("ProductVariant", product.variants.get().pk),
            "m": [to_global_id("ProductMedia", m.pk) for m in media]}


def _state():
    return (sorted(ProductVariantChannelListing.objects.values_list("variant_id", "price_amount")),
            sorted(ProductChannelListing.objects.values_list("product_id", "is_published")),
            sorted(ProductMedia.objects.values_list("pk", "alt", "sort_order")),
            AuditEntry.objects.count())


def _login(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_only_catalogue_managers_and_admins_change_the_catalogue(api, client, request, world, who, name):
    _login(client, request, who)
    before = _state()
    query, variables = MUTATIONS[name]
    body = api.post(query, variables(world))
    if who in ALLOWED:
        assert "errors" not in body and body["data"][name]["errors"] == []
        assert _state() != before
    else:
        assert error_codes(body) == ["PermissionDenied"]
        assert _state() == before


@pytest.mark.parametrize("who", WHO)
def test_only_catalogue_managers_and_admins_upload_photos(client, request, world, who):
    _login(client, request, who)
    before = _state()
    operations = {"query": """mutation($p: ID!, $i: Upload) { productMediaCreate(input: {product: $p, image: $i})
                  { media { id } errors { code } } }""", "variables": {"p": world["p"], "i": None}}
    body = client.post("/graphql/", data={"operations": json.dumps(operations),
                                          "map": json.dumps({"0": ["variables.i"]}),
                                          "0": SimpleUploadedFile("a.png", image_bytes(), content_type="image/png")
                                          }).json()
    if who in ALLOWED:
        assert body["data"]["productMediaCreate"]["errors"] == [] and ProductMedia.objects.count() == 3
    else:
        assert error_codes(body) == ["PermissionDenied"] and _state() == before
