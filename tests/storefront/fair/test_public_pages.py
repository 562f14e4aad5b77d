"""Public fair pages: the list by status, the fair page with booths, producers, products and fair prices,
drafts hidden from shoppers, and the calendar file."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.fair.services import (
    FairData,
    booth_create,
    fair_campaign_set,
    fair_create,
    fair_publish,
    side_event_create,
    zone_create,
)


def _fair(name, start, end, *, publish=True, province="Hà Tĩnh"):
    fair = fair_create(data=FairData(name=name, start_at=start, end_at=end, venue_name="Quảng trường Thành Sen",
                                     venue_address="Trần Phú, Hà Tĩnh", province=province,
                                     latitude="18.34285", longitude="105.90571"))
    if publish:
        fair = fair_publish(fair=fair, at=min(start, timezone.now()))
    return fair


@pytest.fixture
def fairs(catalog):
    now = timezone.now()
    ongoing = _fair("Hội chợ OCOP Hà Tĩnh", now - timedelta(days=1), now + timedelta(days=3), publish=False)
    sauce = catalog.product("Nước mắm Vũng Áng", price=85_000, producer_name="HTX Nước mắm Vũng Áng")
    expired = catalog.product("Mật ong hết hạn", price=150_000, expires_on=timezone.localdate() - timedelta(days=1))
    zone = zone_create(fair=ongoing, name="Khu Hà Tĩnh")
    booth_create(fair=ongoing, code="A-12", producer_id=sauce.producer_id, zone_id=zone.pk, product_ids=[sauce.pk])
    booth_create(fair=ongoing, code="B-01", producer_id=expired.producer_id)
    side_event_create(fair=ongoing, kind="certificate_ceremony", title="Trao chứng nhận OCOP",
                      start_at=now + timedelta(hours=2))
    fair_campaign_set(fair=ongoing, reward_value_type="percentage", reward_value="10")
    ongoing = fair_publish(fair=ongoing, at=now - timedelta(days=2))
    upcoming = _fair("Hội chợ OCOP Thanh Hóa", now + timedelta(days=30), now + timedelta(days=34),
                     province="Thanh Hóa")
    past = _fair("Hội chợ tháng trước", now - timedelta(days=40), now - timedelta(days=37))
    draft = _fair("Hội chợ nháp", now + timedelta(days=5), now + timedelta(days=6), publish=False)
    return {"ongoing": ongoing, "upcoming": upcoming, "past": past, "draft": draft, "sauce": sauce}


@pytest.mark.django_db
def test_the_fair_list_groups_ongoing_upcoming_and_past_and_hides_drafts(client, fairs):
    response = client.get("/hoi-cho/")

    html = response.content.decode()
    assert response.status_code == 200
    ongoing_at, upcoming_at, past_at = (html.index(s) for s in ('id="dang-dien-ra"', 'id="sap-dien-ra"',
                                                                  'id="da-ket-thuc"'))
    assert ongoing_at < html.index("Hội chợ OCOP Hà Tĩnh") < upcoming_at < html.index("Hội chợ OCOP Thanh Hóa")
    assert past_at < html.index("Hội chợ tháng trước")
    assert "Hội chợ nháp" not in html


@pytest.mark.django_db
def test_the_fair_list_filters_by_province(client, fairs):
    html = client.get("/hoi-cho/?tinh=thanh-hoa").content.decode()

    assert "Hội chợ OCOP Thanh Hóa" in html and "Hội chợ OCOP Hà Tĩnh" not in html


@pytest.mark.django_db
def test_the_fair_page_shows_venue_zones_booths_products_fair_prices_and_events(client, fairs):
    response = client.get(f"/hoi-cho/{fairs['ongoing'].slug}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Quảng trường Thành Sen" in html and "openstreetmap.org/export/embed.html" in html
    assert "Khu Hà Tĩnh" in html and 'id="gian-a-12"' in html and "HTX Nước mắm Vũng Áng" in html
    assert "Nước mắm Vũng Áng" in html
    assert "76.500" in html and "85.000" in html and "Giá hội chợ" in html
    assert "Mật ong hết hạn" not in html  # the listing rule still applies at the fair
    assert "Trao chứng nhận OCOP" in html
    assert f"/hoi-cho/{fairs['ongoing'].slug}/lich.ics" in html


@pytest.mark.django_db
def test_an_upcoming_fair_shows_normal_prices(client, fairs, catalog):
    html = client.get(f"/hoi-cho/{fairs['upcoming'].slug}/").content.decode()

    assert "Sắp diễn ra" in html and "Giá hội chợ:" not in html


@pytest.mark.django_db
def test_a_draft_is_not_found_for_shoppers_but_promotion_staff_can_preview_it(client, fairs, shopper_user,
                                                                               promo_user):
    url = f"/hoi-cho/{fairs['draft'].slug}/"

    anonymous = client.get(url).status_code
    client.force_login(shopper_user)
    shopper = client.get(url).status_code
    client.force_login(promo_user)
    staff = client.get(url).status_code

    assert (anonymous, shopper, staff) == (404, 404, 200)


@pytest.mark.django_db
def test_add_to_calendar_downloads_an_ics_file(client, fairs):
    response = client.get(f"/hoi-cho/{fairs['ongoing'].slug}/lich.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR") and body.count("BEGIN:VEVENT") == 2
    assert "SUMMARY:Hội chợ OCOP Hà Tĩnh" in body


@pytest.mark.django_db
def test_the_fair_badge_names_the_fair_booth_and_fair_price_during_the_fair(fairs, channel):
    from django.template.loader import render_to_string

    from marketplace.discount.selectors import variant_prices_get
    from storefront.templatetags.fair_tags import fair_badge

    sauce = fairs["sauce"]
    variant = sauce.variants.get()
    price = variant_prices_get(variant_ids=[variant.pk], channel_id=channel.pk)[variant.pk]

    html = render_to_string("storefront/fair/_fair_badge.html", fair_badge(sauce.pk, price))

    assert "Hội chợ OCOP Hà Tĩnh" in html and "Gian A-12" in html and "Khu Hà Tĩnh" in html
    assert "76.500" in html and "85.000" in html


@pytest.mark.django_db
def test_the_home_page_partial_lists_ongoing_then_upcoming_fairs(fairs):
    from django.template.loader import render_to_string

    from marketplace.fair.selectors import fairs_for_home

    html = render_to_string("storefront/fair/_home_fairs.html", {"fairs": fairs_for_home()})

    assert html.index("Hội chợ OCOP Hà Tĩnh") < html.index("Hội chợ OCOP Thanh Hóa")
    assert "Hội chợ tháng trước" not in html
