"""Runs the documents in documents/checkout.graphql by operation name (the same text a storefront sends)."""

from __future__ import annotations

import json
from pathlib import Path

from graphql import OperationDefinitionNode, parse

DOCUMENT = (Path(__file__).parent / "documents" / "checkout.graphql").read_text()


class CheckoutApi:
    def __init__(self, client, token: str | None = None):
        self.client = client
        self.token = token

    def run(self, operation: str, **variables) -> dict:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}
        response = self.client.post("/graphql/", data=json.dumps({
            "query": DOCUMENT, "operationName": operation, "variables": variables}),
            content_type="application/json", **headers)
        body = response.json()
        assert "errors" not in body, body["errors"]
        return body["data"]


def operations() -> list[str]:
    return [d.name.value for d in parse(DOCUMENT).definitions if isinstance(d, OperationDefinitionNode)]
