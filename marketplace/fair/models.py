"""Fairs: the event, its zones, booths with the products on show, and side events on stage or online.

Times are stored in UTC and entered and shown in Vietnam time (Asia/Ho_Chi_Minh). A fair's status is not
stored: a fair is a draft until published, then upcoming, ongoing or ended by its dates (see
selectors.fairs_with_status), so it changes on time with no job to run."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from marketplace.core.models import ModelWithMetadata, TimeStampedModel


class FairStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    PUBLISHED = "published", _("Sắp diễn ra")
    ONGOING = "ongoing", _("Đang diễn ra")
    ENDED = "ended", _("Đã kết thúc")


class FairEvent(ModelWithMetadata, TimeStampedModel):
    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True)
    description = models.TextField(blank=True)
    start_at = models.DateTimeField(db_index=True)
    end_at = models.DateTimeField(db_index=True)
    venue_name = models.CharField(max_length=255)
    venue_address = models.CharField(max_length=500, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    province_code = models.CharField(max_length=32, db_index=True)
    organiser = models.CharField(max_length=255, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    cover_image = models.ImageField(upload_to="fairs", blank=True, null=True)
    cover_image_alt = models.CharField(max_length=255, blank=True)
    # The fair-wide discount on booth products (empty: none); booths may override it. The Promotion that
    # applies it exists while the fair is published (services.fair_campaign_sync keeps it in step).
    reward_value_type = models.CharField(max_length=16, blank=True)
    reward_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    campaign = models.OneToOneField("discount.Promotion", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        ordering = ["start_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end_at__gt=F("start_at")), name="fair_end_after_start"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="fair_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="fair_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class FairZoneKind(models.TextChoices):
    LOCALITY = "locality", _("Theo địa phương")
    PRODUCT_GROUP = "product_group", _("Theo nhóm sản phẩm")
    OTHER = "other", _("Khác")


class FairZone(models.Model):
    fair = models.ForeignKey(FairEvent, related_name="zones", on_delete=models.CASCADE)
    name = models.CharField(max_length=120)
    code = models.CharField(max_length=20, blank=True)
    kind = models.CharField(max_length=20, choices=FairZoneKind.choices, default=FairZoneKind.LOCALITY)
    province_code = models.CharField(max_length=32, blank=True)
    category = models.ForeignKey("product.Category", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    sort_order = models.IntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name", "pk"]
        constraints = [
            models.UniqueConstraint("fair", Upper("name"), name="fair_zone_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Booth(TimeStampedModel):
    fair = models.ForeignKey(FairEvent, related_name="booths", on_delete=models.CASCADE)
    zone = models.ForeignKey(FairZone, null=True, blank=True, related_name="booths", on_delete=models.PROTECT)
    code = models.CharField(max_length=20)  # as printed on the floor plan, e.g. "A-12"
    producer = models.ForeignKey("producer.Producer", related_name="+", on_delete=models.PROTECT)
    # The sales point whose stock the booth sells from, when it has one (counter sales at the fair).
    sales_point = models.ForeignKey("warehouse.Warehouse", null=True, blank=True, related_name="+",
                                    on_delete=models.SET_NULL)
    products = models.ManyToManyField("product.Product", through="BoothProduct", related_name="+", blank=True)
    # Overrides the fair-wide discount for this booth's products (empty: follow the fair).
    reward_value_type = models.CharField(max_length=16, blank=True)
    reward_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["code", "pk"]
        constraints = [
            models.UniqueConstraint("fair", Upper("code"), name="booth_code_unique_per_fair"),
        ]

    def __str__(self) -> str:
        return self.code


class BoothProduct(models.Model):
    booth = models.ForeignKey(Booth, related_name="booth_products", on_delete=models.CASCADE)
    # Denormalised from the booth so the database refuses one product on show at two booths of a fair.
    fair = models.ForeignKey(FairEvent, related_name="+", on_delete=models.CASCADE)
    product = models.ForeignKey("product.Product", related_name="+", on_delete=models.CASCADE)
    sort_order = models.IntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["fair", "product"], name="booth_product_once_per_fair"),
        ]


class SideEventKind(models.TextChoices):
    OPENING = "opening", _("Khai mạc")
    CERTIFICATE_CEREMONY = "certificate_ceremony", _("Trao chứng nhận OCOP")
    LIVESTREAM = "livestream", _("Livestream bán hàng")
    WORKSHOP = "workshop", _("Hội thảo, giao thương")
    CLOSING = "closing", _("Bế mạc")
    OTHER = "other", _("Sự kiện khác")


class FairSideEvent(models.Model):
    fair = models.ForeignKey(FairEvent, related_name="side_events", on_delete=models.CASCADE)
    kind = models.CharField(max_length=32, choices=SideEventKind.choices, default=SideEventKind.OTHER)
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    start_at = models.DateTimeField()
    end_at = models.DateTimeField(null=True, blank=True)
    location = models.CharField(max_length=255, blank=True)  # a stage, a hall, or empty for online
    stream_url = models.URLField(blank=True)

    class Meta:
        ordering = ["start_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end_at__isnull=True) | Q(end_at__gt=F("start_at")),
                                   name="side_event_end_after_start"),
        ]

    def __str__(self) -> str:
        return self.title
