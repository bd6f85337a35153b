"""Articles: model, discovery, decoding, front matter, plain text and HTML/Markdown → blocks.

UI-free: nothing here imports Textual. The loader (PyYAML, selectolax, markdown-it: ~0.1 s to
import) is imported on first use, so that light submodules (``quickmeta``, ``fields``, ``model``)
can be imported on their own cheaply.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..versions import LOADER_VERSION
from .model import Article, Block, LoadIssue, Span

if TYPE_CHECKING:
    from .loader import load_file

# one loading path: discovery (kfin_tui.files.walk) + load_file, as the index and extract use it
__all__ = ["LOADER_VERSION", "Article", "Block", "LoadIssue", "Span", "load_file"]

_LAZY = {"load_file"}


def __getattr__(name: str):
    if name in _LAZY:
        from . import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
