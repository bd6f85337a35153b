"""End to end: the real ``kfin-tui`` in a real terminal (tmux), typed at like a person would."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid

import pytest
from ui_helpers import UI_CORPUS

pytestmark = pytest.mark.e2e

if shutil.which("tmux") is None:
    pytest.skip("tmux is not installed", allow_module_level=True)


class Tmux:
    def __init__(self, cmd: list[str], size=(100, 30)) -> None:
        self.socket = f"kfin-e2e-{uuid.uuid4().hex[:8]}"
        self.session = "s"
        env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "COLORTERM": "truecolor"}
        envs = " ".join(f"{k}={v}" for k, v in env.items())
        # without COLUMNS and LINES: GNU readline, once loaded in the test process, exports its size
        # (80x24), which the app would take over the window's (the pane is `size`)
        command = f"env -u COLUMNS -u LINES {envs} " + " ".join(f"'{c}'" for c in cmd)
        self._tmux("-f", "/dev/null", "new-session", "-d", "-s", self.session, "-x", str(size[0]),
                   "-y", str(size[1]), command)

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=False).stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.session)

    def wait_for(self, predicate, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out; screen was:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        """One key at a time, as a person types (a burst would reach the app as a paste)."""
        for ch in text:
            self._tmux("send-keys", "-t", self.session, "-l", ch)
            time.sleep(0.05)

    def close(self) -> None:
        self._tmux("kill-server")


def test_chinese_keyword_filter_in_a_real_terminal(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))  # restored afterwards
    term = Tmux([sys.executable, "-m", "kfin_tui", str(UI_CORPUS)])
    try:
        term.wait_for(lambda s: "4/4" in s and "宁德时代" in s)
        term.type("/英伟达")
        # The count can reach 1/4 while the title still shows 英伟 (that prefix hits the same
        # article); wait for the whole keyword, then look at the screen it settled on.
        screen = term.wait_for(lambda s: "1/4" in s and "关键词: 英伟达" in s)
        assert "[bold red]英伟达市值突破" in screen  # markup shown as text, not interpreted
        term.keys("Enter")
        term.keys("q")
        term.wait_for(lambda s: "1/4" not in s, timeout=10)
    finally:
        term.close()


def test_markup_names_and_keyword_are_text_in_a_real_terminal(tmp_path, monkeypatch):
    """`kfin-tui --keyword '[/]'` on a folder named like a click action: no MarkupError, the names
    are on screen as typed, and a click on them does nothing."""
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(tmp_path / "no-config.toml"))
    root = tmp_path / "[@click=app.quit]CLICKME"
    root.mkdir()
    (root / "a.md").write_text("---\ntitle: '[/]标题 [b]x'\ndate: 2024-05-01\n---\n\n正文[/]。\n", encoding="utf-8")
    term = Tmux([sys.executable, "-m", "kfin_tui", str(root), "--keyword", "[/]"], size=(100, 30))
    try:
        # (the count can be painted a frame before the list's row: wait for both)
        screen = term.wait_for(lambda s: "1/1" in s and "[/]标题 [b]x" in s)
        assert "[@click=app.quit]CLICKME" in screen and "关键词: [/]" in screen
        assert "[/]标题 [b]x" in screen
        term._tmux("send-keys", "-t", term.session, "q")
        term.wait_for(lambda s: "1/1" not in s, timeout=10)
    finally:
        term.close()


def test_quit_exits_with_status_zero_and_keeps_the_state(tmp_path, monkeypatch):
    """`q` ends the process without the interpreter's teardown (cmd_read._exit_now): the exit status
    is still the app's, and the star given just before is in the state database afterwards."""
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("KFIN_TUI_STATE", str(tmp_path / "state"))
    env = {k: str(tmp_path / v) for k, v in
           (("KFIN_TUI_CACHE", "cache"), ("KFIN_TUI_CONFIG", "no-config.toml"), ("KFIN_TUI_STATE", "state"))}
    script = (" ".join(f"{k}='{v}'" for k, v in env.items())
              + f" '{sys.executable}' -m kfin_tui '{UI_CORPUS}'; echo EXIT=$?; sleep 30")
    term = Tmux(["sh", "-c", script])
    try:
        term.wait_for(lambda s: "4/4" in s)
        term.keys("s")
        term.wait_for(lambda s: "★" in s)
        term.keys("q")
        screen = term.wait_for(lambda s: "EXIT=" in s, timeout=15)
        assert "EXIT=0" in screen
    finally:
        term.close()
    out = subprocess.run([sys.executable, "-m", "kfin_tui", "state", "list", "--starred", "--json", str(UI_CORPUS)],
                         capture_output=True, text=True, check=True).stdout
    assert len([line for line in out.splitlines() if line.strip()]) == 1


def test_the_app_draws_at_the_panes_size(tmp_path, monkeypatch):
    """The pane is 100x30 and the app fills it: no COLUMNS/LINES exported by the test process (GNU
    readline does once loaded) shrinks it to 80x24 inside the window."""
    import readline  # noqa: F401 - the import that exports COLUMNS/LINES in the process

    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    term = Tmux([sys.executable, "-m", "kfin_tui"], size=(100, 30))
    try:
        screen = term.wait_for(lambda s: "/38" in s or "/3" in s)
        lines = screen.split("\n")
        assert max(len(line.rstrip()) for line in lines) > 80, screen
        assert len([line for line in lines if line.strip()]) > 24 - 1, screen
    finally:
        term.close()
