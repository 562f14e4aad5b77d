"""A user's address book (Saleor's accountAddressCreate/Update/Delete, accountSetDefaultAddress). Every check
of the address itself is `addresses.address_clean`, the same as checkout's; a user reaches only their own
addresses (someone else's is NOT_FOUND, and nothing changes)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.account.addresses import FULL_ADDRESS, address_clean
from marketplace.account.error_codes import AccountErrorCode
from marketplace.account.locks import user_qs_select_for_update
from marketplace.account.models import Address, User
from marketplace.core.errors import DomainError

SHIPPING, BILLING = "shipping", "billing"


def _own_address(*, user: User, address_id: int | str) -> Address:
    address = user.addresses.filter(pk=address_id).first() if str(address_id).isdigit() else None
    if address is None:
        raise DomainError(_("Không tìm thấy địa chỉ."), code=AccountErrorCode.NOT_FOUND, field="id")
    return address


def _set_default(user: User, address: Address, address_type: str) -> None:
    field = "default_shipping_address" if address_type == SHIPPING else "default_billing_address"
    setattr(user, field, address)
    user.save(update_fields=[field, "updated_at"])


@transaction.atomic
def account_address_create(*, user: User, data: dict, address_type: str | None = None) -> Address:
    """A new address; the user's first one becomes their default shipping and billing address."""
    cleaned = address_clean(data=data, rules=FULL_ADDRESS)
    locked = user_qs_select_for_update().get(pk=user.pk)
    address = Address.objects.create(**cleaned)
    locked.addresses.add(address)
    if address_type:
        _set_default(locked, address, address_type)
    for kind, field in ((SHIPPING, "default_shipping_address_id"), (BILLING, "default_billing_address_id")):
        if getattr(locked, field) is None:
            _set_default(locked, address, kind)
    user.refresh_from_db()
    return address


@transaction.atomic
def account_address_update(*, user: User, address_id: int | str, data: dict) -> Address:
    address = _own_address(user=user, address_id=address_id)
    given = {k: v for k, v in data.items() if v is not None}
    cleaned = address_clean(data={**address.as_data(), **given}, rules=FULL_ADDRESS)
    for key, value in cleaned.items():
        setattr(address, key, value)
    address.save()
    return address


@transaction.atomic
def account_address_delete(*, user: User, address_id: int | str) -> Address:
    address = _own_address(user=user, address_id=address_id)
    user_qs_select_for_update().get(pk=user.pk)
    pk = address.pk
    user.addresses.remove(address)
    address.delete()
    address.pk = pk  # the payload still names what was deleted
    user.refresh_from_db()
    return address


@transaction.atomic
def account_default_address_set(*, user: User, address_id: int | str, address_type: str) -> User:
    address = _own_address(user=user, address_id=address_id)
    locked = user_qs_select_for_update().get(pk=user.pk)
    _set_default(locked, address, address_type)
    user.refresh_from_db()
    return user
