"""The reader shortens Textual's wait for the rest of an escape sequence (ESCDELAY, 100 ms by
default: most of what the escape key cost) unless the user set ESCDELAY; it must be in the
environment before Textual's constants are imported, so the reader command sets it first."""
from __future__ import annotations

import os
import subprocess
import sys

from kfin_tui.commands.cmd_read import ESCAPE_DELAY_MS

PROBE = """
import sys
from kfin_tui.commands import cmd_read
assert "textual" not in sys.modules, "imported before the reader runs"
cmd_read.set_escape_delay()
import textual.constants
print(textual.constants.ESCAPE_DELAY)
"""


def _delay(env: dict[str, str]) -> float:
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def test_the_reader_waits_less_for_an_escape_sequence():
    env = {k: v for k, v in os.environ.items() if k != "ESCDELAY"}
    assert _delay(env) == ESCAPE_DELAY_MS / 1000 < 0.1


def test_the_users_escdelay_wins():
    env = {k: v for k, v in os.environ.items() if k != "ESCDELAY"} | {"ESCDELAY": "250"}
    assert _delay(env) == 0.25


def test_run_sets_it_before_the_ui_is_imported(monkeypatch, tmp_path):
    import argparse

    from kfin_tui.commands import cmd_read

    seen = []

    def fake_import_check():
        seen.append(os.environ.get("ESCDELAY"))

    monkeypatch.delenv("ESCDELAY", raising=False)
    real = cmd_read.set_escape_delay
    monkeypatch.setattr(cmd_read, "set_escape_delay", lambda: (real(), fake_import_check()))
    import kfin_tui.ui.app as app_module

    monkeypatch.setattr(app_module.KfinApp, "run", lambda self: None)
    (tmp_path / "a.md").write_text("---\ntitle: 一\n---\n正文\n", encoding="utf-8")
    args = argparse.Namespace(path=str(tmp_path), keyword=None, category=None, company=None)
    assert cmd_read.run(args) == 0
    assert seen == [str(ESCAPE_DELAY_MS)]
