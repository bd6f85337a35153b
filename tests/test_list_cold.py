"""`kfin-tui list` on a cold folder (issue 14): the metadata pass lists every row, in the order and
with the content of the full listing; the bodies are read only when the output needs them
(--json's tickers, a keyword, a company). Generated archives (tests/bench/make_archive.py), no
timing asserts."""
from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import sys
from pathlib import Path

import pytest

from kfin_tui.commands import cmd_list
from kfin_tui.index import library as library_module
from kfin_tui.index import parse as parse_module

BENCH = Path(__file__).parent / "bench" / "make_archive.py"
COUNT = 320  # above COLD_META_MIN (the metadata pass), below POOL_MIN_FILES (parsed in this process)


def _make_archive():
    spec = importlib.util.spec_from_file_location("kfin_make_archive", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_archive


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cold") / "archive"
    _make_archive()(root, COUNT)
    return root


def _args(path: Path, **kw) -> argparse.Namespace:
    base = {"path": str(path), "json": False, "category": None, "keyword": None, "company": None,
            "unread": False, "starred": False, "watch": False}
    base.update(kw)
    return argparse.Namespace(**base)


class Counting:
    """Counts full parses (parse_one: the whole file read and parsed) and body passes."""

    def __init__(self, monkeypatch) -> None:
        self.parsed: list[str] = []
        self.body_passes = 0
        real_parse = parse_module.parse_one
        real_complete = library_module.Library.complete

        def parse_one(path, *a, **kw):
            self.parsed.append(str(path))
            return real_parse(path, *a, **kw)

        def complete(lib, *a, **kw):
            self.body_passes += 1
            return real_complete(lib, *a, **kw)

        monkeypatch.setattr(parse_module, "parse_one", parse_one)
        monkeypatch.setattr(library_module.Library, "complete", complete)


def _run(args: argparse.Namespace, monkeypatch, cache: Path | None, tty: bool = False) -> str:
    if cache is None:
        monkeypatch.setenv("KFIN_TUI_NO_INDEX", "1")
    else:
        monkeypatch.delenv("KFIN_TUI_NO_INDEX", raising=False)
        monkeypatch.setenv("KFIN_TUI_CACHE", str(cache))
    out = io.BytesIO()

    class Out(io.TextIOWrapper):
        def isatty(self) -> bool:
            return tty

    stream = Out(out, encoding="utf-8", newline="\n", write_through=True)
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert cmd_list.run(args) == 0
    stream.flush()
    return out.getvalue().decode("utf-8")


def _abstentions(root: Path) -> set[str]:
    """Files the metadata pass cannot list from their head (it parses those in full)."""
    from kfin_tui.articles.decoding import MAX_BYTES
    from kfin_tui.articles.quickmeta import quick_meta

    out = set()
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as fh:
                data = fh.read(parse_module.HEAD_BYTES)
            size = os.path.getsize(path)
            if size > MAX_BYTES or quick_meta(data, path, str(root), len(data) == size) is None:
                out.add(path)
    return out


def test_cold_table_equals_the_full_listing_and_reads_no_body(archive, tmp_path, monkeypatch):
    full = _run(_args(archive), monkeypatch, None)  # every file parsed in full, no index
    counting = Counting(monkeypatch)
    cold = _run(_args(archive), monkeypatch, tmp_path / "cache")
    assert cold == full and len(cold.splitlines()) == COUNT
    assert counting.body_passes == 0
    # only the files whose head the metadata pass cannot answer were parsed in full
    assert set(counting.parsed) == _abstentions(archive)
    assert len(counting.parsed) < COUNT // 2


def test_cold_table_on_a_terminal_is_the_full_table(archive, tmp_path, monkeypatch):
    monkeypatch.setattr("shutil.get_terminal_size", lambda fallback=(80, 24): os.terminal_size((120, 40)))
    full = _run(_args(archive), monkeypatch, None, tty=True)
    counting = Counting(monkeypatch)
    cold = _run(_args(archive), monkeypatch, tmp_path / "cache", tty=True)
    assert cold == full
    assert cold.splitlines()[0].startswith("日期") and cold.splitlines()[-1] == f"{COUNT}/{COUNT}"
    assert counting.body_passes == 0


def test_cold_category_filter_reads_no_body(archive, tmp_path, monkeypatch):
    first = _run(_args(archive), monkeypatch, None).splitlines()[0].split("\t")
    category = first[3].split(" / ")[-1]
    full = _run(_args(archive, category=category), monkeypatch, None)
    counting = Counting(monkeypatch)
    cold = _run(_args(archive, category=category), monkeypatch, tmp_path / "cache")
    assert cold == full and 0 < len(cold.splitlines()) < COUNT
    assert counting.body_passes == 0


@pytest.mark.parametrize("extra", [{"json": True}, {"keyword": "营业收入"}])
def test_outputs_that_need_the_bodies_read_them(archive, tmp_path, monkeypatch, extra):
    full = _run(_args(archive, **extra), monkeypatch, None)
    counting = Counting(monkeypatch)
    cold = _run(_args(archive, **extra), monkeypatch, tmp_path / "cache")
    assert cold == full and cold
    assert counting.body_passes == 1
    if extra.get("json"):
        items = [json.loads(line) for line in cold.splitlines()]
        assert len(items) == COUNT and any(item["tickers"] for item in items)


def test_second_run_after_a_metadata_only_listing_is_complete(archive, tmp_path, monkeypatch):
    """The index a table-only listing leaves (bodies pending) serves a later --json in full."""
    cache = tmp_path / "cache"
    _run(_args(archive), monkeypatch, cache)
    full = _run(_args(archive, json=True), monkeypatch, None)
    assert _run(_args(archive, json=True), monkeypatch, cache) == full


def test_a_load_nobody_watches_puts_the_rows_in_order_once(archive, tmp_path, monkeypatch):
    """``load(live=False)`` (kfin-tui list): the rows of a cold pass are merged into the sorted list
    once, at the end, not every few batches as a reader watching the list fill needs; the same rows
    in the same order either way."""
    from kfin_tui.index import Library
    from kfin_tui.index.rows import RowTable

    monkeypatch.setattr(library_module, "STORE_BATCH", 10)  # many small batches
    monkeypatch.setattr(library_module, "LIVE_STORE_BATCH", 10)
    merges: list[int] = []
    real_place = RowTable.place

    def place(table):
        rows = real_place(table)
        merges.append(len(rows))
        return rows

    monkeypatch.setattr(RowTable, "place", place)
    orders = {}
    for live in (True, False):
        monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / f"cache-{live}"))
        merges.clear()
        lib = Library(archive)
        for _ in lib.load(batch=20, live=live):
            pass
        orders[live] = [r.path for r in lib.rows]
        counts = list(merges)
        lib.close()
        if live:
            assert len([n for n in counts if n]) > 1
        else:
            assert len([n for n in counts if n]) == 1
    assert orders[True] == orders[False] and len(orders[False]) == COUNT


def test_a_cold_pass_looks_its_paths_up_only_after_another_writer(archive, tmp_path, monkeypatch):
    """The batches of a cold pass are new paths: after its first batch, a batch looks its paths up
    in the index only when another instance wrote meanwhile (the index's generation moved), and
    from then on every batch does."""
    import sqlite3

    from kfin_tui.index import Library
    from kfin_tui.index.store.filetable import FileTable

    monkeypatch.setattr(library_module, "STORE_BATCH", 10)
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    flags: list[bool] = []
    real_insert = FileTable.insert_meta
    real_store = library_module.Library._store_metas

    def insert_meta(table, conn, metas, absent=False):
        flags.append(absent)
        return real_insert(table, conn, metas, absent)

    def store_metas(lib, metas, place):
        rows = real_store(lib, metas, place)
        if len(flags) == 3:  # another instance writes between the third batch and the fourth
            other = sqlite3.connect(lib._db.path, isolation_level=None)
            other.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='gen'")
            other.close()
        return rows

    monkeypatch.setattr(FileTable, "insert_meta", insert_meta)
    monkeypatch.setattr(library_module.Library, "_store_metas", store_metas)
    lib = Library(archive)
    for _ in lib.load(batch=20, live=False):
        pass
    assert len(flags) > 5
    assert flags[:3] == [False, True, True] and not any(flags[3:])  # after another writer: always
    assert len(lib.rows) == COUNT == len({r.path for r in lib.rows})
    lib.close()


def test_a_cold_pass_after_another_instances_whole_pass_stores_no_row_twice(archive, tmp_path, monkeypatch):
    """Another instance lists the same cold folder between this one's start and its first batch:
    the index then holds rows this pass did not look for, so every batch looks its paths up."""
    import sqlite3

    from kfin_tui.index import Library

    monkeypatch.setattr(library_module, "STORE_BATCH", 10)
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    first, other = Library(archive), Library(archive)
    real_meta = first._meta
    done: list[int] = []

    def meta(path):
        if not done:
            done.append(1)
            for _ in other.load(batch=20, live=False):  # a whole cold pass of the other instance
                pass
        return real_meta(path)

    monkeypatch.setattr(first, "_meta", meta)
    for _ in first.load(batch=20, live=False):
        pass
    con = sqlite3.connect(first._db.path)
    rows, paths = con.execute("SELECT count(*), count(DISTINCT path) FROM files").fetchone()
    con.close()
    assert rows == paths == COUNT
    again = Library(archive)
    assert len(again.load_all().rows) == COUNT
    for lib in (first, other, again):
        lib.close()


@pytest.mark.parametrize("tty", [True, False])
def test_lines_made_while_the_workers_read_are_the_table_of_the_sorted_rows(archive, tmp_path, monkeypatch, tty):
    """A cold listing makes each row's line as its batch is stored (``Library.on_stored``) and puts
    them in order at the end: the output is the table (or the TSV) made at once from the loaded
    rows, newest first (the batches come in the walk's order, not the list's)."""
    from kfin_tui.commands.cmd_list import format_table, format_tsv
    from kfin_tui.index import Library
    from kfin_tui.index.quicklist import table_cells

    monkeypatch.setattr("shutil.get_terminal_size", lambda fallback=(80, 24): os.terminal_size((100, 40)))
    made: list[int] = []
    real_add = cmd_list._EarlyLines.add

    def add(self, rows):
        made.append(len(rows))
        return real_add(self, rows)

    monkeypatch.setattr(cmd_list._EarlyLines, "add", add)
    out = _run(_args(archive), monkeypatch, tmp_path / "cache", tty=tty)
    assert len(made) >= 2 and sum(made) == COUNT  # the lines were made batch by batch
    monkeypatch.setenv("KFIN_TUI_NO_INDEX", "1")
    lib = Library(archive)
    rows = lib.load_all().rows
    expected = format_table(table_cells(rows), len(rows), width=100) if tty else format_tsv(table_cells(rows))
    assert out == expected
    lib.close()


def test_a_row_replaced_after_its_line_was_made_is_made_again():
    """The early lines are matched to the listing's rows by identity: a row replaced later (the same
    file read again) gets its line made from what the listing holds."""
    from kfin_tui.commands.cmd_list import TsvLines, _EarlyLines
    from kfin_tui.filters import Filters
    from kfin_tui.index.quicklist import Listing
    from kfin_tui.index.records import Row

    a = Row(1, "/a.md", "甲公司发布年报", None, "财联社", ("金融",), ())
    b = Row(2, "/b.md", "乙公司回购", None, "证券时报", ("金融", "公司"), ())
    early = _EarlyLines(TsvLines(), Filters())
    early.add([a, b])
    b2 = b._replace(title="乙公司回购完成")
    listing = Listing.of_rows([b2, a], "/", 2)
    assert early.lines_of(listing) == ["\t乙公司回购完成\t证券时报\t金融 / 公司\n", "\t甲公司发布年报\t财联社\t金融\n"]


def test_list_closes_the_index_and_the_console_script_ends_without_teardown(archive, tmp_path, monkeypatch):
    """After its output, ``list`` closes the index (its writes are whole in the database file) and
    says so: the console script then ends the process at once (common.exit_now), as after the
    reader. Run as a process: a cold listing, then a warm one from the index it left."""
    import subprocess

    out = _run(_args(archive), monkeypatch, tmp_path / "in-process")
    assert cmd_list.closed is True
    env = {**os.environ, "KFIN_TUI_CACHE": str(tmp_path / "cache")}
    env.pop("KFIN_TUI_NO_INDEX", None)
    runs = [subprocess.run([sys.executable, "-m", "kfin_tui", "list", str(archive)], capture_output=True,
                           text=True, env=env, timeout=120) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0]
    assert runs[0].stdout == runs[1].stdout == out
    assert all(p.stat().st_size == 0 for p in (tmp_path / "cache").glob("**/*-wal"))  # checkpointed at close
