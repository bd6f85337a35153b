"""Length-preserving NFKC: full-width digits, letters and punctuation become ASCII, offsets stay valid.

Also ``丨`` (a CJK stroke that scraped headlines use as a bar: ``格隆汇3月22日丨某某证券指出``) becomes
``|``, so that it separates words instead of gluing them to a name.
"""
from __future__ import annotations

import unicodedata

BAR_LIKE = {"丨": "|"}


class _Table(dict):
    """str.translate table filled on first sight of each character (C speed after that)."""

    def __missing__(self, cp: int) -> str:
        c = chr(cp)
        if c in BAR_LIKE:
            r = BAR_LIKE[c]
        elif "\u4e00" <= c <= "\u9fff":
            r = c
        else:
            n = unicodedata.normalize("NFKC", c)
            r = n if len(n) == 1 else c
        self[cp] = r
        return r


_TABLE = _Table()


def nfkc_same_length(text: str) -> str:
    """NFKC applied char by char; a char whose NFKC form is not one char is kept as is."""
    if text.isascii():
        return text
    return text.translate(_TABLE)  # faster than unicodedata.normalize on the whole text
