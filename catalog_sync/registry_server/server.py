"""Serving a RegistryApp on loopback, in a background thread (tests, demo) or in the foreground (__main__)."""

from __future__ import annotations

import socketserver
import threading
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from catalog_sync.registry_server.app import RegistryApp


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that gave up (timeout test) closes the socket under a slow answer: not an error here.
        pass


class RegistryServer:
    """`with RegistryServer(app) as server:` serves on 127.0.0.1 (a free port unless given) until the end."""

    def __init__(self, app: RegistryApp, *, host: str = "127.0.0.1", port: int = 0,
                 quiet: bool = True) -> None:
        self.app = app
        self._httpd = make_server(host, port, app, server_class=_ThreadingWSGIServer,
                                  handler_class=_QuietHandler if quiet else WSGIRequestHandler)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> RegistryServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="registry-server", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._httpd.serve_forever()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> RegistryServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
