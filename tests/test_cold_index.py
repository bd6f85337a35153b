"""A cold build in two passes: every row listed from its metadata first (quick_meta in worker
processes), then the bodies (Library.complete). The first pass must list exactly what a full load
lists, apart from tickers (which come from the body)."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from index_helpers import make_small_cold, rowset, synthetic, write_corpus

from kfin_tui.filters import Filters
from kfin_tui.index import Library
from kfin_tui.index import library as library_mod

pytestmark = pytest.mark.usefixtures("yaml_only_loader")  # the full parse as PyYAML reads front matter


@pytest.fixture
def small_is_cold(monkeypatch):
    make_small_cold(monkeypatch)


def tricky(root: Path) -> Path:
    """Files the metadata pass must leave to the full loader, mixed in."""
    write_corpus(root, n=45)
    posts = root / "posts"
    (posts / "gbk.txt").write_bytes("【国标编码的快讯】\n来源：东方财富网\n\n正文内容，回购。\n".encode("gb18030"))
    (posts / "bom.md").write_bytes("\ufeff---\ntitle: 带BOM的文章\nauthor: 财联社\n---\n\n正文。\n".encode("utf-8"))
    (posts / "recovered.md").write_text("---\ntitle: @某用户 关注了股票\nauthor: 雪球\n---\n\n正文。\n", encoding="utf-8")
    (posts / "no-author.md").write_text("---\ntitle: 没有作者的文章\n---\n\n<p>正文。</p>\n<p>来源：证券时报</p>\n",
                                        encoding="utf-8")
    (posts / "untitled.md").write_text("---\nauthor: 格隆汇\n---\n\n第一句话就是标题吗。后面还有。\n", encoding="utf-8")
    (posts / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (posts / "crlf.md").write_bytes("---\r\ntitle: 'Windows 换行'\r\nauthor: 新浪财经\r\n---\r\n\r\n正文。\r\n".encode())
    (posts / "cashtag.txt").write_text("【某股异动】\n来源：东方财富网\n$远航测试股份(SZ300999)$\n\n正文。\n", encoding="utf-8")
    return root


def without_tickers(lib: Library) -> list[tuple]:
    return sorted((r.path, r.title, r.date, r.source, r.categories, r.format, r.author) for r in lib.rows)


@pytest.mark.parametrize("kind", ["tricky", "synthetic"])
def test_metadata_pass_lists_what_a_full_load_lists(cache, tmp_path, small_is_cold, kind):
    root = tricky(tmp_path / "t") if kind == "tricky" else synthetic(tmp_path / "s", 120)
    full = Library(root, use_index=False).load_all()
    lib = Library(root)
    batches = list(lib.load(batch=8))
    assert len(batches) >= 2 and lib.bodies_pending
    assert without_tickers(lib) == without_tickers(full)
    assert sorted(i.path for i in lib.issues) == sorted(i.path for i in full.issues)
    assert lib.rows == sorted(lib.rows, key=library_mod.sort_key)
    # before the body pass search sees only the files read in full: never a wrong hit
    some = lib.search("回购")
    assert some <= {r.id for r in lib.rows}
    read = list(lib.complete())
    assert read and not lib.bodies_pending
    assert rowset(lib) == rowset(full)
    assert {lib.row(i).path for i in lib.search("回购")} == {full.row(i).path for i in full.search("回购")}
    lib.wait_index()
    again = Library(root).load_all()
    assert rowset(again) == rowset(full) and not again.bodies_pending


def test_interrupted_body_pass_goes_on_next_time(cache, tmp_path, small_is_cold):
    root = tricky(tmp_path / "t")
    full = Library(root, use_index=False).load_all()
    lib = Library(root)
    list(lib.load(batch=8))
    stop = threading.Event()
    for n, _ in enumerate(lib.complete(batch=8, stop=stop)):
        if n == 1:
            stop.set()  # the user quit while the bodies were being read
    lib.close()
    assert Library(root).quick_listing(Filters(keyword="回购")) is None  # bodies pending: list loads instead
    nxt = Library(root)
    list(nxt.load(batch=8))
    assert nxt.bodies_pending
    list(nxt.complete())
    assert rowset(nxt) == rowset(full)
    assert {nxt.row(i).path for i in nxt.search("正文")} == {full.row(i).path for i in full.search("正文")}


def test_cli_list_on_a_cold_archive_reads_the_bodies(cache, tmp_path, small_is_cold, capsys):
    from kfin_tui.cli import main

    root = tricky(tmp_path / "t")
    full = Library(root, use_index=False).load_all()
    assert main(["list", "--json", "--keyword", "远航测试股份", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "cashtag.txt" in out and "SZ:300999" in out  # tickers: from the body
    assert main(["list", "--json", str(root)]) == 0
    assert capsys.readouterr().out.count("\n") == len(full.rows)


def test_small_cold_folders_are_read_in_full_at_once(cache, tmp_path):
    root = write_corpus(tmp_path / "small", n=30)
    lib = Library(root)
    list(lib.load())
    assert not lib.bodies_pending  # nothing left for complete(): search is complete at once
    assert list(lib.complete()) == []


async def test_reader_lists_first_then_reads_bodies_and_completes_the_keyword_results(cache, tmp_path,
                                                                                     small_is_cold, monkeypatch):
    from ui_helpers import settle

    from kfin_tui.ui.app import KfinApp
    from kfin_tui.ui.screens.reader import ReaderScreen
    from kfin_tui.ui.widgets.article_list import ArticleList

    root = tricky(tmp_path / "t")
    full = Library(root, use_index=False).load_all()
    want = sorted(full.row(i).title for i in full.search("正文"))
    shown: list[str] = []
    real = ReaderScreen.on_progress

    def spy(self, message):
        real(self, message)
        if message.progress.phase == "texts":
            shown.append((self.progress.text, str(self.query_one("#status-left").render()),
                          {r.title for r in self.query_one(ArticleList).rows}))

    monkeypatch.setattr(ReaderScreen, "on_progress", spy)
    # The texts are read only once the first keyword result is on screen: on a loaded machine the
    # whole body pass could otherwise end before the first search is back, and a reader that was
    # never partial rightly never says 结果不完整 (CI of stop 9 met that order).
    first_result = threading.Event()
    real_selected, real_complete = ReaderScreen.on_selected, Library.complete

    def selected(self, message):
        real_selected(self, message)
        if self.shown is not None and self.shown.keyword == "正文":
            first_result.set()

    def complete(self, *args, **kwargs):
        first_result.wait(30)
        return real_complete(self, *args, **kwargs)

    monkeypatch.setattr(ReaderScreen, "on_selected", selected)
    monkeypatch.setattr(Library, "complete", complete)
    app = KfinApp(root, keyword="正文")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, 0.2)
        assert shown and shown[0][0].startswith("索引 ")
        # said while it was so (the first count may come before the first search is back: 搜索中…)
        assert any("结果不完整" in status for progress, status, _ in shown if progress.startswith("索引 "))
        assert "结果不完整" not in str(app.query_one("#status-left").render())
        assert not app.library.bodies_pending
        assert sorted(r.title for r in app.query_one(ArticleList).rows) == want  # complete at the end
        assert not app.query_one("#progress").has_class("busy")
        lst = app.query_one(ArticleList)
        assert lst.cursor == 0 and app.reader.current.id == lst.rows[0].id  # the newest, not where loading left it


async def test_titles_are_found_while_bodies_are_read(cache, tmp_path, small_is_cold):
    root = tricky(tmp_path / "t")
    lib = Library(root)
    list(lib.load(batch=8))
    assert lib.bodies_pending
    row = next(r for r in lib.rows if r.title == "Windows 换行")
    assert row.id in lib.search("windows 换行")  # NFKC + casefold, as for texts
    assert lib.search("不存在的标题词") == set()


def test_the_body_pass_reads_the_files_in_the_order_of_their_rows(cache, tmp_path, small_is_cold):
    """The body pass rewrites every row it reads: in the order of the row ids (the walk's), each
    write transaction rewrites neighbouring pages of the table, not pages all over it (newest
    first, at 100,000 rows: 30 CPU-s of SQLite against 12). The rows themselves stay newest first."""
    root = synthetic(tmp_path / "s", 120)
    lib = Library(root)
    list(lib.load(batch=8))
    assert lib.bodies_pending
    by_path = {r.path: r.id for r in lib.rows}
    read = [r.id for rows in lib.complete() for r in rows]
    assert read == sorted(read) and len(read) == len(by_path)
    assert [by_path[r.path] for r in lib.rows] != sorted(by_path.values())  # (the list is not in id order)
    assert lib.rows == sorted(lib.rows, key=library_mod.sort_key)


def test_a_build_nobody_watches_reads_each_file_once_with_its_companies(cache, tmp_path, small_is_cold, monkeypatch):
    """``list_first`` False (kfin-tui index, list --company/--keyword/--json): no metadata pass, no
    file read in this process; every article's companies are stored with its text, the last
    batch's too (the workers' pass ends before the last batch is stored)."""
    from kfin_tui.index import parse as parse_mod

    root = synthetic(tmp_path / "s", 120)
    full = Library(root, use_index=False).load_all()

    def no_meta(*args, **kwargs):
        raise AssertionError("the metadata pass ran")

    monkeypatch.setattr(parse_mod, "meta_one", no_meta)
    lib = Library(root)
    lib.list_first = False
    monkeypatch.setattr(lib, "_parse", no_meta)  # (every file goes to the workers)
    list(lib.load(batch=8))
    assert not lib.bodies_pending and not lib.extractions_pending()
    assert rowset(lib) == rowset(full)
    assert list(lib.complete()) == []
    again = Library(root)  # the index holds it all: a warm start reads nothing
    list(again.load())
    assert rowset(again) == rowset(full) and not again.extractions_pending()
    assert dict(again.company_names()) == dict(lib.company_names()) and lib.company_names()


def test_kfin_tui_list_of_texts_on_a_cold_folder_lists_no_metadata_first(cache, tmp_path, small_is_cold,
                                                                        monkeypatch, capsys):
    """An output that needs the texts (--json, --keyword, --company) reads each file once."""
    from kfin_tui.cli import main

    root = synthetic(tmp_path / "s", 60)
    calls = []
    real = Library._store_metas
    monkeypatch.setattr(Library, "_store_metas", lambda self, *a: calls.append(len(a[0])) or real(self, *a))
    assert main(["list", "--json", "--keyword", "公司", str(root)]) == 0
    assert calls == [] and capsys.readouterr().out.count("\n") >= 1
    assert main(["list", str(tmp_path / "s")]) == 0  # (warm now: nothing to list from metadata either)
    other = synthetic(tmp_path / "t", 60)
    assert main(["list", str(other)]) == 0  # a plain listing of a cold folder: metadata first
    assert calls, "a plain cold listing lists from metadata"
