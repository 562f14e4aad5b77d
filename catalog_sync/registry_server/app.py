"""The registry JSON API v1 as a WSGI app, exactly as the registry README describes it:

- `GET /api/v1/certificates?updated_since=<ISO 8601>&page_size=<1..500>[&page=N]`, header
  `Authorization: Token <token>`; records with updated_at >= updated_since, ordered by updated_at then id;
  `{"count", "next", "results"}` with `next` an absolute URL or null.
- `GET /api/v1/certificates/<id>`: one record (404 if unknown).
- 401 for a bad token, 400 `{"detail": …}` for bad parameters; 429 with Retry-After, 5xx, slow answers and
  garbage only when a test or a command-line switch asks for them (`faults`).
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta, timezone
from urllib.parse import parse_qs, quote, urlencode

from catalog_sync.registry_server.store import RecordStore, parse_stamp

LIST_PATH = "/api/v1/certificates"
MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 100
_VN = timezone(timedelta(hours=7))

StartResponse = Callable[[str, list[tuple[str, str]]], object]


@dataclass(frozen=True)
class Fault:
    """What to do to one request instead of answering it properly."""

    kind: str  # "status", "throttle", "delay", "garbage", "bad_shape"
    status: int = 500
    retry_after: str = "1"
    seconds: float = 0.0

    @classmethod
    def server_error(cls, status: int = 500) -> Fault:
        return cls("status", status=status)

    @classmethod
    def throttle(cls, retry_after: str = "1") -> Fault:
        return cls("throttle", status=429, retry_after=retry_after)

    @classmethod
    def slow(cls, seconds: float) -> Fault:
        """Answer (properly) only after `seconds`: longer than the client's timeout, it is a timeout."""
        return cls("delay", seconds=seconds)

    @classmethod
    def garbage(cls) -> Fault:
        return cls("garbage")

    @classmethod
    def bad_shape(cls) -> Fault:
        return cls("bad_shape")

    @classmethod
    def parse(cls, text: str) -> Fault:
        """Command-line form: 500, 503, 429, 429:5 (Retry-After 5), slow:3, garbage, bad_shape."""
        head, _, arg = text.partition(":")
        if head == "429":
            return cls.throttle(arg or "1")
        if head.isdigit():
            return cls.server_error(int(head))
        if head == "slow":
            return cls.slow(float(arg or 5))
        if head in ("garbage", "bad_shape"):
            return cls(head)
        raise ValueError(f"unknown fault {text!r}")


class RegistryApp:
    def __init__(self, store: RecordStore, *, token: str, default_page_size: int = DEFAULT_PAGE_SIZE) -> None:
        self.store = store
        self.token = token
        self.default_page_size = default_page_size
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self.requests: list[str] = []  # "GET /path?query", for tests to see what the client asked

    # --- faults ---------------------------------------------------------------------------------------------

    def fail_next(self, *faults: Fault, times: int = 1) -> None:
        """The next requests meet these faults, in order (each repeated `times`)."""
        with self._lock:
            for fault in faults:
                self._faults.extend([fault] * times)

    def _next_fault(self) -> Fault | None:
        with self._lock:
            return self._faults.popleft() if self._faults else None

    # --- WSGI -----------------------------------------------------------------------------------------------

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        path, query = environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")
        with self._lock:
            self.requests.append(f"{environ.get('REQUEST_METHOD')} {path}{'?' + query if query else ''}")
        fault = self._next_fault()
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.seconds)
            fault = None
        if fault is not None:
            return self._fault_response(fault, start_response)
        if environ.get("REQUEST_METHOD") != "GET":
            return _json(start_response, 405, {"detail": "Method not allowed."})
        if environ.get("HTTP_AUTHORIZATION", "") != f"Token {self.token}":
            return _json(start_response, 401, {"detail": "Invalid token."},
                         headers=[("WWW-Authenticate", "Token")])
        if path.rstrip("/") == LIST_PATH:
            return self._list(environ, parse_qs(query, keep_blank_values=True), start_response)
        if path.startswith(LIST_PATH + "/"):
            record = self.store.get(path[len(LIST_PATH) + 1:].rstrip("/"))
            if record is None:
                return _json(start_response, 404, {"detail": "Not found."})
            return _json(start_response, 200, record)
        return _json(start_response, 404, {"detail": "Not found."})

    def _list(self, environ: dict, params: dict[str, list[str]], start_response: StartResponse
              ) -> Iterable[bytes]:
        since_text = params.get("updated_since", [""])[0]
        since = None
        if since_text:
            try:
                since = parse_stamp(since_text)
            except ValueError:
                return _json(start_response, 400,
                             {"detail": f"updated_since must be an ISO 8601 date-time, not {since_text!r}."})
        try:
            page_size = int(params.get("page_size", [str(self.default_page_size)])[0])
            page = int(params.get("page", ["1"])[0])
        except ValueError:
            return _json(start_response, 400, {"detail": "page_size and page must be whole numbers."})
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            return _json(start_response, 400, {"detail": f"page_size must be between 1 and {MAX_PAGE_SIZE}."})
        records = self.store.since(since)
        last_page = max(1, -(-len(records) // page_size))
        if not 1 <= page <= last_page:
            return _json(start_response, 400, {"detail": f"page must be between 1 and {last_page}."})
        results = records[(page - 1) * page_size: page * page_size]
        next_url = None
        if page < last_page:
            query = {"page_size": page_size, "page": page + 1}
            if since_text:
                query["updated_since"] = since_text
            host = environ.get("HTTP_HOST") or f"{environ['SERVER_NAME']}:{environ['SERVER_PORT']}"
            next_url = f"http://{host}{LIST_PATH}?{urlencode(query, quote_via=quote)}"
        return _json(start_response, 200, {"count": len(records), "next": next_url, "results": results})

    @staticmethod
    def _fault_response(fault: Fault, start_response: StartResponse) -> Iterable[bytes]:
        if fault.kind == "throttle":
            return _json(start_response, 429, {"detail": "Request was throttled."},
                         headers=[("Retry-After", fault.retry_after)])
        if fault.kind == "garbage":
            body = b'{"count": 3, "next": null, "results": [{"id": "HT-'  # cut off mid-answer
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length",
                                                                             str(len(body)))])
            return [body]
        if fault.kind == "bad_shape":
            return _json(start_response, 200, {"data": [], "message": "maintenance"})
        return _json(start_response, fault.status, {"detail": "Internal server error."})


_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
            429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
            503: "Service Unavailable", 504: "Gateway Timeout"}


def _json(start_response: StartResponse, status: int, body: object,
          headers: list[tuple[str, str]] | None = None) -> Iterable[bytes]:
    payload = json.dumps(body, ensure_ascii=False).encode()
    start_response(f"{status} {_REASONS.get(status, 'Error')}",
                   [("Content-Type", "application/json; charset=utf-8"), ("Content-Length",
                                                                          str(len(payload))),
                    *(headers or [])])
    return [payload]
