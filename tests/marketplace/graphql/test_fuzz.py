"""Schemathesis (GraphQL mode) fuzzes every query and mutation of the API in-process through Django's whole
request stack, anonymously and as a superuser signed in with a bearer token: no answer may be a 5xx or carry a
database or internal error. Bounded: OCOP_FUZZ_EXAMPLES examples per operation (default 4, about a minute
and a half here), derandomized so a run is reproducible; raise it locally to search harder."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime

import pytest
import schemathesis
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.graphql import nodes

from marketplace.account.services import user_create
from marketplace.account.tokens import token_create
from marketplace.graphql.api import schema as graphene_schema

EXAMPLES = int(os.environ.get("OCOP_FUZZ_EXAMPLES", "4"))
SERVER_FAULTS = {"DATABASE_ERROR", "INTERNAL_ERROR"}

# Besides hypothesis-graphql's own strings and dates, the input the issue found ending in database errors.
HOSTILE_STRINGS = ["\x00", "nước\x00mắm", "\ud800", "x" * 300, "=1+1", "²³", "'; --"]
schemathesis.graphql.scalar("String", st.one_of(st.sampled_from(HOSTILE_STRINGS), st.text(max_size=30))
                            .map(nodes.String))
schemathesis.graphql.scalar("Date", st.one_of(st.sampled_from([date(1, 1, 1), date(9999, 12, 31)]), st.dates())
                            .map(lambda d: nodes.String(d.isoformat())))
schemathesis.graphql.scalar("DateTime", st.one_of(st.sampled_from(["0001-01-01T00:00:00+07:00",
                                                                   "9999-12-31T23:59:59+07:00"]),
                                                  st.datetimes(timezones=st.just(UTC)).map(datetime.isoformat))
                            .map(nodes.String))
# Prices: negative, fractional and huge amounts are what a careless price list sends.
schemathesis.graphql.scalar("PositiveDecimal", st.one_of(st.sampled_from(["-1", "0.5", "1e30", "NaN"]),
                                                         st.integers(min_value=-10, max_value=10**12).map(str))
                            .map(nodes.String))
# A file upload cannot be generated as JSON: the multipart request tests cover it; send null's stand-in string.
schemathesis.graphql.scalar("Upload", st.just(nodes.String("not-a-file")))
schema = schemathesis.graphql.from_dict(graphene_schema.introspect())


@pytest.fixture(scope="module")
def readers(django_db_setup, django_db_blocker) -> dict[str, dict]:
    """Some catalog, stock and a fair to find, built once for all operations (each example's writes are rolled
    back with its test)."""
    from django.core.management import call_command

    from marketplace.channel.services import channel_ensure
    from marketplace.fair.services import FairData, fair_create
    from tests.factories.catalog import CatalogBuilder
    from tests.factories.fair import FAIR_END, FAIR_START

    with django_db_blocker.unblock():
        channel = channel_ensure(slug="default-channel", name="Kênh mặc định")
        CatalogBuilder(channel_id=channel.pk).product("Nước mắm Vũng Áng", variants=["Chai 500 ml", "Chai 1 lít"])
        fair_create(data=FairData(name="Hội chợ OCOP", start_at=FAIR_START, end_at=FAIR_END, venue_name="Quảng trường",
                                  province="Hà Tĩnh"))
        user_create(email="fuzz-admin@example.com", password="fuzz-pass-2026", is_staff=True, is_superuser=True)
        access = token_create(email="fuzz-admin@example.com", password="fuzz-pass-2026").access
        yield {"anonymous": {}, "staff": {"HTTP_AUTHORIZATION": f"Bearer {access}"}}
        call_command("flush", "--no-input")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@pytest.mark.slow
@pytest.mark.django_db
def test_no_generated_request_ends_in_a_server_error(case, readers):
    body = case.as_transport_kwargs(base_url="http://testserver")["json"]
    for reader, headers in readers.items():
        response = Client().post("/graphql/", json.dumps(body), content_type="application/json", **headers)
        assert response.status_code < 500, (reader, body, response.content[:500])
        answer = response.json()
        entries = answer if isinstance(answer, list) else [answer]
        codes = {(e.get("extensions") or {}).get("exception", {}).get("code")
                 for entry in entries for e in entry.get("errors") or []}
        assert not codes & SERVER_FAULTS, (reader, body, answer)
