"""Which files under a corpus folder are articles, and the walk that finds them.

The one definition of discovery: recursive, sorted, hidden entries skipped, symlinks followed only
inside the corpus (loops walked once), repository furniture (README, LICENSE …) left out. Standard library only, so that it also
runs as a bare script (``python -S -E kfin_tui/files.py ROOT``): the index stats a 100,000-file
archive in a helper process started in ~15 ms, while it reads its cached rows.
"""
from __future__ import annotations

import marshal
import os
import stat as _stat
import sys
from array import array

TYPE_CHECKING = False  # (no typing, pathlib or hashlib: kfin-tui list forks its check before they load)
if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm"})
# repository furniture that sits beside articles in scraped archives (whole names, so that an
# article called "License plates…" is still read)
NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "manifest", "contributing", "copying"})


def is_article_name(name: str) -> bool:
    low = name.lower()
    dot = low.rfind(".")
    return dot > 0 and low[dot:] in ARTICLE_SUFFIXES and low[:dot] not in NOT_ARTICLES


LEAVES_FOLDER = "symlink leaves the folder (not followed)"
UNREADABLE_FOLDER = "folder cannot be read; its articles are missing"


def real_root(root: str) -> str | None:
    """The corpus root resolved (what :func:`_inside` compares with), or None when it cannot be
    (then no link is held to be leaving it)."""
    try:
        return os.path.realpath(root)
    except (OSError, ValueError):
        return None


def _inside(path: str, top_real: str) -> bool:
    """Whether the symlink ``path`` resolves to ``top_real`` or below it. The one rule of the walk
    and of :func:`folder_fingerprint`: a symlink that does not is no entry of its folder."""
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return False
    return real == top_real or real.startswith(top_real.rstrip(os.sep) + os.sep)


def _scan(folder: str, stat: bool = True, top_real: str | None = None, problems: list | None = None):
    """(files as (path, size, mtime_ns), subfolders) of one folder, both sorted; None if unreadable.
    Without ``stat`` sizes and times are -1 (a cold index stats each file when it reads it).
    With ``top_real`` (the corpus root, resolved), a symlink that resolves outside it is skipped and
    reported in ``problems`` as (path, reason)."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return None
    files, subdirs = [], []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            if top_real is not None and entry.is_symlink() and not _inside(entry.path, top_real):
                if problems is not None and (is_article_name(name) or entry.is_dir()):
                    problems.append((entry.path, LEAVES_FOLDER))
                continue
            if entry.is_dir():
                subdirs.append(entry.path)
                continue
            if is_article_name(name) and entry.is_file():
                if stat:
                    st = entry.stat()
                    files.append((entry.path, st.st_size, st.st_mtime_ns))
                else:
                    files.append((entry.path, -1, -1))
        except OSError:
            continue
    return files, subdirs


def walk(root: Path | str, dirs: list | None = None, stat: bool = True,
         problems: list | None = None) -> Iterator[tuple[str, int, int]]:
    """Yield (path, size, mtime_ns) of every article file below ``root`` in discovery order.

    ``dirs``, when given, receives (folder, mtime_ns, readable) of every folder walked, in the same
    order: what :func:`fingerprint` needs to tell later whether anything changed.

    Symlinks are followed only while they stay inside ``root`` (resolved): a link to a file or a
    folder elsewhere (``passwd.md -> /etc/passwd``) is not an article of this corpus. Such links and
    sub-folders that cannot be read go to ``problems``, when given, as (path, reason)."""
    from pathlib import Path

    root = Path(root)
    if root.is_file():
        st = root.stat()
        yield str(root), st.st_size, st.st_mtime_ns
        return
    top = str(root)  # normalised by Path: os.path.join in scandir then gives what Path would
    top_real = real_root(top)
    dot = top == "."
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError:
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            continue
        seen.add(key)
        found = _scan(folder, stat, top_real, problems)
        if dirs is not None:
            dirs.append((folder.removeprefix("./") if dot and folder != "." else folder, st.st_mtime_ns,
                         found is not None))
        if found is None:
            if problems is not None and folder != top:
                problems.append((folder.removeprefix("./") if dot else folder, UNREADABLE_FOLDER))
            continue
        files, subdirs = found
        if dot:
            files = [(p.removeprefix("./"), s, m) for p, s, m in files]
        yield from files
        stack.extend(reversed(subdirs))


# -- fingerprints: is the folder as the index last saw it? -----------------------------------------
# The fingerprint of a folder is a hash of its own mtime (it changes when an entry is added, removed
# or renamed: new sub-folders show up) and of (name, size, mtime_ns) of its article files. Equal
# fingerprints for every folder of the last walk = no article file is new, gone or changed, and no
# folder was added: a warm start can skip the walk. Computing them for 100,000 files takes ~0.3 s
# of stat calls, split over helper processes (``python -S -E files.py --fingerprints``).

def fingerprint(dir_mtime_ns: int, entries: list[tuple[str, int, int]] | None) -> bytes:
    """``entries``: (name, size, mtime_ns) of the folder's article files, sorted by name; None when
    the folder could not be listed."""
    if entries is None:
        return _digest(dir_mtime_ns, None, ())
    nums: list[int] = []
    for _, size, mtime in entries:
        nums += (size, mtime)
    return _digest(dir_mtime_ns, [n for n, _, _ in entries], nums)


def _digest(dir_mtime_ns: int, names: list[str] | None, nums) -> bytes:
    return _digest_joined(dir_mtime_ns, b"!" if names is None else names_blob(names), nums)


def _digest_joined(dir_mtime_ns: int, joined: bytes, nums) -> bytes:
    try:
        from _blake2 import blake2b  # (what hashlib.blake2b is, without loading OpenSSL)
    except ImportError:
        from hashlib import blake2b
    h = blake2b(digest_size=16)
    h.update(joined)
    h.update(array("q", [dir_mtime_ns, *nums]).tobytes())
    return h.digest()


_DIR_FD = os.stat in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")
# names as bytes are the names as str only where the file system encoding is UTF-8 (with
# surrogateescape for the bytes that are not): elsewhere (a GBK locale) the names are not used
_UTF8_NAMES = sys.getfilesystemencoding().lower().replace("-", "") == "utf8" and \
    sys.getfilesystemencodeerrors() == "surrogateescape"


def _plain_utf8(blob: bytes) -> bool:
    """Whether ``blob`` is valid UTF-8 (no name in it held bytes that are not: such a name is
    stored surrogate-encoded, which the listing's raw bytes never equal)."""
    try:
        blob.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def folder_fingerprint(folder: str, names: bytes | None = None, top_real: str | None = None) -> bytes | None:
    """The fingerprint of ``folder`` as it is now (the same rule as :func:`walk`: hidden names
    skipped, article names only, regular files after symlinks, and with ``top_real``, the corpus
    root resolved (:func:`real_root`), no symlink that resolves outside it); None when it is gone.

    ``names``: the folder's article names as the last walk saw them (what :func:`names_blob`
    makes). When the folder's listing holds those and no other article file (names of folders,
    broken links and links leaving the corpus are looked at, not taken), they are statted as bytes
    in that order: no filtering, sorting or decoding of every name (~40 % of the time besides the
    stat calls), and no look at links (the names are the walk's, which took none leaving the
    corpus; retargeting one since changed the folder's time). Otherwise (or where names are not
    UTF-8: see ``_UTF8_NAMES``) the listing is filtered and sorted, and a link among the articles
    is resolved (for a plain file the one syscall stays one: lstat instead of stat)."""
    try:
        dir_mtime = os.stat(folder).st_mtime_ns
    except OSError:
        return None
    listed: list[bytes] | None = None
    if names is not None and _UTF8_NAMES and _plain_utf8(names):
        try:
            listed = os.listdir(os.fsencode(folder))
        except OSError:
            return _digest(dir_mtime, None, ())
        want = names.split(b"\0") if names else []
        other = set(listed)
        other.difference_update(want)
        if len(listed) - len(other) == len(want) and not any(
                n[:1] != b"." and is_article_name(os.fsdecode(n)) and _is_article_file(folder, n, top_real)
                for n in other):
            kept_b: list[bytes] = []
            nums_b: list[int] = []
            _stat_names(folder, want, kept_b.append, nums_b.extend)
            return _digest_joined(dir_mtime, b"\0".join(kept_b), nums_b)
    if listed is not None:  # (listed above, the names did not do: the same listing, decoded)
        listed_s = list(map(os.fsdecode, listed))
    else:
        try:
            listed_s = os.listdir(folder)
        except OSError:
            return _digest(dir_mtime, None, ())
    listed_s = [n for n in listed_s if n[0] != "." and is_article_name(n)]
    listed_s.sort()
    kept: list[str] = []
    nums: list[int] = []
    _stat_names(folder, listed_s, kept.append, nums.extend, top_real)
    return _digest(dir_mtime, kept, nums)


def _is_article_file(folder: str, name: bytes, top_real: str | None) -> bool:
    """Whether ``name`` in ``folder`` is a regular file after symlinks (what the walk reads), and
    with ``top_real``, not a symlink that resolves outside it (what the walk skips)."""
    path = os.path.join(os.fsencode(folder), name)
    try:
        st = os.lstat(path)
        if _stat.S_ISLNK(st.st_mode):
            if top_real is not None and not _inside(os.fsdecode(path), top_real):
                return False
            st = os.stat(path)
    except OSError:
        return False
    return _stat.S_ISREG(st.st_mode)


def _stat_names(folder: str, names, keep, add, top_real: str | None = None) -> None:
    """keep(name) and add((size, mtime_ns)) for each of ``names`` (in ``folder``) that is a regular
    file after symlinks. With ``top_real`` (the corpus root resolved), the walk's rule for links:
    a name is looked at without following it (for a plain file, the same one syscall), a link then
    resolved, and skipped when it leaves ``top_real`` (the walk skips it too, and says so)."""
    is_reg, is_link, stat = _stat.S_ISREG, _stat.S_ISLNK, os.stat
    follow = top_real is None
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY) if _DIR_FD else None
    try:
        for name in names:
            try:
                st = stat(name, dir_fd=fd, follow_symlinks=follow) if fd is not None else \
                    stat(os.path.join(folder, os.fsdecode(name)), follow_symlinks=follow)
                if not follow and is_link(st.st_mode):
                    path = os.path.join(folder, os.fsdecode(name))
                    if not _inside(path, top_real):  # type: ignore[arg-type]
                        continue
                    st = stat(name, dir_fd=fd) if fd is not None else stat(path)
            except OSError:
                continue  # a broken link: walk skips it too
            if is_reg(st.st_mode):
                keep(name)
                add((st.st_size, st.st_mtime_ns))
    finally:
        if fd is not None:
            os.close(fd)


def names_blob(names: list[str]) -> bytes:
    """Sorted article names of one folder as :func:`folder_fingerprint` takes them."""
    return "\0".join(names).encode("utf-8", "surrogatepass")


NAMES_LINE = "kfin-tui names 1\n"  # then a list of blobs, one per folder of the -folders file, sealed


def read_names(path: str | None, count: int) -> list | None:
    """The names blobs of the names file beside the index (a list of ``count``), or None when
    missing, damaged or of another length (the folders are listed then)."""
    if not path:
        return None
    try:
        with open(path, "rb") as fh:
            if fh.readline() != NAMES_LINE.encode():
                return None
            from zlib import crc32

            data = fh.read()
            if len(data) < 4 or crc32(data[4:]) != int.from_bytes(data[:4], "little"):
                return None
            blobs = marshal.loads(data[4:])
    except Exception:  # noqa: BLE001 - a hint only: list the folders instead
        return None
    return blobs if isinstance(blobs, list) and len(blobs) == count else None


def fingerprints(folders: list, names_file: str | None = None, total: int = 0,
                 top_real: str | None = None) -> tuple[list[bytes | None], bool]:
    """The fingerprints of ``folders``: paths, or (path, k) with k the folder's place in the list of
    ``names_file`` (of ``total`` blobs: read with :func:`read_names`), a folder without a blob
    listed; and whether the names file could be read (else the index writes it anew).
    ``top_real``: the corpus root, resolved (:func:`real_root`): links leaving it are no articles."""
    blobs = read_names(names_file, total) if names_file else None
    return list(iter_fingerprints(folders, blobs, top_real)), blobs is not None


def iter_fingerprints(folders: list, blobs: list | None, top_real: str | None = None):
    """:func:`fingerprints` one folder at a time (a caller may stop at the first that changed)."""
    for f in folders:
        if isinstance(f, str):
            yield folder_fingerprint(f, None, top_real)
            continue
        path, k = f
        blob = blobs[k] if blobs is not None and 0 <= k < len(blobs) else None
        yield folder_fingerprint(path, blob if isinstance(blob, bytes) else None, top_real)


HELPER_NICE = 5  # (a helper that yields to the reader: one nice step per ~25 % of CPU share)


def _main(argv: list[str]) -> int:
    """``ROOT [PREFIX]``: print (marshal) the walk: ({relative path: (size, mtime_ns)} in discovery
    order when every path starts with the caller's ``PREFIX``, else the plain list of (path, size,
    mtime_ns)) and the folders as (path, mtime_ns, readable).
    ``--fingerprints``: read a marshalled list of folders on stdin (or (corpus root resolved,
    folders): see :func:`fingerprints`), print their fingerprints;
    ``--fingerprints --nice``: at a lower priority (the reader's check: a keyword typed meanwhile
    gets the cores first); ``--names FILE N``: folders may come as (path, k), k their place in the
    names file beside the index, of N blobs; then (fingerprints, whether the names file was read)
    is printed (see :func:`fingerprints`)."""
    if argv and argv[0] == "--fingerprints":
        if "--nice" in argv[1:]:
            try:
                os.nice(HELPER_NICE)
            except (OSError, AttributeError):  # (no os.nice on Windows)
                pass
        folders = marshal.loads(sys.stdin.buffer.read())
        top_real = None
        if isinstance(folders, tuple):  # (the root travels with the folders: decoded as they are)
            top_real, folders = folders
        if top_real is not None and not isinstance(top_real, str):
            raise TypeError("the corpus root must be a str")
        at = argv.index("--names") + 1 if "--names" in argv else len(argv)
        names_file, total = (argv[at], int(argv[at + 1])) if at + 1 < len(argv) else (None, 0)
        found, read = fingerprints(folders, names_file, total, top_real)
        sys.stdout.buffer.write(marshal.dumps((found, read) if names_file else found))
        sys.stdout.buffer.flush()
        return 0
    dirs: list = []
    out: list | dict = list(walk(argv[0], dirs))
    prefix = argv[1] if len(argv) > 1 else None
    if prefix is not None:
        n = len(prefix)
        if all(p.startswith(prefix) for p, _, _ in out):
            out = {p[n:]: (size, mtime) for p, size, mtime in out}
    sys.stdout.buffer.write(marshal.dumps((out, dirs)))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
