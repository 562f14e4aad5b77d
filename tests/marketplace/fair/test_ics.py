"""The "add to calendar" file: valid iCalendar lines with UTC times, escaped text and folded long lines."""

from __future__ import annotations

from datetime import timedelta

import pytest

from marketplace.fair.ics import fair_ics
from marketplace.fair.selectors import side_events_list
from marketplace.fair.services import side_event_create
from tests.factories.fair import FAIR_START


@pytest.mark.django_db
def test_the_calendar_has_the_fair_and_its_side_events_in_utc(make_fair):
    fair = make_fair("Hội chợ OCOP; Hà Tĩnh, 2026", venue_address="Đường Trần Phú, phường Thành Sen",
                     latitude="18.34285", longitude="105.90571",
                     description="Hơn 100 gian hàng sản phẩm OCOP của các địa phương trong tỉnh và khách mời từ "
                                 "các tỉnh bạn, giá ưu đãi suốt những ngày hội chợ.")
    side_event_create(fair=fair, kind="opening", title="Khai mạc", start_at=FAIR_START + timedelta(hours=1),
                      location="Sân khấu chính")

    ics = fair_ics(fair=fair, side_events=side_events_list(fair=fair), url="http://testserver/hoi-cho/x/")
    lines = ics.split("\r\n")

    assert lines[0] == "BEGIN:VCALENDAR" and ics.endswith("END:VCALENDAR\r\n")
    assert ics.count("BEGIN:VEVENT") == 2
    assert "DTSTART:20260510T010000Z" in lines  # 08:00 in Vietnam
    assert "DTEND:20260513T140000Z" in lines
    assert "SUMMARY:Hội chợ OCOP\\; Hà Tĩnh\\, 2026" in lines
    assert "DTSTART:20260510T020000Z" in lines and "DTEND:20260510T030000Z" in lines  # one hour by default
    assert "GEO:18.342850;105.905710" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = ics.replace("\r\n ", "")
    assert "giá ưu đãi suốt những ngày hội chợ." in unfolded
