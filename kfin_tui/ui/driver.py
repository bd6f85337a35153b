"""The reader's terminal driver where Textual would use its ``LinuxDriver`` (Linux, macOS): the
same driver, with the escape key reported ~25 ms after it was pressed instead of 100–200.

A lone ESC byte is either the escape key or the start of a key sequence (an arrow key, alt+x, a
paste) whose rest has not been read yet; the parser waits ``ESCDELAY`` ms (Textual's default:
100) for more before it reports escape. Textual 8.2's input thread checks that wait only when its
``select(0.1)`` returns, so escape reached the app 100 ms and more after the key (the reader's
``esc`` measured 121 ms median in tmux, 100 of them this wait; setting ``ESCDELAY`` alone changed
nothing: the select timeout was the floor).

:class:`QuickEscapeDriver` waits in ``select`` only as long as a pending escape has left, and
shortens the wait to :data:`ESCAPE_DELAY` unless the user set ``ESCDELAY`` (for a slow link, where
a key sequence may come in pieces). A terminal or tmux writes a key sequence in one go, so it is
read in one piece: arrow keys, alt+keys and pastes parse as before (tests/test_e2e_keys_tmux.py).

:meth:`QuickEscapeDriver.run_input_thread` mirrors ``LinuxDriver.run_input_thread`` of Textual
8.2.8 (pinned ``>=8.2.8,<8.3`` in pyproject.toml), changed in two marked lines; it reads the
parser's pending deadline (``Parser._timeout_time``, private): check both on a Textual upgrade.

It also stops at once when the app exits: Textual's input thread sees its exit event only when a
``select(0.1)`` returns and then sleeps one more ``select(0.1)`` with nothing registered, so ``q``
waited 0.1–0.2 s in ``disable_input`` before the terminal was given back. Here a byte on a wake
pipe ends the wait, and the last poll does not block (changes marked ``kfin``).
"""
from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder

from textual import constants
from textual._loop import loop_last
from textual._parser import ParseError
from textual._time import get_time
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

ESCAPE_DELAY = 0.025  # s a lone ESC waits for the rest of a key sequence (the user's ESCDELAY wins)
IDLE_WAIT = 0.1  # s: Textual's select timeout when nothing is pending (the exit event's check)


def escape_delay() -> float:
    """Seconds a lone ESC waits: ``ESCDELAY`` (ms) when the user set it, else :data:`ESCAPE_DELAY`."""
    return constants.ESCAPE_DELAY if os.environ.get("ESCDELAY") else ESCAPE_DELAY


def select_timeout(parser: XTermParser, now: float, idle: float = IDLE_WAIT) -> float:
    """How long the input thread may block: until a pending escape is due, else ``idle``."""
    due: float | None = getattr(parser, "_timeout_time", None)
    return idle if due is None else min(idle, max(0.0, due - now))


def shorten_escape_wait(parser: XTermParser, now: float, delay: float) -> None:
    """After a read: an escape now pending is due ``delay`` after it came, not ``ESCAPE_DELAY``."""
    due: float | None = getattr(parser, "_timeout_time", None)
    if due is not None and now + delay < due:
        parser._timeout_time = now + delay


class QuickEscapeDriver(LinuxDriver):
    """Textual's ``LinuxDriver`` whose input thread reports a lone escape once its wait is over,
    and ends as soon as input is disabled."""

    _wake: tuple[int, int] | None = None  # the input thread's wake pipe (read end, write end)

    def disable_input(self) -> None:
        wake = self._wake
        if wake is not None and not self.exit_event.is_set():
            try:
                os.write(wake[1], b"x")  # kfin: end the input thread's select now (it checks the event next)
            except OSError:
                pass
        super().disable_input()

    def run_input_thread(self) -> None:
        """Wait for input and dispatch events (Textual 8.2.8's, changes marked ``kfin``)."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        wake_read, wake_write = os.pipe()  # kfin: a byte here ends the wait (disable_input)
        selector.register(wake_read, selectors.EVENT_READ)
        self._wake = (wake_read, wake_write)

        fileno = self.fileno
        EVENT_READ = selectors.EVENT_READ

        parser = XTermParser(self._debug)
        feed = parser.feed
        tick = parser.tick
        delay = escape_delay()

        utf8_decoder = getincrementaldecoder("utf-8")().decode
        decode = utf8_decoder
        read = os.read

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]],
            final: bool = False,
        ) -> None:
            for last, (selector_key, mask) in loop_last(selector_events):
                if selector_key.fd != fileno:  # kfin: the wake pipe (left full: the loop ends next)
                    continue
                if mask & EVENT_READ:
                    unicode_data = decode(read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        # This can occur if the stdin is piped
                        break
                    for event in feed(unicode_data):
                        self.process_message(event)
                    shorten_escape_wait(parser, get_time(), delay)  # kfin: ESCAPE_DELAY, not 100 ms
            for event in tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                # kfin: Textual waits select(0.1) whatever is pending
                process_selector_events(selector.select(select_timeout(parser, get_time())))
            selector.unregister(self.fileno)
            # kfin: nothing is registered for reading any more; Textual's select(0.1) only slept
            process_selector_events(selector.select(0), final=True)

        finally:
            selector.close()
            self._wake = None
            for fd in (wake_read, wake_write):
                try:
                    os.close(fd)
                except OSError:
                    pass
            try:
                for _event in feed(""):
                    pass
            except (EOFError, ParseError):
                pass
