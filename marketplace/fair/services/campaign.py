"""The fair campaign: one catalogue Promotion whose window is the fair's dates and whose rules cover the booth
products (a fair-wide reward, and per-booth rewards that replace it for that booth's products).

The reward settings live on the fair and its booths; the Promotion is derived from them by
`fair_campaign_sync` after every change that could affect it (dates, publication, booths, products, rewards),
inside the same transaction, so a refused campaign leaves nothing half-saved. A draft fair has no Promotion (its
prices must not change before it is published) but its campaign is still checked, so staff hear of a clash
when they set it, not only when they publish."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.channel.selectors import channel_list
from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.discount.error_codes import DiscountErrorCode
from marketplace.discount.services import (
    RuleSpec,
    catalogue_promotion_save,
    catalogue_promotion_validate,
    promotion_delete,
    reward_value_check,
)
from marketplace.fair.error_codes import FairErrorCode
from marketplace.fair.models import Booth, BoothProduct, FairEvent

_DISCOUNT_TO_FAIR_CODES = {
    DiscountErrorCode.OVERLAPPING_PROMOTION.value: FairErrorCode.CAMPAIGN_OVERLAP,
    DiscountErrorCode.DISCOUNT_EXCEEDS_PRICE.value: FairErrorCode.DISCOUNT_EXCEEDS_PRICE,
    DiscountErrorCode.INVALID_REWARD_VALUE.value: FairErrorCode.INVALID_REWARD_VALUE,
    DiscountErrorCode.INVALID_DATES.value: FairErrorCode.INVALID_DATES,
}


def as_fair_error(exc: DomainError, *, field: str | None = None) -> DomainError:
    return DomainError(exc.message, code=_DISCOUNT_TO_FAIR_CODES.get(exc.code, FairErrorCode.INVALID),
                       field=field or exc.field, **exc.params)


def _campaign_rules(fair: FairEvent) -> list[RuleSpec]:
    products_by_booth: dict[int, list[int]] = defaultdict(list)
    for booth_id, product_id in BoothProduct.objects.filter(fair=fair).order_by("pk").values_list(
            "booth_id", "product_id"):
        products_by_booth[booth_id].append(product_id)
    rules: list[RuleSpec] = []
    fair_wide: list[int] = []
    for booth in Booth.objects.filter(fair=fair).order_by("code", "pk"):
        product_ids = products_by_booth.get(booth.pk, [])
        if booth.reward_value is not None:
            rules.append(RuleSpec(reward_value_type=booth.reward_value_type, reward_value=booth.reward_value,
                                  product_ids=tuple(product_ids), name=f"Gian hàng {booth.code}"))
        else:
            fair_wide.extend(product_ids)
    if fair.reward_value is not None:
        rules.insert(0, RuleSpec(reward_value_type=fair.reward_value_type, reward_value=fair.reward_value,
                                 product_ids=tuple(fair_wide), name="Toàn hội chợ"))
    return rules


def fair_campaign_sync(*, fair: FairEvent, actor: Any = None) -> None:
    """Bring the fair's Promotion in line with its settings (create, replace or delete it). Call inside the
    transaction of the change; raises DomainError with a FairErrorCode when the campaign is refused."""
    given = fair
    fair = FairEvent.objects.select_for_update(of=("self",)).select_related("campaign").get(pk=given.pk)
    try:
        _sync(fair, actor=actor)
    finally:
        given.campaign_id = fair.campaign_id


def _sync(fair: FairEvent, *, actor: Any) -> None:
    rules = _campaign_rules(fair)
    channel_ids = list(channel_list(active_only=True).values_list("pk", flat=True))
    try:
        if rules and fair.published_at is not None:
            promotion = catalogue_promotion_save(
                promotion=fair.campaign, name=f"Hội chợ: {fair.name}", start_date=fair.start_at,
                end_date=fair.end_at, rules=rules, channel_ids=channel_ids, metadata={"fair": fair.slug},
                actor=actor, counter_warehouse_ids=fair_sales_point_ids(fair=fair),
            )
            if fair.campaign_id != promotion.pk:
                fair.campaign = promotion
                fair.save(update_fields=["campaign", "updated_at"])
            return
        if rules:
            catalogue_promotion_validate(start_date=fair.start_at, end_date=fair.end_at, rules=rules,
                                         channel_ids=channel_ids, promotion_id=fair.campaign_id)
    except DomainError as exc:
        raise as_fair_error(exc)
    if fair.campaign_id is not None:
        promotion = fair.campaign
        fair.campaign = None
        fair.save(update_fields=["campaign", "updated_at"])
        promotion_delete(promotion=promotion, actor=actor)


def fair_sales_point_ids(*, fair: FairEvent) -> list[int]:
    """The points that sell the fair's stock (its booths' linked sales points): the only counters where the fair
    price applies. Online, the fair price applies everywhere during the fair."""
    return sorted(set(Booth.objects.filter(fair=fair, sales_point__isnull=False).values_list("sales_point_id",
                                                                                            flat=True)))


def _reward(value_type: str | None, value: Decimal | int | str | None, *, field: str
            ) -> tuple[str, Decimal | None]:
    if value is None or value == "":
        if value_type:
            raise DomainError(_("Cần nhập mức giảm."), code=FairErrorCode.REQUIRED, field=field)
        return "", None
    try:
        return value_type or "", reward_value_check(reward_value_type=value_type or "", reward_value=value,
                                                    field_name=field)
    except DomainError as exc:
        raise as_fair_error(exc, field=field)


@transaction.atomic
def fair_campaign_set(
    *, fair: FairEvent, reward_value_type: str | None, reward_value: Decimal | int | str | None,
    booth_rewards: Mapping[int, tuple[str | None, Decimal | int | str | None]] | None = None, actor: Any = None,
) -> FairEvent:
    """Set the fair-wide reward (None: none) and, for the booths named, their own reward (a None value: follow
    the fair). Booths not named keep what they had."""
    fair = FairEvent.objects.select_for_update(of=("self",)).get(pk=fair.pk)
    before = {"type": fair.reward_value_type, "value": str(fair.reward_value)}
    fair.reward_value_type, fair.reward_value = _reward(reward_value_type, reward_value, field="reward_value")
    fair.save(update_fields=["reward_value_type", "reward_value", "updated_at"])
    booths = {b.pk: b for b in Booth.objects.filter(fair=fair, pk__in=list(booth_rewards or {}))}
    for booth_id, (value_type, value) in (booth_rewards or {}).items():
        booth = booths.get(booth_id)
        if booth is None:
            raise DomainError(_("Gian hàng không thuộc hội chợ này."), code=FairErrorCode.NOT_FOUND, field="booths")
        booth.reward_value_type, booth.reward_value = _reward(value_type, value, field="booths")
        booth.save(update_fields=["reward_value_type", "reward_value", "updated_at"])
    fair_campaign_sync(fair=fair, actor=actor)
    log_action(action="fair.campaign.set", obj=fair, actor=actor, before=before,
               after={"type": fair.reward_value_type, "value": str(fair.reward_value),
                      "booths": {str(k): [v[0], str(v[1])] for k, v in (booth_rewards or {}).items()}})
    return fair


@transaction.atomic
def fair_campaign_clear(*, fair: FairEvent, actor: Any = None) -> FairEvent:
    fair = FairEvent.objects.select_for_update(of=("self",)).get(pk=fair.pk)
    fair.reward_value_type, fair.reward_value = "", None
    fair.save(update_fields=["reward_value_type", "reward_value", "updated_at"])
    Booth.objects.filter(fair=fair).update(reward_value_type="", reward_value=None)
    fair_campaign_sync(fair=fair, actor=actor)
    log_action(action="fair.campaign.cleared", obj=fair, actor=actor)
    return fair
