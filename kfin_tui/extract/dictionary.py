"""The company dictionary shipped in data/companies.tsv (A-share list + curated entries).

Loaded once, lazily (thread-safe). Gives the canonical entry for any surface form, an Aho-Corasick
automaton over all forms, and the list of forms to add to jieba as user words.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from importlib import resources

import ahocorasick_rs

from .textnorm import nfkc_same_length

# share-class and listing suffixes written after a name: 快手-W, 阿里巴巴-SW, 寒武纪-U, 网易-S
# legal and group suffixes after a known name: 比亚迪股份有限公司, 腾讯集团, 美团公司
# the plain tails a firm's brand is named with (爱玛科技, 新日股份, 吉利汽车)
BRAND_TAIL = re.compile(r"(?:股份|科技|汽车|控股|集团|电器|电子|电气|电动|车业|实业|药业|食品|能源|智能)$")
LEGAL_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|股份|集团|控股|公司)$")
LISTING_SUFFIX = re.compile(r"(?:[-－]|(?<=[\u4e00-\u9fff]))(?:SW|SWR|WR|UW|W|S|U|R|B|SB|DR)$|[(（](?:W|SW)[)）]$")


@dataclass
class Entry:
    name: str
    kind: str  # company | media | block
    tickers: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    ambiguous: bool = False
    # forms that are ordinary words though the entry's other forms are not (长和 of 长江和记: 董事长和总经理;
    # 理想 of 理想汽车): read as the firm only where an ambiguous entry would be (a code, a company word,
    # a list of firms). Written in the TSV with a trailing ? (长和?); held in NFKC form, and of this entry
    # alone (another entry holding the same form unmarked keeps it unmarked).
    ambiguous_forms: frozenset[str] = frozenset()
    # short forms of two or three characters the press writes for the firm (首钢 of 首钢集团, 中节能 of 中国节能;
    # curated_forms.tsv), flagged
    # ``short=首钢`` in the TSV: matched as the firm, but not given to the segmenter as words, whose cuts
    # around longer names they would change (三|一|海洋重工 is read as one name, 三一|海洋|重工 is not; 其中|节能
    # 财务 is not 其|中节能|财务)
    short_forms: frozenset[str] = frozenset()


class Dictionary:
    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.by_form: dict[str, Entry] = {}
        self.by_ticker: dict[str, Entry] = {}
        for e in entries:
            for f in [e.name, *e.aliases]:
                self.by_form.setdefault(nfkc_same_length(f), e)
            for t in e.tickers:
                self.by_ticker.setdefault(t, e)
        self._automaton: ahocorasick_rs.AhoCorasick | None = None
        self._values: list[tuple[str, Entry]] = []  # (form, entry) by the automaton's pattern index
        self._a_share_by_prefix: dict[str, list[Entry]] | None = None
        self._lookups: dict[str, Entry | None] = {}
        self._brands: dict[str, list[Entry]] | None = None

    @property
    def automaton(self) -> ahocorasick_rs.AhoCorasick:
        """Aho-Corasick automaton (leftmost-longest) over every form of two characters or more,
        built on first use (~15 ms, once per process). A contiguous NFA, not a DFA: the same
        matches, 2 MB instead of 56 MB in every process that extracts (the reader and each worker),
        for a scan at ~80M chars/s instead of ~105M (the pass around it runs at ~4M)."""
        got = self._automaton
        if got is None:
            with _LOCK_AUTOMATON:
                got = self._automaton  # (read again into a local, never the narrowed attribute: compiled by mypyc,
                # a second read of ``self._automaton`` after ``is None`` is typed None and fails on another
                # thread's automaton)
                if got is None:
                    got = self._automaton = self._build_automaton()
        return got

    def _build_automaton(self) -> ahocorasick_rs.AhoCorasick:
        forms = [(f, e) for f, e in self.by_form.items() if len(f) >= 2]
        self._values = forms
        return ahocorasick_rs.AhoCorasick([f for f, _ in forms], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                          implementation=ahocorasick_rs.Implementation.ContiguousNFA)

    def scan(self, norm: str) -> list[tuple[int, tuple[str, Entry]]]:
        """(last index, (form, entry)) of the leftmost-longest dictionary forms in ``norm``, in order.

        ahocorasick_rs (Rust) rather than pyahocorasick: the latter finds a node's child by a linear
        search, and over Chinese names the root has thousands of children (the text had to be
        rewritten as pairs of code units first); on the same texts this is ~6x faster, same matches."""
        a = self.automaton
        values = self._values
        return [(end - 1, values[i]) for i, _start, end in a.find_matches_as_indexes(norm)]

    def lookup(self, name: str) -> Entry | None:
        """Entry for a name as written, tolerant of listing suffixes (快手-W) and padding (memoised)."""
        try:
            return self._lookups[name]
        except KeyError:
            pass
        got = self._lookup(name)
        if len(self._lookups) >= 100_000:
            self._lookups.clear()
        self._lookups[name] = got
        return got

    def _lookup(self, name: str) -> Entry | None:
        n = re.sub(r"\s+", "", nfkc_same_length(name or ""))
        if not n:
            return None
        e = self.by_form.get(n)
        if e is None:
            stripped = LISTING_SUFFIX.sub("", n)
            e = self.by_form.get(stripped) if stripped != n else None
        if e is None:
            base = LEGAL_SUFFIX.sub("", n)
            e = self.by_form.get(base) if base != n and len(base) >= 2 else None
        return e

    def st_base(self, base: str) -> Entry | None:
        """The A-share company an ``ST``/``*ST`` short name stands for (``*ST金正`` → 金正大): the entry
        of the plain name, of the name with its ST prefix, or the one listed company whose name begins
        with it (ST names are cut to four characters)."""
        for form in (base, "ST" + base, "*ST" + base):
            e = self.lookup(form)
            if e is not None:
                return e if e.kind == "company" else None
        if len(base) < 2:
            return None
        if self._a_share_by_prefix is None:  # built once, on first use (a race builds it twice, harmlessly)
            index: dict[str, list[Entry]] = {}
            for e in self.entries:
                if e.kind == "company" and any(t[:3] in ("SH:", "SZ:", "BJ:") for t in e.tickers):
                    for f in {e.name, *e.aliases}:
                        index.setdefault(f[:2], []).append(e)
            self._a_share_by_prefix = index
        found = {id(e): e for e in self._a_share_by_prefix.get(base[:2], ())
                 if any(f.startswith(base) for f in [e.name, *e.aliases])}
        return next(iter(found.values())) if len(found) == 1 else None

    def by_brand(self, brand: str) -> Entry | None:
        """The one company whose name is ``brand`` and a plain tail (爱玛 → 爱玛科技, 新日 → 新日股份,
        吉利 → 吉利汽车), for a brand listed among firms; None when no company or several (长城: 长城汽车,
        长城证券 …) have that brand."""
        if self._brands is None:  # built once, on first use (a race builds it twice, harmlessly)
            index: dict[str, list[Entry]] = {}
            for e in self.entries:
                if e.kind != "company":
                    continue
                for f in {e.name, *e.aliases}:
                    m = BRAND_TAIL.search(f)
                    if m is not None and m.start() >= 2:
                        got = index.setdefault(f[:m.start()], [])
                        if e not in got:
                            got.append(e)
            self._brands = index
        found = self._brands.get(brand, ())
        return found[0] if len(found) == 1 else None

    def jieba_words(self) -> list[str]:
        """CJK forms of non-ambiguous entries, to keep names whole in segmentation."""
        return [f for f, e in self.by_form.items()
                if not e.ambiguous and f not in e.ambiguous_forms and f not in e.short_forms and len(f) >= 2
                and re.search(r"[\u4e00-\u9fff]", f) and " " not in f]


_LOCK_AUTOMATON = threading.Lock()
_LOCK = threading.Lock()
_DICT: Dictionary | None = None


def load_entries() -> list[Entry]:
    text = resources.files(__package__).joinpath("data/companies.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 5)[:5]
        name, kind, tickers, aliases, flags = cols
        forms = [a for a in aliases.split(",") if a]
        flag_list = flags.split(",")
        out.append(Entry(name, kind or "company", [t for t in tickers.split(",") if t],
                         [a.rstrip("?") for a in forms], "ambiguous" in flag_list,
                         frozenset(nfkc_same_length(a.rstrip("?")) for a in forms if a.endswith("?")),
                         frozenset(f[6:] for f in flag_list if f.startswith("short="))))
    return out


def dictionary_loaded() -> bool:
    """Whether :func:`get_dictionary` answers at once (its first call loads the list: ~0.3 s)."""
    return _DICT is not None


def get_dictionary() -> Dictionary:
    global _DICT
    got = _DICT
    if got is None:
        with _LOCK:
            got = _DICT  # (into a local: compiled, a second read of the global after ``_DICT is None`` is typed None
            # and raised TypeError when another thread had loaded it meanwhile: the reader's warm-up crashed)
            if got is None:
                got = _DICT = Dictionary(load_entries())
    return got
