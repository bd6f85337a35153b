"""Which characters of a text are already taken by a name, a code or a figure (O(span) checks)."""
from __future__ import annotations


class Occupancy:
    def __init__(self, length: int, spans=()):
        self.taken = bytearray(length + 1)
        for s, e in spans:
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self.taken[start:end]
