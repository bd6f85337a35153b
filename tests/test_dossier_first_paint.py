"""The dossier's first paint (issue 12: "on a warm 100k archive the dossier opens within 200 ms"):
the header with the number of articles and the first rows come with the screen itself
(:func:`kfin_tui.dossier.dossier_head`, bounded work); every row and the timeline follow from a
worker (:func:`kfin_tui.dossier.complete_dossier`), then the figures. The workers are held here
with events, so that each state is seen (no timing in these tests)."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from ui_helpers import DossierApp, settle, until

from kfin_tui import dossier as core
from kfin_tui.dossier import build_dossier, complete_dossier, dossier_head
from kfin_tui.index import Library
from kfin_tui.ui.screens.dossier import ENTRY_HEIGHT, DossierList, DossierScreen

CATL = "宁德时代"
N = 40


def write_archive(root: Path, n: int = N) -> Path:
    """``n`` articles naming 宁德时代 over several weeks (newest: number n), and one about 比亚迪
    only. Written for these tests; the figures are made up."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(1, n + 1):
        month, day = 1 + i // 28, 1 + i % 28
        (root / f"catl-{i:03d}.md").write_text(
            f"---\ntitle: 宁德时代第{i}号公告\ndate: 2024-{month:02d}-{day:02d} 09:00:00\n---\n\n"
            f"宁德时代本期营业收入{100 + i}.5亿元，同比增长{i}.2%。比亚迪未作评论。\n", encoding="utf-8")
    (root / "byd.md").write_text("---\ntitle: 比亚迪销量\ndate: 2024-03-01 08:00:00\n---\n\n比亚迪8月销量37.3万辆。\n",
                                 encoding="utf-8")
    return root


@pytest.fixture
def lib(tmp_path, monkeypatch) -> Library:
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    library = Library(write_archive(tmp_path / "arch")).load_all()
    library.extract_pending()  # companies only: the figures are computed when a row is shown
    core.resolve(CATL)  # the company dictionary loaded, as in a reader that has extracted
    yield library
    library.close()


# ------------------------------------------------------------------------------------------ core

def test_the_head_is_the_count_and_the_newest_rows_of_the_whole_dossier(lib):
    whole = build_dossier(lib, CATL)
    listed = [r.id for r in lib.rows if r.id in set(whole.row_ids)]
    assert whole.row_ids == listed and whole.count == N and whole.complete  # the library's order
    head = dossier_head(lib, CATL, progress=(len(lib.rows), len(lib.rows)), first=5)
    assert not head.complete and head.count == N and not head.partial
    assert head.row_ids == whole.row_ids[:5] and [r.id for r in head.rows] == head.row_ids
    assert head.weeks == [] and head.undated == 0  # the timeline is not counted yet
    done = complete_dossier(head)
    assert done.complete and done.count == N
    assert (done.row_ids, done.weeks, done.undated) == (whole.row_ids, whole.weeks, whole.undated)
    assert sum(n for _, n in done.weeks) == N and len(done.weeks) > 1
    # what was computed on the head stays with the whole
    e = head.entry(head.row_ids[0])
    assert done.entry(head.row_ids[0]) is e
    assert complete_dossier(done) is done


def test_a_head_of_no_rows_or_more_rows_than_there_are(lib):
    total = len(lib.rows)
    assert dossier_head(lib, CATL, progress=(total, total)).row_ids == []
    assert dossier_head(lib, CATL, progress=(total, total)).count == N
    assert len(dossier_head(lib, CATL, progress=(total, total), first=N + 10).row_ids) == N
    partial = dossier_head(lib, CATL, progress=(3, total), first=2)
    assert partial.partial and partial.status == f"提取中 3/{total}"
    assert dossier_head(lib, "没有这家公司", progress=(total, total), first=5).count == 0


# ------------------------------------------------------------------------------------------ screen

def hold(monkeypatch, name: str) -> threading.Event:
    """``kfin_tui.dossier.<name>`` waits for the returned event (the screen's worker calls it)."""
    release = threading.Event()
    real = getattr(core, name)

    def held(*args, **kwargs):
        assert release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(core, name, held)
    return release


def head_text(screen: DossierScreen) -> str:
    return str(screen.query_one("#dossier-head").render())


async def test_the_header_and_first_rows_show_before_the_timeline_fills(lib, monkeypatch):
    release = hold(monkeypatch, "complete_dossier")

    def no_build(*args, **kwargs):
        raise AssertionError("the whole dossier was built again: the head shown is completed")

    monkeypatch.setattr(core, "build_dossier", no_build)
    total = len(lib.rows)
    app = DossierApp(lib, CATL, progress=lambda: (total, total))
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = app.screen
            assert isinstance(screen, DossierScreen)
            lst = screen.query_one(DossierList)
            await pilot.pause()
            d = screen.dossier
            assert d is not None and not d.complete  # the worker is held: this is the first paint's
            head = head_text(screen)
            assert f"{N} 篇" in head and "每周 per week  …" in head and "读取中" not in head
            assert not any(c in head for c in core.SPARK)
            on_screen = lst.scrollable_content_region.height // ENTRY_HEIGHT + 1
            assert on_screen <= len(lst.rows) < N  # the rows on screen (and the next screenful), not all
            assert lst.virtual_size.height == N * ENTRY_HEIGHT  # the scrollbar is the whole list's
            assert f"宁德时代第{N}号公告" in lst.entry_lines(0)[0]  # newest first
            assert lst.entry_lines(len(lst.rows)) == ["", "", ""]  # not known yet: blank
            await pilot.press("down", "down")
            chosen = lst.current_id
            # the figures of the rows shown do not wait for the timeline
            await until(pilot, lambda: lst.rows[0].id in lst.entries)
            assert f"营业收入 {100 + N}.5亿元" in lst.entry_lines(0)[1]
            assert not screen.dossier.complete
            release.set()
            await until(pilot, lambda: screen.dossier.complete)
            head = head_text(screen)
            assert f"{N} 篇" in head and "每周 per week  2024-" in head and any(c in head for c in core.SPARK)
            assert len(lst.rows) == N and lst.current_id == chosen  # the cursor stayed on its article
            assert not screen.error
            assert lst.rows[0].id in screen.dossier._details  # figures read on the head are kept
    finally:
        release.set()


async def test_the_first_paint_says_partial(lib, monkeypatch):
    release = hold(monkeypatch, "complete_dossier")
    total = len(lib.rows)
    app = DossierApp(lib, CATL, progress=lambda: (3, total))
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = app.screen
            await pilot.pause()
            assert screen.dossier is not None and not screen.dossier.complete
            assert f"提取中 3/{total} 结果不完整" in head_text(screen)
    finally:
        release.set()


@pytest.mark.parametrize("why", ["progress not known", "dictionary not loaded"])
async def test_without_what_the_head_needs_the_worker_builds_it_all(lib, monkeypatch, why):
    """No index query and no dictionary load on the screen's first paint: the worker does it."""
    release = hold(monkeypatch, "build_dossier")
    total = len(lib.rows)
    progress = None
    if why == "dictionary not loaded":
        monkeypatch.setattr(core, "names_ready", lambda: False)
        progress = lambda: (total, total)  # noqa: E731
    app = DossierApp(lib, CATL, progress=progress)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = app.screen
            await pilot.pause()
            assert screen.dossier is None and "读取中" in head_text(screen)
            release.set()
            await until(pilot, lambda: screen.dossier is not None)
            assert screen.dossier.complete and f"{N} 篇" in head_text(screen)
            assert len(screen.query_one(DossierList).rows) == N
    finally:
        release.set()


async def test_the_dossier_picker_loads_the_company_names_while_a_name_is_typed(tmp_path, monkeypatch):
    """``d`` with no company under a cursor opens the dossier picker; meanwhile a worker loads the
    company dictionary, so that the chosen dossier's first paint has its header at once."""
    from kfin_tui.extract import dictionary
    from kfin_tui.ui.app import KfinApp
    from kfin_tui.ui.screens.picker import PickerScreen
    from kfin_tui.ui.widgets.article_list import ArticleList

    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("KFIN_TUI_STATE", str(tmp_path / "state"))
    root = write_archive(tmp_path / "arch", 5)
    app = KfinApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await until(pilot, lambda: reader.loaded and reader.extracted == (6, 6))
        await settle(pilot)
        monkeypatch.setattr(dictionary, "_DICT", None)  # as in a reader that has not needed it yet
        await settle(pilot)
        assert not core.names_ready()  # nothing else loads it
        reader.query_one(ArticleList).focus()
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        await until(pilot, core.names_ready)
        await pilot.press(*CATL, "enter")
        await until(pilot, lambda: isinstance(app.screen, DossierScreen) and app.screen.dossier is not None)
        assert "5 篇" in head_text(app.screen)


async def test_the_first_rows_figures_do_not_wait_for_the_next_rows(lib, monkeypatch):
    """The figures worker reports the first row alone (each entry may need a full extraction)."""
    newest = build_dossier(lib, CATL).row_ids[0]
    release = threading.Event()
    real = core.Dossier.entry

    def entry(self, row_id):
        if row_id != newest:
            assert release.wait(30)
        return real(self, row_id)

    monkeypatch.setattr(core.Dossier, "entry", entry)
    total = len(lib.rows)
    app = DossierApp(lib, CATL, progress=lambda: (total, total))
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            lst = app.screen.query_one(DossierList)
            await until(pilot, lambda: newest in lst.entries)  # the others are held
            assert f"营业收入 {100 + N}.5亿元" in lst.entry_lines(0)[1]
            assert lst.entry_lines(1)[1].strip() == "…"
            release.set()
            await until(pilot, lambda: lst.rows[1].id in lst.entries)
    finally:
        release.set()
