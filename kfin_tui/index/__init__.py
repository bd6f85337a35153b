"""Indexing and search (UI-free)."""
from .library import Library, Row

__all__ = ["Library", "Row"]
