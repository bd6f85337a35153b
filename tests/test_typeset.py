"""Tests for kfin_tui.typeset: CJK line breaking for Rich text."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from kfin_tui.typeset import (
    CJKText,
    break_opportunities,
    cells,
    fold_cells,
    line_ranges,
    wrap,
)

# Written for these tests: mixed Chinese, Latin words, numbers with units,
# percentages, a URL, dates and nested quotes / brackets.
PARAGRAPH = (
    "据StreamLake公司发布的2023年度报告，公司全年营收603.8亿元，同比增长36.6%；"
    "其中海外业务收入为128.4亿元，占比约21.3%。董事长在发布会上表示：“我们将继续投入"
    "AI infrastructure与云计算，预计明年资本开支在20-450元/股的区间内调整。”"
    "详细数据见 https://example.com/a/b?id=42 以及《投资者关系月报》（2022年8月5日版）。"
    "截至12:30，公司股价报收88.66元，涨幅3.2‰，成交额约15万手！"
    "分析师Jane O'Neil认为，this is a long English sentence that should wrap at spaces only。"
)

PROTECTED = ["StreamLake", "603.8亿元", "36.6%", "128.4亿元", "21.3%",
             "https://example.com/a/b?id=42", "20-450元/股", "2022年", "8月5日",
             "12:30", "88.66元", "3.2‰", "O'Neil", "infrastructure"]

NO_START = set("，。、；：？！）」』”’》〉】〕…—·,.;:?!)]}%")
NO_END = set("（「『“‘《〈【〔([{")
# ASCII punctuation may start a line only when an over-long Latin run (the
# URL) is hard-split, where it is an ordinary character of the run.
NO_START_WIDE = {c for c in NO_START if not c.isascii()}
NO_END_WIDE = {c for c in NO_END if not c.isascii()}
LONGEST_RUN = cell_len("https://example.com/a/b?id=42")


def plain_lines(text: str | Text, width: int, **kw) -> list[str]:
    t = text if isinstance(text, Text) else Text(text)
    return [line.plain for line in wrap(t, width, **kw)]


def check_reconstruction(plain: str, width: int, indent: int = 0) -> None:
    ranges = line_ranges(plain, width, indent)
    pos = 0
    for start, end, _ in ranges:
        assert start >= pos
        gap = plain[pos:start]
        assert gap.strip() == "", (width, gap)  # only dropped spaces / breaks
        pos = end
    assert plain[pos:].strip() == ""
    # join of the lines + dropped characters gives back the original
    rebuilt = []
    pos = 0
    for start, end, _ in ranges:
        rebuilt.append(plain[pos:start])
        rebuilt.append(plain[start:end])
        pos = end
    rebuilt.append(plain[pos:])
    assert "".join(rebuilt) == plain


@pytest.mark.parametrize("width", range(8, 81))
def test_paragraph_properties(width: int) -> None:
    lines = plain_lines(PARAGRAPH, width)
    no_start = NO_START if width >= LONGEST_RUN else NO_START_WIDE
    no_end = NO_END if width >= LONGEST_RUN else NO_END_WIDE
    for line in lines:
        assert cell_len(line) <= width, (width, line)
        assert line, width
        assert line[0] not in no_start, (width, line)
        assert line[-1] not in no_end, (width, line)
        assert line == line.strip()
    joined = "".join(lines)
    # nothing lost but spaces
    assert joined.replace(" ", "") == PARAGRAPH.replace(" ", "")
    check_reconstruction(PARAGRAPH, width)
    for token in PROTECTED:
        # a token glued to punctuation (（2022年8月, 88.66元，) needs that room too
        if cell_len(token) + 6 <= width:
            assert any(token in line for line in lines), (width, token, lines)


@pytest.mark.parametrize("width", [8, 13, 21, 34, 55])
def test_indent(width: int) -> None:
    lines = plain_lines(PARAGRAPH + "\n第二段落开始。", width, indent=4)
    assert all(cell_len(line) <= width for line in lines)
    assert lines[0].startswith("    ") or cell_len(lines[0]) <= width
    second = next(line for line in lines if "第二" in line)
    assert second.startswith("    第二")
    check_reconstruction(PARAGRAPH, width, indent=4)


def test_break_opportunities_rules() -> None:
    text = "营收603.8亿元，同比增长36.6%。StreamLake发布"
    ops = set(break_opportunities(text))
    # between ideographs
    assert 1 in ops  # 营|收
    # never inside the number+unit group, never before the comma
    start = text.index("603.8")
    for i in range(start + 1, text.index("，") + 1):
        assert i not in ops, (i, text[:i])
    # after the closing comma
    assert text.index("，") + 1 in ops
    # never inside 36.6% or before 。
    s = text.index("36.6%")
    assert not any(s < i <= s + 5 for i in ops)
    # Latin word kept whole, CJK/Latin boundary breakable
    s = text.index("StreamLake")
    assert s in ops and s + len("StreamLake") in ops
    assert not any(s < i < s + len("StreamLake") for i in ops)


def test_break_opportunities_spaces_and_opening() -> None:
    text = "hello world（注）“引号”"
    ops = break_opportunities(text)
    assert 6 in ops  # after the space
    assert 5 not in ops  # not before the space
    assert text.index("（") + 1 not in ops  # opening sticks to the next char
    assert text.index("“") + 1 not in ops
    assert text.index("）") not in ops  # closing sticks to the previous char
    assert text.index("”") not in ops


def test_break_opportunities_hard_breaks() -> None:
    assert 2 in break_opportunities("ab\ncd")
    assert break_opportunities("") == []
    assert break_opportunities("中") == []


@pytest.mark.parametrize("token", ["603.8亿元", "20-450元", "36.6%", "2022年", "8月5日",
                                   "StreamLake", "https://example.com/a/b"])
def test_units_stay_together(token: str) -> None:
    text = f"前面的文字{token}后面的文字"
    for width in range(cell_len(token), 30):
        lines = plain_lines(text, width)
        assert any(token in line for line in lines), (width, lines)


def test_long_number_unit_group_may_break() -> None:
    lines = plain_lines("合计1234567890亿元整", 12)
    assert all(cell_len(line) <= 12 for line in lines)
    assert "1234567890" in "".join(lines)


def test_closing_punctuation_moves_previous_char_down() -> None:
    # "一二三四，" at width 8: the comma would overflow, so 四 moves down with it
    lines = plain_lines("一二三四，五六", 8)
    assert lines == ["一二三", "四，五六"]


def test_styles_survive_breaks() -> None:
    text = Text("普通文字")
    text.append("加粗的中文文字跨越换行", style="bold")
    text.append("结束")
    lines = wrap(text, 10)
    assert len(lines) > 1
    bold_chars = []
    for line in lines:
        for span in line.spans:
            style = span.style if isinstance(span.style, Style) else Style.parse(span.style)
            if style.bold:
                bold_chars.append(line.plain[span.start:span.end])
    assert "".join(bold_chars) == "加粗的中文文字跨越换行"
    # base style is kept on every line
    styled = Text("一二三四五六七八九十", style="red")
    assert all(str(line.style) == "red" for line in wrap(styled, 6))


@pytest.mark.parametrize("width", [-3, 0, 1, 2, 3])
def test_tiny_widths_terminate(width: int) -> None:
    text = "中文English混排，603.8亿元。😀👍🏽 a  b"
    lines = plain_lines(text, width)  # must return at all (no endless loop)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        # a double-width character cannot fit in one cell: it is alone then
        assert cell_len(line) <= max(width, 1) or (cell_len(line) == 2 and len(line) <= 2)


def test_double_width_at_edge_never_split() -> None:
    # odd widths: a wide char never straddles the edge
    for width in range(3, 20, 2):
        lines = plain_lines("一二三四五六七八九十" * 3, width)
        for line in lines:
            assert cell_len(line) <= width
        assert all(cell_len(line) == width - 1 for line in lines[:-1])


def test_hard_split_fills_latin_runs() -> None:
    # ASCII punctuation inside a long run does not shorten the line
    assert plain_lines("时间2024-06-06T08:00:00+08:00发布", 21)[1] == "2024-06-06T08:00:00+0"


def test_overlong_unit_hard_split() -> None:
    url = "https://example.com/" + "x" * 50
    lines = plain_lines(f"见{url}。", 20)
    assert all(cell_len(line) <= 20 for line in lines)
    assert "".join(lines) == f"见{url}。"


def test_empty_and_blank() -> None:
    assert plain_lines("", 10) == [""]
    assert plain_lines("   ", 10) == ["   "]
    assert line_ranges("", 10) == [(0, 0, 0)]


def test_hard_breaks() -> None:
    assert plain_lines("第一行\n第二行", 20) == ["第一行", "第二行"]
    assert plain_lines("第一行\r\n第二行", 20) == ["第一行", "第二行"]
    assert plain_lines("a\n\nb", 20) == ["a", "", "b"]
    assert plain_lines("a\n", 20) == ["a", ""]
    assert plain_lines("一二三四五\r\n六", 6) == ["一二三", "四五", "六"]


def test_spaces_dropped_at_line_end() -> None:
    lines = plain_lines("alpha beta gamma delta", 11)
    assert lines == ["alpha beta", "gamma delta"]
    # trailing space at paragraph end kept when it fits
    assert plain_lines("ab  ", 10) == ["ab  "]
    assert plain_lines("ab  ", 3) == ["ab "]


def test_tabs_expanded() -> None:
    lines = plain_lines("a\tb", 20)
    assert lines == ["a       b"]


def test_cells_and_fold_cells() -> None:
    assert cells("中文ab") == 6
    assert cells("") == 0
    assert fold_cells("中文标题很长很长", 7) == "中文标…"
    assert cells(fold_cells("中文标题很长很长", 8)) <= 8
    assert fold_cells("short", 10) == "short"
    assert fold_cells("中文", 4) == "中文"
    assert fold_cells("中文标题", 1) == "…"  # no room for a wide char
    assert fold_cells("abcdef", 1) == "…"
    assert fold_cells("abcdef", 0) == ""
    assert fold_cells("abc def ghi", 9) == "abc def…"
    for width in range(20):
        folded = fold_cells(PARAGRAPH, width)
        assert cells(folded) <= width
        assert cells(folded) >= width - 1


def render(renderable, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None, legacy_windows=False)
    console.print(renderable)
    return console.export_text().split("\n")[:-1]


@pytest.mark.parametrize("width", [9, 20, 47, 80])
def test_cjktext_console(width: int) -> None:
    out = render(CJKText(PARAGRAPH), width)
    assert out == list(plain_lines(PARAGRAPH, width))
    assert all(cell_len(line) <= width for line in out)


def test_cjktext_styles_and_justify() -> None:
    text = Text.from_markup("[bold]加粗[/bold]普通文字很多很多很多")
    console = Console(width=10, record=True, color_system="truecolor", force_terminal=True)
    console.print(CJKText(text))
    assert "\x1b[1m加粗" in console.export_text(styles=True)
    right = render(CJKText("中文", justify="right"), 10)
    assert right == ["      中文"]
    center = render(CJKText("中文", justify="center"), 10)
    assert center[0].strip() == "中文" and center[0].startswith("   ")


def test_cjktext_end_and_measure() -> None:
    console = Console(width=40, record=True, color_system=None)
    console.print(CJKText("一二", end=""), CJKText("三四", end=""), end="")
    assert "一二" in console.export_text()
    from rich.measure import Measurement
    m = Measurement.get(console, console.options, CJKText("一二三 StreamLake\n四五"))
    assert m == Measurement(10, 17)


def test_cjktext_in_table() -> None:
    from rich.table import Table
    table = Table.grid()
    table.add_column(width=12)
    table.add_row(CJKText("营收603.8亿元，同比增长36.6%。"))
    out = render(table, 40)
    assert any("603.8亿元" in line for line in out)
    assert all(cell_len(line.rstrip()) <= 12 for line in out)


def test_random_fuzz() -> None:
    import random

    rng = random.Random(20261125)
    alphabet = list("中文字符数据，。、；：？！（）「」“”《》…—·") + list("abcXYZ019.,%-/:' ()") + [
        "603.8亿元", "2022年8月5日", "  ", "\n", "\r\n", "\t", "😀", "👨\u200d👩\u200d👧", "e\u0301",
        "한국어", "カタカナ", "ｆｕｌｌ", "\u3000", "\u00a0", "1234567890123亿元"]
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        width = rng.randint(1, 30)
        indent = rng.choice([0, 0, 2, 4])
        rich_text = Text(text)
        rich_text.expand_tabs()
        expanded = rich_text.plain
        ranges = line_ranges(expanded, width, indent)
        lines = plain_lines(text, width, indent=indent)
        assert len(lines) == len(ranges)
        for line in lines:
            assert cell_len(line) <= max(width, 2), (text, width, line)
            if width >= 2:
                assert cell_len(line) <= width, (text, width, line)
        pos = 0
        for start, end, _ in line_ranges(expanded, width):
            assert expanded[pos:start].strip() == ""
            assert start <= end
            pos = end
        assert expanded[pos:].strip() == ""


def test_emoji_sequences_not_split() -> None:
    family = "👨\u200d👩\u200d👧"
    lines = plain_lines(f"家庭{family}表情" * 5, 6)
    assert all(cell_len(line) <= 6 for line in lines)
    assert sum(line.count(family) for line in lines) == 5


def test_english_wraps_at_spaces_only() -> None:
    lines = plain_lines("the quick brown fox jumps over the lazy dog", 10)
    assert lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"]


async def test_cjktext_in_textual_static() -> None:
    # The package itself never imports Textual; this checks the renderable
    # protocol works inside a Static widget.
    from textual.app import App, ComposeResult
    from textual.geometry import Region
    from textual.widgets import Static

    text = "营收603.8亿元，同比增长36.6%。StreamLake发布新产品，详见https://example.com/a/b。"

    class Demo(App):
        CSS = "Static { width: 20; }"

        def compose(self) -> ComposeResult:
            yield Static(CJKText(text))

    app = Demo()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        static = app.query_one(Static)
        rows = [strip.text.rstrip() for strip in static.render_lines(Region(0, 0, 20, 6))]
    assert rows == plain_lines(text, 20)
    assert "603.8亿元，" in rows[0] and "https://example.com/" in rows
