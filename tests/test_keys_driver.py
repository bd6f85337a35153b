"""The reader's terminal driver (kfin_tui/ui/driver.py): a lone ESC is due after the short escape
delay and the input thread blocks only until then; key sequences read in one piece parse as
before. Textual's own XTermParser is fed directly: no terminal, no clock measured (the key → screen
times are tests/bench/hostile_latency.py's; tests/test_e2e_keys_tmux.py types at the real thing)."""
from __future__ import annotations

import sys

import pytest
from textual import events
from textual._time import get_time
from textual._xterm_parser import XTermParser
from ui_helpers import no_user_config  # noqa: F401 - autouse fixture

from kfin_tui.ui import driver as driver_module
from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.driver import IDLE_WAIT, QuickEscapeDriver, escape_delay, select_timeout, shorten_escape_wait


def keys(parser: XTermParser, data: str) -> list[str]:
    return [e.key for e in parser.feed(data) if isinstance(e, events.Key)]


def test_a_lone_escape_is_due_after_the_short_delay_and_the_wait_ends_then():
    parser = XTermParser()
    assert select_timeout(parser, get_time()) == IDLE_WAIT  # nothing pending: Textual's wait
    assert keys(parser, "\x1b") == []  # not yet known: escape, or the start of a sequence
    now = get_time()
    shorten_escape_wait(parser, now, 0.025)
    assert select_timeout(parser, now) == pytest.approx(0.025)
    assert select_timeout(parser, now + 0.02) == pytest.approx(0.005)
    assert select_timeout(parser, now + 1.0) == 0.0  # overdue: do not block at all


def test_the_escape_key_is_reported_once_its_wait_is_over():
    parser = XTermParser()
    assert keys(parser, "\x1b") == []
    shorten_escape_wait(parser, get_time() - 1.0, 0.025)  # (as if the ESC came a second ago)
    assert [e.key for e in parser.tick() if isinstance(e, events.Key)] == ["escape"]
    assert select_timeout(parser, get_time()) == IDLE_WAIT  # nothing pending any more


def test_a_longer_wait_is_never_made_longer():
    parser = XTermParser()
    keys(parser, "\x1b")
    now = get_time()
    shorten_escape_wait(parser, now, 0.01)
    shorten_escape_wait(parser, now, 5.0)  # (only ever shortened)
    assert select_timeout(parser, now) == pytest.approx(0.01)


@pytest.mark.parametrize(("data", "expected"), [
    ("\x1b[A\x1b[B", ["up", "down"]),  # arrow keys
    ("\x1bOA", ["up"]),  # application-mode arrow
    ("\x1b[1;3C", ["alt+right"]),
    ("j\x1b[5~k", ["j", "pageup", "k"]),
])
def test_sequences_read_in_one_piece_parse_at_once(data, expected):
    parser = XTermParser()
    assert keys(parser, data) == expected
    assert select_timeout(parser, get_time()) == IDLE_WAIT  # nothing left waiting


def test_alt_key_and_paste_in_one_read():
    parser = XTermParser()
    assert keys(parser, "\x1bj") == []  # alt+j: reported when the wait ends (as Textual does)
    shorten_escape_wait(parser, get_time() - 1.0, 0.025)
    assert [e.key for e in parser.tick() if isinstance(e, events.Key)] == ["alt+j"]
    got = list(parser.feed("\x1b[200~英伟达 jk\x1b[201~x"))
    assert [e.text for e in got if isinstance(e, events.Paste)] == ["英伟达 jk"]  # text, not keys
    assert [e.key for e in got if isinstance(e, events.Key)] == ["x"]


def test_the_user_escdelay_wins(monkeypatch):
    monkeypatch.delenv("ESCDELAY", raising=False)
    assert escape_delay() == driver_module.ESCAPE_DELAY
    monkeypatch.setenv("ESCDELAY", "200")
    monkeypatch.setattr(driver_module.constants, "ESCAPE_DELAY", 0.2)  # (Textual reads it at import)
    assert escape_delay() == 0.2


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux driver")
def test_the_app_uses_it_where_textual_would_use_its_linux_driver(tmp_path, monkeypatch):
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setattr(driver_module.constants, "DRIVER", None)
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("KFIN_TUI_STATE", str(tmp_path / "state"))
    app = KfinApp(tmp_path)
    assert app.driver_class is QuickEscapeDriver
    app.state.close()
    # a driver chosen through TEXTUAL_DRIVER (textual serve, tests) is left alone
    monkeypatch.setattr(driver_module.constants, "DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    from textual.drivers.headless_driver import HeadlessDriver

    app = KfinApp(tmp_path)
    assert app.driver_class is HeadlessDriver
    app.state.close()


def test_disabling_input_ends_the_input_thread_without_waiting_out_its_select(monkeypatch):
    """The input thread blocks in select; on exit, disable_input wakes it (a byte on the wake pipe)
    instead of waiting for the select to time out. Here the select would wait an hour: without the
    wake the thread is still alive after the 10 s join (a hang detector, not a timing)."""
    import asyncio
    import os
    import signal
    import threading

    from textual import events as ev

    monkeypatch.setattr(driver_module, "select_timeout", lambda parser, now, idle=IDLE_WAIT: 3600.0)
    monkeypatch.setattr(QuickEscapeDriver, "_disable_mouse_support", lambda self: None)
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # (disable_input runs in a thread here)
    read_fd, write_fd = os.pipe()
    got: list[str] = []

    async def scenario() -> None:  # (a driver is made inside a running event loop)
        drv = QuickEscapeDriver(KfinApp.__new__(KfinApp))
        drv.fileno = read_fd
        monkeypatch.setattr(drv, "process_message", lambda m: got.append(m.key) if isinstance(m, ev.Key) else None)
        thread = threading.Thread(target=drv.run_input_thread, daemon=True)
        drv._key_thread = thread
        thread.start()
        os.write(write_fd, b"j")
        for _ in range(500):
            if got:
                break
            threading.Event().wait(0.02)
        assert got == ["j"]  # the thread reads and parses as before
        stopper = threading.Thread(target=drv.disable_input, daemon=True)  # (it joins the input thread)
        stopper.start()
        stopper.join(10)
        thread.join(1)
        assert not thread.is_alive() and not stopper.is_alive()
        assert drv._wake is None  # its pipe closed

    try:
        asyncio.run(scenario())
    finally:
        os.close(write_fd)
        os.close(read_fd)
