"""Fast as a person sees it (issue 14): programs driven in a real terminal (tmux, 120×40), timed
from process start to text on the screen, with the floors and the peer measured in the same run.

    python tests/bench/tmux_bench.py --size 10000                       # quick (archive made in /tmp)
    python tests/bench/tmux_bench.py --archive /work/bench-100k --cache /work/bench-cache
    python tests/bench/tmux_bench.py --size 200 --reps 1 --only floor,warm   # smoke run

How a screen time is taken: the program runs in its own tmux session (own tmux server socket),
behind ``sh -c 'read _ < FIFO; exec env … PROGRAM'``: the terminal is up and sized before the
clock starts; the clock starts when the harness writes to the FIFO, so the time includes the
program's exec, interpreter start, imports and the terminal round trip, and nothing of tmux's.
The screen is read through one tmux control-mode client (``capture-pane`` ≈ 0.1 ms, polled every
5 ms), so polling costs next to nothing on a 2-core machine.

Sections (``--only``/``--skip``, comma-separated):
  floor     bare Textual app first paint; interpreter / ``import textual.app`` /
            ``import kfin_tui.ui.app`` whole-process times; raw-read floor (walk + read every
            file, in this process, page cache warm); ``rg -l -F TERM`` whole process
  corpus    kfin-tui on the bundled corpus (warm index): start → the list with its count
  warm      kfin-tui on the archive, warm index: start → ``N/<size>``; first non-blank screen
  keyword   ``/`` then a 4-character term → the result count shows the final number (and the
            first change); p95 over terms and repetitions, once settled and right after opening;
            the same reader's peak RSS (VmHWM of the main process, and the process tree polled)
  list      ``kfin-tui list`` on a cold archive (fresh KFIN_TUI_CACHE), stdout a 120×40 pty (line
            buffered, as in a terminal): first line / all lines;
            warm ``list --json --keyword T`` vs ``rg -l -F T`` for a term with hits and one without
  size      index on disk (du of the warm cache folder) vs the archive (bytes and du)
  newsboat  the peer, on the same archive as one RSS feed (newsboat_feed.py; cache filled once
            with ``newsboat -x reload``): start → feed list with its count; Enter → article list;
            ``/`` term Enter → search results. Skipped when newsboat is not installed.

Figures are medians with the range (min–max) over ``--reps``; the load average is recorded per
section. Output: a Markdown table on stdout and in ``tests/bench/out/``, all samples as JSON there.
Use ``--python`` to measure another checkout (its venv's python; kfin-tui is the console script
next to it) against the same archive, e.g. before/after.
"""
from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import pty
import re
import shlex
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
COLS, ROWS = 120, 40
POLL = 0.005
SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
NO_HIT = "固态电池"  # not in the synthetic archive's templates
# words longer than a gram (5-6 characters: 新能源汽车, 逆回购操作): checked on the stored texts of
# their candidates, the slow case of a search; in the synthetic archive each is in ~48-83 % of the
# articles (make_archive's topics and templates), a worst case for that check
LONG_TERMS = ["新能源汽车", "芯片国产替代", "逆回购操作"]
SECTIONS = ("floor", "corpus", "warm", "keyword", "list", "size", "newsboat")
COUNT_RE = re.compile(r"(\d[\d,]*)\s*/\s*(\d[\d,]*)\s*$")

TARGETS = {
    "corpus_paint": "≤ 1.5× bare app",
    "warm_paint": "≤ 1.0 s and ≤ 0.3× newsboat open (feed list + its article list)",
    "keyword": "≤ 100 ms p95",
    "list_first": "≤ 1 s",
    "list_all": "≤ 3× raw-read floor",
    "list_kw": "≤ 0.7× rg",
    "index_size": "≤ 1.5× archive",
    "rss": "≤ 500 MB",
}


# ---------------------------------------------------------------- tmux

class Tmux:
    """A private tmux server with one control-mode client used to read screens cheaply."""

    def __init__(self, cols: int = COLS, rows: int = ROWS) -> None:
        if not shutil.which("tmux"):
            raise RuntimeError("tmux is not installed")
        self.cols, self.rows = cols, rows
        self.socket = f"kfin-bench-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.tmp = Path(tempfile.mkdtemp(prefix="kfin-tmux-"))
        self._run("-f", "/dev/null", "new-session", "-d", "-s", "ctl", "-x", str(cols), "-y", str(rows),
                  "sleep 1000000")
        self.ctl = subprocess.Popen(["tmux", "-L", self.socket, "-C", "attach", "-t", "ctl"],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._block()  # the attach's own reply
        self.cmd("refresh-client -f no-output")
        self.cmd("set -g remain-on-exit on")
        self.cmd("set -g status off")
        self.cmd("set -g escape-time 0")
        self.n = 0

    def _run(self, *args: str) -> str:
        out = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False)
        if out.returncode:
            raise RuntimeError(f"tmux {' '.join(args)}: {out.stderr.strip()}")
        return out.stdout

    def _block(self) -> tuple[bool, list[str]]:
        assert self.ctl.stdout is not None
        lines: list[str] = []
        while True:
            raw = self.ctl.stdout.readline()
            if not raw:
                raise RuntimeError("tmux control client ended")
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if line.startswith("%begin"):
                lines = []
            elif line.startswith(("%end", "%error")):
                return line.startswith("%end"), lines
            else:
                lines.append(line)

    def cmd(self, command: str) -> list[str]:
        assert self.ctl.stdin is not None
        self.ctl.stdin.write((command + "\n").encode())
        self.ctl.stdin.flush()
        ok, lines = self._block()
        if not ok:
            raise RuntimeError(f"tmux {command}: {' '.join(lines)}")
        return lines

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)
        try:
            self.ctl.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.ctl.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def start(self, argv: list[str], env: dict[str, str] | None = None, cwd: str | None = None) -> Pane:
        """A pane running argv, held until Pane.go() starts the clock."""
        self.n += 1
        name = f"r{self.n}"
        fifo = self.tmp / f"{name}.go"
        os.mkfifo(fifo)
        # each program gets a reading state of its own (KFIN_TUI_STATE): a reader restores the last
        # session's filters, so one left with a keyword would open the next one filtered
        envs = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8",
                "KFIN_TUI_STATE": str(self.tmp / f"{name}.state"), **(env or {})}
        inner = (f"read _ < {shlex.quote(str(fifo))}; "
                 + f"cd {shlex.quote(cwd or NEUTRAL)} && "
                 + "exec env " + " ".join(shlex.quote(f"{k}={v}") for k, v in envs.items()) + " "
                 + " ".join(shlex.quote(a) for a in argv))
        shell = f"sh -c {shlex.quote(inner)}"
        self.cmd(f"new-session -d -s {name} -x {self.cols} -y {self.rows} {_tq(shell)}")
        return Pane(self, name, fifo)


def _tq(s: str) -> str:
    """Quote one argument for a tmux command line."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$") + '"'


@dataclass
class Pane:
    tmux: Tmux
    name: str
    fifo: Path
    t0: float = 0.0
    pid: int = 0
    sampler: Callable[[], None] | None = None
    _last_sample: float = 0.0

    def go(self) -> None:
        self.pid = int(self.tmux.cmd(f"display -p -t {self.name} '#{{pane_pid}}'")[0])
        self.t0 = time.perf_counter()
        with open(self.fifo, "w") as fh:
            fh.write("go\n")

    def screen(self) -> str:
        return "\n".join(self.tmux.cmd(f"capture-pane -p -t {self.name}"))

    def dead(self) -> bool:
        return self.tmux.cmd(f"display -p -t {self.name} '#{{pane_dead}}'")[0].strip() == "1"

    def keys(self, *keys: str) -> None:
        self.tmux.cmd(f"send-keys -t {self.name} " + " ".join(_tq(k) for k in keys))

    def type(self, text: str) -> None:
        self.tmux.cmd(f"send-keys -t {self.name} -l {_tq(text)}")

    def wait(self, pred: Callable[[str], Any], timeout: float = 60.0, since: float | None = None
             ) -> tuple[float, str]:
        """Seconds from ``since`` (default: process start) until pred(screen) is truthy."""
        start = self.t0 if since is None else since
        deadline = time.perf_counter() + timeout
        while True:
            s = self.screen()
            now = time.perf_counter()
            if pred(s):
                return now - start, s
            if self.sampler and now - self._last_sample > 0.05:
                self._last_sample = now
                self.sampler()
            if now > deadline:
                raise TimeoutError(f"not on screen within {timeout:.0f} s; screen:\n{s}")
            if self.dead() and not pred(self.screen()):
                raise RuntimeError(f"the program exited; screen:\n{self.screen()}")
            time.sleep(POLL)

    def quit(self, *keys: str, timeout: float = 5.0) -> None:
        """Keys that should end the program, a wait for it, then the session goes (SIGHUP)."""
        if not keys:
            timeout = 0.0
        try:
            for k in keys:
                self.keys(k)
                time.sleep(0.05)
            deadline = time.perf_counter() + timeout
            while not self.dead() and time.perf_counter() < deadline:
                time.sleep(0.02)
        finally:
            self.tmux.cmd(f"kill-session -t {self.name}")
            self.fifo.unlink(missing_ok=True)


def count_of(screen: str) -> tuple[int, int] | None:
    """(shown, total) from the reader's title line (``…  12/100000``)."""
    first = screen.split("\n", 1)[0]
    m = COUNT_RE.search(first)
    if not m:
        return None
    return int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))


def nonblank(screen: str) -> bool:
    return any(ch.strip() for ch in screen)


def first_rows(screen: str) -> bool:
    """The first useful paint: the title line counts the rows the list shows (``n/N``, n > 0; the
    status bar and the list change in the same frame)."""
    c = count_of(screen)
    return c is not None and c[0] > 0


# ---------------------------------------------------------------- process memory

def _status(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1])  # kB
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return out


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system, reaped children included) of a process and its live descendants."""
    tick = os.sysconf("SC_CLK_TCK")
    seen, todo, total = set(), [pid], 0
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        except (OSError, IndexError, ValueError):
            pass
        todo += _children(p)
    return total / tick


class TreeRss:
    """Peak of the summed RSS of a process and its descendants, by polling /proc."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_kb, self.max_procs = pid, 0, 0

    def __call__(self) -> None:
        seen, todo, total = set(), [self.pid], 0
        while todo:
            p = todo.pop()
            if p in seen:
                continue
            seen.add(p)
            total += _status(p, "VmRSS")
            todo += _children(p)
        self.peak_kb = max(self.peak_kb, total)
        self.max_procs = max(self.max_procs, len(seen))


# ---------------------------------------------------------------- helpers

def stats(xs: list[float]) -> dict[str, Any]:
    xs = [x for x in xs if x is not None]
    if not xs:
        return {"n": 0}
    s = sorted(xs)
    return {"n": len(s), "median": statistics.median(s), "min": s[0], "max": s[-1],
            "p95": s[min(len(s) - 1, round(0.95 * (len(s) - 1)))], "samples": xs}


def fmt_s(st: dict[str, Any] | None, unit: str = "s", key: str = "median") -> str:
    if not st or not st.get("n"):
        return "n/a"
    k = 1000.0 if unit == "ms" else 1.0
    dec = 0 if unit == "ms" else 2
    v = f"{st[key] * k:.{dec}f}"
    if st["n"] > 1 and key == "median":
        v += f" ({st['min'] * k:.{dec}f}–{st['max'] * k:.{dec}f})"
    return f"{v} {unit}"


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


# Programs run from a neutral folder: `python -c` puts the current folder first on sys.path, which
# would import the checkout the harness was started from instead of --python's.
NEUTRAL = tempfile.gettempdir()
# what the first import of every program measured loads: compiled once into the bytecode cache
WARM_IMPORTS = ("import textual.app, textual.widgets, kfin_tui.cli, kfin_tui.ui.app, kfin_tui.commands.cmd_list, "
                "kfin_tui.commands.cmd_index, kfin_tui.index.parse, kfin_tui.index.walk, kfin_tui.extract")


def use_bytecode_cache(python: str) -> str:
    """Measure programs as an installed package runs: with its bytecode cached (pip compiles at
    install time; a checkout writes __pycache__ on the first run). Here PYTHONDONTWRITEBYTECODE
    may be set, and an editable checkout then compiles every module of kfin_tui from source at
    every start (~0.1–0.2 s of CPU). The programs run with a private PYTHONPYCACHEPREFIX (nothing
    is written into the checkouts), filled once before anything is timed."""
    import hashlib

    prefix = Path(tempfile.gettempdir()) / f"kfin-bench-pycache-{hashlib.sha1(python.encode()).hexdigest()[:10]}"
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)  # inherited by the tmux server and every run
    subprocess.run([python, "-c", WARM_IMPORTS], cwd=NEUTRAL, capture_output=True, check=False)
    src = subprocess.run([python, "-c", "import kfin_tui, os; print(os.path.dirname(kfin_tui.__file__))"],
                         cwd=NEUTRAL, capture_output=True, text=True, check=False).stdout.strip()
    if src:
        subprocess.run([python, "-m", "compileall", "-q", src], cwd=NEUTRAL, capture_output=True, check=False)
    return f"cached in {prefix}"


def run_time(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, str, int]:
    t = time.perf_counter()
    p = subprocess.run(argv, env=env, capture_output=True, text=True, check=False, cwd=NEUTRAL)
    return time.perf_counter() - t, p.stdout, p.returncode


def run_in_pty(argv: list[str], env: dict[str, str]) -> tuple[float | None, float, int, int]:
    """Run argv with its stdout on a terminal (a pty of COLS×ROWS, so output is line-buffered as a
    person sees it, not block-buffered as in a pipe): (first line s, all output s, lines, exit code)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, env={**env, "TERM": "xterm-256color", "LANG": "C.UTF-8"}, stdin=subprocess.DEVNULL,
                         stdout=slave, stderr=subprocess.DEVNULL, cwd=NEUTRAL)
    os.close(slave)
    first: float | None = None
    lines = 0
    while True:
        try:
            chunk = os.read(master, 1 << 16)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        n = chunk.count(b"\n")
        if n and first is None:
            first = time.perf_counter() - t0
        lines += n
    total = time.perf_counter() - t0
    os.close(master)
    return first, total, lines, p.wait()


def files_of(root: Path) -> list[str]:
    out = []
    for folder, _dirs, files in os.walk(root):
        out += [os.path.join(folder, f) for f in files if f.lower().endswith(SUFFIXES)]
    return out


def raw_read(root: Path) -> tuple[float, int, int]:
    t = time.perf_counter()
    n = b = 0
    for folder, _dirs, files in os.walk(root):
        for f in files:
            if f.lower().endswith(SUFFIXES):
                with open(os.path.join(folder, f), "rb") as fh:
                    b += len(fh.read())
                n += 1
    return time.perf_counter() - t, n, b


def du(path: Path) -> tuple[int, int]:
    """(bytes on disk, apparent bytes) of a file tree."""
    disk = apparent = 0
    for folder, _dirs, files in os.walk(path):
        for f in files:
            try:
                st = os.lstat(os.path.join(folder, f))
            except OSError:
                continue
            disk += st.st_blocks * 512
            apparent += st.st_size
    return disk, apparent


def company_terms(n: int) -> list[str]:
    sys.path.insert(0, str(HERE))
    from make_archive import SEED, _Gen

    names = _Gen(SEED).companies
    step = max(1, len(names) // n)
    return [names[(7 + i * step) % len(names)] for i in range(n)]


# ---------------------------------------------------------------- the bench

@dataclass
class Bench:
    args: argparse.Namespace
    python: str
    kfin: list[str]
    archive: Path
    cache: Path
    size: int
    results: dict[str, Any] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    tmux: Tmux | None = None

    @property
    def reps(self) -> int:
        return int(self.args.reps)

    def env(self, cache: Path | None = None) -> dict[str, str]:
        return {**os.environ, "KFIN_TUI_CACHE": str(cache or self.cache)}

    def log(self, msg: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')} load {' '.join(map(str, load()))}] {msg}", file=sys.stderr, flush=True)

    def term(self) -> Tmux:
        if self.tmux is None:
            self.tmux = Tmux()
        return self.tmux

    # -- screen timings
    def paint(self, argv: list[str], pred: Callable[[str], Any], env: dict[str, str] | None = None,
              timeout: float = 60.0, quit_keys: tuple[str, ...] = ("q",),
              useful: Callable[[str], Any] | None = None) -> dict[str, float]:
        pane = self.term().start(argv, env={"KFIN_TUI_CACHE": str(self.cache), **(env or {})})
        try:
            pane.go()
            first, _ = pane.wait(nonblank, timeout)
            out = {"first_nonblank": first}
            if useful is not None:  # (the same moment as pred on a small folder)
                out["first_rows"], _ = pane.wait(useful, timeout)
            t, _ = pane.wait(pred, timeout)
            return {**out, "t": t, "cpu": tree_cpu(pane.pid)}
        finally:
            pane.quit(*quit_keys)

    def section_floor(self) -> None:
        r: dict[str, Any] = {"load_before": load()}
        self.log("floor: bare Textual app")
        bare = [self.paint([self.python, str(HERE / "bare_app.py")], lambda s: "first paint" in s,
                           quit_keys=()) for _ in range(self.reps)]
        r["bare_paint"] = stats([x["t"] for x in bare])
        r["bare_cpu"] = stats([x["cpu"] for x in bare])
        self.log("floor: import times")
        for key, code in (("python", "pass"), ("textual", "import textual.app"),
                          ("kfin_ui", "import kfin_tui.ui.app")):
            r[f"import_{key}"] = stats([run_time([self.python, "-c", code])[0] for _ in range(self.reps)])
        self.log("floor: raw read")
        raw_read(self.archive)  # page cache warm
        reads = [raw_read(self.archive) for _ in range(self.reps)]
        r["raw_read"] = stats([x[0] for x in reads])
        r["files"], r["bytes"] = reads[0][1], reads[0][2]
        rg = shutil.which("rg")
        if rg:
            for label, term in (("hit", self.hit_term), ("nohit", NO_HIT)):
                runs = [run_time([rg, "-l", "-F", term, str(self.archive)]) for _ in range(self.reps)]
                r[f"rg_{label}"] = stats([x[0] for x in runs])
                r[f"rg_{label}_files"] = len([x for x in runs[0][1].splitlines() if x.strip()])
        r["load_after"] = load()
        self.results["floor"] = r

    def section_corpus(self) -> None:
        r: dict[str, Any] = {"load_before": load()}
        cache = Path(tempfile.mkdtemp(prefix="kfin-bench-corpus-"))
        try:
            self.log("corpus: warm the index")
            subprocess.run([*self.kfin, "index"], env=self.env(cache), capture_output=True, check=True, cwd=NEUTRAL)
            runs = [self.paint(self.kfin, lambda s: (c := count_of(s)) is not None and c[1] > 0,
                               env={"KFIN_TUI_CACHE": str(cache)}) for _ in range(self.reps)]
            r["paint"] = stats([x["t"] for x in runs])
            r["first_nonblank"] = stats([x["first_nonblank"] for x in runs])
            r["cpu"] = stats([x["cpu"] for x in runs])
        finally:
            shutil.rmtree(cache, ignore_errors=True)
        r["load_after"] = load()
        self.results["corpus"] = r

    def warm_index(self) -> None:
        if self.results.get("_warmed"):
            return
        self.log(f"warming the index of {self.archive} in {self.cache} (minutes when cold)")
        t, _, rc = run_time([*self.kfin, "index", str(self.archive)], env=self.env())
        if rc:
            raise RuntimeError("kfin-tui index failed")
        self.results["_warmed"] = True
        self.results.setdefault("info", {})["index_refresh_s"] = t

    def shows_all(self, s: str) -> bool:
        c = count_of(s)
        return c is not None and c[1] == self.size and c[0] == self.size

    def section_warm(self) -> None:
        self.warm_index()
        r: dict[str, Any] = {"load_before": load()}
        self.log("warm: start -> N/size")
        runs = [self.paint([*self.kfin, str(self.archive)], self.shows_all, useful=first_rows) for _ in range(self.reps)]
        r["paint"] = stats([x["t"] for x in runs])
        r["first_nonblank"] = stats([x["first_nonblank"] for x in runs])
        r["first_rows"] = stats([x["first_rows"] for x in runs])
        r["cpu"] = stats([x["cpu"] for x in runs])
        r["load_after"] = load()
        self.results["warm"] = r

    def expected_hits(self, term: str) -> int:
        if term not in self.hits:
            out = subprocess.run([*self.kfin, "list", "--json", "--keyword", term, str(self.archive)],
                                 env=self.env(), capture_output=True, text=True, check=False, cwd=NEUTRAL)
            self.hits[term] = len([x for x in out.stdout.splitlines() if x.strip()])
        return self.hits[term]

    def one_keyword(self, pane: Pane, term: str) -> dict[str, Any]:
        want = self.expected_hits(term)
        pane.keys("/")
        try:  # the input has the focus: the footer no longer lists the list's keys (q 退出)
            pane.wait(lambda s: "q 退出" not in s.rstrip().rsplit("\n", 1)[-1], 3, since=time.perf_counter())
        except TimeoutError:
            pass
        time.sleep(0.1)
        cpu0 = tree_cpu(pane.pid)
        t0 = time.perf_counter()
        pane.type(term)
        echo, _ = pane.wait(lambda s: term in s.split("\n")[1][:30], 30, since=t0)  # the input shows it
        first, _ = pane.wait(lambda s: (c := count_of(s)) is not None and c[0] != self.size, 30, since=t0)
        try:
            final: float | None = pane.wait(lambda s: (c := count_of(s)) is not None and c[0] == want
                                            and "搜索中" not in s, 20, since=t0)[0]
            shown = want
        except TimeoutError:  # the reader's count differs from `list --keyword`'s: say so, keep going
            final, shown = None, (count_of(pane.screen()) or (-1, -1))[0]
        # the CPU the reader (every thread, its helpers) used from the keys to the final count: on a
        # loaded machine the steadier figure (it includes background work running meanwhile)
        cpu = tree_cpu(pane.pid) - cpu0
        return {"echo": echo, "first_change": first, "final": final, "hits": want, "shown": shown, "cpu": cpu}

    def section_keyword(self) -> None:
        self.warm_index()
        r: dict[str, Any] = {"load_before": load()}
        terms = self.terms
        for t in terms + (LONG_TERMS if self.args.long_terms else []):
            self.expected_hits(t)  # (before the reader opens: `list` runs meanwhile would slow it)
        r["terms"] = {t: self.hits[t] for t in terms}
        # settled: one reader, every term, reps rounds; its peak RSS
        self.log("keyword: settled reader")
        pane = self.term().start([*self.kfin, str(self.archive)], env={"KFIN_TUI_CACHE": str(self.cache)})
        settled: list[dict[str, Any]] = []
        try:
            pane.go()
            rss = TreeRss(pane.pid)
            pane.sampler = rss
            pane.wait(self.shows_all, 120)
            end = time.perf_counter() + float(self.args.settle)
            while time.perf_counter() < end:
                rss()
                time.sleep(0.05)
            for _ in range(self.reps):
                for term in terms:
                    settled.append({"term": term, **self.one_keyword(pane, term)})
                    pane.keys("Escape")
                    pane.wait(self.shows_all, 30, since=time.perf_counter())
                    time.sleep(0.05)
            rss()
            r["rss_main_peak_short_mb"] = _status(pane.pid, "VmHWM") / 1024  # (before the longer terms)
            if self.args.long_terms:
                # the first round checks the candidates' texts; the reader remembers its last answers
                # (Fts._checked, valid while the searchable texts are unchanged: an article opened
                # between rounds leaves them): later rounds time a remembered answer
                self.log("keyword: longer terms, settled reader")
                for rnd in range(self.reps):
                    for term in LONG_TERMS:
                        r.setdefault("settled_long", []).append(
                            {"term": term, "round": rnd, **self.one_keyword(pane, term)})
                        pane.keys("Escape")
                        pane.wait(self.shows_all, 30, since=time.perf_counter())
                        time.sleep(0.05)
                long = r.get("settled_long", [])
                r["settled_long_first_final"] = stats([x["final"] for x in long if x["round"] == 0])
                r["settled_long_again_final"] = stats([x["final"] for x in long if x["round"] > 0])
                r["long_terms"] = {t: self.hits[t] for t in LONG_TERMS}
            rss()
            r["rss_main_peak_mb"] = _status(pane.pid, "VmHWM") / 1024
            r["rss_tree_peak_mb"] = rss.peak_kb / 1024
            r["rss_tree_procs"] = rss.max_procs
        finally:
            pane.quit("Escape", "Escape", "q")
        r["settled"] = settled
        r["settled_final"] = stats([x["final"] for x in settled])
        r["settled_first"] = stats([x["first_change"] for x in settled])
        # right after opening: the list appears, the keyword is typed at once (freshness check running)
        self.log("keyword: right after opening")
        early: list[dict[str, Any]] = []
        for i in range(max(self.reps, 3)):
            term = terms[i % len(terms)]
            pane = self.term().start([*self.kfin, str(self.archive)], env={"KFIN_TUI_CACHE": str(self.cache)})
            try:
                pane.go()
                opened, _ = pane.wait(self.shows_all, 120)
                early.append({"term": term, "opened": opened, **self.one_keyword(pane, term)})
            finally:
                pane.quit("Escape", "Escape", "q")
        r["early"] = early
        r["count_mismatches"] = [x for x in settled + early if x["final"] is None]
        r["early_final"] = stats([x["final"] for x in early])
        r["early_first"] = stats([x["first_change"] for x in early])
        r["load_after"] = load()
        self.results["keyword"] = r

    def section_list(self) -> None:
        r: dict[str, Any] = {"load_before": load()}
        for rep in range(int(self.args.cold_reps)):
            cache = Path(tempfile.mkdtemp(prefix="kfin-bench-cold-"))
            try:
                self.log(f"list: cold run {rep + 1}")
                first, total, lines, rc = run_in_pty([*self.kfin, "list", str(self.archive)], self.env(cache))
                r.setdefault("cold_first", []).append(first)
                r.setdefault("cold_all", []).append(total)
                r["cold_lines"] = lines
                r["cold_rc"] = rc
            finally:
                shutil.rmtree(cache, ignore_errors=True)
        r["cold_first"] = stats(r.get("cold_first", []))
        r["cold_all"] = stats(r.get("cold_all", []))
        self.warm_index()
        rg = shutil.which("rg")
        for label, term in (("hit", self.hit_term), ("nohit", NO_HIT)):
            self.log(f"list: --keyword {term} vs rg")
            self.expected_hits(term)  # once, so the timed runs are warm
            runs = [run_time([*self.kfin, "list", "--json", "--keyword", term, str(self.archive)], env=self.env())
                    for _ in range(self.reps)]
            ours = {json.loads(x)["path"] for x in runs[0][1].splitlines() if x.strip()}
            r[f"kw_{label}"] = stats([x[0] for x in runs])
            r[f"kw_{label}_hits"] = len(ours)
            if rg:
                rr = [run_time([rg, "-l", "-F", term, str(self.archive)]) for _ in range(self.reps)]
                theirs = {x for x in rr[0][1].splitlines() if x.strip()}
                r[f"rg_{label}"] = stats([x[0] for x in rr])
                r[f"kw_{label}_same_set"] = ours == theirs
                r[f"kw_{label}_rg_hits"] = len(theirs)
        r["load_after"] = load()
        self.results["list"] = r

    def section_size(self) -> None:
        self.warm_index()
        disk, apparent = du(self.cache)
        adisk, aapp = du(self.archive)
        self.results["size"] = {"index_disk": disk, "index_apparent": apparent,
                                "archive_disk": adisk, "archive_apparent": aapp,
                                "files": sorted(str(p.relative_to(self.cache)) for p in self.cache.rglob("*") if p.is_file())}

    def section_newsboat(self) -> None:
        nb = shutil.which("newsboat")
        if not nb:
            self.results["newsboat"] = {"skipped": "newsboat not installed"}
            self.log("newsboat: not installed, skipped")
            return
        r: dict[str, Any] = {"load_before": load()}
        r["version"] = subprocess.run([nb, "--version"], capture_output=True, text=True, check=False).stdout.split(" - ", 1)[0]
        d = Path(self.args.newsboat_dir or f"{self.archive}.newsboat")
        d.mkdir(parents=True, exist_ok=True)
        feed = d / "feed.xml"
        stamp = d / "feed.source"
        src = f"{self.archive.resolve()} {self.size}"
        if not feed.exists() or not stamp.exists() or stamp.read_text() != src:
            self.log("newsboat: writing the feed")
            for f in (feed, d / "cache.db"):
                f.unlink(missing_ok=True)
            subprocess.run([self.python, str(HERE / "newsboat_feed.py"), str(self.archive), str(feed)],
                           check=True, capture_output=True)
            stamp.write_text(src)
        (d / "urls").write_text(f"file://{feed}\n")
        (d / "config").write_text("auto-reload no\nshow-read-feeds yes\nconfirm-exit no\n")
        base = [nb, "-u", str(d / "urls"), "-c", str(d / "cache.db"), "-C", str(d / "config")]
        (d / "cache.db.lock").unlink(missing_ok=True)
        if not (d / "cache.db").exists():
            self.log("newsboat: filling its cache (-x reload)")
            t, _, rc = run_time([*base, "-x", "reload"])
            r["reload_s"] = t
            if rc:
                r["error"] = "newsboat -x reload failed"
                self.results["newsboat"] = r
                return
        r["feed_bytes"] = feed.stat().st_size
        # the feed list's count column is cut at 100k ("(100000/100 bench-100k"): the unread count is enough
        pat = re.compile(rf"\({self.size}/\d+")
        opened, art, srch = [], [], []
        self.log("newsboat: open / articles / search")
        for i in range(self.reps):
            pane = self.term().start(base, cwd=str(d))
            try:
                pane.go()
                t, _ = pane.wait(lambda s: "Your feeds" in s and pat.search(s) is not None, 120)
                opened.append(t)
                t1 = time.perf_counter()
                pane.keys("Enter")
                t, _ = pane.wait(lambda s: "Articles in feed" in s, 300, since=t1)
                art.append(t)
                pane.keys("q")
                pane.wait(lambda s: "Your feeds" in s, 60, since=time.perf_counter())
                pane.keys("/")
                pane.wait(lambda s: "Search for:" in s, 30, since=time.perf_counter())
                pane.type(self.terms[i % len(self.terms)])
                t1 = time.perf_counter()
                pane.keys("Enter")
                t, _ = pane.wait(lambda s: "Search results" in s, 300, since=t1)
                srch.append(t)
            finally:
                pane.quit("q", "q", "q")
        r["open"] = stats(opened)
        r["articles"] = stats(art)
        r["search"] = stats(srch)
        r["load_after"] = load()
        self.results["newsboat"] = r

    # -- terms
    @property
    def terms(self) -> list[str]:
        return self.args.terms or company_terms(int(self.args.n_terms))

    @property
    def hit_term(self) -> str:
        return self.terms[0]


# ---------------------------------------------------------------- report

def ratio(a: dict[str, Any] | None, b: dict[str, Any] | None) -> str:
    if not a or not b or not a.get("n") or not b.get("n") or not b["median"]:
        return ""
    return f"{a['median'] / b['median']:.2f}×"


def verdict(ok: bool | None) -> str:
    return "" if ok is None else (" ✔" if ok else " ✘")


def table(res: dict[str, Any], size: int) -> str:
    head = "| measure | kfin-tui / value | floor or peer (same run) | ratio | target |\n|---|---|---|---|---|\n"
    return head + "\n".join("| " + " | ".join(r) + " |" for r in table_rows(res, size)) + "\n"


def table_rows(res: dict[str, Any], size: int) -> list[tuple[str, str, str, str, str]]:
    """(measure, value, floor or peer, ratio, target) for every figure in ``res``."""
    rows: list[tuple[str, str, str, str, str]] = []
    fl, co, wa, kw, li, sz, nb = (res.get(k, {}) for k in ("floor", "corpus", "warm", "keyword", "list", "size", "newsboat"))
    bare = fl.get("bare_paint")
    if fl and "files" in fl:
        rows.append(("bare Textual app (one Static): first paint", fmt_s(bare), "", "", "floor"))
        rows.append(("… CPU time used until then (user+sys; steadier than wall time on a loaded machine)",
                     fmt_s(fl.get("bare_cpu")), "", "", "floor"))
        rows.append(("interpreter start / `import textual.app` / `import kfin_tui.ui.app` (whole process)",
                     " / ".join(fmt_s(fl.get(k)) for k in ("import_python", "import_textual", "import_kfin_ui")), "", "", ""))
        rows.append((f"raw-read floor: walk + read {fl['files']:,} files ({fl['bytes'] / 1e6:,.0f} MB), in-process, warm",
                     fmt_s(fl.get("raw_read")), "", "", "floor"))
        for label in ("hit", "nohit"):
            if f"rg_{label}" in fl:
                rows.append(((f"`rg -l -F` ({'term with hits' if label == 'hit' else 'term without hits'}, "
                              f"{fl[f'rg_{label}_files']:,} files)"), fmt_s(fl[f"rg_{label}"]), "", "", "floor"))
    if co:
        p = co.get("paint")
        ok = p["median"] <= 1.5 * bare["median"] if p and bare and p.get("n") and bare.get("n") else None
        rows.append(("kfin-tui, bundled corpus: start → list with its count", fmt_s(p), f"bare {fmt_s(bare)}",
                     ratio(p, bare), TARGETS["corpus_paint"] + verdict(ok)))
        rows.append(("… CPU time used until then (process tree)", fmt_s(co.get("cpu")),
                     f"bare {fmt_s(fl.get('bare_cpu'))}" if fl else "", ratio(co.get("cpu"), fl.get("bare_cpu")), ""))
    nbo = nb.get("open") if nb else None
    # newsboat's open of the archive, as issue 14 times it: start → its feed list, then Enter → the
    # list of the 100,000 articles (the sum of the two medians)
    nba = nb.get("articles") if nb else None
    nb_list = ({"n": min(nbo["n"], nba["n"]), "median": nbo["median"] + nba["median"]}
               if nbo and nba and nbo.get("n") and nba.get("n") else None)
    if wa:
        p = wa.get("paint")
        ok = None
        if p and p.get("n"):
            ok = p["median"] <= 1.0 and (not nb_list or p["median"] <= 0.3 * nb_list["median"])
        peer = (f"newsboat {fmt_s(nbo)} + Enter {fmt_s(nba)} = {nb_list['median']:.2f} s" if nb_list
                else f"bare {fmt_s(bare)}" if bare else "")
        rows.append((f"kfin-tui, warm {size:,} archive: start → `N/{size}` on screen", fmt_s(p), peer,
                     ratio(p, nb_list) if nb_list else ratio(p, bare), TARGETS["warm_paint"] + verdict(ok)))
        rows.append(("… of which nothing on screen (start → first non-blank)", fmt_s(wa.get("first_nonblank")),
                     "", "", ""))
        fr = wa.get("first_rows")
        if fr and fr.get("n"):
            rows.append(("… first useful paint (start → the first rows with their count)", fmt_s(fr),
                         f"bare {fmt_s(bare)}" if bare else "", ratio(fr, bare), TARGETS["corpus_paint"] + verdict(
                             fr["median"] <= 1.5 * bare["median"] if bare and bare.get("n") else None)))
        rows.append(("… CPU time used until the count shows (process tree)", fmt_s(wa.get("cpu")),
                     f"bare {fmt_s(fl.get('bare_cpu'))}" if fl else "", ratio(wa.get("cpu"), fl.get("bare_cpu")), ""))
        if bare:
            rows.append(("… same, as a multiple of the bare app's first paint", "", f"bare {fmt_s(bare)}",
                         ratio(p, bare), TARGETS["corpus_paint"] + verdict(
                             p["median"] <= 1.5 * bare["median"] if p and p.get("n") and bare.get("n") else None)))
    if kw and kw.get("settled_long_first_final", {}).get("n"):
        st, again = kw["settled_long_first_final"], kw.get("settled_long_again_final") or {}
        rows.append((f"keyword `/` + 5-6 chars ({', '.join(kw.get('long_terms', {}))}: checked on their candidates' "
                     f"texts) → final count shown, settled, first time: max (median), n={st['n']}",
                     f"{st['max'] * 1000:.0f} ms ({st['median'] * 1000:.0f} ms); again (a remembered answer): "
                     + (f"p95 {again['p95'] * 1000:.0f} ms" if again.get("n") else "–"),
                     "", "", "no target (4 chars: ≤ 100 ms)"))
    if kw:
        for key, label in (("settled_final", "settled"), ("early_final", "right after opening (freshness check running)")):
            st = kw.get(key)
            if st and st.get("n"):
                first = kw.get(key.replace("final", "first"))
                echo = stats([x["echo"] for x in kw.get(key.split("_")[0], [])])
                ok = st["p95"] <= 0.1
                rows.append((f"keyword `/` + 4 chars → final count shown, {label}: p95 (median), n={st['n']}",
                             f"{st['p95'] * 1000:.0f} ms ({st['median'] * 1000:.0f} ms); first change p95 "
                             f"{first['p95'] * 1000:.0f} ms; the input shows the term: p95 {echo['p95'] * 1000:.0f} ms"
                             if first and first.get("n") and echo.get("n") else "",
                             f"newsboat search {fmt_s(nb.get('search'))}" if nb and nb.get("search") else "",
                             "", TARGETS["keyword"] + verdict(ok)))
                cpu = stats([x["cpu"] for x in kw.get(key.split("_")[0], []) if x.get("cpu") is not None])
                if cpu.get("n"):
                    rows.append(("… CPU the reader used meanwhile (process tree, 10 ms ticks): p95 (median)",
                                 f"{cpu['p95'] * 1000:.0f} ms ({cpu['median'] * 1000:.0f} ms)", "", "", ""))
        if kw.get("count_mismatches"):
            mm = kw["count_mismatches"]
            rows.append((f"keyword runs where the reader's count never matched `list --keyword` ({len(mm)})",
                         "; ".join(f"{x['term']}: {x['shown']} vs {x['hits']}" for x in mm[:5]), "", "", "check"))
        if "rss_main_peak_mb" in kw:
            m = kw["rss_main_peak_mb"]
            rows.append(((f"peak RSS, reader warm at {size:,} (after the keyword runs): main process (VmHWM) / "
                          f"process tree (polled, {kw['rss_tree_procs']} procs)"),
                         f"{m:.0f} MB / {kw['rss_tree_peak_mb']:.0f} MB"
                         + (f" (after the 4-character terms alone: {kw['rss_main_peak_short_mb']:.0f} MB)"
                            if "rss_main_peak_short_mb" in kw else ""), "", "", TARGETS["rss"] + verdict(m <= 500)))
    raw = fl.get("raw_read") if fl else None
    if li:
        cf, ca = li.get("cold_first"), li.get("cold_all")
        if cf and cf.get("n"):
            rows.append((f"`kfin-tui list` cold {size:,}: first line", fmt_s(cf), "", "",
                         TARGETS["list_first"] + verdict(cf["median"] <= 1.0)))
            rows.append((f"`kfin-tui list` cold {size:,}: all {li.get('cold_lines', 0):,} lines", fmt_s(ca),
                         f"raw read {fmt_s(raw)}", ratio(ca, raw),
                         TARGETS["list_all"] + verdict(ca["median"] <= 3 * raw["median"] if raw and raw.get("n") else None)))
        for label in ("hit", "nohit"):
            k = li.get(f"kw_{label}")
            if not k:
                continue
            rgs = li.get(f"rg_{label}")
            same = li.get(f"kw_{label}_same_set")
            ok = k["median"] <= 0.7 * rgs["median"] if rgs and rgs.get("n") else None
            rows.append((f"`list --json --keyword` ({li[f'kw_{label}_hits']:,} hits"
                         + ("" if same is None else (", same set as rg" if same else ", DIFFERENT set from rg")) + ")",
                         fmt_s(k), f"rg {fmt_s(rgs)}", ratio(k, rgs), TARGETS["list_kw"] + verdict(ok)))
    if sz:
        r1 = sz["index_disk"] / sz["archive_apparent"] if sz["archive_apparent"] else 0
        r2 = sz["index_disk"] / sz["archive_disk"] if sz["archive_disk"] else 0
        rows.append(("index on disk (du of the cache folder) vs archive bytes (du on disk)",
                     f"{sz['index_disk'] / 1e6:,.0f} MB",
                     f"{sz['archive_apparent'] / 1e6:,.0f} MB ({sz['archive_disk'] / 1e6:,.0f} MB)",
                     f"{r1:.2f}× ({r2:.2f}×)", TARGETS["index_size"] + verdict(r1 <= 1.5)))
    if nb:
        if nb.get("skipped") or nb.get("error"):
            rows.append(("newsboat (peer)", nb.get("skipped") or nb.get("error"), "", "", ""))
        else:
            rows.append(((f"{nb.get('version', 'newsboat')}, same archive as one feed ({nb['feed_bytes'] / 1e6:,.0f} MB): "
                          "start → feed list with its count"), fmt_s(nb.get("open")), "", "", "peer"))
            rows.append(("newsboat: Enter → article list / `/` term Enter → search results",
                         f"{fmt_s(nb.get('articles'))} / {fmt_s(nb.get('search'))}", "", "", "peer"))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10000, help="articles in the synthetic archive (default 10000)")
    ap.add_argument("--archive", type=Path, default=None,
                    help="archive folder (default /tmp/kfin-bench-SIZE; made with make_archive.py when missing)")
    ap.add_argument("--cache", type=Path, default=None,
                    help="KFIN_TUI_CACHE of the warm index (default ARCHIVE.kfin-cache; warmed with `kfin-tui index`)")
    ap.add_argument("--reps", type=int, default=5, help="repetitions per figure (median and range)")
    ap.add_argument("--cold-reps", type=int, default=1, help="repetitions of the cold `list` run")
    ap.add_argument("--n-terms", type=int, default=6, help="4-character terms (company names of the archive)")
    ap.add_argument("--terms", nargs="+", default=None, help="keyword terms instead of the archive's company names")
    ap.add_argument("--long-terms", action=argparse.BooleanOptionalAction, default=True,
                    help="also time LONG_TERMS (5-6 characters, the synthetic archive's topics) in the settled reader")
    ap.add_argument("--settle", type=float, default=3.0, help="seconds after opening before the settled keyword runs")
    ap.add_argument("--python", default=sys.executable,
                    help="interpreter of the kfin-tui to measure (its console script next to it)")
    ap.add_argument("--only", default="", help=f"comma-separated sections of {','.join(SECTIONS)}")
    ap.add_argument("--skip", default="", help="comma-separated sections to leave out")
    ap.add_argument("--newsboat-dir", default=None, help="feed + newsboat cache (default ARCHIVE.newsboat)")
    ap.add_argument("--out", type=Path, default=OUT, help="folder for the JSON and Markdown results")
    ap.add_argument("--no-bytecode", action="store_true",
                    help="leave PYTHONDONTWRITEBYTECODE as the environment has it: where it is set and the "
                         "package has no __pycache__ (an editable checkout here), every start compiles "
                         "kfin_tui from source (the runs before 2 Dec 09:55 UTC measured that)")
    args = ap.parse_args(argv)

    only = [s for s in args.only.split(",") if s] or list(SECTIONS)
    skip = {s for s in args.skip.split(",") if s}
    bad = [s for s in [*only, *skip] if s not in SECTIONS]
    if bad:
        ap.error(f"unknown section(s) {bad}; sections: {', '.join(SECTIONS)}")
    if not shutil.which("tmux"):
        print("tmux is not installed: nothing measured", file=sys.stderr)
        return 2
    archive = (args.archive or Path(tempfile.gettempdir()) / f"kfin-bench-{args.size}").absolute()
    if not archive.exists() or not any(archive.iterdir()):
        print(f"making a {args.size:,}-article archive in {archive}", file=sys.stderr)
        sys.path.insert(0, str(HERE))
        from make_archive import make_archive

        make_archive(archive, args.size)
    size = len(files_of(archive))
    cache = (args.cache or Path(f"{archive}.kfin-cache")).absolute()
    cache.mkdir(parents=True, exist_ok=True)
    script = Path(args.python).with_name("kfin-tui")
    kfin = [str(script)] if script.exists() else [args.python, "-m", "kfin_tui"]
    b = Bench(args, args.python, kfin, archive, cache, size)
    # never the user's reading state (nor one run's for the next): see Tmux.start for the readers
    os.environ["KFIN_TUI_STATE"] = tempfile.mkdtemp(prefix="kfin-bench-state-")
    bytecode = "as the environment has it"
    if not args.no_bytecode:
        bytecode = use_bytecode_cache(args.python)
    src = subprocess.run([args.python, "-c", "import kfin_tui, os; print(os.path.dirname(kfin_tui.__file__))"], cwd=NEUTRAL,
                         capture_output=True, text=True, check=False).stdout.strip()
    # the last commit that changed the package measured (not the branch head: bench commits do not count)
    commit = subprocess.run(["git", "-C", src or ".", "log", "-1", "--format=%h %cd", "--date=format:%Y-%m-%d %H:%M",
                             "--", "."],
                            capture_output=True, text=True, check=False).stdout.strip() or f"(no git: {src})"
    info = {"date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "host": platform.node(), "cpus": os.cpu_count(),
            "python": subprocess.run([args.python, "-V"], capture_output=True, text=True, check=False).stdout.strip(),
            "kfin_tui": src, "commit": commit, "archive": str(archive), "size": size, "cache": str(cache),
            "reps": args.reps, "terms": b.terms, "tmux": subprocess.run(["tmux", "-V"], capture_output=True, text=True,
                                                                         check=False).stdout.strip(),
            "load_start": load(), "terminal": f"{COLS}x{ROWS}", "bytecode": bytecode}
    b.results["info"] = info
    b.log(f"{size:,} articles in {archive}; kfin-tui from {src} ({commit})")
    t_start = time.perf_counter()
    try:
        for name in only:
            if name in skip:
                continue
            try:
                getattr(b, f"section_{name}")()
            except (RuntimeError, TimeoutError, OSError, ValueError, KeyError, subprocess.SubprocessError) as exc:
                # one failed section must not lose the others
                b.results[name] = {"error": f"{type(exc).__name__}: {str(exc)[-3000:]}"}
                b.log(f"{name} FAILED: {exc}")
    finally:
        if b.tmux:
            b.tmux.close()
        shutil.rmtree(os.environ["KFIN_TUI_STATE"], ignore_errors=True)
    info["load_end"] = load()
    info["seconds"] = round(time.perf_counter() - t_start, 1)
    b.results.pop("_warmed", None)
    md = (f"tmux {COLS}×{ROWS}, {info['cpus']} cpus, {info['python']}, kfin-tui {commit}; "
          f"{size:,} articles; reps {args.reps}; load {info['load_start']} → {info['load_end']}; "
          f"{info['seconds']:.0f} s; bytecode {info['bytecode']}\n\n" + table(b.results, size))
    errors = {k: v["error"] for k, v in b.results.items() if isinstance(v, dict) and "error" in v}
    if errors:
        md += "\nFailed sections:\n" + "\n".join(f"- {k}: {v.splitlines()[0]}" for k, v in errors.items()) + "\n"
    print(md)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (args.out / f"tmux_bench-{size}-{stamp}.json").write_text(json.dumps(b.results, ensure_ascii=False, indent=1))
    (args.out / f"tmux_bench-{size}-{stamp}.md").write_text(md)
    print(f"written {args.out}/tmux_bench-{size}-{stamp}.{{json,md}}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
