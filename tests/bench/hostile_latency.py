"""Key → screen latency of the reader on a folder holding every hostile input of issue 10 together
(``hostile_corpus.py``), against a floor: the same keys on a normal folder of the same size.

    python tests/bench/hostile_latency.py                                   # this checkout
    python tests/bench/hostile_latency.py --src main=/tmp/kfin-main --src branch=.  --rounds 2
                                                                            # alternate checkouts

``--src LABEL=DIR``: DIR holds the ``kfin_tui`` package to measure (put first on PYTHONPATH; e.g. a
``git archive main kfin_tui | tar -x -C DIR``); the interpreter is ``--python`` (its site-packages
give the dependencies). Rounds alternate the sources (A B A B …), each source on both folders.

The reader runs in a private tmux server at 120×40 (``tmux_bench.Tmux``: screens are read through
one control-mode client, ~0.1 ms a read, polled every ~3 ms). Each key's time runs from the
``send-keys`` to the first screen on which the key's effect shows:

  j / k      the list cursor (the row marked ▌) is on the next / previous article. ``settle``: one
             key at a time, the screen still for 0.3 s before each; the j pass visits every article
             for the first time in this session (the heavy ones are parsed then), the k pass comes
             back. ``burst``: in a fresh reader, j through every article at one key every
             ``--burst-ms`` (33: a held key), then k back; each key is answered when the cursor
             reaches its row. ``paced``: the same at one key every ``--pace-ms`` (300: reading
             titles), so that each key comes while the article before it is being prepared
             (settled keys never do: they wait until the article is shown).
  (A key after which nothing changed within 5 s is counted apart: ``no_change``.) "Settle" waits
  until the screen shows no placeholder (loading, laying out, extracting) either.
  /  type    ``/`` focuses the filter (any change); each character of a 2-character term typed one
             at a time shows in the filter box; enter (back to the list), esc (clears the filter)
  e  tab     the side panel shows / hides; the focus moves (any change)
  These "any change" keys are timed twice from one press: ``KEY`` until the text changed (what
  ``capture-pane`` shows without colours: for tab and enter, the footer's keys; tab onto the side
  panel changes no text), and ``KEY (colours)`` until the screen changed colours included (the
  focus tint of the pane the keys go to: their first answer). The filter box's row is left out of
  the colours (its text cursor blinks while it has the focus); a focus change also tints the list.

Before the keys the reader is left to settle: the count shows N/N and the process tree used < 10 %
of a core over 1 s (the background extraction over every article has finished), up to
``--idle-max`` s. Also reported: ``content`` — after a settled j/k, when the screen stopped
changing (the article, its layout and its side panel done; informational), and ``quit``: q → the
process has exited.

Output: per source, folder and key kind n / median / p95 / p99 / max (ms), the load average at
the start and end of each session; the slowest keys with the article they landed on. JSON with
every sample in tests/bench/out/.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from hostile_corpus import write as write_corpus
from tmux_bench import OUT, Pane, Tmux, count_of, load, tree_cpu

POLL = 0.003
SETTLE = 0.3
BUSY = ("读取中", "排版中", "正在提取")  # the reader's placeholders while an article is prepared
NO_CHANGE = 5.0  # s: a key whose screen has not changed by then changed nothing (counted apart)
TERM = "远航"


SCROLLBAR = "▁▂▃▄▅▆▇█"  # the list's scrollbar thumb, drawn in the column after a full-width title


def cursor_title(screen: str) -> str | None:
    """The title on the cursor's row (without the list's scrollbar: where its thumb is depends on
    the scroll position, and a title read with it was not found in the order read without it —
    the key then counted as unanswered until the cursor reached a row read the same way)."""
    lines = screen.split("\n")
    for line in lines[1:]:
        if line.startswith("▌"):
            return line[1:].split("▕", 1)[0].rstrip().rstrip(SCROLLBAR).strip()
    return None


def filter_text(screen: str) -> str:
    lines = screen.split("\n")
    return lines[1].split("▕", 1)[0] if len(lines) > 1 else ""


def pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def summary(xs: list[float]) -> dict[str, Any]:
    if not xs:
        return {"n": 0}
    return {"n": len(xs), "median": statistics.median(xs), "p95": pct(xs, 0.95), "p99": pct(xs, 0.99),
            "max": max(xs)}


class Session:
    """One reader in a tmux pane, on one folder, with a fresh cache and state."""

    def __init__(self, tmux: Tmux, python: str, src: str, folder: Path, work: Path) -> None:
        self.work = Path(tempfile.mkdtemp(prefix="sess-", dir=work))
        env = {"KFIN_TUI_CACHE": str(self.work / "cache"), "KFIN_TUI_STATE": str(self.work / "state"),
               "KFIN_TUI_CONFIG": str(self.work / "no-config.toml")}
        if src:
            env["PYTHONPATH"] = src
        self.pane: Pane = tmux.start([python, "-m", "kfin_tui", str(folder)], env)
        self.load_start = load()
        self.pane.go()

    def screen(self) -> str:
        return self.pane.screen()

    def wait_ready(self, idle_max: float) -> tuple[float, int]:
        """Until N/N shows and the process tree is idle; (seconds, N)."""
        t, s = self.pane.wait(lambda s: (c := count_of(s)) is not None and c[0] == c[1] and c[1] > 0
                              and cursor_title(s) is not None, timeout=120)
        total = count_of(s)[1]  # type: ignore[index]
        deadline = time.perf_counter() + idle_max
        while time.perf_counter() < deadline:
            before = tree_cpu(self.pane.pid)
            time.sleep(1.0)
            if tree_cpu(self.pane.pid) - before < 0.1:
                break
        return t, total

    def settle(self, quiet: float = SETTLE, timeout: float = 90.0) -> tuple[str, float]:
        """Until the screen has not changed for ``quiet`` s and shows no work in progress (a
        placeholder: loading, laying out, extracting): (screen, time of its last change)."""
        prev = self.screen()
        changed = time.perf_counter()
        deadline = changed + timeout
        while time.perf_counter() < deadline:
            time.sleep(0.01)
            s = self.screen()
            if s != prev:
                prev, changed = s, time.perf_counter()
            elif time.perf_counter() - changed >= quiet and not any(m in s for m in BUSY):
                break
        return prev, changed

    def colours(self) -> str:
        """The screen with its colours (SGR sequences), without the filter box's row (line 1: its
        text cursor blinks while it has the focus)."""
        lines = self.pane.tmux.cmd(f"capture-pane -p -e -t {self.pane.name}")
        return "\n".join(lines[:1] + lines[2:])

    def any_change(self, key: str) -> tuple[float, float]:
        """Send a key; (ms until the text changed, ms until the screen changed colours included),
        each ``NO_CHANGE`` s if it did not change by then."""
        text, colours = self.screen(), self.colours()
        t = time.perf_counter()
        self.pane.keys(key)
        got_text = got_colours = NO_CHANGE * 1000
        while True:
            ms = (time.perf_counter() - t) * 1000
            if got_colours == NO_CHANGE * 1000 and self.colours() != colours:
                got_colours = ms
            if self.screen() != text:
                return ms, min(got_colours, ms)
            if ms > NO_CHANGE * 1000:
                return got_text, got_colours
            time.sleep(POLL)

    def key(self, key: str, until, timeout: float = 60.0, literal: bool = False) -> tuple[float, str]:
        """Send a key; ms until ``until(screen)``."""
        t = time.perf_counter()
        if literal:
            self.pane.type(key)
        else:
            self.pane.keys(key)
        while True:
            s = self.screen()
            if until(s):
                return (time.perf_counter() - t) * 1000, s
            if time.perf_counter() - t > timeout:
                return (time.perf_counter() - t) * 1000, s
            time.sleep(POLL)

    def quit(self) -> float:
        for _ in range(2):  # back to the list, whatever has the focus (q types into the filter box)
            self.pane.keys("Escape")
            self.settle(0.2)
        t = time.perf_counter()
        self.pane.keys("q")
        while not self.pane.dead():
            if time.perf_counter() - t > 30:
                print("quit: still running after 30 s; screen:\n" + self.screen(), file=sys.stderr)
                break
            time.sleep(0.01)
        ms = (time.perf_counter() - t) * 1000
        self.pane.quit()
        shutil.rmtree(self.work, ignore_errors=True)
        return ms


def settled_session(tmux: Tmux, python: str, src: str, folder: Path, work: Path, idle_max: float,
                    key_reps: int = 3, moves: bool = True) -> dict[str, Any]:
    sess = Session(tmux, python, src, folder, work)
    res: dict[str, Any] = {"kinds": {}, "slow": []}
    kinds: dict[str, list[float]] = res["kinds"]
    try:
        ready, n = sess.wait_ready(idle_max)
        res["ready_s"], res["n"] = ready, n
        res["load_start"] = sess.load_start
        order = [cursor_title(sess.screen())]

        def record(kind: str, ms: float) -> None:
            if ms >= NO_CHANGE * 1000:  # nothing visible changed (e.g. tab onto a pane without a focus mark)
                res.setdefault("no_change", {}).setdefault(kind, 0)
                res["no_change"][kind] += 1
            else:
                kinds.setdefault(kind, []).append(ms)

        def move(key: str, kind: str) -> None:
            s, _ = sess.settle()
            before = cursor_title(s)
            ms, s2 = sess.key(key, lambda s: (c := cursor_title(s)) is not None and c != before)
            kinds.setdefault(kind, []).append(ms)
            landed = cursor_title(s2)
            res["slow"].append((ms, kind, landed))
            t_key = time.perf_counter() - ms / 1000
            _, last = sess.settle()
            kinds.setdefault(f"{kind} content", []).append(max(0.0, (last - t_key) * 1000))
            if key == "j":
                order.append(landed)

        for _ in range(n - 1 if moves else 0):
            move("j", "j settle (first visit)")
        for _ in range(n - 1 if moves else 0):
            move("k", "k settle (revisit)")
        res["order"] = order
        def any_change(key: str, kind: str) -> None:
            sess.settle()
            ms, colours = sess.any_change(key)
            record(kind, ms)
            record(f"{kind} (colours)", colours)

        # / and typing, then esc esc
        for _ in range(key_reps):
            any_change("/", "/")
            typed = ""
            for ch in TERM:
                typed += ch
                sess.settle()
                ms, _ = sess.key(ch, lambda x, t=typed: t in filter_text(x), literal=True)
                kinds.setdefault("type", []).append(ms)
            for key in ("Enter", "Escape"):  # back to the list; esc there clears the filter
                any_change(key, key.lower().replace("escape", "esc"))
        for key in ("e", "Tab"):
            for _ in range(2 * key_reps):
                any_change(key, key.lower())
        sess.settle()
        sess.pane.keys("Escape")
        sess.settle()
        res["load_end"] = load()
    finally:
        res["quit"] = sess.quit()
    return res


def burst_session(tmux: Tmux, python: str, src: str, folder: Path, work: Path, idle_max: float,
                  order: list[str | None], interval: float, name: str = "burst") -> dict[str, Any]:
    sess = Session(tmux, python, src, folder, work)
    res: dict[str, Any] = {"kinds": {}, "slow": []}
    try:
        sess.wait_ready(idle_max)
        res["load_start"] = sess.load_start
        pos = {t: i for i, t in enumerate(order) if t is not None}
        for key, kind, target in (("j", f"j {name} (first visit)", lambda i: i + 1),
                                  ("k", f"k {name} (revisit)", lambda i: len(order) - 2 - i)):
            sess.settle()
            sent: list[float] = []
            answered: dict[int, float] = {}
            n = len(order) - 1
            nxt = time.perf_counter()
            deadline = nxt + n * interval + 120
            while len(answered) < n and time.perf_counter() < deadline:
                now = time.perf_counter()
                if len(sent) < n and now >= nxt:
                    sess.pane.keys(key)
                    sent.append(now)
                    nxt += interval
                at = pos.get(cursor_title(sess.screen()) or "")
                now = time.perf_counter()
                if at is not None:
                    for i in range(len(sent)):
                        if i not in answered and ((key == "j" and at >= target(i)) or (key == "k" and at <= target(i))):
                            answered[i] = now
                time.sleep(POLL)
            ms = [(answered.get(i, time.perf_counter()) - sent[i]) * 1000 for i in range(len(sent))]
            res["kinds"][kind] = ms
            res["slow"] += [(m, kind, order[target(i)]) for i, m in enumerate(ms)]
        res["load_end"] = load()
    finally:
        res["quit"] = sess.quit()
    return res


def fmt(st: dict[str, Any]) -> str:
    if not st.get("n"):
        return "n/a"
    return f"{st['median']:.0f} / {st['p95']:.0f} / {st['p99']:.0f} / {st['max']:.0f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", action="append", default=[], help="LABEL=DIR of a kfin_tui package (repeatable)")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--size", type=int, default=60, help="files per folder (hostile + normal)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kfin-hostile-latency")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--burst-ms", type=float, default=33.0, help="ms between the keys of a burst (a held key)")
    ap.add_argument("--idle-max", type=float, default=60.0)
    ap.add_argument("--only", default="", help="'hostile' or 'normal': one folder only")
    ap.add_argument("--pace-ms", type=float, default=300.0, help="ms between the keys of the paced run")
    ap.add_argument("--key-reps", type=int, default=3, help="rounds of / typing enter esc (and twice as "
                    "many e and tab) in the settled session")
    ap.add_argument("--modes", default="settle,burst,paced", help="comma-separated: settle, burst, paced "
                    "(burst and paced need the article order: from settle, or from a first pass); keys: the "
                    "settled session's keys without its j / k passes (alone)")
    args = ap.parse_args(argv)
    srcs = [tuple(s.split("=", 1)) for s in args.src] or [("this", "")]
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    folders = {"normal": work / f"normal-{args.size}", "hostile": work / f"hostile-{args.size}"}
    for name, folder in folders.items():
        if not folder.exists():
            write_corpus(folder, args.size, normal_only=name == "normal")
    if args.only:
        folders = {args.only: folders[args.only]}
    tmux = Tmux()
    results: list[dict[str, Any]] = []
    try:
        for rnd in range(args.rounds):
            for label, src in srcs:
                for name, folder in folders.items():
                    t = time.strftime("%H:%M:%S")
                    print(f"[{t}] round {rnd + 1} {label} {name} load {load()}", file=sys.stderr, flush=True)
                    modes = args.modes.split(",")
                    saved = work / f"order-{folder.name}.json"  # the list's order (the same every time)
                    if "keys" in modes:  # the settled session's keys alone, without the j / k passes
                        r = settled_session(tmux, args.python, str(Path(src).resolve()) if src else "", folder, work,
                                            args.idle_max, args.key_reps, moves=False)
                    elif "settle" not in modes and saved.exists():
                        order = json.loads(saved.read_text())
                        r = {"kinds": {}, "slow": [], "order": order, "n": len(order), "quit": 0.0}
                    else:
                        r = settled_session(tmux, args.python, str(Path(src).resolve()) if src else "", folder, work,
                                            args.idle_max, args.key_reps)
                        saved.write_text(json.dumps(r["order"], ensure_ascii=False))
                        if "settle" not in modes:
                            r["kinds"], r["slow"] = {}, []
                    for mode, ms in (("burst", args.burst_ms), ("paced", args.pace_ms)):
                        if mode not in modes:
                            continue
                        b = burst_session(tmux, args.python, str(Path(src).resolve()) if src else "", folder, work,
                                          args.idle_max, r["order"], ms / 1000, mode)
                        r["kinds"].update(b["kinds"])
                        r["slow"] += b["slow"]
                        r[f"{mode}_load"] = [b.get("load_start"), b.get("load_end")]
                        r[f"quit_{mode}"] = b["quit"]
                    r.update(src=label, folder=name, round=rnd + 1, time=t)
                    results.append(r)
                    print(report_one(r), file=sys.stderr, flush=True)
    finally:
        tmux.close()
    md = report(results)
    print(md)
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"hostile_latency-{stamp}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    (OUT / f"hostile_latency-{stamp}.md").write_text(md)
    print(f"written {OUT}/hostile_latency-{stamp}.{{json,md}}", file=sys.stderr)
    return 0


def report_one(r: dict[str, Any]) -> str:
    lines = [f"{r['src']} · {r['folder']} · round {r['round']} · {r.get('n')} articles · load "
             f"{r.get('load_start')} → {r.get('load_end')} (burst {r.get('burst_load')}, paced "
             f"{r.get('paced_load')}) · quit {r['quit']:.0f} ms"]
    for kind, xs in r["kinds"].items():
        lines.append(f"  {kind:28} n={len(xs):3}  median/p95/p99/max {fmt(summary(xs))} ms")
    slow = sorted((s for s in r["slow"]), key=lambda s: -s[0])[:6]
    if r.get("no_change"):
        lines.append(f"  no visible change (counted apart): {r['no_change']}")
    lines.append("  slowest: " + "; ".join(f"{m:.0f} ms {' '.join(k.split()[:2])} → {t}"
                                          for m, k, t in slow))
    return "\n".join(lines)


def report(results: list[dict[str, Any]]) -> str:
    kinds: list[str] = []
    for r in results:
        kinds += [k for k in r["kinds"] if k not in kinds]
    head = "| key | " + " | ".join(f"{r['src']} {r['folder']} r{r['round']}" for r in results) + " |"
    out = ["median / p95 / p99 / max, ms (target: every key ≤ 100 ms; `content` is informational)", "",
           head, "|---" * (len(results) + 1) + "|"]
    for kind in kinds:
        out.append(f"| {kind} | " + " | ".join(fmt(summary(r["kinds"].get(kind, []))) for r in results) + " |")
    out.append("| quit (q → exited) | " + " | ".join(f"{r['quit']:.0f}" for r in results) + " |")
    def loads(r: dict[str, Any]) -> str:
        spans = [[r.get("load_start"), r.get("load_end")], r.get("burst_load"), r.get("paced_load")]
        firsts = [x[0] for span in spans if span for x in span if x]
        return f"{min(firsts)}–{max(firsts)}" if firsts else "?"

    out.append("| load avg (1 min) during the sessions | " + " | ".join(loads(r) for r in results) + " |")
    out.append("")
    for r in results:
        out.append(report_one(r))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
