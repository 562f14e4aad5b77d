"""Demo fairs for `manage.py populatedb`: one ongoing fair in Hà Tĩnh (started yesterday, ends in 3 days, 10%
off booth products) and one upcoming fair in Thanh Hóa (next month), with zones by locality, booths for
producers that have listable products, and side events. Running it again changes nothing, except that the
ongoing fair is moved to stay ongoing when the demo is reseeded days later."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from marketplace.certification.selectors import products_listable
from marketplace.core.errors import DomainError
from marketplace.fair.models import Booth, FairEvent, FairSideEvent, SideEventKind
from marketplace.fair.selectors import VN_TZ, province_name
from marketplace.fair.services import (
    FairData,
    booth_create,
    fair_campaign_set,
    fair_create,
    fair_publish,
    fair_update,
    side_event_create,
    zone_create,
)
from marketplace.producer.models import Producer
from marketplace.warehouse.selectors import warehouse_list

logger = logging.getLogger(__name__)

ONGOING_SLUG = "hoi-cho-ocop-ha-tinh"
UPCOMING_SLUG = "hoi-cho-ocop-thanh-hoa"
PROVINCE_ORDER = ("ha-tinh", "thanh-hoa", "nghe-an")
MAX_BOOTHS, MAX_PRODUCTS_PER_BOOTH = 12, 4


def _at(day: datetime, hour: int) -> datetime:
    return datetime.combine(timezone.localtime(day, VN_TZ).date(), time(hour), tzinfo=VN_TZ)


def _producers_with_products(*, at: datetime) -> dict[int, list[int]]:
    """producer id -> its listable product ids, producers of Hà Tĩnh and Thanh Hóa first."""
    by_producer: dict[int, list[int]] = defaultdict(list)
    for pk, producer_id in (products_listable(at=at).filter(producer__isnull=False)
                            .order_by("name", "pk").values_list("pk", "producer_id")):
        by_producer[producer_id].append(pk)
    return by_producer


@transaction.atomic
def demo_fairs_create(*, now: datetime | None = None) -> list[FairEvent]:
    now = now or timezone.now()
    ongoing = _fair_ensure(
        slug=ONGOING_SLUG, now=now, publish=True, reward=Decimal(10),
        data=FairData(
            name="Hội chợ OCOP Hà Tĩnh", start_at=_at(now - timedelta(days=1), 8),
            end_at=_at(now + timedelta(days=3), 21), venue_name="Quảng trường Thành Sen",
            venue_address="Đường Trần Phú, phường Thành Sen, Hà Tĩnh", province="ha-tinh",
            organiser="Sở Công Thương Hà Tĩnh", latitude=Decimal("18.342850"), longitude=Decimal("105.905710"),
            description="Hơn 100 gian hàng sản phẩm OCOP của các địa phương, giá ưu đãi trong những ngày hội chợ.",
        ),
    )
    start = _at(now + timedelta(days=30), 8)
    upcoming = _fair_ensure(
        slug=UPCOMING_SLUG, now=now, publish=True, reward=None,
        data=FairData(
            name="Hội chợ OCOP Thanh Hóa", start_at=start, end_at=_at(start + timedelta(days=4), 22),
            venue_name="Cung Văn hóa thiếu nhi Thanh Hóa", venue_address="Đại lộ Lê Lợi, phường Hạc Thành, Thanh Hóa",
            province="thanh-hoa", organiser="Trung tâm Xúc tiến Thương mại Thanh Hóa",
            latitude=Decimal("19.807800"), longitude=Decimal("105.776800"),
            description="Hội chợ sản phẩm OCOP và đặc sản vùng miền, trao chứng nhận OCOP năm nay.",
        ),
    )
    return [ongoing, upcoming]


def _fair_ensure(*, slug: str, data: FairData, now: datetime, publish: bool, reward: Decimal | None
                 ) -> FairEvent:
    fair = FairEvent.objects.filter(slug=slug).first()
    if fair is None:
        fair = fair_create(data=data, slug=slug)
        _booths_create(fair=fair, now=now)
        _side_events_create(fair=fair)
        if reward is not None:
            try:
                fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value=reward)
            except DomainError as exc:  # e.g. a product already in another demo promotion
                logger.warning("Demo fair %s: no campaign (%s)", slug, exc.message)
    elif _phase(fair.start_at, fair.end_at, now) != _phase(data.start_at, data.end_at, now):
        FairSideEvent.objects.filter(fair=fair).delete()
        fair = fair_update(fair=fair, data=data)
        _side_events_create(fair=fair)
    if publish and fair.published_at is None:
        fair = fair_publish(fair=fair, at=min(now, fair.start_at))
    return fair


def _phase(start: datetime, end: datetime, now: datetime) -> str:
    return "upcoming" if now < start else "ongoing" if now < end else "ended"


def _booths_create(*, fair: FairEvent, now: datetime) -> None:
    if Booth.objects.filter(fair=fair).exists():
        return
    products = _producers_with_products(at=now)
    if not products:
        return
    producers = Producer.objects.in_bulk(list(products))
    by_province: dict[str, list[Producer]] = defaultdict(list)
    for producer in sorted(producers.values(), key=lambda p: p.name):
        by_province[producer.province_code if producer.province_code in PROVINCE_ORDER else ""].append(producer)
    sales_point = warehouse_list().filter(address__province_code=fair.province_code, is_private=False).first()
    letters = iter("ABCDEFGH")
    created = 0
    for province in (*PROVINCE_ORDER, ""):
        if not by_province.get(province) or created >= MAX_BOOTHS:
            continue
        letter = next(letters)
        zone = zone_create(fair=fair, name=f"Khu {province_name(province)}" if province else "Khu các tỉnh khác",
                           code=letter, province=province)
        for number, producer in enumerate(by_province[province][:MAX_BOOTHS - created], start=1):
            booth_create(fair=fair, code=f"{letter}-{number:02d}", producer_id=producer.pk, zone_id=zone.pk,
                         sales_point_id=sales_point.pk if sales_point and province == fair.province_code else None,
                         product_ids=products[producer.pk][:MAX_PRODUCTS_PER_BOOTH], at=now)
            created += 1


def _side_events_create(*, fair: FairEvent) -> None:
    if FairSideEvent.objects.filter(fair=fair).exists():
        return
    day_two = fair.start_at + timedelta(days=1)
    events = [
        (SideEventKind.OPENING, "Lễ khai mạc hội chợ", fair.start_at + timedelta(hours=1), timedelta(hours=1),
         "Sân khấu chính", ""),
        (SideEventKind.CERTIFICATE_CEREMONY, "Trao giấy chứng nhận sản phẩm OCOP", _at(day_two, 9),
         timedelta(hours=2), "Sân khấu chính", ""),
        (SideEventKind.LIVESTREAM, "Livestream giới thiệu đặc sản OCOP", _at(day_two, 20), timedelta(hours=2),
         "", "https://www.facebook.com/ocop.market/live"),
    ]
    for kind, title, start, length, location, stream in events:
        if fair.start_at <= start and start + length <= fair.end_at:
            side_event_create(fair=fair, kind=kind, title=title, start_at=start, end_at=start + length,
                              location=location, stream_url=stream)
