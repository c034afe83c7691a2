"""A long page read in parts finds exactly what reading it whole finds (scripts/detect/segments.py).

Hypothesis builds documents out of the pieces that could make a cut lie: lines that start a cut,
markup left open (comments, scripts, quotes, CDATA), entities, digits and their disguises, joiners,
long stretches of spaces, digit words, phone words and units, links. Whatever it builds, the parts
either prove they can be read apart or are read together: the findings, with their lines, are the
same as reading the whole document.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.detect import documents, markup, segments

EXAMPLES = int(os.environ.get("HC_HYPOTHESIS_EXAMPLES", "60"))
FORMS = frozenset({"95188", "4006700700", "110"})

CUTS = ["\n<li>", "\n  <li class='a'>", "\n<div>", "\n    <nav>", "\n<script>", "\n<p>", "\n<a href='x'>", "\n<title>", "\n<span>"]
MARKUP = [
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<title>",
    "</title>",
    "<![CDATA[",
    "]]>",
    '<a title="',
    '"',
    "'",
    ">",
    "<",
    "</li>",
    "</div>",
    "<b>",
    "</b>",
    "<br>",
    "<textarea>",
    "</textarea>",
    "<x y='",
    "&amp;",
    "&#52;",
    "&#x34;",
    "&",
    "&nbsp;",
    '<img alt="4006">',
    "<!DOCTYPE",
    "<?x",
    "</p",
    "<script type='text/template'>",
    "<style>",
    "</style>",
    '<a href="tel:',
    '">',
]
NUMBERS = [
    "400",
    "670",
    "0700",
    "4006700700",
    "95188",
    "110",
    "12345678",
    "一二三",
    "四零零",
    "４",
    "O",
    "l",
    "0",
    "9",
    "+86",
    "+",
    "(",
    ")",
    "2024-01-01",
    "10:30",
    "1,000",
    "¥",
    "元",
    "年",
    "分钟",
]
JOINERS = [" ", "-", ".", "\n", "\n\n", "ext", "分机", "转", "\u200b", "\u00ad", "/", "|", "*", "_"]
WORDS = [
    "电话",
    "call",
    "hotline",
    "客服",
    "one",
    "two",
    "three",
    "nine",
    "five",
    "oh",
    "zero",
    "someone",
    "phone",
    "https://x.com/",
    "www.",
    "tel:",
    "a@b.co",
    "İ",
]
TEXT = ["Account", "账户", "支付", "xyz", "EXT", "Sext", "设置"]
LONG = [" " * 250, "\n" * 120, "\t" * 210, " \u200b" * 110, "-" * 205, "abc " * 60, "账户" * 110, "one " * 55]

PIECES = st.sampled_from(CUTS + MARKUP + NUMBERS + JOINERS + WORDS + TEXT + LONG)
DOCUMENTS = st.lists(st.one_of(PIECES, PIECES, PIECES, st.text(max_size=4)), min_size=1, max_size=120).map("".join)
# Page-like documents: lines that start cuts, each followed by prose long enough (or not) to keep
# the cut apart from the numbers around it.
FILLER = st.integers(0, 14).map(lambda n: "Account settings 账户 " * n)
BLOCKS = st.tuples(st.sampled_from(CUTS), FILLER, st.lists(PIECES, max_size=6).map("".join), FILLER)
PAGES = st.lists(BLOCKS, min_size=2, max_size=40).map(lambda blocks: "".join("".join(b) for b in blocks))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def _whole(source: str) -> list:
    doc = markup.read_markup(source)
    return sorted(documents.read_text(doc.text, FORMS) + documents.read_pieces_of(doc, FORMS))


def _parts(source: str) -> list | None:
    found = segments.read_in_parts(source, FORMS, documents.read_text, documents.read_pieces_of)
    return None if found is None else sorted(found)


@SETTINGS
@given(st.one_of(DOCUMENTS, PAGES))
def test_parts_find_what_the_whole_finds(source):
    found = _parts(source)
    if found is not None:
        assert found == _whole(source)


@SETTINGS
@given(st.one_of(DOCUMENTS, PAGES), st.one_of(DOCUMENTS, PAGES))
def test_a_part_read_before_does_not_change_what_a_page_finds(first, second):
    # The same part met on a page before (remembered) and on this page (after other text).
    _parts(first + CUTS[0] + second)
    found = _parts(second + CUTS[1] + first + CUTS[2] + second)
    if found is not None:
        assert found == _whole(second + CUTS[1] + first + CUTS[2] + second)


@pytest.mark.parametrize(
    "source",
    [
        # A number split by a cut: its groups join over the line break.
        "<p>call 400\n<li>670 0700</li>",
        # Far apart but joined by spaces alone: the spaces are one joiner however many there are.
        "<p>400" + " " * 450 + "\n<li>" + " " * 450 + "6700700</li>",
        # A phone word on one side, a short code on the other.
        "<p>hotline \n<li>110</li>",
        # An open comment swallows the rest of the page, cuts and all.
        "<p><!-- 400\n<li>6700700</li>\n<li>x</li>",
        # An attribute left open across lines.
        "<p title='400\n<li>6700700'>x</p>",
        # A script holding what looks like cuts.
        "<script>var a = '400\n<li>670';\n<li>var b = '0700';</script>",
        # Spelled out across the cut.
        "<p>nine five\n<li>one eight eight</li>",
    ],
)
def test_cuts_that_would_lie_are_read_together(source):
    found = _parts(source)
    assert found is not None
    assert found == _whole(source)
    assert found  # each of these shows a number


def test_an_excuse_across_a_cut_still_counts():
    # A unit after the cut excuses the figure before it (read together, as a reader sees it).
    source = "<p>1234567\n<li>元</li>"
    assert _parts(source) == _whole(source) == []


def test_the_parts_a_site_repeats_are_read_once():
    # Twenty pages that differ only in their own text: the navigation is read once.
    nav = "".join(f"\n  <li class='nav'><a href='../p{chr(97 + k)}/'>Page {chr(97 + k)}</a></li>" for k in range(200))
    pages = [f"<html><body>\n<nav><ul>{nav}\n</ul></nav>\n<main><p>Text of page {chr(97 + k)}.</p></main></body></html>" for k in range(20)]
    segments._memory.cache_clear()
    for page in pages:
        assert _parts(page) == _whole(page)
    memory = segments._memory(FORMS, documents.read_text, documents.read_pieces_of)
    assert len(memory) < len(segments.pieces(pages[0])) + 3 * len(pages)


def test_the_built_site_reads_the_same_in_parts(real_site):
    pages = sorted(Path(real_site).rglob("*.html"))
    long_pages = [p for p in pages if p.stat().st_size >= segments.MIN_LENGTH]
    assert len(long_pages) > 20
    for page in long_pages:
        source = page.read_text(encoding="utf-8")
        assert _parts(source) == _whole(source), page
