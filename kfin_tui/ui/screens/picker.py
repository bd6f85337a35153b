"""A small modal picker: type to narrow, enter to choose, escape to cancel."""
from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState, get_current_worker

from ...index.search import normalise
from ..bindings import COMPANY_PICKER, PICKER
from ..widgets.sanitize import one_line

PickerItems = list[tuple[str, int]]


def _companies_named_by(query: str) -> frozenset[str]:
    """The companies a Latin or digit query stands for — a code in any form, an English name,
    pinyin initials (:func:`kfin_tui.query.company_candidates`) — so that a picker finds 宁德时代
    for ``CATL`` or ``300750``. Chinese text narrows by substring alone (nothing looked up)."""
    q = query.strip()
    if len(q) < 2 or not q.isascii():
        return frozenset()
    from ...query import company_candidates

    return frozenset(company_candidates(q))
REFRESH_EVERY = 1.5  # seconds between refreshes while the items are partial


class PickerScreen(ModalScreen[str | None]):
    """Returns the chosen value, or None when cancelled.

    ``status``: a note after the title (``提取中 n/N`` while the company index is partial); with
    ``refresh`` (→ items and status) the items are asked again every :data:`REFRESH_EVERY` seconds
    while the status is not empty, keeping what was typed and the highlighted item. ``on_dossier``:
    ctrl+d closes the picker and opens the highlighted company's dossier. ``note``: what the number
    after a name counts, when not articles (e.g. ``未读``)."""

    BINDINGS = PICKER
    AUTO_FOCUS = "#picker-input"
    DEFAULT_CSS = """
    PickerScreen { align: center middle; }
    PickerScreen > Vertical { width: 60; max-width: 100%; height: 80%; border: round $accent;
                              background: $surface; padding: 0 1; }
    PickerScreen #picker-title { text-style: bold; }
    PickerScreen OptionList { height: 1fr; border: none; }
    """

    def __init__(self, title: str, items: PickerItems, current: str = "", *, status: str = "",
                 refresh: Callable[[], tuple[PickerItems, str]] | None = None,
                 on_dossier: Callable[[str], None] | None = None, note: str = "",
                 empty: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.items = items
        self.current = current
        self.status = status
        self.note = note
        self.empty = empty
        self._refresh = refresh
        self._on_dossier = on_dossier
        self.options = OptionList(id="picker-options")
        self.title_label = Static(self._title(), id="picker-title", markup=False)
        self.input: Input  # made in compose (an Input wants an active app)
        self.input_ready = False  # the input is mounted: type_ahead goes straight into it
        self._typed_ahead = ""  # what type_ahead was given before

    def _title(self) -> Text:
        title = Text(self.title_text)
        if self.status:
            title.append(f"  {self.status} 结果不完整", style="italic")
        return title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield self.title_label
            self.input = Input(placeholder="输入以筛选 · type to narrow", id="picker-input")
            yield self.input
            yield self.options

    def on_mount(self) -> None:
        self._fill("")
        self.input_ready = True
        if self._typed_ahead:
            self.type_ahead(self._typed_ahead)
            self._typed_ahead = ""
        if self._refresh is not None:
            self.set_interval(REFRESH_EVERY, self._refresh_items)

    def on_key(self, event: events.Key) -> None:
        """A character that reached the screen, not the input (typed in the list, or before the
        input had the focus): it goes into the input, which takes the focus."""
        if event.is_printable and event.character and not self.input.has_focus:
            event.stop()
            event.prevent_default()
            self.type_ahead(event.character)

    def type_ahead(self, text: str) -> None:
        """Text typed for this picker before it could take it — right after the key that opened it,
        a fast typist's keys were already on their way to the list behind: added to the input, in
        order (kept until the input is mounted)."""
        if not self.input_ready:
            self._typed_ahead += text
            return
        self.input.focus()
        self.input.insert_text_at_cursor(text)

    def _refresh_items(self) -> None:
        """While partial: the items again (more articles are extracted), the query and the
        highlighted item kept."""
        if self._refresh is None or not self.status:
            return
        self.items, self.status = self._refresh()
        self.title_label.update(self._title())
        self._fill(self.input.value, keep=self.highlighted_value)

    @property
    def highlighted_value(self) -> str | None:
        options = self.options
        if options.highlighted is None or not options.option_count:
            return None
        return options.get_option_at_index(options.highlighted).id

    def _fill(self, query: str, keep: str | None = None) -> None:
        options = self.options
        options.clear_options()
        shown = self._matching(self.items, query)
        for name, count in shown:
            label = Text(one_line(name))
            label.append(f"  {self.note}{count}", style="dim")
            if name == self.current:
                label.append("  ✓", style="bold")
            options.add_option(Option(label, id=name))
        empty = self._empty_text(query)
        if not shown and (empty or self.status):
            typed = query.strip()
            if self.status and typed and self._refresh is not None:
                # partial: the typed name may be in articles not extracted yet — it can be chosen
                label = Text(one_line(typed), style="bold")
                label.append("  尚未在已提取的文章中找到 · not found in the articles extracted so far", style="dim")
                options.add_option(Option(label, id=typed))
                options.highlighted = 0
            text = (f"{self.status} — 尚未提取完 · still extracting" if self.status else empty)
            options.add_option(Option(Text(text, style="dim italic"), disabled=True))
            return
        if shown:
            ids = [name for name, _ in shown]
            options.highlighted = ids.index(keep) if keep in ids else 0

    def _empty_text(self, query: str) -> str:
        """What the list says when nothing is to be listed for ``query`` ("": nothing)."""
        return self.empty

    @staticmethod
    def _matching(items: PickerItems, query: str) -> PickerItems:
        """The items a typed query keeps: the name holds it (NFKC, any case), or it is a code, an
        English name or pinyin initials of the company."""
        q = normalise(query.strip())
        if not q:
            return list(items)
        named = _companies_named_by(query)  # CATL, 300750, ndsd → 宁德时代 (issue 15 item 2)
        return [(name, n) for name, n in items if q in normalise(name) or name in named]

    @on(Input.Changed)
    def _narrow(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _submit(self) -> None:
        options = self.options
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.options
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_dossier(self) -> None:
        value = self.highlighted_value
        if self._on_dossier is None or value is None:
            return
        on_dossier = self._on_dossier
        self.dismiss(None)
        on_dossier(value)


# the company picker within the filters --------------------------------------------------------
CountCompanies = Callable[[Callable[[], bool]], "tuple[PickerItems, int] | None"]


class CompanyPicker(PickerScreen):
    """The company picker (``f``). While other filters narrow the list (``scope`` given), it offers
    the companies of the articles those filters leave — what the user is looking at —, counted over
    those articles, and says so in its title (``当前筛选内 5 篇``); ``tab`` switches to every company
    of the archive with whole-archive counts (``全部 38 篇``) and back. The company filter itself is
    not one of those filters: another company picked replaces it. Without a scope it is the plain
    whole-archive picker.

    ``scope(stopped)`` counts (in a thread: an article's companies are an index look-up, ~20 µs,
    and a filter may leave tens of thousands): ((company, articles among them), how many articles),
    or None when ``stopped()``; ``计数中 counting`` is shown meanwhile. While the archive is still
    being extracted (``status``) both sets are counted again at every refresh."""

    BINDINGS = COMPANY_PICKER

    class Counted(Message):
        """The scope's companies are counted (posted by the counting worker)."""

        def __init__(self, items: PickerItems, size: int) -> None:
            self.items, self.size = items, size
            super().__init__()

    def __init__(self, title: str, items: PickerItems, current: str = "", *, status: str = "",
                 refresh: Callable[[], tuple[PickerItems, str]] | None = None,
                 on_dossier: Callable[[str], None] | None = None,
                 scope: CountCompanies | None = None, total: int = 0) -> None:
        self._scope = scope
        self.total = total  # articles in the archive
        self.all_items = items
        self.scoped = scope is not None  # which set is shown: the filters' (True) or the archive's
        self.scope_items: PickerItems | None = None  # None: still being counted
        self.scope_size: int | None = None  # articles the other filters leave, once counted
        super().__init__(title, items, current, status=status, refresh=refresh, on_dossier=on_dossier)
        self._choose_items()

    def on_mount(self) -> None:
        super().on_mount()
        if self._scope is not None:
            self._count()

    @work(thread=True, exclusive=True, group="company-scope", exit_on_error=False)
    def _count(self) -> None:
        worker = get_current_worker()
        if self._scope is None:
            return
        counted = self._scope(lambda: worker.is_cancelled)
        if counted is not None and not worker.is_cancelled:
            self.post_message(self.Counted(*counted))

    def on_company_picker_counted(self, message: Counted) -> None:
        items = list(message.items)
        if self.current and all(name != self.current for name, _ in items):
            items.insert(0, (self.current, 0))  # the current filter stays listed (0 within the others)
        self.scope_items, self.scope_size = items, message.size
        self._update()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "company-scope" and event.state == WorkerState.ERROR and self.scoped:
            self._scope = None  # could not count: the whole archive, which is known
            self.scoped = False
            self._update()

    def _choose_items(self) -> None:
        """The items and the empty-list text of the set shown."""
        if not self.scoped:
            self.items, self.empty = self.all_items, ""
        elif self.scope_items is None:
            self.items, self.empty = [], "计数中… counting"
        else:
            self.items = self.scope_items
            self.empty = "筛选内的文章没有提到公司 · no company in these articles — tab: 全部 all"

    def _update(self) -> None:
        self._choose_items()
        self.title_label.update(self._title())
        if self.is_mounted:
            self._fill(self.input.value, keep=self.highlighted_value)

    def _title(self) -> Text:
        """Which set is listed: ``公司 · company（当前筛选内 5 篇）  tab: 全部 all`` or ``…（全部 38 篇）
        tab: 筛选内 filtered``; the partial note between them."""
        if self._scope is None:
            return super()._title()
        title = Text(self.title_text)
        if self.scoped:
            size = "…" if self.scope_size is None else str(self.scope_size)
            title.append(f"（当前筛选内 {size} 篇）")
        else:
            title.append(f"（全部 {self.total} 篇）")
        if self.status:
            title.append(f"  {self.status} 结果不完整", style="italic")
        title.append("  tab: 全部 all" if self.scoped else "  tab: 筛选内 filtered", style="dim")
        return title

    def action_switch_scope(self) -> None:
        """tab: the companies of the articles the other filters leave, or of the whole archive."""
        if self._scope is None:
            return
        self.scoped = not self.scoped
        self._update()

    def _refresh_items(self) -> None:
        if self._refresh is None or not self.status:
            return
        self.all_items, self.status = self._refresh()
        if self._scope is not None:
            self._count()  # the articles extracted since: counted again (the list stays meanwhile)
        self._update()

    def _empty_text(self, query: str) -> str:
        if not (self.scoped and self.items and query.strip()):
            return self.empty
        # companies are listed, none is what was typed: say where it is, if it is anywhere
        return "不在筛选内的文章中 · not in these articles — tab: 全部 all" if self._matching(self.all_items, query) else ""


# the category tree (issue 15 item 7) ------------------------------------------------------------
CategoryTree = list[tuple[tuple[str, ...], int]]


def node_id(path: tuple[str, ...]) -> str:
    """The category filter a tree node stands for: its path joined with ``/``; a node whose own
    name holds a slash (a front-matter category ``A/B``) by that name alone, which the filter
    matches exactly."""
    return path[-1] if any("/" in p or "／" in p for p in path) else "/".join(path)


class CategoryTreePicker(PickerScreen):
    """The category picker as a tree: each path and its leading parts with their article counts
    (:func:`kfin_tui.filters.count_category_paths`), children indented under their parent. Typing
    narrows to the nodes whose path holds the text (with their parents). Returns the node's path
    joined with ``/`` (a leading-run category filter); the ticked node (the current filter) returns
    the current value unchanged, so that the caller can toggle it off."""

    def __init__(self, title: str, tree: CategoryTree, current: str = "") -> None:
        from ...filters import category_parts

        self.nodes = list(tree)
        parts = category_parts(current)
        if current and parts and not any(self._ticked(path, parts) for path, _ in self.nodes):
            self.nodes.insert(0, (parts, 0))  # the current filter stays listed (0 within the others)
        self.parts = parts
        self.paths = {node_id(p): p for p, _ in self.nodes}
        super().__init__(title, [(node_id(p), n) for p, n in self.nodes], current)

    @staticmethod
    def _ticked(path: tuple[str, ...], parts: tuple[str, ...]) -> bool:
        """Whether the node ``path`` is what the current filter ``parts`` keeps: a trailing part of
        it (``深度`` ticks every 深度 node, ``财联社/深度`` the one under 财联社)."""
        return bool(parts) and path[-len(parts):] == parts

    def _fill(self, query: str, keep: str | None = None) -> None:
        options = self.options
        options.clear_options()
        q = normalise("".join(query.split()).replace("／", "/"))
        shown: set[tuple[str, ...]] = set()
        first: str | None = None  # the first node that matches itself (not only as a parent)
        for path, _ in self.nodes:
            if not q or q in normalise("/".join(path)):
                shown.update(path[:i] for i in range(1, len(path) + 1))  # the node and its parents
                first = first or (node_id(path) if q else None)
        ids: list[str] = []
        ticked: str | None = None
        for path, count in self.nodes:
            node = node_id(path)
            if path not in shown or node in ids:  # (a slashed name under two parents: one option)
                continue
            label = Text("  " * (len(path) - 1) + one_line(path[-1]))
            label.append(f"  {count}", style="dim")
            if self._ticked(path, self.parts):
                label.append("  ✓", style="bold")
                ticked = ticked or node
            options.add_option(Option(label, id=node))
            ids.append(node)
        if not ids:
            options.add_option(Option(Text(self.empty or "没有匹配的分类 · no such category", style="dim italic"),
                                      disabled=True))
            return
        target = keep if keep in ids else (first or ticked)
        options.highlighted = ids.index(target) if target in ids else 0

    def dismiss(self, result: str | None = None) -> AwaitComplete:
        """The chosen node's path; the ticked node gives the current filter back (a toggle)."""
        path = self.paths.get(result) if result is not None else None
        if path is not None and self._ticked(path, self.parts):
            result = self.current
        return super().dismiss(result)


class ChoicePicker(PickerScreen):
    """A picker of labels without counts (``x``: which filter to remove)."""

    def __init__(self, title: str, labels: list[str]) -> None:
        super().__init__(title, [(label, 0) for label in labels])

    def _fill(self, query: str, keep: str | None = None) -> None:
        options = self.options
        options.clear_options()
        q = normalise(query.strip())
        ids = [label for label, _ in self.items if not q or q in normalise(label)]
        for label in ids:
            options.add_option(Option(Text(one_line(label)), id=label))
        if ids:
            options.highlighted = ids.index(keep) if keep in ids else 0
