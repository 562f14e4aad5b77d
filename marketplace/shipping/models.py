"""Shipping zones are sets of provinces (the 34 current ones); each zone has flat-rate methods priced per channel.
Pickup at a sales point is not a shipping method: it is a Warehouse chosen as collection point, and it is free."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.models import ModelWithMetadata


class ShippingMethodType(models.TextChoices):
    PRICE = "price", _("Theo giá đơn hàng")
    WEIGHT = "weight", _("Theo khối lượng")


class ShippingZone(ModelWithMetadata):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    provinces = ArrayField(models.CharField(max_length=32), default=list, blank=True)  # province codes
    description = models.TextField(blank=True)
    default = models.BooleanField(default=False)  # used for provinces no other zone names
    channels = models.ManyToManyField("channel.Channel", related_name="shipping_zones", blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class ShippingMethod(ModelWithMetadata):
    shipping_zone = models.ForeignKey(ShippingZone, related_name="shipping_methods", on_delete=models.CASCADE)
    name = models.CharField(max_length=100)
    type = models.CharField(max_length=30, choices=ShippingMethodType.choices, default=ShippingMethodType.PRICE)
    description = models.JSONField(blank=True, null=True)
    minimum_delivery_days = models.PositiveIntegerField(null=True, blank=True)
    maximum_delivery_days = models.PositiveIntegerField(null=True, blank=True)
    # Weight-based methods apply only to parcels within this range (Saleor's minimum/maximumOrderWeight).
    minimum_order_weight_grams = models.PositiveIntegerField(null=True, blank=True)
    maximum_order_weight_grams = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class ShippingMethodChannelListing(models.Model):
    shipping_method = models.ForeignKey(ShippingMethod, related_name="channel_listings", on_delete=models.CASCADE)
    channel = models.ForeignKey("channel.Channel", related_name="shipping_method_listings",
                                on_delete=models.CASCADE)
    currency = models.CharField(max_length=3, default="VND")
    price_amount = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    # Price-based methods apply only to order subtotals within this range (Saleor's minimum/maximumOrderPrice).
    minimum_order_price_amount = models.DecimalField(max_digits=14, decimal_places=0, null=True, blank=True)
    maximum_order_price_amount = models.DecimalField(max_digits=14, decimal_places=0, null=True, blank=True)
    # OCOP: delivery is free from this subtotal on.
    free_shipping_threshold_amount = models.DecimalField(max_digits=14, decimal_places=0, null=True, blank=True)

    class Meta:
        unique_together = [("shipping_method", "channel")]
        ordering = ["pk"]
        constraints = [models.CheckConstraint(condition=models.Q(price_amount__gte=0),
                                              name="shipping_price_non_negative"),
                       models.CheckConstraint(condition=models.Q(minimum_order_price_amount__gte=0)
                                              | models.Q(minimum_order_price_amount__isnull=True),
                                              name="shipping_min_order_price_non_negative")]
