"""The catalogue console (/quan-ly/san-pham/): who may open and change it, prices and publication per channel,
photos, content with rich text; refused attempts and bad input change nothing."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from marketplace.core.models import AuditEntry
from marketplace.product.models import (
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductVariantChannelListing,
)
from tests.factories.catalogue import image_bytes

WHO = ["anonymous", "shopper", "operator_a", "promo", "catalogue_manager", "admin_user"]
ALLOWED = {"catalogue_manager", "admin_user"}


@pytest.fixture
def unpriced(catalog):
    """A product as a fresh registry sync leaves it: certified, published, no price."""
    return catalog.product("Mật ong bạc hà Mèo Vạc", price=None, variants=["Hũ 250 g", "Hũ 500 g"])


@pytest.fixture
def priced(catalog):
    return catalog.product("Nước mắm Vũng Áng", price=120_000)


def _login(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


def _state():
    return (sorted(ProductVariantChannelListing.objects.values_list("variant_id", "channel_id", "price_amount")),
            sorted(ProductChannelListing.objects.values_list("product_id", "is_published", "visible_in_listings",
                                                             "available_for_purchase_at")),
            sorted(ProductMedia.objects.values_list("pk", "alt", "sort_order")),
            sorted(Product.objects.values_list("pk", "description_edited_at")), AuditEntry.objects.count())


PAGES = {
    "list": lambda p: reverse("storefront:console:catalogue"),
    "product": lambda p: reverse("storefront:console:catalogue_product", args=[p.pk]),
    "content": lambda p: reverse("storefront:console:catalogue_content", args=[p.pk]),
    "price_list": lambda p: reverse("storefront:console:catalogue_price_list"),
    "price_list_xlsx": lambda p: reverse("storefront:console:catalogue_price_list") + "?tai=1",
}


@pytest.mark.django_db
@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_catalogue_pages_open_only_for_catalogue_managers_and_admins(client, request, unpriced, who, page):
    _login(client, request, who)
    response = client.get(PAGES[page](unpriced))
    if who == "anonymous":
        assert response.status_code == 302 and reverse("storefront:console:login") in response["Location"]
    elif who in ALLOWED:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


def _posts(product, channel):
    variant = product.variants.order_by("sort_order").first()
    media = ProductMedia.objects.filter(product=product).first()
    return {
        "offer": (reverse("storefront:console:catalogue_product", args=[product.pk]),
                  {"channel": channel.pk, f"c{channel.pk}-is_published": "on",
                   f"c{channel.pk}-visible_in_listings": "on", f"c{channel.pk}-price_{variant.pk}": "99000"}),
        "upload": (reverse("storefront:console:catalogue_media_upload", args=[product.pk]),
                   {"image": SimpleUploadedFile("a.png", image_bytes(), content_type="image/png"), "alt": "x"}),
        "alt": (reverse("storefront:console:catalogue_media_change", args=[product.pk, media.pk]),
                {"action": "alt", "alt": "Đổi"}),
        "delete": (reverse("storefront:console:catalogue_media_change", args=[product.pk, media.pk]),
                   {"action": "delete"}),
        "content": (reverse("storefront:console:catalogue_content", args=[product.pk]),
                    {"description": json.dumps({"blocks": [{"type": "paragraph", "data": {"text": "Mới"}}]}),
                     "name_en": "Honey", "description_en": "", "story": "Chuyện", "story_en": ""}),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("who", [w for w in WHO if w not in ALLOWED])
@pytest.mark.parametrize("action", ["offer", "upload", "alt", "delete", "content"])
def test_refused_changes_change_nothing(client, request, unpriced, channel, who, action):
    from marketplace.product.media import product_media_upload

    product_media_upload(product=unpriced, data=image_bytes(), content_type="image/png", alt="Ảnh")
    _login(client, request, who)
    before = _state()
    url, data = _posts(unpriced, channel)[action]
    response = client.post(url, data)
    assert response.status_code in (302, 403)
    if who != "anonymous":
        assert response.status_code == 403
    assert _state() == before


def test_no_price_yet_filter_finds_freshly_synced_products(client, catalogue_manager, unpriced, priced):
    client.force_login(catalogue_manager)
    url = reverse("storefront:console:catalogue")
    everything = client.get(url).content.decode()
    assert unpriced.name in everything and priced.name in everything
    unpriced_only = client.get(url, {"chua_co_gia": "1"}).content.decode()
    assert unpriced.name in unpriced_only and priced.name not in unpriced_only
    found = client.get(url, {"q": "mat ong"}).content.decode()
    assert unpriced.name in found and priced.name not in found


def test_a_manager_prices_and_publishes_a_synced_product_and_the_shop_sells_it(client, catalogue_manager, unpriced,
                                                                              channel, warehouse):
    from marketplace.warehouse.services import stock_get_or_create, stock_move

    variant = unpriced.variants.order_by("sort_order").first()
    line = stock_get_or_create(warehouse_id=warehouse.pk, variant_id=variant.pk)
    stock_move(stock_id=line.pk, kind="receive", quantity_delta=5, reference="T")
    shop_page = reverse("storefront:product", args=[unpriced.slug])
    assert "Thêm vào giỏ" not in client.get(shop_page).content.decode()
    client.force_login(catalogue_manager)
    response = client.post(reverse("storefront:console:catalogue_product", args=[unpriced.pk]), {
        "channel": channel.pk, f"c{channel.pk}-is_published": "on", f"c{channel.pk}-visible_in_listings": "on",
        f"c{channel.pk}-price_{variant.pk}": "150.000"})
    assert response.status_code == 302
    assert ProductVariantChannelListing.objects.get(variant=variant, channel=channel).price_amount == 150000
    assert AuditEntry.objects.filter(action="variant_price_set", actor=catalogue_manager).count() == 1
    html = client.get(shop_page).content.decode()
    assert "150.000" in html and "Thêm vào giỏ" in html


@pytest.mark.parametrize(("typed", "message"), [("-5000", "không được âm"), ("12000.5", "không có phần lẻ"),
                                                ("mười nghìn", "phải là một số")])
def test_a_bad_price_is_refused_with_a_message_and_nothing_is_written(client, catalogue_manager, unpriced, channel,
                                                                      typed, message):
    client.force_login(catalogue_manager)
    first, second = unpriced.variants.order_by("sort_order")
    before = _state()
    response = client.post(reverse("storefront:console:catalogue_product", args=[unpriced.pk]), {
        "channel": channel.pk, f"c{channel.pk}-is_published": "on", f"c{channel.pk}-price_{first.pk}": "99000",
        f"c{channel.pk}-price_{second.pk}": typed})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _state() == before


def test_unpublishing_hides_the_product_from_the_shop(client, catalogue_manager, priced, channel):
    client.force_login(catalogue_manager)
    response = client.post(reverse("storefront:console:catalogue_product", args=[priced.pk]),
                           {"channel": channel.pk, f"c{channel.pk}-visible_in_listings": "on"})
    assert response.status_code == 302
    assert client.get(reverse("storefront:product", args=[priced.slug])).status_code == 404


def test_a_later_availability_date_keeps_the_product_unbuyable_until_then(client, catalogue_manager, priced,
                                                                          channel):
    from datetime import date, timedelta

    opening = (date.today() + timedelta(days=10)).isoformat()
    client.force_login(catalogue_manager)
    client.post(reverse("storefront:console:catalogue_product", args=[priced.pk]), {
        "channel": channel.pk, f"c{channel.pk}-is_published": "on", f"c{channel.pk}-visible_in_listings": "on",
        f"c{channel.pk}-available_from": opening})
    from django.utils import timezone

    from marketplace.checkout.purchase import variants_purchase_info

    listing = ProductChannelListing.objects.get(product=priced, channel=channel)
    assert timezone.localtime(listing.available_for_purchase_at).date().isoformat() == opening
    variant = priced.variants.get()
    info = variants_purchase_info(variant_ids=[variant.pk], channel_id=channel.pk)[variant.pk]
    assert info.code == "PRODUCT_UNAVAILABLE_FOR_PURCHASE"
    later = variants_purchase_info(variant_ids=[variant.pk], channel_id=channel.pk,
                                   at=listing.available_for_purchase_at)[variant.pk]
    assert later.ok


def test_photos_upload_reorder_alt_and_delete_in_the_console(client, catalogue_manager, priced):
    client.force_login(catalogue_manager)
    upload = reverse("storefront:console:catalogue_media_upload", args=[priced.pk])
    for color in ("red", "blue"):
        client.post(upload, {"image": SimpleUploadedFile(f"{color}.png", image_bytes(color=color),
                                                         content_type="image/png"), "alt": color})
    red, blue = ProductMedia.objects.filter(product=priced).order_by("sort_order")
    change = lambda m: reverse("storefront:console:catalogue_media_change", args=[priced.pk, m.pk])  # noqa: E731
    client.post(change(blue), {"action": "up"})
    assert list(ProductMedia.objects.filter(product=priced).order_by("sort_order").values_list("alt", flat=True)) \
        == ["blue", "red"]
    client.post(change(red), {"action": "alt", "alt": "Chai đỏ"})
    client.post(change(blue), {"action": "delete"})
    assert list(ProductMedia.objects.filter(product=priced).values_list("alt", flat=True)) == ["Chai đỏ"]


def test_a_wrong_file_is_refused_with_a_message(client, catalogue_manager, priced):
    client.force_login(catalogue_manager)
    response = client.post(reverse("storefront:console:catalogue_media_upload", args=[priced.pk]), {
        "image": SimpleUploadedFile("virus.png", b"MZ\x90\x00 not an image", content_type="image/png")},
        follow=True)
    assert "INVALID_FILE_TYPE" in response.content.decode()
    assert not ProductMedia.objects.exists()


def test_rich_description_is_stored_as_editorjs_and_rendered_safely(client, catalogue_manager, priced):
    client.force_login(catalogue_manager)
    description = {"time": 1, "version": "2.29.1", "blocks": [
        {"type": "header", "data": {"text": "Hương vị", "level": 3}},
        {"type": "paragraph", "data": {"text": "Ủ chượp <b>12 tháng</b><script>alert(1)</script>"}},
        {"type": "list", "data": {"style": "unordered", "items": ["Cá cơm", "Muối <img src=x onerror=alert(1)>"]}},
    ]}
    response = client.post(reverse("storefront:console:catalogue_content", args=[priced.pk]), {
        "description": json.dumps(description), "name_en": "Vung Ang fish sauce",
        "description_en": json.dumps({"blocks": [{"type": "paragraph", "data": {"text": "Aged 12 months"}}]}),
        "story": "Ba thế hệ làm nước mắm.", "story_en": "Three generations."})
    assert response.status_code == 302
    priced.refresh_from_db()
    assert priced.description["blocks"][1]["data"]["text"] == "Ủ chượp <b>12 tháng</b>"
    assert priced.description_plaintext.startswith("Hương vị\n\nỦ chượp 12 tháng")
    assert ProductTranslation.objects.get(product=priced, language_code="en").name == "Vung Ang fish sauce"
    html = client.get(reverse("storefront:product", args=[priced.slug])).content.decode()
    assert "<h3>Hương vị</h3>" in html and "<b>12 tháng</b>" in html and "<li>Cá cơm</li>" in html
    assert "alert(1)" not in html and "onerror" not in html
    assert "Ba thế hệ làm nước mắm." in html


def test_registry_sync_keeps_an_edited_description(catalogue_manager, priced):
    from marketplace.product.content import product_content_update
    from marketplace.product.services import product_details_update

    product_content_update(product=priced, actor=catalogue_manager,
                           description={"blocks": [{"type": "paragraph", "data": {"text": "Do biên tập viết"}}]})
    product_details_update(product=priced, name=priced.name, description="Mô tả mới từ hệ thống đăng ký",
                           category_id=priced.category_id, producer_id=priced.producer_id)
    priced.refresh_from_db()
    assert priced.description_plaintext == "Do biên tập viết"


def test_content_that_is_not_editorjs_is_refused(client, catalogue_manager, priced):
    client.force_login(catalogue_manager)
    before = _state()
    response = client.post(reverse("storefront:console:catalogue_content", args=[priced.pk]), {
        "description": json.dumps(["not", "editorjs"]), "name_en": "", "description_en": "", "story": ""})
    assert response.status_code == 400
    assert _state() == before


def test_price_list_upload_is_a_dry_run_first_then_applied(client, catalogue_manager, unpriced, channel):
    from io import BytesIO

    from openpyxl import load_workbook

    client.force_login(catalogue_manager)
    url = reverse("storefront:console:catalogue_price_list")
    download = client.get(url, {"tai": "1"})
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(download.content)).active
    sheet.cell(2, 5).value = 75000
    out = BytesIO()
    sheet.parent.save(out)
    before = _state()
    response = client.post(url, {"action": "check", "file": SimpleUploadedFile("bang-gia.xlsx", out.getvalue())})
    assert response.status_code == 200 and "75000" in response.content.decode()
    assert _state() == before
    digest = response.context["digest"]
    response = client.post(url, {"action": "apply", "digest": digest})
    assert response.status_code == 302
    assert ProductVariantChannelListing.objects.get(variant__sku=sheet.cell(2, 1).value).price_amount == 75000


def test_price_list_with_a_bad_row_shows_the_row_and_offers_no_apply(client, catalogue_manager, unpriced):
    from io import BytesIO

    from openpyxl import load_workbook

    client.force_login(catalogue_manager)
    url = reverse("storefront:console:catalogue_price_list")
    sheet = load_workbook(BytesIO(client.get(url, {"tai": "1"}).content)).active
    sheet.cell(2, 5).value = 75000
    sheet.cell(3, 5).value = -1
    out = BytesIO()
    sheet.parent.save(out)
    before = _state()
    response = client.post(url, {"action": "check", "file": SimpleUploadedFile("bang-gia.xlsx", out.getvalue())})
    html = response.content.decode()
    assert response.status_code == 400 and "INVALID_PRICE" in html and 'value="apply"' not in html
    response = client.post(url, {"action": "apply", "digest": "forged"})
    assert response.status_code == 302 and _state() == before
