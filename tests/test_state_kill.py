"""kill -9 in the middle of a burst of toggles: the database is sound and holds one of the states
that existed (the state after some prefix of the toggle sequence)."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from kfin_tui.state.identity import Identity
from kfin_tui.state.store import open_state

STARS = 3  # op 2i: mark guid:i read; op 2i+1: toggle the star of guid:star-(i % STARS)

BURST = r"""
import sys
from kfin_tui.state.identity import Identity
from kfin_tui.state.store import open_state
store = open_state(sys.argv[1])
assert store.error is None, store.error
for i in range(1_000_000):
    store.set_read(Identity(f"guid:{i}", f"h{i}"))
    store.toggle_starred(Identity(f"guid:star-{i % 3}", f"s{i % 3}"))
    if i == 40:
        print("going", flush=True)
"""


def expected_stars(toggles: int) -> dict[str, bool]:
    """Which stars are on after ``toggles`` star toggles."""
    return {f"guid:star-{j}": sum(1 for i in range(toggles) if i % STARS == j) % 2 == 1 for j in range(STARS)}


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("delay", [0.05, 0.3, 0.7])
def test_kill_9_mid_burst_leaves_a_state_that_existed(tmp_path, delay):
    db = tmp_path / "state.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", BURST, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "going", line
        time.sleep(delay)
        assert proc.poll() is None, "the burst ended before the kill"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    store = open_state(db)
    assert store.error is None
    marks = {m.ident: m for m in store.all_marks()}
    read = sorted(int(k[5:]) for k, m in marks.items() if m.read and not k.startswith("guid:star-"))
    n = len(read)
    assert n > 40
    # reads form a prefix: guid:0 … guid:n-1, nothing missing in between
    assert read == list(range(n))
    stars = {f"guid:star-{j}": (marks[f"guid:star-{j}"].starred if f"guid:star-{j}" in marks else False)
             for j in range(STARS)}
    # the last committed op was either read n-1 (n-1 star toggles done) or its star toggle (n done)
    assert stars in (expected_stars(n - 1), expected_stars(n))
    # and the store goes on working
    assert store.toggle_read(Identity("guid:after", "x")) is True
