"""The registry's JSON API v1 (registry README): token header, `updated_since` paging, retries.

Timeouts, connection errors, 5xx, 429 and malformed answers are retried with exponential backoff (429 waits
as long as Retry-After says); after `max_attempts` the run fails as *temporary* and nothing is delisted.
401 and 400 are final and fail at once with a message that says what to fix."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from catalog_sync.clients.base import (
    Batch,
    RegistryClient,
    RegistryRefused,
    RegistryUnavailable,
    SourceItem,
)
from catalog_sync.mapping import Rejection, map_api_record, parse_datetime
from marketplace.certification.registry_data import CertificateData

LIST_PATH = "/api/v1/certificates"


class _Garbage(Exception):
    pass


def newest_updated_at(records: list[object]) -> str | None:
    """The newest updated_at among the records, in UTC ISO 8601 (None if none can be read)."""
    stamps = [parse_datetime(r.get("updated_at")) for r in records if isinstance(r, dict)]
    stamps = [s for s in stamps if s is not None]
    return max(stamps).astimezone(UTC).isoformat() if stamps else None


class JsonApiClient(RegistryClient):
    kind = "json_api"

    def __init__(self, *, base_url: str, token: str, page_size: int = 500, timeout: float = 20.0,
                 max_attempts: int = 5, backoff_base: float = 1.0, backoff_max: float = 60.0,
                 retry_after_max: float = 300.0, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.page_size = max(1, min(page_size, 500))
        self.max_attempts = max_attempts
        self.backoff_base, self.backoff_max, self.retry_after_max = backoff_base, backoff_max, retry_after_max
        self._sleep = sleep
        self._origin = urlsplit(self.base_url)[:2]
        self._http = httpx.Client(
            headers={"Authorization": f"Token {token}", "Accept": "application/json",
                     "User-Agent": "ocop-market-registry-sync/1"},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), transport=transport,
            follow_redirects=False,
        )

    def close(self) -> None:
        self._http.close()

    def batches(self, *, since: str | None = None) -> Iterator[Batch]:
        params: dict[str, str | int] | None = {"page_size": self.page_size}
        if since:
            params["updated_since"] = since  # type: ignore[index]
        url: str | None = f"{self.base_url}{LIST_PATH}"
        while url:
            body = self._get(url, params=params, list_page=True)
            results = body["results"]
            yield Batch(items=[SourceItem(raw=r) for r in results], total=body.get("count"),
                        cursor=newest_updated_at(results))
            url, params = body.get("next"), None

    def fetch_one(self, record_id: str) -> dict:
        return self._get(f"{self.base_url}{LIST_PATH}/{record_id}", params=None, list_page=False)

    def map_item(self, item: SourceItem) -> CertificateData | Rejection:
        return map_api_record(item.raw)

    # --- one request, with retries ------------------------------------------------------------------------

    def _backoff(self, attempt: int) -> float:
        return min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1))

    def _retry_after(self, response: httpx.Response, attempt: int) -> float:
        value = response.headers.get("Retry-After", "").strip()
        seconds: float | None = None
        if value.isdigit():
            seconds = float(value)
        elif value:
            try:
                seconds = (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()
            except (TypeError, ValueError):
                seconds = None
        if seconds is None:
            return self._backoff(attempt)
        return max(0.0, min(seconds, self.retry_after_max))

    def _check(self, body: object, *, list_page: bool) -> dict:
        if not isinstance(body, dict):
            raise _Garbage("the answer is not a JSON object")
        if not list_page:
            return body
        if not isinstance(body.get("results"), list):
            raise _Garbage("the answer has no “results” list")
        if body.get("count") is not None and not isinstance(body.get("count"), int):
            raise _Garbage("“count” is not a number")
        next_url = body.get("next")
        # Never send our token to another host.
        if next_url is not None and (not isinstance(next_url, str) or urlsplit(next_url)[:2] != self._origin):
            raise _Garbage(f"“next” is not a URL of the registry: {str(next_url)[:200]}")
        return body

    def _get(self, url: str, *, params: dict | None, list_page: bool) -> dict:
        problem = ""
        for attempt in range(1, self.max_attempts + 1):
            wait = self._backoff(attempt)
            try:
                response = self._http.get(url, params=params)
            except httpx.TimeoutException:
                problem = "hết thời gian chờ (timeout)"
            except httpx.TransportError as exc:
                problem = f"không kết nối được ({type(exc).__name__}: {exc})"
            else:
                status = response.status_code
                if status in (401, 403):
                    raise RegistryRefused(
                        f"Sổ đăng ký từ chối token (HTTP {status}): kiểm tra token của nguồn {self.base_url}."
                    )
                if status == 400:
                    raise RegistryRefused(f"Sổ đăng ký từ chối yêu cầu (HTTP 400): {_detail(response)}")
                if status == 429:
                    problem, wait = "bị giới hạn tần suất (HTTP 429)", self._retry_after(response, attempt)
                elif status >= 500:
                    problem = f"lỗi máy chủ (HTTP {status})"
                elif status != 200:
                    raise RegistryRefused(f"Sổ đăng ký trả lời HTTP {status} cho {url}: {_detail(response)}")
                else:
                    try:
                        return self._check(response.json(), list_page=list_page)
                    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                        problem = f"trả lời không phải JSON hợp lệ ({exc})"
                    except _Garbage as exc:
                        problem = f"trả lời sai cấu trúc: {exc}"
            if attempt == self.max_attempts:
                break
            self.retries.append(f"lần {attempt}: {problem}; thử lại sau {wait:g} s")
            self._sleep(wait)
        raise RegistryUnavailable(
            f"Không đọc được sổ đăng ký sau {self.max_attempts} lần thử ({url}): {problem}. "
            "Sẽ thử lại ở lượt sau; không sản phẩm nào bị gỡ."
        )


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:300]
    if isinstance(body, dict) and "detail" in body:
        return str(body["detail"])[:300]
    return str(body)[:300]
