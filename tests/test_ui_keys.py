"""Key bindings: the user's keymap from the config file, the help generated from the bindings, and
what the app leaves behind in the process."""
from __future__ import annotations

import sys

from textual.containers import VerticalScroll
from ui_helpers import UI_CORPUS, no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.config import Config
from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.bindings import keymap_from_config
from kfin_tui.ui.screens.help import HelpScreen
from kfin_tui.ui.screens.picker import PickerScreen


class NotesApp(KfinApp):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message, **kwargs) -> None:
        self.notes.append(str(message))
        super().notify(message, **kwargs)


def help_lines(app) -> list[str]:
    lines = app.console.render_lines(app.screen.content, app.console.options.update_width(96), pad=False)
    return ["".join(seg.text for seg in line).rstrip() for line in lines]


def test_keymap_from_config_maps_action_names_and_ids():
    keymap, problem = keymap_from_config({"category": ("x",), "down": ("J", "ctrl+n"), "list.up": ("K",)})
    assert problem is None
    assert keymap["reader.category"] == "x"
    assert keymap["list.down"] == keymap["pane.down"] == keymap["help.down"] == "J,ctrl+n"
    assert keymap["list.up"] == "K" and "pane.up" not in keymap


def test_keymap_from_config_rejects_unknown_actions_and_bad_keys():
    keymap, problem = keymap_from_config({"categroy": ("x",)})
    assert keymap == {} and "categroy" in problem and "category" in problem
    keymap, problem = keymap_from_config({"quit": ("a,b",)})
    assert keymap == {} and "quit" in problem


async def test_user_keymap_replaces_the_default_keys_and_the_help_follows():
    app = NotesApp(UI_CORPUS, config=Config(keys={"category": ("x",), "down": ("J",)}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.reader.article_list
        await pilot.press("J")
        assert lst.cursor == 1
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, PickerScreen)  # c is no longer the category key
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("escape")
        await pilot.press("question_mark")
        await pilot.pause()
        lines = help_lines(app)
        assert any(line.split()[:2] == ["x", "pick"] for line in lines), lines
        assert any(line.split()[:2] == ["J", "next"] for line in lines), lines  # j,down replaced by J
        assert not app.notes


async def test_a_bad_config_file_says_so_once_and_keeps_the_default_keys(tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text("[keys]\ncategory = [1, 2]\n", encoding="utf-8")
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(config))
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len([n for n in app.notes if "config" in n]) == 1
        assert str(config) in app.notes[0] and "keys.category" in app.notes[0]
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
    config.write_text("[keys\n", encoding="utf-8")  # not TOML at all
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(app.notes) == 1 and "not valid TOML" in app.notes[0]
    config.write_text('[keys]\nnope = "x"\n', encoding="utf-8")  # an action that does not exist
    app = NotesApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(app.notes) == 1 and "'nope'" in app.notes[0]
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)


async def test_help_lists_every_key_of_the_reader_and_scrolls_with_j_and_space():
    app = KfinApp(UI_CORPUS, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(help_lines(app))
        for key in ("j / ↓", "space / pgdn", "escape", "ctrl+p", "tab", "L", "?", "q", "n", "N", "/", "c", "f", "e"):
            assert f"  {key} " in text, key
        scroller = app.screen.query_one(VerticalScroll)
        assert scroller.max_scroll_y > 0, "the help must be taller than 24 lines to test scrolling"
        await pilot.press("j")
        await pilot.pause()
        assert scroller.scroll_y == 1
        await pilot.press("space")
        await pilot.pause()
        assert scroller.scroll_y > 1
        await pilot.press("G")
        await pilot.pause()
        assert scroller.scroll_y == scroller.max_scroll_y
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_the_switch_interval_is_restored_when_the_reader_exits():
    before = sys.getswitchinterval()
    app = KfinApp(UI_CORPUS, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert sys.getswitchinterval() < before
        await pilot.press("q")
    assert sys.getswitchinterval() == before
