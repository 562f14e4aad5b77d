"""Writes for promotions. The overlap rule: two catalogue promotions may not cover the same variant in the same
channel at overlapping times. Saving one that would is refused with OVERLAPPING_PROMOTION naming the product and
the promotion it clashes with, so a shopper's price is never decided by which promotion happened to be cheaper."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import connection, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from marketplace.channel.selectors import channel_list
from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.core.money import format_vnd
from marketplace.discount.error_codes import DiscountErrorCode
from marketplace.discount.models import Promotion, PromotionRule, PromotionType, RewardValueType
from marketplace.discount.selectors import promotion_clashes_find, relay_id
from marketplace.product.models import ProductVariant, ProductVariantChannelListing

# One key for every catalogue-promotion write: two staff saving overlapping promotions at the same moment are
# serialised, so the overlap check of the second sees the first.
_PROMOTION_LOCK_KEY = 7_300_001


@dataclass(frozen=True)
class RuleSpec:
    """One rule of a catalogue promotion: a reward on every variant of these products."""

    reward_value_type: str
    reward_value: Decimal
    product_ids: Sequence[int] = field(default_factory=tuple)
    name: str = ""


@dataclass(frozen=True)
class ResolvedRule:
    spec: RuleSpec
    variant_ids: list[int]


def _when(value: datetime | None) -> str:
    return formats.date_format(timezone.localtime(value), "d/m/Y H:i") if value else "—"


def reward_value_check(*, reward_value_type: str, reward_value: Decimal | int | str | None,
                       field_name: str = "reward_value") -> Decimal:
    if reward_value_type not in RewardValueType.values:
        raise DomainError(_("Kiểu giảm giá không hợp lệ (phần trăm hoặc số tiền)."), code=DiscountErrorCode.INVALID,
                          field="reward_value_type")
    try:
        value = Decimal(str(reward_value))
    except (InvalidOperation, TypeError, ValueError):
        raise DomainError(_("Mức giảm phải là một số."), code=DiscountErrorCode.INVALID_REWARD_VALUE, field=field_name)
    if not value.is_finite() or value <= 0:
        raise DomainError(_("Mức giảm phải lớn hơn 0."), code=DiscountErrorCode.INVALID_REWARD_VALUE, field=field_name)
    if reward_value_type == RewardValueType.PERCENTAGE and value >= 100:
        raise DomainError(_("Mức giảm theo phần trăm phải nhỏ hơn 100%."),
                          code=DiscountErrorCode.INVALID_REWARD_VALUE, field=field_name)
    if reward_value_type == RewardValueType.FIXED and value != value.to_integral_value():
        raise DomainError(_("Số tiền giảm tính bằng đồng, không có số lẻ."),
                          code=DiscountErrorCode.INVALID_REWARD_VALUE, field=field_name)
    return value


def catalogue_promotion_validate(
    *, start_date: datetime, end_date: datetime | None, rules: Sequence[RuleSpec], channel_ids: Sequence[int],
    promotion_id: int | None = None,
) -> list[ResolvedRule]:
    """Every check saving would make, without writing: dates, reward values, a fixed discount below each
    price, no variant twice, and the overlap rule. Returns the rules with their variants resolved."""
    if end_date is not None and end_date <= start_date:
        raise DomainError(_("Thời điểm kết thúc phải sau thời điểm bắt đầu."), code=DiscountErrorCode.INVALID_DATES,
                          field="end_date")
    resolved: list[ResolvedRule] = []
    seen: dict[int, int] = {}
    for index, spec in enumerate(rules):
        reward_value_check(reward_value_type=spec.reward_value_type, reward_value=spec.reward_value)
        variant_ids = list(ProductVariant.objects.filter(product_id__in=list(spec.product_ids))
                           .order_by("pk").values_list("pk", flat=True))
        for variant_id in variant_ids:
            if variant_id in seen and seen[variant_id] != index:
                raise DomainError(_("Một sản phẩm chỉ được thuộc một mức giảm trong cùng chương trình."),
                                  code=DiscountErrorCode.DUPLICATED_VARIANT, field="rules")
            seen[variant_id] = index
        if spec.reward_value_type == RewardValueType.FIXED and variant_ids:
            _fixed_below_prices(spec=spec, variant_ids=variant_ids, channel_ids=channel_ids)
        resolved.append(ResolvedRule(spec=spec, variant_ids=variant_ids))
    clashes = promotion_clashes_find(variant_ids=list(seen), channel_ids=list(channel_ids), start_date=start_date,
                                     end_date=end_date, exclude_promotion_id=promotion_id)
    if clashes:
        clash = clashes[0]
        raise DomainError(
            _("Sản phẩm «%(product)s» đã có chương trình giảm giá «%(promotion)s» (%(start)s – %(end)s) trùng "
              "thời gian. Một sản phẩm chỉ được thuộc một chương trình tại một thời điểm: bỏ sản phẩm khỏi một "
              "trong hai chương trình hoặc đổi ngày.")
            % {"product": clash.product_name, "promotion": clash.promotion_name,
               "start": _when(clash.start_date), "end": _when(clash.end_date)},
            code=DiscountErrorCode.OVERLAPPING_PROMOTION, field="rules",
            product_id=clash.product_id, promotion_id=clash.promotion_id,
        )
    return resolved


def _fixed_below_prices(*, spec: RuleSpec, variant_ids: list[int], channel_ids: Sequence[int]) -> None:
    cheapest = (ProductVariantChannelListing.objects
                .filter(variant_id__in=variant_ids, channel_id__in=list(channel_ids), price_amount__isnull=False,
                        price_amount__lte=spec.reward_value)
                .select_related("variant__product").order_by("price_amount").first())
    if cheapest is not None:
        raise DomainError(
            _("Mức giảm %(discount)s không nhỏ hơn giá %(price)s của «%(product)s».")
            % {"discount": format_vnd(spec.reward_value), "price": format_vnd(cheapest.price_amount),
               "product": cheapest.variant.product.name},
            code=DiscountErrorCode.DISCOUNT_EXCEEDS_PRICE, field="reward_value",
            product_id=cheapest.variant.product_id,
        )


@transaction.atomic
def catalogue_promotion_save(
    *, promotion: Promotion | None, name: str, start_date: datetime, end_date: datetime | None,
    rules: Sequence[RuleSpec], channel_ids: Sequence[int] | None = None, description: dict | None = None,
    metadata: dict[str, Any] | None = None, actor: Any = None, counter_warehouse_ids: Sequence[int] | None = None,
) -> Promotion:
    """Create or replace a catalogue promotion with these rules (the old rules are replaced as a whole).
    `counter_warehouse_ids`: at sales-point counters, apply it only at these points (None: at every point)."""
    if not name.strip():
        raise DomainError(_("Chương trình cần có tên."), code=DiscountErrorCode.REQUIRED, field="name")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PROMOTION_LOCK_KEY])
    if channel_ids is None:
        channel_ids = list(channel_list(active_only=True).values_list("pk", flat=True))
    resolved = catalogue_promotion_validate(start_date=start_date, end_date=end_date, rules=rules,
                                            channel_ids=channel_ids,
                                            promotion_id=promotion.pk if promotion else None)
    before = _snapshot(promotion) if promotion else {}
    if promotion is None:
        promotion = Promotion(type=PromotionType.CATALOGUE)
    promotion.name = name.strip()[:255]
    promotion.start_date = start_date
    promotion.end_date = end_date
    if description is not None:
        promotion.description = description
    if metadata:
        promotion.metadata = {**promotion.metadata, **metadata}
    promotion.counter_sales_limited = counter_warehouse_ids is not None
    promotion.save()
    promotion.counter_warehouses.set(list(counter_warehouse_ids or []))
    promotion.rules.all().delete()
    for item in resolved:
        rule = PromotionRule.objects.create(
            promotion=promotion, name=item.spec.name[:255], reward_value_type=item.spec.reward_value_type,
            reward_value=item.spec.reward_value,
            catalogue_predicate={"productPredicate": {"ids": [relay_id("Product", pk)
                                                               for pk in sorted(set(item.spec.product_ids))]}},
        )
        rule.channels.set(list(channel_ids))
        rule.variants.set(item.variant_ids)
    log_action(action="discount.promotion.saved", obj=promotion, actor=actor, before=before,
               after=_snapshot(promotion))
    return promotion


@transaction.atomic
def promotion_delete(*, promotion: Promotion, actor: Any = None) -> None:
    log_action(action="discount.promotion.deleted", obj=promotion, actor=actor, before=_snapshot(promotion))
    promotion.delete()


def _snapshot(promotion: Promotion) -> dict:
    return {
        "name": promotion.name,
        "start_date": promotion.start_date.isoformat() if promotion.start_date else None,
        "end_date": promotion.end_date.isoformat() if promotion.end_date else None,
        "rules": [
            {"type": r.reward_value_type, "value": str(r.reward_value), "variants": r.variants.count()}
            for r in promotion.rules.all()
        ] if promotion.pk else [],
    }
