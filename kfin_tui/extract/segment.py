"""jieba, initialised once with the company dictionary as user words (names stay whole: 快手电商 →
快手 / 电商). Initialisation is lazy and thread-safe; :func:`warm_up` runs it ahead of time."""
from __future__ import annotations

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


def token_bounds(text: str) -> set[int]:
    """Offsets where a jieba token starts or ends."""
    ensure_jieba()
    bounds = {0}
    pos = 0
    for tok in jieba.cut(text, HMM=False):
        pos += len(tok)
        bounds.add(pos)
    return bounds


def lcut(text: str) -> list[str]:
    ensure_jieba()
    return jieba.lcut(text, HMM=False)
