"""Creating fairs, zones, booths and side events: bad input gives a coded error and saves nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from marketplace.core.errors import DomainError
from marketplace.fair.models import Booth, BoothProduct, FairEvent
from marketplace.fair.selectors import booth_candidate_products, fair_for_product, products_check_for_fair
from marketplace.fair.services import (
    FairData,
    booth_create,
    booth_products_set,
    booth_update,
    fair_create,
    fair_data_of,
    fair_delete,
    fair_publish,
    fair_unpublish,
    fair_update,
    side_event_create,
    zone_create,
    zone_delete,
)
from tests.factories.fair import FAIR_END, FAIR_START, vn


def _data(**changes) -> FairData:
    base = dict(name="Hội chợ OCOP", start_at=FAIR_START, end_at=FAIR_END, venue_name="Quảng trường",
                province="Hà Tĩnh")
    return FairData(**{**base, **changes})


@pytest.mark.django_db
def test_staff_create_a_fair_with_vietnam_times_and_a_current_province():
    fair = fair_create(data=_data(name="Hội chợ OCOP Vĩnh Phúc", province="Vĩnh Phúc",
                                  start_at=FAIR_START.replace(tzinfo=None), latitude="21.3", longitude="105.6"))

    assert fair.slug == "hoi-cho-ocop-vinh-phuc"
    assert fair.province_code == "phu-tho"  # Vĩnh Phúc merged into Phú Thọ in 2025
    assert fair.start_at == FAIR_START  # a naive time typed by staff is Vietnam time
    assert fair.published_at is None


@pytest.mark.django_db
@pytest.mark.parametrize(("changes", "code", "field"), [
    ({"end_at": FAIR_START}, "invalid_dates", "end_at"),
    ({"end_at": FAIR_START - timedelta(days=1)}, "invalid_dates", "end_at"),
    ({"name": "  "}, "required", "name"),
    ({"province": "Atlantis"}, "invalid_province", "province"),
    ({"latitude": "95", "longitude": "105"}, "invalid_coordinates", "latitude"),
    ({"latitude": "18.3"}, "invalid_coordinates", "latitude"),
])
def test_bad_fair_input_is_refused_with_a_code_and_nothing_saved(changes, code, field):
    with pytest.raises(DomainError) as error:
        fair_create(data=_data(**changes))

    assert (error.value.code, error.value.field) == (code, field)
    assert FairEvent.objects.count() == 0


@pytest.mark.django_db
def test_booth_codes_are_unique_per_fair_ignoring_case_and_spacing(fair, catalog):
    producer = catalog.product("Nước mắm", producer_name="HTX Nước mắm").producer
    booth_create(fair=fair, code="A-12", producer_id=producer.pk)

    with pytest.raises(DomainError) as error:
        booth_create(fair=fair, code=" a-12 ", producer_id=producer.pk)

    assert error.value.code == "duplicate_booth_code"
    assert "A-12" in error.value.message
    assert Booth.objects.filter(fair=fair).count() == 1


@pytest.mark.django_db
def test_the_same_booth_code_may_be_used_at_another_fair(fair, make_fair, catalog):
    producer = catalog.product("Nước mắm").producer
    other = make_fair("Hội chợ khác")
    booth_create(fair=fair, code="A-12", producer_id=producer.pk)

    booth = booth_create(fair=other, code="A-12", producer_id=producer.pk)

    assert booth.code == "A-12"


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["", "A 12 với ký tự dài quá hai mươi", "#12"])
def test_invalid_booth_codes_are_refused(fair, catalog, code):
    producer = catalog.product("Nước mắm").producer

    with pytest.raises(DomainError) as error:
        booth_create(fair=fair, code=code, producer_id=producer.pk)

    assert error.value.code in {"required", "invalid_booth_code"}


@pytest.mark.django_db
def test_only_products_passing_the_listing_rule_can_be_put_on_show(fair, catalog):
    good = catalog.product("Nước mắm 4 sao", stars=4, producer_name="HTX A")
    producer = good.producer
    two_stars = catalog.product("Rượu 2 sao", stars=2)
    two_stars.producer = producer
    two_stars.save()
    booth = booth_create(fair=fair, code="A-01", producer_id=producer.pk, product_ids=[good.pk])

    with pytest.raises(DomainError) as error:
        booth_products_set(booth=booth, product_ids=[good.pk, two_stars.pk])

    assert error.value.code == "product_not_certified"
    assert "Rượu 2 sao" in error.value.message
    assert list(BoothProduct.objects.filter(booth=booth).values_list("product_id", flat=True)) == [good.pk]


@pytest.mark.django_db
def test_a_product_whose_certificate_lapses_before_the_fair_ends_is_accepted_and_flagged(fair, catalog):
    at = vn(2026, 4, 20)
    lapsing = catalog.product("Mật ong", expires_on=date(2026, 5, 12), producer_name="HTX Ong")
    lasting = catalog.product("Mật ong rừng", expires_on=date(2026, 5, 13))
    lasting.producer = lapsing.producer
    lasting.save()

    booth = booth_create(fair=fair, code="B-01", producer_id=lapsing.producer_id,
                         product_ids=[lapsing.pk, lasting.pk], at=at)
    checks = {c.product.name: c for c in products_check_for_fair(fair=fair, product_ids=[lapsing.pk, lasting.pk],
                                                                 at=at)}

    assert BoothProduct.objects.filter(booth=booth).count() == 2
    assert checks["Mật ong"].lapses_before_end is True  # valid through 12/05, the fair runs to 13/05 21:00
    assert checks["Mật ong rừng"].lapses_before_end is False  # valid through the fair's last day
    assert checks["Mật ong"].expires_on == date(2026, 5, 12)


@pytest.mark.django_db
def test_a_booth_shows_only_its_own_producers_products_and_each_product_at_one_booth(fair, catalog):
    mine = catalog.product("Nước mắm", producer_name="HTX A")
    theirs = catalog.product("Kẹo cu đơ", producer_name="HTX B")
    booth_a = booth_create(fair=fair, code="A-01", producer_id=mine.producer_id, product_ids=[mine.pk])
    booth_b = booth_create(fair=fair, code="A-02", producer_id=theirs.producer_id)

    with pytest.raises(DomainError) as not_theirs:
        booth_products_set(booth=booth_b, product_ids=[mine.pk])
    booth_a2 = booth_create(fair=fair, code="A-03", producer_id=mine.producer_id)
    with pytest.raises(DomainError) as taken:
        booth_products_set(booth=booth_a2, product_ids=[mine.pk])

    assert not_theirs.value.code == "product_not_of_producer"
    assert taken.value.code == "product_in_other_booth" and "A-01" in taken.value.message
    assert [c.other_booth_code for c in booth_candidate_products(booth=booth_a2)] == ["A-01"]
    assert BoothProduct.objects.get(product=mine).booth == booth_a


@pytest.mark.django_db
def test_changing_a_booths_producer_takes_the_old_products_off(fair, catalog):
    first = catalog.product("Nước mắm", producer_name="HTX A")
    second = catalog.product("Kẹo", producer_name="HTX B")
    booth = booth_create(fair=fair, code="A-01", producer_id=first.producer_id, product_ids=[first.pk])

    booth_update(booth=booth, code="A-01", producer_id=second.producer_id)

    assert BoothProduct.objects.filter(booth=booth).count() == 0


@pytest.mark.django_db
def test_zones_group_booths_and_a_zone_with_booths_cannot_be_deleted(fair, make_fair, catalog):
    zone = zone_create(fair=fair, name="Khu Hà Tĩnh", code="A", province="Hà Tĩnh")
    other_zone = zone_create(fair=make_fair("Khác"), name="Khu khác")
    producer = catalog.product("Nước mắm").producer
    booth_create(fair=fair, code="A-01", producer_id=producer.pk, zone_id=zone.pk)

    with pytest.raises(DomainError) as duplicate:
        zone_create(fair=fair, name="khu hà tĩnh")
    with pytest.raises(DomainError) as not_empty:
        zone_delete(zone=zone)
    with pytest.raises(DomainError) as foreign:
        booth_create(fair=fair, code="A-02", producer_id=producer.pk, zone_id=other_zone.pk)

    assert (duplicate.value.code, not_empty.value.code, foreign.value.code) == (
        "unique", "zone_not_empty", "zone_not_in_fair")


@pytest.mark.django_db
def test_side_events_must_fall_within_the_fair(fair):
    opening = side_event_create(fair=fair, kind="opening", title="Khai mạc", start_at=FAIR_START,
                                end_at=FAIR_START + timedelta(hours=1))

    with pytest.raises(DomainError) as before:
        side_event_create(fair=fair, kind="livestream", title="Livestream", start_at=FAIR_START - timedelta(hours=1))
    with pytest.raises(DomainError) as backwards:
        side_event_create(fair=fair, kind="other", title="Sai giờ", start_at=FAIR_END - timedelta(hours=1),
                          end_at=FAIR_END - timedelta(hours=2))
    with pytest.raises(DomainError) as moved:
        fair_update(fair=fair, data=fair_data_of(fair).__class__(
            **{**fair_data_of(fair).__dict__, "start_at": FAIR_START + timedelta(hours=2)}))

    assert opening.pk
    assert before.value.code == "side_event_outside_fair"
    assert backwards.value.code == "invalid_dates"
    assert moved.value.code == "side_event_outside_fair"
    assert FairEvent.objects.get(pk=fair.pk).start_at == FAIR_START


@pytest.mark.django_db
def test_publish_unpublish_and_delete_follow_the_fair_lifecycle(fair):
    with pytest.raises(DomainError) as not_published:
        fair_unpublish(fair=fair)
    fair_publish(fair=fair, at=vn(2026, 4, 1))
    with pytest.raises(DomainError) as twice:
        fair_publish(fair=fair, at=vn(2026, 4, 2))
    with pytest.raises(DomainError) as published_delete:
        fair_delete(fair=fair)
    with pytest.raises(DomainError) as ended:
        fair_unpublish(fair=fair, at=FAIR_END)
    fair_unpublish(fair=fair, at=vn(2026, 4, 3))
    fair_delete(fair=fair)

    assert [e.value.code for e in (not_published, twice, published_delete, ended)] == [
        "not_published", "already_published", "not_editable", "not_editable"]
    assert FairEvent.objects.count() == 0


@pytest.mark.django_db
def test_an_ended_fair_cannot_be_published(fair):
    with pytest.raises(DomainError) as error:
        fair_publish(fair=fair, at=FAIR_END)

    assert error.value.code == "invalid_dates"


@pytest.mark.django_db
def test_a_product_page_learns_the_ongoing_fair_and_booth_it_is_shown_at(fair, catalog):
    product = catalog.product("Nước mắm", producer_name="HTX A")
    zone = zone_create(fair=fair, name="Khu Hà Tĩnh")
    booth_create(fair=fair, code="A-12", producer_id=product.producer_id, zone_id=zone.pk, product_ids=[product.pk],
                 at=vn(2026, 4, 1))
    fair_publish(fair=fair, at=vn(2026, 4, 1))

    before = fair_for_product(product_id=product.pk, at=vn(2026, 5, 10, 7, 59))
    during = fair_for_product(product_id=product.pk, at=FAIR_START)
    after = fair_for_product(product_id=product.pk, at=FAIR_END)

    assert before is None and after is None
    assert (during.fair_slug, during.booth_code, during.zone_name) == (fair.slug, "A-12", "Khu Hà Tĩnh")
