"""Result types of the extractor: figures, companies and their mentions, with a JSON form."""
from __future__ import annotations

from dataclasses import dataclass, field

FIGURE_KINDS = ("money", "percent", "multiple", "count", "date", "range")


@dataclass(frozen=True)
class Figure:
    text: str
    kind: str
    value: float | None
    unit: str
    approx: bool
    start: int
    end: int
    context: str = ""
    value_high: float | None = None  # a range's high end (``value`` is its low end)
    bound: str = ""  # "min" (超, 超过, 逾, 上百) or "max" (不足, 不到): a one-sided approximation
    in_title: bool = False  # found in a front-matter title the body does not repeat; offsets index the title

    def to_json(self) -> dict:
        d = {"text": self.text, "kind": self.kind, "value": self.value, "unit": self.unit,
             "approx": self.approx, "start": self.start, "end": self.end, "context": self.context}
        if self.kind == "range":
            d["value_high"] = self.value_high
        if self.bound:
            d["bound"] = self.bound
        if self.in_title:
            d["field"] = "title"
        return d

    @classmethod
    def from_json(cls, d: dict) -> Figure:
        return cls(d["text"], d["kind"], d.get("value"), d.get("unit", ""), bool(d.get("approx", False)),
                   int(d["start"]), int(d["end"]), d.get("context", ""), d.get("value_high"), d.get("bound") or "",
                   d.get("field") == "title")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int


@dataclass
class Company:
    name: str
    kind: str = "company"  # "company" | "media"
    ticker: str | None = None
    tickers: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    tagged: bool = False  # named only by a cashtag the loader removed: related to the article, never mentioned
    # The name the article writes for a known firm when it never writes ``name`` (陆金所 for 陆金所控股,
    # 保利协鑫 for the later 协鑫科技): the name of the article's day, shown; "" when the article writes
    # ``name``. ``name`` stays the firm's identity across the archive (filters, watchlist, dossier).
    written: str = ""

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def shown(self) -> str:
        """The name to show for this firm in this article."""
        return self.written or self.name

    def to_json(self) -> dict:
        # "name" is the name as shown (what a reader of the article sees); "id", when it differs,
        # the firm's name across the archive
        return {"name": self.shown, **({"id": self.name} if self.written else {}), "kind": self.kind,
                "ticker": self.ticker, "tickers": list(self.tickers),
                "mentions": [{"start": m.start, "end": m.end} for m in self.mentions], "count": self.count,
                **({"tagged": True} if self.tagged else {})}

    @classmethod
    def from_json(cls, d: dict) -> Company:
        name, written = (d["id"], d["name"]) if d.get("id") else (d["name"], "")
        return cls(name, d.get("kind", "company"), d.get("ticker"), list(d.get("tickers") or []),
                   [Mention(int(m["start"]), int(m["end"])) for m in d.get("mentions", [])], bool(d.get("tagged")),
                   written)


@dataclass
class Extraction:
    figures: list[Figure] = field(default_factory=list)
    companies: list[Company] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"numbers": [f.to_json() for f in self.figures],
                "companies": [c.to_json() for c in self.companies]}

    @classmethod
    def from_json(cls, d: dict) -> Extraction:
        return cls([Figure.from_json(x) for x in d.get("numbers", [])],
                   [Company.from_json(x) for x in d.get("companies", [])])
