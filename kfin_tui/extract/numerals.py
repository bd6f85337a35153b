"""Numbers as written in Chinese financial text: Arabic (``1,234.5``), Chinese (``两万``, ``十余``,
``一百二十三``, ``二〇二四``, ``三点五``) and magnitude suffixes (``万``, ``亿``, ``万亿``, ``千亿``)."""
from __future__ import annotations

import unicodedata

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_NUM_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL) + "".join(CN_BIG)


def cn_int(s: str) -> float | None:
    """Value of a Chinese numeral (``两万`` → 20000, ``十`` → 10, ``千亿`` → 1e11); None if not one."""
    if not s or any(c not in CN_NUM_CHARS for c in s):
        return None
    if all(c in CN_DIGITS for c in s) and len(s) > 1:  # 二〇二四: digit by digit
        return float(int("".join(str(CN_DIGITS[c]) for c in s)))
    total = section = 0.0
    num = None
    for c in s:
        if c in CN_DIGITS:
            num = CN_DIGITS[c]
        elif c in CN_SMALL:
            section += (1 if num is None else num) * CN_SMALL[c]
            num = None
        else:  # 万 / 亿
            section += num or 0
            big = CN_BIG[c]
            if section == 0 and total == 0:
                section = 1
            if big == 10_000 and total >= 100_000_000 and section:
                total += section * big
            else:
                total = (total + section) * big
            section, num = 0.0, None
    return total + section + (num or 0)


def cn_number(s: str) -> float | None:
    """Chinese numeral with an optional decimal part written with 点 (``三点五`` → 3.5)."""
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = cn_int(whole) if whole else 0.0
        if w is None or not frac or any(c not in CN_DIGITS for c in frac):
            return None
        return w + float("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    return cn_int(s)


def magnitude(suffix: str) -> float:
    """Multiplier of a magnitude suffix (``万`` → 1e4, ``千亿`` → 1e11, ``万亿`` → 1e12, ``""`` → 1)."""
    if not suffix:
        return 1.0
    v = cn_int(suffix)
    return v if v else 1.0


def parse_number(s: str) -> float | None:
    """Arabic or Chinese number, NFKC-normalised, thousands separators allowed."""
    s = unicodedata.normalize("NFKC", s).replace(",", "")
    try:
        return float(s)
    except ValueError:
        return cn_number(s)
