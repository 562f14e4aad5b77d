"""Browser test at phone size (390x844): a catalogue manager finds a freshly synced product without a price,
uploads a photo, writes the description in the rich-text editor and sets a price; the shop's product page then
shows the photo (a real thumbnail), the description and the price, and the product can be put in the cart."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.factories.catalogue import catalogue_manager, image_bytes  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def synced_unpriced(catalog, warehouse):
    from marketplace.warehouse.services import stock_get_or_create, stock_move

    product = catalog.product("Mật ong bạc hà Mèo Vạc", price=None, variants=["Hũ 250 g"])
    line = stock_get_or_create(warehouse_id=warehouse.pk, variant_id=product.variants.get().pk)
    stock_move(stock_id=line.pk, kind="receive", quantity_delta=8, reference="PGH-1")
    return product


def test_a_catalogue_manager_adds_a_photo_and_a_price_and_the_shop_sells_the_product(
        page, live_server, settings, tmp_path, synced_unpriced, catalogue_manager, screenshot):  # noqa: F811
    settings.ROOT_URLCONF = "tests.e2e.urls_with_media"
    photo = tmp_path / "mat-ong.jpg"
    photo.write_bytes(image_bytes("JPEG", (1600, 1200), "#e0a526"))

    page.goto(live_server.url + "/quan-ly/san-pham/?chua_co_gia=1")
    expect(page).to_have_url(re.compile(r"/quan-ly/dang-nhap/"))
    page.get_by_label("Email").fill("catalogue-t@example.com")
    page.get_by_label("Mật khẩu").fill("pw-test-123")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Mật ong bạc hà Mèo Vạc").click()

    page.get_by_label("Ảnh sản phẩm (JPEG, PNG, WebP, AVIF)").set_input_files(str(photo))
    page.get_by_label("Mô tả ảnh (cho người khiếm thị)").fill("Hũ mật ong bạc hà 250 g")
    page.get_by_role("button", name="Tải ảnh lên").click()
    expect(page.get_by_role("status")).to_contain_text("Đã tải ảnh lên")
    expect(page.locator(".media-item img")).to_have_count(1)

    page.get_by_label("Hũ 250 g").fill("185.000")
    expect(page.get_by_label("Đăng bán", exact=True)).to_be_checked()
    page.get_by_role("button", name="Lưu giá và đăng bán").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu giá")
    screenshot("catalogue-product-phone")

    page.get_by_role("link", name=re.compile("Sửa nội dung")).click()
    editor = page.locator("#editor-description .ce-paragraph").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Mật ong hoa bạc hà cao nguyên đá Đồng Văn.")
    page.get_by_role("button", name="Lưu nội dung").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu nội dung")

    page.goto(live_server.url + f"/san-pham/{synced_unpriced.slug}/")
    image = page.get_by_role("img", name="Hũ mật ong bạc hà 250 g")
    expect(image).to_have_attribute("src", re.compile(r"/thumbnail/\d+/1024/webp/"))
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert image.evaluate("img => img.naturalWidth") == 1024
    expect(page.get_by_text("185.000")).to_be_visible()
    expect(page.get_by_text("Mật ong hoa bạc hà cao nguyên đá Đồng Văn.")).to_be_visible()
    screenshot("catalogue-shop-product-phone")
    page.get_by_role("button", name="Thêm vào giỏ").click()
    expect(page).to_have_url(re.compile(r"/gio-hang/"))
