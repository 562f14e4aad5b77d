"""`fairs` and `fair`: published fairs for shoppers (drafts for staff), with booths, producers and products
priced at the fair price while the fair runs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.fair.services import booth_create, fair_campaign_set, fair_publish, side_event_create, zone_create
from tests.marketplace.graphql.conftest import error_codes

FAIRS = """
query Fairs($filter: FairEventFilterInput) {
  fairs(first: 10, filter: $filter) {
    totalCount
    edges { node { name slug status provinceCode provinceName } }
  }
}"""

FAIR = """
query Fair($slug: String) {
  fair(slug: $slug) {
    id name status startAt endAt venueName latitude calendarUrl
    campaign { rewardValueType rewardValue startDate endDate }
    zones { name kind }
    sideEvents { kind title }
    booths {
      code zone { name } producer { name provinceName }
      products(channel: "default-channel") {
        name
        pricing { onSale priceRange { start { gross { amount currency } } }
                  priceRangeUndiscounted { start { gross { amount } } } }
      }
    }
  }
}"""


@pytest.fixture
def fairs(make_fair, catalog):
    now = timezone.now()
    ongoing = make_fair("Hội chợ OCOP Hà Tĩnh", start_at=now - timedelta(days=1), end_at=now + timedelta(days=3),
                        latitude="18.34285", longitude="105.90571")
    sauce = catalog.product("Nước mắm Vũng Áng", price=85_000, producer_name="HTX Nước mắm")
    zone = zone_create(fair=ongoing, name="Khu Hà Tĩnh")
    booth_create(fair=ongoing, code="A-12", producer_id=sauce.producer_id, zone_id=zone.pk, product_ids=[sauce.pk])
    side_event_create(fair=ongoing, kind="livestream", title="Livestream", start_at=now)
    fair_campaign_set(fair=ongoing, reward_value_type="percentage", reward_value="10")
    fair_publish(fair=ongoing, at=now - timedelta(days=2))
    upcoming = make_fair("Hội chợ OCOP Thanh Hóa", start_at=now + timedelta(days=30),
                         end_at=now + timedelta(days=33), province="Thanh Hóa")
    fair_publish(fair=upcoming)
    make_fair("Hội chợ nháp", start_at=now + timedelta(days=3), end_at=now + timedelta(days=4))
    return ongoing


@pytest.mark.django_db
def test_shoppers_list_published_fairs_ongoing_first(api, fairs):
    data = api.data(FAIRS)

    assert data["fairs"]["totalCount"] == 2
    assert [(e["node"]["name"], e["node"]["status"]) for e in data["fairs"]["edges"]] == [
        ("Hội chợ OCOP Hà Tĩnh", "ONGOING"), ("Hội chợ OCOP Thanh Hóa", "PUBLISHED")]


@pytest.mark.django_db
@pytest.mark.parametrize(("filter", "names"), [
    ({"status": ["PUBLISHED"]}, ["Hội chợ OCOP Thanh Hóa"]),
    ({"province": "Thanh Hóa"}, ["Hội chợ OCOP Thanh Hóa"]),
    ({"province": "ha-tinh", "status": ["ONGOING", "ENDED"]}, ["Hội chợ OCOP Hà Tĩnh"]),
    ({"status": ["DRAFT"]}, []),
])
def test_fairs_filter_by_status_and_province(api, fairs, filter, names):
    data = api.data(FAIRS, {"filter": filter})

    assert [e["node"]["name"] for e in data["fairs"]["edges"]] == names


@pytest.mark.django_db
def test_promotion_staff_also_see_drafts(api, client, fairs, promo_user):
    client.force_login(promo_user)

    data = api.data(FAIRS, {"filter": {"status": ["DRAFT"]}})

    assert [e["node"]["name"] for e in data["fairs"]["edges"]] == ["Hội chợ nháp"]


@pytest.mark.django_db
def test_an_unknown_province_is_a_coded_error(api, fairs):
    body = api.post(FAIRS, {"filter": {"province": "Atlantis"}})

    assert error_codes(body) == ["GraphQLError"]


@pytest.mark.django_db
def test_a_fair_with_booths_producers_and_products_at_the_fair_price(api, fairs):
    fair = api.data(FAIR, {"slug": fairs.slug})["fair"]

    assert fair["status"] == "ONGOING" and fair["latitude"] == 18.34285
    assert fair["calendarUrl"].endswith(f"/hoi-cho/{fairs.slug}/lich.ics")
    assert fair["campaign"]["rewardValueType"] == "PERCENTAGE" and fair["campaign"]["rewardValue"] == 10.0
    assert fair["zones"] == [{"name": "Khu Hà Tĩnh", "kind": "LOCALITY"}]
    assert fair["sideEvents"] == [{"kind": "LIVESTREAM", "title": "Livestream"}]
    booth = fair["booths"][0]
    assert (booth["code"], booth["zone"]["name"], booth["producer"]["name"]) == ("A-12", "Khu Hà Tĩnh",
                                                                                  "HTX Nước mắm")
    pricing = booth["products"][0]["pricing"]
    assert pricing["onSale"] is True
    assert pricing["priceRange"]["start"]["gross"] == {"amount": 76500.0, "currency": "VND"}
    assert pricing["priceRangeUndiscounted"]["start"]["gross"]["amount"] == 85000.0


@pytest.mark.django_db
def test_a_draft_fair_is_null_for_shoppers(api, fairs):
    assert api.data(FAIR, {"slug": "hoi-cho-nhap"})["fair"] is None


@pytest.mark.django_db
def test_the_fair_resolves_through_node(api, fairs):
    fair_id = api.data(FAIR, {"slug": fairs.slug})["fair"]["id"]

    data = api.data("query($id: ID!) { node(id: $id) { ... on FairEvent { slug } } }", {"id": fair_id})

    assert data["node"] == {"slug": fairs.slug}


@pytest.mark.django_db
def test_promotions_are_for_staff_with_manage_discounts(api, client, fairs, promo_user, operator_user):
    query = "{ promotions(first: 5) { edges { node { name startDate rules { rewardValueType rewardValue " \
            "predicateType cataloguePredicate channels { slug } } } } } }"

    anonymous = api.post(query)
    client.force_login(operator_user)
    operator = api.post(query)
    client.force_login(promo_user)
    data = api.data(query)

    assert error_codes(anonymous) == error_codes(operator) == ["PermissionDenied"]
    node = data["promotions"]["edges"][0]["node"]
    assert node["name"] == "Hội chợ: Hội chợ OCOP Hà Tĩnh"
    rule = node["rules"][0]
    assert (rule["rewardValueType"], rule["rewardValue"], rule["predicateType"]) == ("PERCENTAGE", 10.0,
                                                                                     "CATALOGUE")
    assert list(rule["cataloguePredicate"]) == ["productPredicate"]
    assert rule["channels"] == [{"slug": "default-channel"}]


@pytest.mark.django_db
def test_the_fair_query_costs_the_same_number_of_queries_whatever_the_number_of_booths(api, make_fair, catalog):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def build(name: str, booths: int):
        now = timezone.now()
        fair = make_fair(name, start_at=now - timedelta(days=1), end_at=now + timedelta(days=1))
        for i in range(booths):
            product = catalog.product(f"{name} sản phẩm {i}", producer_name=f"{name} chủ thể {i}")
            booth_create(fair=fair, code=f"A-{i:02d}", producer_id=product.producer_id, product_ids=[product.pk])
        fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10")
        return fair_publish(fair=fair, at=now - timedelta(days=2))

    small, large = build("Nhỏ", 1), build("Lớn", 6)
    counts = []
    for fair in (small, large):
        with CaptureQueriesContext(connection) as queries:
            api.data(FAIR, {"slug": fair.slug})
        counts.append(len(queries))

    assert counts[0] == counts[1]
