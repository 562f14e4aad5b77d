"""Reads about fairs: status by the clock, public lists, the fair page, what a product page shows during a fair,
and the checks the staff console needs (certificate lapsing before the fair ends, producers' products)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Case, CharField, Max, Q, QuerySet, Value, When
from django.utils import timezone

from marketplace.certification.selectors import (
    certificates_current_for_products,
    products_visible,
    valid_certificates,
)
from marketplace.core.geography import PROVINCES_BY_CODE
from marketplace.discount.selectors import VariantPrice, variant_prices_get
from marketplace.fair.models import (
    Booth,
    BoothProduct,
    FairEvent,
    FairSideEvent,
    FairStatus,
    FairZone,
)
from marketplace.producer.models import Producer
from marketplace.product.models import Product, ProductVariant

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PUBLIC_STATUSES = (FairStatus.PUBLISHED, FairStatus.ONGOING, FairStatus.ENDED)


def vn_date(moment: datetime) -> date:
    return timezone.localtime(moment, VN_TZ).date()


def fair_status(*, fair: FairEvent, at: datetime | None = None) -> str:
    at = at or timezone.now()
    if fair.published_at is None:
        return FairStatus.DRAFT
    if at < fair.start_at:
        return FairStatus.PUBLISHED
    if at < fair.end_at:
        return FairStatus.ONGOING
    return FairStatus.ENDED


def fairs_with_status(*, at: datetime | None = None, qs: QuerySet[FairEvent] | None = None
                      ) -> QuerySet[FairEvent]:
    """Fairs annotated with `status_now` as the clock says at `at` (the same rule as fair_status, in SQL, so
    lists can filter and count by status). A fair runs on the half-open window [start_at, end_at)."""
    at = at or timezone.now()
    qs = qs if qs is not None else FairEvent.objects.all()
    return qs.annotate(status_now=Case(
        When(published_at__isnull=True, then=Value(FairStatus.DRAFT.value)),
        When(start_at__gt=at, then=Value(FairStatus.PUBLISHED.value)),
        When(end_at__gt=at, then=Value(FairStatus.ONGOING.value)),
        default=Value(FairStatus.ENDED.value),
        output_field=CharField(),
    ))


def fairs_list(*, at: datetime | None = None, statuses: list[str] | None = None,
               province_code: str | None = None, public: bool = True, search: str | None = None
               ) -> QuerySet[FairEvent]:
    """Fairs for lists: shoppers see published ones only; staff (public=False) also see drafts. Ongoing first,
    then upcoming by start, then past most recent first."""
    qs = fairs_with_status(at=at)
    if public:
        qs = qs.filter(status_now__in=[s.value for s in PUBLIC_STATUSES])
    if statuses:
        qs = qs.filter(status_now__in=statuses)
    if province_code:
        qs = qs.filter(province_code=province_code)
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(venue_name__icontains=search))
    order = Case(When(status_now=FairStatus.ONGOING.value, then=Value(0)),
                 When(status_now=FairStatus.PUBLISHED.value, then=Value(1)),
                 When(status_now=FairStatus.DRAFT.value, then=Value(2)), default=Value(3))
    return qs.order_by(order, Case(When(status_now=FairStatus.ENDED.value, then=Value(None)),
                                   default="start_at").asc(nulls_last=True), "-end_at", "pk")


def fair_get(*, pk: int | None = None, slug: str | None = None, public: bool = True,
             at: datetime | None = None) -> FairEvent | None:
    qs = fairs_with_status(at=at).select_related("campaign")
    if public:
        qs = qs.exclude(published_at__isnull=True)
    if pk is not None:
        return qs.filter(pk=pk).first()
    if slug is not None:
        return qs.filter(slug=slug).first()
    return None


def fairs_for_home(*, at: datetime | None = None, limit: int = 3) -> list[FairEvent]:
    """What the home page shows: ongoing fairs, then the next upcoming ones (annotated with status_now)."""
    return list(fairs_list(at=at, statuses=[FairStatus.ONGOING, FairStatus.PUBLISHED])[:limit])


@dataclass(frozen=True)
class ProductFair:
    """The ongoing fair a product is on show at: for the badge and the fair price on product pages."""

    fair_id: int
    fair_name: str
    fair_slug: str
    booth_code: str
    zone_name: str
    start_at: datetime
    end_at: datetime
    campaign_id: int | None

    def price_is_fair_price(self, price: VariantPrice | None) -> bool:
        return bool(price and price.on_sale and self.campaign_id and price.promotion_id == self.campaign_id)


def fairs_for_products(*, product_ids: list[int], at: datetime | None = None) -> dict[int, ProductFair]:
    """product id -> the published fair ongoing at `at` where it is on show (the one ending first if several)."""
    at = at or timezone.now()
    rows = (BoothProduct.objects
            .filter(product_id__in=product_ids, fair__published_at__isnull=False, fair__start_at__lte=at,
                    fair__end_at__gt=at)
            .select_related("fair", "booth__zone")
            .order_by("product_id", "fair__end_at", "fair_id"))
    result: dict[int, ProductFair] = {}
    for row in rows:
        if row.product_id in result:
            continue
        result[row.product_id] = ProductFair(
            fair_id=row.fair_id, fair_name=row.fair.name, fair_slug=row.fair.slug, booth_code=row.booth.code,
            zone_name=row.booth.zone.name if row.booth.zone else "", start_at=row.fair.start_at,
            end_at=row.fair.end_at, campaign_id=row.fair.campaign_id,
        )
    return result


def fair_for_product(*, product_id: int, at: datetime | None = None) -> ProductFair | None:
    return fairs_for_products(product_ids=[product_id], at=at).get(product_id)


# --- The public fair page -------------------------------------------------------------------------------


@dataclass
class PagedProduct:
    product: Product
    stars: int | None
    price: VariantPrice | None  # the cheapest variant now (fair price applied during the fair)
    variant_id: int | None


@dataclass
class PagedBooth:
    booth: Booth
    producer: Producer
    products: list[PagedProduct] = field(default_factory=list)


@dataclass
class PagedZone:
    zone: FairZone | None
    booths: list[PagedBooth] = field(default_factory=list)


def booth_code_key(code: str) -> tuple:
    """Natural order for booth codes: A-2 before A-12."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", code.upper()))


def fair_page_zones(*, fair: FairEvent, channel_id: int | None, at: datetime | None = None) -> list[PagedZone]:
    """Zones with their booths, producers and the products a shopper may see now (the listing rule applies at
    the moment of the request, so a product whose certificate lapses mid-fair disappears from the page)."""
    at = at or timezone.now()
    booths = list(Booth.objects.filter(fair=fair).select_related("producer", "zone"))
    links = list(BoothProduct.objects.filter(fair=fair).order_by("sort_order", "pk"))
    visible = products_visible(channel_id=channel_id, at=at) if channel_id else Product.objects.none()
    products = {p.pk: p for p in visible.filter(pk__in=[link.product_id for link in links])}
    variants = defaultdict(list)
    for variant in ProductVariant.objects.filter(product_id__in=list(products)).order_by("sort_order", "pk"):
        variants[variant.product_id].append(variant.pk)
    prices = variant_prices_get(variant_ids=[v for vs in variants.values() for v in vs], channel_id=channel_id,
                                at=at) if channel_id else {}
    stars = {pid: cert.stars for pid, cert in certificates_current_for_products(product_ids=list(products)).items()}
    by_booth: dict[int, list[PagedProduct]] = defaultdict(list)
    for link in links:
        product = products.get(link.product_id)
        if product is None:
            continue
        priced = [(prices[v], v) for v in variants[product.pk] if v in prices]
        cheapest = min(priced, key=lambda pv: pv[0].price) if priced else (None, None)
        by_booth[link.booth_id].append(PagedProduct(product=product, stars=stars.get(product.pk),
                                                    price=cheapest[0], variant_id=cheapest[1]))
    zones: dict[int | None, PagedZone] = {}
    for zone in FairZone.objects.filter(fair=fair):
        zones[zone.pk] = PagedZone(zone=zone)
    for booth in sorted(booths, key=lambda b: booth_code_key(b.code)):
        zone = zones.setdefault(booth.zone_id, PagedZone(zone=None))
        zone.booths.append(PagedBooth(booth=booth, producer=booth.producer, products=by_booth.get(booth.pk, [])))
    ordered = [z for key, z in zones.items() if key is not None]
    if None in zones:
        ordered.append(zones[None])
    return ordered


def side_events_list(*, fair: FairEvent) -> QuerySet[FairSideEvent]:
    return FairSideEvent.objects.filter(fair=fair).order_by("start_at", "pk")


def zones_list(*, fair: FairEvent) -> QuerySet[FairZone]:
    return FairZone.objects.filter(fair=fair)


def booths_list(*, fair: FairEvent) -> list[Booth]:
    booths = Booth.objects.filter(fair=fair).select_related("producer", "zone", "sales_point")
    return sorted(booths, key=lambda b: booth_code_key(b.code))


def booth_get(*, fair: FairEvent, pk: int) -> Booth | None:
    return Booth.objects.filter(fair=fair, pk=pk).select_related("producer", "zone", "sales_point").first()


def province_name(code: str | None) -> str:
    province = PROVINCES_BY_CODE.get(code or "")
    return province.name if province else (code or "")


# --- Staff checks ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProductCheck:
    """A product as the staff console shows it for a booth: may it go on show, and will it stay certified."""

    product: Product
    listable: bool
    expires_on: date | None  # the latest expiry among its valid certificates
    lapses_before_end: bool  # certified now but not for the whole fair: shown with a warning
    other_booth_code: str | None  # already on show at another booth of this fair

    @property
    def can_attach(self) -> bool:
        return self.listable and self.other_booth_code is None


def certificate_expiry_for_products(*, product_ids: list[int], at: datetime | None = None) -> dict[int, date]:
    """product id -> latest expiry of its currently valid certificates (absent: not listable now)."""
    rows = (valid_certificates(at=at).filter(product_id__in=product_ids).values("product_id")
            .annotate(expires=Max("expires_on")).values_list("product_id", "expires"))
    return dict(rows)


def certificate_lapses_before(*, expires_on: date, moment: datetime) -> bool:
    """A certificate is valid through its expiry date (in Vietnam); it lapses before `moment` (exclusive end)
    when the last instant before `moment` falls on a later day."""
    return vn_date(moment - timedelta(microseconds=1)) > expires_on


def products_check_for_fair(*, fair: FairEvent, product_ids: list[int], booth: Booth | None = None,
                            at: datetime | None = None) -> list[ProductCheck]:
    expiry = certificate_expiry_for_products(product_ids=product_ids, at=at)
    taken = dict(BoothProduct.objects.filter(fair=fair, product_id__in=product_ids)
                 .exclude(booth=booth).values_list("product_id", "booth__code"))
    products = Product.objects.filter(pk__in=product_ids).order_by("name", "pk")
    return [
        ProductCheck(
            product=p, listable=p.pk in expiry, expires_on=expiry.get(p.pk),
            lapses_before_end=p.pk in expiry and certificate_lapses_before(expires_on=expiry[p.pk],
                                                                           moment=fair.end_at),
            other_booth_code=taken.get(p.pk),
        )
        for p in products
    ]


def booth_candidate_products(*, booth: Booth, at: datetime | None = None) -> list[ProductCheck]:
    """The booth producer's products, each with whether it can go on show (for the staff checkboxes)."""
    ids = list(Product.objects.filter(producer_id=booth.producer_id).values_list("pk", flat=True))
    return products_check_for_fair(fair=booth.fair, product_ids=ids, booth=booth, at=at)


def booth_product_ids(*, booth: Booth) -> list[int]:
    return list(BoothProduct.objects.filter(booth=booth).order_by("sort_order", "pk")
                .values_list("product_id", flat=True))


def fair_products_lapsing(*, fair: FairEvent, at: datetime | None = None) -> list[ProductCheck]:
    """Products on show whose certificate is no longer valid or lapses before the fair ends (staff warning)."""
    ids = list(BoothProduct.objects.filter(fair=fair).values_list("product_id", flat=True))
    return [c for c in products_check_for_fair(fair=fair, product_ids=ids, at=at)
            if not c.listable or c.lapses_before_end]


def fair_product_ids(*, fair: FairEvent) -> dict[int, int]:
    """product id -> booth id, for every product on show at the fair."""
    return dict(BoothProduct.objects.filter(fair=fair).values_list("product_id", "booth_id"))


def booth_counts(*, fair: FairEvent) -> dict[str, int]:
    return {
        "booths": Booth.objects.filter(fair=fair).count(),
        "products": BoothProduct.objects.filter(fair=fair).count(),
        "producers": Booth.objects.filter(fair=fair).values("producer_id").distinct().count(),
    }


def campaign_summary(*, fair: FairEvent) -> dict[str, Decimal | str | int | None]:
    overrides = Booth.objects.filter(fair=fair).exclude(reward_value__isnull=True).count()
    return {"reward_value_type": fair.reward_value_type or None, "reward_value": fair.reward_value,
            "booth_overrides": overrides, "promotion_id": fair.campaign_id}


def zone_get(*, pk: int) -> FairZone | None:
    return FairZone.objects.filter(pk=pk).select_related("fair").first()


def booth_get_by_pk(*, pk: int) -> Booth | None:
    return Booth.objects.filter(pk=pk).select_related("fair", "producer", "zone").first()


def side_event_get(*, pk: int) -> FairSideEvent | None:
    return FairSideEvent.objects.filter(pk=pk).select_related("fair").first()
