"""One conditional GET of a feed, with httpx: timeouts, retries with backoff, a size cap.

httpx rather than aiohttp: one client with both a sync and an async API (the reader's worker
thread and the CLI share this code), per-phase timeouts, transparent gzip/deflate, redirects, and
streaming so that the size cap stops reading at the cap instead of after the whole body.
"""
from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from .. import __version__

USER_AGENT = f"kfin-tui/{__version__} (+feed reader; conditional GET)"
ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 20.0  # seconds for one request, whole (connect + every byte)
    retries: int = 2  # more tries after the first, on 5xx, 429, timeouts and broken connections
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_bytes: int = 10 * 1024 * 1024  # decoded body size cap
    concurrency: int = 8  # feeds fetched at once
    per_host: int = 2  # requests at once to one host (an RSSHub instance serves most feeds)
    max_redirects: int = 5


class FetchError(Exception):
    """A feed that could not be fetched; ``str()`` is one line for the user."""


@dataclass(frozen=True)
class HttpResult:
    status: int  # 200, or 304 (not modified)
    body: bytes
    url: str  # after redirects
    etag: str | None
    last_modified: str | None
    tries: int = 1


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


class _Retry(Exception):
    def __init__(self, reason: str, after: float | None = None) -> None:
        super().__init__(reason)
        self.after = after


def _retry_after(value: str | None) -> float | None:
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


async def _once(client: httpx.AsyncClient, url: str, headers: dict[str, str], opts: FetchOptions) -> HttpResult:
    async with client.stream("GET", url, headers=headers) as resp:
        if resp.status_code == 304:
            return HttpResult(304, b"", str(resp.url), resp.headers.get("etag"), resp.headers.get("last-modified"))
        if resp.status_code >= 500 or resp.status_code == 429:
            raise _Retry(f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip(),
                         _retry_after(resp.headers.get("retry-after")))
        if resp.status_code >= 400:
            raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
        if resp.status_code != 200:
            raise FetchError(f"unexpected HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
        length = resp.headers.get("content-length")
        if length and length.isdigit() and int(length) > opts.max_bytes and "content-encoding" not in resp.headers:
            raise FetchError(f"feed too large: {_mb(int(length))} (the cap is {_mb(opts.max_bytes)})")
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.aiter_bytes():  # decoded: the cap also stops a gzip bomb
            size += len(chunk)
            if size > opts.max_bytes:
                raise FetchError(f"feed too large: over the {_mb(opts.max_bytes)} cap")
            chunks.append(chunk)
        return HttpResult(200, b"".join(chunks), str(resp.url), resp.headers.get("etag"),
                          resp.headers.get("last-modified"))


async def get_feed(client: httpx.AsyncClient, url: str, etag: str | None = None, last_modified: str | None = None,
                   opts: FetchOptions | None = None,
                   sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> HttpResult:
    """GET ``url`` conditionally. Raises :class:`FetchError` with the reason after the last try."""
    opts = opts or FetchOptions()
    headers = {"Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    tries = opts.retries + 1
    reason = ""
    for attempt in range(tries):
        after: float | None = None
        try:
            result = await asyncio.wait_for(_once(client, url, headers, opts), opts.timeout)
            return HttpResult(result.status, result.body, result.url, result.etag, result.last_modified,
                              attempt + 1)
        except _Retry as exc:
            reason, after = str(exc), exc.after
        except (asyncio.TimeoutError, httpx.TimeoutException):
            reason = f"timed out after {opts.timeout:g} s"
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {opts.max_redirects} redirects") from None
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(f"unsupported URL: {exc}") from None
        except (httpx.DecodingError, httpx.InvalidURL) as exc:
            raise FetchError(f"bad response: {exc}") from None
        except httpx.TransportError as exc:
            reason = f"connection failed: {exc or type(exc).__name__}"
        if attempt + 1 < tries:
            delay = opts.backoff * (2 ** attempt)
            if after is not None:
                delay = max(delay, min(after, 60.0))
            await sleep(delay)
    suffix = f" (after {tries} tries)" if tries > 1 else ""
    raise FetchError(reason + suffix)


def make_client(opts: FetchOptions) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=max(opts.concurrency, 1), max_keepalive_connections=max(opts.concurrency, 1))
    return httpx.AsyncClient(
        follow_redirects=True, max_redirects=opts.max_redirects, limits=limits,
        timeout=httpx.Timeout(opts.timeout), headers={"User-Agent": USER_AGENT},
        trust_env=True,
    )
