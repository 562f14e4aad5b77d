"""The Excel price list: export, dry run, apply; a refused row (negative or fractional đồng, unknown packaging or
channel, bad date or yes/no) is reported by row number and nothing at all is written."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook

from marketplace.core.models import AuditEntry
from marketplace.product.models import ProductChannelListing, ProductVariantChannelListing
from marketplace.product.price_list import COLUMNS, price_list_export, price_list_import


@pytest.fixture
def products(catalog):
    fish = catalog.product("Nước mắm Vũng Áng", price=120_000, variants=["Chai 500 ml", "Chai 1 lít"])
    honey = catalog.product("Mật ong bạc hà", price=None)
    return fish, honey


def _sheet(data: bytes):
    return load_workbook(BytesIO(data)).active


def _save(sheet) -> bytes:
    out = BytesIO()
    sheet.parent.save(out)
    return out.getvalue()


def _row_of(sheet, sku: str) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == sku)


def _state():
    return (sorted(ProductVariantChannelListing.objects.values_list("variant_id", "price_amount",
                                                                    "prior_price_amount")),
            sorted(ProductChannelListing.objects.values_list("product_id", "is_published", "visible_in_listings",
                                                             "available_for_purchase_at")),
            AuditEntry.objects.count())


def test_the_export_has_one_row_per_packaging_and_channel_and_reimports_unchanged(products, channel):
    sheet = _sheet(price_list_export())
    assert tuple(c.value for c in sheet[1]) == COLUMNS
    rows = {(r[0], r[3]): r for r in sheet.iter_rows(min_row=2, values_only=True)}
    fish, honey = products
    assert len(rows) == 3
    assert rows[(fish.variants.order_by("sort_order").first().sku, channel.slug)][4] == 120000
    assert rows[(honey.variants.get().sku, channel.slug)][4] is None
    report = price_list_import(data=price_list_export(), dry_run=False)
    assert report.errors == [] and report.changes == []


def test_dry_run_reports_changes_and_writes_nothing_then_applying_writes_them(products, channel):
    fish, honey = products
    sheet = _sheet(price_list_export())
    honey_row = _row_of(sheet, honey.variants.get().sku)
    sheet.cell(honey_row, 5).value = 210000
    sheet.cell(honey_row, 9).value = "15/01/2027"
    data = _save(sheet)
    before = _state()
    report = price_list_import(data=data, dry_run=True)
    assert report.errors == []
    assert [(c.row, c.changes["price"]) for c in report.changes] == [(honey_row, (None, 210000))]
    assert report.changes[0].changes["available_for_purchase_at"][1] == "15/01/2027"
    assert _state() == before
    report = price_list_import(data=data, dry_run=False)
    assert report.written
    assert ProductVariantChannelListing.objects.get(variant__product=honey).price_amount == 210000
    listing = ProductChannelListing.objects.get(product=honey, channel=channel)
    assert listing.is_published and listing.available_for_purchase_at.isoformat().startswith("2027-01-1")
    assert AuditEntry.objects.filter(action="variant_price_set").exists()


@pytest.mark.parametrize(("column", "value", "code", "words"), [
    (5, -1000, "INVALID_PRICE", "âm"),
    (5, 99000.5, "INVALID_PRICE", "phần lẻ"),
    (5, "mười nghìn", "INVALID_PRICE", "số"),
    (1, "KHONG-CO-SKU", "NOT_FOUND", "KHONG-CO-SKU"),
    (4, "kenh-ma", "NOT_FOUND", "kenh-ma"),
    (9, "31/02/2027", "INVALID", "31/02/2027"),
    (7, "có lẽ", "INVALID", "có"),
])
def test_one_bad_row_among_good_ones_is_reported_by_number_and_nothing_is_written(products, column, value, code,
                                                                                 words):
    fish, honey = products
    sheet = _sheet(price_list_export())
    good_row = _row_of(sheet, honey.variants.get().sku)
    sheet.cell(good_row, 5).value = 55000
    bad_row = _row_of(sheet, fish.variants.order_by("sort_order").first().sku)
    sheet.cell(bad_row, column).value = value
    before = _state()
    report = price_list_import(data=_save(sheet), dry_run=False)
    assert [(e.row, e.code) for e in report.errors] == [(bad_row, code)]
    assert words in report.errors[0].message
    assert not report.written and _state() == before


def test_the_same_packaging_and_channel_twice_is_refused(products):
    sheet = _sheet(price_list_export())
    sheet.append([c.value for c in sheet[2]])
    report = price_list_import(data=_save(sheet), dry_run=True)
    assert [(e.row, e.code) for e in report.errors] == [(sheet.max_row, "DUPLICATED_INPUT_ITEM")]


def test_packagings_of_one_product_must_agree_on_publication(products):
    fish, _ = products
    sheet = _sheet(price_list_export())
    second = max(_row_of(sheet, v.sku) for v in fish.variants.all())
    sheet.cell(second, 7).value = "không"
    before = _state()
    report = price_list_import(data=_save(sheet), dry_run=False)
    assert [(e.row, e.code) for e in report.errors] == [(second, "INVALID")]
    assert _state() == before


def test_a_file_that_is_not_a_price_list_is_refused(products):
    assert [e.code for e in price_list_import(data=b"PK not xlsx", dry_run=True).errors] == ["INVALID_FILE_TYPE"]
    book = Workbook()
    book.active.append(["Tên", "Giá"])
    out = BytesIO()
    book.save(out)
    assert [e.code for e in price_list_import(data=out.getvalue(), dry_run=True).errors] == ["INVALID"]
