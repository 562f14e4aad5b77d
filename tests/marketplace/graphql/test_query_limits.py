"""Query cost, depth, alias, token and batch limits: refused before anything runs, with a code naming the limit."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.marketplace.graphql.conftest import error_codes

# The shape: 8 levels of variants → product below a page of products (the report's was 218 bytes).
NESTED_8 = ('{products(first:100,channel:"default-channel"){edges{node{'
            + "variants{product{" * 4 + "name" + "}" * 8 + "}}}}")


def post(client, payload, **extra):
    return client.post("/graphql/", data=json.dumps(payload), content_type="application/json", **extra)


@pytest.fixture
def nested_shop(catalog, warehouse):
    for n in range(3):
        catalog.product(f"Sản phẩm {n}", stars=4, price=10_000, warehouse=warehouse,
                        variants=["Gói 1", "Gói 2", "Gói 3"])


@pytest.mark.django_db
def test_the_nested_variants_query_is_refused_before_it_runs(client, nested_shop):
    assert len(NESTED_8.encode()) < 250
    post(client, {"query": "{ shop { name } }"})  # the first request imports and builds the schema
    with CaptureQueriesContext(connection) as queries:
        response = post(client, {"query": NESTED_8})
    body = response.json()
    assert response.status_code == 400
    assert error_codes(body) in (["QueryDepthError"], ["QueryCostError"])
    assert "GRAPHQL_QUERY_MAX_" in body["errors"][0]["message"]
    assert "data" not in body or body["data"] is None
    # Refused before running: not one catalog query (how fast the refusal is: bench/graphql_limits.py).
    assert [q for q in queries.captured_queries if "product" in q["sql"]] == []


@pytest.mark.django_db
def test_a_costly_but_shallow_query_is_refused_with_the_cost_named(client, settings, nested_shop):
    query = ('{products(first:100,channel:"default-channel"){edges{node{'
             + "variants{product{" * 3 + "name" + "}" * 6 + "}}}}")
    body = post(client, {"query": query}).json()
    assert error_codes(body) == ["QueryCostError"]
    assert "GRAPHQL_QUERY_MAX_COST" in body["errors"][0]["message"]
    assert "The query exceeds the maximum cost of 50000. Actual cost is" in body["errors"][0]["message"]


@pytest.mark.django_db
def test_a_deep_but_cheap_query_is_refused_with_the_depth_named(client, nested_shop):
    query = ('{products(first:1,channel:"default-channel"){edges{node{'
             + "variants{product{" * 6 + "name" + "}" * 12 + "}}}}")
    body = post(client, {"query": query}).json()
    assert error_codes(body) == ["QueryDepthError"]
    assert "GRAPHQL_QUERY_MAX_DEPTH" in body["errors"][0]["message"]


@pytest.mark.django_db
def test_cost_follows_the_page_size_and_is_reported_like_saleor(client, nested_shop):
    query = '{products(first:%d,channel:"default-channel"){edges{node{name thumbnail{url}}}}}'
    small = post(client, {"query": query % 2}).json()
    large = post(client, {"query": query % 50}).json()
    assert "errors" not in small and len(small["data"]["products"]["edges"]) == 2
    assert small["extensions"]["cost"] == {"requestedQueryCost": 1 + 2 * 3, "maximumAvailable": 50000}
    assert large["extensions"]["cost"]["requestedQueryCost"] == 1 + 50 * 3


@pytest.mark.django_db
def test_page_size_from_a_variable_counts_too(client, settings, nested_shop):
    settings.GRAPHQL_QUERY_MAX_COST = 100
    query = 'query($n:Int){products(first:$n,channel:"default-channel"){edges{node{variants{name}}}}}'
    assert "errors" not in post(client, {"query": query, "variables": {"n": 2}}).json()
    body = post(client, {"query": query, "variables": {"n": 100}}).json()
    assert error_codes(body) == ["QueryCostError"]


@pytest.mark.django_db
def test_aliases_are_capped(client):
    query = "{" + " ".join(f"a{i}: shop {{ name }}" for i in range(31)) + "}"
    body = post(client, {"query": query}).json()
    assert error_codes(body) == ["QueryAliasesError"]
    assert "GRAPHQL_QUERY_MAX_ALIASES" in body["errors"][0]["message"]
    fine = "{" + " ".join(f"a{i}: shop {{ name }}" for i in range(5)) + "}"
    assert "errors" not in post(client, {"query": fine}).json()


@pytest.mark.django_db
def test_an_oversized_document_is_refused_at_parsing(client):
    query = "{ shop { " + "name " * 6000 + "} }"
    response = post(client, {"query": query})
    body = response.json()
    assert response.status_code == 400
    assert error_codes(body) == ["GraphQLError"]
    assert "token" in body["errors"][0]["message"].lower()
    assert len(body["errors"][0]["message"]) < 400


@pytest.mark.django_db
def test_batches_run_each_operation_and_are_capped(client, settings):
    settings.GRAPHQL_BATCH_MAX_OPERATIONS = 3
    ok = post(client, [{"query": "{ shop { name } }"}, {"query": "{ channels { slug } }"}])
    assert ok.status_code == 200
    assert [("errors" in entry) for entry in ok.json()] == [False, False]
    refused = post(client, [{"query": "{ shop { name } }"}] * 4)
    assert refused.status_code == 400
    assert error_codes(refused.json()) == ["BatchSizeError"]


@pytest.mark.django_db
def test_an_oversized_body_is_refused_with_a_code(client, settings):
    settings.GRAPHQL_MAX_BODY_BYTES = 10_000
    response = post(client, {"query": "{ shop { name } }", "variables": {"x": "a" * 20_000}})
    assert response.status_code == 413
    assert error_codes(response.json()) == ["REQUEST_TOO_LARGE"]
    assert len(response.content) < 500


@pytest.mark.django_db
def test_introspection_as_graphiql_sends_it_still_runs(client):
    from graphql import get_introspection_query

    body = post(client, {"query": get_introspection_query(descriptions=True)}).json()
    assert "errors" not in body
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"


@pytest.mark.django_db
def test_fanning_out_through_introspection_is_refused(client):
    query = "{__schema{types{fields{type{fields{type{fields{type{fields{type{fields{name}}}}}}}}}}}}"
    response = post(client, {"query": query})
    assert response.status_code == 400
    assert response.json().get("data") is None


@pytest.mark.django_db
def test_fragments_spread_twice_at_every_level_are_priced_without_blowing_up(client):
    levels = 40
    fragments = "".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n" for i in range(levels))
    query = "{ ...F0 }\n" + fragments + f"fragment F{levels} on Query {{ shop {{ name }} }}\n"
    body = post(client, {"query": query}).json()  # 2**40 spreads: walking each one would never return
    assert error_codes(body) == ["QueryCostError"]
