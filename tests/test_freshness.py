"""Folder fingerprints: a warm start of an unchanged folder skips the walk, and every kind of change
is still seen (the per-file size + mtime rule, checked folder by folder)."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from index_helpers import DAY_NS, age, rowset, write_corpus

from kfin_tui import files
from kfin_tui.filters import Filters, Selection
from kfin_tui.index import Library
from kfin_tui.index import walk as walk_mod
from kfin_tui.index.library import Listing


@pytest.fixture
def corpus(tmp_path):
    root = write_corpus(tmp_path / "corpus")
    age(root)
    return root


def count_reconciles(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = Library._reconcile

    def counting(self, *args, **kwargs):
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Library, "_reconcile", counting)
    return calls


def full_listing(root: Path, keyword: str | None = None, category: str | None = None) -> Listing:
    lib = Library(root, use_index=False).load_all()
    hits = lib.search(keyword or "")
    rows = [r for r in lib.rows if (not category or category in r.categories) and (hits is None or r.id in hits)]
    return lib.listing(Selection(rows, len(lib.rows)))


def test_unchanged_folder_is_not_walked_again(cache, corpus, monkeypatch):
    Library(corpus).load_all()
    calls = count_reconciles(monkeypatch)
    warm = Library(corpus).load_all()
    assert calls == []
    assert rowset(warm) == rowset(Library(corpus, use_index=False).load_all())
    assert Library(corpus).quick_listing(Filters()) is not None


@pytest.mark.parametrize("keyword,category", [(None, None), ("回购", None), ("港股 芯片", None), (None, "快讯"),
                                              ("ai", "金融"), ("不存在的词", None), ("的", None)])
def test_quick_listing_prints_what_a_full_load_prints(cache, corpus, keyword, category):
    Library(corpus).load_all()
    quick = Library(corpus).quick_listing(Filters(keyword or "", category or ""))
    assert quick is not None
    full = full_listing(corpus, keyword, category)
    assert quick.json_bytes() == full.json_bytes()
    assert quick.table_rows() == full.table_rows() and quick.total == full.total
    if keyword is None and category is None:
        assert len(quick.json_bytes().splitlines()) == quick.total > 20


def test_quick_listing_paths_follow_the_folder_as_typed(cache, corpus, monkeypatch):
    Library(corpus).load_all()
    monkeypatch.chdir(corpus.parent)
    relative = Library(Path("corpus")).quick_listing(Filters())
    absolute = Library(corpus).quick_listing(Filters())
    rel_paths = [json.loads(line)["path"] for line in relative.json_bytes().splitlines()]
    abs_paths = [json.loads(line)["path"] for line in absolute.json_bytes().splitlines()]
    assert rel_paths and all(p.startswith("corpus" + os.sep) for p in rel_paths)
    assert abs_paths == [str(corpus.parent / p) for p in rel_paths]


def _restore_mtime(path: Path, before: int) -> None:
    os.utime(path, ns=(before, before))


def change_in_place(root: Path) -> None:
    p = root / "posts" / "001.md"
    st = p.stat()
    p.write_text(p.read_text(encoding="utf-8").replace('title: "', 'title: "改过的'), encoding="utf-8")
    os.utime(p, ns=(st.st_mtime_ns - DAY_NS, st.st_mtime_ns - DAY_NS))  # older, not newer: still seen


def same_size_new_mtime(root: Path) -> None:
    p = root / "posts" / "001.md"
    data = p.read_bytes()
    st = p.stat()
    p.write_bytes(data.replace("第".encode(), "篇".encode(), 1))
    assert p.stat().st_size == st.st_size
    os.utime(p, ns=(st.st_mtime_ns + 1, st.st_mtime_ns + 1))


def new_file_same_folder_mtime(root: Path) -> None:
    folder = root / "posts"
    before = folder.stat().st_mtime_ns
    (folder / "zz-new.md").write_text("---\ntitle: 新来的文章\n---\n\n新内容。\n", encoding="utf-8")
    os.utime(folder / "zz-new.md", ns=(before, before))
    _restore_mtime(folder, before)  # a create in the same clock tick as the last walk


def deleted_file_same_folder_mtime(root: Path) -> None:
    folder = root / "em"
    before = folder.stat().st_mtime_ns
    (folder / "002.txt").unlink()
    _restore_mtime(folder, before)


def new_subfolder(root: Path) -> None:
    sub = root / "posts" / "2024"
    sub.mkdir()
    (sub / "a.md").write_text("---\ntitle: 子目录里的新文章\n---\n\n内容。\n", encoding="utf-8")


def deleted_subfolder(root: Path) -> None:
    shutil.rmtree(root / "em")


def renamed_file(root: Path) -> None:
    (root / "posts" / "004.md").rename(root / "posts" / "004-renamed.md")


def not_an_article_any_more(root: Path) -> None:
    (root / "posts" / "004.md").rename(root / "posts" / "004.md.bak")


@pytest.mark.parametrize("change", [change_in_place, same_size_new_mtime, new_file_same_folder_mtime,
                                    deleted_file_same_folder_mtime, new_subfolder, deleted_subfolder,
                                    renamed_file, not_an_article_any_more])
def test_every_change_is_seen(cache, corpus, monkeypatch, change):
    Library(corpus).load_all()
    change(corpus)
    assert Library(corpus).quick_listing(Filters()) is None  # stale: the caller loads instead
    calls = count_reconciles(monkeypatch)
    lib = Library(corpus).load_all()
    assert calls == [1]
    assert rowset(lib) == rowset(Library(corpus, use_index=False).load_all())


def test_hidden_and_furniture_files_change_nothing(cache, corpus, monkeypatch):
    Library(corpus).load_all()
    folder = corpus / "posts"
    before = folder.stat().st_mtime_ns
    (folder / ".draft.md").write_text("---\ntitle: 草稿\n---\n", encoding="utf-8")
    (folder / "README.md").write_text("# 说明\n", encoding="utf-8")
    (folder / "chart.png").write_bytes(b"\x89PNG")
    _restore_mtime(folder, before)
    calls = count_reconciles(monkeypatch)
    Library(corpus).load_all()
    assert calls == []


def test_recent_changes_are_never_trusted(cache, tmp_path, monkeypatch):
    """A folder or file changed in the last seconds may change again within the same mtime tick:
    it gets no fingerprint, so the next start walks (as git does with racily clean files)."""
    root = write_corpus(tmp_path / "fresh")  # just written: every mtime is recent
    Library(root).load_all()
    calls = count_reconciles(monkeypatch)
    Library(root).load_all()
    assert calls == [1]


def test_fingerprint_of_a_folder_matches_the_walk(tmp_path):
    """folder_fingerprint (the helper's view) and the walk agree on what a folder holds: hidden
    names, furniture, non-article suffixes, a folder named like an article, links."""
    root = tmp_path / "r"
    (root / "a").mkdir(parents=True)
    for name in ("x.md", "y.TXT", ".hidden.md", "README.md", "pic.png", "z.html"):
        (root / "a" / name).write_text("---\ntitle: t\n---\n", encoding="utf-8")
    (root / "a" / "dir.md").mkdir()
    (root / "a" / "link.md").symlink_to(root / "a" / "x.md")
    (root / "a" / "broken.md").symlink_to(root / "a" / "missing.md")
    age(root)
    dirs: list = []
    walked = list(files.walk(root, dirs))
    assert [d for d, _, _ in dirs] == [str(root), str(root / "a"), str(root / "a" / "dir.md")]
    for folder, mtime, readable in dirs:
        entries = sorted((Path(p).name, s, m) for p, s, m in walked if os.path.dirname(p) == folder)
        assert readable
        assert files.folder_fingerprint(folder) == files.fingerprint(mtime, entries)
    names = {Path(p).name for p, _, _ in walked}
    assert names == {"x.md", "y.TXT", "z.html", "link.md"}
    assert files.folder_fingerprint(str(root / "gone")) is None


@pytest.mark.parametrize("fork", [True, False])
def test_helpers_and_their_failure_give_the_same_answer(cache, corpus, monkeypatch, fork):
    Library(corpus).load_all()
    monkeypatch.setattr(walk_mod, "HELPER_MIN_FILES", 0)
    monkeypatch.setattr(walk_mod.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(walk_mod, "_can_fork", lambda: fork)
    started = []
    real = walk_mod.FreshnessCheck.__init__

    def spy(self, *args, **kwargs):
        real(self, *args, **kwargs)
        started.append(sum(p is not None for p, _ in self.procs))

    monkeypatch.setattr(walk_mod.FreshnessCheck, "__init__", spy)
    assert Library(corpus).quick_listing(Filters(keyword="芯片")) is not None  # two helpers (forked or started)
    assert started == [2]
    change_in_place(corpus)
    assert Library(corpus).quick_listing(Filters(keyword="芯片")) is None
    if not fork:
        Library(corpus).load_all()
        monkeypatch.setattr(walk_mod.sys, "executable", str(corpus / "no-such-python"))
        assert Library(corpus).quick_listing(Filters(keyword="芯片")) is not None  # no helper: checked here
        change_in_place(corpus)
        assert Library(corpus).quick_listing(Filters(keyword="芯片")) is None


def test_early_check_is_used_and_refused_when_stale(cache, corpus):
    from kfin_tui.index.walk import early_check

    Library(corpus).load_all()
    early = early_check(corpus)
    assert early is not None
    assert Library(corpus).quick_listing(Filters(), early) is not None
    gen, check = early_check(corpus)
    check.close()
    stale = (gen + "-other", early_check(corpus)[1])
    assert Library(corpus).quick_listing(Filters(), stale) is None  # another generation: load instead


def test_cli_list_fast_and_slow_paths_print_the_same(cache, corpus, capsys):
    from kfin_tui.cli import main

    def run(*args) -> str:
        assert main(["list", *args]) == 0
        return capsys.readouterr().out

    slow = run(str(corpus), "--json", "--keyword", "港股")  # cold: loads, then prints
    assert Library(corpus).quick_listing(Filters(keyword="港股")) is not None
    fast = run(str(corpus), "--json", "--keyword", "港股")
    assert fast == slow and fast.count("\n") >= 1
    assert run(str(corpus), "--category", "快讯") == run(str(corpus), "--category", "快讯")


def test_another_instance_writing_meanwhile_loses_nothing(cache, corpus, monkeypatch):
    """Rows come from the snapshot, then the folder check fails; if another instance has changed
    the index in between, the rows and the stats compared with the folder must still be of one
    generation (else the other instance's new file would be skipped as known, and never shown)."""
    Library(corpus).load_all()
    new_file = corpus / "posts" / "zz-other.md"
    real_result = walk_mod.FreshnessCheck.result

    calls = []

    def other_instance_first(self):
        calls.append(1)
        if len(calls) == 1:
            new_file.write_text("---\ntitle: 另一个实例写入的文章\n---\n\n内容。\n", encoding="utf-8")
            Library(corpus).load_all()  # indexes the new file: the generation moves on
        real_result(self)
        return False

    monkeypatch.setattr(walk_mod.FreshnessCheck, "result", other_instance_first)
    lib = Library(corpus)
    lib.load_all()
    monkeypatch.undo()
    assert "另一个实例写入的文章" in {r.title for r in lib.rows}
    assert rowset(lib) == rowset(Library(corpus, use_index=False).load_all())


def test_the_readers_fingerprint_helpers_yield_to_it(tmp_path, monkeypatch):
    """In a process with threads (the reader) the check's helpers are interpreters started with
    ``--nice``: they run at a lower priority, so a keyword typed while they stat the folder gets
    the cores first. A forking check (``kfin-tui list``, no threads) is left at the caller's."""
    import marshal
    import threading
    import time

    monkeypatch.setattr(walk_mod, "HELPER_MIN_FILES", 0)
    (tmp_path / "a.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    stop = threading.Event()
    ui = threading.Thread(target=stop.wait)  # another thread: no fork
    ui.start()
    started: list = []
    real_helper = walk_mod._helper

    def helper(args, stdin=None):
        proc = real_helper(args, stdin)
        started.append((args, proc))
        return proc

    monkeypatch.setattr(walk_mod, "_helper", helper)
    try:
        # the helper blocks on its stdin until it is written: its priority can be read meanwhile
        base = os.nice(0)  # (the test may itself run niced: the helper's is relative to it)
        proc = walk_mod._helper(["--fingerprints", "--nice"], stdin=-1)
        deadline = time.monotonic() + 10
        nice = base
        while time.monotonic() < deadline and nice == base < 19:
            with open(f"/proc/{proc.pid}/stat") as fh:
                nice = int(fh.read().rsplit(")", 1)[1].split()[16])
            time.sleep(0.01)
        proc.stdin.write(marshal.dumps([str(tmp_path)]))
        proc.stdin.close()
        assert marshal.loads(proc.stdout.read()) == [files.folder_fingerprint(str(tmp_path))]
        proc.wait()
        assert nice == min(19, base + files.HELPER_NICE) and (nice > base or base == 19)
        started.clear()
        check = walk_mod.FreshnessCheck([(str(tmp_path), files.folder_fingerprint(str(tmp_path)), 1)])
        assert check.result() is True
        # helpers, not forks, with threads about; and asked to yield
        assert started and all(p is not None and "--nice" in args for args, p in started)
    finally:
        stop.set()
        ui.join()
