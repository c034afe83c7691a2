"""The bulk swap of plain tags (markup._plain_tags) is exactly the case-insensitive substitution it replaces."""

import random
import re
import sys

import pytest

from scripts.detect import markup
from scripts.detect.digits import DIGIT_CHARS

EVERY_CHARACTER = [chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF]
# Characters re.IGNORECASE could match to an ASCII letter: those whose case mappings touch one.
NEAR_LETTERS = [ch for ch in EVERY_CHARACTER if any(c.isascii() and c.isalnum() for c in ch + ch.lower() + ch.upper() + ch.casefold())]


def _reference() -> re.Pattern:
    """The swap as first written: one pattern compiled with re.IGNORECASE, and a call per tag."""
    quiet = f"[^>\"'\n&%\\\\{re.escape(DIGIT_CHARS)}\U00010000-\U0010ffff]"
    quiet_dq = quiet.replace("[^>\"'", '[^"')
    quiet_sq = quiet.replace("[^>\"'", "[^'")
    body = f"(?:{quiet}++|\"{quiet_dq}*+\"|'{quiet_sq}*+')*+>"
    return re.compile(f"</?(?!(?:script|style|textarea|title|xmp)[\\s/>])([A-Za-z][A-Za-z0-9-]*)(?=[\\s/>]){body}", re.I)


REFERENCE = _reference()


def _matching(pattern: str, flags: int = 0, among=EVERY_CHARACTER) -> set[str]:
    compiled = re.compile(pattern, flags)
    return {ch for ch in among if compiled.fullmatch(ch)}


def test_tag_name_letters_are_those_ignorecase_matches():
    assert _matching("[A-Za-z]", re.I) <= set(NEAR_LETTERS)  # the shortcut below looks at every candidate
    assert _matching(f"[A-Za-z{markup._CASE_EXTRAS}]") == _matching("[A-Za-z]", re.I, NEAR_LETTERS)
    assert _matching(f"[A-Za-z0-9{markup._CASE_EXTRAS}-]") == _matching("[A-Za-z0-9-]", re.I, NEAR_LETTERS + ["-"])
    for letter in sorted(set("scripttyletextareatitlexmp")):
        assert _matching(markup._any_case(letter), among=NEAR_LETTERS) == _matching(letter, re.I, NEAR_LETTERS), letter


@pytest.mark.parametrize("quote", ["[^>\"'", '[^"', "[^'"])
def test_characters_inside_a_tag_have_no_case(quote):
    quiet = f"[^>\"'\n&%\\\\{re.escape(DIGIT_CHARS)}\U00010000-\U0010ffff]".replace("[^>\"'", quote)
    assert _matching(quiet) == _matching(quiet, re.I)


NAMES = [
    "b",
    "B",
    "span",
    "SPAN",
    "ſpan",
    "s\u212abd",
    "kbd",
    "K",
    "div",
    "DIV",
    "p",
    "script",
    "SCRİPT",
    "ſtyle",
    "style",
    "title",
    "a",
    "img",
    "x-y",
    "h1",
    "ruby",
    "İ",
    "ı",
    "ſ",
    "\u212a",
    "stri\u212ae",
    "sc",
    "ript",
    "d",
    "iv",
    "xmp",
    "XMP",
    "textarea",
]
BITS = ["<", ">", "</", " ", "\n", "95", "188", "一", "&amp;", "&#57;", "'", '"', "=", "x", "<!--", "-->", "%39", "\\", "/"]


def test_same_result_as_the_reference_on_tag_soup():
    rng = random.Random(20261203)
    for _ in range(30_000):
        parts = []
        for _ in range(rng.randint(1, 10)):
            if rng.random() < 0.5:
                end = rng.choice([">", " class='a'>", ' x="1">', "/>", " >", "\n>"])
                parts.append(rng.choice(["<", "</"]) + rng.choice(NAMES) + end)
            else:
                parts.append(rng.choice(BITS))
        source = "".join(parts)
        assert markup._plain_tags(source) == REFERENCE.sub(markup._plain, source), repr(source)


def test_same_result_as_the_reference_on_a_page():
    page = (
        '<!doctype html>\n<html lang="zh">\n  <head>\n    <meta charset="utf-8">\n    <title>标题 95188</title>\n'
        '    <SCRIPT>var a = "<b>";</SCRIPT>\n  </head>\n  <body>\n    <nav class="md-nav"><ul><li><a href="../x/">一二三</a></li></ul></nav>\n'
        '    <p>拨打 <span class="n">95</span><b>188</b> 或 <ſpan>400</ſpan>-<I>820</I></p>\n  </body>\n</html>\n'
    )
    assert markup._plain_tags(page) == REFERENCE.sub(markup._plain, page)
