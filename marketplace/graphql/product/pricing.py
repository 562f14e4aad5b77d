"""Saleor's ProductPricingInfo and VariantPricingInfo, built from discount.selectors' prices."""

from __future__ import annotations

import graphene

from marketplace.graphql.core.types import TaxedMoney, TaxedMoneyRange, taxed_money


class ProductPricingInfo(graphene.ObjectType):
    on_sale = graphene.Boolean()
    discount = graphene.Field(TaxedMoney)
    discount_prior = graphene.Field(TaxedMoney)
    display_gross_prices = graphene.Boolean(required=True)
    price_range = graphene.Field(TaxedMoneyRange)
    price_range_undiscounted = graphene.Field(TaxedMoneyRange)
    price_range_prior = graphene.Field(TaxedMoneyRange)


class VariantPricingInfo(graphene.ObjectType):
    on_sale = graphene.Boolean()
    discount = graphene.Field(TaxedMoney)
    discount_prior = graphene.Field(TaxedMoney)
    price = graphene.Field(TaxedMoney)
    price_undiscounted = graphene.Field(TaxedMoney)
    price_prior = graphene.Field(TaxedMoney)


def variant_pricing(price, currency: str) -> VariantPricingInfo | None:
    if price is None:
        return None
    return VariantPricingInfo(
        on_sale=price.on_sale,
        discount=taxed_money(price.discount, currency) if price.on_sale else None,
        price=taxed_money(price.price, currency),
        price_undiscounted=taxed_money(price.undiscounted, currency),
    )


def product_pricing(prices: list, currency: str) -> ProductPricingInfo | None:
    if not prices:
        return None
    current = [p.price for p in prices]
    undiscounted = [p.undiscounted for p in prices]
    on_sale = any(p.on_sale for p in prices)
    return ProductPricingInfo(
        on_sale=on_sale,
        discount=taxed_money(min(undiscounted) - min(current), currency) if on_sale else None,
        display_gross_prices=True,
        price_range=TaxedMoneyRange(start=taxed_money(min(current), currency),
                                    stop=taxed_money(max(current), currency)),
        price_range_undiscounted=TaxedMoneyRange(start=taxed_money(min(undiscounted), currency),
                                                 stop=taxed_money(max(undiscounted), currency)),
    )
