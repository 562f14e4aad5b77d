"""Pure mapping from registry records and annex rows (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from catalog_sync.mapping import (
    DecisionInfo,
    RejectCode,
    Rejection,
    dedupe_latest,
    map_annex_row,
    map_api_record,
)
from catalog_sync.mapping.annex import annex_header_field, split_address
from catalog_sync.mapping.common import Invalid, packaging_weight_grams, parse_stars, producer_kind
from tests.catalog_sync.conftest import make_record


@pytest.mark.parametrize(("value", "stars"), [(4, 4), (4.0, 4), ("4", 4), ("4 sao", 4), ("4★", 4),
                                              ("4 ⭐", 4),
                                              ("Hạng 3 sao", 3), ("bốn sao", 4), ("Năm sao", 5)])
def test_stars_are_read_however_they_are_written(value, stars):
    assert parse_stars(value) == stars


@pytest.mark.parametrize(("value", "code"), [("6 sao", RejectCode.STARS_OUT_OF_RANGE), (0,
                                                                                        RejectCode.STARS_OUT_OF_RANGE),
                                             ("abc", RejectCode.STARS_UNREADABLE), ("",
                                                                                    RejectCode.STARS_UNREADABLE),
                                             ("3.5", RejectCode.STARS_UNREADABLE)])
def test_unreadable_or_impossible_stars_are_refused(value, code):
    with pytest.raises(Invalid) as refused:
        parse_stars(value)
    assert refused.value.code == code


def test_expiry_defaults_to_36_months_after_the_decision():
    raw = make_record("HT-2024-0001", "Nước mắm", decision_date=date(2024, 2, 29))
    del raw["certificate"]["expires_on"]

    assert map_api_record(raw).expires_on == date(2027, 2, 28)


def test_old_province_maps_to_the_current_one_and_keeps_the_published_name():
    data = map_api_record(make_record("VP-2023-0001", "Su su", province="Vĩnh Phúc", district="Tam Đảo"))

    assert (data.producer.province_as_published, data.producer.province_code) == ("Vĩnh Phúc", "phu-tho")
    assert data.producer.district_as_published == "Tam Đảo"


@pytest.mark.parametrize(("legacy", "group"), [("food", "I"), ("Đồ uống", "II"), ("herbs", "III"),
                                               ("keepsake", "IV.1"), ("cloth", "IV.2"), ("travel", "VI")])
def test_2019_group_names_map_to_the_2023_groups(legacy, group):
    data = map_api_record(make_record("TH-2020-0001", "Nem chua", group_code=None, legacy_group=legacy))

    assert data.product.group_code == group and data.product.legacy_group == legacy


def test_a_record_that_is_not_an_object_is_rejected():
    result = map_api_record(["HT-1"])

    assert isinstance(result, Rejection) and result.code == RejectCode.NOT_AN_OBJECT


def test_same_content_gives_the_same_fingerprint_whatever_the_updated_at():
    a = map_api_record(make_record("HT-1", "X", updated_at="2026-01-01T00:00:00+07:00"))
    b = map_api_record(make_record("HT-1", "X", updated_at="2026-02-01T00:00:00+07:00"))
    c = map_api_record(make_record("HT-1", "X", stars=3))

    assert a.fingerprint() == b.fingerprint() != c.fingerprint()


def test_dedupe_keeps_the_newest_version_of_an_id():
    old = map_api_record(make_record("HT-1", "X", stars=3, updated_at="2026-01-01T00:00:00+07:00"))
    new = map_api_record(make_record("HT-1", "X", stars=4, updated_at="2026-01-02T00:00:00+07:00"))

    kept, rejected = dedupe_latest([new, old])

    assert [r.stars for r in kept] == [4]
    assert [r.code for r in rejected] == [RejectCode.DUPLICATE_ID]


@pytest.mark.parametrize(("name", "grams"), [("Hộp 300 g", 300), ("Chai 1 lít", 1000), ("Chai 0,5 lít", 500),
                                             ("Thùng 6 chai x 500 ml", 3000), ("Túi 2 kg", 2000), ("Giỏ quà",
                                                                                                   None)])
def test_packaging_weight(name, grams):
    assert packaging_weight_grams(name) == grams


@pytest.mark.parametrize(("name", "kind"), [("HTX Nông nghiệp Sơn Kim", "cooperative"),
                                            ("Hợp tác xã Chè Tà Xùa", "cooperative"),
                                            ("Liên hiệp HTX Cam Cao Phong", "cooperative_union"),
                                            ("Tổ hợp tác nón lá", "cooperative_group"),
                                            ("Công ty TNHH Đặc sản Vũ Quang", "enterprise"),
                                            ("Hộ kinh doanh Nguyễn Thị Hằng", "household")])
def test_producer_kind_is_guessed_from_the_name_when_not_given(name, kind):
    assert producer_kind(None, name) == kind


@pytest.mark.parametrize(("header", "field"), [("Tên sản phẩm", "name"), ("TÊN  SẢN PHẨM", "name"),
                                               ("Chủ thể sản xuất", "producer"), ("Hạng sao", "stars"),
                                               ("Kết quả xếp hạng (số sao)", "stars"), ("Điểm", "score"),
                                               ("Ghi chú", None)])
def test_annex_headers(header, field):
    assert annex_header_field(header) == field


def test_annex_address_is_split_into_its_parts():
    assert split_address("Thôn 3, xã Phú Lộc, huyện Can Lộc, tỉnh Hà Tĩnh") == (
        "Thôn 3", "xã Phú Lộc", "huyện Can Lộc", "tỉnh Hà Tĩnh")


def test_annex_row_takes_its_decision_from_the_import():
    decision = DecisionInfo(number="3120/QĐ-UBND", date=date(2026, 10, 20), issuer="UBND tỉnh Hà Tĩnh",
                            issuer_level="province")

    data = map_annex_row({"stt": 3, "name": "Cam bù", "producer": "HTX Sơn Kim", "stars": "4 sao"},
                         row_number=9, decision=decision)

    assert (data.decision_number, data.issuer, data.expires_on, data.status) == (
        "3120/QĐ-UBND", "UBND tỉnh Hà Tĩnh", date(2029, 10, 20), "active")
    assert data.producer.province_code == "ha-tinh" and data.registry_id.endswith("#3")
