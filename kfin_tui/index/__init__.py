"""Indexing and search (UI-free)."""
