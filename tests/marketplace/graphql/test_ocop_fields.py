"""OCOP additions to the API: the certificate and producer of a product, verification by number, and the
staff view of registry sync runs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from marketplace.account.services import user_create
from tests.marketplace.graphql.conftest import error_codes

PRODUCT_QUERY = """query($slug: String!) { product(slug: $slug, channel: "default-channel") {
  name producer { name kind province }
  ocopCertificate { number stars score issuer issuerLevel decisionNumber decisionDate expiresOn status
                    isValid verificationState verificationUrl } } }"""


@pytest.mark.django_db
def test_product_shows_its_certificate_and_producer(api, catalog, settings):
    settings.PUBLIC_URL = "https://ocop.example.vn"
    product = catalog.product("Nước mắm Vũng Áng", stars=4, certificate_number="15/GCN-UBND",
                              producer_name="HTX Nước mắm Vũng Áng")

    data = api.data(PRODUCT_QUERY, {"slug": product.slug})["product"]

    cert = data["ocopCertificate"]
    assert data["producer"] == {"name": "HTX Nước mắm Vũng Áng", "kind": "HOUSEHOLD", "province": "Hà Tĩnh"}
    assert (cert["number"], cert["stars"], cert["status"], cert["isValid"]) == ("15/GCN-UBND", 4, "ACTIVE", True)
    assert cert["issuerLevel"] == "PROVINCE"
    assert cert["verificationUrl"] == "https://ocop.example.vn/verify/15%2FGCN-UBND/"


@pytest.mark.django_db
def test_certificate_lookup_by_number_works_for_an_expired_one_no_longer_sold(api, catalog):
    catalog.product("Mật ong", certificate_number="9/GCN-UBND", expires_on=date.today() - timedelta(days=3))

    data = api.data('{ ocopCertificate(number: "9/gcn-ubnd") { number status verificationState isValid '
                    'productName } }')

    assert data["ocopCertificate"] == {"number": "9/GCN-UBND", "status": "ACTIVE", "verificationState": "EXPIRED",
                                       "isValid": False, "productName": "Mật ong"}
    assert api.data('{ ocopCertificate(number: "nope") { number } }')["ocopCertificate"] is None


@pytest.mark.django_db
def test_filter_by_stars_and_certificate_in_one_list_costs_a_fixed_number_of_queries(api, catalog,
                                                                                      django_assert_max_num_queries):
    for i in range(12):
        catalog.product(f"Sản phẩm {i:02d}", stars=3 + i % 3)

    with django_assert_max_num_queries(8):
        data = api.data('{ products(first: 50, channel: "default-channel", filter: {ocopStars: [5]}) { totalCount '
                        "edges { node { ocopCertificate { stars } producer { name } } } } }")

    assert data["products"]["totalCount"] == 4
    assert {e["node"]["ocopCertificate"]["stars"] for e in data["products"]["edges"]} == {5}


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "allowed"), [("anonymous", False), ("shopper", False), ("staff", False),
                                              ("admin", True)])
def test_sync_runs_are_for_staff_with_the_registry_permission(client, api, who, allowed):
    if who != "anonymous":
        user = user_create(email=f"{who}@example.com", password="x", is_staff=who != "shopper",
                           is_superuser=who == "admin")
        client.force_login(user)

    body = api.post("{ registrySyncRuns(first: 5) { totalCount } }")

    if allowed:
        assert body["data"]["registrySyncRuns"]["totalCount"] == 0
    else:
        assert error_codes(body) == ["PermissionDenied"]
