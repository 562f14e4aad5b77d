"""Product groups (Decision 148/QĐ-TTg): real codes are listed under the right group, an unknown sub-group goes
under its nearest parent with a warning in the run log, never a rejection; JSON API and Excel annex alike."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from catalog_sync import services
from catalog_sync.mapping import DecisionInfo, map_api_record
from catalog_sync.mapping.common import Invalid, read_group
from marketplace.attribute.models import AssignedProductAttributeValue
from marketplace.product.models import Product
from marketplace.product.ocop_groups import GROUPS_BY_CODE, PRODUCT_GROUPS, group_code_nearest
from tests.catalog_sync.conftest import make_record, shop_names

# The annex as shared/registry/README.md transcribes it: the codes a product can be filed under.
ANNEX_ITEMS = {
    "I.1.a", "I.1.b", "I.2.a", "I.2.b", "I.3.a", "I.3.b", "I.3.c", "I.3.d", "I.4.a", "I.4.b", "I.5.a", "I.5.b",
    "I.6", "II.1.a", "II.1.b", "II.2.a", "II.2.b", "III.1", "III.2", "III.3", "IV.1", "IV.2", "V.1", "V.2",
    "V.3", "VI",
}


@pytest.fixture
def registry_records():
    return [
        make_record("TN-2025-0001", "Trà hoa vàng Đại Từ", group_code="I.5.b", province="Thái Nguyên",
                    producer_id="TN-P-0001", producer_name="HTX Trà hoa vàng Đại Từ"),
        make_record("QN-2025-0002", "Trà túi lọc lá vối Ba Chẽ", group_code="I.5.b", province="Quảng Ninh",
                    producer_id="QN-P-0002", producer_name="HTX Ba Chẽ"),
        make_record("HT-2025-0003", "Mật ong rừng Vũ Quang", group_code="I.2.b", producer_id="HT-P-0003",
                    producer_name="Công ty TNHH Đặc sản Vũ Quang"),
        make_record("SL-2025-0004", "Trà shan tuyết lên men", group_code="I.5.c", province="Sơn La",
                    producer_id="SL-P-0004", producer_name="HTX Tà Xùa"),
        make_record("SL-2025-0005", "Nước uống mật ong gừng", group_code="II.2.x", province="Sơn La",
                    producer_id="SL-P-0005", producer_name="HTX Mộc Châu"),
    ]


def _group_attribute(product: Product) -> tuple[str, str]:
    value = AssignedProductAttributeValue.objects.select_related("value").get(
        product=product, value__attribute__slug="ocop-product-group").value
    return value.slug, value.name


def test_the_group_table_is_the_annex_with_a_source_for_every_row():
    leaves = {g.code for g in PRODUCT_GROUPS if not any(o.parent_code == g.code for o in PRODUCT_GROUPS)}
    assert leaves == ANNEX_ITEMS
    assert all(g.source for g in PRODUCT_GROUPS)
    assert all(g.parent_code is None or g.parent_code in GROUPS_BY_CODE for g in PRODUCT_GROUPS)
    assert "I.3.e" not in GROUPS_BY_CODE  # the demo's old code: the annex has no such item


@pytest.mark.parametrize(("code", "filed_under"), [
    ("I.5.b", "I.5.b"), ("i.5.B", "I.5.b"), ("I.5.c", "I.5"), ("I.3.e", "I.3"), ("I.7.a", "I"), ("VI.2", "VI"),
    ("IX.9", None), ("Nhóm XYZ", None),
])
def test_an_unknown_code_goes_to_its_nearest_known_parent(code, filed_under):
    assert group_code_nearest(code) == filed_under


def test_reading_a_group_says_when_it_was_filed_under_a_parent():
    assert read_group("I.5.b", None).note is None
    assert read_group("Thực phẩm", None).code == "I"  # a group's name
    assert read_group(None, "drink").code == "II"  # a 2019 group name
    reading = read_group("I.5.c", None)
    assert (reading.code, reading.note.code) == ("I.5", "group_filed_under_parent")
    assert read_group("I.5.c", "food").code == "I.5"  # the published code, as far as it is known, first
    reading = read_group("IX.9", "food")
    assert (reading.code, reading.note.code) == ("I", "group_from_legacy")
    with pytest.raises(Invalid):
        read_group("IX.9", None)


def test_a_record_with_an_unknown_sub_group_is_not_rejected():
    data = map_api_record(make_record("SL-2025-0004", "Trà", group_code="I.5.c"))

    assert (data.product.group_code, data.product.group_code_as_published) == ("I.5", "I.5.c")
    assert [note.code for note in data.notes] == ["group_filed_under_parent"]


@pytest.mark.django_db
def test_the_real_tea_products_coded_i_5_b_are_listed_under_their_sub_group(registry):
    run = registry.sync(full=True)

    assert run.rejected == 0
    assert {"Trà hoa vàng Đại Từ", "Trà túi lọc lá vối Ba Chẽ"} <= shop_names()
    tea = Product.objects.get(name="Trà hoa vàng Đại Từ")
    assert (tea.category.code, tea.category.name) == ("I.5.b", "Sản phẩm chè (trà) từ thực vật khác")
    assert tea.category.parent.code == "I.5"
    assert _group_attribute(tea) == ("i-5-b", "Sản phẩm chè (trà) từ thực vật khác")


@pytest.mark.django_db
def test_honey_sits_under_honey(registry):
    registry.sync(full=True)

    honey = Product.objects.get(name="Mật ong rừng Vũ Quang")
    assert honey.category.code == "I.2.b"
    assert honey.category.name.startswith("Mật ong")
    assert _group_attribute(honey)[1].startswith("Mật ong")


@pytest.mark.django_db
def test_an_unknown_sub_group_is_filed_under_its_parent_with_a_warning_in_the_run_log(registry):
    run = registry.sync(full=True)

    assert {"Trà shan tuyết lên men", "Nước uống mật ong gừng"} <= shop_names()
    assert Product.objects.get(name="Trà shan tuyết lên men").category.code == "I.5"
    assert Product.objects.get(name="Nước uống mật ong gừng").category.code == "II.2"
    assert run.warnings == 2 and run.rejected == 0
    warnings = dict(run.record_warnings.values_list("record_id", "message"))
    assert set(warnings) == {"SL-2025-0004", "SL-2025-0005"}
    assert "“I.5.c”" in warnings["SL-2025-0004"] and "nhóm cha gần nhất I.5 “Chè”" in warnings["SL-2025-0004"]
    assert set(run.record_warnings.values_list("code", flat=True)) == {"group_filed_under_parent"}


@pytest.mark.django_db
def test_an_incremental_run_does_not_repeat_a_warning_it_already_logged(registry):
    registry.sync()

    again = registry.sync()

    assert again.warnings == 0


@pytest.mark.django_db
def test_the_excel_annex_follows_the_same_group_rules(channel, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Nhóm sản phẩm", "Số sao"])
    sheet.append([1, "Trà hoa vàng Quế Phong", "HTX Quế Phong", "Xã Quế Phong, Nghệ An", "I.5.b", "4 sao"])
    sheet.append([2, "Trà lá sen", "HTX Sen Làng", "Xã Kim Liên, Nghệ An", "I.5.c", "3 sao"])
    sheet.append([3, "Mật ong bạc hà", "HTX Mèo Vạc", "Xã Mèo Vạc, Tuyên Quang", "I.2.b", "4 sao"])
    sheet.append([4, "Nón lá", "Tổ hợp tác nón lá", "Xã Trung Lương, Hà Tĩnh", "Nhóm XYZ", "3 sao"])
    workbook.save(tmp_path / "annex.xlsx")
    decision = DecisionInfo(number="88/QĐ-UBND", date=date(2026, 9, 1), issuer="UBND tỉnh Nghệ An",
                            issuer_level="province")

    run = services.annex_import(path=tmp_path / "annex.xlsx", decision=decision)

    assert shop_names() == {"Trà hoa vàng Quế Phong", "Trà lá sen", "Mật ong bạc hà"}
    assert dict(Product.objects.values_list("name", "category__code")) == {
        "Trà hoa vàng Quế Phong": "I.5.b", "Trà lá sen": "I.5", "Mật ong bạc hà": "I.2.b"}
    assert (run.created, run.rejected, run.warnings) == (3, 1, 1)
    warning = run.record_warnings.get()
    assert (warning.row_number, warning.code) == (3, "group_filed_under_parent")
    assert run.rejected_records.get().code == "unknown_group"  # names no group at all
