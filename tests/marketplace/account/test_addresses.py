from __future__ import annotations

import pytest

from marketplace.account.addresses import CONTACT_ONLY, address_clean, phone_normalize
from marketplace.core.errors import DomainErrors

FULL = {"first_name": "Phạm Thu", "street_address_1": "3 Lê Lợi", "city": "Phường Sài Gòn",
        "country_area": "TP. Hồ Chí Minh", "phone": "0903 123 456"}


@pytest.mark.parametrize("raw,expected", [("0912345678", "0912345678"), ("+84 912 345 678", "0912345678"),
                                          ("84-912-345-678", "0912345678"), ("024 3825 4321", "02438254321"),
                                          ("0123", None), ("091234567a", None), ("0112345678", None)])
def test_vietnamese_phone_numbers(raw, expected):
    assert phone_normalize(raw) == expected


def test_a_full_address_is_normalised_to_the_current_province():
    cleaned = address_clean(data={**FULL, "country_area": "Bình Dương"})

    assert (cleaned["country_area"], cleaned["province_code"], cleaned["phone"]) == (
        "Hồ Chí Minh", "ho-chi-minh", "0903123456")


def test_every_problem_is_reported_at_once():
    with pytest.raises(DomainErrors) as err:
        address_clean(data={"country_area": "Sài Gòn Cũ", "phone": "123", "country": "US"})

    assert sorted((e.field, e.code) for e in err.value.errors) == [
        ("city", "REQUIRED"), ("country", "INVALID"), ("countryArea", "INVALID"), ("firstName", "REQUIRED"),
        ("phone", "INVALID"), ("streetAddress1", "REQUIRED")]


def test_a_contact_for_pickup_needs_only_name_and_phone_but_the_phone_must_be_valid():
    assert address_clean(data={"first_name": "Lan", "phone": "0987654321"}, rules=CONTACT_ONLY)["phone"] == (
        "0987654321")
    with pytest.raises(DomainErrors):
        address_clean(data={"first_name": "Lan", "phone": "12"}, rules=CONTACT_ONLY)
