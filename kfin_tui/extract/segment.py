"""jieba, initialised once with the company dictionary as user words (names stay whole: 快手电商 →
快手 / 电商). Initialisation is lazy and thread-safe; :func:`warm_up` runs it ahead of time."""
from __future__ import annotations

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
_RUN_CHAR = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]")


class LazyBounds:
    """Token boundaries of a text, computed only for the runs that are asked about."""

    def __init__(self, text: str):
        self.text = text
        self.done: dict[int, set[int]] = {}  # run start -> bounds inside it

    def _run(self, pos: int) -> tuple[int, int]:
        t = self.text
        s = pos
        while s > 0 and _RUN_CHAR.match(t[s - 1]):
            s -= 1
        e = pos
        while e < len(t) and _RUN_CHAR.match(t[e]):
            e += 1
        return s, e

    def __contains__(self, pos: int) -> bool:
        t = self.text
        if pos <= 0 or pos >= len(t):
            return True
        if not (_RUN_CHAR.match(t[pos - 1]) and _RUN_CHAR.match(t[pos])):
            return True
        s, e = self._run(pos)
        b = self.done.get(s)
        if b is None:
            ensure_jieba()
            b, p = {s}, s
            for tok in jieba.cut(t[s:e], HMM=False):
                p += len(tok)
                b.add(p)
            self.done[s] = b
        return pos in b


def lcut(text: str) -> list[str]:
    ensure_jieba()
    return jieba.lcut(text, HMM=False)
