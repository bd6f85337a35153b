"""A stable identity for an article, so that its read/starred marks follow it.

An article is known by a **key** and a **content hash**:

- the key is the front matter's ``guid`` (``guid:…``), else its ``link`` (``link:…``) — fetched
  articles carry both — else the file's path relative to the archive root (``path:…``);
- the hash is a digest of the file's bytes, so that a file moved or renamed inside the archive
  keeps its marks (the key changed, the hash did not).

Marks are looked up by key first, then by hash (see :mod:`kfin_tui.state.store`).

The loaded :class:`~kfin_tui.articles.model.Article` has no ``guid``/``link`` field, so they are
read here from the raw front matter (:func:`front_matter_ids`). Computing an identity reads the
file; :class:`IdentityCache` keeps them per folder in the *cache* folder, keyed by relative path,
size and modification time — it is derived data: deleting the cache costs a re-read, never a mark.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HEAD_BYTES = 16384  # the front matter is at the top: guid/link are looked for in this much


@dataclass(frozen=True)
class Identity:
    key: str  # "guid:…", "link:…" or "path:<relative path>"
    hash: str  # blake2b of the file's bytes (hex), "" when unknown

    @property
    def by_path(self) -> bool:
        return self.key.startswith("path:")


_FM_LINE = re.compile(r"^(guid|link)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE | re.ASCII)


def front_matter_ids(text: str) -> dict[str, str]:
    """``{"guid": …, "link": …}`` (those present, non-empty) from the front matter at the top of
    ``text``; {} when there is none. Parsed with the loader's YAML reader, so quoting works as in
    the rest of the program; a front matter YAML refuses is read line by line."""
    from ..articles import frontmatter

    if "guid" not in text and "link" not in text:
        return {}
    parts = frontmatter.split(text)
    if parts is None:
        return {}
    fields, _ = frontmatter.parse(parts[0])
    out: dict[str, str] = {}
    for name in ("guid", "link"):
        value = fields.get(name)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            value = str(value).strip()
            if value:
                out[name] = value
    return out


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def db_text(text: str) -> str:
    """``text`` as it can be stored and compared: a path decoded from a non-UTF-8 file or folder
    name holds lone surrogates (``os.fsdecode``), which SQLite and JSON-as-UTF-8 refuse; their bytes
    are written as ``\\xNN`` instead. Names that are valid UTF-8 are unchanged."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def rel_path(path: str | Path, root: str | Path) -> str:
    """``path`` relative to ``root`` with ``/`` separators (the path itself when outside it)."""
    p, r = str(path), str(root)
    rel = os.path.relpath(p, r) if os.path.isabs(p) == os.path.isabs(r) else p
    if rel.startswith(".."):
        rel = os.path.abspath(p)
    return rel.replace(os.sep, "/") if os.sep != "/" else rel


def identity_of_bytes(data: bytes, rel: str) -> Identity:
    """The identity of a file's content ``data`` found at ``rel`` (relative to the archive root)."""
    head = data[:HEAD_BYTES].decode("utf-8", "replace").lstrip("\ufeff")
    ids = front_matter_ids(head)
    if "guid" in ids:
        key = "guid:" + ids["guid"]
    elif "link" in ids:
        key = "link:" + ids["link"]
    else:
        key = path_key(rel)
    return Identity(key, content_hash(data))


def identity_of_file(path: str | Path, root: str | Path) -> Identity | None:
    """The identity of the file at ``path``; None when it cannot be read."""
    try:
        with open(path, "rb") as fh:  # read-only, always
            data = fh.read()
    except OSError:
        return None
    return identity_of_bytes(data, rel_path(path, root))


_ENTRY = struct.Struct("<qq16s")  # size, mtime_ns, blake2b digest of the bytes: an entry of the cache
_STAT = struct.Struct("<qq")  # an entry's first part
PAUSE_EVERY = 4096  # rows between two calls of a whole-archive pass's pause (~5 ms of work)


def path_key(rel: str) -> str:
    """The key of a file known by its place in the archive (no guid, no link)."""
    return "path:" + db_text(rel)


class IdentityCache:
    """Identities of one folder's files, by (relative path, size, mtime_ns), kept in one file in
    the cache folder (a ``marshal`` blob: 100,000 entries load in a few tens of milliseconds,
    where rows from SQLite took ten times that). Written whole and atomically (temporary file,
    then rename) when something was added; two instances writing at once cost a re-read at worst.
    Every failure (read-only, damaged or foreign file) degrades to no cache: it is derived data.

    Compact in memory, as it lives as long as the reader: an entry is one 32-byte ``bytes``
    (size, mtime, digest) under its relative path, and a key is kept only where it is not the
    path's (a guid or a link); :class:`Identity` objects are made when asked for. 100,000 entries
    hold ~25 MB (a tuple of four with a hex digest and the key spelled out held ~70 MB)."""

    VERSION = 2  # 1: rel -> (size, mtime_ns, key, hex hash); read and converted

    def __init__(self, root: Path | str, cache: Path | str | None = None) -> None:
        from ..paths import cache_dir

        self.root = Path(root)
        key = hashlib.sha1(str(self.root.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:20]
        self.path = Path(cache if cache is not None else cache_dir()) / "identity" / f"{key}.marshal"
        self._mem: dict[str, bytes] = {}  # rel -> _ENTRY
        self._keys: dict[str, str] = {}  # rel -> key, where it is not path_key(rel)
        self._loaded = False
        self._dirty = False
        self._lock = threading.Lock()
        self._prefix = str(self.root).rstrip(os.sep) + os.sep

    def rel(self, path: str) -> str:
        """``path`` relative to the root, as the cache keys it."""
        return self._rel(path)

    def _rel(self, path: str) -> str:
        if path.startswith(self._prefix):  # the usual case, ~10x faster than os.path.relpath
            rel = path[len(self._prefix):]
            return rel.replace(os.sep, "/") if os.sep != "/" else rel
        return rel_path(path, self.root)

    def _load(self) -> None:
        with self._lock:
            if self._loaded:
                return
            self._loaded = True
            try:
                with open(self.path, "rb") as fh:
                    data = marshal.loads(fh.read())  # load(fh) reads in small pieces: ~20x slower
            except (OSError, EOFError, ValueError, TypeError):
                return
            if not isinstance(data, tuple) or not data:
                return
            if data[0] == self.VERSION and len(data) == 3 and isinstance(data[1], dict) and isinstance(data[2], dict):
                mem, keys = data[1], data[2]
                size = _ENTRY.size
                if all(type(v) is bytes and len(v) == size for v in mem.values()) and \
                        all(type(k) is str and type(v) is str for k, v in keys.items()):
                    self._mem, self._keys = mem, keys  # (else another format: no cache)
            elif data[0] == 1 and len(data) == 2 and isinstance(data[1], dict):
                self._convert_v1(data[1])

    def _convert_v1(self, old: dict) -> None:
        for rel, hit in old.items():
            try:
                size, mtime, key, digest = hit
                if type(rel) is not str or type(key) is not str:
                    continue
                self._mem[rel] = _ENTRY.pack(size, mtime, bytes.fromhex(digest))
            except (TypeError, ValueError, struct.error):
                continue
            if key != path_key(rel):
                self._keys[rel] = str(key)
        self._dirty = True

    def _cached(self, rel: str, stat: tuple[int, int] | None) -> Identity | None:
        """The cached identity of ``rel``: when its size and mtime are ``stat`` (any, if None)."""
        hit = self._mem.get(rel)
        if type(hit) is not bytes or len(hit) != _ENTRY.size:
            return None
        size, mtime, digest = _ENTRY.unpack(hit)
        if stat is not None and (size != stat[0] or mtime != stat[1]):
            return None
        return Identity(self._keys.get(rel) or path_key(rel), digest.hex())

    def get(self, path: str | Path, known: dict[str, tuple[int, int]] | None = None) -> Identity | None:
        """The identity of the file at ``path`` (absolute, below the root): from the cache when its
        size and mtime are unchanged, else read now (and remembered). None when unreadable.
        ``known``: relative path → (size, mtime_ns) as the index last saw them (saves a stat)."""
        if not self._loaded:
            self._load()
        path = str(path)
        rel = self._rel(path)
        stat = known.get(rel) if known is not None else None
        if stat is None:
            try:
                st = os.stat(path)
            except OSError:
                return None
            stat = (st.st_size, st.st_mtime_ns)
        made = self._cached(rel, stat)
        if made is not None:
            return made
        try:
            with open(path, "rb") as fh:  # read-only, always
                data = fh.read()
        except OSError:
            return None
        if known is not None:  # the index's size/mtime may be older than the file: take the file's
            try:
                st = os.stat(path)
                stat = (st.st_size, st.st_mtime_ns)
            except OSError:
                return None
        ident = identity_of_bytes(data, rel)
        self._mem[rel] = _ENTRY.pack(stat[0], stat[1], bytes.fromhex(ident.hash))
        if ident.key != path_key(rel):
            self._keys[rel] = ident.key
        else:
            self._keys.pop(rel, None)
        self._dirty = True
        return ident

    def check(self, rows: list, known: dict[str, tuple[int, int]] | None = None,
              pause: Callable[[], object] | None = None) -> list[tuple[int, str]]:
        """(row id, relative path) of the ``rows`` (``.id``, ``.path``) whose identity is known
        now: the cached ones whose size and mtime are unchanged (compared as packed bytes, no
        object made: ~1 µs a row), the others read now (:meth:`get`). For a whole archive.
        ``pause`` is called every :data:`PAUSE_EVERY` rows (a reader waits there while a keyword
        is typed)."""
        if not self._loaded:
            self._load()
        mem, pack, plen, prefix = self._mem, _STAT.pack, len(self._prefix), self._prefix
        out: list[tuple[int, str]] = []
        add = out.append
        for n, r in enumerate(rows):
            if pause is not None and not n % PAUSE_EVERY:
                pause()
            path = r.path
            rel = path[plen:] if path.startswith(prefix) and os.sep == "/" else self._rel(path)
            stat = known.get(rel) if known is not None else None
            hit = mem.get(rel)
            try:
                same = stat is not None and hit is not None and hit[:16] == pack(*stat)
            except (TypeError, struct.error):  # (the index's stats are integers: never, in practice)
                same = False
            if same or self.get(path, known) is not None:
                add((r.id, rel))
        return out

    def key_of(self, rel: str) -> str:
        """The key of a checked file (:meth:`check`)."""
        return self._keys.get(rel) or path_key(rel)

    def hash_of(self, rel: str) -> str:
        """The content hash of a checked file (:meth:`check`); "" when unknown."""
        hit = self._mem.get(rel)
        return hit[16:].hex() if hit is not None else ""

    def flush(self) -> None:
        """Write the cache if identities were computed since it was read."""
        if not self._dirty:
            return
        self._dirty = False
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                marshal.dump((self.VERSION, dict(self._mem), dict(self._keys)), fh)
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            try:
                os.unlink(tmp)
            except OSError:
                pass

    def close(self) -> None:
        self.flush()
