from __future__ import annotations

import os
from pathlib import Path

import pytest
from graphql import build_schema, parse, validate

from marketplace.graphql.api import schema
from tests.marketplace.graphql.checkout.helpers import DOCUMENT

SALEOR_SDL = Path(os.environ.get("SALEOR_SCHEMA_PATH",
                                 Path(__file__).resolve().parents[5] / "shared" / "saleor" / "schema.graphql"))


@pytest.mark.parametrize("which", ["saleor", "ours"])
def test_checkout_documents_validate_against_saleor_and_our_schema(which):
    if which == "saleor" and not SALEOR_SDL.exists():
        pytest.fail(f"Saleor's SDL not found at {SALEOR_SDL}; set SALEOR_SCHEMA_PATH")
    target = build_schema(SALEOR_SDL.read_text()) if which == "saleor" else schema.graphql_schema

    assert [e.message for e in validate(target, parse(DOCUMENT))] == []
