"""A checkout is a cart with contact, addresses and a delivery method. Its primary key is a random UUID: whoever
holds the ID may use the checkout (guests have nothing else), so it must not be guessable."""

from __future__ import annotations

import uuid

from django.db import models

from marketplace.core.models import ModelWithMetadata


class Checkout(ModelWithMetadata):
    token = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    user = models.ForeignKey("account.User", related_name="checkouts", null=True, blank=True,
                             on_delete=models.CASCADE)
    email = models.EmailField(blank=True)
    channel = models.ForeignKey("channel.Channel", related_name="checkouts", on_delete=models.PROTECT)
    billing_address = models.ForeignKey("account.Address", related_name="+", null=True, blank=True,
                                        on_delete=models.SET_NULL)
    shipping_address = models.ForeignKey("account.Address", related_name="+", null=True, blank=True,
                                         on_delete=models.SET_NULL)
    shipping_method = models.ForeignKey("shipping.ShippingMethod", related_name="checkouts", null=True,
                                        blank=True, on_delete=models.SET_NULL)
    collection_point = models.ForeignKey("warehouse.Warehouse", related_name="+", null=True, blank=True,
                                         on_delete=models.SET_NULL)
    customer_note = models.TextField(blank=True)
    language_code = models.CharField(max_length=10, default="vi")
    currency = models.CharField(max_length=3, default="VND")
    # Where the last line change came from: the units one address may hold are capped (anti-hoarding).
    client_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-updated_at", "pk"]

    def __str__(self) -> str:
        return str(self.token)


class CheckoutLine(ModelWithMetadata):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    checkout = models.ForeignKey(Checkout, related_name="lines", on_delete=models.CASCADE)
    variant = models.ForeignKey("product.ProductVariant", related_name="+", on_delete=models.CASCADE)
    quantity = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(quantity__gt=0), name="checkout_line_quantity_gt_0")]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.variant_id}"
