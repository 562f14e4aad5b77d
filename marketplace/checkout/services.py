"""Checkout writes: create, change lines (with stock reservations), contact, addresses, delivery method.
Completion is in complete.py. Every line change re-checks the listing rule and re-reserves stock."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.account.addresses import FULL_ADDRESS, AddressRules, address_copy, address_create
from marketplace.account.models import Address
from marketplace.channel.models import Channel
from marketplace.channel.selectors import channel_get_by_slug
from marketplace.checkout.error_codes import CheckoutErrorCode
from marketplace.checkout.locks import client_address_lock
from marketplace.checkout.models import Checkout, CheckoutLine
from marketplace.checkout.purchase import variants_purchase_info
from marketplace.checkout.selectors import (
    checkout_collection_points,
    checkout_info_get,
    checkout_lines,
    checkout_shipping_option,
    checkout_units_for_client,
)
from marketplace.core.errors import DomainError, DomainErrors
from marketplace.warehouse.availability import Demand
from marketplace.warehouse.models import WarehouseClickAndCollectOption
from marketplace.warehouse.reservations import reservations_replace
from marketplace.warehouse.selectors import warehouse_get


@dataclass(frozen=True)
class LineInput:
    variant_id: int
    quantity: int


@dataclass(frozen=True)
class LineUpdate:
    quantity: int
    line_id: uuid.UUID | None = None
    variant_id: int | None = None


def _channel(slug: str | None) -> Channel:
    channel = channel_get_by_slug(slug=slug)
    if channel is None:
        raise DomainError(_("Không có kênh bán “%(slug)s”.")
                          % {"slug": slug}, code=CheckoutErrorCode.NOT_FOUND, field="channel")
    if not channel.is_active:
        raise DomainError(_("Kênh bán đang tạm ngừng."), code=CheckoutErrorCode.CHANNEL_INACTIVE, field="channel")
    return channel


def _check_quantities(wanted: dict[int, int], *, allow_zero: bool = False) -> None:
    limit = settings.CHECKOUT_MAX_LINE_QUANTITY
    errors = []
    for variant_id, quantity in wanted.items():
        if quantity < 0 or (quantity == 0 and not allow_zero):
            errors.append(DomainError(_("Số lượng phải lớn hơn 0."), code=CheckoutErrorCode.ZERO_QUANTITY,
                                      field="quantity", variant_ids=[variant_id]))
        elif quantity > limit:
            errors.append(DomainError(_("Mỗi sản phẩm chỉ mua tối đa %(n)s đơn vị trong một đơn.") % {"n": limit},
                                      code=CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT, field="quantity",
                                      variant_ids=[variant_id]))
    if errors:
        raise DomainErrors(errors)


def _check_purchasable(wanted: dict[int, int], channel_id: int) -> None:
    """Every variant exists, is sold in the channel, may be listed (certificate) and is within its limit."""
    wanted = {v: q for v, q in wanted.items() if q > 0}
    info = variants_purchase_info(variant_ids=list(wanted), channel_id=channel_id)
    errors = []
    for variant_id, quantity in wanted.items():
        purchase = info.get(variant_id)
        if purchase is None:
            errors.append(DomainError(_("Không tìm thấy sản phẩm."), code=CheckoutErrorCode.NOT_FOUND,
                                      field="variantId", variant_ids=[variant_id]))
        elif not purchase.ok:
            errors.append(DomainError(purchase.message, code=purchase.code, field="lines",
                                      variant_ids=[variant_id]))
        elif purchase.variant.quantity_limit_per_customer and quantity > purchase.variant.quantity_limit_per_customer:
            errors.append(DomainError(_("Mỗi khách chỉ mua tối đa %(n)s.")
                                      % {"n": purchase.variant.quantity_limit_per_customer},
                                      code=CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT, field="quantity",
                                      variant_ids=[variant_id]))
    if errors:
        raise DomainErrors(errors)


def _check_hoarding(*, units: int, anonymous: bool, client_address: str | None,
                    checkout_token: uuid.UUID | None = None) -> None:
    """Refuse holding more than an anonymous checkout, or one client address within the window, may hold (so two
    scripted checkouts cannot take every unit off sale). Runs inside the caller's transaction."""
    if anonymous and units > settings.CHECKOUT_ANONYMOUS_MAX_UNITS:
        raise DomainError(_("Giỏ hàng chưa đăng nhập chỉ giữ tối đa %(n)s sản phẩm; vui lòng đăng nhập để mua thêm.")
                          % {"n": settings.CHECKOUT_ANONYMOUS_MAX_UNITS},
                          code=CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT, field="quantity")
    if not client_address:
        return
    client_address_lock(client_address=client_address)
    since = timezone.now() - timedelta(minutes=settings.CHECKOUT_CLIENT_WINDOW_MINUTES)
    held = checkout_units_for_client(client_address=client_address, since=since, exclude_token=checkout_token)
    if held + units > settings.CHECKOUT_CLIENT_MAX_UNITS:
        raise DomainError(_("Đã giữ quá nhiều sản phẩm từ cùng một địa chỉ mạng; vui lòng thử lại sau."),
                          code=CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT, field="quantity")


def _reserve(checkout: Checkout) -> None:
    """Re-reserve stock for all lines (from the collection point when pickup there is local-only)."""
    lines = checkout_lines(checkout)
    if not lines:
        return
    point = checkout.collection_point
    local = point is not None and point.click_and_collect_option == WarehouseClickAndCollectOption.LOCAL_STOCK
    try:
        reservations_replace(
            demands=[Demand(key=line.id, variant_id=line.variant_id, quantity=line.quantity) for line in lines],
            channel_id=checkout.channel_id, warehouse_ids=[point.pk] if local else None)
    except DomainErrors as exc:
        raise DomainErrors([DomainError(e.message, code=CheckoutErrorCode.INSUFFICIENT_STOCK, field="quantity",
                                        variant_ids=e.params.get("variant_ids", []),
                                        line_ids=e.params.get("line_keys", []),
                                        available=e.params.get("available")) for e in exc.errors])


def _merge(lines: list[LineInput]) -> dict[int, int]:
    merged: dict[int, int] = {}
    for line in lines:
        merged[line.variant_id] = merged.get(line.variant_id, 0) + line.quantity
    return merged


@transaction.atomic
def checkout_create(*, channel_slug: str | None, lines: list[LineInput], email: str = "", user=None,
                    language_code: str = "vi", client_address: str | None = None) -> Checkout:
    """`client_address` is the shopper's IP address (None when unknown, e.g. demo data): it caps the units held."""
    channel = _channel(channel_slug)
    for line in lines:  # checked one by one: merging would hide a negative quantity behind a positive one
        _check_quantities({line.variant_id: line.quantity})
    wanted = _merge(lines)
    _check_quantities(wanted)
    _check_purchasable(wanted, channel.pk)
    signed_in = user is not None and getattr(user, "is_authenticated", False)
    _check_hoarding(units=sum(wanted.values()), anonymous=not signed_in, client_address=client_address)
    checkout = Checkout.objects.create(channel=channel, user=user if signed_in else None,
                                       email=_email(email) if email else (user.email if signed_in else ""),
                                       language_code=language_code or "vi", currency=channel.currency_code,
                                       client_address=client_address)
    CheckoutLine.objects.bulk_create([CheckoutLine(checkout=checkout, variant_id=v, quantity=q)
                                      for v, q in wanted.items()])
    _reserve(checkout)
    return checkout


def _check_units(checkout: Checkout, quantities: dict[int, int], client_address: str | None) -> None:
    """The hoarding caps for a changed basket (variant id -> new quantity); the change then counts for this
    address."""
    total = sum(quantities.values())
    if total <= sum(line.quantity for line in checkout_lines(checkout)):
        return  # giving units back is always allowed
    _check_hoarding(units=total, anonymous=checkout.user_id is None,
                    client_address=client_address or checkout.client_address, checkout_token=checkout.pk)
    if client_address:
        checkout.client_address = client_address


def _locked(checkout: Checkout) -> Checkout:
    locked = Checkout.objects.select_for_update(of=("self",)).filter(pk=checkout.pk).select_related(
        "collection_point", "shipping_address").first()
    if locked is None:
        raise DomainError(_("Giỏ hàng không còn (đã đặt hàng hoặc đã hết hạn)."), code=CheckoutErrorCode.NOT_FOUND,
                          field="id")
    return locked


@transaction.atomic
def checkout_lines_add(*, checkout: Checkout, lines: list[LineInput], client_address: str | None = None) -> Checkout:
    """Add units; a variant already in the cart has its quantity increased (Saleor's behaviour)."""
    checkout = _locked(checkout)
    for line in lines:
        _check_quantities({line.variant_id: line.quantity})
    existing = {line.variant_id: line for line in checkout_lines(checkout)}
    added = _merge(lines)
    wanted = {v: q + (existing[v].quantity if v in existing else 0) for v, q in added.items()}
    _check_quantities(wanted)
    _check_purchasable(wanted, checkout.channel_id)
    _check_units(checkout, {**{v: line.quantity for v, line in existing.items()}, **wanted}, client_address)
    for variant_id, quantity in wanted.items():
        if variant_id in existing:
            CheckoutLine.objects.filter(pk=existing[variant_id].pk).update(quantity=quantity)
        else:
            CheckoutLine.objects.create(checkout=checkout, variant_id=variant_id, quantity=quantity)
    _reserve(checkout)
    checkout.save(update_fields=["updated_at", "client_address"])
    return checkout


@transaction.atomic
def checkout_lines_update(*, checkout: Checkout, lines: list[LineUpdate], client_address: str | None = None
                          ) -> Checkout:
    """Set quantities; 0 removes the line."""
    checkout = _locked(checkout)
    current = checkout_lines(checkout)
    by_id = {line.id: line for line in current}
    by_variant = {line.variant_id: line for line in current}
    wanted: dict[int, int] = {}
    for update in lines:
        line = by_id.get(update.line_id) if update.line_id else by_variant.get(update.variant_id)
        if line is None:
            raise DomainError(_("Dòng hàng không có trong giỏ."), code=CheckoutErrorCode.NOT_FOUND, field="lineId")
        wanted[line.variant_id] = update.quantity
    _check_quantities(wanted, allow_zero=True)
    _check_purchasable(wanted, checkout.channel_id)
    _check_units(checkout, {**{line.variant_id: line.quantity for line in current}, **wanted}, client_address)
    for variant_id, quantity in wanted.items():
        if quantity == 0:
            by_variant[variant_id].delete()
        else:
            CheckoutLine.objects.filter(pk=by_variant[variant_id].pk).update(quantity=quantity)
    _reserve(checkout)
    checkout.save(update_fields=["updated_at", "client_address"])
    return checkout


@transaction.atomic
def checkout_lines_delete(*, checkout: Checkout, line_ids: list[uuid.UUID]) -> Checkout:
    checkout = _locked(checkout)
    known = set(CheckoutLine.objects.filter(checkout=checkout).values_list("id", flat=True))
    missing = [i for i in line_ids if i not in known]
    if missing:
        raise DomainError(_("Dòng hàng không có trong giỏ."), code=CheckoutErrorCode.NOT_FOUND, field="linesIds",
                          line_ids=missing)
    CheckoutLine.objects.filter(pk__in=line_ids).delete()
    checkout.save(update_fields=["updated_at"])
    return checkout


def _email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError(_("Email không hợp lệ."), code=CheckoutErrorCode.INVALID, field="email")
    return email


@transaction.atomic
def checkout_email_update(*, checkout: Checkout, email: str) -> Checkout:
    checkout = _locked(checkout)
    checkout.email = _email(email)
    checkout.save(update_fields=["email", "updated_at"])
    return checkout


def _replace_address(old: Address | None, new: Address) -> Address:
    if old is not None:
        old.delete()
    return new


@transaction.atomic
def checkout_shipping_address_update(*, checkout: Checkout, data: dict) -> Checkout:
    """Set the delivery address (full Vietnamese address). It also means home delivery: a chosen sales point is
    dropped, and a shipping method that does not serve the new province is cleared."""
    checkout = _locked(checkout)
    address = address_create(data=data, rules=FULL_ADDRESS, address_type="shipping")
    checkout.shipping_address = _replace_address(checkout.shipping_address, address)
    had_point = checkout.collection_point_id is not None
    checkout.collection_point = None
    if checkout.shipping_method_id and checkout_shipping_option(checkout=checkout,
                                                                method_id=checkout.shipping_method_id) is None:
        checkout.shipping_method = None
    checkout.save(update_fields=["shipping_address", "collection_point", "shipping_method", "updated_at"])
    if had_point:
        _reserve(checkout)
    return checkout


@transaction.atomic
def checkout_billing_address_update(*, checkout: Checkout, data: dict, rules: AddressRules = FULL_ADDRESS
                                    ) -> Checkout:
    """The buyer's contact (name, phone) and billing address; a pickup order may give only name and phone."""
    checkout = _locked(checkout)
    address = address_create(data=data, rules=rules, address_type="billing")
    checkout.billing_address = _replace_address(checkout.billing_address, address)
    checkout.save(update_fields=["billing_address", "updated_at"])
    return checkout


@transaction.atomic
def checkout_delivery_method_update(*, checkout: Checkout, shipping_method_id: int | None = None,
                                    warehouse_id: int | None = None) -> Checkout:
    """Home delivery by a shipping method serving the address's province, or pickup at a sales point that can
    supply the whole basket (stock is then reserved there). Neither clears the choice."""
    checkout = _locked(checkout)
    if shipping_method_id is not None:
        if checkout.shipping_address is None or checkout.collection_point_id:
            raise DomainError(_("Vui lòng nhập địa chỉ giao hàng trước."),
                              code=CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET, field="deliveryMethodId")
        if checkout_shipping_option(checkout=checkout, method_id=shipping_method_id) is None:
            raise DomainError(_("Phương thức giao hàng không áp dụng cho địa chỉ này."),
                              code=CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE, field="deliveryMethodId")
        checkout.shipping_method_id, checkout.collection_point = shipping_method_id, None
    elif warehouse_id is not None:
        points = checkout_collection_points(info=checkout_info_get(checkout=checkout))
        if warehouse_id not in {p.pk for p in points}:
            raise DomainError(_("Điểm bán này không đủ hàng cho giỏ của bạn."),
                              code=CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE, field="deliveryMethodId")
        point = warehouse_get(pk=warehouse_id)
        checkout.collection_point, checkout.shipping_method = point, None
        checkout.shipping_address = _replace_address(checkout.shipping_address, address_copy(address=point.address))
    else:
        checkout.shipping_method, checkout.collection_point = None, None
    checkout.save(update_fields=["shipping_method", "collection_point", "shipping_address", "updated_at"])
    _reserve(checkout)
    return checkout


@transaction.atomic
def checkout_customer_attach(*, checkout: Checkout, user) -> Checkout:
    checkout = _locked(checkout)
    checkout.user = user
    if not checkout.email:
        checkout.email = user.email
    checkout.save(update_fields=["user", "email", "updated_at"])
    return checkout


@transaction.atomic
def checkout_note_update(*, checkout: Checkout, note: str) -> Checkout:
    checkout = _locked(checkout)
    checkout.customer_note = (note or "").strip()[:1000]
    checkout.save(update_fields=["customer_note", "updated_at"])
    return checkout
