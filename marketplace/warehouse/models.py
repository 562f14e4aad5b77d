from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

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


class StockMovementKind(models.TextChoices):
    RECEIVE = "receive", _("Nhập hàng")
    ADJUST = "adjust", _("Điều chỉnh kiểm kê")
    TRANSFER_OUT = "transfer_out", _("Chuyển đi")
    TRANSFER_IN = "transfer_in", _("Nhận chuyển đến")
    COUNTER_SALE = "counter_sale", _("Bán tại quầy")
    ONLINE_ALLOCATION = "online_allocation", _("Giữ hàng cho đơn trực tuyến")
    DEALLOCATION = "deallocation", _("Bỏ giữ hàng")
    ORDER_FULFILMENT = "order_fulfilment", _("Giao đơn trực tuyến")
    PICKUP_HANDOVER = "pickup_handover", _("Giao hàng nhận tại điểm")
    CANCELLATION = "cancellation", _("Hủy")
    RETURN = "return", _("Trả hàng")


class StockMovement(models.Model):
    """The stock ledger: every change of a Stock row is one movement. Invariants (checked by tests):
    Stock.quantity == Σ quantity_delta and Stock.quantity_allocated == Σ allocated_delta."""

    stock = models.ForeignKey(Stock, related_name="movements", on_delete=models.CASCADE)
    kind = models.CharField(max_length=32, choices=StockMovementKind.choices, db_index=True)
    quantity_delta = models.IntegerField(default=0)
    allocated_delta = models.IntegerField(default=0)
    quantity_after = models.IntegerField()
    allocated_after = models.IntegerField()
    reference = models.CharField(max_length=200, blank=True)  # delivery note, order number, transfer id…
    reason = models.TextField(blank=True)
    actor = models.ForeignKey("account.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["stock", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.quantity_delta:+d} on {self.stock_id}"


class Reservation(models.Model):
    """Units held for a checkout line until `reserved_until`; expired rows count for nothing and are swept."""

    checkout_line = models.ForeignKey("checkout.CheckoutLine", related_name="reservations", on_delete=models.CASCADE)
    stock = models.ForeignKey(Stock, related_name="reservations", on_delete=models.CASCADE)
    quantity_reserved = models.PositiveIntegerField(default=0)
    reserved_until = models.DateTimeField(db_index=True)

    class Meta:
        unique_together = [("checkout_line", "stock")]
        ordering = ["pk"]
        indexes = [models.Index(fields=["stock", "reserved_until"])]


class Allocation(models.Model):
    """Units of a stock row set aside for an order line (mirrored in Stock.quantity_allocated via the ledger)."""

    order_line = models.ForeignKey("order.OrderLine", related_name="allocations", on_delete=models.CASCADE)
    stock = models.ForeignKey(Stock, related_name="allocations", on_delete=models.CASCADE)
    quantity_allocated = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [("order_line", "stock")]
        ordering = ["pk"]
