from __future__ import annotations

import pytest

from marketplace.account.addresses import CONTACT_ONLY, address_clean, phone_normalize
from marketplace.core.errors import DomainErrors

FULL = {"first_name": "Phạm Thu", "street_address_1": "3 Lê Lợi", "city": "Phường Sài Gòn",
        "country_area": "TP. Hồ Chí Minh", "phone": "0903 123 456"}


@pytest.mark.parametrize("raw,expected", [("0912345678", "+84912345678"), ("+84 912 345 678", "+84912345678"),
                                          ("84-912-345-678", "+84912345678"), ("0912.345.678", "+84912345678"),
                                          ("024 3825 4321", "+842438254321"), ("0123", None),
                                          ("091234567a", None), ("0112345678", None), ("+1 202 555 0123", None)])
def test_vietnamese_phone_numbers(raw, expected):
    assert phone_normalize(raw) == expected


def test_a_full_address_is_normalised_to_the_current_province():
    cleaned = address_clean(data={**FULL, "country_area": "Bình Dương"})

    assert (cleaned["country_area"], cleaned["province_code"], cleaned["phone"]) == (
        "Hồ Chí Minh", "ho-chi-minh", "+84903123456")


def test_every_problem_is_reported_at_once():
    with pytest.raises(DomainErrors) as err:
        address_clean(data={"country_area": "Sài Gòn Cũ", "phone": "123", "country": "US"})

    assert sorted((e.field, e.code) for e in err.value.errors) == [
        ("city", "REQUIRED"), ("country", "INVALID"), ("countryArea", "INVALID"), ("firstName", "REQUIRED"),
        ("phone", "INVALID"), ("streetAddress1", "REQUIRED")]


def test_a_contact_for_pickup_needs_only_name_and_phone_but_the_phone_must_be_valid():
    assert address_clean(data={"first_name": "Lan", "phone": "0987654321"}, rules=CONTACT_ONLY)["phone"] == (
        "+84987654321")
    with pytest.raises(DomainErrors):
        address_clean(data={"first_name": "Lan", "phone": "12"}, rules=CONTACT_ONLY)


def test_the_commune_must_be_one_of_the_provinces_communes_on_the_2025_list():
    cleaned = address_clean(data={**FULL, "city": "phuong sai gon", "city_area": "Quận 1"})
    assert (cleaned["city"], cleaned["city_area"]) == ("Phường Sài Gòn", "Quận 1")  # official name; old district kept

    with pytest.raises(DomainErrors) as err:
        address_clean(data={**FULL, "city": "Phường Hoàn Kiếm"})  # a Hà Nội ward, not in Hồ Chí Minh
    assert [(e.field, e.code) for e in err.value.errors] == [("city", "INVALID")]


def test_a_commune_merged_away_in_2025_is_refused():
    with pytest.raises(DomainErrors) as err:
        address_clean(data={**FULL, "city": "Phường Bến Nghé"})  # District 1's ward before 07/2025
    assert [(e.field, e.code) for e in err.value.errors] == [("city", "INVALID")]
