"""Markdown body → :class:`Block` s, parsed with markdown-it-py (already a dependency of Rich)."""
from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_inline.state_inline import Scanned, StateInline

from ..sanitize import safe_url
from .model import CODE, HEADING, IMAGE, LIST_ITEM, PARAGRAPH, QUOTE, RULE, TABLE, Block, Span

# CJK characters and punctuation: ideographs, kana, hangul, CJK and full-width punctuation
_CJK = re.compile("[\u2e80-\u2fff\u3000-\u30ff\u3100-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f"
                  "\uff00-\uffef\U00020000-\U0003ffff]")


class _CJKStateInline(StateInline):
    """CommonMark's emphasis delimiters with a CJK-friendly flanking rule (as the
    markdown-cjk-friendly proposal): next to a CJK character, punctuation does not stop a delimiter
    run from opening or closing. ``*重点内容。*更多`` is emphasis, as its writer meant, where plain
    CommonMark leaves the asterisks (``。`` before the closing ``*``, ``更`` after it). Latin text
    is unchanged (``a*b*c``, ``*foo*bar``)."""

    def scanDelims(self, start: int, canSplitWord: bool) -> Scanned:
        pos, maximum = start, self.posMax
        marker = self.src[start]
        last = self.src[start - 1] if start > 0 else " "
        while pos < maximum and self.src[pos] == marker:
            pos += 1
        count = pos - start
        nxt = self.src[pos] if pos < maximum else " "
        last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
        next_punct = isMdAsciiPunct(ord(nxt)) or isPunctChar(nxt)
        last_space, next_space = isWhiteSpace(ord(last)), isWhiteSpace(ord(nxt))
        last_cjk, next_cjk = bool(_CJK.match(last)), bool(_CJK.match(nxt))
        left = not (next_space or (next_punct and not (last_space or last_punct or last_cjk or next_cjk)))
        right = not (last_space or (last_punct and not (next_space or next_punct or next_cjk or last_cjk)))
        can_open = left and (canSplitWord or not right or last_punct)
        can_close = right and (canSplitWord or not left or next_punct)
        return Scanned(can_open, can_close, count)


class _CJKParserInline(ParserInline):
    def parse(self, src, md, env, tokens):
        state = _CJKStateInline(src, md, env, tokens)
        self.tokenize(state)
        for rule in self.ruler2.getRules(""):
            rule(state)
        return state.tokens


_md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
_md.inline.__class__ = _CJKParserInline  # this parser only (Rich's Markdown keeps its own)
_STYLE = {"strong": "bold", "em": "italic", "s": "strike"}


def _inline(children) -> tuple[str, list[Span], list[Block]]:
    """Flatten inline tokens to text + spans; images come back as separate blocks."""
    parts: list[str] = []
    spans: list[Span] = []
    images: list[Block] = []
    open_at: dict[str, list[tuple[int, str]]] = {}
    length = 0
    for tok in children or ():
        t = tok.type
        if t == "text" or t == "html_inline":
            if t == "text":
                text = tok.content
            else:  # inline HTML: a <br> is a line break, other tags are dropped
                text = "\n" if tok.content[:3].lower() == "<br" else ""
            parts.append(text)
            length += len(text)
        elif t == "code_inline":
            spans.append(Span(length, length + len(tok.content), "code"))
            parts.append(tok.content)
            length += len(tok.content)
        elif t in ("softbreak", "hardbreak"):
            parts.append(" " if t == "softbreak" else "\n")
            length += 1
        elif t.endswith("_open"):
            open_at.setdefault(tok.tag, []).append((length, safe_url(str(tok.attrGet("href") or ""))))
        elif t.endswith("_close"):
            stack = open_at.get(tok.tag)
            if stack:
                start, href = stack.pop()
                style = "link" if tok.tag == "a" else _STYLE.get(tok.tag, "")
                if style and length > start and (style != "link" or href):
                    spans.append(Span(start, length, style, href))
        elif t == "image":
            alt = "".join(c.content for c in tok.children or ())
            images.append(Block(IMAGE, f"[图片] {alt}".strip(), url=safe_url(str(tok.attrGet("src") or ""))))
    text = "".join(parts)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    spans = [Span(max(0, s.start - lead), min(len(stripped), s.end - lead), s.style, s.url)
             for s in spans if min(len(stripped), s.end - lead) > max(0, s.start - lead)]
    return stripped, spans, images


# Markdown that is paragraphs of plain text and ATX headings only, the commonest shape of an
# archived post: no character anywhere that opens inline syntax (escapes, code, emphasis, links and
# images, HTML and autolinks, entities, strikethrough, tables), no control character, and no line
# that could open or end another block (a quote, list item, rule, fence, setext underline,
# reference; one indented or with whitespace at either end). markdown-it makes a ``## `` line a
# heading and each other run of lines between blank lines and headings one paragraph, its lines
# joined by a space (a soft break): read so without the parser, at ~3 % of its cost (held to it by
# tests/test_body_fast_paths.py, on generated bodies and every fixture).
_NOT_PLAIN = re.compile(r"[\\`*_\[\]<>&~|\x00-\x09\x0b-\x1f\x7f-\x9f]")
_BLOCK_START = re.compile(r"^(?:[=+\-]|\d{1,9}[.)](?: |$))|^\s|\s$", re.MULTILINE)
_HEADING_LINE = re.compile(r"(#{1,6}) ([^\s#][^#]*)")  # (no closing #s, no space after the first)


def _plain_paragraphs(source: str) -> tuple[Block, ...] | None:
    """The blocks of Markdown that holds plain paragraphs and headings only (as markdown-it gives
    them), or None for any other Markdown."""
    if _NOT_PLAIN.search(source) is not None:
        return None
    out = []
    for para in source.split("\n\n"):
        para = para.strip("\n")
        if not para:
            continue
        if _BLOCK_START.search(para) is not None:
            return None
        lines: list[str] = []
        for line in para.split("\n"):
            if line.startswith("#"):
                m = _HEADING_LINE.fullmatch(line)
                if m is None:
                    return None
                if lines:
                    out.append(Block(PARAGRAPH, " ".join(lines)))
                    lines = []
                out.append(Block(HEADING, m.group(2), level=len(m.group(1))))
            else:
                lines.append(line)
        if lines:
            out.append(Block(PARAGRAPH, " ".join(lines)))
    return tuple(out)


def markdown_to_blocks(source: str) -> tuple[Block, ...]:
    plain = _plain_paragraphs(source)
    return plain if plain is not None else parsed_markdown_blocks(source)


def parsed_markdown_blocks(source: str) -> tuple[Block, ...]:
    """The blocks of any Markdown, through markdown-it."""
    tokens = _md.parse(source)
    blocks: list[Block] = []
    quote = 0
    lists: list[list] = []  # [ordered, counter]
    heading = 0
    item_ordinal = 0
    table_rows: list[list[str]] | None = None
    for tok in tokens:
        t = tok.type
        if t == "blockquote_open":
            quote += 1
        elif t == "blockquote_close":
            quote -= 1
        elif t in ("bullet_list_open", "ordered_list_open"):
            lists.append([t == "ordered_list_open", 0])
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t == "list_item_open":
            lists[-1][1] += 1
            item_ordinal = lists[-1][1] if lists[-1][0] else 0
        elif t == "heading_open":
            heading = int(tok.tag[1])
        elif t == "heading_close":
            heading = 0
        elif t == "table_open":
            table_rows = []
        elif t == "tr_open" and table_rows is not None:
            table_rows.append([])
        elif t == "inline" and table_rows is not None:
            text, _, _ = _inline(tok.children)
            table_rows[-1].append(text)
        elif t == "table_close" and table_rows is not None:
            rows = tuple(tuple(r) for r in table_rows if any(r))
            if rows:
                blocks.append(Block(TABLE, "\n".join("\t".join(r) for r in rows), rows=rows))
            table_rows = None
        elif t == "inline":
            text, spans, images = _inline(tok.children)
            if text:
                if heading:
                    blocks.append(Block(HEADING, text, tuple(spans), level=heading))
                elif lists:
                    blocks.append(Block(LIST_ITEM, text, tuple(spans), level=len(lists), ordinal=item_ordinal))
                    item_ordinal = 0 if not lists[-1][0] else item_ordinal
                elif quote:
                    blocks.append(Block(QUOTE, text, tuple(spans), level=quote))
                else:
                    blocks.append(Block(PARAGRAPH, text, tuple(spans)))
            blocks.extend(images)
        elif t in ("fence", "code_block"):
            if tok.content.strip():
                blocks.append(Block(CODE, tok.content.rstrip("\n")))
        elif t == "hr":
            blocks.append(Block(RULE, "—" * 3))
        elif t == "html_block":
            from .html_blocks import html_to_blocks

            blocks.extend(html_to_blocks(tok.content))
    return tuple(blocks)
