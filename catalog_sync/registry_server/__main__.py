"""python -m catalog_sync.registry_server --port 8765 --token demo-token [--data FILE.json] [--fault 500]"""

from __future__ import annotations

import argparse
import contextlib
import sys

from catalog_sync.registry_server.app import Fault, RegistryApp
from catalog_sync.registry_server.dataset import SAMPLE_PATH, load_records
from catalog_sync.registry_server.server import RegistryServer
from catalog_sync.registry_server.store import RecordStore


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m catalog_sync.registry_server",
                                     description="A local OCOP registry (JSON API v1) on loopback.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--token", required=True, help="the token clients must send (Authorization: Token …)")
    parser.add_argument("--data", default=str(SAMPLE_PATH), help="records JSON (default: the bundled sample)")
    parser.add_argument("--page-size", type=int, default=100, help="page size when the client gives none")
    parser.add_argument("--fault", action="append", default=[], metavar="KIND",
                        help="make the next request fail: 500, 503, 429[:retry-after], slow:SECONDS, "
                             "garbage, "
                             "bad_shape (repeat for several requests, in order)")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)

    app = RegistryApp(RecordStore(load_records(args.data)), token=args.token,
                      default_page_size=args.page_size)
    app.fail_next(*(Fault.parse(f) for f in args.fault))
    server = RegistryServer(app, host=args.host, port=args.port, quiet=not args.verbose)
    print(f"Registry serving {len(app.store)} records at {server.url}/api/v1/certificates", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
