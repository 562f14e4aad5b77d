"""A fair's status follows the clock once published: draft, then upcoming, ongoing, ended, at the exact
instants of its Vietnam-time dates."""

from __future__ import annotations

import pytest

from marketplace.fair.selectors import fair_get, fair_status, fairs_for_home, fairs_list
from marketplace.fair.services import fair_publish
from tests.factories.fair import FAIR_END, FAIR_START, vn


@pytest.mark.django_db
@pytest.mark.parametrize(("moment", "expected"), [
    (vn(2026, 5, 10, 7, 59, 59), "published"),
    (FAIR_START, "ongoing"),
    (vn(2026, 5, 13, 20, 59, 59), "ongoing"),
    (FAIR_END, "ended"),
])
def test_a_published_fair_moves_through_its_statuses_with_time(fair, moment, expected):
    fair_publish(fair=fair, at=vn(2026, 4, 1))

    in_python = fair_status(fair=fair_get(pk=fair.pk), at=moment)
    in_sql = fair_get(pk=fair.pk, at=moment).status_now

    assert in_python == in_sql == expected


@pytest.mark.django_db
def test_a_draft_stays_a_draft_and_hidden_from_shoppers_whatever_the_date(fair):
    assert fair_status(fair=fair, at=FAIR_START) == "draft"
    assert fair_get(pk=fair.pk, public=True, at=FAIR_START) is None
    assert fair_get(pk=fair.pk, public=False, at=FAIR_START).status_now == "draft"


@pytest.mark.django_db
def test_lists_show_ongoing_then_upcoming_then_past_and_filter_by_status_and_province(make_fair):
    at = vn(2026, 5, 11, 12)
    past = make_fair("Hội chợ tháng Ba", start_at=vn(2026, 3, 1, 8), end_at=vn(2026, 3, 4, 21))
    ongoing = make_fair("Hội chợ Hà Tĩnh")
    later = make_fair("Hội chợ Thanh Hóa", start_at=vn(2026, 7, 1, 8), end_at=vn(2026, 7, 5, 21),
                      province="Thanh Hóa")
    soon = make_fair("Hội chợ Nghệ An", start_at=vn(2026, 6, 1, 8), end_at=vn(2026, 6, 3, 21), province="Nghệ An")
    draft = make_fair("Hội chợ nháp")
    for f in (past, ongoing, later, soon):
        fair_publish(fair=f, at=vn(2026, 1, 1))

    public = [f.name for f in fairs_list(at=at)]
    staff = [f.name for f in fairs_list(at=at, public=False)]
    upcoming = [f.name for f in fairs_list(at=at, statuses=["published"])]
    in_thanh_hoa = [f.name for f in fairs_list(at=at, province_code="thanh-hoa")]

    assert public == ["Hội chợ Hà Tĩnh", "Hội chợ Nghệ An", "Hội chợ Thanh Hóa", "Hội chợ tháng Ba"]
    assert staff == [*public[:3], draft.name, public[3]]
    assert upcoming == ["Hội chợ Nghệ An", "Hội chợ Thanh Hóa"]
    assert in_thanh_hoa == ["Hội chợ Thanh Hóa"]
    assert [f.name for f in fairs_for_home(at=at, limit=2)] == ["Hội chợ Hà Tĩnh", "Hội chợ Nghệ An"]
