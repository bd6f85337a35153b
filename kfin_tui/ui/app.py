"""The kfin-tui reader app: thin. It holds the library and the config, applies the user's keymap,
and shows the :class:`~kfin_tui.ui.screens.reader.ReaderScreen`, which owns the layout and the
reading session (Posting's App + main Screen)."""
from __future__ import annotations

import contextlib
import gc
import sys
import threading
from pathlib import Path

from textual import events
from textual.app import App
from textual.driver import Driver
from textual.screen import Screen
from textual.widgets import Input

from ..config import Config, ConfigError, load_config
from ..filters import Filters
from ..index import Library
from ..state.store import StateStore, open_state
from .bindings import APP, keymap_from_config
from .commands import FilterCommands
from .screens.reader import ReaderScreen

# background threads (loading, extraction, layout) hand the interpreter back to the UI sooner;
# set while the app runs, restored when it stops
SWITCH_INTERVAL = 0.001
# objects allocated between two collections of the youngest generation (Python's default: 700).
# A warm start of 100,000 articles makes ~300,000 container objects (its rows, their category and
# ticker tuples) beside Textual's widgets and styles, and with the default every tenth collection
# of the middle generation walks the whole heap again: ~0.25 s of CPU before the list was painted
# (issue 14). Set while the app runs, restored when it stops.
GC_THRESHOLD = 10_000
CLOSE_TIMEOUT = 2.0  # seconds the exit waits for a worker inside the library


class KfinApp(App[int]):
    TITLE = "kfin-tui"
    CSS_PATH = Path(__file__).parent / "app.tcss"  # absolute: subclasses live elsewhere
    BINDINGS = APP
    COMMANDS = App.COMMANDS | {FilterCommands}

    def __init__(self, root: Path | str, *, keyword: str = "", category: str = "", company: str = "",
                 library: Library | None = None, config: Config | None = None,
                 state: StateStore | None = None) -> None:
        super().__init__()
        self.root = Path(root)
        self.library = library or Library(self.root)
        self.start_filters = Filters(keyword=keyword, category=category, company=company)
        self.config_problem = ""
        if config is None:
            try:
                config = load_config()
            except ConfigError as exc:
                config, self.config_problem = Config(), str(exc)
        self.config = config
        keymap, problem = keymap_from_config(config.keys)
        self.config_problem = self.config_problem or (f"kfin-tui: {problem}" if problem else "")
        self.keymap = keymap
        # the reading state (XDG state folder; never raises: a problem is in state.error, said once)
        self.state = state if state is not None else open_state()
        self._saved_switch_interval: float | None = None
        self._saved_gc_threshold: tuple[int, ...] | None = None
        self.stop = threading.Event()  # set on exit: the reader's workers stop at their next check

    def get_driver_class(self) -> type[Driver]:
        """Textual's choice, except its Linux driver: the reader's (escape answered in ~25 ms, not
        100+: :mod:`kfin_tui.ui.driver`). Headless (tests), inline and ``TEXTUAL_DRIVER`` stay Textual's."""
        driver = super().get_driver_class()
        if sys.platform == "win32":  # (the Linux driver's module needs termios)
            return driver
        from textual.drivers.linux_driver import LinuxDriver

        if driver is LinuxDriver:
            from .driver import QuickEscapeDriver

            return QuickEscapeDriver
        return driver

    def get_default_screen(self) -> Screen:
        return ReaderScreen(self.library, self.start_filters, self.stop)

    @property
    def reader(self) -> ReaderScreen:
        screen = self.default_screen
        assert isinstance(screen, ReaderScreen)
        return screen

    def on_load(self) -> None:  # the first event: before the screen is composed
        self._saved_gc_threshold = gc.get_threshold()
        gc.set_threshold(max(GC_THRESHOLD, self._saved_gc_threshold[0]), *self._saved_gc_threshold[1:])

    def on_mount(self) -> None:
        self._saved_switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.config_problem:  # the defaults apply; say so once, never a traceback
            self.notify(self.config_problem + " — using the default keys", severity="error", timeout=8,
                        markup=False)

    def on_key(self, event: events.Key) -> None:
        """A key that bubbled up here unused, before the bindings see it. A character typed right
        after a key that moved the typing elsewhere (``f`` opening the company picker, ``/`` the
        keyword box) was on its way to the list behind when that key's action ran — a terminal
        delivers a burst at once (``f宁德``, ``/300750``) — and would be lost: it goes where it was
        typed for. (What an input takes never reaches here; neither does a picker's own key.)"""
        if not (event.is_printable and event.character):
            return
        type_ahead = getattr(self.screen, "type_ahead", None)  # (a PickerScreen: not imported before it opens)
        focused = self.focused
        if type_ahead is not None:
            type_ahead(event.character)
        elif isinstance(focused, Input):
            focused.insert_text_at_cursor(event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    def action_help(self) -> None:
        from .screens.help import HelpScreen  # (not needed before the first paint)

        self.push_screen(HelpScreen(dict(self._keymap)))

    def on_unmount(self) -> None:
        self.stop.set()
        if self._saved_switch_interval is not None:
            sys.setswitchinterval(self._saved_switch_interval)
        if self._saved_gc_threshold is not None:
            gc.set_threshold(*self._saved_gc_threshold)
        # workers stop at their next check of the stop event; the library waits for the calls in
        # flight before it closes its connections (and leaves them to process exit after the timeout)
        with contextlib.suppress(Exception):  # a failed save never turns the exit into a traceback
            self.reader.reading_state_closed()  # where the reader was left, saved before the store closes
        self.library.close(timeout=CLOSE_TIMEOUT)
        self.state.close()
