"""A polite HTTP client for harvesting museum servers, with an on-disk conditional cache.

Why hand-written and not hishel (on PyPI, 2.0): all a harvest needs is "re-ask for a page
with If-None-Match / If-Modified-Since and re-use the stored body on 304". hishel would add
a dependency (and its lock entries) with a freshly changed 2.x API and heuristic freshness
rules we would have to switch off: a harvest must always ask the server, never trust a
max-age, or it would miss a changed record. The cache below is two files per URL.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from assistant.errors import MuseumQAError
from assistant.settings import Settings

RETRY_STATUSES = {429, 500, 502, 503, 504}
# Linked Art and IIIF servers negotiate: asked for HTML (a browser's default) some send the
# object's web page instead of its record.
ACCEPT = "application/ld+json, application/json;q=0.9, application/xml;q=0.8, */*;q=0.5"


class HarvestError(MuseumQAError):
    """A URL could not be fetched or is not what was asked for (the message names it)."""


@dataclass(frozen=True)
class Fetched:
    """One page: its body, and whether the server said it was unchanged (304)."""

    url: str
    body: bytes
    from_cache: bool


@dataclass
class FetchStats:
    """What a harvest cost the server and the network (for the report and the benchmark)."""

    requests: int = 0
    not_modified: int = 0
    retries: int = 0
    bytes_received: int = 0


def user_agent(contact: str) -> str:
    """``museum-qa/VERSION (+CONTACT)``: who is asking, so a museum can reach them."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        mine = version("museum-qa")
    except PackageNotFoundError:  # pragma: no cover - run from a checkout without install
        mine = "dev"
    return f"museum-qa/{mine} (+{contact or 'museum Q&A assistant; harvester'})"


class Cache:
    """Bodies and validators (ETag, Last-Modified) of fetched pages, one pair of files a URL."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def validators(self, url: str) -> dict[str, str]:
        """Conditional-request headers for ``url``, or none when nothing usable is stored."""
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not body_path.is_file() or meta.get("url") != url:
            return {}
        headers = {}
        if meta.get("etag"):
            headers["If-None-Match"] = meta["etag"]
        if meta.get("last_modified"):
            headers["If-Modified-Since"] = meta["last_modified"]
        return headers

    def body(self, url: str) -> bytes | None:
        """The stored body of ``url`` (None if it has gone)."""
        try:
            return self._paths(url)[1].read_bytes()
        except OSError:
            return None

    def store(self, url: str, response: httpx.Response) -> None:
        """Keep a 200 reply that carries a validator; others cannot be revalidated."""
        etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        if not (etag or modified):
            return
        meta_path, body_path = self._paths(url)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Body first, then its validators, each by rename: a cut-off write never pairs
            # an old ETag with a new body (the worst case is one unconditional re-fetch).
            _write_atomic(body_path, response.content)
            meta = {"url": url, "etag": etag, "last_modified": modified}
            _write_atomic(meta_path, json.dumps(meta).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written costs a full fetch next time, nothing more


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class PoliteClient:
    """GETs with timeouts, retries with backoff, a pause between requests and revalidation."""

    def __init__(
        self,
        settings: Settings,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.settings = settings
        self.cache = Cache(settings.http_cache_path)
        self.stats = FetchStats()
        self._sleep = sleep
        self._last: dict[str, float] = {}  # host -> monotonic time of its last request
        timeout = settings.harvest_timeout
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"User-Agent": user_agent(settings.harvest_contact), "Accept": ACCEPT},
            follow_redirects=True,
            transport=transport,
        )

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.close()

    def get(self, url: str, params: dict[str, str] | None = None) -> Fetched:
        """The body at ``url``; a 304 re-uses the cached one. Raises ``HarvestError``."""
        # Merged, not replaced: an endpoint's own query (an API key) stays in every request.
        full = str(httpx.URL(url).copy_merge_params(params)) if params else url
        for attempt in range(self.settings.harvest_retries + 1):
            response = self._request(full, attempt)
            if response is None:
                continue  # a timeout or lost connection, retried
            if response.status_code == 304:
                cached = self.cache.body(full)
                if cached is not None:
                    self.stats.not_modified += 1
                    return Fetched(full, cached, True)
                continue  # the cached body vanished: ask again, unconditionally
            if response.status_code in RETRY_STATUSES:
                self._wait_to_retry(full, response, attempt)
                continue
            if response.status_code >= 400:
                raise HarvestError(f"{full} answered {_status(response)}")
            self.cache.store(full, response)
            return Fetched(full, response.content, False)
        # Failures raise on the last attempt; only a 304 for a body gone from the cache ends here.
        raise HarvestError(
            f"{full}: no usable reply after {self.settings.harvest_retries + 1} tries"
        )

    def _request(self, url: str, attempt: int) -> httpx.Response | None:
        """One request (after the polite pause); None for a failure worth retrying."""
        self._pause(url)
        headers = self.cache.validators(url)
        self.stats.requests += 1
        try:
            response = self._http.get(url, headers=headers)
        except httpx.TimeoutException as exc:
            why = f"no reply within {self.settings.harvest_timeout:g} s ({type(exc).__name__})"
            self._transport_failed(url, attempt, why)
            return None
        except httpx.TransportError as exc:
            what = "cannot connect" if isinstance(exc, httpx.ConnectError) else "connection lost"
            self._transport_failed(url, attempt, f"{what}: {str(exc) or type(exc).__name__}")
            return None
        except httpx.HTTPError as exc:  # too many redirects, a malformed URL: not worth retrying
            raise HarvestError(f"{url}: {str(exc) or type(exc).__name__}") from exc
        finally:
            self._last[urlsplit(url).netloc] = time.monotonic()
        self.stats.bytes_received += response.num_bytes_downloaded
        return response

    def _transport_failed(self, url: str, attempt: int, why: str) -> None:
        """Raise on the last attempt; otherwise wait before the next one."""
        if attempt >= self.settings.harvest_retries:
            raise HarvestError(
                f"{url}: {why} (tried {attempt + 1} times). Is the server up and the URL "
                "right? Records already read in this run were kept; run the same command again"
            )
        self.stats.retries += 1
        self._sleep(self.settings.harvest_backoff * 2**attempt)

    def _wait_to_retry(self, url: str, response: httpx.Response, attempt: int) -> None:
        asked = retry_after(response.headers.get("Retry-After"))
        wait = asked if asked is not None else self.settings.harvest_backoff * 2**attempt
        if attempt >= self.settings.harvest_retries or wait > self.settings.harvest_max_wait:
            later = f"; it asks to wait {wait:.0f} s" if asked is not None else ""
            raise HarvestError(
                f"{url} answered {_status(response)} (tried {attempt + 1} times{later}). "
                "Records already read in this run were kept; try again later"
            )
        self.stats.retries += 1
        self._sleep(wait)

    def _pause(self, url: str) -> None:
        """Wait until ``harvest_delay`` has passed since the last request to this server."""
        last = self._last.get(urlsplit(url).netloc)
        if last is not None:
            left = self.settings.harvest_delay - (time.monotonic() - last)
            if left > 0:
                self._sleep(left)


def _status(response: httpx.Response) -> str:
    return f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
