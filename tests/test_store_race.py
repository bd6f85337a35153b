"""Issue 10 item 14: a reader of the index while another instance finishes a cold build must never
keep a row from the metadata pass (no tickers yet) once the bodies are read — whichever step of the
other instance lands between its reads. Two libraries in one process, interleaved step by step."""
from __future__ import annotations

from pathlib import Path

import pytest
from index_helpers import make_small_cold

from kfin_tui.filters import Filters
from kfin_tui.index import Library

CASHTAG = "【{title}】\n来源：东方财富网\n$测试股份{n}(SZ30{n:04d})$\n\n正文{n}，回购。\n"


def write(root: Path, n: int = 60) -> Path:
    root.mkdir(parents=True)
    for i in range(n):
        (root / f"{i:03d}.txt").write_text(CASHTAG.format(title=f"异动快讯第{i}号", n=i), encoding="utf-8")
    return root


def full_rows(root: Path) -> list[tuple]:
    lib = Library(root, use_index=False).load_all()
    return [(r.path, r.title, r.tickers) for r in lib.rows]


def rows_of(lib: Library) -> list[tuple]:
    return [(r.path, r.title, r.tickers) for r in lib.rows]


@pytest.fixture
def root(tmp_path, cache, monkeypatch):
    make_small_cold(monkeypatch)
    return write(tmp_path / "c")


def test_other_instance_finishes_between_load_and_complete(root):
    expected = full_rows(root)
    assert all(t for _, _, t in expected)  # every article has a ticker once its body is read
    a = Library(root)
    for _ in a.load():  # the metadata pass: rows without tickers, bodies pending
        pass
    assert a.bodies_pending
    b = Library(root)
    for _ in b.load():  # b reads a's metadata rows
        pass
    for _ in a.complete():  # a reads every body
        pass
    for _ in b.complete():  # nothing pending any more for b …
        pass
    assert rows_of(b) == expected  # … but b's rows are not the metadata ones
    assert rows_of(b) == rows_of(a)


def test_other_instance_finishes_during_load(root):
    expected = full_rows(root)
    a = Library(root)
    for _ in a.load():
        pass
    b = Library(root)
    loading = b.load()
    next(loading)  # b has the cached (metadata) rows …
    for _ in a.complete():  # … when a finishes the bodies
        pass
    for _ in loading:
        pass
    for _ in b.complete():
        pass
    assert rows_of(b) == expected


def test_other_instance_reads_some_bodies_meanwhile(root):
    expected = full_rows(root)
    a = Library(root)
    for _ in a.load():
        pass
    b = Library(root)
    for _ in b.load():
        pass
    body_pass = a.complete(batch=10)
    next(body_pass)  # a has read some of the bodies, not all
    body_pass.close()
    for _ in b.complete():
        pass
    assert rows_of(b) == expected
    assert not b.select(Filters(keyword="回购")).partial


def test_cli_list_json_after_another_instance_finished(root, capsys):
    """The command: `list --json` run while a cold build ends prints every ticker."""
    import json

    from kfin_tui.cli import main

    a = Library(root)
    for _ in a.load():
        pass
    b = Library(root)
    for _ in b.load():
        pass
    for _ in a.complete():
        pass
    a.close(wait=True)
    assert main(["list", "--json", str(root)]) == 0
    items = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(items) == 60 and all(i["tickers"] for i in items)
