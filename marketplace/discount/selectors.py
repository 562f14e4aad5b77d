"""Prices as a shopper pays them: the channel price, less the catalogue promotion running at that moment.

Every price a shopper sees or pays (product pages, GraphQL pricing, checkout lines, counter sales) comes from
`variant_prices_get`, so a promotion takes effect and ends exactly at its window's bounds with no job to run.
The window is half-open: a promotion applies when start_date <= at < end_date."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from marketplace.core.money import vnd
from marketplace.discount.models import Promotion, PromotionRule, PromotionType, RewardValueType
from marketplace.product.models import ProductVariantChannelListing


@dataclass(frozen=True)
class VariantPrice:
    undiscounted: Decimal
    price: Decimal
    promotion_id: int | None = None

    @property
    def discount(self) -> Decimal:
        return self.undiscounted - self.price

    @property
    def on_sale(self) -> bool:
        return self.price < self.undiscounted


def reward_apply(*, price: Decimal, reward_value_type: str, reward_value: Decimal) -> Decimal:
    """The discounted price in whole đồng; never below zero."""
    if reward_value_type == RewardValueType.PERCENTAGE:
        discounted = price * (Decimal(100) - Decimal(reward_value)) / Decimal(100)
    else:
        discounted = price - Decimal(reward_value)
    return max(vnd(discounted), Decimal(0))


def promotion_running_q(*, at: datetime, prefix: str = "") -> Q:
    return Q(**{f"{prefix}start_date__lte": at}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gt": at})
    )


def variant_rewards_running(*, variant_ids: list[int], channel_id: int, at: datetime,
                            counter_warehouse_id: int | None = None) -> dict[int, list[tuple[int, str, Decimal]]]:
    """variant id -> [(promotion id, reward type, reward value)] of catalogue rules running at `at`. With
    `counter_warehouse_id` (a sale at that point's counter), promotions limited to other points are left out."""
    through = PromotionRule.variants.through
    rows = through.objects.filter(
        promotion_running_q(at=at, prefix="promotionrule__promotion__"),
        productvariant_id__in=variant_ids,
        promotionrule__promotion__type=PromotionType.CATALOGUE,
        promotionrule__channels__pk=channel_id,
    )
    if counter_warehouse_id is not None:
        at_this_point = Promotion.counter_warehouses.through.objects.filter(
            promotion_id=OuterRef("promotionrule__promotion_id"), warehouse_id=counter_warehouse_id)
        rows = rows.filter(Q(promotionrule__promotion__counter_sales_limited=False) | Q(Exists(at_this_point)))
    rows = rows.values_list("productvariant_id", "promotionrule__promotion_id", "promotionrule__reward_value_type",
                  "promotionrule__reward_value")
    result: dict[int, list[tuple[int, str, Decimal]]] = {}
    for variant_id, promotion_id, value_type, value in rows:
        result.setdefault(variant_id, []).append((promotion_id, value_type, value))
    return result


def variant_prices_get(*, variant_ids: list[int], channel_id: int, at: datetime | None = None,
                       counter_warehouse_id: int | None = None) -> dict[int, VariantPrice]:
    """variant id -> price at `at` (default now). Variants without a price in the channel are absent: not on
    sale yet. Should two rules ever cover a variant at once, the lower price wins (Saleor's choice); the
    services refuse overlapping promotions, so that only happens within one promotion."""
    listings = dict(ProductVariantChannelListing.objects.filter(
        variant_id__in=variant_ids, channel_id=channel_id, price_amount__isnull=False
    ).values_list("variant_id", "price_amount"))
    return prices_with_promotions(channel_prices=listings, channel_id=channel_id, at=at,
                                  counter_warehouse_id=counter_warehouse_id)


def prices_with_promotions(*, channel_prices: dict[int, Decimal], channel_id: int, at: datetime | None = None,
                           counter_warehouse_id: int | None = None) -> dict[int, VariantPrice]:
    """variant id -> price at `at`, for channel prices the caller already has (one query for promotions)."""
    at = at or timezone.now()
    rewards = variant_rewards_running(variant_ids=list(channel_prices), channel_id=channel_id, at=at,
                                      counter_warehouse_id=counter_warehouse_id)
    prices: dict[int, VariantPrice] = {}
    for variant_id, amount in channel_prices.items():
        best = VariantPrice(undiscounted=amount, price=amount)
        for promotion_id, value_type, value in rewards.get(variant_id, ()):
            price = reward_apply(price=amount, reward_value_type=value_type, reward_value=value)
            if price < best.price:
                best = VariantPrice(undiscounted=amount, price=price, promotion_id=promotion_id)
        prices[variant_id] = best
    return prices


@dataclass(frozen=True)
class PromotionClash:
    """Another promotion already covering a variant in an overlapping window."""

    promotion_id: int
    promotion_name: str
    variant_id: int
    product_id: int
    product_name: str
    start_date: datetime
    end_date: datetime | None


def promotion_clashes_find(*, variant_ids: list[int], channel_ids: list[int], start_date: datetime,
                           end_date: datetime | None, exclude_promotion_id: int | None = None
                           ) -> list[PromotionClash]:
    """Catalogue promotions whose window overlaps [start_date, end_date) on any of these variants and
    channels: what the overlap rule refuses."""
    if not variant_ids or not channel_ids:
        return []
    window = Q(promotionrule__promotion__end_date__isnull=True) | Q(promotionrule__promotion__end_date__gt=start_date)
    if end_date is not None:
        window &= Q(promotionrule__promotion__start_date__lt=end_date)
    through = PromotionRule.variants.through
    qs = through.objects.filter(
        window,
        productvariant_id__in=variant_ids,
        promotionrule__promotion__type=PromotionType.CATALOGUE,
        promotionrule__channels__pk__in=channel_ids,
    )
    if exclude_promotion_id is not None:
        qs = qs.exclude(promotionrule__promotion_id=exclude_promotion_id)
    rows = qs.values_list(
        "promotionrule__promotion_id", "promotionrule__promotion__name", "productvariant_id",
        "productvariant__product_id", "productvariant__product__name", "promotionrule__promotion__start_date",
        "promotionrule__promotion__end_date",
    ).distinct().order_by("productvariant__product__name", "productvariant_id", "promotionrule__promotion_id")
    return [PromotionClash(*row) for row in rows]


def promotion_list(*, running_at: datetime | None = None) -> QuerySet[Promotion]:
    qs = Promotion.objects.all().order_by("-start_date", "-pk")
    if running_at is not None:
        qs = qs.filter(promotion_running_q(at=running_at))
    return qs


def promotion_get(*, pk: int) -> Promotion | None:
    return Promotion.objects.filter(pk=pk).first()


def promotion_rules(*, promotion_id: int) -> QuerySet[PromotionRule]:
    return PromotionRule.objects.filter(promotion_id=promotion_id).prefetch_related("channels").order_by("pk")


def relay_id(type_name: str, pk: int) -> str:
    """A Relay global id, as Saleor stores ids inside predicates."""
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()
