"""The company dossier screen (``d``): one company across the archive.

Canonical name, aliases, tickers, the number of articles, a sparkline of articles per week, then
every article naming it, newest first, each with the figures of the sentences naming the company
and the companies mentioned with it. ``enter`` opens the article in the reader, ``escape`` goes
back (the screen returns the chosen row id, or None).

Built in a thread worker (:func:`kfin_tui.dossier.build_dossier`; the figures need the articles'
texts, read in chunks), reported with :class:`~kfin_tui.ui.messages.DossierBuilt` /
:class:`~kfin_tui.ui.messages.DossierEntries`. While the archive is not fully extracted the header
says ``提取中 n/N`` and the dossier is built again every :data:`REBUILD_EVERY` seconds; it never says
"no articles" while partial. Every name and title is data: drawn as Text, never markup.
"""
from __future__ import annotations

import threading
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...dates import format_date
from ...state import archive
from ..bindings import DOSSIER
from ..messages import DossierBuilt, DossierEntries
from ..theme import KIND_COLOURS
from ..widgets.sanitize import one_line

REBUILD_EVERY = 2.0  # seconds between rebuilds while the archive is still being extracted
CHUNK = 16  # entries whose figures are read per message
MAX_FIGURES = 6  # figures shown per article
MAX_COMPANIES = 6  # co-mentioned companies shown per article
SPARK_WIDTH = 60
BATCH = 60  # articles added to the list at a time
BATCH_PAUSE = 0.02  # seconds between batches: keys are answered in between


class DossierScreen(Screen[int | None]):
    """Returns the row id of the article chosen with ``enter``, or None (``escape``)."""

    BINDINGS = DOSSIER
    AUTO_FOCUS = "#dossier-list"
    DEFAULT_CSS = """
    DossierScreen { layout: vertical; background: $surface; }
    DossierScreen #dossier-head { height: auto; padding: 0 1; background: $panel; }
    DossierScreen #dossier-list { height: 1fr; border: none; }
    DossierScreen #dossier-list > .option-list--option-highlighted { background: $accent 30%; }
    """

    def __init__(self, library: Any, name: str) -> None:
        super().__init__()
        self.library = library
        self.company = name
        self.dossier: Any = None
        self.error = ""
        self._token = 0
        self._progress: tuple[int, int] | None = None
        self._stop = threading.Event()

    def compose(self) -> ComposeResult:
        yield Static(Text(f"公司档案 · {one_line(self.company)}  读取中… loading", style="bold"), id="dossier-head",
                     markup=False)
        yield OptionList(id="dossier-list")
        yield Footer()

    def on_mount(self) -> None:
        self.build(self._token)
        self.set_interval(REBUILD_EVERY, self._rebuild_if_partial)

    def on_unmount(self) -> None:
        self._stop.set()

    # the worker ---------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="dossier")
    def build(self, token: int) -> None:
        from ...dossier import build_dossier

        try:
            progress = archive.extraction_progress(self.library)
            dossier = build_dossier(self.library, self.company, progress=progress)
        except Exception as exc:  # noqa: BLE001 - a failed dossier is said, the reader goes on
            self.post_message(DossierBuilt(token, error=str(exc)))
            return
        self.post_message(DossierBuilt(token, dossier))
        for start in range(0, dossier.count, CHUNK):
            if self._stop.is_set() or token != self._token:
                return
            try:
                entries = dossier.entries(start, start + CHUNK)
            except Exception:  # noqa: BLE001 - the entries keep their title and date
                return
            self.post_message(DossierEntries(token, start, entries))

    def _rebuild_if_partial(self) -> None:
        if self.dossier is None or not self.dossier.partial:
            return
        self._token += 1
        self.build(self._token)

    # what it reports ----------------------------------------------------------------------
    def on_dossier_built(self, message: DossierBuilt) -> None:
        if message.token != self._token:
            return
        if message.error:
            self.error = message.error
            self.query_one("#dossier-head", Static).update(Text(f"公司档案 · {one_line(self.company)}  失败 failed: "
                                                                f"{one_line(message.error)}"))
            return
        options = self.query_one(OptionList)
        keep = self.selected_row
        old = self.dossier
        self.dossier = message.dossier
        self.query_one("#dossier-head", Static).update(self.header())
        if old is not None and old.row_ids == self.dossier.row_ids:
            self.dossier._details.update(old._details)  # the same articles: keep the figures read
        options.clear_options()
        if not self.dossier.row_ids:
            text = (f"{self.dossier.status} — 尚未提取完，稍后再看 · still extracting" if self.dossier.partial
                    else "没有文章提到这家公司 · no article names this company")
            options.add_option(Option(Text(text, style="dim italic"), disabled=True))
            return
        self._append(message.token)
        ids = self.dossier.row_ids[:options.option_count]
        options.highlighted = ids.index(keep) if keep in ids else 0

    def _append(self, token: int) -> None:
        """The next :data:`BATCH` articles into the list; the rest a moment later (an OptionList
        measures every option it is given: thousands at once would hold the keys for seconds)."""
        if token != self._token or self.dossier is None:
            return
        options = self.query_one(OptionList)
        ids, start = self.dossier.row_ids, options.option_count
        details = self.dossier._details
        options.add_options([Option(self.entry_text(details.get(rid), rid), id=str(rid))
                             for rid in ids[start:start + BATCH]])
        if start + BATCH < len(ids):
            self.set_timer(BATCH_PAUSE, lambda: self._append(token))

    def on_dossier_entries(self, message: DossierEntries) -> None:
        if message.token != self._token or self.dossier is None:
            return
        options = self.query_one(OptionList)
        for i, entry in enumerate(message.entries, message.start):
            if i < options.option_count:
                options.replace_option_prompt_at_index(i, self.entry_text(entry, entry.row_id))

    # drawing ------------------------------------------------------------------------------
    def header(self) -> Text:
        d = self.dossier
        head = Text()
        head.append(one_line(d.name), style="bold")
        if d.info.tickers:
            head.append("  " + " ".join(one_line(t) for t in d.info.tickers), style=KIND_COLOURS.get("company", ""))
        head.append(f"  {d.count} 篇 articles")
        if d.partial:
            head.append(f"  {d.status} 结果不完整", style="bold italic")
        if d.info.aliases:
            head.append("\n别名 aliases: " + "、".join(one_line(a) for a in d.info.aliases[:12]), style="dim")
        if d.weeks:
            first, last = d.weeks[0][0], d.weeks[-1][0]
            head.append(f"\n每周 per week  {first.isoformat()} ")
            head.append(d.sparkline(SPARK_WIDTH), style="bold")
            head.append(f" {last.isoformat()}")
        if d.undated:
            head.append(f"  (+{d.undated} 无日期)", style="dim")
        return head

    def entry_text(self, entry: Any, row_id: int) -> Text:
        """``date  title`` then, indented, the figures and the companies named with it."""
        if entry is None:
            row = archive.row(self.library, row_id)
            title, when = (row.title, row.date) if row is not None else ("", None)
        else:
            title, when = entry.title, entry.date
        text = Text()
        text.append(format_date(when, "无日期", with_time=False), style="dim")
        text.append("  " + one_line(title), style="bold")
        if entry is None:
            text.append("\n    …", style="dim")
            return text
        figures = [f for f in entry.figures if f.kind != "date"]  # 前三季度, 10月17日: when, not a figure
        if figures:
            text.append("\n    ")
            for i, f in enumerate(figures[:MAX_FIGURES]):
                if i:
                    text.append(" · ", style="dim")
                text.append(one_line(f.label), style=KIND_COLOURS.get(f.kind, ""))
            if len(figures) > MAX_FIGURES:
                text.append(f" +{len(figures) - MAX_FIGURES}", style="dim")
        if entry.companies:
            text.append("\n    同提及 with: ", style="dim")
            text.append("、".join(one_line(c) for c in entry.companies[:MAX_COMPANIES]))
            if len(entry.companies) > MAX_COMPANIES:
                text.append(f" +{len(entry.companies) - MAX_COMPANIES}", style="dim")
        return text

    @property
    def selected_row(self) -> int | None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not options.option_count:
            return None
        oid = options.get_option_at_index(options.highlighted).id
        return int(oid) if oid and oid.isdigit() else None

    # keys ---------------------------------------------------------------------------------
    @on(OptionList.OptionSelected, "#dossier-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        oid = event.option.id
        if oid and oid.isdigit():
            self.dismiss(int(oid))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_first(self) -> None:
        self.query_one(OptionList).action_first()

    def action_last(self) -> None:
        self.query_one(OptionList).action_last()
