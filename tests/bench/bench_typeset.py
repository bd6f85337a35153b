"""Micro benchmark for kfin_tui.typeset (and a comparison with uniseg).

    python tests/bench/bench_typeset.py

Prints chars/s for break_opportunities and wrap (a 5,000-character Chinese
paragraph at width 60), the time per wrap call, and - when the optional
``uniseg`` package (UAX #14) is installed - its speed and its score on the
same rule cases as ours.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rich.console import Console
from rich.text import Text

from kfin_tui.typeset import CJKText, break_opportunities, wrap

SENTENCE = ("据StreamLake公司发布的年度报告，公司全年营收603.8亿元，同比增长36.6%；"
            "海外收入为128.4亿元（2022年8月5日口径），详见 https://example.com/a/b 。"
            "董事长表示：“我们将继续投入AI infrastructure与云计算。”")
PARAGRAPH = (SENTENCE * 100)[:5000]

# (text, substrings that must never be broken inside, positions where a break
# must be allowed given as "left|right" context markers)
CASES: list[tuple[str, list[str], list[str]]] = [
    ("营收603.8亿元，同比增长", ["603.8亿元，"], ["营|收", "，|同"]),
    ("价格20-450元之间", ["20-450元"], ["格|2", "元|之"]),
    ("增长36.6%。下降", ["36.6%。"], ["。|下"]),
    ("在2022年发布", ["2022年"], ["在|2", "年|发"]),
    ("于8月5日公告", ["8月5日"], ["于|8", "日|公"]),
    ("由StreamLake发布", ["StreamLake"], ["由|S", "e|发"]),
    ("见https://example.com/a/b查看", ["https://example.com/a/b"], ["见|h", "b|查"]),
    ("他说：“好的。”然后（注）离开", ["说：", "“好", "的。”", "（注）"], ["”|然", "）|离"]),
    ("hello world test", ["hello", "world"], [" |w", " |t"]),
    ("12:30收盘，涨3.2‰。", ["12:30", "3.2‰。", "盘，"], ["收|盘"]),
]


def score(breaker) -> tuple[int, int]:
    good = total = 0
    for text, keep, allow in CASES:
        ops = set(breaker(text))
        for unit in keep:
            start = text.index(unit)
            total += 1
            good += not any(start < i < start + len(unit) for i in ops)
        for marker in allow:
            left, right = marker.split("|")
            i = text.index(left + right) + len(left)
            total += 1
            good += i in ops
    return good, total


def timed(fn, repeat: int = 20) -> float:
    fn()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    n = len(PARAGRAPH)
    t_break = timed(lambda: break_opportunities(PARAGRAPH))
    text = Text(PARAGRAPH)
    text.stylize("bold", 10, 400)
    t_wrap = timed(lambda: wrap(text, 60))
    console = Console(width=60, file=open("/dev/null", "w"), color_system=None)  # noqa: SIM115
    t_render = timed(lambda: console.print(CJKText(text)), repeat=5)
    t_rich = timed(lambda: text.wrap(console, 60), repeat=5)
    print(f"paragraph: {n} chars, width 60")
    print(f"break_opportunities: {t_break * 1e3:7.2f} ms  {n / t_break:12,.0f} chars/s")
    print(f"wrap:                {t_wrap * 1e3:7.2f} ms  {n / t_wrap:12,.0f} chars/s")
    print(f"CJKText render:      {t_render * 1e3:7.2f} ms  {n / t_render:12,.0f} chars/s")
    print(f"(rich Text.wrap:     {t_rich * 1e3:7.2f} ms  {n / t_rich:12,.0f} chars/s)")
    for name, sample in (("pure Chinese", ("中文的字符很多没有数字，" * 500)[:5000]),
                         ("pure English", ("the quick brown fox jumps over the lazy dog. " * 120)[:5000])):
        t = timed(lambda sample=sample: wrap(Text(sample), 60))
        print(f"wrap {name + ':':14s} {t * 1e3:7.2f} ms  {len(sample) / t:12,.0f} chars/s")
    good, total = score(break_opportunities)
    print(f"kfin_tui.typeset rule cases: {good}/{total}")
    try:
        from uniseg.linebreak import line_break_boundaries
    except ImportError:
        print("uniseg not installed: comparison skipped")
        return

    def uniseg_breaks(s: str) -> list[int]:
        return [i for i in line_break_boundaries(s) if 0 < i < len(s)]

    t_uni = timed(lambda: uniseg_breaks(PARAGRAPH), repeat=3)
    good, total = score(uniseg_breaks)
    print(f"uniseg break opportunities: {t_uni * 1e3:7.2f} ms  {n / t_uni:12,.0f} chars/s")
    print(f"uniseg rule cases: {good}/{total}")


if __name__ == "__main__":
    main()
