"""The demo's catalog: the bundled sample registry, served on loopback and synced through the real path."""

from __future__ import annotations

import secrets

from catalog_sync import services
from catalog_sync.models import SyncRun
from catalog_sync.registry_server import RecordStore, RegistryApp, RegistryServer, load_sample_records

DEMO_SOURCE_NAME = "Sổ đăng ký mẫu (demo)"


def demo_registry_sync(*, progress: services.ProgressCallback | None = None) -> SyncRun:
    """Start the local registry on a free port, run a full sync from it, stop it; return the run.
    Running it again changes nothing (the run then counts every record as unchanged)."""
    token = secrets.token_urlsafe(16)
    app = RegistryApp(RecordStore(load_sample_records()), token=token)
    with RegistryServer(app) as server:
        # Inactive: the server lives only for this run, so the periodic sync must not try it later.
        source = services.registry_source_ensure(name=DEMO_SOURCE_NAME, url=server.url, token=token,
                                                 is_active=False)
        return services.registry_sync_run(source=source, full=True, progress=progress)
