"""End to end: escape, arrow keys, alt+keys and a paste typed at the real reader in tmux. The
reader's driver (kfin_tui/ui/driver.py) reports a lone ESC after 25 ms instead of Textual's 100+:
key sequences must still reach it whole (Pilot cannot show this: it posts key events, it does not
write bytes to a terminal)."""
from __future__ import annotations

import sys
import time

import pytest
from test_e2e_tmux import Tmux
from ui_helpers import UI_CORPUS

pytestmark = pytest.mark.e2e

STILL = 0.5  # s a screen is watched after a key that should change nothing more


def cursor_title(screen: str) -> str | None:
    """The title on the list's cursor row (the row marked ▌)."""
    for line in screen.split("\n")[1:]:
        if line.startswith("▌"):
            return line[1:].split("▕", 1)[0].strip()
    return None


def status(screen: str) -> str:
    return screen.split("\n", 1)[0]


@pytest.fixture
def term(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("KFIN_TUI_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("ESCDELAY", raising=False)
    t = Tmux([sys.executable, "-m", "kfin_tui", str(UI_CORPUS)], size=(100, 30))
    try:
        t.wait_for(lambda s: "4/4" in s and cursor_title(s))
        yield t
    finally:
        t.close()


def test_arrow_keys_and_escape_alone(term):
    first = cursor_title(term.screen())
    term.keys("Down")
    second = cursor_title(term.wait_for(lambda s: cursor_title(s) not in (None, first)))
    term.keys("Up")
    term.wait_for(lambda s: cursor_title(s) == first)
    assert second != first
    # escape alone, nothing after it: the filter box is cleared and the list has the keys again
    term.type("/英伟达")
    term.wait_for(lambda s: "1/4" in s and "关键词: 英伟达" in status(s))
    term.keys("Escape")
    here = cursor_title(term.wait_for(lambda s: "4/4" in s and "关键词" not in status(s) and cursor_title(s)))
    term.keys("Down")  # (with the box still focused, no row would move)
    term.wait_for(lambda s: cursor_title(s) not in (None, here))
    # enter opens the article (the reading pane has the keys: no ⏎ 打开 in the footer), escape
    # goes back to the list
    term.keys("Enter")
    term.wait_for(lambda s: "⏎ 打开" not in s)
    term.keys("Escape")
    term.wait_for(lambda s: "⏎ 打开" in s)


def test_alt_keys_are_one_key_not_escape_then_the_key(term):
    first = cursor_title(term.screen())
    term.keys("M-j")  # ESC j in one write: alt+j (bound to nothing); escape then j would move the cursor
    time.sleep(STILL)
    assert cursor_title(term.screen()) == first
    term.keys("Down")  # (after alt+j in the input: once this shows, alt+j has been handled)
    second = cursor_title(term.wait_for(lambda s: cursor_title(s) != first))
    time.sleep(STILL)
    assert cursor_title(term.screen()) == second  # one row down, not two
    term.keys("M-[")  # ESC [ alone: the start of a sequence that never comes; nothing breaks
    time.sleep(STILL)
    term.keys("Up")
    term.wait_for(lambda s: cursor_title(s) == first)


def test_a_bracketed_paste_is_text(term):
    term._tmux("set-buffer", "-b", "kfin", "英伟达")
    term._tmux("paste-buffer", "-p", "-d", "-b", "kfin", "-t", term.session)
    term.wait_for(lambda s: "1/4" in s and "关键词: 英伟达" in status(s))
