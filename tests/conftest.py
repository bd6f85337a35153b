"""Shared fixtures. Keep this minimal: other test modules may depend on it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# os._exit inside the test process would end the run at once with the code it was given, 0 too:
# pytest would print no failure and no summary, and CI would pass on the tests run until then. The
# reader ends its process that way after q (cli.script); in-process callers (cli.main) must never.
# Forked children (the walk's fingerprint helpers) still leave through the real os._exit.
_REAL_EXIT = os._exit
_TEST_PID = os.getpid()


def _exit_guard(code: int) -> None:
    if os.getpid() == _TEST_PID:
        raise RuntimeError(f"os._exit({code}) called in the test process: it would end the run silently")
    _REAL_EXIT(code)


os._exit = _exit_guard  # type: ignore[assignment]
ARTICLE_FIXTURES = REPO / "tests" / "fixtures" / "articles"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (sibling of the repository): real inputs, read-only. Skips when absent."""
    shared = Path(__file__).resolve().parents[2] / "shared"
    if not shared.is_dir():
        pytest.skip(f"shared inputs not available ({shared})")
    return shared


@pytest.fixture(scope="session")
def article_fixtures() -> Path:
    """``tests/fixtures/articles``: small articles written for these tests."""
    return ARTICLE_FIXTURES


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never read or write the user's index cache: each session gets its own."""
    old = os.environ.get("KFIN_TUI_CACHE")
    os.environ["KFIN_TUI_CACHE"] = str(tmp_path_factory.mktemp("kfin-cache"))
    yield
    if old is None:
        os.environ.pop("KFIN_TUI_CACHE", None)
    else:
        os.environ["KFIN_TUI_CACHE"] = old


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A private index cache folder for one test (``KFIN_TUI_CACHE``)."""
    d = tmp_path / "cache"
    monkeypatch.setenv("KFIN_TUI_CACHE", str(d))
    return d


@pytest.fixture(autouse=True)
def _private_state(tmp_path_factory, monkeypatch):
    """Tests never read or write the user's reading state or config (``KFIN_TUI_STATE``,
    ``KFIN_TUI_CONFIG``): each test gets its own, empty. Tests that need a shared state folder
    (reopen across two runs) set ``KFIN_TUI_STATE`` themselves."""
    d = tmp_path_factory.mktemp("kfin-state")
    monkeypatch.setenv("KFIN_TUI_STATE", str(d / "state"))
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(d / "config.toml"))


@pytest.fixture
def server():
    """A local HTTP server on 127.0.0.1 for the feed tests (pytest-httpserver), stopped after."""
    from pytest_httpserver import HTTPServer

    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    try:
        yield srv
    finally:
        srv.clear()
        if srv.is_running():
            srv.stop()


@pytest.fixture(autouse=True)
def _background_at_once(monkeypatch):
    """The reader starts its background extraction 1 s after the list is complete (a start-up
    latency measure): UI tests take their pictures and counts after it, as settle() waits for the
    workers, not for a timer."""
    import sys

    reader = sys.modules.get("kfin_tui.ui.screens.reader")  # only where a UI test imported it
    if reader is not None:
        monkeypatch.setattr(reader, "BACKGROUND_AFTER", 0.0)


@pytest.fixture(scope="module")
def yaml_only_loader():
    """The loader reads front matter with PyYAML alone (its fast path for the subset archives write
    is switched off): tests that hold quick_meta's answers against the loader's keep comparing two
    independent readings, not the fast path with itself."""
    from kfin_tui.articles import frontmatter
    from kfin_tui.articles.quickmeta import _Abstain

    def abstain(fm: str):
        raise _Abstain()

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(frontmatter, "_quick_front_matter", abstain)
        yield
