"""``kfin-tui state export`` / ``import``: the reading state as JSON.

Format (version 1)::

    {"kfin-tui-state": 1,
     "marks": [{"ident": "guid:…", "hash": "…", "root": "/…", "read_at": 1733130000.0 | null,
                "starred": true, "updated": 1733130000.0}, …],
     "sessions": [{"root": "/…", "session": {…}, "updated": …}, …]}

Import merges: a mark or session replaces the stored one with the same key only when it is newer
(``updated``), so importing a copy of the same state twice changes nothing, and a state exported
on another machine adds its marks without undoing newer local ones.
"""
from __future__ import annotations

from typing import Any

from .store import Mark, StateStore

FORMAT_KEY = "kfin-tui-state"
FORMAT_VERSION = 1


class StateImportError(ValueError):
    """A file that is not an exported state; ``str()`` says why, in one line."""


def export_state(store: StateStore) -> dict[str, Any]:
    marks = sorted(store.all_marks(), key=lambda m: m.ident)
    return {FORMAT_KEY: FORMAT_VERSION,
            "marks": [{"ident": m.ident, "hash": m.hash, "root": m.root, "read_at": m.read_at,
                       "starred": m.starred, "updated": m.updated} for m in marks],
            "sessions": [{"root": r, "session": d, "updated": u} for r, d, u in sorted(store.all_sessions())]}


def _number(value: Any, what: str, n: int) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise StateImportError(f"marks[{n}].{what}: expected a number or null, got {value!r}")
    return float(value)


def parse_export(data: Any) -> tuple[list[Mark], list[tuple[str, dict, float]]]:
    """Marks and sessions of an exported state; raises :class:`StateImportError` on a wrong shape."""
    if not isinstance(data, dict) or FORMAT_KEY not in data:
        raise StateImportError(f"not a kfin-tui state export (no {FORMAT_KEY!r} key)")
    if data[FORMAT_KEY] != FORMAT_VERSION:
        raise StateImportError(f"unsupported state export version {data[FORMAT_KEY]!r} (this kfin-tui reads {FORMAT_VERSION})")
    marks: list[Mark] = []
    raw_marks = data.get("marks", [])
    if not isinstance(raw_marks, list):
        raise StateImportError("marks: expected a list")
    for n, m in enumerate(raw_marks):
        if not isinstance(m, dict) or not isinstance(m.get("ident"), str) or not m["ident"]:
            raise StateImportError(f"marks[{n}]: expected an object with an 'ident' string")
        updated = _number(m.get("updated", 0.0), "updated", n) or 0.0
        marks.append(Mark(m["ident"], str(m.get("hash") or ""), str(m.get("root") or ""),
                          _number(m.get("read_at"), "read_at", n), m.get("starred") is True, updated))
    sessions: list[tuple[str, dict, float]] = []
    raw_sessions = data.get("sessions", [])
    if not isinstance(raw_sessions, list):
        raise StateImportError("sessions: expected a list")
    for n, s in enumerate(raw_sessions):
        if not isinstance(s, dict) or not isinstance(s.get("root"), str) or not isinstance(s.get("session"), dict):
            raise StateImportError(f"sessions[{n}]: expected an object with 'root' and 'session'")
        sessions.append((s["root"], s["session"], _number(s.get("updated", 0.0), "updated", n) or 0.0))
    return marks, sessions


def import_state(store: StateStore, data: Any) -> tuple[int, int]:
    """Merge an export into ``store``; returns (marks taken, sessions taken)."""
    marks, sessions = parse_export(data)
    return store.put_marks(marks), store.put_sessions(sessions)
