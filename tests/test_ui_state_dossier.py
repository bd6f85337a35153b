"""The dossier at scale and the company features while the archive is extracted (issue 12), driven
with Pilot: the dossier's list is drawn for the rows on screen, their figures computed for those
rows only; the reader's extraction progress is used (no index query); while partial a company not
found yet can still be picked, the status says ``提取中 n/N`` and never "no matches".

Extraction is driven by the test: the reader's background extraction is held
(:class:`HeldLibrary`), the test extracts and tells the reader as its worker would."""
from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from textual.app import App
from ui_helpers import DossierApp, settle, until

from kfin_tui.index import Library
from kfin_tui.state import archive
from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.messages import CompaniesIndexed
from kfin_tui.ui.screens.dossier import ENTRY_HEIGHT, DossierList, DossierScreen
from kfin_tui.ui.screens.picker import PickerScreen
from kfin_tui.ui.widgets.article_list import ArticleList

CATL = "宁德时代"
BYD = "比亚迪"
MANY = 40


def write_many(root: Path, n: int = MANY) -> Path:
    """``n`` articles naming 宁德时代 with a figure each (newest: day n), and one about 比亚迪 only.
    Written for these tests; the figures are made up."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(1, n + 1):
        (root / f"catl-{i:03d}.md").write_text(
            f"---\ntitle: 宁德时代第{i}号公告\ndate: 2024-{1 + i // 28:02d}-{1 + i % 28:02d} 09:00:00\n---\n\n"
            f"宁德时代本期营业收入{100 + i}.5亿元，同比增长{i}.2%。比亚迪未作评论。\n", encoding="utf-8")
    (root / "byd.md").write_text("---\ntitle: 比亚迪销量\ndate: 2024-03-01 08:00:00\n---\n\n比亚迪8月销量37.3万辆。\n",
                                 encoding="utf-8")
    return root


async def quiet(pilot) -> None:
    """A few rounds of the event loop (``settle`` would wait for the held extraction worker)."""
    for _ in range(5):
        await pilot.pause()


@pytest.fixture
def many(tmp_path) -> Library:
    lib = Library(write_many(tmp_path / "many")).load_all()
    lib.extract_pending()  # companies only: the figures are computed when a row is shown
    yield lib
    lib.close()


async def test_dossier_draws_every_row_but_computes_figures_for_the_rows_on_screen_only(many):
    app = DossierApp(many, CATL)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, DossierScreen)
        await until(pilot, lambda: screen.dossier is not None)
        lst = screen.query_one(DossierList)
        await until(pilot, lambda: lst.rows and lst.rows[0].id in lst.entries)
        await settle(pilot)
        head = str(screen.query_one("#dossier-head").render())
        assert f"{MANY} 篇" in head and "提取中" not in head
        assert len(lst.rows) == MANY and lst.virtual_size.height == MANY * ENTRY_HEIGHT
        on_screen = lst.scrollable_content_region.height // ENTRY_HEIGHT + 1
        computed = set(screen.dossier._details)
        assert lst.rows[0].id in computed
        assert len(computed) <= 2 * on_screen + 1 < MANY  # this screenful and the next, not all
        assert lst.rows[-1].id not in computed
        first = lst.entry_lines(0)
        assert f"宁德时代第{MANY}号公告" in first[0]  # newest first
        assert f"营业收入 {100 + MANY}.5亿元" in first[1] and BYD in first[2]
        # the last row, once scrolled to, gets its figures
        await pilot.press("G")
        await until(pilot, lambda: lst.rows[-1].id in lst.entries)
        assert "营业收入 101.5亿元" in lst.entry_lines(MANY - 1)[1]


async def test_enter_in_the_dossier_returns_the_row_under_the_cursor(many):
    chosen: list[int | None] = []

    class Chooser(App):
        def on_mount(self) -> None:
            self.push_screen(DossierScreen(many, CATL), chosen.append)

    async with Chooser().run_test(size=(100, 30)) as pilot:
        screen = pilot.app.screen
        await until(pilot, lambda: screen.dossier is not None and screen.query_one(DossierList).rows)
        await pilot.press("j", "j")
        want = screen.query_one(DossierList).current_id
        await pilot.press("enter")
        await settle(pilot)
    assert chosen == [want] and many.row(want).title == f"宁德时代第{MANY - 2}号公告"


async def test_dossier_uses_the_readers_progress_without_asking_the_index(many, monkeypatch):
    def no_query(library):
        raise AssertionError("the index was asked")

    monkeypatch.setattr(archive, "extraction_progress", no_query)
    total = len(many.rows)
    app = DossierApp(many, CATL, progress=lambda: (total - 3, total))  # as the reader knows it
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await until(pilot, lambda: screen.dossier is not None)
        assert not screen.error
        head = str(screen.query_one("#dossier-head").render())
        assert f"提取中 {total - 3}/{total}" in head and "结果不完整" in head


class HeldLibrary(Library):
    """The reader's background extraction never runs: the test extracts and reports."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.release = threading.Event()

    def extract_pending(self, *args, **kwargs):
        stop = kwargs.get("stop")
        if stop is None:  # the test's own call
            return super().extract_pending(*args, **kwargs)
        while not self.release.wait(0.05):
            if stop.is_set():
                return 0
        return 0


async def test_a_company_not_extracted_yet_can_be_picked_and_says_partial_then_fills(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    library = HeldLibrary(write_many(tmp_path / "arch", 6))
    app = KfinApp(tmp_path / "arch", library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await until(pilot, lambda: reader.loaded and reader.extracted is not None)
        await quiet(pilot)
        total = len(library.rows)
        done = reader.extracted[0]
        assert done < total  # only the article shown was extracted
        reader.query_one(ArticleList).focus()
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        picker = app.screen
        assert isinstance(picker, PickerScreen) and f"提取中 {done}/{total}" in picker.status
        await pilot.press(*BYD)  # named only in articles not extracted yet
        await until(pilot, lambda: picker.highlighted_value == BYD)  # not found so far, but it can be chosen
        await pilot.press("enter")
        await until(pilot, lambda: reader.filters.company == BYD and reader.shown == reader.filters)
        await quiet(pilot)
        bar = reader.status_bar.text
        assert re.search(rf"提取中 {done}/{total}", bar) and "结果不完整" in bar
        lst = reader.query_one(ArticleList)
        if not lst.rows:
            assert "提取中" in lst.empty_message and "没有匹配" not in lst.empty_message
        # the dossier picker (d, nothing under a cursor, the filter cleared) says it too
        reader.set_company(None)
        await until(pilot, lambda: reader.shown == reader.filters)
        lst.focus()
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        dossier_picker = app.screen
        assert isinstance(dossier_picker, PickerScreen) and "提取中" in dossier_picker.status
        await pilot.press(*BYD, "enter")
        await until(pilot, lambda: isinstance(app.screen, DossierScreen) and app.screen.dossier is not None)
        screen = app.screen
        head = str(screen.query_one("#dossier-head").render())
        assert "提取中" in head and "没有文章" not in "\n".join(screen.query_one(DossierList).entry_lines(0))
        # the extraction runs (driven here), the reader hears it as from its worker: the open
        # dossier is rebuilt and no longer partial
        library.extract_pending()
        reader.post_message(CompaniesIndexed())
        await until(pilot, lambda: screen.dossier is not None and not screen.dossier.partial, rounds=600)
        head = str(screen.query_one("#dossier-head").render())
        assert "提取中" not in head and "7 篇" in head
        await pilot.press("escape")
        await quiet(pilot)
        assert reader.extraction_note() == ""


async def test_the_open_picker_refreshes_as_extraction_advances(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    library = HeldLibrary(write_many(tmp_path / "arch", 6))
    app = KfinApp(tmp_path / "arch", library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await until(pilot, lambda: reader.loaded and reader.extracted is not None)
        await quiet(pilot)
        reader.query_one(ArticleList).focus()
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        picker = app.screen
        assert isinstance(picker, PickerScreen) and picker.status
        before = dict(picker.items)
        library.extract_pending()
        reader.post_message(CompaniesIndexed())
        await until(pilot, lambda: not picker.status, rounds=600)  # refreshed while open
        after = dict(picker.items)
        assert after[CATL] == 6 and after[BYD] == 7 and after != before
        assert "提取中" not in str(picker.title_label.render())


def test_the_status_counts_rows_listed_since_the_progress_was_known():
    from kfin_tui.ui.screens.reading_state import ReadingStateScreen

    class Rows:
        rows = [object()] * 300

    screen = ReadingStateScreen.__new__(ReadingStateScreen)
    screen.library = Rows()  # type: ignore[assignment]
    screen.extracted = (0, 200)  # known while 200 rows were listed; 300 now
    assert screen.extraction_note() == "提取中 0/300"
    screen.extracted = (300, 300)
    assert screen.extraction_note() == ""
