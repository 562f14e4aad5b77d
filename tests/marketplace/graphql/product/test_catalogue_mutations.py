"""Saleor's catalogue mutations: prices and publication per channel, photos (multipart upload), thumbnails.
Bad input comes back as `errors { field code }` and stores nothing."""

from __future__ import annotations

import json
from decimal import Decimal
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from graphql_relay import to_global_id

from marketplace.channel.services import channel_ensure
from marketplace.core.models import AuditEntry
from marketplace.product.models import ProductChannelListing, ProductMedia, ProductVariantChannelListing
from tests.factories.catalogue import image_bytes

PRICE = """mutation($id: ID!, $input: [ProductVariantChannelListingAddInput!]!) {
  productVariantChannelListingUpdate(id: $id, input: $input) {
    variant { id channelListings { channel { slug } price { amount currency } } }
    errors { field code message channels }
  }
}"""
LISTING = """mutation($id: ID!, $input: ProductChannelListingUpdateInput!) {
  productChannelListingUpdate(id: $id, input: $input) {
    product { id channelListings { channel { slug } isPublished visibleInListings availableForPurchaseAt } }
    errors { field code channels }
  }
}"""
MEDIA_CREATE = """mutation($product: ID!, $image: Upload, $alt: String) {
  productMediaCreate(input: {product: $product, image: $image, alt: $alt}) {
    media { id alt url } errors { field code message }
  }
}"""


def upload(client, product_gid: str, content: bytes, *, name: str = "anh.png", content_type: str = "image/png",
           alt: str = "Chai nước mắm") -> dict:
    operations = {"query": MEDIA_CREATE, "variables": {"product": product_gid, "image": None, "alt": alt}}
    response = client.post("/graphql/", data={
        "operations": json.dumps(operations), "map": json.dumps({"0": ["variables.image"]}),
        "0": SimpleUploadedFile(name, content, content_type=content_type)})
    assert response.status_code == 200, response.content[:300]
    return response.json()


@pytest.fixture
def product(catalog):
    return catalog.product("Nước mắm Vũng Áng", price=None, variants=["Chai 500 ml", "Chai 1 lít"])


def test_a_catalogue_manager_prices_a_packaging_in_whole_dong_and_it_is_audited(api, client, catalogue_manager,
                                                                              product, channel):
    client.force_login(catalogue_manager)
    variant = product.variants.order_by("sort_order").first()
    data = api.data(PRICE, {"id": to_global_id("ProductVariant", variant.pk),
                            "input": [{"channelId": to_global_id("Channel", channel.pk), "price": 125000}]})
    result = data["productVariantChannelListingUpdate"]
    assert result["errors"] == []
    assert result["variant"]["channelListings"] == [
        {"channel": {"slug": channel.slug}, "price": {"amount": 125000.0, "currency": "VND"}}]
    assert ProductChannelListing.objects.get(product=product, channel=channel).discounted_price_amount == 125000
    entry = AuditEntry.objects.get(action="variant_price_set")
    assert entry.actor == catalogue_manager and entry.after["price_amount"] == "125000"


@pytest.mark.parametrize("price", [125000.5, "99.9"])
def test_a_fractional_price_is_refused_and_nothing_is_written(api, client, catalogue_manager, product, channel,
                                                              price):
    client.force_login(catalogue_manager)
    variant = product.variants.first()
    other = channel_ensure(slug="kenh-ha-tinh", name="Hà Tĩnh")
    ProductChannelListing.objects.create(product=product, channel=other)
    data = api.data(PRICE, {"id": to_global_id("ProductVariant", variant.pk), "input": [
        {"channelId": to_global_id("Channel", other.pk), "price": 50000},
        {"channelId": to_global_id("Channel", channel.pk), "price": price}]})
    errors = data["productVariantChannelListingUpdate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("price", "INVALID_PRICE")]
    assert not ProductVariantChannelListing.objects.filter(variant=variant).exists()


def test_a_negative_price_is_refused_by_the_scalar(api, client, catalogue_manager, product, channel):
    client.force_login(catalogue_manager)
    body = api.post(PRICE, {"id": to_global_id("ProductVariant", product.variants.first().pk),
                            "input": [{"channelId": to_global_id("Channel", channel.pk), "price": -1}]})
    assert body["errors"] and not ProductVariantChannelListing.objects.exists()


def test_a_packaging_cannot_be_priced_in_a_channel_its_product_is_not_in(api, client, catalogue_manager, product):
    client.force_login(catalogue_manager)
    other = channel_ensure(slug="kenh-khac", name="Kênh khác")
    data = api.data(PRICE, {"id": to_global_id("ProductVariant", product.variants.first().pk),
                            "input": [{"channelId": to_global_id("Channel", other.pk), "price": 1000}]})
    errors = data["productVariantChannelListingUpdate"]["errors"]
    assert [(e["code"], e["channels"]) for e in errors] == [
        ("PRODUCT_NOT_ASSIGNED_TO_CHANNEL", [to_global_id("Channel", other.pk)])]
    assert not ProductVariantChannelListing.objects.exists()


def test_publication_per_channel_follows_saleors_input(api, client, catalogue_manager, product, channel):
    client.force_login(catalogue_manager)
    gid, cid = to_global_id("Product", product.pk), to_global_id("Channel", channel.pk)
    data = api.data(LISTING, {"id": gid, "input": {"updateChannels": [{
        "channelId": cid, "isPublished": False, "visibleInListings": False,
        "availableForPurchaseAt": "2030-01-02T00:00:00+07:00"}]}})
    result = data["productChannelListingUpdate"]
    assert result["errors"] == []
    assert result["product"]["channelListings"] == [{"channel": {"slug": channel.slug}, "isPublished": False,
                                                      "visibleInListings": False,
                                                      "availableForPurchaseAt": "2030-01-01T17:00:00+00:00"}]
    data = api.data(LISTING, {"id": gid, "input": {"updateChannels": [{"channelId": cid, "isPublished": True}]}})
    listing = ProductChannelListing.objects.get(product=product, channel=channel)
    assert listing.is_published and listing.published_at is not None and not listing.visible_in_listings
    data = api.data(LISTING, {"id": gid, "input": {"removeChannels": [cid]}})
    assert data["productChannelListingUpdate"]["product"]["channelListings"] == []


def test_an_unknown_channel_is_refused_with_its_id(api, client, catalogue_manager, product):
    client.force_login(catalogue_manager)
    ghost = to_global_id("Channel", 999999)
    data = api.data(LISTING, {"id": to_global_id("Product", product.pk),
                              "input": {"updateChannels": [{"channelId": ghost, "isPublished": True}]}})
    assert [(e["code"], e["channels"]) for e in data["productChannelListingUpdate"]["errors"]] == [
        ("NOT_FOUND", [ghost])]


def test_a_photo_is_uploaded_as_a_multipart_request(client, catalogue_manager, product):
    client.force_login(catalogue_manager)
    body = upload(client, to_global_id("Product", product.pk), image_bytes("JPEG"), name="a.jpg",
                  content_type="image/jpeg")
    result = body["data"]["productMediaCreate"]
    assert result["errors"] == [] and result["media"]["alt"] == "Chai nước mắm"
    media = ProductMedia.objects.get(product=product)
    assert media.image.name.endswith(".jpg") and media.image.storage.exists(media.image.name)


@pytest.mark.parametrize(("content", "name", "content_type", "code"), [
    (b"%PDF-1.4 not an image", "giay.pdf", "application/pdf", "UNSUPPORTED_MIME_TYPE"),
    (b"plain text pretending", "anh.png", "image/png", "INVALID_FILE_TYPE"),
    (image_bytes("BMP"), "anh.bmp", "image/bmp", "UNSUPPORTED_MIME_TYPE"),
    (image_bytes("TIFF"), "anh.png", "image/png", "INVALID_FILE_TYPE"),
])
def test_wrong_file_types_are_refused_and_nothing_is_stored(client, catalogue_manager, product, content, name,
                                                            content_type, code):
    client.force_login(catalogue_manager)
    body = upload(client, to_global_id("Product", product.pk), content, name=name, content_type=content_type)
    assert [e["code"] for e in body["data"]["productMediaCreate"]["errors"]] == [code]
    assert not ProductMedia.objects.exists()


def test_an_oversize_photo_is_refused(client, settings, catalogue_manager, product):
    settings.PRODUCT_MEDIA_MAX_BYTES = 1000
    client.force_login(catalogue_manager)
    body = upload(client, to_global_id("Product", product.pk), image_bytes("PNG", (800, 800)))
    assert [e["code"] for e in body["data"]["productMediaCreate"]["errors"]] == ["FILE_SIZE_LIMIT_EXCEEDED"]
    assert not ProductMedia.objects.exists()


def test_a_malformed_multipart_request_is_a_400_not_a_500(client, catalogue_manager):
    client.force_login(catalogue_manager)
    response = client.post("/graphql/", data={"operations": "{not json", "map": "{}"})
    assert response.status_code == 400


def test_photos_are_reordered_retitled_and_deleted(api, client, catalogue_manager, product):
    client.force_login(catalogue_manager)
    gid = to_global_id("Product", product.pk)
    ids = [upload(client, gid, image_bytes(color=c))["data"]["productMediaCreate"]["media"]["id"]
           for c in ("red", "blue")]
    data = api.data("""mutation($p: ID!, $m: [ID!]!) { productMediaReorder(productId: $p, mediaIds: $m) {
        media { id sortOrder } errors { code } } }""", {"p": gid, "m": list(reversed(ids))})
    assert [m["id"] for m in data["productMediaReorder"]["media"]] == list(reversed(ids))
    data = api.data("""mutation($p: ID!, $m: [ID!]!) { productMediaReorder(productId: $p, mediaIds: $m) {
        errors { code } } }""", {"p": gid, "m": ids[:1]})
    assert [e["code"] for e in data["productMediaReorder"]["errors"]] == ["NOT_PRODUCTS_IMAGE"]
    data = api.data("""mutation($id: ID!) { productMediaUpdate(id: $id, input: {alt: "Hộp quà"}) {
        media { alt } errors { code } } }""", {"id": ids[0]})
    assert data["productMediaUpdate"]["media"]["alt"] == "Hộp quà"
    name = ProductMedia.objects.order_by("pk").first().image.name
    storage = ProductMedia.objects.first().image.storage
    with django_capture_on_commit():
        data = api.data("""mutation($id: ID!) { productMediaDelete(id: $id) { media { id } errors { code } } }""",
                        {"id": ids[0]})
    assert data["productMediaDelete"]["media"]["id"] == ids[0]
    assert ProductMedia.objects.count() == 1 and not storage.exists(name)


def django_capture_on_commit():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


THUMB = """query($slug: String!, $size: Int, $format: ThumbnailFormatEnum) { product(slug: $slug) {
  thumbnail(size: $size, format: $format) { url alt } media { url(size: $size, format: $format) } } }"""


@pytest.mark.parametrize(("asked", "served", "fmt", "pil_format"), [
    (300, 256, "WEBP", "WEBP"), (100, 128, "ORIGINAL", "JPEG"), (60, 64, "AVIF", "AVIF"),
])
def test_thumbnails_honour_size_and_format_and_are_made_once(api, client, catalog, asked, served, fmt,
                                                             pil_format):
    from io import BytesIO

    from easy_thumbnails.models import Thumbnail
    from PIL import Image

    from marketplace.product.media import product_media_upload

    product = catalog.product("Kẹo cu đơ", price=45_000)
    product_media_upload(product=product, data=image_bytes("JPEG", (1200, 800)), content_type="image/jpeg")
    data = api.data(THUMB, {"slug": product.slug, "size": asked, "format": fmt})
    url = data["product"]["thumbnail"]["url"]
    assert url.endswith(f"/thumbnail/{product.media.get().pk}/{served}/{fmt.lower()}/")
    assert data["product"]["media"][0]["url"] == url
    first = client.get(url)
    assert first.status_code == 302
    stored = ProductMedia.objects.get().image.storage
    path = unquote(first["Location"].removeprefix("/media/"))
    with stored.open(path) as f:
        image = Image.open(BytesIO(f.read()))
        assert image.format == pil_format and max(image.size) == served
    assert client.get(url)["Location"] == first["Location"]
    assert Thumbnail.objects.count() == 1


def test_size_zero_is_the_original_file(api, catalog):
    from marketplace.product.media import product_media_upload

    product = catalog.product("Chè", price=45_000)
    media = product_media_upload(product=product, data=image_bytes("PNG"), content_type="image/png")
    data = api.data(THUMB, {"slug": product.slug, "size": 0, "format": "WEBP"})
    assert data["product"]["thumbnail"]["url"].endswith(media.image.url)


def test_prices_are_only_stored_as_decimals_of_whole_dong(catalog, channel):
    from marketplace.product.services import variant_price_set

    product = catalog.product("Mật ong", price=None)
    listing = variant_price_set(variant=product.variants.get(), channel_id=channel.pk, price="150000")
    assert listing.price_amount == Decimal("150000")
