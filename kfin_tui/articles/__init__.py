"""Articles: model, discovery, decoding, front matter, plain text and HTML/Markdown → blocks.

UI-free: nothing here imports Textual.
"""
from .loader import LOADER_VERSION, iter_folder, load_file, load_folder, sort_newest_first
from .model import Article, Block, LoadIssue, Span

__all__ = ["LOADER_VERSION", "Article", "Block", "LoadIssue", "Span", "iter_folder", "load_file", "load_folder", "sort_newest_first"]
