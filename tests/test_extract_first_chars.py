"""The cheap tests the company rules ask before a regex (extract/companies.py): each set of first
characters holds every character its pattern can begin a match with, so asking the set first changes
no answer; and _run_before finds what RUN_BEFORE's search finds."""
from __future__ import annotations

import random
import re

try:  # (the regex parser: re._parser from Python 3.11, sre_parse before)
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

import pytest

from kfin_tui.extract import companies as co


def _first(items) -> set[str] | None:
    """The characters a parsed (sub)pattern can begin a match with, or None where that is any or unknown."""
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            return out | {chr(av)}
        if op is C.IN:
            for o, a in av:
                if o is C.LITERAL:
                    out.add(chr(a))
                elif o is C.RANGE and a[1] - a[0] <= 200:
                    out.update(chr(c) for c in range(a[0], a[1] + 1))
                else:
                    return None
            return out
        if op is C.SUBPATTERN:
            got = _first(av[3])
            return None if got is None else out | got
        if op is C.BRANCH:
            for alt in av[1]:
                got = _first(alt)
                if got is None:
                    return None
                out |= got
            return out
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            got = _first(av[2])
            if got is None:
                return None
            out |= got
            if av[0] >= 1:
                return out
            continue  # (optional: what follows may begin the match)
        if op in (C.ASSERT, C.ASSERT_NOT) and av[0] == 1:
            continue  # (a lookahead consumes nothing)
        return None
    return None  # (the pattern can match empty)


@pytest.mark.parametrize(("rx", "first"), [
    (co._SITE_AFTER, co._SITE_AFTER_FIRST),
    (co._SITE_AFTER_PLACED_TRADE, co._SITE_AFTER_PLACED_TRADE_FIRST),
    (co._COUNTED_ITEM, co._COUNTED_ITEM_FIRST),
    (co._MAGNITUDE_CORE, co._SCALE_OR_TIME_FIRST),
    (co._PER_UNIT_CORE, co._SCALE_OR_TIME_FIRST),
    (co._TIME_CORE, co._SCALE_OR_TIME_FIRST),
    (co._MEASURE_OF_SUFFIX_WORD, frozenset("量额")),
])
def test_first_characters_hold_the_patterns(rx, first):
    got = _first(list(P.parse(rx.pattern, rx.flags)))
    assert got is not None and got <= first, sorted((got or set()) - first)


def test_not_company_after_first_characters():
    """Every alternative begins with a character of the set but one, [\u4e00-\u9fff]{1,4}指数, which the
    rule asks for by its 指数 one to four characters on."""
    (op, av), = list(P.parse(co.NOT_COMPANY_AFTER.pattern))
    assert op is C.BRANCH
    rest = []
    for alt in av[1]:
        got = _first(alt)
        if got is None:
            rest.append(alt)
        else:
            assert got <= co._NOT_COMPANY_FIRST, sorted(got - co._NOT_COMPANY_FIRST)
    assert len(rest) == 1
    (rep, (lo, hi, sub)), *tail = rest[0]
    assert rep is C.MAX_REPEAT and (lo, hi) == (1, 4) and list(sub) == [(C.IN, [(C.RANGE, (0x4E00, 0x9FFF))])]
    assert tail == [(C.LITERAL, ord("指")), (C.LITERAL, ord("数"))]


def test_run_before_is_the_search():
    rnd = random.Random(5)
    alphabet = "华油材料科技AZaz09 ，,。()（）\n\r\t·-%"
    texts = ["", "\n", "华油\n", "。华油材料", "abc\n\n", "0123456789华油材料科技集团"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24))) for _ in range(3000)]
    for text in texts:
        for ss in range(len(text) + 1):
            m = co.RUN_BEFORE.search(text, max(0, ss - 10), ss)
            assert co._run_before(text, ss) == ("" if m is None else m.group()), (text, ss)


def test_glossed_name_guard():
    rnd = random.Random(6)
    alphabet = "华油材料科技AZaz ()（）。"
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        for pos in range(len(text) + 1):
            assert co._glossed_name_at(text, pos) == (co._GLOSSED_NAME_AT.match(text, pos) is not None), (text, pos)
    assert co._glossed_name_at("某某科技华润资本(Foo Capital)", 4)


def test_cue_words_are_the_patterns_words():
    """LATIN_CUE_RE and ACQUIRE_RE begin with their word lists' words (found by the cue automaton)."""
    for rx, words in ((co.LATIN_CUE_RE, co.LATIN_CUE_WORDS), (co.ACQUIRE_RE, co.ACQUIRE_VERBS)):
        assert rx.pattern.startswith("(?:" + "|".join(map(re.escape, words)) + ")") or \
            rx.pattern.startswith("(?:" + "|".join(words) + ")")


def test_deal_verb_first_characters():
    """_after_deal_verb returns a run without any of _DEAL_VERB_FIRST whole, unasked: DEAL_VERB's verbs
    (after its leading .*) each begin with one of them."""
    (rep, (lo, _hi, sub)), *verbs = list(P.parse(co.DEAL_VERB.pattern, co.DEAL_VERB.flags))
    assert rep is C.MAX_REPEAT and lo == 0 and list(sub) == [(C.ANY, None)]
    got = _first(verbs)
    assert got is not None and got <= co._DEAL_VERB_FIRST, sorted((got or set()) - co._DEAL_VERB_FIRST)
    for run in ("某某科技", "所持某某", "注入", "亿元某某", "华油材料"):
        m = co.DEAL_VERB.match(run)
        assert co._after_deal_verb(run) == (run if m is None else run[m.end():])


def test_academies_end_in_the_character_asked():
    """_suffix_name asks for _ACADEMIES before a name only after a 院 right before it."""
    assert all(a.endswith("院") for a in co._ACADEMIES)


def test_country_last_characters():
    """_latin_after_country skips a Latin word unless a country's last character is right before it."""
    assert all(c[-1] in co._COUNTRY_LAST for c in co._COUNTRIES)


def test_asked_words_are_the_words_asked():
    """Each ``"…" in asked`` (or ``in holds``, the set where it is given) of companies.py asks a word of
    _ASKED_WORDS (the set holds only those: a word outside it would read as absent from every text)."""
    from pathlib import Path

    src = Path(co.__file__).with_name("companies.py").read_text(encoding="utf-8")  # (not inspect.getsource: an
    # installed wheel's companies module is compiled, tests/test_compiled_build.py; its source ships beside it)
    asked = re.findall(r"""(["'])((?:(?!\1).)+)\1 in (?:asked|holds)\b""", src)
    assert len(asked) >= 15
    assert {w for _q, w in asked} <= set(co._ASKED_WORDS), sorted({w for _q, w in asked} - set(co._ASKED_WORDS))
