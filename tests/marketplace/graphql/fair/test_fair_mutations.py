"""Staff mutations for fairs, booths and campaigns: the permission matrix and coded errors, nothing half-saved."""

from __future__ import annotations

import base64
import dataclasses

import pytest

from marketplace.fair.models import Booth, BoothProduct, FairEvent
from marketplace.fair.services import booth_create, fair_campaign_set, fair_data_of, fair_publish, fair_update
from tests.factories.fair import FAIR_END, FAIR_START, vn
from tests.marketplace.graphql.conftest import error_codes

CREATE = """
mutation Create($input: FairEventInput!) {
  fairCreate(input: $input) { fair { id slug status startAt } errors { field code message } }
}"""
BOOTH_CREATE = """
mutation Booth($fair: ID!, $input: FairBoothInput!) {
  fairBoothCreate(fairId: $fair, input: $input) {
    booth { code producer { name } productChecks { productName certificateLapsesBeforeEnd } }
    errors { field code message products }
  }
}"""
CAMPAIGN = """
mutation Campaign($fair: ID!, $input: FairCampaignInput!) {
  fairCampaignSet(fairId: $fair, input: $input) {
    fair { campaign { rewardValue } } errors { field code message products }
  }
}"""
PUBLISH = """mutation Publish($id: ID!) { fairPublish(id: $id) { fair { status publishedAt } errors { code } } }"""

FAIR_INPUT = {"name": "Hội chợ OCOP Nghệ An", "startAt": "2026-05-10T08:00:00+07:00",
              "endAt": "2026-05-13T21:00:00+07:00", "venueName": "Quảng trường", "province": "Nghệ An"}


def gid(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "allowed"), [("promo_user", True), ("admin_user", True),
                                              ("operator_user", False), ("shopper_user", False), (None, False)])
def test_permission_matrix_for_fair_mutations(api, client, request, who, allowed):
    if who:
        client.force_login(request.getfixturevalue(who))

    body = api.post(CREATE, {"input": FAIR_INPUT})

    if allowed:
        assert body["data"]["fairCreate"]["errors"] == []
        assert body["data"]["fairCreate"]["fair"]["status"] == "DRAFT"
        assert FairEvent.objects.count() == 1
    else:
        assert error_codes(body) == ["PermissionDenied"]
        assert FairEvent.objects.count() == 0


@pytest.mark.django_db
def test_a_naive_time_is_vietnam_time(api, client, promo_user):
    client.force_login(promo_user)

    fair = api.data(CREATE, {"input": {**FAIR_INPUT, "startAt": "2026-05-10T08:00:00"}})["fairCreate"]["fair"]

    assert FairEvent.objects.get().start_at == FAIR_START
    assert fair["slug"] == "hoi-cho-ocop-nghe-an"


@pytest.mark.django_db
@pytest.mark.parametrize(("changes", "field", "code"), [
    ({"endAt": "2026-05-10T07:00:00+07:00"}, "end_at", "INVALID_DATES"),
    ({"province": "Atlantis"}, "province", "INVALID_PROVINCE"),
    ({"name": ""}, "name", "REQUIRED"),
])
def test_bad_fair_input_gives_coded_errors_and_saves_nothing(api, client, promo_user, changes, field, code):
    client.force_login(promo_user)

    payload = api.data(CREATE, {"input": {**FAIR_INPUT, **changes}})["fairCreate"]

    assert payload["fair"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)]
    assert FairEvent.objects.count() == 0


@pytest.mark.django_db
def test_booth_mutations_refuse_duplicates_and_uncertified_products_naming_them(api, client, promo_user, fair,
                                                                                catalog):
    good = catalog.product("Nước mắm", producer_name="HTX A")
    weak = catalog.product("Rượu 2 sao", stars=2)
    weak.producer_id = good.producer_id
    weak.save()
    booth_create(fair=fair, code="A-01", producer_id=good.producer_id)
    client.force_login(promo_user)
    fair_id = gid("FairEvent", fair.pk)

    duplicate = api.data(BOOTH_CREATE, {"fair": fair_id, "input": {"code": "a-01",
                                                                   "producer": gid("Producer", good.producer_id)}})
    uncertified = api.data(BOOTH_CREATE, {"fair": fair_id, "input": {
        "code": "A-02", "producer": gid("Producer", good.producer_id),
        "products": [gid("Product", good.pk), gid("Product", weak.pk)]}})

    assert [e["code"] for e in duplicate["fairBoothCreate"]["errors"]] == ["DUPLICATE_BOOTH_CODE"]
    error = uncertified["fairBoothCreate"]["errors"][0]
    assert (error["code"], error["products"]) == ("PRODUCT_NOT_CERTIFIED", [gid("Product", weak.pk)])
    assert "Rượu 2 sao" in error["message"]
    assert list(Booth.objects.filter(fair=fair).values_list("code", flat=True)) == ["A-01"]  # A-02 not half-saved


@pytest.mark.django_db
def test_a_booth_by_tax_code_with_a_lapsing_product_is_created_and_flagged(api, client, promo_user, fair, catalog):
    from datetime import date

    from marketplace.producer.models import Producer

    product = catalog.product("Mật ong", producer_name="HTX Ong", expires_on=date(2030, 1, 1))
    Producer.objects.filter(pk=product.producer_id).update(tax_code="3001234567")
    fair_update(fair=fair, data=dataclasses.replace(fair_data_of(fair), start_at=vn(2029, 12, 30, 8),
                                                    end_at=vn(2030, 1, 2, 21)))
    client.force_login(promo_user)

    payload = api.data(BOOTH_CREATE, {"fair": gid("FairEvent", fair.pk), "input": {
        "code": "B-01", "producerTaxCode": "300-123-4567", "products": [gid("Product", product.pk)]}})

    booth = payload["fairBoothCreate"]["booth"]
    assert payload["fairBoothCreate"]["errors"] == []
    assert booth["producer"]["name"] == "HTX Ong"
    assert booth["productChecks"] == [{"productName": "Mật ong", "certificateLapsesBeforeEnd": True}]


@pytest.mark.django_db
def test_campaign_mutations_need_manage_discounts_too(api, client, fair):
    from marketplace.account.services import user_create
    from marketplace.core.permissions import OcopPermissions

    fairs_only = user_create(email="fairs-only@example.com", password="x", is_staff=True)
    from django.contrib.auth.models import Permission

    fairs_only.user_permissions.add(Permission.objects.get(codename=OcopPermissions.MANAGE_FAIRS.codename))
    client.force_login(fairs_only)

    body = api.post(CAMPAIGN, {"fair": gid("FairEvent", fair.pk),
                               "input": {"rewardValueType": "PERCENTAGE", "rewardValue": 10}})

    assert error_codes(body) == ["PermissionDenied"]


@pytest.mark.django_db
def test_an_overlapping_campaign_is_refused_with_the_product_named(api, client, promo_user, fair, make_fair,
                                                                   catalog):
    sauce = catalog.product("Nước mắm Vũng Áng", producer_name="HTX A")
    booth_create(fair=fair, code="A-01", producer_id=sauce.producer_id, product_ids=[sauce.pk], at=vn(2026, 4, 1))
    fair_campaign_set(fair=fair, reward_value_type="percentage", reward_value="10")
    fair_publish(fair=fair, at=vn(2026, 4, 1))
    other = make_fair("Hội chợ khác", start_at=FAIR_END.replace(hour=9), end_at=FAIR_END.replace(day=20))
    booth_create(fair=other, code="X-01", producer_id=sauce.producer_id, product_ids=[sauce.pk], at=vn(2026, 4, 1))
    client.force_login(promo_user)

    payload = api.data(CAMPAIGN, {"fair": gid("FairEvent", other.pk),
                                  "input": {"rewardValueType": "FIXED", "rewardValue": 5000}})["fairCampaignSet"]

    assert [(e["code"], e["products"]) for e in payload["errors"]] == [("CAMPAIGN_OVERLAP",
                                                                        [gid("Product", sauce.pk)])]
    assert "Nước mắm Vũng Áng" in payload["errors"][0]["message"]
    other.refresh_from_db()
    assert other.reward_value is None


@pytest.mark.django_db
def test_staff_build_and_publish_a_fair_through_the_api(api, client, promo_user, catalog):
    sauce = catalog.product("Nước mắm Vũng Áng", price=85_000, producer_name="HTX A")
    client.force_login(promo_user)
    future = {**FAIR_INPUT, "startAt": "2030-05-10T08:00:00+07:00", "endAt": "2030-05-13T21:00:00+07:00"}
    fair_id = api.data(CREATE, {"input": future})["fairCreate"]["fair"]["id"]
    zone = api.data("""mutation($f: ID!) { fairZoneCreate(fairId: $f, input: {name: "Khu Nghệ An", kind: LOCALITY})
                       { zone { id } errors { code } } }""", {"f": fair_id})["fairZoneCreate"]["zone"]["id"]
    booth = api.data(BOOTH_CREATE, {"fair": fair_id, "input": {
        "code": "A-01", "zone": zone, "producer": gid("Producer", sauce.producer_id),
        "products": [gid("Product", sauce.pk)]}})["fairBoothCreate"]
    event = api.data("""mutation($f: ID!) { fairSideEventCreate(fairId: $f, input: {kind: OPENING, title: "Khai mạc",
                        startAt: "2030-05-10T08:30:00+07:00"}) { errors { code } } }""", {"f": fair_id})
    campaign = api.data(CAMPAIGN, {"fair": fair_id, "input": {"rewardValueType": "PERCENTAGE", "rewardValue": 10}})
    published = api.data(PUBLISH, {"id": fair_id})["fairPublish"]

    assert booth["errors"] == [] and event["fairSideEventCreate"]["errors"] == []
    assert campaign["fairCampaignSet"]["fair"]["campaign"]["rewardValue"] == 10.0
    assert published["errors"] == [] and published["fair"]["status"] == "PUBLISHED"
    fair = FairEvent.objects.get()
    assert fair.campaign is not None and BoothProduct.objects.filter(fair=fair).count() == 1
    again = api.data(PUBLISH, {"id": fair_id})["fairPublish"]
    assert [e["code"] for e in again["errors"]] == ["ALREADY_PUBLISHED"]


@pytest.mark.django_db
def test_unknown_or_wrong_type_ids_are_coded_errors(api, client, promo_user):
    client.force_login(promo_user)

    missing = api.data(PUBLISH, {"id": gid("FairEvent", 999)})["fairPublish"]
    wrong_type = api.post(PUBLISH, {"id": gid("Product", 1)})

    assert [e["code"] for e in missing["errors"]] == ["NOT_FOUND"]
    assert error_codes(wrong_type) == ["GraphQLError"]


@pytest.mark.django_db
@pytest.mark.parametrize(("reward", "expected"), [
    ({"rewardValueType": "PERCENTAGE", "rewardValue": -5}, "GraphQLError"),
    ({"rewardValueType": "PERCENTAGE", "rewardValue": 100}, "INVALID_REWARD_VALUE"),
    ({"rewardValueType": "PERCENTAGE"}, "REQUIRED"),
    ({"rewardValue": 10}, "INVALID"),
])
def test_bad_campaign_values_are_refused(api, client, promo_user, fair, reward, expected):
    client.force_login(promo_user)

    body = api.post(CAMPAIGN, {"fair": gid("FairEvent", fair.pk), "input": reward})

    codes = error_codes(body) or [e["code"] for e in body["data"]["fairCampaignSet"]["errors"]]
    assert codes == [expected]
    fair.refresh_from_db()
    assert fair.reward_value is None
