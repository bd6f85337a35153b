"""Issue 10: every hostile file, alone in a folder, through ``list``, ``list --json``, ``extract`` and
``extract --json``, one process each, as a user runs them: no traceback, a sane exit code, and no
control character on stdout or stderr except JSON-escaped (``\\u001b``)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

# raw bytes a terminal acts on: C0 but newline, DEL, C1 (as UTF-8 text), BiDi overrides/isolates
RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _bomb() -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    return "---\ntitle: 炸弹\n" + "\n".join(lines) + "\ncategories: *a8\n---\n正文。\n"


# (file name, content): each one an attack from the issue, small
HOSTILE = {
    "escape-name": ("\x1b[2J\x1b]0;PWNED\x07\x1b]52;c;ZXZpbA==\x07 clear screen.md", "正文没有标题。\n"),
    "c1-name": ("report\x9b2J\x9d0;title\x9c notes.txt", "正文没有标题，一句话而已。\n"),
    "newline-name": ("first line\nsecond line.md", "# \n\n正文。\n"),
    "bidi-name": ("evil\u202egnp.exe report.md", "正文\u2066隔离\u2069。\n"),
    "lead-escape": ("003_ee5b7100cdc437a6.txt", "\x1b]52;c;ZXZpbA==\x07\x9b2J公司营收增长12%，利润35亿元。\n"),
    "osc8-href": ("link.html", '<p>点<a href="&#27;]0;PWNED&#7;&#27;]52;c;eA==&#7;">这里</a>，营收增长12%。</p>'),
    "cashtag": ("cashtag.txt", "$\x1b[31m科技\x1b]0;x\x07(SZ000001)$\n\n某公司营收增长12%。\n"),
    "markup": ("[@click=app.quit]CLICKME [b]x.md", "---\ntitle: \"[/]科技 [@click=app.quit]点\"\nauthor: 某社\n---\n正文。\n"),
    "alias-bomb": ("bomb.md", _bomb()),
    "edge-dates": ("dates.md", "---\ntitle: 日期\ndate: 9999-12-31T23:59:59-12:00\nauthor: 某社\n---\n正文。\n"),
    "year-one": ("one.md", "---\ntitle: 日期\ndate: 0001-01-01\nauthor: 某社\n---\n正文。\n"),
    "nested-tables": ("tables.html", "<table><tr><td>格" * 200 + "核心" + "</td></tr></table>" * 200),
    "deep-divs": ("deep.html", "<div>" * 20_000 + "深处营收12%" + "</div>" * 20_000),
    "zero-width": ("zw.md", "---\ntitle: \"名\u200b称\u200d\ufeff\xad\"\nauthor: 某\u0301社\n---\n营\u200b收增长12%。\n"),
}
COMMANDS = (("list",), ("list", "--json"), ("extract",), ("extract", "--json"))


def _run(args: list[str], tmp: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, KFIN_TUI_CACHE=str(tmp / "cache"), XDG_CACHE_HOME=str(tmp / "xdg"),
               PYTHONIOENCODING="utf-8", COLUMNS="100", TERM="xterm-256color")
    return subprocess.run([sys.executable, "-m", "kfin_tui", *args], capture_output=True, env=env, timeout=120)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_through_every_command(tmp_path, case):
    name, content = HOSTILE[case]
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / name).write_text(content, encoding="utf-8")
    with ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(lambda cmd: (cmd, _run([*cmd, str(folder)], tmp_path / "-".join(cmd))), COMMANDS))
    for cmd, proc in runs:
        out = proc.stdout.decode("utf-8", "surrogateescape")
        err = proc.stderr.decode("utf-8", "surrogateescape")
        where = f"{case}: {' '.join(cmd)}"
        assert proc.returncode in (0, 1), f"{where}: exit {proc.returncode}\n{err}"
        assert "Traceback" not in err, f"{where}\n{err}"
        assert not RAW_CONTROL.search(err), f"{where}: stderr {err!r}"
        if "--json" in cmd:
            for line in out.splitlines():
                json.loads(line)  # JSON stays JSON
            # in JSON, controls appear escaped only; C1/BiDi must be escaped too (U+009B is CSI to
            # some terminals)
            assert not RAW_CONTROL.search(out), f"{where}: stdout {out!r}"
        elif cmd[0] == "list":
            # not a terminal: whole rows, tab-separated (date, title, source, categories); a name
            # never adds a column or a row
            lines = out.splitlines()
            assert len(lines) == 1, f"{where}: stdout {out!r}"
            for line in lines:
                cells = line.split("\t")
                assert len(cells) == 4, f"{where}: {cells!r}"
                assert not any(RAW_CONTROL.search(c) for c in cells), f"{where}: stdout {out!r}"
        else:
            assert not RAW_CONTROL.search(out), f"{where}: stdout {out!r}"
        if cmd[0] == "extract" and "--json" not in cmd and case not in ("alias-bomb",):
            assert out.strip(), f"{where}: nothing printed"
