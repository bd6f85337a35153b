"""How values are stored in the index: search texts (packed, and as the search table's grams),
paths and their hash.

No SQLite connection: the parse workers import it to pack texts and hash paths before the
records reach the store. Texts are zstd-compressed (the ``zstandard`` package, imported on first
use: ~18 ms, which the first screen does not pay): a keyword longer than a gram is checked on the
stored texts of its candidates, and zstd decompresses them about twice as fast as zlib did (48,000
texts at 100k: 0.38 s against 0.71-0.89 s); at level 3 it compresses them ~5x faster than zlib at
6 (the body pass), for ~5 % more bytes."""
from __future__ import annotations

import sqlite3
import sys
import threading
import zlib  # (crc32: the path hash)
from array import array
from collections.abc import Iterable

SEP = "\x01"  # dropped from search texts (the spread form of format 9 used it between characters)
# zstd level: 20,000 texts of the 100k bench, compressed one by one: level 3 20 µs each, 28.64 MB;
# level 6 44 µs, 28.13 MB (1.8 % smaller for 2.2x the time: 2.4 CPU-s of a cold 100k build);
# zlib 6 ~97 µs. Decompression speed does not depend on the level
PACK_LEVEL = 3
_LOCAL = threading.local()  # a compressor and a decompressor per thread (zstandard's are not shared)


def _zstd():
    """(compressor, decompressor, error class, frame_content_size) of this thread."""
    got = getattr(_LOCAL, "z", None)
    if got is None:
        import zstandard

        # (with its frame's checksum: a damaged text is an error, as zlib's adler32 made it, not
        # another text; 4 bytes a text)
        got = _LOCAL.z = (zstandard.ZstdCompressor(level=PACK_LEVEL, write_checksum=True), zstandard.ZstdDecompressor(),
                          zstandard.ZstdError, zstandard.frame_content_size)
    return got
GRAM = 4  # the search table's tokens: every 4 characters of a text (see grams)

_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_FAST_GRAMS = array("I").itemsize == 4
UNSURE = "\ufffd"  # stands for any lone surrogate in the gram table


def _gram_table() -> dict[int, int]:
    """ASCII characters that FTS5's ``ascii`` tokenizer would take as separators (everything but
    letters and digits) → characters that a normalised text never holds: NFKC maps the full-width
    forms U+FF01–U+FF5E to ASCII and the half-width forms U+FF61–U+FF9F to their full-width
    counterparts, and case folding cannot bring them back. So the mapping is one-to-one on search
    texts and terms, and every character of a gram is a token character."""
    spare = iter(range(0xFF61, 0xFF9F))
    table = {}
    for c in range(128):
        if chr(c).isalnum():
            continue
        table[c] = 0xFF01 + c - 0x21 if 0x21 <= c <= 0x7E else next(spare)
    return table


_GRAM_TABLE = _gram_table()
_PAD = "\uff9f"  # after a text's last character, so that it too starts a gram (U+FF9F: never in a text)


def gram_term(term: str) -> str:
    """A normalised search term (or text) as the ``gram`` table's tokens spell it."""
    u = term.translate(_GRAM_TABLE)
    return u if not has_surrogate(u) else "".join(UNSURE if "\ud800" <= c <= "\udfff" else c for c in u)


def has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def grams(text: str) -> str:
    """What the ``gram`` table indexes for a search text: the text's every window of :data:`GRAM`
    characters (the last ones padded), separated by spaces — ``ab 宁德`` → ``abﾁ宁 bﾁ宁德 ﾁ宁德ﾟ
    宁德ﾟﾟ 德ﾟﾟﾟ``. Every occurrence of a term of 1–4 characters is then the start of a token (a
    prefix query finds it; 4 characters: the token itself), and a longer term's 4-character pieces
    are tokens of every text that holds it. A lone surrogate (SQLite cannot store one) stands as
    U+FFFD: a term holding U+FFFD is checked against the stored text (:data:`UNSURE`)."""
    s = gram_term(text.replace(SEP, "")) + _PAD * (GRAM - 1)
    n = len(s) - (GRAM - 1)
    if n <= 0:
        return ""
    if not _FAST_GRAMS:
        return "".join(s[i:i + GRAM] + " " for i in range(n))
    chars = array("I", s.encode(_UTF32))
    # interleave in C (array slice assignment): a Python loop over the windows is ~10x slower
    out = array("I", [32]) * ((GRAM + 1) * n)
    for k in range(GRAM):
        out[k::GRAM + 1] = chars[k:k + n]
    return out.tobytes().decode(_UTF32)


def pack(text: str) -> bytes:
    """How ``texts`` stores a search text: its plain form (no separators), UTF-8, zstd-compressed."""
    return _zstd()[0].compress(text.replace(SEP, "").encode("utf-8", "surrogatepass"))


def unpack(tp: bytes | str) -> str:
    """The plain search text :func:`pack` stored (a ``str`` is taken as a plain text).
    Damage is a ``sqlite3.DatabaseError``, as for any other damaged part of the index."""
    if isinstance(tp, str):
        return tp.replace(SEP, "")
    try:
        return _decompressed(tp).decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as exc:
        raise sqlite3.DatabaseError(f"index damaged: a stored text cannot be read ({exc})") from exc


# the most a stored text can hold: an article's file is read up to 4 MiB (articles.decoding.MAX_BYTES),
# its search text is at most that much UTF-8 and its title; a frame header that says more is damage
# (decompress would allocate what the header says before finding out)
MAX_TEXT_BYTES = 5 * 1024 * 1024


def _decompressed(tp: bytes) -> bytes:
    _c, d, error, content_size = _zstd()
    try:
        if content_size(tp) > MAX_TEXT_BYTES:
            raise sqlite3.DatabaseError("index damaged: a stored text says it holds more than any article")
        return d.decompress(tp)
    except (error, TypeError, ValueError, MemoryError) as exc:
        raise sqlite3.DatabaseError(f"index damaged: a stored text cannot be read ({exc})") from exc


def packed_holds(tp: bytes, terms: list[bytes]) -> bool:
    """Whether the text :func:`pack` stored holds every term (UTF-8: a term's UTF-8 is in the
    text's exactly when the term is in the text). Decompressed whole: zstd takes ~8 µs for an
    article, less than stopping early in steps would save. Damage is a ``sqlite3.DatabaseError``."""
    text = _decompressed(tp)
    return all(t in text for t in terms)


def sql_grams(tp: bytes) -> str:
    """``kfin_grams(tp)`` in SQL: the tokens of a packed text (the ``gram`` table is filled with them)."""
    return grams(unpack(tp))


def to_db(rel: str) -> str:
    """How a relative path is stored. SQLite text must be UTF-8: a file name that is not (bytes
    decoded with surrogate escapes, as old zip archives unpack GBK names) is stored as ``/`` and
    the hex of its bytes — a relative path never starts with ``/``, so the form is unambiguous."""
    try:
        rel.encode("utf-8")
        return rel
    except UnicodeEncodeError:
        return "/" + rel.encode("utf-8", "surrogateescape").hex()


def from_db(p: str) -> str:
    """The relative path :func:`to_db` stored."""
    return p if p[:1] != "/" else bytes.fromhex(p[1:]).decode("utf-8", "surrogateescape")


def all_utf8(paths: Iterable[str]) -> bool:
    """Whether every path is stored as it is (:func:`to_db` leaves it alone)."""
    try:
        "\n".join(paths).encode("utf-8")  # one C call for a whole batch
        return True
    except UnicodeEncodeError:
        return False


def phash(path: str) -> int:
    """The indexed key of a relative path (collisions are fine: lookups compare the path too)."""
    return zlib.crc32(path.encode("utf-8", "surrogatepass"))
