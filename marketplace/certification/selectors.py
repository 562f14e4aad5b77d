"""Reads about certificates, and THE listing rule. Every query, page, checkout and search index asks here.

The rule: a product may be shown and sold only while it has a certificate that is `active`, has 3 stars or
more, and whose `expires_on` has not passed at the moment of the request (the date in Vietnam). Expiry needs
no sync: it is evaluated against the clock on every read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from marketplace.certification.models import Certificate, CertificateEvent, CertificateStatus
from marketplace.product.models import Product

MIN_LISTABLE_STARS = 3


VIETNAM_TZ = timezone.get_fixed_timezone(7 * 60)


def today_in_vietnam(at: datetime | None = None) -> date:
    return timezone.localdate(at or timezone.now(), timezone=VIETNAM_TZ)


def vietnam_day_start(day: date) -> datetime:
    """Midnight of `day` in Vietnam, as an aware datetime (for "today's orders")."""
    return datetime.combine(day, time.min, tzinfo=VIETNAM_TZ)


def certificates_expiring_count(*, within_days: int, at: datetime | None = None) -> int:
    """Certificates that still make a product listable today but expire within `within_days` days."""
    today = today_in_vietnam(at)
    return valid_certificates(at=at).filter(expires_on__lte=today + timedelta(days=within_days)).count()


def certificates_expiring(*, within_days: int, at: datetime | None = None) -> QuerySet[Certificate]:
    today = today_in_vietnam(at)
    return valid_certificates(at=at).filter(expires_on__lte=today + timedelta(days=within_days)).select_related(
        "product").order_by("expires_on", "pk")


def certificate_valid_q(*, at: datetime | None = None, prefix: str = "") -> Q:
    """The rule as a Q over Certificate (prefix it to use across a relation)."""
    return Q(**{
        f"{prefix}status": CertificateStatus.ACTIVE,
        f"{prefix}stars__gte": MIN_LISTABLE_STARS,
        f"{prefix}expires_on__gte": today_in_vietnam(at),
    })


def valid_certificates(*, at: datetime | None = None) -> QuerySet[Certificate]:
    return Certificate.objects.filter(certificate_valid_q(at=at))


def product_listable_q(*, at: datetime | None = None) -> Q:
    """The rule as a Q over Product."""
    return Q(Exists(valid_certificates(at=at).filter(product_id=OuterRef("pk"))))


def products_listable(*, at: datetime | None = None, queryset: QuerySet[Product] | None = None
                      ) -> QuerySet[Product]:
    qs = queryset if queryset is not None else Product.objects.all()
    return qs.filter(product_listable_q(at=at))


def product_is_listable(*, product_id: int, at: datetime | None = None) -> bool:
    return valid_certificates(at=at).filter(product_id=product_id).exists()


def listable_product_ids(*, product_ids: list[int], at: datetime | None = None) -> set[int]:
    return set(valid_certificates(at=at).filter(product_id__in=product_ids)
               .values_list("product_id", flat=True))


def products_listing_failures(*, product_ids: list[int], at: datetime | None = None) -> dict[int, str]:
    """product id -> why it fails the listing rule at `at` (now), in the terms of `certificate_state`
    ('revoked', 'expired', 'not_certified', 'superseded'; 'missing' without any certificate). Products the rule
    allows are left out: the decision is `listable_product_ids`, this only explains it."""
    allowed = listable_product_ids(product_ids=product_ids, at=at)
    failing = [pid for pid in product_ids if pid not in allowed]
    current = certificates_current_for_products(product_ids=failing)
    return {pid: certificate_state(certificate=current[pid], at=at) if pid in current else "missing"
            for pid in failing}


def current_certificate_subquery(*, field: str = "pk") -> Subquery:
    """The product's current certificate (newest not superseded), for annotations like stars."""
    return Subquery(
        Certificate.objects.filter(product_id=OuterRef("pk"))
        .exclude(status=CertificateStatus.SUPERSEDED)
        .order_by("-decision_date", "-pk")
        .values(field)[:1]
    )


def certificate_current_for_product(*, product_id: int) -> Certificate | None:
    return (
        Certificate.objects.filter(product_id=product_id)
        .exclude(status=CertificateStatus.SUPERSEDED)
        .select_related("producer")
        .order_by("-decision_date", "-pk")
        .first()
    ) or Certificate.objects.filter(product_id=product_id).order_by("-decision_date", "-pk").first()


def certificates_current_for_products(*, product_ids: list[int]) -> dict[int, Certificate]:
    """product id -> current certificate, in one query (for lists)."""
    result: dict[int, Certificate] = {}
    rows = Certificate.objects.filter(product_id__in=product_ids).order_by(
        "product_id", "-decision_date", "-pk"
    )
    for cert in rows:
        existing = result.get(cert.product_id)
        if existing is None or (
            existing.status == CertificateStatus.SUPERSEDED and cert.status != CertificateStatus.SUPERSEDED
        ):
            result[cert.product_id] = cert
    return result


@dataclass(frozen=True)
class Verification:
    """What the verification page says about a certificate number, in plain terms."""

    certificate: Certificate
    state: str  # "valid", "expired", "revoked", "superseded", "not_certified"
    is_valid: bool
    replacement: Certificate | None


def certificate_state(*, certificate: Certificate, at: datetime | None = None) -> str:
    """'valid', 'expired', 'revoked', 'superseded' or 'not_certified' (1-2 stars), judged at `at` (now)."""
    if certificate.status == CertificateStatus.REVOKED:
        return "revoked"
    if certificate.status == CertificateStatus.SUPERSEDED:
        return "superseded"
    if certificate.status == CertificateStatus.EXPIRED or certificate.expires_on < today_in_vietnam(at):
        return "expired"
    if certificate.stars < MIN_LISTABLE_STARS:
        return "not_certified"
    return "valid"


def certificate_verify(*, number: str, at: datetime | None = None) -> Verification | None:
    cert = certificate_get_by_number(number=number)
    if cert is None:
        return None
    state = certificate_state(certificate=cert, at=at)
    return Verification(certificate=cert, state=state, is_valid=state == "valid", replacement=cert.superseded_by)


def products_visible(*, channel_id: int, at: datetime | None = None, in_listings: bool = False
                     ) -> QuerySet[Product]:
    """What a shopper may see in a channel now: the listing rule plus the channel's publication flags.
    `in_listings` also drops products hidden from lists (they stay reachable by slug)."""
    from marketplace.product.selectors import product_published_q

    return Product.objects.filter(product_published_q(channel_id=channel_id, at=at, in_listings=in_listings)).filter(
        product_listable_q(at=at))


def products_filter_stars(qs: QuerySet[Product], *, stars: list[int], at: datetime | None = None
                          ) -> QuerySet[Product]:
    """Products whose valid certificate has one of these star ratings."""
    return qs.filter(Exists(valid_certificates(at=at).filter(product_id=OuterRef("pk"), stars__in=stars)))


def certificate_get_by_number(*, number: str) -> Certificate | None:
    """The certificate with this number (case and surrounding spaces ignored); the newest if several."""
    return (
        Certificate.objects.filter(number__iexact=number.strip())
        .select_related("product", "producer", "superseded_by")
        .order_by("-decision_date", "-pk")
        .first()
    )


def certificate_get(*, certificate_id: int | None = None, registry_id: str | None = None
                    ) -> Certificate | None:
    qs = Certificate.objects.select_related("product", "producer", "superseded_by")
    if certificate_id is not None:
        return qs.filter(pk=certificate_id).first()
    if registry_id:
        return qs.filter(registry_id=registry_id).first()
    return None


def certificates_for_product(*, product_id: int) -> QuerySet[Certificate]:
    """Every certificate the product has held, newest decision first (its history on the product page)."""
    return Certificate.objects.filter(product_id=product_id).select_related("producer").order_by(
        "-decision_date", "-pk"
    )


def certificate_events(*, certificate_id: int) -> QuerySet[CertificateEvent]:
    """Every version of a certificate received, oldest first, with what changed."""
    return CertificateEvent.objects.filter(certificate_id=certificate_id).order_by("created_at", "pk")


def certificate_verification_url(*, number: str) -> str:
    """The public page a certificate's QR code points to (absolute, from settings.PUBLIC_URL)."""
    from urllib.parse import quote

    from django.conf import settings

    return f"{settings.PUBLIC_URL.rstrip('/')}/verify/{quote(number, safe='')}/"
