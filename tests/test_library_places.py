"""The id → place map that keyword answers are picked by is made during a reader's warm start
(once the cached rows are out), not by the first keyword typed; answers stay those of a pass over
every row, also after the rows change."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from kfin_tui.filters import Filters
from kfin_tui.filters import apply as apply_filters
from kfin_tui.index import Library

BENCH = Path(__file__).parent / "bench" / "make_archive.py"


def _archive(root: Path, n: int) -> Path:
    spec = importlib.util.spec_from_file_location("kfin_make_archive_places", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_archive(root, n)


def _load(root: Path, places: bool = True) -> Library:
    lib = Library(root)
    for _ in lib.load(places=places):
        pass
    return lib


def test_a_warm_start_makes_the_places_and_answers_stay_exact(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    root = _archive(tmp_path / "arch", 300)
    cold = _load(root)
    cold.close()
    lib = _load(root)  # warm: the cached rows, then the freshness check
    try:
        assert lib._places is not None
        rows, at = lib._places
        assert rows == lib.rows and at == {r.id: i for i, r in enumerate(lib.rows)}
        term = lib.rows[7].title[:4]
        kw = lib.search(term)
        assert 0 < len(kw) * 4 <= len(lib.rows)  # an answer _pick takes (few rows)
        assert lib.select(Filters(keyword=term)).rows == apply_filters(list(lib.rows), Filters(keyword=term), kw, None)
        victim = next(r for r in lib.rows if r.id in kw)
        Path(victim.path).unlink()  # (a row's path is absolute)
        for _ in lib.load():
            pass
        assert victim.id not in {r.id for r in lib.rows}
        kw = lib.search(term)
        assert lib.select(Filters(keyword=term)).rows == apply_filters(list(lib.rows), Filters(keyword=term), kw, None)
    finally:
        lib.close()


def test_only_the_reader_makes_them(tmp_path, monkeypatch):
    """Commands (list, index, company) do not pay for a map they never use."""
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    root = _archive(tmp_path / "arch", 120)
    _load(root).close()
    lib = _load(root, places=False)
    try:
        assert lib._places is None
    finally:
        lib.close()


async def test_the_reader_asks_for_them(tmp_path, monkeypatch):
    from ui_helpers import settle

    from kfin_tui.ui.app import KfinApp

    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    root = _archive(tmp_path / "arch", 60)
    _load(root, places=False).close()  # the index made: the reader's start is warm
    app = KfinApp(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.library._places is not None and app.library._places[0] == list(app.library.rows)
