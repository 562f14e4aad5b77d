from __future__ import annotations

import json

import pytest


class ApiClient:
    def __init__(self, client):
        self.client = client

    def post(self, query: str, variables: dict | None = None, **headers) -> dict:
        response = self.client.post("/graphql/", data=json.dumps({"query": query, "variables": variables or {}}),
                                    content_type="application/json", **headers)
        assert response.status_code in (200, 400), response.content[:500]
        return response.json()

    def data(self, query: str, variables: dict | None = None, **headers) -> dict:
        body = self.post(query, variables, **headers)
        assert "errors" not in body, body["errors"]
        return body["data"]


@pytest.fixture
def api(client) -> ApiClient:
    return ApiClient(client)


def error_codes(body: dict) -> list[str]:
    return [e.get("extensions", {}).get("exception", {}).get("code") for e in body.get("errors", [])]
