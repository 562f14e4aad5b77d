"""A shopper on a phone: finds a product typing without diacritics, filters by stars, opens it, sees its badge
and certificate, follows its QR link to the verification page, and switches to English."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_searching_nuoc_mam_finds_nuoc_mam(page: Page, storefront, screenshot):
    page.goto(storefront.url + "/")

    page.get_by_role("searchbox", name="Tìm sản phẩm OCOP").fill("nuoc mam")
    page.get_by_role("button", name="Tìm", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kết quả tìm kiếm cho “nuoc mam”")
    expect(page.locator("#results-count")).to_have_text(re.compile(r"2 sản phẩm"))
    expect(page.get_by_role("link", name="Nước mắm Vũng Áng")).to_be_visible()
    expect(page.get_by_role("link", name="Kẹo cu đơ Phong Nga")).to_have_count(0)
    screenshot("search-nuoc-mam")


def test_filtering_by_five_stars_shows_only_five_star_products_with_counts(page: Page, storefront,
                                                                           screenshot):
    page.goto(storefront.url + "/san-pham/")
    expect(page.locator("#results-count")).to_have_text(re.compile(r"6 sản phẩm"))
    expect(page.locator("label[for=f-stars-5]")).to_contain_text("(3)")
    expect(page.locator("label[for=f-stars-4]")).to_contain_text("(2)")

    page.get_by_text("Bộ lọc", exact=True).click()  # folded on a phone, results first
    # htmx swaps the results in place and updates the URL
    page.get_by_role("checkbox", name=re.compile(r"^5 sao")).check()

    expect(page).to_have_url(re.compile(r"stars=5"))
    expect(page.locator("#results-count")).to_have_text(re.compile(r"3 sản phẩm"))
    expect(page.locator(".card")).to_have_count(3)
    expect(page.locator(".card svg.ocop-badge[aria-label='OCOP 5 sao']")).to_have_count(3)
    expect(page.locator("label[for=f-stars-4]")).to_contain_text("(2)")  # the other choices keep their counts
    expect(page.get_by_role("checkbox", name=re.compile(r"^5 sao"))).to_be_checked()
    screenshot("catalog-five-stars")


def test_a_product_page_shows_its_badge_and_certificate_and_its_qr_leads_to_verification(
        page: Page, storefront, screenshot):
    page.goto(storefront.url + "/san-pham/?q=nuoc+mam+vung+ang")
    page.get_by_role("link", name="Nước mắm Vũng Áng").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Nước mắm Vũng Áng")
    expect(page.get_by_role("img", name="OCOP 5 sao").first).to_be_visible()
    certificate = page.locator("section.certificate")
    expect(certificate.get_by_role("heading", name="Giấy chứng nhận OCOP")).to_be_visible()
    expect(certificate).to_contain_text("15/GCN-UBND")
    expect(certificate).to_contain_text("UBND tỉnh Hà Tĩnh")
    expect(page.get_by_role("img", name="Mã QR xác minh giấy chứng nhận")).to_be_visible()
    expect(page.locator(".variant__price").first).to_have_text("120.000\xa0₫")
    screenshot("product-page")

    page.get_by_role("link", name="Xác minh giấy chứng nhận này").click()

    expect(page).to_have_url(storefront.url + "/verify/15/GCN-UBND/")
    expect(page.locator(".verdict")).to_contain_text("Giấy chứng nhận còn hiệu lực")
    screenshot("verify-valid")


def test_the_verification_page_of_an_expired_certificate_says_so(page: Page, storefront, screenshot):
    page.goto(storefront.url + "/verify/7/GCN-UBND/")

    verdict = page.get_by_role("status").filter(has_text="hết hiệu lực")
    expect(verdict).to_contain_text("Giấy chứng nhận đã hết hiệu lực")
    expect(page.locator("dl")).to_contain_text("Bánh đa vừng cũ")
    expect(page.locator("dl")).to_contain_text("Cơ sở Bánh đa Kế")
    screenshot("verify-expired")


def test_the_english_switch_works_and_keeps_the_search(page: Page, storefront, screenshot):
    page.goto(storefront.url + "/san-pham/?q=nuoc+mam")

    page.get_by_role("link", name="English").click()

    expect(page).to_have_url(storefront.url + "/en/san-pham/?q=nuoc+mam")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Search results for “nuoc mam”")
    expect(page.locator("#results-count")).to_have_text(re.compile(r"2 products"))
    expect(page.get_by_text("₫120,000")).to_be_visible()
    screenshot("english-search")

    page.get_by_role("link", name="Tiếng Việt").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
