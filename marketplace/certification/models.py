from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.models import TimeStampedModel


class CertificateStatus(models.TextChoices):
    ACTIVE = "active", _("Còn hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
    REVOKED = "revoked", _("Bị thu hồi")
    SUPERSEDED = "superseded", _("Đã được thay thế")


class IssuerLevel(models.TextChoices):
    DISTRICT = "district", _("Cấp huyện")
    PROVINCE = "province", _("Cấp tỉnh")
    NATIONAL = "national", _("Cấp trung ương")


class Certificate(TimeStampedModel):
    """One OCOP certificate as the registry published it. A product keeps every certificate it ever had."""

    registry_id = models.CharField(max_length=64, unique=True)
    product = models.ForeignKey("product.Product", related_name="certificates", on_delete=models.CASCADE)
    producer = models.ForeignKey("producer.Producer", related_name="certificates", on_delete=models.PROTECT,
                                 null=True, blank=True)
    number = models.CharField(max_length=100, db_index=True)
    stars = models.PositiveSmallIntegerField()
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    issuer = models.CharField(max_length=200, blank=True)
    issuer_level = models.CharField(max_length=16, choices=IssuerLevel.choices, blank=True)
    decision_number = models.CharField(max_length=100, blank=True)
    decision_date = models.DateField(null=True, blank=True)
    expires_on = models.DateField(db_index=True)
    status = models.CharField(max_length=16, choices=CertificateStatus.choices,
                              default=CertificateStatus.ACTIVE, db_index=True)
    status_decision_number = models.CharField(max_length=100, blank=True)
    status_decision_date = models.DateField(null=True, blank=True)
    status_reason = models.TextField(blank=True)
    superseded_by_registry_id = models.CharField(max_length=64, blank=True)
    superseded_by = models.ForeignKey("self", null=True, blank=True, related_name="supersedes",
                                      on_delete=models.SET_NULL)
    registry_updated_at = models.DateTimeField(null=True, blank=True)
    group_code = models.CharField(max_length=16, blank=True)
    legacy_group = models.CharField(max_length=64, blank=True)
    # Which source last wrote this certificate, and a hash of what it said (equal hash: nothing to write).
    source = models.CharField(max_length=100, blank=True)
    registry_fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-decision_date", "-pk"]
        indexes = [models.Index(fields=["product", "status", "stars", "expires_on"], name="cert_listing_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(stars__gte=1, stars__lte=5),
                                   name="certificate_stars_1_5"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.stars}★)"


class CertificateEvent(models.Model):
    """The history of a certificate: every version received, with what changed."""

    class Kind(models.TextChoices):
        CREATED = "created"
        UPDATED = "updated"
        STATUS_CHANGED = "status_changed"
        STARS_CHANGED = "stars_changed"
        EXPIRED = "expired"
        MOVED = "moved"  # attached to the product of the certificate it supersedes

    certificate = models.ForeignKey(Certificate, related_name="events", on_delete=models.CASCADE)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    changes = models.JSONField(default=dict, blank=True)  # {"field": [before, after]}
    payload = models.JSONField(default=dict, blank=True)  # the record as received
    source = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.certificate_id} {self.kind} @ {self.created_at:%Y-%m-%d %H:%M}"
