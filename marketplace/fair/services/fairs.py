"""Writes for fairs: create, update, publish, unpublish, delete, cover image; zones; side events."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.core.geography import province_resolve
from marketplace.fair.error_codes import FairErrorCode
from marketplace.fair.models import FairEvent, FairSideEvent, FairZone, FairZoneKind, SideEventKind
from marketplace.fair.selectors import VN_TZ, fair_status
from marketplace.fair.services.campaign import fair_campaign_sync
from marketplace.product.models import Category
from marketplace.product.services import unique_slug


def as_vietnam_time(value: datetime) -> datetime:
    """Naive date-times typed by staff are Vietnam time; aware ones are kept as they are."""
    return timezone.make_aware(value, VN_TZ) if timezone.is_naive(value) else value


@dataclass(frozen=True)
class FairData:
    name: str
    start_at: datetime
    end_at: datetime
    venue_name: str
    province: str  # a province code or name, old names accepted ("Vĩnh Phúc" -> Phú Thọ)
    venue_address: str = ""
    organiser: str = ""
    description: str = ""
    latitude: Decimal | float | str | None = None
    longitude: Decimal | float | str | None = None


def fair_data_of(fair: FairEvent) -> FairData:
    return FairData(name=fair.name, start_at=fair.start_at, end_at=fair.end_at, venue_name=fair.venue_name,
                    province=fair.province_code, venue_address=fair.venue_address, organiser=fair.organiser,
                    description=fair.description, latitude=fair.latitude, longitude=fair.longitude)


def _coordinate(value: Any, *, field: str, limit: int) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value)).quantize(Decimal("0.000001"))
    except (InvalidOperation, ValueError):
        raise DomainError(_("Toạ độ phải là số thập phân."), code=FairErrorCode.INVALID_COORDINATES, field=field)
    if not -limit <= number <= limit:
        raise DomainError(_("Toạ độ phải nằm trong khoảng ±%(limit)s.") % {"limit": limit},
                          code=FairErrorCode.INVALID_COORDINATES,
                          field=field)
    return number


def _apply(fair: FairEvent, data: FairData) -> None:
    if not data.name.strip():
        raise DomainError(_("Hội chợ cần có tên."), code=FairErrorCode.REQUIRED, field="name")
    if not data.venue_name.strip():
        raise DomainError(_("Cần ghi nơi tổ chức."), code=FairErrorCode.REQUIRED, field="venue_name")
    start_at, end_at = as_vietnam_time(data.start_at), as_vietnam_time(data.end_at)
    if end_at <= start_at:
        raise DomainError(_("Thời điểm kết thúc phải sau thời điểm bắt đầu."), code=FairErrorCode.INVALID_DATES,
                          field="end_at")
    province = province_resolve(data.province)
    if province is None:
        raise DomainError(_("Không nhận ra tỉnh/thành «%(province)s».") % {"province": data.province},
                          code=FairErrorCode.INVALID_PROVINCE,
                          field="province")
    latitude = _coordinate(data.latitude, field="latitude", limit=90)
    longitude = _coordinate(data.longitude, field="longitude", limit=180)
    if (latitude is None) != (longitude is None):
        raise DomainError(_("Cần đủ cả vĩ độ và kinh độ (hoặc bỏ trống cả hai)."),
                          code=FairErrorCode.INVALID_COORDINATES, field="latitude")
    fair.name = data.name.strip()[:255]
    fair.start_at, fair.end_at = start_at, end_at
    fair.venue_name = data.venue_name.strip()[:255]
    fair.venue_address = data.venue_address.strip()[:500]
    fair.province_code = province.code
    fair.organiser = data.organiser.strip()[:255]
    fair.description = data.description.strip()
    fair.latitude, fair.longitude = latitude, longitude


def _snapshot(fair: FairEvent) -> dict:
    return {k: str(v) for k, v in asdict(fair_data_of(fair)).items()} | {
        "published_at": fair.published_at.isoformat() if fair.published_at else None}


@transaction.atomic
def fair_create(*, data: FairData, slug: str | None = None, actor: Any = None) -> FairEvent:
    fair = FairEvent()
    _apply(fair, data)
    fair.slug = unique_slug(FairEvent, slug or f"{fair.name}")
    fair.save()
    log_action(action="fair.fair.created", obj=fair, actor=actor, after=_snapshot(fair))
    return fair


@transaction.atomic
def fair_update(*, fair: FairEvent, data: FairData, actor: Any = None) -> FairEvent:
    """Change the fair's details; new dates move its campaign window too (and are refused if that would make
    it overlap another campaign, or leave a side event outside the fair)."""
    fair = FairEvent.objects.select_for_update(of=("self",)).select_related("campaign").get(pk=fair.pk)
    before = _snapshot(fair)
    _apply(fair, data)
    outside = FairSideEvent.objects.filter(fair=fair).exclude(start_at__gte=fair.start_at,
                                                               start_at__lt=fair.end_at).first()
    if outside is not None:
        raise DomainError(_("Sự kiện «%(title)s» sẽ nằm ngoài thời gian hội chợ; hãy dời sự kiện trước.")
                          % {"title": outside.title},
                          code=FairErrorCode.SIDE_EVENT_OUTSIDE_FAIR, field="start_at")
    fair.save()
    fair_campaign_sync(fair=fair, actor=actor)
    log_action(action="fair.fair.updated", obj=fair, actor=actor, before=before, after=_snapshot(fair))
    return fair


@transaction.atomic
def fair_publish(*, fair: FairEvent, actor: Any = None, at: datetime | None = None) -> FairEvent:
    """Publish: the fair appears on the public pages and its campaign Promotion is created."""
    at = at or timezone.now()
    fair = FairEvent.objects.select_for_update(of=("self",)).select_related("campaign").get(pk=fair.pk)
    if fair.published_at is not None:
        raise DomainError(_("Hội chợ đã được công bố."), code=FairErrorCode.ALREADY_PUBLISHED)
    if fair.end_at <= at:
        raise DomainError(_("Hội chợ đã kết thúc, không thể công bố."), code=FairErrorCode.INVALID_DATES,
                          field="end_at")
    fair.published_at = at
    fair.save(update_fields=["published_at", "updated_at"])
    fair_campaign_sync(fair=fair, actor=actor)
    log_action(action="fair.fair.published", obj=fair, actor=actor, after={"published_at": at.isoformat()})
    return fair


@transaction.atomic
def fair_unpublish(*, fair: FairEvent, actor: Any = None, at: datetime | None = None) -> FairEvent:
    """Back to draft (a cancelled or postponed fair): hidden from shoppers; fair prices stop at once."""
    fair = FairEvent.objects.select_for_update(of=("self",)).select_related("campaign").get(pk=fair.pk)
    if fair.published_at is None:
        raise DomainError(_("Hội chợ chưa được công bố."), code=FairErrorCode.NOT_PUBLISHED)
    if fair_status(fair=fair, at=at) == "ended":
        raise DomainError(_("Hội chợ đã kết thúc; không thể rút lại."), code=FairErrorCode.NOT_EDITABLE)
    fair.published_at = None
    fair.save(update_fields=["published_at", "updated_at"])
    fair_campaign_sync(fair=fair, actor=actor)
    log_action(action="fair.fair.unpublished", obj=fair, actor=actor)
    return fair


@transaction.atomic
def fair_delete(*, fair: FairEvent, actor: Any = None) -> None:
    fair = FairEvent.objects.select_for_update(of=("self",)).get(pk=fair.pk)
    if fair.published_at is not None:
        raise DomainError(_("Chỉ xoá được hội chợ chưa công bố; hãy rút lại trước."), code=FairErrorCode.NOT_EDITABLE)
    log_action(action="fair.fair.deleted", obj=fair, actor=actor, before=_snapshot(fair))
    fair.delete()


@transaction.atomic
def fair_cover_image_set(*, fair: FairEvent, image_name: str, image_bytes: bytes, alt: str = "",
                         actor: Any = None) -> FairEvent:
    from django.core.files.base import ContentFile

    fair.cover_image.save(image_name, ContentFile(image_bytes), save=False)
    fair.cover_image_alt = alt[:255]
    fair.save(update_fields=["cover_image", "cover_image_alt", "updated_at"])
    log_action(action="fair.fair.cover_set", obj=fair, actor=actor)
    return fair


# --- Zones ------------------------------------------------------------------------------------------------


@transaction.atomic
def zone_create(*, fair: FairEvent, name: str, kind: str = FairZoneKind.LOCALITY, code: str = "",
                province: str = "", category_id: int | None = None, actor: Any = None) -> FairZone:
    name = " ".join((name or "").split())
    if not name:
        raise DomainError(_("Khu cần có tên."), code=FairErrorCode.REQUIRED, field="name")
    if kind not in FairZoneKind.values:
        raise DomainError(_("Loại khu không hợp lệ."), code=FairErrorCode.INVALID, field="kind")
    if FairZone.objects.filter(fair=fair, name__iexact=name).exists():
        raise DomainError(_("Hội chợ đã có khu «%(name)s».") % {"name": name}, code=FairErrorCode.UNIQUE, field="name")
    province_code = ""
    if province:
        resolved = province_resolve(province)
        if resolved is None:
            raise DomainError(_("Không nhận ra tỉnh/thành «%(province)s».") % {"province": province},
                              code=FairErrorCode.INVALID_PROVINCE,
                              field="province")
        province_code = resolved.code
    if category_id is not None and not Category.objects.filter(pk=category_id).exists():
        raise DomainError(_("Không có nhóm sản phẩm này."), code=FairErrorCode.NOT_FOUND, field="category")
    zone = FairZone.objects.create(fair=fair, name=name[:120], kind=kind, code=code.strip()[:20],
                                   province_code=province_code, category_id=category_id,
                                   sort_order=FairZone.objects.filter(fair=fair).count())
    log_action(action="fair.zone.created", obj=zone, actor=actor, after={"fair": fair.pk, "name": zone.name})
    return zone


@transaction.atomic
def zone_delete(*, zone: FairZone, actor: Any = None) -> None:
    if zone.booths.exists():
        raise DomainError(_("Khu «%(name)s» còn gian hàng; hãy chuyển hoặc xoá các gian trước.") % {"name": zone.name},
                          code=FairErrorCode.ZONE_NOT_EMPTY)
    log_action(action="fair.zone.deleted", obj=zone, actor=actor, before={"name": zone.name})
    zone.delete()


# --- Side events ----------------------------------------------------------------------------------------


@transaction.atomic
def side_event_create(*, fair: FairEvent, kind: str, title: str, start_at: datetime,
                      end_at: datetime | None = None, location: str = "", stream_url: str = "",
                      description: str = "", actor: Any = None) -> FairSideEvent:
    if kind not in SideEventKind.values:
        raise DomainError(_("Loại sự kiện không hợp lệ."), code=FairErrorCode.INVALID, field="kind")
    if not (title or "").strip():
        raise DomainError(_("Sự kiện cần có tên."), code=FairErrorCode.REQUIRED, field="title")
    start_at = as_vietnam_time(start_at)
    end_at = as_vietnam_time(end_at) if end_at else None
    if end_at is not None and end_at <= start_at:
        raise DomainError(_("Sự kiện phải kết thúc sau khi bắt đầu."), code=FairErrorCode.INVALID_DATES,
                          field="end_at")
    if not fair.start_at <= start_at < fair.end_at or (end_at is not None and end_at > fair.end_at):
        raise DomainError(_("Sự kiện phải diễn ra trong thời gian hội chợ."),
                          code=FairErrorCode.SIDE_EVENT_OUTSIDE_FAIR, field="start_at")
    event = FairSideEvent.objects.create(fair=fair, kind=kind, title=title.strip()[:255], start_at=start_at,
                                         end_at=end_at, location=location.strip()[:255],
                                         stream_url=stream_url.strip(), description=description.strip())
    log_action(action="fair.side_event.created", obj=event, actor=actor,
               after={"fair": fair.pk, "title": event.title, "start_at": start_at.isoformat()})
    return event


@transaction.atomic
def side_event_delete(*, event: FairSideEvent, actor: Any = None) -> None:
    log_action(action="fair.side_event.deleted", obj=event, actor=actor, before={"title": event.title})
    event.delete()
