"""The README's picture of the reader is the real program's screen: the command it names, run on the
bundled corpus in a terminal of the size it states, shows those very lines (it once showed an
article the bundled corpus does not have; a new user's walk-through found it)."""
from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest
from test_e2e_tmux import Tmux

pytestmark = pytest.mark.e2e

if shutil.which("tmux") is None:
    pytest.skip("tmux is not installed", allow_module_level=True)

README = Path(__file__).resolve().parents[1] / "README.md"
INTRO = re.compile(r"`(kfin-tui [^`]*)` on the bundled corpus: the first (\d+) lines of a (\d+)×(\d+)\s+terminal")


def readme_screen() -> tuple[list[str], int, tuple[int, int], list[str]]:
    """(command, lines, (columns, rows), the lines shown) of the README's picture of the reader."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The reader"):]
    intro = INTRO.search(section)
    assert intro is not None, "the README says which command, lines and terminal size the picture shows"
    block = section[intro.end():]
    block = block[block.index("```\n") + 4:]
    lines = block[:block.index("```\n")].splitlines()
    count = int(intro.group(2))
    assert len(lines) == count
    return shlex.split(intro.group(1)), count, (int(intro.group(3)), int(intro.group(4))), lines


def test_the_readme_picture_of_the_reader_is_the_real_screen(tmp_path, monkeypatch):
    command, count, size, want = readme_screen()
    assert command[0] == "kfin-tui" and not any(Path(a).exists() for a in command[1:] if not a.startswith("-"))
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))  # a first start: nothing cached, nothing read
    # (without COLUMNS and LINES: GNU readline, once loaded in the test process, exports the size of
    # pytest's terminal, and the reader would take it for the pane's)
    term = Tmux(["env", "-u", "COLUMNS", "-u", "LINES", sys.executable, "-m", "kfin_tui", *command[1:]], size=size)

    def top(screen: str) -> list[str]:
        return [line.rstrip() for line in screen.splitlines()[:count]]

    try:
        # (the first article is marked read after reader.read_after, 1.5 s: the picture is after it)
        term.wait_for(lambda s: top(s) == want, timeout=30)
    except AssertionError:
        got = top(term.screen())
        diff = [f"line {i + 1}:\n  README: {w!r}\n  screen: {g!r}" for i, (w, g) in enumerate(zip(want, got)) if w != g]
        raise AssertionError("the README's picture is not the screen:\n" + "\n".join(diff)) from None
    finally:
        term.keys("q")
        term.close()
