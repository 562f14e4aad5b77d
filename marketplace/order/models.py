"""Orders with Saleor's statuses. The primary key is a random UUID (it doubles as the guest's lookup token);
`number` is the short, sequential number people read out ("đơn #1042"), drawn from a PostgreSQL sequence."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.models import ModelWithMetadata

# Gateways paid in cash at hand-over (their ids are defined by marketplace.payment, which sits above this app).
PAY_ON_DELIVERY_GATEWAYS = ("ocop.cash-on-delivery",)


class OrderStatus(models.TextChoices):
    DRAFT = "draft", _("Nháp")
    UNCONFIRMED = "unconfirmed", _("Chờ thanh toán")
    UNFULFILLED = "unfulfilled", _("Đang xử lý")
    PARTIALLY_FULFILLED = "partially_fulfilled", _("Đã giao một phần")
    PARTIALLY_RETURNED = "partially_returned", _("Đã trả một phần")
    RETURNED = "returned", _("Đã trả hàng")
    FULFILLED = "fulfilled", _("Đã giao")
    CANCELED = "canceled", _("Đã hủy")
    EXPIRED = "expired", _("Hết hạn thanh toán")


class OrderChargeStatus(models.TextChoices):
    NONE = "none", _("Chưa thanh toán")
    PARTIAL = "partial", _("Thanh toán một phần")
    FULL = "full", _("Đã thanh toán")
    OVERCHARGED = "overcharged", _("Thanh toán thừa")


class OrderAuthorizeStatus(models.TextChoices):
    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"


class OrderEvents(models.TextChoices):
    """Saleor's OrderEventsEnum values we write (lower-case, as Saleor stores them)."""

    PLACED = "placed"
    CONFIRMED = "confirmed"
    EXPIRED = "expired"
    CANCELED = "canceled"
    REMOVED_PRODUCTS = "removed_products"
    ORDER_MARKED_AS_PAID = "order_marked_as_paid"
    ORDER_FULLY_PAID = "order_fully_paid"
    EMAIL_SENT = "email_sent"
    PAYMENT_REFUNDED = "payment_refunded"
    PAYMENT_FAILED = "payment_failed"
    TRANSACTION_EVENT = "transaction_event"
    TRANSACTION_REFUND_REQUESTED = "transaction_refund_requested"
    FULFILLMENT_FULFILLED_ITEMS = "fulfillment_fulfilled_items"
    FULFILLMENT_RESTOCKED_ITEMS = "fulfillment_restocked_items"
    FULFILLMENT_RETURNED = "fulfillment_returned"
    TRACKING_UPDATED = "tracking_updated"
    NOTE_ADDED = "note_added"
    OTHER = "other"


class OrderLineCancelReason(models.TextChoices):
    """Why a line was cancelled after the order was placed (the shopper reads the label)."""

    CERTIFICATE_REVOKED = "certificate_revoked", _("Giấy chứng nhận OCOP của sản phẩm đã bị thu hồi")
    CERTIFICATE_EXPIRED = "certificate_expired", _("Giấy chứng nhận OCOP của sản phẩm đã hết hạn")
    CERTIFICATE_DOWNGRADED = "certificate_downgraded", _("Sản phẩm bị hạ xuống dưới 3 sao OCOP")
    CERTIFICATE_INVALID = "certificate_invalid", _("Sản phẩm không còn giấy chứng nhận OCOP hợp lệ")


class Order(ModelWithMetadata):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    number = models.PositiveIntegerField(unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    status = models.CharField(max_length=32, choices=OrderStatus.choices, default=OrderStatus.UNCONFIRMED,
                              db_index=True)
    charge_status = models.CharField(max_length=32, choices=OrderChargeStatus.choices,
                                     default=OrderChargeStatus.NONE, db_index=True)
    authorize_status = models.CharField(max_length=32, choices=OrderAuthorizeStatus.choices,
                                        default=OrderAuthorizeStatus.NONE)
    channel = models.ForeignKey("channel.Channel", related_name="orders", on_delete=models.PROTECT)
    user = models.ForeignKey("account.User", related_name="orders", null=True, blank=True,
                             on_delete=models.SET_NULL)
    user_email = models.EmailField(blank=True, db_index=True)
    language_code = models.CharField(max_length=10, default="vi")
    billing_address = models.ForeignKey("account.Address", related_name="+", null=True, blank=True,
                                        on_delete=models.SET_NULL)
    shipping_address = models.ForeignKey("account.Address", related_name="+", null=True, blank=True,
                                         on_delete=models.SET_NULL)
    shipping_method = models.ForeignKey("shipping.ShippingMethod", related_name="orders", null=True, blank=True,
                                        on_delete=models.SET_NULL)
    shipping_method_name = models.CharField(max_length=255, blank=True)
    collection_point = models.ForeignKey("warehouse.Warehouse", related_name="orders", null=True, blank=True,
                                         on_delete=models.SET_NULL)
    collection_point_name = models.CharField(max_length=255, blank=True)
    currency = models.CharField(max_length=3, default="VND")
    subtotal_amount = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    undiscounted_subtotal_amount = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    shipping_price_amount = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    total_amount = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    undiscounted_total_amount = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    # Kept by payment services from the order's transactions (Saleor's denormalised totals).
    total_charged_amount = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    total_authorized_amount = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    total_refunded_amount = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    payment_gateway = models.CharField(max_length=64, blank=True)  # "stripe" | "ocop.cash-on-delivery"
    payment_due_at = models.DateTimeField(null=True, blank=True, db_index=True)  # unpaid card orders expire
    checkout_token = models.CharField(max_length=36, blank=True, db_index=True)
    customer_note = models.TextField(blank=True)
    redirect_url = models.URLField(max_length=500, blank=True)
    pickup_ready_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.CheckConstraint(condition=models.Q(total_amount__gte=0), name="order_total_non_negative"),
        ]

    def __str__(self) -> str:
        return f"#{self.number}"

    @property
    def is_pickup(self) -> bool:
        return self.collection_point_id is not None


class OrderLine(ModelWithMetadata):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    order = models.ForeignKey(Order, related_name="lines", on_delete=models.CASCADE)
    variant = models.ForeignKey("product.ProductVariant", related_name="order_lines", null=True, blank=True,
                                on_delete=models.SET_NULL)
    product_name = models.CharField(max_length=386)
    variant_name = models.CharField(max_length=255, blank=True)
    product_sku = models.CharField(max_length=255, null=True, blank=True)
    product_variant_id = models.CharField(max_length=255, blank=True)
    is_shipping_required = models.BooleanField(default=True)
    quantity = models.PositiveIntegerField()
    quantity_fulfilled = models.PositiveIntegerField(default=0)
    currency = models.CharField(max_length=3, default="VND")
    unit_price_amount = models.DecimalField(max_digits=14, decimal_places=0)
    undiscounted_unit_price_amount = models.DecimalField(max_digits=14, decimal_places=0)
    total_price_amount = models.DecimalField(max_digits=14, decimal_places=0)
    undiscounted_total_price_amount = models.DecimalField(max_digits=14, decimal_places=0)
    promotion_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # A line withdrawn after the order was placed (its certificate stopped allowing sale): not paid, not handed
    # over, its units back on the shelf; it stays on the order so the shopper and staff see what happened.
    canceled_at = models.DateTimeField(null=True, blank=True, db_index=True)
    cancel_reason = models.CharField(max_length=32, choices=OrderLineCancelReason.choices, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="order_line_quantity_gt_0"),
            models.CheckConstraint(condition=models.Q(quantity_fulfilled__lte=models.F("quantity")),
                                   name="order_line_fulfilled_within_quantity"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.product_name}"

    @property
    def quantity_unfulfilled(self) -> int:
        return 0 if self.canceled_at else self.quantity - self.quantity_fulfilled

    @property
    def is_canceled(self) -> bool:
        return self.canceled_at is not None


class OrderEvent(models.Model):
    order = models.ForeignKey(Order, related_name="events", on_delete=models.CASCADE)
    date = models.DateTimeField(auto_now_add=True, db_index=True)
    type = models.CharField(max_length=64, choices=OrderEvents.choices)
    user = models.ForeignKey("account.User", related_name="+", null=True, blank=True, on_delete=models.SET_NULL)
    parameters = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.type} on {self.order_id}"


class FulfillmentStatus(models.TextChoices):
    FULFILLED = "fulfilled", _("Đã giao")
    RETURNED = "returned", _("Đã trả hàng")
    CANCELED = "canceled", _("Đã hủy")


class Fulfillment(ModelWithMetadata):
    order = models.ForeignKey(Order, related_name="fulfillments", on_delete=models.CASCADE)
    fulfillment_order = models.PositiveIntegerField()
    status = models.CharField(max_length=32, choices=FulfillmentStatus.choices, default=FulfillmentStatus.FULFILLED)
    tracking_number = models.CharField(max_length=255, blank=True)
    warehouse = models.ForeignKey("warehouse.Warehouse", related_name="+", null=True, blank=True,
                                  on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    carrier = models.CharField(max_length=100, blank=True)  # OCOP: the courier (VNPost, GHN, Viettel Post…)
    delivered_at = models.DateTimeField(null=True, blank=True)  # OCOP: the courier reported it delivered

    class Meta:
        ordering = ["pk"]
        unique_together = [("order", "fulfillment_order")]


class FulfillmentLine(models.Model):
    fulfillment = models.ForeignKey(Fulfillment, related_name="lines", on_delete=models.CASCADE)
    order_line = models.ForeignKey(OrderLine, related_name="+", on_delete=models.CASCADE)
    quantity = models.PositiveIntegerField()
    stock = models.ForeignKey("warehouse.Stock", related_name="+", null=True, blank=True, on_delete=models.SET_NULL)
