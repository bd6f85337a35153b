"""Items → articles in the archive's own layout and format, written atomically, never over another.

``<archive>/<section>/<site>/<feed>/<title>.md``: a leading blank line, YAML front matter (``title``,
``categories``, ``author``, ``date`` in RFC 2822, ``headimg``/``thumbnail`` when the item has an
image, ``link``, ``guid``, and the item's own labels as ``tags`` and ``stocks``), then the item's
HTML in a ``<div>`` — what the archive's RSSHub-to-Hexo generator wrote, so the loader reads both
alike.

A file is written to a hidden temporary name in its folder, flushed to disk, then *linked* to its
final name: the link fails when that name exists (a different item with the same title gets
``title (2).md``), so an existing article is never replaced, and a killed fetch leaves at most a
hidden temporary file (swept on the next run), never a partial article.
"""
from __future__ import annotations

import errno
import os
import re
import secrets
import sys
import time
from collections.abc import Iterable
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path

from .parse import FeedItem

NAME_LIMIT = 255  # bytes in one file name (ext4, btrfs, xfs …)
BODY_LIMIT = 2_000_000  # characters of HTML kept (the loader refuses files over 4 MB)
SUFFIX = ".md"
TEMP_PREFIX = ".kfin-fetch-"
TEMP_SUFFIX = ".tmp"

# characters that no file name on Linux, macOS or Windows may hold, controls, and the invisible
# direction/zero-width marks that would make a name lie about itself on screen
_ILLEGAL = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]')
_WINDOWS_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?")
_BODY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def safe_component(text: str, fallback: str = "无标题") -> str:
    """One path component from untrusted text: illegal characters → ``_``, no leading dots or
    spaces (no hidden file, no ``..``), no trailing dots or spaces, never empty."""
    name = _ILLEGAL.sub("_", text)
    name = re.sub(r"\s+", " ", name).strip(" .")
    name = name.lstrip(".")
    if not name or set(name) <= {"_", " ", "."}:
        name = fallback
    if _WINDOWS_RESERVED.fullmatch(name):
        name = "_" + name
    return name


def _cut_bytes(text: str, limit: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore").rstrip(" .")


def file_name(title: str, n: int = 1) -> str:
    """The file name of an item titled ``title``; ``n`` > 1 gives ``title (n).md``. At most
    :data:`NAME_LIMIT` bytes in UTF-8 (a Chinese character is 3 bytes: ~80 of them)."""
    stem = safe_component(title)
    tail = (f" ({n})" if n > 1 else "") + SUFFIX
    stem = _cut_bytes(stem, NAME_LIMIT - len(tail.encode("utf-8"))) or "无标题"
    return stem + tail


def rfc2822(dt: datetime) -> str:
    """``Sun, 20 Feb 2022 11:27:04 GMT``, as the archive writes dates."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return format_datetime(dt.astimezone(timezone.utc).replace(microsecond=0), usegmt=True)


def render(item: FeedItem, categories: list[str], fetched: datetime) -> str:
    """The article text of ``item`` (python-frontmatter writes the front matter with PyYAML's
    safe dumper: every value is quoted or escaped as YAML needs, whatever the feed put in it)."""
    import frontmatter

    meta: dict[str, object] = {
        "title": item.title,
        "categories": list(categories),
        "author": item.author or (categories[1] if len(categories) > 1 else categories[0]),
        "date": rfc2822(item.date or fetched),
    }
    if item.image:
        meta["headimg"] = item.image
        meta["thumbnail"] = item.image
    if item.link:
        meta["link"] = item.link
    if item.guid:
        meta["guid"] = item.guid
    if item.tags:
        meta["tags"] = list(item.tags)
    if item.stocks:
        meta["stocks"] = list(item.stocks)
    body = _BODY_CONTROLS.sub("", item.html[:BODY_LIMIT]).strip()
    post = frontmatter.Post(f"<div>\n{body}\n</div>", None, **meta)
    return "\n" + frontmatter.dumps(post, sort_keys=False, width=10_000) + "\n"


def _temp(folder: Path, data: bytes, fsync: bool) -> Path:
    for _ in range(10):
        tmp = folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if fsync:
                os.fsync(fd)
        except BaseException:
            os.close(fd)
            _unlink(tmp)
            raise
        os.close(fd)
        return tmp
    raise OSError(errno.EEXIST, "no free temporary name", str(folder))


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _publish(tmp: Path, final: Path) -> bool:
    """Give ``tmp`` the name ``final`` unless that name exists; True when done."""
    try:
        os.link(tmp, final)
        return True
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
            raise
    # no hard links here (FAT, some network mounts): claim the name, then move the full file in
    try:
        os.close(os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except FileExistsError:
        return False
    os.replace(tmp, final)
    return True


def _link(folder: Path, tmp: Path, title: str, max_tries: int) -> Path:
    for n in range(1, max_tries + 1):
        final = folder / file_name(title, n)
        if _publish(tmp, final):
            return final
    raise OSError(errno.EEXIST, f"{max_tries} files already named after this title", str(folder))


def _syncfs(folder: Path) -> bool:
    """Flush the file system that holds ``folder`` only (Linux ``syncfs``), not every disk as
    ``sync`` does; False when not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        syncfs = libc.syncfs
    except (OSError, AttributeError):
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        return bool(syncfs(fd) == 0)
    finally:
        os.close(fd)


class NewFiles:
    """New articles of one folder, written as a batch: every text goes to a temporary file, then
    one flush to disk for all (``syncfs``, else ``sync``: 0.07-0.6 s, where an fsync per file costs ~10 ms each —
    8 s for 800 items on the test machine), then each gets its name. A kill at any point leaves
    whole articles and hidden temporaries; a power cut after :meth:`commit` loses nothing."""

    def __init__(self, folder: Path, max_tries: int = 1000) -> None:
        self.folder = folder
        self.max_tries = max_tries
        self.staged: list[tuple[Path, str]] = []
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, title: str, text: str) -> None:
        self.staged.append((_temp(self.folder, text.encode("utf-8"), fsync=False), title))

    def commit(self) -> list[Path]:
        """Name every staged file (in the order added); returns their paths."""
        if not self.staged:
            return []
        if not _syncfs(self.folder):
            if hasattr(os, "sync"):
                os.sync()
            else:  # pragma: no cover - no sync(2): flush each
                for tmp, _ in self.staged:
                    with open(tmp, "rb+") as fh:
                        os.fsync(fh.fileno())
        paths: list[Path] = []
        try:
            for tmp, title in self.staged:
                paths.append(_link(self.folder, tmp, title, self.max_tries))
                _unlink(tmp)
        finally:
            self.discard()
        sync_folder(self.folder)
        return paths

    def discard(self) -> None:
        for tmp, _ in self.staged:
            _unlink(tmp)
        self.staged = []


def write_new(folder: Path, title: str, text: str, max_tries: int = 1000) -> Path:
    """Write ``text`` as a new article named after ``title`` in ``folder``; never replaces a file."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = _temp(folder, text.encode("utf-8"), fsync=True)
    try:
        path = _link(folder, tmp, title, max_tries)
    finally:
        _unlink(tmp)
    sync_folder(folder)
    return path


def sync_folder(folder: Path) -> None:
    """Flush the folder's entries (the new names) to disk."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sweep_temporaries(folder: Path, older_than: float = 600.0) -> int:
    """Remove temporary files a killed fetch left in ``folder`` (not younger ones: another fetch
    may be writing them). Returns how many were removed."""
    removed = 0
    now = time.time()
    try:
        entries: Iterable[os.DirEntry[str]] = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX):
            try:
                if now - entry.stat(follow_symlinks=False).st_mtime >= older_than:
                    os.unlink(entry.path)
                    removed += 1
            except OSError:
                continue
    return removed
