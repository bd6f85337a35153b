"""Where things live: the bundled corpus, the user cache, config and state (XDG via platformdirs)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

APP_NAME = "kfin-tui"


def bundled_corpus() -> Path:
    """The demo corpus: shipped inside the wheel as ``kfin_tui/_corpus``; in a source checkout
    (editable install, tests) it is the top-level ``corpus/`` folder."""
    here = Path(__file__).resolve().parent
    packaged = here / "_corpus"
    if packaged.is_dir():
        return packaged
    return here.parent / "corpus"


def cache_dir() -> Path:
    """Per-user cache folder (``$XDG_CACHE_HOME/kfin-tui``); ``KFIN_TUI_CACHE`` overrides it."""
    override = os.environ.get("KFIN_TUI_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def index_path_for(root: Path | str, cache: Path | str | None = None) -> Path:
    """The SQLite index of a corpus folder: one per folder, named by a hash of its resolved path."""
    key = hashlib.sha1(str(Path(root).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return Path(cache if cache is not None else cache_dir()) / "index" / f"{key}.sqlite3"


def config_file() -> Path:
    """The user's TOML config (``$XDG_CONFIG_HOME/kfin-tui/config.toml``); ``KFIN_TUI_CONFIG``
    overrides it with a file path."""
    override = os.environ.get("KFIN_TUI_CONFIG")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def state_dir() -> Path:
    """Per-user state that must survive a cache wipe: read/starred marks, feed fetch state
    (``$XDG_STATE_HOME/kfin-tui``); ``KFIN_TUI_STATE`` overrides it."""
    override = os.environ.get("KFIN_TUI_STATE")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP_NAME, appauthor=False))
