"""Vietnamese addresses on the two-level units (since 07/2025): province (one of the 34), commune/ward, street,
phone. `address_clean` validates and normalises input (old province names map to the current province; the
commune/ward must be one of that province's on the 2025 list, see `communes.py`; an old district may be kept in
`city_area`; phones are checked by `phonenumbers` and stored in E.164); errors are DomainErrors with
Saleor's codes (REQUIRED / INVALID) and the camelCase field name."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.account.communes import commune_resolve
from marketplace.account.error_codes import AccountErrorCode
from marketplace.account.models import Address
from marketplace.core.errors import DomainError, DomainErrors
from marketplace.core.geography import province_resolve

FIELDS = ("first_name", "last_name", "company_name", "street_address_1", "street_address_2", "city", "city_area",
          "postal_code", "country", "country_area", "phone")
FIELD_NAMES = {"first_name": "firstName", "last_name": "lastName", "street_address_1": "streetAddress1",
               "city": "city", "country_area": "countryArea", "phone": "phone", "postal_code": "postalCode",
               "country": "country"}
_PHONE_CHARS = re.compile(r"^\+?[\d\s.\-()]+$")  # phonenumbers would read letters as a keypad's


@dataclass(frozen=True)
class AddressRules:
    """Saleor's CheckoutAddressValidationRules: a contact-only address (pickup) skips the required-field check
    but never the format check."""

    check_required_fields: bool = True
    check_fields_format: bool = True


FULL_ADDRESS = AddressRules()
CONTACT_ONLY = AddressRules(check_required_fields=False)

def phone_normalize(raw: str) -> str | None:
    """'0912 345 678' / '+84 912 345 678' / '84912345678' -> '+84912345678' (E.164); None unless it is a valid
    Vietnamese number (mobile or landline)."""
    raw = (raw or "").strip()
    if not _PHONE_CHARS.match(raw):
        return None
    try:
        number = phonenumbers.parse(raw, "VN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number_for_region(number, "VN"):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _error(message: str, code: AccountErrorCode, field: str, address_type: str | None) -> DomainError:
    return DomainError(message, code=code, field=FIELD_NAMES.get(field, field), address_type=address_type)


def address_clean(*, data: dict, rules: AddressRules = FULL_ADDRESS, address_type: str | None = None) -> dict:
    """Validated, normalised address fields (keys as on the Address model). Raises DomainErrors listing every
    problem at once so a form can show them all."""
    cleaned = {k: (str(data.get(k) or "")).strip() for k in FIELDS}
    cleaned["country"] = (cleaned["country"] or "VN").upper()
    errors: list[DomainError] = []
    for field, value in cleaned.items():
        limit = Address._meta.get_field(field).max_length
        if limit and len(value) > limit:
            errors.append(_error(_("Quá dài (tối đa %(n)s ký tự).") % {"n": limit}, AccountErrorCode.INVALID, field,
                                 address_type))
    if cleaned["country"] != "VN":
        errors.append(_error(_("Chỉ giao hàng trong Việt Nam."), AccountErrorCode.INVALID, "country", address_type))
    if rules.check_required_fields:
        required = {"street_address_1": _("Vui lòng nhập số nhà, tên đường."),
                    "city": _("Vui lòng nhập xã/phường."),
                    "country_area": _("Vui lòng chọn tỉnh/thành phố."),
                    "phone": _("Vui lòng nhập số điện thoại.")}
        for field, message in required.items():
            if not cleaned[field]:
                errors.append(_error(message, AccountErrorCode.REQUIRED, field, address_type))
        if not (cleaned["first_name"] or cleaned["last_name"]):
            errors.append(_error(_("Vui lòng nhập họ tên người nhận."), AccountErrorCode.REQUIRED, "first_name",
                                 address_type))
    if cleaned["country_area"]:
        province = province_resolve(cleaned["country_area"])
        if province is None:
            errors.append(_error(_("Không có tỉnh/thành phố “%(name)s”.")
                                 % {"name": cleaned["country_area"]}, AccountErrorCode.INVALID,
                                 "country_area", address_type))
        else:
            cleaned["country_area"] = province.name
            cleaned["province_code"] = province.code
            if cleaned["city"] and rules.check_fields_format:
                commune = commune_resolve(province_code=province.code, name=cleaned["city"])
                if commune is None:
                    errors.append(_error(_("Không có xã/phường “%(name)s” ở %(province)s (danh mục 2025).")
                                         % {"name": cleaned["city"], "province": province.name},
                                         AccountErrorCode.INVALID, "city", address_type))
                else:
                    cleaned["city"] = commune
    if cleaned["phone"] and rules.check_fields_format:
        phone = phone_normalize(cleaned["phone"])
        if phone is None:
            errors.append(_error(_("Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc +84912345678)."),
                                 AccountErrorCode.INVALID, "phone", address_type))
        else:
            cleaned["phone"] = phone
    if cleaned["postal_code"] and rules.check_fields_format and not re.fullmatch(r"\d{5,6}", cleaned["postal_code"]):
        errors.append(_error(_("Mã bưu chính gồm 5 hoặc 6 chữ số."), AccountErrorCode.INVALID, "postal_code",
                             address_type))
    if errors:
        raise DomainErrors(errors)
    cleaned.setdefault("province_code", "")
    return cleaned


@transaction.atomic
def address_create(*, data: dict, rules: AddressRules = FULL_ADDRESS, address_type: str | None = None) -> Address:
    return Address.objects.create(**address_clean(data=data, rules=rules, address_type=address_type))


def address_copy(*, address: Address) -> Address:
    """A snapshot for an order or checkout, so later edits of the address book do not rewrite history."""
    return Address.objects.create(**address.as_data())
