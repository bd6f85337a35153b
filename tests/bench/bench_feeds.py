"""Benchmarks for issue 11 (fetch): the feed parser, and how the reader should notice new files.

    python tests/bench/bench_feeds.py parsers
    python tests/bench/bench_feeds.py watch /tmp/kfin-100k   # an archive from make_archive.py

``parsers``: feedparser vs fastfeedparser (if installed) on the project's fixture feeds and larger
generated ones. ``watch``: a cheap re-check (stat every known folder, list only those whose mtime
moved) vs watchfiles (inotify via Rust ``notify``, if installed): setup time, cost per check,
latency from a new file to its notice, CPU used while idle.
"""
from __future__ import annotations

import resource
import statistics
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "feeds"


def _rss(n: int, html_chars: int) -> bytes:
    para = "<p>" + "储能电池出货量环比增长，海外订单排到明年二季度。" * max(1, html_chars // 26) + "</p>"
    items = "".join(
        f"<item><title>第{i}条 测试标题</title><guid>g-{i}</guid><link>https://e.invalid/{i}</link>"
        f"<pubDate>Tue, 01 Dec 2026 08:{i % 60:02d}:00 GMT</pubDate><category>储能</category>"
        f"<description><![CDATA[{para}]]></description></item>" for i in range(n))
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def _median_ms(fn, data: bytes, n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn(data)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def parsers() -> None:
    import feedparser

    try:
        import fastfeedparser
    except ImportError:
        fastfeedparser = None
    inputs = {p.name: p.read_bytes() for p in sorted(FIXTURES.glob("*.xml")) if p.name != "malformed.xml"}
    inputs["flashes_100x300B"] = _rss(100, 300)
    inputs["depth_50x3KB"] = _rss(50, 3000)
    inputs["flashes_800x300B"] = _rss(800, 300)
    print(f"{'input':22} {'KB':>7} {'feedparser ms':>14} {'fastfeedparser ms':>18}")
    for name, data in inputs.items():
        n = 5 if len(data) > 100_000 else 30
        a = _median_ms(feedparser.parse, data, n)
        b = _median_ms(fastfeedparser.parse, data, n) if fastfeedparser else float("nan")
        print(f"{name:22} {len(data) / 1024:7.1f} {a:14.1f} {b:18.2f}")


def watch(root: Path) -> None:
    from kfin_tui.feeds.watch import FolderWatch

    t = time.perf_counter()
    fw = FolderWatch(root)
    print(f"archive: {root} ({len(fw.folders)} folders, {sum(len(f.files) for f in fw.folders.values())} articles)")
    print(f"recheck: FolderWatch setup (list every folder) {1000 * (time.perf_counter() - t):.0f} ms")
    times = []
    for _ in range(50):
        t = time.perf_counter()
        fw.check()
        times.append(time.perf_counter() - t)
    print(f"recheck: one check, nothing new: median {statistics.median(times) * 1e3:.2f} ms, "
          f"max {max(times) * 1e3:.2f} ms")
    biggest = max(fw.folders, key=lambda f: len(fw.folders[f].files))
    target = Path(biggest)
    probe = target / "bench-new-file.md"
    try:
        probe.write_text("\n---\ntitle: probe\n---\n", encoding="utf-8")
        t = time.perf_counter()
        changes = fw.check()
        print(f"recheck: check after a new file in the biggest folder ({len(fw.folders[biggest].files)} files): "
              f"{(time.perf_counter() - t) * 1e3:.2f} ms, found: {probe in changes.added}")
    finally:
        probe.unlink(missing_ok=True)
        fw.check()
    try:
        import watchfiles
    except ImportError:
        print("watchfiles: not installed")
        return
    stop = threading.Event()
    seen: list[float] = []
    ready = threading.Event()
    started = time.perf_counter()
    setup: list[float] = []

    def run() -> None:
        for changes in watchfiles.watch(root, stop_event=stop, debounce=50, step=10, yield_on_timeout=True,
                                        rust_timeout=100):
            if not setup:
                setup.append(time.perf_counter() - started)
                ready.set()
            if any(p.endswith("bench-new-file.md") for _, p in changes):
                seen.append(time.perf_counter())

    th = threading.Thread(target=run, daemon=True)
    th.start()
    ready.wait(120)
    print(f"watchfiles: ready after {setup[0] * 1000:.0f} ms (a watch on every folder)")
    time.sleep(0.5)
    c0 = resource.getrusage(resource.RUSAGE_SELF)
    time.sleep(5)
    c1 = resource.getrusage(resource.RUSAGE_SELF)
    idle = (c1.ru_utime + c1.ru_stime) - (c0.ru_utime + c0.ru_stime)
    print(f"watchfiles: CPU while idle {idle / 5 * 100:.2f} % of one core")
    lat = []
    for _ in range(5):
        seen.clear()
        t = time.perf_counter()
        probe.write_text("\n---\ntitle: probe\n---\n", encoding="utf-8")
        while not seen and time.perf_counter() - t < 5:
            time.sleep(0.001)
        if seen:
            lat.append(seen[0] - t)
        probe.unlink(missing_ok=True)
        time.sleep(0.3)
    stop.set()
    th.join(5)
    print(f"watchfiles: new file → event median {statistics.median(lat) * 1000:.0f} ms (debounce 50 ms), "
          f"{len(lat)}/5 seen")


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "parsers":
        parsers()
    elif len(sys.argv) >= 3 and sys.argv[1] == "watch":
        watch(Path(sys.argv[2]))
    else:
        print(__doc__)
        sys.exit(2)
