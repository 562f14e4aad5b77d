from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from marketplace.core.models import TimeStampedModel


class SalesPointKind(models.TextChoices):
    CENTRE = "centre", _("Trung tâm giới thiệu và bán sản phẩm OCOP")
    POINT = "point", _("Điểm giới thiệu và bán sản phẩm OCOP")
    BOOTH = "booth", _("Gian hàng, quầy OCOP trong siêu thị")
    SHOWROOM = "showroom", _("Phòng trưng bày sản phẩm OCOP")
    KIOSK = "kiosk", _("Ki-ốt OCOP")


class LocationCategory(models.TextChoices):
    """The kinds of location MoIT Decision 950/QĐ-BCT (2023) names for OCOP points."""

    STATION = "station", _("Nhà ga, sân bay, bến xe, cảng")
    REST_STOP = "rest_stop", _("Trạm dừng nghỉ")
    MARKET = "market", _("Chợ, siêu thị, trung tâm thương mại")
    TOURIST_SITE = "tourist_site", _("Khu, điểm du lịch, khách sạn, nhà hàng")
    CRAFT_VILLAGE = "craft_village", _("Làng nghề")
    TRADE_CENTRE = "trade_centre", _("Trung tâm thương mại – dịch vụ, khu, cụm công nghiệp")
    FAIR_CENTRE = "fair_centre", _("Trung tâm hội chợ, triển lãm")
    POST_OFFICE = "post_office", _("Bưu cục, điểm bưu điện")


class SalesPoint(TimeStampedModel):
    """The OCOP profile of a warehouse that is a physical sales point. The warehouse keeps the address (current
    province and commune), click-and-collect and channels; the profile keeps what OCOP adds."""

    warehouse = models.OneToOneField("warehouse.Warehouse", on_delete=models.CASCADE, related_name="sales_point")
    kind = models.CharField(max_length=16, choices=SalesPointKind.choices, default=SalesPointKind.POINT)
    location_category = models.CharField(max_length=24, choices=LocationCategory.choices,
                                         default=LocationCategory.MARKET)
    address_as_published = models.TextField(blank=True)  # as the province's decision lists it (may name districts)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    area_m2 = models.DecimalField(max_digits=8, decimal_places=1, null=True, blank=True)
    opening_hours = models.CharField(max_length=200, blank=True)
    contact_name = models.CharField(max_length=200, blank=True)
    contact_phone = models.CharField(max_length=32, blank=True)
    contact_email = models.EmailField(blank=True)
    approval_reference = models.CharField(max_length=200, blank=True)  # its own OCOP point approval, if any
    approval_date = models.DateField(null=True, blank=True)
    default_low_stock_threshold = models.PositiveIntegerField(default=5)
    is_active = models.BooleanField(default=True)
    operators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="operated_sales_points")

    class Meta:
        ordering = ["warehouse__name", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                                   name="salespoint_latitude_range"),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="salespoint_longitude_range"),
        ]

    def __str__(self) -> str:
        return str(self.warehouse)


class StockThreshold(models.Model):
    """A low-stock threshold for one stock line (else the point's default applies)."""

    stock = models.OneToOneField("warehouse.Stock", on_delete=models.CASCADE, related_name="threshold")
    low_stock_threshold = models.PositiveIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.stock_id} ≤ {self.low_stock_threshold}"


class StockTransferStatus(models.TextChoices):
    CREATED = "created", _("Đã tạo")
    IN_TRANSIT = "in_transit", _("Đang vận chuyển")
    RECEIVED = "received", _("Đã nhận")
    CANCELLED = "cancelled", _("Đã hủy")


class StockTransfer(TimeStampedModel):
    """Goods moving between two points: they leave the source when shipped and arrive when received."""

    number = models.CharField(max_length=32, unique=True, null=True, blank=True)
    source = models.ForeignKey("warehouse.Warehouse", on_delete=models.PROTECT, related_name="transfers_out")
    destination = models.ForeignKey("warehouse.Warehouse", on_delete=models.PROTECT, related_name="transfers_in")
    status = models.CharField(max_length=16, choices=StockTransferStatus.choices,
                              default=StockTransferStatus.CREATED, db_index=True)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    shipped_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    shipped_at = models.DateTimeField(null=True, blank=True)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    received_at = models.DateTimeField(null=True, blank=True)
    receive_note = models.TextField(blank=True)
    # A token from the create form or API call: a double tap or a retried request returns the transfer already made.
    client_token = models.CharField(max_length=64, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(source=F("destination")), name="transfer_not_to_same_point"),
        ]

    def __str__(self) -> str:
        return self.number or f"CK-{self.pk}"


class StockTransferLine(models.Model):
    transfer = models.ForeignKey(StockTransfer, on_delete=models.CASCADE, related_name="lines")
    product_variant = models.ForeignKey("product.ProductVariant", on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField()
    quantity_received = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        unique_together = [("transfer", "product_variant")]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="transfer_line_quantity_positive"),
            models.CheckConstraint(
                condition=Q(quantity_received__isnull=True) | Q(quantity_received__lte=F("quantity")),
                name="transfer_line_received_within_shipped"),
        ]

    def __str__(self) -> str:
        return f"{self.product_variant_id} × {self.quantity}"


class PaymentMethod(models.TextChoices):
    CASH = "cash", _("Tiền mặt")
    CARD_TERMINAL = "card_terminal", _("Thẻ (máy POS)")


class CounterSaleStatus(models.TextChoices):
    COMPLETED = "completed", _("Đã thanh toán")
    VOIDED = "voided", _("Đã hủy")


class CounterSale(TimeStampedModel):
    """A sale at the counter, paid on the spot; its receipt is printed from the console."""

    number = models.CharField(max_length=32, unique=True, null=True, blank=True)
    warehouse = models.ForeignKey("warehouse.Warehouse", on_delete=models.PROTECT, related_name="counter_sales")
    status = models.CharField(max_length=16, choices=CounterSaleStatus.choices,
                              default=CounterSaleStatus.COMPLETED, db_index=True)
    payment_method = models.CharField(max_length=16, choices=PaymentMethod.choices)
    currency = models.CharField(max_length=3, default="VND")
    total_amount = models.DecimalField(max_digits=14, decimal_places=0)
    amount_tendered = models.DecimalField(max_digits=14, decimal_places=0, null=True, blank=True)
    change_due = models.DecimalField(max_digits=14, decimal_places=0, default=0)
    terminal_reference = models.CharField(max_length=64, blank=True)  # approval code printed by the POS terminal
    # A token from the sale form: a double tap or a resubmitted form returns the sale already made.
    client_token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    operator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    voided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    voided_at = models.DateTimeField(null=True, blank=True)
    void_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(total_amount__gte=0), name="counter_sale_total_non_negative"),
        ]

    def __str__(self) -> str:
        return self.number or f"HD-{self.pk}"


class CounterSaleLine(models.Model):
    sale = models.ForeignKey(CounterSale, on_delete=models.CASCADE, related_name="lines")
    product_variant = models.ForeignKey("product.ProductVariant", on_delete=models.PROTECT, related_name="+")
    product_name = models.CharField(max_length=300)
    variant_name = models.CharField(max_length=255, blank=True)
    sku = models.CharField(max_length=255, blank=True)
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(max_digits=14, decimal_places=0)  # what the shopper paid per unit
    total_price = models.DecimalField(max_digits=14, decimal_places=0)
    # The shelf price and the promotion (a fair's campaign) that lowered it, as at the sale; empty on sales made
    # before promotions reached the counter.
    undiscounted_unit_price = models.DecimalField(max_digits=14, decimal_places=0, null=True, blank=True)
    promotion_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="counter_sale_line_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.product_name} × {self.quantity}"

    @property
    def is_discounted(self) -> bool:
        return self.undiscounted_unit_price is not None and self.unit_price < self.undiscounted_unit_price
