"""jieba, initialised once with the company dictionary as user words (names stay whole: 快手电商 →
快手 / 电商). Initialisation is lazy and thread-safe; :func:`warm_up` runs it ahead of time."""
from __future__ import annotations

import bisect
import re
import threading

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
        _READY = True


# jieba cuts each run of these characters on its own, so a run can be segmented alone
_RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")


class LazyBounds:
    """Token boundaries of a text, computed only for the runs that are asked about."""

    def __init__(self, text: str):
        self.text = text
        self.starts: list[int] | None = None
        self.ends: list[int] = []
        self.done: dict[int, set[int]] = {}  # run start -> bounds inside it

    def __contains__(self, pos: int) -> bool:
        if pos <= 0 or pos >= len(self.text):
            return True
        if self.starts is None:
            spans = [m.span() for m in _RUN.finditer(self.text)]
            self.starts, self.ends = [s for s, _ in spans], [e for _, e in spans]
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0 or pos >= self.ends[i] or pos == self.starts[i]:
            return True  # outside a run, or at its edge
        s, e = self.starts[i], self.ends[i]
        b = self.done.get(s)
        if b is None:
            ensure_jieba()
            b, p = {s}, s
            for tok in jieba.cut(self.text[s:e], HMM=False):
                p += len(tok)
                b.add(p)
            self.done[s] = b
        return pos in b


def lcut(text: str) -> list[str]:
    ensure_jieba()
    return jieba.lcut(text, HMM=False)
