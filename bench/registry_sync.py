"""Registry sync speed: a full sync of N generated records served by the local registry (in its own process,
over HTTP on loopback), then an incremental sync after 1% of them changed.

    python bench/registry_sync.py [--records 10000] [--changed 0.01] [--page-size 500]

Targets on a 2-core machine: full 10,000 <= 60 s; incremental with 100 changes <= 3 s. Runs in a scratch
database (bench_registry_sync, dropped at the end) on the server settings.py points at (DATABASE_URL, or the
embedded PostgreSQL)."""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.config.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerProcess:
    """The local registry in a subprocess, so serving does not compete with the sync for the GIL."""

    def __init__(self, data: Path, token: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "catalog_sync.registry_server", "--port", str(self.port), "--token", token,
             "--data", str(data)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        banner = self.process.stdout.readline()  # printed once it listens
        if "serving" not in banner:
            raise RuntimeError(f"registry server did not start: {banner}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def change_some(records: list[dict], fraction: float, seed: int = 7) -> int:
    """Change `fraction` of the records as provinces do: re-ratings, revocations, corrected addresses."""
    rnd = random.Random(seed)
    chosen = rnd.sample(records, max(1, int(len(records) * fraction)))
    stamp = datetime.now(UTC)
    for i, record in enumerate(chosen):
        kind = i % 4
        if kind == 0:
            record["status"] = "revoked"
            record["status_decision"] = {"no": "999/QĐ-UBND", "date": "2026-11-01",
                                         "reason": "Không duy trì quy trình sản xuất như hồ sơ đã công nhận"}
        elif kind == 1:
            record["certificate"]["stars"] = max(1, min(5, record["certificate"]["stars"] + rnd.choice((-1,
                                                                                                        1))))
        elif kind == 2:
            record["producer"]["phone"] = f"09{rnd.randint(10000000, 99999999)}"
        else:
            record["product"]["packaging"] = [*record["product"]["packaging"], "Hộp quà 2 sản phẩm"]
        record["updated_at"] = (stamp + timedelta(seconds=i)).isoformat()
    return len(chosen)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--changed", type=float, default=0.01)
    parser.add_argument("--page-size", type=int, default=500)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from catalog_sync import services
    from catalog_sync.registry_server.make_dataset import generate_records, write_records
    from marketplace.certification.selectors import products_listable
    from marketplace.channel.services import channel_ensure

    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = "bench_registry_sync"
    t0 = time.perf_counter()
    records = generate_records(count=args.records, with_stories=False, seed=20261122)
    workdir = Path(tempfile.mkdtemp(prefix="bench-registry-"))
    data = workdir / "records.json"
    write_records(records, data)
    print(f"generated {len(records)} records in {time.perf_counter() - t0:.1f} s")

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    token = "bench-token"
    server = ServerProcess(data, token)
    try:
        channel_ensure(slug=settings.DEFAULT_CHANNEL_SLUG, name="Kênh toàn quốc")
        source = services.registry_source_ensure(name="bench", url=server.url, token=token)
        source.page_size = args.page_size
        source.save()

        t0 = time.perf_counter()
        run = services.registry_sync_run(source=source, full=True)
        full_seconds = time.perf_counter() - t0
        assert run.status == "succeeded", run.error
        listed = products_listable().count()
        print(f"full sync:        {full_seconds:6.2f} s  {run.received / full_seconds:8.0f} records/s  "
              f"(created {run.created}, rejected {run.rejected}, {listed} products listed)  target <= 60 s")

        changed = change_some(records, args.changed)
        write_records(records, data)
        server.stop()
        server = ServerProcess(data, token)
        source.refresh_from_db()
        source.url = server.url
        source.save()

        t0 = time.perf_counter()
        run = services.registry_sync_run(source=source, full=False)
        incremental_seconds = time.perf_counter() - t0
        assert run.status == "succeeded", run.error
        print(f"incremental sync: {incremental_seconds:6.2f} s  ({changed} changed records; "
              f"received {run.received}, "
              f"updated {run.updated}, unchanged {run.unchanged}, delisted {run.delisted})  target <= 3 s")

        t0 = time.perf_counter()
        run = services.registry_sync_run(source=source, full=True)
        print(f"full reconcile, nothing changed: {time.perf_counter() - t0:6.2f} s  "
              f"(unchanged {run.unchanged}, updated {run.updated})")
        print(json.dumps({"records": len(records), "full_seconds": round(full_seconds, 2),
                          "records_per_second": round(len(records) / full_seconds),
                          "incremental_seconds": round(incremental_seconds, 2), "changed": changed}))
    finally:
        server.stop()
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
