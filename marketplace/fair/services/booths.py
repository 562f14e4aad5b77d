"""Writes for booths: allocate a booth (code, zone, producer, sales point), put products on show, remove.

Products: only products that pass the listing rule now may be added; one whose certificate lapses before the
fair ends may be added and is flagged (selectors.products_check_for_fair). A product is on show at one booth
per fair, and only at a booth of its own producer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from marketplace.core.audit import log_action
from marketplace.core.errors import DomainError
from marketplace.core.text import fold
from marketplace.fair.error_codes import FairErrorCode
from marketplace.fair.models import Booth, BoothProduct, FairEvent, FairZone
from marketplace.fair.selectors import products_check_for_fair
from marketplace.fair.services.campaign import fair_campaign_sync
from marketplace.producer.models import Producer
from marketplace.warehouse.selectors import warehouse_get

BOOTH_CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9 ._/\-]{0,19}$")


def booth_code_normalize(code: str) -> str:
    """'  a-12 ' -> 'A-12'; Vietnamese letters folded (codes are printed on floor plans, often typed by hand)."""
    return " ".join(fold(code or "").upper().split())


def _code_check(*, fair: FairEvent, code: str, exclude_pk: int | None = None) -> str:
    code = booth_code_normalize(code)
    if not code:
        raise DomainError(_("Gian hàng cần có mã (ví dụ A-12)."), code=FairErrorCode.REQUIRED, field="code")
    if not BOOTH_CODE_PATTERN.match(code):
        raise DomainError(_("Mã gian hàng «%(code)s» không hợp lệ: chỉ dùng chữ, số và - . /, tối đa 20 ký tự.")
                          % {"code": code},
                          code=FairErrorCode.INVALID_BOOTH_CODE, field="code")
    clash = Booth.objects.filter(fair=fair, code__iexact=code)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise DomainError(_("Hội chợ đã có gian hàng mã «%(code)s».") % {"code": code},
                          code=FairErrorCode.DUPLICATE_BOOTH_CODE,
                          field="code")
    return code


def _zone_check(*, fair: FairEvent, zone_id: int | None) -> FairZone | None:
    if zone_id is None:
        return None
    zone = FairZone.objects.filter(pk=zone_id, fair=fair).first()
    if zone is None:
        raise DomainError(_("Khu không thuộc hội chợ này."), code=FairErrorCode.ZONE_NOT_IN_FAIR, field="zone")
    return zone


def _producer_check(producer_id: int | None) -> Producer:
    producer = Producer.objects.filter(pk=producer_id).first() if producer_id else None
    if producer is None:
        raise DomainError(_("Không tìm thấy chủ thể."), code=FairErrorCode.PRODUCER_NOT_FOUND, field="producer")
    return producer


def _sales_point_check(sales_point_id: int | None) -> int | None:
    if sales_point_id is None:
        return None
    if warehouse_get(pk=sales_point_id) is None:
        raise DomainError(_("Không tìm thấy điểm bán."), code=FairErrorCode.SALES_POINT_NOT_FOUND,
                          field="sales_point")
    return sales_point_id


def _snapshot(booth: Booth) -> dict:
    return {"code": booth.code, "zone": booth.zone_id, "producer": booth.producer_id,
            "sales_point": booth.sales_point_id, "note": booth.note}


@transaction.atomic
def booth_create(*, fair: FairEvent, code: str, producer_id: int, zone_id: int | None = None,
                 sales_point_id: int | None = None, product_ids: Sequence[int] = (), note: str = "",
                 actor: Any = None, at: datetime | None = None, sync_campaign: bool = True) -> Booth:
    code = _code_check(fair=fair, code=code)
    try:
        with transaction.atomic():  # the constraint settles a race the check above cannot see
            booth = Booth.objects.create(
                fair=fair, code=code, zone=_zone_check(fair=fair, zone_id=zone_id),
                producer=_producer_check(producer_id), sales_point_id=_sales_point_check(sales_point_id),
                note=(note or "").strip()[:300],
            )
    except IntegrityError:
        raise DomainError(_("Hội chợ đã có gian hàng mã «%(code)s».") % {"code": code},
                          code=FairErrorCode.DUPLICATE_BOOTH_CODE,
                          field="code")
    log_action(action="fair.booth.created", obj=booth, actor=actor, after=_snapshot(booth))
    if product_ids:
        booth_products_set(booth=booth, product_ids=product_ids, actor=actor, at=at, sync_campaign=sync_campaign)
    return booth


@transaction.atomic
def booth_update(*, booth: Booth, code: str, producer_id: int, zone_id: int | None = None,
                 sales_point_id: int | None = None, note: str = "", actor: Any = None) -> Booth:
    """Changing the producer takes the old producer's products off the booth (they were theirs to show)."""
    booth = Booth.objects.select_for_update(of=("self",)).select_related("fair").get(pk=booth.pk)
    before = _snapshot(booth)
    producer = _producer_check(producer_id)
    booth.code = _code_check(fair=booth.fair, code=code, exclude_pk=booth.pk)
    booth.zone = _zone_check(fair=booth.fair, zone_id=zone_id)
    new_sales_point_id = _sales_point_check(sales_point_id)
    sales_point_changed = booth.sales_point_id != new_sales_point_id
    booth.sales_point_id = new_sales_point_id
    booth.note = (note or "").strip()[:300]
    producer_changed = producer.pk != booth.producer_id
    booth.producer = producer
    booth.save()
    if producer_changed:
        BoothProduct.objects.filter(booth=booth).delete()
    if producer_changed or sales_point_changed:
        # The campaign covers the booths' products and applies at the counters of the booths' sales points.
        fair_campaign_sync(fair=booth.fair, actor=actor)
    log_action(action="fair.booth.updated", obj=booth, actor=actor, before=before, after=_snapshot(booth))
    return booth


@transaction.atomic
def booth_products_set(*, booth: Booth, product_ids: Sequence[int], actor: Any = None,
                       at: datetime | None = None, sync_campaign: bool = True) -> Booth:
    """Replace the products on show. Products already on the booth may stay even if their certificate has
    since lapsed (shoppers no longer see them); products being added must pass the listing rule at `at`.
    sync_campaign=False is for a caller that syncs the campaign once after many booths (the Excel import)."""
    fair = booth.fair
    wanted = list(dict.fromkeys(int(pk) for pk in product_ids))
    current = set(BoothProduct.objects.filter(booth=booth).values_list("product_id", flat=True))
    checks = {c.product.pk: c for c in products_check_for_fair(fair=fair, product_ids=wanted, booth=booth, at=at)}
    for pk in wanted:
        check = checks.get(pk)
        if check is None:
            raise DomainError(_("Không tìm thấy sản phẩm #%(id)s.") % {"id": pk}, code=FairErrorCode.PRODUCT_NOT_FOUND,
                              field="products", product_id=pk)
        name = check.product.name
        if check.product.producer_id != booth.producer_id:
            raise DomainError(_("«%(product)s» không phải sản phẩm của chủ thể gian %(booth)s.")
                              % {"product": name, "booth": booth.code},
                              code=FairErrorCode.PRODUCT_NOT_OF_PRODUCER, field="products", product_id=pk)
        if check.other_booth_code:
            raise DomainError(_("«%(product)s» đã được trưng bày ở gian %(booth)s.")
                              % {"product": name, "booth": check.other_booth_code},
                              code=FairErrorCode.PRODUCT_IN_OTHER_BOOTH, field="products", product_id=pk)
        if pk not in current and not check.listable:
            raise DomainError(_("«%(product)s» không có giấy chứng nhận OCOP còn hiệu lực (từ 3 sao) nên không được "
                                "trưng bày.") % {"product": name},
                              code=FairErrorCode.PRODUCT_NOT_CERTIFIED, field="products", product_id=pk)
    BoothProduct.objects.filter(booth=booth).exclude(product_id__in=wanted).delete()
    for position, pk in enumerate(wanted):
        BoothProduct.objects.update_or_create(booth=booth, product_id=pk,
                                              defaults={"fair": fair, "sort_order": position})
    if sync_campaign:
        fair_campaign_sync(fair=fair, actor=actor)
    log_action(action="fair.booth.products_set", obj=booth, actor=actor, before={"products": sorted(current)},
               after={"products": wanted})
    return booth


@transaction.atomic
def booth_delete(*, booth: Booth, actor: Any = None) -> None:
    fair = booth.fair
    log_action(action="fair.booth.deleted", obj=booth, actor=actor, before=_snapshot(booth))
    booth.delete()
    fair_campaign_sync(fair=fair, actor=actor)
