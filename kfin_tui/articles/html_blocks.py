"""HTML body → :class:`Block` s (paragraphs, headings, quotes, list items, images, tables, code).

Parsed with selectolax (lexbor, a fast HTML5 parser): entities are decoded, ``<style>``,
``<script>`` and comments never reach the text, full-width ``　　`` indents are dropped.
"""
from __future__ import annotations

import re

from ..sanitize import safe_url
from .model import CODE, HEADING, IMAGE, LIST_ITEM, PARAGRAPH, QUOTE, RULE, TABLE, Block, Span

_SKIP = frozenset({"style", "script", "noscript", "head", "template", "svg", "iframe", "object",
                   "button", "input", "select", "textarea", "form", "title", "meta", "link"})
_BLOCK = frozenset({"div", "section", "article", "main", "header", "footer", "aside", "nav",
                    "figure", "center", "dl", "address", "details", "body", "html"})
_PARAGRAPH = frozenset({"p", "td", "th", "dt", "dd", "figcaption", "summary"})  # one paragraph each
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_INLINE_STYLE = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "cite": "italic",
                 "code": "code", "kbd": "code", "tt": "code", "u": "underline", "mark": "bold"}
_WS = re.compile(r"[ \t\n\r\f\v]+")
_EDGE = " \t\n\r\f\v\u3000\u00a0\u200b\ufeff"


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.length = 0
        self.spans: list[Span] = []
        self.quote = 0
        self.lists: list[list[int]] = []  # per open list: [ordered?, counter]
        self.para = 0  # depth of elements that hold one paragraph (p, li, h1…, td)
        self.flushes = 0  # blocks ended so far: an inline span across a flush is dropped
        self.line_ended = False  # a newline in bare <div> text: the next content starts a paragraph
        self.depth = 0  # elements walked into

    # inline text -------------------------------------------------------
    def add_text(self, text: str) -> None:
        text = _WS.sub(" ", text)
        if not text:
            return
        if self.line_ended and text.strip():
            self.flush()
        if self.length == 0 or (self.buf and self.buf[-1].endswith(" ")):
            text = text.lstrip(" ")
        self.buf.append(text)
        self.length += len(text)

    def flush(self, kind: str = PARAGRAPH, level: int = 0, ordinal: int = 0) -> None:
        self.flushes += 1
        self.line_ended = False
        raw = "".join(self.buf)
        self.buf, self.length = [], 0
        spans, self.spans = self.spans, []
        if kind == PARAGRAPH and self.quote:
            kind, level = QUOTE, self.quote
        lead = len(raw) - len(raw.lstrip(_EDGE))
        text = raw.strip(_EDGE)
        if not text:
            return
        kept = []
        for s in spans:
            start, end = max(0, s.start - lead), min(len(text), s.end - lead)
            if end > start:
                kept.append(Span(start, end, s.style, s.url))
        if kind == PARAGRAPH and _is_subheading(text, kept):
            kind, level, kept = HEADING, 3, []
        self.blocks.append(Block(kind, text, tuple(kept), level=level, ordinal=ordinal))

    # tree walk ---------------------------------------------------------
    def walk(self, node) -> None:
        if self.depth >= MAX_DEPTH:
            # nested deeper than any article: the rest of this subtree is one run of text
            self.add_text(node.text(deep=True, separator=" ") or "")
            return
        self.depth += 1
        child = node.child
        while child is not None:
            self.visit(child)
            child = child.next
        self.depth -= 1

    def visit(self, node) -> None:
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            if self.para == 0 and "\n" in text:
                # bare lines in a <div> (电报 flashes, numbered 1、2、3、 lists): each line is a paragraph
                for i, piece in enumerate(text.split("\n")):
                    if i and self.length:
                        self.line_ended = True
                    self.add_text(piece)
            else:
                self.add_text(text)
            return
        if tag is None or tag.startswith(("-", "_", "!")) or tag in _SKIP:
            return  # comments, doctype, style/script
        if tag in _INLINE_STYLE or tag == "a":
            if self.line_ended:
                self.flush()  # the element opens a new line: start its paragraph before its span
            start, flushes = self.length, self.flushes
            self.walk(node)
            if self.length > start and self.flushes == flushes:
                url = safe_url(node.attributes.get("href") or "") if tag == "a" else ""
                style = "link" if tag == "a" else _INLINE_STYLE[tag]
                if tag != "a" or url:  # a link without a usable target is plain text
                    self.spans.append(Span(start, self.length, style, url))
            return
        if tag == "br":
            self.flush()
            return
        if tag == "hr":
            self.flush()
            self.blocks.append(Block(RULE, "—" * 3))
            return
        if tag in ("img", "video", "audio", "picture"):
            self.flush()
            attrs = node.attributes
            alt = (attrs.get("alt") or attrs.get("title") or "").strip()
            label = {"img": "[图片]", "picture": "[图片]", "video": "[视频]", "audio": "[音频]"}[tag]
            src = attrs.get("src") or ""
            if tag == "video" and not src:
                source = node.css_first("source")
                src = (source.attributes.get("src") or "") if source is not None else ""
            self.blocks.append(Block(IMAGE, f"{label} {alt}".strip(), url=safe_url(src)))
            return
        if tag in _HEADINGS:
            self.flush()
            self.para += 1
            self.walk(node)
            self.para -= 1
            self.flush(HEADING, level=_HEADINGS[tag])
            return
        if tag == "blockquote":
            self.flush()
            self.quote += 1
            self.walk(node)
            self.flush()
            self.quote -= 1
            return
        if tag in ("ul", "ol"):
            self.flush()
            self.lists.append([tag == "ol", 0])
            self.walk(node)
            self.flush()
            self.lists.pop()
            return
        if tag == "li":
            self.flush()
            ordinal = 0
            if self.lists:
                self.lists[-1][1] += 1
                ordinal = self.lists[-1][1] if self.lists[-1][0] else 0
            self.para += 1
            self.walk(node)
            self.para -= 1
            self.flush(LIST_ITEM, level=max(1, len(self.lists)), ordinal=ordinal)
            return
        if tag == "pre":
            self.flush()
            text = (node.text(deep=True) or "").strip("\n")
            if text.strip():
                self.blocks.append(Block(CODE, text))
            return
        if tag == "table":
            self.flush()
            self.add_table(node)
            return
        if tag in _PARAGRAPH:
            self.flush()
            self.para += 1
            self.walk(node)
            self.para -= 1
            self.flush()
            return
        if tag in _BLOCK or tag in ("tr", "tbody", "thead"):
            self.flush()
            self.walk(node)
            self.flush()
            return
        self.walk(node)  # unknown inline tags: span, font, sup, …

    def add_table(self, node) -> None:
        """The table's own rows (a table nested in a cell is not part of the cell's text: it becomes
        a table block of its own after this one), each element visited once: output is linear in
        the input however deep tables nest."""
        pending = [node]
        for table in pending:  # grows while walked: nested tables in document order, breadth first
            rows = []
            for tr in _children(table, "tr", ("thead", "tbody", "tfoot")):
                cells = []
                for cell in _children(tr, ("td", "th"), ()):
                    text, nested = _cell_text(cell)
                    cells.append(text)
                    pending.extend(nested)
                if any(cells):
                    rows.append(tuple(cells))
            if rows:
                text = "\n".join("\t".join(r) for r in rows)
                self.blocks.append(Block(TABLE, text, rows=tuple(rows)))


def _children(node, tags, through: tuple[str, ...]):
    """Children of ``node`` with a tag in ``tags``, looking into ``through`` elements (tbody …)."""
    child = node.child
    while child is not None:
        tag = child.tag
        if tag in tags:
            yield child
        elif tag in through:
            yield from _children(child, tags, ())
        child = child.next


def _cell_text(cell) -> tuple[str, list]:
    """A cell's text without the tables nested in it, and those tables (iterative: no recursion)."""
    parts: list[str] = []
    nested = []
    stack = [cell.child]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        stack.append(node.next)
        tag = node.tag
        if tag == "-text":
            parts.append(node.text_content or "")
        elif tag == "table":
            nested.append(node)
        elif tag is not None and not tag.startswith(("-", "_", "!")) and tag not in _SKIP:
            if tag == "br" or tag in _PARAGRAPH or tag in _BLOCK:
                parts.append(" ")
            stack.append(node.child)
    return _WS.sub(" ", "".join(parts)).strip(_EDGE), nested


def _is_subheading(text: str, spans: list[Span]) -> bool:
    """A short paragraph that is bold from end to end is a sub-heading in Chinese news pages."""
    return (len(text) <= 36 and len(spans) == 1 and spans[0].style == "bold"
            and spans[0].start == 0 and spans[0].end == len(text) and not text.endswith(("。", "：", ":")))


#: elements nested deeper than this are flattened (their text kept, their tags dropped) before the
#: HTML parser sees them: lexbor takes quadratic time over 100,000 nested ``<div>`` s, and the
#: block builder walks the tree recursively
MAX_DEPTH = 200
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?(/?)>")
# elements that never hold content, or whose end tag is implied (they do not nest in practice)
_FLAT = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody",
                   "tfoot", "colgroup", "rp", "rt", "html", "head", "body"})


def flatten_deep(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with every tag opened deeper than ``limit`` (and its end tag) removed; linear time.
    Documents that cannot nest that deep (fewer tags than ``limit``) are returned as they are."""
    if html.count("<") <= limit:
        return html
    depth = 0
    dropped: list[int] = []  # depths at which an open tag was dropped (their end tags go too)
    out: list[str] = []
    pos = 0
    for m in _TAG.finditer(html):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _FLAT or selfclosing:
            continue
        drop = False
        if closing:
            if dropped and dropped[-1] == depth:
                dropped.pop()
                drop = True
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > limit:
                dropped.append(depth)
                drop = True
        if drop:
            out.append(html[pos:m.start()])
            pos = m.end()
    if not out:
        return html
    out.append(html[pos:])
    return "".join(out)


def html_to_blocks(html: str) -> tuple[Block, ...]:
    if _SIMPLE_BODY.fullmatch(html) is not None:
        return _simple_paragraphs(html)
    return parse_html(html)[0]


# A body of plain paragraphs, the commonest shape of a feed item or a Hexo post: ``<p>`` elements
# holding text only (no tag, entity or control character), at most inside one bare ``<div>``,
# ASCII whitespace between them. What the parse and walk give for it is known: a paragraph a
# ``<p>``, its whitespace runs made one space, trimmed (``_EDGE``), empty ones left out. Read
# with a regular expression it costs ~5 % of a parse and walk (held to them by
# tests/test_body_fast_paths.py, on generated bodies and every fixture).
_SIMPLE_TEXT = "[^<&\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]*"
_SIMPLE_BODY = re.compile(f"[ \t\n]*(?:<div>[ \t\n]*)?(?:<p>{_SIMPLE_TEXT}</p>[ \t\n]*)*(?:</div>[ \t\n]*)?")
_SIMPLE_P = re.compile(f"<p>({_SIMPLE_TEXT})</p>")


def _simple_paragraphs(html: str) -> tuple[Block, ...]:
    """The blocks of a body :data:`_SIMPLE_BODY` matches (what :func:`parse_html` gives for it)."""
    if html.count("<div>") != html.count("</div>"):
        return parse_html(html)[0]  # (an unclosed <div>: the parser's business)
    out = []
    for raw in _SIMPLE_P.findall(html):
        # _SIMPLE_TEXT admits no \r \v \f: with no tab, newline or double space, every run of
        # _WS is a lone space already and the substitution (~1 µs a paragraph) would change nothing
        if "\n" in raw or "\t" in raw or "  " in raw:
            raw = _WS.sub(" ", raw)
        text = raw.strip(_EDGE)
        if text:
            out.append(Block(PARAGRAPH, text))
    return tuple(out)


def parse_html(html: str) -> tuple[tuple[Block, ...], str]:
    """(blocks, the document's ``<title>`` or "") in one parse."""
    from selectolax.lexbor import LexborHTMLParser  # (imported on the first HTML file)

    tree = LexborHTMLParser(flatten_deep(html))
    root = tree.body or tree.root
    builder = _Builder()
    if root is not None:
        builder.walk(root)
    builder.flush()
    title = ""
    head = tree.head
    if head is not None:
        node = head.css_first("title")
        if node is not None:
            title = _WS.sub(" ", node.text(deep=True) or "").strip(_EDGE)
    return tuple(builder.blocks), title


_HTML_HINT = re.compile(r"<(p|div|br|span|strong|img|a|h[1-6]|ul|ol|li|table|blockquote|section|video|em|b|i)\b[^>]*>|&#?\w+;",
                        re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:5000]))
