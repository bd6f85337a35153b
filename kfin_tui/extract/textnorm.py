"""Length-preserving NFKC: full-width digits, letters and punctuation become ASCII, offsets stay valid.

Also ``丨`` (a CJK stroke that scraped headlines use as a bar: ``格隆汇3月22日丨某某证券指出``) becomes
``|``, so that it separates words instead of gluing them to a name.
"""
from __future__ import annotations

import re
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


# the characters that the table changes which Chinese text uses most (the full-width comma is one
# character in twenty): replaced by str.replace, which scans at C speed; and a class that holds
# every character the table may change (anything but ASCII, CJK ideographs other than 丨 and the
# punctuation below, each its own NFKC form): text without one needs no translate at all
COMMON = (("，", ","), ("（", "("), ("）", ")"), ("：", ":"), ("；", ";"), ("！", "!"), ("？", "?"), ("％", "%"),
          ("丨", "|"))
KEPT = "\u3001\u3002\u3008-\u3011\u2018\u2019\u201c\u201d\u2014\u00b7"
MAY_CHANGE = re.compile(f"[^\x00-\x7f\u4e00-\u4e27\u4e29-\u9fff{KEPT}]")


def nfkc_same_length(text: str) -> str:
    """NFKC applied char by char; a char whose NFKC form is not one char is kept as is."""
    if text.isascii():
        return text
    for a, b in COMMON:
        if a in text:
            text = text.replace(a, b)
    if MAY_CHANGE.search(text) is None:
        return text
    return text.translate(_TABLE)  # faster than unicodedata.normalize on the whole text
