"""Saleor's Promotion and PromotionRule, catalogue type only: a rule lowers the price of the variants its
predicate names, in its channels, while start_date <= now < end_date (a half-open window)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from marketplace.core.models import ModelWithMetadata


class PromotionType(models.TextChoices):
    CATALOGUE = "catalogue", "Catalogue"
    ORDER = "order", "Order"


class RewardValueType(models.TextChoices):
    PERCENTAGE = "percentage", _("Phần trăm")
    FIXED = "fixed", _("Số tiền cố định")


class Promotion(ModelWithMetadata):
    name = models.CharField(max_length=255)
    type = models.CharField(max_length=32, choices=PromotionType.choices, default=PromotionType.CATALOGUE)
    description = models.JSONField(blank=True, null=True)
    start_date = models.DateTimeField(db_index=True)
    end_date = models.DateTimeField(null=True, blank=True, db_index=True)
    # At sales-point counters a promotion applies everywhere in its channels, unless it is limited to some
    # points (a fair's campaign: the fair's own points only). Online prices are not affected by this.
    counter_sales_limited = models.BooleanField(default=False)
    counter_warehouses = models.ManyToManyField("warehouse.Warehouse", blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end_date__isnull=True) | Q(end_date__gt=F("start_date")),
                                   name="promotion_end_after_start"),
        ]

    def __str__(self) -> str:
        return self.name


class PromotionRule(models.Model):
    promotion = models.ForeignKey(Promotion, related_name="rules", on_delete=models.CASCADE)
    name = models.CharField(max_length=255, blank=True)
    description = models.JSONField(blank=True, null=True)
    channels = models.ManyToManyField("channel.Channel", related_name="+", blank=True)
    # As Saleor stores it: {"productPredicate": {"ids": [<Relay ids>]}}. `variants` is the predicate resolved,
    # kept so pricing is one indexed query.
    catalogue_predicate = models.JSONField(blank=True, default=dict)
    variants = models.ManyToManyField("product.ProductVariant", related_name="+", blank=True)
    reward_value_type = models.CharField(max_length=16, choices=RewardValueType.choices)
    reward_value = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(reward_value__gt=0), name="promotion_rule_reward_positive"),
            models.CheckConstraint(
                condition=~Q(reward_value_type="percentage") | Q(reward_value__lt=100),
                name="promotion_rule_percentage_below_100",
            ),
        ]

    def __str__(self) -> str:
        return self.name or f"rule {self.pk}"
