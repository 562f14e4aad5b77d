"""Our schema against Saleor's SDL (../shared/saleor/schema.graphql): same names, types and nullability for
everything both have; and the storefront's own documents validate against both."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_schema, parse, validate

from marketplace.graphql.api import schema
from marketplace.graphql.compat import compare_with_saleor_sdl, schema_differences

ROOT = Path(__file__).resolve().parents[3]
SALEOR_SDL = Path(os.environ.get("SALEOR_SCHEMA_PATH", ROOT.parent / "shared" / "saleor" / "schema.graphql"))
DOCUMENTS = Path(__file__).parent / "documents" / "storefront.graphql"


@pytest.fixture(scope="module")
def saleor_sdl() -> str:
    if not SALEOR_SDL.exists():
        pytest.fail(f"Saleor's SDL not found at {SALEOR_SDL}; set SALEOR_SCHEMA_PATH")
    return SALEOR_SDL.read_text()


def test_every_shared_type_field_argument_and_enum_value_matches_saleor(saleor_sdl):
    differences = compare_with_saleor_sdl(schema, saleor_sdl)

    assert differences == [], "Differences from Saleor's schema:\n" + "\n".join(differences)


def test_the_comparison_names_each_kind_of_difference():
    saleor = build_schema("""
        type Query { products(first: Int, channel: String): Thing }
        type Thing { name: String! price: Float tags: [String!]! }
        input Filter { search: String ids: [ID!] }
        enum Dir { ASC DESC }
    """)
    ours = build_schema("""
        type Query { products(first: String, channel: String, extra: Int!): Thing }
        type Thing { name: String price: Float! tags: [String!]! }
        input Filter { search: Int ids: [ID!] }
        enum Dir { ASC DESC SIDEWAYS }
    """)

    assert schema_differences(ours, saleor) == [
        "Dir.SIDEWAYS: enum value Saleor does not have",
        "Filter.search: type Int, Saleor has String",
        "Query.products(extra): required argument Saleor does not have",
        "Query.products(first): type String, Saleor has Int",
        "Thing.name: type String, Saleor has String!",
        "Thing.price: type Float!, Saleor has Float",
    ]


@pytest.mark.parametrize("which", ["saleor", "ours"])
def test_storefront_documents_validate(which, saleor_sdl):
    target: GraphQLSchema = build_schema(saleor_sdl) if which == "saleor" else schema.graphql_schema

    errors = validate(target, parse(DOCUMENTS.read_text()))

    assert [e.message for e in errors] == []


# The fields the foundation issue lists as what a storefront reads; the comparison above only checks fields that
# exist on both sides, so their presence is asserted here.
STOREFRONT_FIELDS = {
    "Query": ["channels", "channel", "shop", "categories", "category", "collections", "collection", "products",
              "product", "productVariants", "productVariant", "node", "menu", "menus", "page", "pages"],
    "Product": ["id", "name", "slug", "description", "seoTitle", "seoDescription", "created", "updatedAt",
                "isAvailable", "isAvailableForPurchase", "category", "productType", "thumbnail", "media", "pricing",
                "productVariants", "variants", "attributes", "assignedAttributes", "translation"],
    "ProductVariant": ["id", "name", "sku", "quantityAvailable", "pricing", "attributes"],
    "ProductPricingInfo": ["priceRange", "priceRangeUndiscounted"],
    "Shop": ["name", "defaultCountry", "languages"],
    "ProductCountableConnection": ["edges", "pageInfo", "totalCount"],
}


@pytest.mark.parametrize("type_name", sorted(STOREFRONT_FIELDS))
def test_the_fields_a_storefront_reads_are_exposed(type_name):
    fields = schema.graphql_schema.type_map[type_name].fields

    assert [f for f in STOREFRONT_FIELDS[type_name] if f not in fields] == []
