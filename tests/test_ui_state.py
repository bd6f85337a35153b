"""The reader's reading state, watchlist and dossier (issue 12), driven with Pilot: every key
(u, s, H, S, V, space at the end, w, W, d, enter in the dossier, ctrl+d in the pickers), the
partial company results while extracting, a state problem, and reopening where the reader was left.

The state folder and the config file are private to each test (tests/conftest.py)."""
from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from textual.app import App
from ui_helpers import UI_CORPUS, settle

from kfin_tui.config import Config, ReaderConfig
from kfin_tui.index import Library
from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.bindings import help_sections
from kfin_tui.ui.screens.dossier import DossierScreen
from kfin_tui.ui.screens.picker import PickerScreen
from kfin_tui.ui.widgets.article_list import ArticleList
from kfin_tui.ui.widgets.article_view import ArticleView
from kfin_tui.ui.widgets.facts_panel import FactsPanel

TOTAL = 4
CATL = "宁德时代"
NEVER = 3600.0  # a dwell that never ends within a test: marks come from keys only


class NotesApp(KfinApp):
    """Records what the reader notifies (toasts time out)."""

    def __init__(self, *args, read_after: float = NEVER, **kwargs) -> None:
        kwargs.setdefault("config", Config(reader=ReaderConfig(read_after=read_after)))
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message, **kwargs) -> None:
        self.notes.append(str(message))
        super().notify(message, **kwargs)


def status(app) -> str:
    return app.reader.status_bar.text


def rows(app) -> list:
    return app.query_one(ArticleList).rows


def titles(app) -> list[str]:
    return [r.title for r in rows(app)]


def config_path() -> Path:
    return Path(os.environ["KFIN_TUI_CONFIG"])


async def to_row(pilot, title_part: str) -> None:
    lst = pilot.app.query_one(ArticleList)
    lst.focus()
    lst.cursor = next(i for i, r in enumerate(lst.rows) if title_part in r.title)
    await settle(pilot)


async def to_panel_company(pilot, name: str) -> FactsPanel:
    app = pilot.app
    panel = app.query_one(FactsPanel)
    panel.focus()
    await pilot.pause()
    panel.highlighted = next(i for i in range(panel.option_count)
                             if panel.companies.get(panel.get_option_at_index(i).id or "") == name)
    assert panel.company_under_cursor() == name
    return panel


def title_style(app, index: int):
    """The style of the title text of the list's row ``index`` (as drawn)."""
    lst = app.query_one(ArticleList)
    strip = lst.render_line(index * 2 - int(lst.scroll_offset.y))
    seg = max(strip, key=lambda s: len(s.text.strip()))
    return seg.style


# ------------------------------------------------------------------------------- read marks

async def test_dwell_marks_read_and_u_toggles():
    app = NotesApp(UI_CORPUS, read_after=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, 0.3)
        reading = app.reader.reading
        first = app.reader.current
        assert reading.is_read(first.id), "shown longer than read_after: read"
        assert f"未读 {TOTAL - 1} · {TOTAL}/{TOTAL}" in status(app)
        await pilot.press("u")
        assert not reading.is_read(first.id)
        assert f"未读 {TOTAL} ·" in status(app)
        await pilot.pause(0.3)
        assert not reading.is_read(first.id), "marked unread by hand: the dwell does not undo it"
        await pilot.press("u")
        assert reading.is_read(first.id)


async def test_no_read_mark_before_the_dwell():
    app = NotesApp(UI_CORPUS)  # read_after: an hour
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        assert app.reader.reading.read_ids() == set()
        assert f"未读 {TOTAL} ·" in status(app)


async def test_unread_rows_are_bold_and_read_rows_dim():
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await to_row(pilot, "英伟达")
        await pilot.press("u")
        await pilot.press("g")
        await settle(pilot)
        index = next(i for i, r in enumerate(rows(app)) if "英伟达" in r.title)
        read_style, unread_style = title_style(app, index), title_style(app, 0)
        assert unread_style.bold and not read_style.bold
        assert read_style.color != unread_style.color  # $text-muted


async def test_H_hides_read_articles():
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await to_row(pilot, "英伟达")
        await pilot.press("u")
        await pilot.press("H")
        await settle(pilot)
        assert not any("英伟达" in t for t in titles(app)) and len(titles(app)) == TOTAL - 1
        assert "仅未读" in status(app)
        await pilot.press("H")
        await settle(pilot)
        assert len(titles(app)) == TOTAL and "仅未读" not in status(app)


async def test_space_at_the_end_of_an_article_goes_to_the_next_unread():
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        order = [r.id for r in rows(app)]
        await to_row(pilot, rows(app)[1].title)
        await pilot.press("u")  # the second article is read: space skips it
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.press("G")
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert app.focused is view and view.scroll_y >= view.max_scroll_y
        await pilot.press("space")
        await settle(pilot)
        assert app.reader.current.id == order[2]
        assert app.reader.reading.is_read(order[0]), "left with space: read"
        assert app.focused is view


# ------------------------------------------------------------------------------------- stars

async def test_s_stars_and_S_shows_starred_only():
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await to_row(pilot, "小米")
        starred = app.reader.current
        await pilot.press("s")
        assert app.reader.reading.is_starred(starred.id)
        lst = app.query_one(ArticleList)
        line = lst.render_line(lst.cursor * 2 - int(lst.scroll_offset.y)).text
        assert "★" in line
        await pilot.press("S")
        await settle(pilot)
        assert [r.id for r in rows(app)] == [starred.id] and "仅星标" in status(app)
        await pilot.press("S")
        await settle(pilot)
        assert len(rows(app)) == TOTAL
        await pilot.press("s")  # unstar
        assert not app.reader.reading.is_starred(starred.id)


async def test_palette_has_the_state_filters_and_dossiers():
    from kfin_tui.ui.commands import FilterCommands

    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        commands = {text: callback for text, callback, _ in FilterCommands(app.screen).commands()}
        assert "仅星标 · starred only" in commands and "隐藏已读 · hide read articles" in commands
        await to_row(pilot, "小米")
        await pilot.press("s")
        commands["仅星标 · starred only"]()
        await settle(pilot)
        assert len(rows(app)) == 1
        commands[f"档案 dossier: {CATL}"]()
        await settle(pilot)
        assert isinstance(app.screen, DossierScreen) and app.screen.company == CATL


# --------------------------------------------------------------------------------- watchlist

async def test_w_watches_the_company_under_the_cursor_and_W_O_use_it():
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await to_row(pilot, CATL)
        catl_row = app.reader.current.id
        await to_panel_company(pilot, CATL)
        await pilot.press("w")
        await settle(pilot)
        assert CATL in config_path().read_text(encoding="utf-8")
        assert app.reader.watch_names == [CATL] and catl_row in app.reader.watched
        lst = app.query_one(ArticleList)
        index = next(i for i, r in enumerate(lst.rows) if r.id == catl_row)
        assert "◆" in lst.render_line(index * 2 - int(lst.scroll_offset.y)).text
        others = [i for i, r in enumerate(lst.rows) if r.id != catl_row]
        assert all("◆" not in lst.render_line(i * 2 - int(lst.scroll_offset.y)).text for i in others)
        # V: only the articles naming a watched company
        lst.focus()
        await pilot.press("V")
        await settle(pilot)
        assert [r.id for r in rows(app)] == [catl_row] and "仅关注" in status(app)
        await pilot.press("V")
        await settle(pilot)
        assert len(rows(app)) == TOTAL
        # W: the watchlist with the unread count; enter filters by the company
        await pilot.press("W")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        options = app.screen.query_one("OptionList")
        prompt = str(options.get_option_at_index(0).prompt)
        assert prompt.startswith(CATL) and "未读 1" in prompt
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.filters.company == CATL
        # w again: no longer watched
        await to_panel_company(pilot, CATL)
        await pilot.press("w")
        await settle(pilot)
        assert app.reader.watch_names == [] and not app.reader.watched
        assert CATL not in config_path().read_text(encoding="utf-8").split("watch", 1)[-1]


async def test_w_with_an_invalid_config_file_is_a_notification():
    config_path().write_text("watch = [1, 2]\n", encoding="utf-8")
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await to_row(pilot, CATL)
        await to_panel_company(pilot, CATL)
        await pilot.press("w")
        await settle(pilot)
        assert any("watchlist unchanged" in n for n in app.notes)
        assert config_path().read_text(encoding="utf-8") == "watch = [1, 2]\n"
        assert app.reader.watch_names == []
        await pilot.press("escape", "j")  # the reader goes on
        assert app.is_running


async def test_w_outside_the_side_panel_says_where_it_works():
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        assert any("side panel" in n for n in app.notes)
        assert not config_path().exists()


# ----------------------------------------------------------------------------------- dossier

async def test_d_opens_the_dossier_and_enter_opens_the_article():
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await to_row(pilot, CATL)
        catl_row = app.reader.current.id
        await pilot.press("j")  # the reader moves on; the dossier brings it back
        await to_row(pilot, CATL)
        await to_panel_company(pilot, CATL)
        await pilot.press("d")
        await settle(pilot, 0.2)
        screen = app.screen
        assert isinstance(screen, DossierScreen)
        head = str(screen.query_one("#dossier-head").render())
        assert CATL in head and "1 篇" in head and "SZ:300750" in head and "提取中" not in head
        entry = "\n".join(screen.entries_list.entry_lines(0))
        assert "2590.45亿元" in entry and "营业收入" in entry  # a figure of a sentence naming it
        assert "比亚迪" in entry  # named with it
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.reader
        # from the list, with nothing under a cursor: a picker; ctrl+d there opens the dossier
        await to_row(pilot, "英伟达")
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*CATL)
        await pilot.press("ctrl+d")
        await settle(pilot, 0.2)
        assert isinstance(app.screen, DossierScreen) and app.screen.company == CATL
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.reader and app.reader.current.id == catl_row
        assert app.focused is app.query_one(ArticleView)


async def test_dossier_enter_clears_filters_that_hide_the_article():
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        catl_row = next(r.id for r in rows(app) if CATL in r.title)
        app.reader.set_company("英伟达")
        await settle(pilot)
        assert catl_row not in [r.id for r in rows(app)]
        app.reader.open_dossier(CATL)
        await settle(pilot, 0.2)
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.current.id == catl_row and not app.reader.filters.active


class HeldLibrary(Library):
    """A library whose background extraction waits for ``release``: the archive stays partial."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.release = threading.Event()

    def extract_pending(self, *args, **kwargs):
        stop = kwargs.get("stop")
        while not self.release.wait(0.05):
            if stop is not None and stop.is_set():
                return 0
        return super().extract_pending(*args, **kwargs)


async def test_company_features_say_partial_while_extracting_and_refresh(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))  # nothing extracted yet
    corpus = tmp_path / "corpus"
    shutil.copytree(UI_CORPUS, corpus)
    config_path().write_text(f'watch = ["{CATL}"]\n', encoding="utf-8")
    library = HeldLibrary(corpus)
    app = NotesApp(corpus, library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(400):  # the state and watch workers report (the extraction is held)
            await pilot.pause(0.05)
            if app.reader.extracted is not None:
                break
        # (the article shown is extracted on its own, not by the held background job)
        assert app.reader.extracted is not None and app.reader.extracted[0] <= 1
        assert app.reader.extracted[1] == TOTAL
        # the first article is shown, hence extracted: the filter is on another company
        app.reader.set_company("小米")
        for _ in range(400):
            await pilot.pause(0.05)
            if app.reader.shown == app.reader.filters:
                break
        assert re.search(r"提取中 [01]/4", status(app))
        lst = app.query_one(ArticleList)
        assert not lst.rows and "提取中" in lst.empty_message and "没有匹配" not in lst.empty_message
        # the watchlist and the company picker say it too
        await pilot.press("W")
        await pilot.pause(0.1)
        assert isinstance(app.screen, PickerScreen) and re.search(r"提取中 [01]/4", app.screen.status)
        await pilot.press("escape")
        app.reader.set_filters(type(app.reader.filters)())
        await pilot.pause(0.1)
        app.query_one(ArticleList).focus()
        await pilot.press("f")
        await pilot.pause(0.1)
        picker = app.screen
        assert isinstance(picker, PickerScreen) and re.search(r"提取中 [01]/4", picker.status)
        assert "小米" not in [name for name, _ in picker.items]
        # the extraction runs: the open picker refreshes by itself
        library.release.set()
        for _ in range(300):
            await pilot.pause(0.1)
            if not picker.status and "小米" in [name for name, _ in picker.items]:
                break
        assert not picker.status and "小米" in [name for name, _ in picker.items]
        await pilot.press("escape")
        await settle(pilot)
        app.reader.set_company("小米")
        await settle(pilot)
        assert len(rows(app)) >= 1 and "提取中" not in status(app)


class DossierApp(App):
    def __init__(self, library: Library, name: str) -> None:
        super().__init__()
        self.library, self.company = library, name

    def on_mount(self) -> None:
        self.push_screen(DossierScreen(self.library, self.company))


async def test_dossier_is_partial_while_not_extracted_then_refreshes(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    shutil.copytree(UI_CORPUS, corpus)
    library = Library(corpus)
    for _ in library.load():
        pass
    app = DossierApp(library, CATL)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, 0.2)
        screen = app.screen
        assert isinstance(screen, DossierScreen)
        head = str(screen.query_one("#dossier-head").render())
        assert "提取中 0/4" in head
        first = "\n".join(screen.entries_list.entry_lines(0))
        assert "尚未提取完" in first and "没有文章" not in first
        threading.Thread(target=library.extract_pending, daemon=True).start()
        for _ in range(300):  # rebuilt every 2 s while partial
            await pilot.pause(0.1)
            if screen.dossier is not None and not screen.dossier.partial and screen.dossier.count:
                break
        await settle(pilot, 0.1)
        head = str(screen.query_one("#dossier-head").render())
        assert "提取中" not in head and "1 篇" in head
    library.close()


# ------------------------------------------------------------------------- where it was left

async def test_reopens_where_it_was_left_and_a_flag_starts_clean():
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await to_row(pilot, "英伟达")
        await pilot.press("s")
        await pilot.press("S")  # starred only ...
        await settle(pilot)
        await pilot.press("S")  # ... and back
        await settle(pilot)
        await to_row(pilot, "央行")
        chosen = app.reader.current.id
        await pilot.press("H")
        await pilot.press("e")  # the panel hidden (wide terminal: shown by default)
        app.reader.set_category("财联社")
        await settle(pilot)
        assert app.reader.current.id == chosen
        await pilot.press("q")
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        assert reader.filters.category == "财联社" and "仅未读" in status(app)
        assert reader.current is not None and reader.current.id == chosen
        assert app.query_one(FactsPanel).has_class("hidden")
        assert reader.reading.starred_ids() and "英伟达" in reader.library.row(
            next(iter(reader.reading.starred_ids()))).title
    app = NotesApp(UI_CORPUS, keyword="小米")  # a filter on the command line: the saved ones do not apply
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.reader.filters.keyword == "小米" and not app.reader.filters.category
        assert "仅未读" not in status(app)


async def test_a_fresh_cache_keeps_the_reading_state(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await to_row(pilot, "小米")
        title = app.reader.current.title
        await pilot.press("s", "u")
    shutil.rmtree(tmp_path / "cache")
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reading = app.reader.reading
        [starred] = reading.starred_ids()
        assert app.reader.library.row(starred).title == title
        assert reading.read_ids() == {starred}
        assert app.reader.current.id == starred  # and the selection came back


async def test_a_damaged_state_database_is_said_once_and_reading_goes_on(tmp_path, monkeypatch):
    state = tmp_path / "state"
    state.mkdir()
    (state / "state.sqlite3").write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("KFIN_TUI_STATE", str(state))
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s", "u", "j", "s")
        await settle(pilot)
        said = [n for n in app.notes if "reading state" in n]
        assert len(said) == 1 and "damaged" in said[0]
        assert len(app.reader.reading.starred_ids()) == 2  # kept for the session
    assert (state / "state.sqlite3").read_bytes() == b"this is not a database" * 100


# ------------------------------------------------------------------------------------- help

def test_generated_help_lists_the_new_keys():
    rows_ = {keys: text for _, items in help_sections({}) for keys, text in items}
    for key, words in (("u", "read / unread"), ("s", "star"), ("H", "hide"), ("S", "starred"),
                       ("V", "watched"), ("w", "watch"), ("W", "watchlist"), ("d", "dossier")):
        assert key in rows_ and words in rows_[key], key
    assert "next unread" in rows_["space"]


@pytest.mark.parametrize("key", ["toggle_read", "reader.dossier"])
def test_the_new_keys_can_be_remapped(key):
    from kfin_tui.ui.bindings import keymap_from_config

    keymap, problem = keymap_from_config({key: ["x"]})
    assert problem is None and keymap


@pytest.mark.parametrize("title", ["英伟达", None])  # (None: the first row, shown before the marks are known)
async def test_an_article_marked_unread_and_left_open_stays_unread_when_reopened(title):
    """u on the article shown, then q: the next start reopens on it, and showing it again is no
    reading (the dwell does not mark it read); moving to it by hand later is."""
    app = NotesApp(UI_CORPUS, read_after=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if title:
            await to_row(pilot, title)
        await settle(pilot, 0.3)
        chosen = app.reader.current.id
        assert app.reader.reading.is_read(chosen)
        await pilot.press("u")
        assert not app.reader.reading.is_read(chosen)
        await pilot.press("q")
    app = NotesApp(UI_CORPUS, read_after=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, 0.3)
        reader = app.reader
        assert reader.current is not None and reader.current.id == chosen
        await pilot.pause(0.3)
        assert not reader.reading.is_read(chosen)
        away, back = ("k", "j") if reader.article_list.rows and reader.article_list.rows[-1].id == chosen else ("j", "k")
        await pilot.press(away)
        await settle(pilot, 0.3)
        await pilot.press(back)
        await settle(pilot, 0.3)
        assert reader.current.id == chosen and reader.reading.is_read(chosen)
