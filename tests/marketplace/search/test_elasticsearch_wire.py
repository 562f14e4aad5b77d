"""What the Elasticsearch backend sends over the wire. No Elasticsearch server can run here, so a stand-in
HTTP server on loopback records the requests and answers like Elasticsearch 9 would. It is a stand-in, said
plainly: it checks our requests, not how Elasticsearch behaves (test_elasticsearch.py has live tests)."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from elasticsearch import Elasticsearch

from marketplace.certification.models import Certificate
from marketplace.producer.models import Producer
from marketplace.product.models import Product
from marketplace.search.backends.elasticsearch import ElasticsearchSearchBackend
from marketplace.search.selectors import product_search
from marketplace.search.services import search_index_products, search_index_sync


class _StandIn(BaseHTTPRequestHandler):
    requests: list[tuple[str, str, bytes]] = []
    index_exists = False

    def log_message(self, *args):  # keep test output clean
        pass

    def _answer(self, status: int, body: dict | None = None) -> None:
        payload = json.dumps(body or {}).encode()
        self.send_response(status)
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Type", "application/vnd.elasticsearch+json; compatible-with=9")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def _record(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        type(self).requests.append((self.command, self.path, body))
        return body

    def do_HEAD(self):
        self._record()
        self._answer(200 if type(self).index_exists else 404)

    def do_PUT(self):
        if "_bulk" in self.path:
            return self.do_POST()
        self._record()
        type(self).index_exists = True
        self._answer(200, {"acknowledged": True})

    def do_POST(self):
        body = self._record()
        if "_bulk" in self.path:
            lines = [json.loads(line) for line in body.splitlines() if line.strip()]
            items = [{"index": {"_id": a["index"]["_id"], "status": 201}} for a in lines if "index" in a]
            self._answer(200, {"errors": False, "took": 1, "items": items})
        elif "_search" in self.path:
            stars = {"doc_count": 1, "values": {"buckets": [{"key": 5, "doc_count": 1}]}}
            self._answer(200, {"took": 1, "timed_out": False, "hits": {
                "total": {"value": 1, "relation": "eq"}, "hits": [{"_id": "1", "_score": 1.0}]},
                "aggregations": {"stars": stars}})
        else:
            self._answer(404)


@pytest.fixture
def stand_in():
    _StandIn.requests = []
    _StandIn.index_exists = False
    server = ThreadingHTTPServer(("127.0.0.1", 0), _StandIn)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", _StandIn
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_indexing_creates_the_index_with_its_analyzers_then_bulk_writes_documents(stand_in, catalog):
    url, recorder = stand_in
    product = catalog.product("Nước mắm Vũng Áng", stars=5)
    backend = ElasticsearchSearchBackend(client=Elasticsearch(url, max_retries=0), index="ocop-products")

    written = backend.products_index(product_ids=[product.pk])

    paths = [p.split("?")[0] for _, p, _ in recorder.requests]
    [create] = [body for method, p, body in recorder.requests if method == "PUT" and p == "/ocop-products"]
    assert paths[-1] == "/_bulk" and paths.index("/ocop-products") < paths.index("/_bulk")
    created = json.loads(create)
    assert "ocop_folding" in created["settings"]["analysis"]["analyzer"]
    assert created["mappings"]["properties"]["name"]["analyzer"] == "ocop_folding"
    bulk_lines = [json.loads(x) for x in recorder.requests[-1][2].splitlines() if x.strip()]
    assert bulk_lines[0] == {"index": {"_index": "ocop-products", "_id": product.pk}}
    assert bulk_lines[1]["name"] == "Nước mắm Vũng Áng" and bulk_lines[1]["stars"] == 5
    assert written == 1


@pytest.mark.django_db
def test_a_search_sends_one_request_and_reads_the_answer(stand_in, db):
    url, recorder = stand_in
    backend = ElasticsearchSearchBackend(client=Elasticsearch(url, max_retries=0), index="ocop-products")

    result = product_search(text="nuoc mam", stars=[5], backend=backend)

    [(method, path, body)] = recorder.requests
    assert (method, path.split("?")[0]) == ("POST", "/ocop-products/_search")
    assert json.loads(body)["post_filter"] == {"bool": {"filter": [{"terms": {"stars": [5]}}]}}
    assert (result.product_ids, result.total, result.facets.stars, result.backend) == ([1], 1, {5: 1},
                                                                                       "elasticsearch")


def _bulk_ids(recorder) -> list[list[int]]:
    batches = []
    for _, path, body in recorder.requests:
        if "_bulk" in path:
            lines = [json.loads(line) for line in body.splitlines() if line.strip()]
            batches.append([a["index"]["_id"] for a in lines if "index" in a])
    return batches


@pytest.mark.django_db
def test_with_elasticsearch_set_indexing_writes_it_after_the_commit(stand_in, catalog, settings,
                                                                    django_capture_on_commit_callbacks):
    url, recorder = stand_in
    settings.ELASTICSEARCH_URL = url
    product = catalog.product("Nước mắm Vũng Áng")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        search_index_products(product_ids=[product.pk])
    assert _bulk_ids(recorder) == []  # nothing reaches Elasticsearch before the commit
    for callback in callbacks:
        callback()

    assert _bulk_ids(recorder) == [[product.pk]]


@pytest.mark.django_db
def test_the_periodic_sync_sends_elasticsearch_only_what_changed(stand_in, catalog, settings,
                                                                 django_capture_on_commit_callbacks):
    url, recorder = stand_in
    settings.ELASTICSEARCH_URL = url
    products = [catalog.product(f"Nước mắm {i}") for i in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        search_index_sync()
    an_hour_ago = timezone.now() - timedelta(hours=1)  # these rows were written long before this run
    for model in (Product, Certificate, Producer):
        model.objects.update(updated_at=an_hour_ago)
    recorder.requests.clear()
    products[1].channel_listings.update(discounted_price_amount=55_000)

    with django_capture_on_commit_callbacks(execute=True):
        search_index_sync()

    assert _bulk_ids(recorder) == [[products[1].pk]]
