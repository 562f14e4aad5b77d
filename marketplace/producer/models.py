from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.models import ModelWithMetadata, TimeStampedModel


class ProducerKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    COOPERATIVE = "cooperative", _("Hợp tác xã")
    COOPERATIVE_UNION = "cooperative_union", _("Liên hiệp hợp tác xã")
    COOPERATIVE_GROUP = "cooperative_group", _("Tổ hợp tác")
    HOUSEHOLD = "household", _("Hộ kinh doanh")


class Producer(ModelWithMetadata, TimeStampedModel):
    """A chủ thể OCOP. Address fields are kept exactly as published; province_code is the current province."""

    registry_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    kind = models.CharField(max_length=32, choices=ProducerKind.choices, default=ProducerKind.HOUSEHOLD)
    tax_code = models.CharField(max_length=20, blank=True, db_index=True)
    representative = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=50, blank=True)
    email = models.CharField(max_length=254, blank=True)
    address_line = models.CharField(max_length=300, blank=True)
    commune = models.CharField(max_length=120, blank=True)
    district_as_published = models.CharField(max_length=120, blank=True)
    province_as_published = models.CharField(max_length=120, blank=True)
    province_code = models.CharField(max_length=32, blank=True, db_index=True)
    # Written by catalogue staff, never by the registry sync (it owns the facts above).
    story = models.TextField(blank=True, default="")
    story_en = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
