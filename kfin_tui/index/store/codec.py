"""How values are stored in the index: search texts (packed, and as the search table's grams),
paths and their hash.

Standard library only, no SQLite connection: the parse workers import it to pack texts and hash
paths before the records reach the store."""
from __future__ import annotations

import sqlite3
import sys
import zlib
from array import array
from collections.abc import Iterable

SEP = "\x01"  # dropped from search texts (the spread form of format 9 used it between characters)
PACK_LEVEL = 6  # zlib level: 3 % smaller than level 1 on real articles, a third slower (~20 µs more per article)
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
    """How ``texts`` stores a search text: its plain form (no separators), UTF-8, zlib-compressed."""
    return zlib.compress(text.replace(SEP, "").encode("utf-8", "surrogatepass"), PACK_LEVEL)


def unpack(tp: bytes | str) -> str:
    """The plain search text :func:`pack` stored (a ``str`` is taken as a plain text).
    Damage is a ``sqlite3.DatabaseError``, as for any other damaged part of the index."""
    if isinstance(tp, str):
        return tp.replace(SEP, "")
    try:
        return zlib.decompress(tp).decode("utf-8", "surrogatepass")
    except (zlib.error, UnicodeDecodeError, TypeError) as exc:
        raise sqlite3.DatabaseError(f"index damaged: a stored text cannot be read ({exc})") from exc


def packed_holds(tp: bytes, terms: list[bytes], step: int = 1024) -> bool:
    """Whether the text :func:`pack` stored holds every term (UTF-8: a term's UTF-8 is in the
    text's exactly when the term is in the text). Decompressed ``step`` bytes at a time and left as
    soon as every term is seen: a keyword is often in the title, at the start (a third to half of
    the time of decompressing it all). Damage is a ``sqlite3.DatabaseError``."""
    left = set(terms)
    keep = max(map(len, terms)) - 1
    d = zlib.decompressobj()
    tail, rest = b"", tp
    try:
        while not d.eof:
            chunk = d.decompress(rest, step)
            rest = d.unconsumed_tail
            if not chunk and not rest:
                chunk = d.flush()  # what zlib still holds: the stream must end with it
                if not d.eof:
                    raise zlib.error("the stored text is cut short")
            window = tail + chunk
            left = {t for t in left if t not in window}
            if not left:
                return True
            tail = window[-keep:] if keep else b""
    except (zlib.error, TypeError) as exc:
        raise sqlite3.DatabaseError(f"index damaged: a stored text cannot be read ({exc})") from exc
    return False


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
