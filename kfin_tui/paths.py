"""Where things live: the bundled corpus, the user cache, config and state (XDG via platformdirs)."""
from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # (no pathlib or typing: kfin-tui list finds its index before they load)
if TYPE_CHECKING:
    from pathlib import Path

APP_NAME = "kfin-tui"


def bundled_corpus() -> Path:
    """The demo corpus: shipped inside the wheel as ``kfin_tui/_corpus``; in a source checkout
    (editable install, tests) it is the top-level ``corpus/`` folder."""
    from pathlib import Path

    here = Path(__file__).resolve().parent
    packaged = here / "_corpus"
    if packaged.is_dir():
        return packaged
    return here.parent / "corpus"


def cache_dir() -> Path:
    """Per-user cache folder (``$XDG_CACHE_HOME/kfin-tui``); ``KFIN_TUI_CACHE`` overrides it."""
    from pathlib import Path

    return Path(cache_folder())


def cache_folder() -> str:
    """:func:`cache_dir` as a string. On Linux with an absolute ``$XDG_CACHE_HOME`` or ``$HOME`` it
    is worked out here as platformdirs would (importing platformdirs costs ``kfin-tui list`` ~15 ms
    before its freshness check can start); otherwise platformdirs says."""
    override = os.environ.get("KFIN_TUI_CACHE")
    if override:
        return override
    if sys.platform.startswith("linux") and not hasattr(sys, "getandroidapilevel"):  # (platformdirs: Android)
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        if xdg.startswith("/"):
            return os.path.join(xdg, APP_NAME)
        if not xdg and os.environ.get("HOME", "").startswith("/"):
            return os.path.join(os.path.expanduser("~/.cache"), APP_NAME)
    from platformdirs import user_cache_dir

    return user_cache_dir(APP_NAME, appauthor=False)


def index_path_for(root: Path | str, cache: Path | str | None = None) -> Path:
    """The SQLite index of a corpus folder: one per folder, named by a hash of its resolved path."""
    from pathlib import Path

    return Path(index_file_for(root, cache))


def index_file_for(root: Path | str, cache: Path | str | None = None) -> str:
    """:func:`index_path_for` as a string, without pathlib (``kfin-tui list`` starts with it). The
    resolved path is :func:`os.path.realpath`'s, which is what ``Path.resolve`` returns."""
    try:
        from _sha1 import sha1  # (hashlib loads OpenSSL first: ~3 ms)
    except ImportError:
        from hashlib import sha1
    key = sha1(os.path.realpath(os.fspath(root)).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return os.path.join(os.fspath(cache) if cache is not None else cache_folder(), "index", f"{key}.sqlite3")


def config_file() -> Path:
    """The user's TOML config (``$XDG_CONFIG_HOME/kfin-tui/config.toml``); ``KFIN_TUI_CONFIG``
    overrides it with a file path."""
    from pathlib import Path

    override = os.environ.get("KFIN_TUI_CONFIG")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def state_dir() -> Path:
    """Per-user state that must survive a cache wipe: read/starred marks, feed fetch state
    (``$XDG_STATE_HOME/kfin-tui``); ``KFIN_TUI_STATE`` overrides it."""
    from pathlib import Path

    override = os.environ.get("KFIN_TUI_STATE")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP_NAME, appauthor=False))
