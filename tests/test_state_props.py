"""Property test: any sequence of mark changes, with the store closed and reopened at random points,
leaves exactly the marks a plain model predicts; an export imported into an empty store gives the
same marks back."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kfin_tui.state.identity import Identity
from kfin_tui.state.store import open_state
from kfin_tui.state.transfer import export_state, import_state

KEYS = ["guid:a", "link:https://x/b", "path:c.md", "path:sub/d.md"]

op = st.tuples(st.sampled_from(["set_read", "toggle_read", "set_starred", "toggle_starred", "reopen"]),
               st.integers(0, len(KEYS) - 1), st.booleans())


@settings(max_examples=60, deadline=None)
@given(st.lists(op, max_size=40))
def test_marks_follow_a_model(ops):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "state.sqlite3"
        store = open_state(path)
        model = {k: [False, False] for k in KEYS}  # read, starred
        for name, k, flag in ops:
            key = KEYS[k]
            ident = Identity(key, f"hash-{k}")
            if name == "reopen":
                store.close()
                store = open_state(path)
            elif name == "set_read":
                store.set_read(ident, flag, root="/r")
                model[key][0] = flag
            elif name == "toggle_read":
                assert store.toggle_read(ident, root="/r") is (not model[key][0])
                model[key][0] = not model[key][0]
            elif name == "set_starred":
                store.set_starred(ident, flag, root="/r")
                model[key][1] = flag
            else:
                assert store.toggle_starred(ident, root="/r") is (not model[key][1])
                model[key][1] = not model[key][1]
        assert store.error is None
        for k, key in enumerate(KEYS):
            m = store.mark_for(Identity(key, f"hash-{k}"), "/r")
            got = [m.read, m.starred] if m is not None else [False, False]
            assert got == model[key], key
        copy = open_state(Path(tmp) / "copy.sqlite3")
        import_state(copy, export_state(store))
        assert export_state(copy) == export_state(store)
