"""Staff writes on shipping: zones (sets of the 34 provinces), their methods (delivery days, weight range) and
each method's price per channel (VND, whole đồng: price, order-value range, free-shipping threshold). Every check
fails with a ShippingErrorCode before anything is written; every change is audited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from marketplace.channel.models import Channel
from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.core.geography import PROVINCES_BY_CODE, province_resolve
from marketplace.shipping.error_codes import ShippingErrorCode as Code
from marketplace.shipping.models import (
    ShippingMethod,
    ShippingMethodChannelListing,
    ShippingMethodType,
    ShippingZone,
)

THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")
MAX_VND = Decimal(10) ** 12


def vnd_parse(value, *, field: str, required: bool = False) -> Decimal | None:
    """A whole, non-negative number of đồng ("25000", "25.000", 25000); VND has no minor unit."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise DomainError(_("Nhập số tiền."), code=Code.REQUIRED, field=field)
        return None
    text = str(value).strip()
    if THOUSANDS.match(text):
        text = text.replace(".", "").replace(",", "")
    try:
        amount = Decimal(text)
    except (InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite() or amount < 0 or amount != amount.to_integral_value() \
            or amount >= MAX_VND:
        raise DomainError(_("Số tiền phải là số đồng nguyên, không âm."), code=Code.INVALID, field=field)
    return amount


def _whole(value, *, field: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        number = None
    if number is None or not number.is_finite() or number < 0 or number != number.to_integral_value():
        raise DomainError(_("Phải là số nguyên không âm."), code=Code.INVALID, field=field)
    return int(number)


def _range(low, high, *, field: str) -> None:
    if low is not None and high is not None and high < low:
        raise DomainError(_("Giá trị tối đa nhỏ hơn giá trị tối thiểu."), code=Code.MAX_LESS_THAN_MIN, field=field)


def provinces_clean(values: list[str], *, zone_id: int | None = None) -> list[str]:
    codes = []
    for value in values:
        province = province_resolve(value) if value not in PROVINCES_BY_CODE else PROVINCES_BY_CODE[value]
        if province is None:
            raise DomainError(_("Không có tỉnh/thành “%(name)s”.") % {"name": value}, code=Code.INVALID,
                              field="provinces")
        if province.code in codes:
            raise DomainError(_("Tỉnh “%(name)s” được nêu hai lần.") % {"name": province.name},
                              code=Code.DUPLICATED_INPUT_ITEM, field="provinces")
        codes.append(province.code)
    taken = ShippingZone.objects.filter(provinces__overlap=codes).exclude(pk=zone_id).first()
    if taken is not None:
        overlap = sorted(set(taken.provinces) & set(codes))
        raise DomainError(_("%(provinces)s đã thuộc vùng “%(zone)s”.") % {
            "provinces": ", ".join(PROVINCES_BY_CODE[c].name for c in overlap), "zone": taken.name},
            code=Code.ALREADY_EXISTS, field="provinces")
    return codes


@dataclass
class ZoneInput:
    name: str | None = None
    description: str | None = None
    provinces: list[str] | None = None
    default: bool | None = None
    add_channel_ids: tuple[int, ...] = ()
    remove_channel_ids: tuple[int, ...] = ()


def _unique_slug(name: str, zone_id: int | None) -> str:
    base = slugify(name.replace("đ", "d").replace("Đ", "D"))[:90] or "vung"
    slug, n = base, 2
    while ShippingZone.objects.filter(slug=slug).exclude(pk=zone_id).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _channels(ids) -> list[Channel]:
    channels = list(Channel.objects.filter(pk__in=list(ids)))
    if len(channels) != len(set(ids)):
        raise DomainError(_("Không tìm thấy kênh bán."), code=Code.NOT_FOUND, field="addChannels")
    return channels


@transaction.atomic
def shipping_zone_save(*, data: ZoneInput, zone: ShippingZone | None = None, actor=None) -> ShippingZone:
    """Create (zone=None) or update a zone. Provinces are codes or names of the 34 current provinces (old names
    are mapped); a province belongs to one zone only; at most one zone is the default for unnamed provinces."""
    creating = zone is None
    name = (data.name if data.name is not None else (zone.name if zone else "")).strip()
    if not name:
        raise DomainError(_("Nhập tên vùng giao hàng."), code=Code.REQUIRED, field="name")
    provinces = provinces_clean(data.provinces, zone_id=zone.pk if zone else None) if data.provinces is not None \
        else None
    if data.default and ShippingZone.objects.filter(default=True).exclude(pk=zone.pk if zone else None).exists():
        raise DomainError(_("Đã có một vùng mặc định."), code=Code.ALREADY_EXISTS, field="default")
    before = None if creating else {"name": zone.name, "provinces": list(zone.provinces), "default": zone.default}
    zone = zone or ShippingZone(slug=_unique_slug(name, None))
    zone.name = name[:100]
    if data.description is not None:
        zone.description = data.description
    if provinces is not None:
        zone.provinces = provinces
    if data.default is not None:
        zone.default = data.default
    zone.save()
    if data.add_channel_ids:
        zone.channels.add(*_channels(data.add_channel_ids))
    if data.remove_channel_ids:
        zone.channels.remove(*data.remove_channel_ids)
    log_action(action="shipping.zone.created" if creating else "shipping.zone.updated", obj=zone, actor=actor,
               before=before, after={"name": zone.name, "provinces": zone.provinces, "default": zone.default})
    return zone


@transaction.atomic
def shipping_zone_delete(*, zone: ShippingZone, actor=None) -> None:
    """Delete a zone and its methods; orders keep the method's name and price they were placed with."""
    log_action(action="shipping.zone.deleted", obj=zone, actor=actor,
               before={"name": zone.name, "provinces": zone.provinces})
    zone.delete()


@dataclass
class MethodInput:
    name: str | None = None
    type: str | None = None
    description: object = None
    minimum_delivery_days: object = None
    maximum_delivery_days: object = None
    minimum_order_weight_grams: object = None
    maximum_order_weight_grams: object = None
    zone: ShippingZone | None = None


@transaction.atomic
def shipping_method_save(*, data: MethodInput, method: ShippingMethod | None = None, actor=None) -> ShippingMethod:
    creating = method is None
    if creating and data.zone is None:
        raise DomainError(_("Chọn vùng giao hàng."), code=Code.REQUIRED, field="shippingZone")
    name = (data.name if data.name is not None else (method.name if method else "")).strip()
    if not name:
        raise DomainError(_("Nhập tên phương thức giao hàng."), code=Code.REQUIRED, field="name")
    method = method or ShippingMethod(shipping_zone=data.zone)
    values = {
        "minimum_delivery_days": _whole(data.minimum_delivery_days, field="minimumDeliveryDays"),
        "maximum_delivery_days": _whole(data.maximum_delivery_days, field="maximumDeliveryDays"),
        "minimum_order_weight_grams": _whole(data.minimum_order_weight_grams, field="minimumOrderWeight"),
        "maximum_order_weight_grams": _whole(data.maximum_order_weight_grams, field="maximumOrderWeight"),
    }
    if data.type is not None and data.type not in ShippingMethodType.values:
        raise DomainError(_("Loại phương thức không hợp lệ."), code=Code.INVALID, field="type")
    for key, value in values.items():
        setattr(method, key, value)
    _range(method.minimum_delivery_days, method.maximum_delivery_days, field="maximumDeliveryDays")
    _range(method.minimum_order_weight_grams, method.maximum_order_weight_grams, field="maximumOrderWeight")
    method.name = name[:100]
    if data.type is not None:
        method.type = data.type
    if data.description is not None:
        method.description = data.description
    if data.zone is not None:
        method.shipping_zone = data.zone
    method.save()
    log_action(action="shipping.method.created" if creating else "shipping.method.updated", obj=method,
               actor=actor, after={"name": method.name, **{k: getattr(method, k) for k in values}})
    return method


@transaction.atomic
def shipping_method_delete(*, method: ShippingMethod, actor=None) -> None:
    log_action(action="shipping.method.deleted", obj=method, actor=actor, before={"name": method.name})
    method.delete()


@dataclass
class ListingInput:
    channel_id: int
    price: object = None
    minimum_order_price: object = None
    maximum_order_price: object = None
    free_shipping_threshold: object = None


@transaction.atomic
def shipping_method_channel_listings_update(*, method: ShippingMethod, add: list[ListingInput],
                                            remove_channel_ids: list[int] = (), actor=None) -> ShippingMethod:
    """Saleor's shippingMethodChannelListingUpdate: the method's price (and order-value range) per channel."""
    seen = set()
    parsed = []
    for item in add:
        if item.channel_id in seen or item.channel_id in remove_channel_ids:
            raise DomainError(_("Một kênh được nêu hai lần."), code=Code.DUPLICATED_INPUT_ITEM, field="addChannels",
                              channels=[item.channel_id])
        seen.add(item.channel_id)
        _channels([item.channel_id])
        values = {"price_amount": vnd_parse(item.price, field="price", required=True),
                  "minimum_order_price_amount": vnd_parse(item.minimum_order_price, field="minimumOrderPrice"),
                  "maximum_order_price_amount": vnd_parse(item.maximum_order_price, field="maximumOrderPrice"),
                  "free_shipping_threshold_amount": vnd_parse(item.free_shipping_threshold,
                                                              field="freeShippingThreshold")}
        _range(values["minimum_order_price_amount"], values["maximum_order_price_amount"], field="maximumOrderPrice")
        parsed.append((item.channel_id, values))
    for channel_id, values in parsed:
        ShippingMethodChannelListing.objects.update_or_create(shipping_method=method, channel_id=channel_id,
                                                              defaults={**values, "currency": "VND"})
        method.shipping_zone.channels.add(channel_id)
    if remove_channel_ids:
        ShippingMethodChannelListing.objects.filter(shipping_method=method, channel_id__in=remove_channel_ids).delete()
    log_action(action="shipping.method.prices_updated", obj=method, actor=actor,
               after={str(c): {k: str(v) for k, v in values.items()} for c, values in parsed})
    return method
