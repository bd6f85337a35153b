"""The user's configuration: one TOML file (``kfin-tui config --path`` prints where).

A missing file means the defaults. A file that does not parse, or a key of the wrong type, raises
:class:`ConfigError` whose message names the file, the line and the key — never a traceback.
Readers call :func:`load_config`; writers (``feeds add``, the watchlist's ``w``) call
:func:`edit_config`, which keeps the user's comments and layout (tomlkit) and replaces the file
atomically.

Keys::

    archive = "~/news/source/_posts"   # fetch writes here; the reader opens it when no PATH is given
    rsshub = "https://rsshub.app"      # base URL for RSSHub routes (``url = "/cls/telegraph"``)
    watch = ["宁德时代", "600519"]       # watched companies: name, alias or ticker

    [reader]
    read_after = 1.5                   # seconds an article stays open before it counts as read
    fetch_every = 0                    # minutes between automatic fetches in the reader (0: never)

    [keys]                             # action = "key" or ["key", "key"]: overrides the defaults
    quit = "q"

    [[feeds]]
    name = "财联社电报"
    url = "/cls/telegraph"
    section = "金融"
    site = "财联社"
    feed = "电报"
    interval = 10                      # minutes, optional
    enabled = true                     # optional
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .paths import config_file

DEFAULT_RSSHUB = "https://rsshub.app"


class ConfigError(Exception):
    """A config file that cannot be used; ``str()`` is one line for the user."""


@dataclass(frozen=True)
class FeedConfig:
    name: str
    url: str
    section: str = ""
    site: str = ""
    feed: str = ""
    interval: float | None = None  # minutes
    enabled: bool = True


@dataclass(frozen=True)
class ReaderConfig:
    read_after: float = 1.5
    fetch_every: float = 0.0


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file it was read from (None: defaults)
    archive: Path | None = None
    rsshub: str = DEFAULT_RSSHUB
    watch: tuple[str, ...] = ()
    reader: ReaderConfig = field(default_factory=ReaderConfig)
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    feeds: tuple[FeedConfig, ...] = ()


# ---------------------------------------------------------------------------------------- reading

_TYPES: dict[type, str] = {str: "a string", bool: "true or false", float: "a number", list: "a list"}


def _line_of(text: str, key: str, table: str | None = None, nth: int = 0) -> int | None:
    """The line (1-based) where ``key =`` is written, inside the ``nth`` ``[table]`` / ``[[table]]``."""
    lines = text.splitlines()
    start, seen = 0, -1
    if table is not None:
        header = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}\s*\]\]?\s*(#.*)?$")
        for i, line in enumerate(lines):
            if header.match(line):
                seen += 1
                if seen == nth:
                    start = i
                    break
        else:
            return None
    key_re = re.compile(rf'^\s*("?){re.escape(key)}\1\s*=')
    for i in range(start, len(lines)):
        if i > start and table is not None and lines[i].lstrip().startswith("["):
            break
        if table is None and lines[i].lstrip().startswith("["):
            break
        if key_re.match(lines[i]):
            return i + 1
    return start + 1 if table is not None else None


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text

    def fail(self, key: str, problem: str, table: str | None = None, nth: int = 0) -> ConfigError:
        line = _line_of(self.text, key.rsplit(".", 1)[-1], table, nth)
        where = f"{self.path}" + (f", line {line}" if line else "")
        return ConfigError(f"kfin-tui: config {where}: {key}: {problem}")

    def get(self, data: dict[str, Any], key: str, kind: type, label: str,
            table: str | None = None, nth: int = 0) -> Any:
        if key not in data:
            return None
        value = data[key]
        ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value, ok = float(value), True
        if not ok:
            raise self.fail(label, f"expected {_TYPES[kind]}, got {type(value).__name__} {value!r}", table, nth)
        return value


def parse_config(text: str, path: Path) -> Config:
    """A :class:`Config` from TOML text (``path`` is only named in messages)."""
    if sys.version_info >= (3, 11):  # (here: the reader without a config file never loads the parser)
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"kfin-tui: config {path}: not valid TOML: {exc}") from None
    r = _Reader(path, text)
    known = {"archive", "rsshub", "watch", "reader", "keys", "feeds"}
    for key in data:
        if key not in known:
            raise r.fail(key, f"unknown key (known: {', '.join(sorted(known))})")
    archive = r.get(data, "archive", str, "archive")
    rsshub = r.get(data, "rsshub", str, "rsshub") or DEFAULT_RSSHUB
    if not re.match(r"^https?://", rsshub, re.ASCII):
        raise r.fail("rsshub", f"expected an http(s) URL, got {rsshub!r}")
    watch = r.get(data, "watch", list, "watch") or []
    for item in watch:
        if not isinstance(item, str):
            raise r.fail("watch", f"expected a list of strings, got {item!r}")
    reader = ReaderConfig()
    rd = data.get("reader", {})
    if not isinstance(rd, dict):
        raise r.fail("reader", "expected a table")
    for key in rd:
        if key not in ("read_after", "fetch_every"):
            raise r.fail(f"reader.{key}", "unknown key (known: fetch_every, read_after)", "reader")
    read_after = r.get(rd, "read_after", float, "reader.read_after", "reader")
    fetch_every = r.get(rd, "fetch_every", float, "reader.fetch_every", "reader")
    for label, value in (("reader.read_after", read_after), ("reader.fetch_every", fetch_every)):
        if value is not None and value < 0:
            raise r.fail(label, "must not be negative", "reader")
    reader = ReaderConfig(read_after=reader.read_after if read_after is None else read_after,
                          fetch_every=reader.fetch_every if fetch_every is None else fetch_every)
    keys: dict[str, tuple[str, ...]] = {}
    kd = data.get("keys", {})
    if not isinstance(kd, dict):
        raise r.fail("keys", "expected a table")
    for action, value in kd.items():
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise r.fail(f"keys.{action}", f"expected a key or a list of keys, got {value!r}", "keys")
        keys[str(action)] = tuple(value)
    feeds: list[FeedConfig] = []
    fd = data.get("feeds", [])
    if not isinstance(fd, list):
        raise r.fail("feeds", "expected [[feeds]] tables")
    names: set[str] = set()
    feed_keys = {"name", "url", "section", "site", "feed", "interval", "enabled"}
    for n, item in enumerate(fd):
        label = f"feeds[{n + 1}]"
        if not isinstance(item, dict):
            raise r.fail("feeds", f"{label} is not a table")
        for key in item:
            if key not in feed_keys:
                raise r.fail(f"{label}.{key}", f"unknown key (known: {', '.join(sorted(feed_keys))})", "feeds", n)
        values = {k: r.get(item, k, str, f"{label}.{k}", "feeds", n)
                  for k in ("name", "url", "section", "site", "feed")}
        for k in ("name", "url"):
            if not values[k]:
                raise r.fail(f"{label}.{k}", "is required", "feeds", n)
        if values["name"] in names:
            raise r.fail(f"{label}.name", f"another feed is already named {values['name']!r}", "feeds", n)
        names.add(values["name"])
        interval = r.get(item, "interval", float, f"{label}.interval", "feeds", n)
        if interval is not None and interval <= 0:
            raise r.fail(f"{label}.interval", "must be a positive number of minutes", "feeds", n)
        enabled = r.get(item, "enabled", bool, f"{label}.enabled", "feeds", n)
        feeds.append(FeedConfig(name=values["name"], url=values["url"], section=values["section"] or "",
                                site=values["site"] or "", feed=values["feed"] or "", interval=interval,
                                enabled=True if enabled is None else enabled))
    return Config(path=path, archive=Path(archive).expanduser() if archive else None, rsshub=rsshub.rstrip("/"),
                  watch=tuple(watch), reader=reader, keys=keys, feeds=tuple(feeds))


def load_config(path: Path | None = None) -> Config:
    """The config at ``path`` (default: :func:`kfin_tui.paths.config_file`); defaults when missing."""
    path = config_file() if path is None else path
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise ConfigError(f"kfin-tui: config {path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"kfin-tui: config {path}: not UTF-8 (byte {exc.start})") from None
    return parse_config(text, path)


# ---------------------------------------------------------------------------------------- writing

@contextmanager
def edit_config(path: Path | None = None) -> Iterator[Any]:
    """Yield the config as a tomlkit document to change in place; on a clean exit the result is
    checked with :func:`parse_config` (a bad edit raises ConfigError and writes nothing) and
    written atomically (temporary file in the same folder, then rename)."""
    import tomlkit

    path = config_file() if path is None else path
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        text = ""
    try:
        doc = tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as exc:
        raise ConfigError(f"kfin-tui: config {path}: not valid TOML: {exc}") from None
    yield doc
    new = tomlkit.dumps(doc)
    parse_config(new, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(new)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
