"""``run_fetch``: every enabled feed fetched concurrently, its new items written to the archive.

The core API for the command line and the reader (no Textual): call it from a worker thread; it
runs its own event loop, reports each finished feed to ``progress`` (called on that thread) and
returns one :class:`FeedResult` per feed. One feed's failure never stops the others. Only one fetch
runs at a time per state folder (a lock file); a second one gets :class:`FetchBusy`.

Order of work per feed, chosen so that a fetch killed at any point loses nothing and duplicates
nothing: fetch → parse → write each new item (temporary file, then link) → record the items and
the folder's mtime → only then keep the response's ETag/Last-Modified. Killed before the last
step, the next run fetches the feed again and skips what the folder already holds.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

import httpx

from ..config import Config, FeedConfig
from .fetchstate import FetchState, state_file
from .http import FetchError, FetchOptions, get_feed, make_client
from .parse import FeedItem, FeedParseError, parse_feed
from .write import NewFiles, render, safe_component, sweep_temporaries

log = logging.getLogger(__name__)

Status = Literal["new", "unchanged", "error"]


@dataclass(frozen=True)
class FeedResult:
    name: str
    status: Status
    new_paths: tuple[Path, ...] = ()
    error: str = ""  # why, when status is "error" (one line)
    url: str = ""
    folder: Path | None = None
    items: int = 0  # items in the document (0 on 304)
    not_modified: bool = False  # the server said 304
    warning: str = ""  # e.g. the XML was repaired
    seconds: float = 0.0
    tries: int = 0


@dataclass(frozen=True)
class FetchProgress:
    done: int
    total: int
    result: FeedResult


ProgressCallback = Callable[[FetchProgress], None]


class FetchSetupError(Exception):
    """The fetch cannot start (no archive, unknown feed name); ``str()`` is one line."""


class FetchBusy(FetchSetupError):
    """Another fetch holds the lock."""


def feed_url(feed: FeedConfig, rsshub: str) -> str:
    """A feed's URL: RSSHub routes (``/cls/telegraph``) are joined to the ``rsshub`` base."""
    url = feed.url.strip()
    if url.startswith("/"):
        return rsshub.rstrip("/") + url
    if "://" not in url:
        return rsshub.rstrip("/") + "/" + url
    return url


def feed_parts(feed: FeedConfig) -> list[str]:
    """``[section, site, feed]`` as path components (safe, never empty: a feed without them goes
    to a folder named after it)."""
    parts = [p for p in (feed.section, feed.site, feed.feed) if p.strip()]
    return [safe_component(p, "feed") for p in parts] or [safe_component(feed.name, "feed")]


def feed_folder(archive: Path, feed: FeedConfig) -> Path:
    return archive.joinpath(*feed_parts(feed))


@contextlib.contextmanager
def fetch_lock(folder: Path) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fetch.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no lock
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise FetchBusy("another kfin-tui fetch is running (it holds "
                            f"{path}); try again when it is done") from None
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@dataclass
class _Run:
    config: Config
    archive: Path
    state: FetchState
    opts: FetchOptions
    progress: ProgressCallback | None
    total: int
    done: int = 0
    hosts: dict[str, asyncio.Semaphore] = field(default_factory=dict)


def select_feeds(config: Config, names: list[str] | None) -> list[FeedConfig]:
    """The enabled feeds, or the named ones (enabled or not); unknown names raise."""
    if not names:
        return [f for f in config.feeds if f.enabled]
    by_name = {f.name: f for f in config.feeds}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        known = ", ".join(by_name) or "none: kfin-tui feeds add cls/telegraph"
        raise FetchSetupError(f"no feed named {', '.join(map(repr, unknown))} (feeds: {known})")
    return [by_name[n] for n in dict.fromkeys(names)]


def run_fetch(config: Config, names: list[str] | None = None, progress: ProgressCallback | None = None,
              *, archive: Path | None = None, state_path: Path | None = None,
              options: FetchOptions | None = None) -> list[FeedResult]:
    """Fetch the enabled feeds of ``config`` (or those ``names``) into its archive.

    Raises :class:`FetchSetupError` when there is no archive or a name is unknown, and
    :class:`FetchBusy` when another fetch runs; every feed-level problem is a result instead."""
    archive = archive or config.archive
    if archive is None:
        raise FetchSetupError("no archive folder to write to: set `archive = \"~/news\"` in the config "
                              "(kfin-tui config --path shows where it is)")
    feeds = select_feeds(config, names)
    path = state_path or state_file()
    with fetch_lock(path.parent):
        state = FetchState(path)
        try:
            run = _Run(config, Path(archive).expanduser(), state, options or FetchOptions(), progress, len(feeds))
            return asyncio.run(_fetch_all(run, feeds))
        finally:
            state.close()


async def _fetch_all(run: _Run, feeds: list[FeedConfig]) -> list[FeedResult]:
    if not feeds:
        return []
    limit = asyncio.Semaphore(max(run.opts.concurrency, 1))
    async with make_client(run.opts) as client:
        async def one(feed: FeedConfig) -> FeedResult:
            async with limit:
                result = await _fetch_one(run, client, feed)
            run.done += 1
            if run.progress is not None:
                try:
                    run.progress(FetchProgress(run.done, run.total, result))
                except Exception as exc:  # noqa: BLE001 - a broken callback must not stop the fetch
                    log.warning("fetch progress callback failed: %s", exc)
            return result

        return list(await asyncio.gather(*(one(f) for f in feeds)))


async def _fetch_one(run: _Run, client: httpx.AsyncClient, feed: FeedConfig) -> FeedResult:
    """One feed, whatever happens: an unexpected failure (a URL httpx cannot read, a locked state
    database) is this feed's error result, never the end of the others."""
    try:
        return await _fetch_feed(run, client, feed)
    except Exception as exc:  # one feed's surprise must not stop the others
        log.debug("fetch %s failed", feed.name, exc_info=True)
        return FeedResult(feed.name, "error", error=f"{type(exc).__name__}: {exc}", url=feed.url)


async def _fetch_feed(run: _Run, client: httpx.AsyncClient, feed: FeedConfig) -> FeedResult:
    started = time.monotonic()
    url = feed_url(feed, run.config.rsshub)
    folder = feed_folder(run.archive, feed)

    def error(reason: str, tries: int = 0) -> FeedResult:
        run.state.record(feed.name, url, "error", error=reason)
        return FeedResult(feed.name, "error", error=reason, url=url, folder=folder,
                          seconds=time.monotonic() - started, tries=tries)

    host = httpx.URL(url).host if "://" in url else ""
    sem = run.hosts.setdefault(host, asyncio.Semaphore(max(run.opts.per_host, 1)))
    etag, modified = run.state.validators(feed.name, url)
    if not folder.is_dir():  # the folder was removed (or never made): start it over
        etag = modified = None
        run.state.forget(folder)
    try:
        async with sem:
            resp = await get_feed(client, url, etag, modified, run.opts)
    except FetchError as exc:
        return error(str(exc), run.opts.retries + 1)
    except Exception as exc:  # noqa: BLE001 - one feed's surprise must not stop the others
        return error(f"{type(exc).__name__}: {exc}")
    if resp.status == 304:
        run.state.record(feed.name, url, "unchanged", 0, etag=resp.etag or etag,
                         last_modified=resp.last_modified or modified)
        return FeedResult(feed.name, "unchanged", url=url, folder=folder, not_modified=True,
                          seconds=time.monotonic() - started, tries=resp.tries)
    try:
        parsed = await asyncio.to_thread(parse_feed, resp.body, resp.url)
    except FeedParseError as exc:
        return error(str(exc), resp.tries)
    except Exception as exc:  # noqa: BLE001 - the parser met something it could not handle
        return error(f"not a feed: {type(exc).__name__}: {exc}", resp.tries)
    try:
        paths = _write_items(run, feed, folder, parsed.items)
    except OSError as exc:
        return error(f"cannot write to {exc.filename or folder}: {exc.strerror or exc}", resp.tries)
    status: Status = "new" if paths else "unchanged"
    run.state.record(feed.name, url, status, len(paths), etag=resp.etag, last_modified=resp.last_modified)
    return FeedResult(feed.name, status, tuple(paths), url=url, folder=folder, items=len(parsed.items),
                      warning=parsed.warning, seconds=time.monotonic() - started, tries=resp.tries)


_FAR = datetime.max.replace(tzinfo=timezone.utc)


def _write_items(run: _Run, feed: FeedConfig, folder: Path, items: list[FeedItem]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    sweep_temporaries(folder, older_than=0.0)  # we hold the fetch lock: any left is a killed run's
    seen = run.state.seen(folder)
    categories = feed_parts(feed)
    fetched = datetime.now(timezone.utc)
    batch = NewFiles(folder)
    keys: list[str] = []
    # oldest first (feeds list newest first), so that equal titles number in publication order
    order = sorted(range(len(items)), key=lambda i: (items[i].date or _FAR, -i))  # ties: later in the feed first
    try:
        for item in (items[i] for i in order):
            key = item.dedupe_key
            if key in seen:
                continue
            seen.add(key)
            batch.add(item.title, render(item, categories, fetched))
            keys.append(key)
        paths = batch.commit()
    except BaseException:
        # files named before a failure are not recorded here, but the folder's mtime changed:
        # the next run reads it again and skips them
        batch.discard()
        raise
    if paths:
        run.state.add_seen(folder, list(zip(keys, paths)))
    return paths[::-1]
