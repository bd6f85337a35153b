"""Length-preserving NFKC: full-width digits, letters and punctuation become ASCII, offsets stay valid."""
from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _char(c: str) -> str:
    n = unicodedata.normalize("NFKC", c)
    return n if len(n) == 1 else c


def nfkc_same_length(text: str) -> str:
    """NFKC applied char by char; a char whose NFKC form is not one char is kept as is."""
    if text.isascii():
        return text
    return "".join(_char(c) if not ("\u4e00" <= c <= "\u9fff") else c for c in text)
