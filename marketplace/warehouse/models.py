from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from marketplace.core.models import ModelWithMetadata


class WarehouseClickAndCollectOption(models.TextChoices):
    DISABLED = "disabled"
    LOCAL_STOCK = "local"
    ALL_WAREHOUSES = "all"


class Warehouse(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    email = models.EmailField(blank=True, default="")
    company_name = models.CharField(max_length=255, blank=True)
    address = models.ForeignKey("account.Address", on_delete=models.PROTECT, related_name="+")
    channels = models.ManyToManyField("channel.Channel", related_name="warehouses", blank=True)
    click_and_collect_option = models.CharField(
        max_length=30, choices=WarehouseClickAndCollectOption.choices,
        default=WarehouseClickAndCollectOption.DISABLED,
    )
    is_private = models.BooleanField(default=True)
    external_reference = models.CharField(max_length=250, unique=True, blank=True, null=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class Stock(models.Model):
    warehouse = models.ForeignKey(Warehouse, related_name="stocks", on_delete=models.CASCADE)
    product_variant = models.ForeignKey("product.ProductVariant", related_name="stocks",
                                        on_delete=models.CASCADE)
    quantity = models.IntegerField(default=0)
    quantity_allocated = models.IntegerField(default=0)

    class Meta:
        unique_together = [("warehouse", "product_variant")]
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=0), name="stock_quantity_non_negative"),
            models.CheckConstraint(condition=Q(quantity_allocated__gte=0), name="stock_allocated_non_negative"),
            models.CheckConstraint(condition=Q(quantity_allocated__lte=F("quantity")),
                                   name="stock_allocated_within_quantity"),
        ]

    def __str__(self) -> str:
        return f"{self.product_variant_id}@{self.warehouse_id}: {self.quantity}"
