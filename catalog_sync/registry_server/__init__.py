"""A local OCOP registry: the JSON API of the registry README over plain WSGI, serving the bundled sample
dataset (or any list of records), for the demo, the tests and the benchmark.

    python -m catalog_sync.registry_server --port 8765 --token demo-token

In code: `with RegistryServer(RegistryApp(RecordStore(records), token="t")) as server: server.url`.
`app.faults` makes the next requests fail (500, 429 with Retry-After, a slow answer, garbage) for tests."""

from catalog_sync.registry_server.app import Fault, RegistryApp
from catalog_sync.registry_server.dataset import ANNEX_PATH, SAMPLE_PATH, load_sample_records
from catalog_sync.registry_server.server import RegistryServer
from catalog_sync.registry_server.store import RecordStore

__all__ = ["ANNEX_PATH", "SAMPLE_PATH", "Fault", "RecordStore", "RegistryApp", "RegistryServer",
           "load_sample_records"]
