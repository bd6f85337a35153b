"""jieba, initialised once with the company dictionary as user words (names stay whole: 快手电商 →
快手 / 电商). Initialisation is lazy and thread-safe; :func:`warm_up` runs it ahead of time."""
from __future__ import annotations

import re
import threading
from itertools import islice
from math import log

import jieba

from .dictionary import get_dictionary

USER_WORD_FREQ = 2000  # high enough that 快手 beats 手电 in 快手电商, low enough not to glue 中国新能源
_LOCK = threading.Lock()
_READY = False


def ensure_jieba() -> None:
    global _READY
    if _READY:
        return
    with _LOCK:
        if _READY:
            return
        jieba.setLogLevel(60)
        jieba.initialize()
        for w in get_dictionary().jieba_words():
            jieba.add_word(w, USER_WORD_FREQ)
        for w in COUNTRY_AND_FIRM_WORDS:
            jieba.del_word(w)  # (美国|通用电气旗下: the firm's name begins a word of the text)
        _READY = True


# words of jieba's own dictionary that are a foreign country and a firm's name (美国通用电气, 德国西门子): cut
# there no name begins at the firm's first character, so it is not read; they are taken out of the
# segmenter's words (tests/test_extract_segment.py checks this list against jieba's dictionary and ours)
COUNTRY_AND_FIRM_WORDS = ("德国西门子", "美国花旗集团", "美国苹果公司", "美国通用电气", "韩国三星", "韩国三星电子")
COUNTRIES_BEFORE_FIRMS = ("美国", "日本", "韩国", "德国", "法国", "英国", "瑞士", "荷兰", "意大利", "瑞典", "加拿大", "澳大利亚",
                          "澳洲", "新加坡", "印度", "俄罗斯", "巴西", "丹麦", "芬兰", "挪威", "西班牙", "比利时")


_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _cut_block(block: str) -> list[str]:
    """jieba.cut(block, HMM=False) for a block of run characters: what jieba.cut does with each such
    block (its ``__cut_DAG_NO_HMM``: the DAG of dictionary words, the best route by log frequency
    from the right, single letters and digits glued), without splitting the text into blocks first.
    The same steps and the same float arithmetic as jieba's, in one loop: the DAG of a position is
    built where the route needs it (``jieba_cut_block`` is jieba's own, for the tests)."""
    dt = jieba.dt
    freq = dt.FREQ
    logtotal = log(dt.total)
    n = len(block)
    value = [0.0] * (n + 1)  # route[n] = (0, 0)
    to = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        best_v = 0.0
        best_x = -1
        i = k
        frag = block[k]
        while i < n:
            f = freq.get(frag)  # (FREQ's values are counts, never None)
            if f is None:
                break
            if f:
                v = log(f) - logtotal + value[i + 1]
                if best_x < 0 or v >= best_v:  # max of (value, x) tuples: on a tie the longer word
                    best_v, best_x = v, i
            i += 1
            frag = block[k:i + 1]
        if best_x < 0:  # no word starts here: the character alone, of frequency 1 (log 1 = 0)
            best_v, best_x = 0.0 - logtotal + value[k + 1], k
        value[k] = best_v
        to[k] = best_x
    out: list[str] = []
    x = 0
    buf = ""
    while x < n:
        y = to[x] + 1
        word = block[x:y]
        if y - x == 1 and word in _ASCII_ALNUM:
            buf += word
        else:
            if buf:
                out.append(buf)
                buf = ""
            out.append(word)
        x = y
    if buf:
        out.append(buf)
    return out


def jieba_cut_block(block: str) -> list[str]:
    """jieba's own per-block step, which :func:`_cut_block` reproduces."""
    return list(jieba.dt._Tokenizer__cut_DAG_NO_HMM(block))


def make_room(memo: dict, limit: int) -> None:
    """A memo at ``limit`` entries drops its older half (dicts keep insertion order): what a long
    pass met lately stays, where clearing it all made the next thousands of articles start cold."""
    if len(memo) >= limit:
        for key in list(islice(memo, len(memo) // 2)):
            del memo[key]


WINDOW = 4  # characters of context on each side of an asked position
# jieba cuts each run of these characters (its re_han_default) on its own, so a run can be segmented alone
_RUN_CLASS = "[\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]"
_RUN_PAIR = re.compile(_RUN_CLASS + "{2}")
_RUN_TAIL = re.compile(_RUN_CLASS + "*\\Z")  # always matches (maybe empty), at endpos
_RUN_HEAD = re.compile(_RUN_CLASS + "*")
_WINDOW_CACHE: dict[str, frozenset[int]] = {}
_WINDOW_CACHE_MAX = 200_000
# (window, offset) -> whether jieba cuts there: the answer of LazyBounds for a position, which
# depends on these only (a window seen again costs one lookup)
_POS_CACHE: dict[tuple[str, int], bool] = {}
# (text[pos - WINDOW:pos + WINDOW], offset of pos in it) -> the same answer, asked without the regex steps
_CTX_CACHE: dict[str | tuple[str, int], bool] = {}


def window_bounds(window: str) -> frozenset[int]:
    """Token boundaries (offsets) of a short run segmented alone, memoised: templates, names and the
    words around them repeat across an archive."""
    got = _WINDOW_CACHE.get(window)
    if got is None:
        ensure_jieba()
        b, p = {0}, 0
        for tok in _cut_block(window):
            p += len(tok)
            b.add(p)
        got = frozenset(b)
        make_room(_WINDOW_CACHE, _WINDOW_CACHE_MAX)
        _WINDOW_CACHE[window] = got
    return got


def _no_word_across(text: str, ws: int, pos: int, we: int) -> bool:
    """No word of jieba's dictionary (frequency > 0) covers both text[pos-1] and text[pos] inside
    [ws, we): jieba then cuts at pos whatever else the window holds (its route only joins characters
    into dictionary words), so the window need not be segmented. Letters and digits are left to the
    segmenter (jieba glues runs of single ASCII characters together)."""
    if text[pos - 1].isascii() or text[pos].isascii():
        return False
    freq = jieba.dt.FREQ
    for i in range(ws, pos):
        for j in range(pos + 1, we + 1):
            f = freq.get(text[i:j])
            if f is None:
                break  # no word of the dictionary begins so (jieba's FREQ holds every word's prefixes)
            if f:
                return False
    return True


class LazyBounds:
    """Token boundaries of a text, asked position by position: a position inside a run of word
    characters is a boundary when jieba, segmenting the run's characters within ``WINDOW`` of it,
    cuts there. Only the few positions next to candidate names are ever segmented, so the cost does
    not grow with the text; the full extractor and :func:`extract_companies` share this, so both see
    the same boundaries."""

    def __init__(self, text: str):
        ensure_jieba()  # (the no-word shortcut reads jieba's FREQ: the company words must be in it)
        self.text = text

    def __contains__(self, pos: int) -> bool:
        text = self.text
        if pos <= 0 or pos >= len(text):
            return True
        # the answer depends on text[pos - WINDOW:pos + WINDOW] only (what the steps below read):
        # memoised on that slice, without the regex steps for a context seen before (a position is
        # rarely asked twice in one text: no memo of the text's own). The slice alone is the key
        # where pos is WINDOW into it; nearer the text's start, (slice, pos)
        ctx: str | tuple[str, int] = text[pos - WINDOW:pos + WINDOW] if pos > WINDOW else (text[:pos + WINDOW], pos)
        got = _CTX_CACHE.get(ctx)
        if got is None:
            got = self._ask(pos)
            make_room(_CTX_CACHE, _WINDOW_CACHE_MAX)
            _CTX_CACHE[ctx] = got
        return got

    def _ask(self, pos: int) -> bool:
        text = self.text
        if _no_word_across(text, max(0, pos - WINDOW), pos, min(len(text), pos + WINDOW)):
            # no dictionary word spans pos within WINDOW of it: none does within the run's window below,
            # which lies inside (and outside a run jieba cuts anyway); found without the regex steps
            return True
        if _RUN_PAIR.match(text, pos - 1, pos + 1) is None:
            return True  # outside a run, or at its edge
        # the run's characters within WINDOW of pos (only these are read: no scan of the text):
        # from the first of the run's characters just before pos - 1 (at most WINDOW - 1 of
        # them) to the last just after pos (as many)
        ws = _RUN_TAIL.search(text, pos - WINDOW if pos > WINDOW else 0, pos - 1).start()  # type: ignore[union-attr]
        we = _RUN_HEAD.match(text, pos + 1, pos + WINDOW).end()  # type: ignore[union-attr]
        window = text[ws:we]
        key = (window, pos - ws)
        got = _POS_CACHE.get(key)
        if got is None:
            known = _WINDOW_CACHE.get(window)
            if known is not None:
                got = (pos - ws) in known
            elif _no_word_across(text, ws, pos, we):
                got = True  # no dictionary word spans pos: every segmentation cuts there
            else:
                got = (pos - ws) in window_bounds(window)
            make_room(_POS_CACHE, _WINDOW_CACHE_MAX)
            _POS_CACHE[key] = got
        return got


_LCUT_CACHE: dict[str, tuple[str, ...]] = {}
LCUT_MEMO_CHARS = 32  # runs up to this long are memoised (the rules read runs of 10 to 24 characters)


_ONE_RUN = re.compile(_RUN_CLASS + "+")  # jieba's re_han_default: a block it cuts alone


def lcut(text: str) -> list[str]:
    """``jieba.lcut(text, HMM=False)`` with the company words; short texts memoised (the runs
    before suffixes and codes recur across an archive)."""
    got = _LCUT_CACHE.get(text)
    if got is None:
        ensure_jieba()
        # a text that is one run is one block for jieba.cut: its per-block step alone (the
        # rules' texts mostly are: ~2x faster than jieba.lcut's splitting and generators)
        got = tuple(_cut_block(text) if _ONE_RUN.fullmatch(text) else jieba.lcut(text, HMM=False))
        if len(text) <= LCUT_MEMO_CHARS:
            make_room(_LCUT_CACHE, _WINDOW_CACHE_MAX)
            _LCUT_CACHE[text] = got
    return list(got)
