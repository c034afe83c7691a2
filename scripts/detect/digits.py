"""Digits as people read them, folded to ASCII without moving anything.

Every fold here maps one character to one character, so a position in the folded text is the
same position in the original: findings point at what the author wrote.

- any Unicode digit (full-width, Arabic-Indic, Devanagari, mathematical, superscript, circled…)
- Chinese numerals, everyday (一二三), financial (壹贰叁) and spoken (幺 for 1, 两 for 2, 〇 零 for 0)
- the letters O/o and l/I inside a group of digits ("4OO-67O-O7OO", "95l88")
- full-width and superscript plus signs
- invisible characters (zero-width spaces, joiners, soft hyphens, combining marks) are not
  removed here: the number pattern skips them between digits (`INVISIBLE`).
"""

from __future__ import annotations

import re
import unicodedata

# Chinese numerals read digit by digit, as a phone number is spoken or written in words.
# Positional characters (十百千万亿拾佰仟) are not here: "五千" is an amount, not a number to dial.
CHINESE_DIGITS = {
    "0": "零〇○◯洞",
    "1": "一壹幺弌",
    "2": "二贰貳两兩弍",
    "3": "三叁參叄弎",
    "4": "四肆",
    "5": "五伍",
    "6": "六陆陸",
    "7": "七柒拐",
    "8": "八捌",
    "9": "九玖勾",
}
PLUS_SIGNS = "＋﹢⁺₊"
# Letters that stand for digits when they sit in a group of digits: O for 0, l and I for 1 (Latin,
# full-width, Greek and Cyrillic look-alikes).
LETTER_DIGITS = {"0": "OoОоΟοＯｏ", "1": "lIІіΙｌＩ"}


def _unicode_digits() -> dict[str, str]:
    """Every character whose Unicode digit value is 0–9 (Nd digits, superscripts, circled forms…)."""
    table = {}
    for cp in list(range(0x80, 0x20000)):
        ch = chr(cp)
        value = unicodedata.digit(ch, None)
        if value is not None and 0 <= value <= 9:
            table[ch] = str(value)
    return table


def _build_table() -> dict[str, str]:
    table = _unicode_digits()
    for digit, chars in CHINESE_DIGITS.items():
        for ch in chars:
            table[ch] = digit
    for ch in PLUS_SIGNS:
        table[ch] = "+"
    # Invisible characters beyond the BMP (tag characters, variation selectors supplement) become
    # a zero-width space, which the number pattern already skips.
    for cp in list(range(0xE0000, 0xE0080)) + list(range(0xE0100, 0xE01F0)):
        table[chr(cp)] = "\u200b"
    return table


FOLD = _build_table()
_BMP = "".join(sorted(ch for ch in FOLD if ord(ch) < 0x10000))
_ASTRAL = "".join(sorted(ch for ch in FOLD if ord(ch) >= 0x10000))  # digits, and invisibles (to U+200B)
# Character classes built from literal characters compile to a bitmap: one lookup per character,
# whatever the size of the class (ranges would be tried one by one).
_FOLD_BMP = re.compile(f"[{re.escape(_BMP)}]")
_FOLD_ASTRAL = re.compile(f"[{re.escape(_ASTRAL)}]")
_ANY_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

_LETTERS = "".join(LETTER_DIGITS.values())
_LETTER_VALUE = {ch: digit for digit, chars in LETTER_DIGITS.items() for ch in chars}
# A token of digits and digit-like letters with at least one of each, not touching other letters.
_LATIN = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\uff21-\uff3a\uff41-\uff5a"
# Starts with a digit class, so the engine jumps between digits: a digit next to a digit-like letter.
_MIXED_HINT = re.compile(f"[0-9](?:(?=[{_LETTERS}])|(?<=[{_LETTERS}][0-9]))")
_MIXED_TOKEN = re.compile(f"(?<![{_LATIN}])(?=[0-9{_LETTERS}]*[0-9])[0-9{_LETTERS}]++(?![{_LATIN}])")

# Characters a reader does not see: format characters (zero-width spaces and joiners, soft
# hyphen, bidi marks), combining marks (keycaps, variation selectors), fillers that render blank.
INVISIBLE = "".join(
    ch for ch in map(chr, range(0x80, 0x10000)) if unicodedata.category(ch) in ("Cf", "Mn", "Me") or ch in "\u115f\u1160\u3164\uffa0\u2800"
)

# Every character that can be (part of) a digit before folding: the quick test that lets text
# without any digit skip the detector entirely.
DIGIT_CHARS = "0123456789" + _BMP + "+"  # plus signs too: "+" starts an international number
DIGIT_LIKE = re.compile(f"[0-9{re.escape(_BMP)}]|[\U00010000-\U0010ffff]")


def _fold_letters(match: re.Match) -> str:
    token = match.group(0)
    if not any(ch in _LETTER_VALUE for ch in token):
        return token
    return "".join(_LETTER_VALUE.get(ch, ch) for ch in token)


def fold(text: str) -> str:
    """`text` with every digit-like character as an ASCII digit (and plus signs as "+"); same length."""
    if not text.isascii():
        text = _FOLD_BMP.sub(lambda m: FOLD[m.group(0)], text)
        if _ANY_ASTRAL.search(text):
            text = _FOLD_ASTRAL.sub(lambda m: FOLD[m.group(0)], text)
    if _MIXED_HINT.search(text):
        text = _MIXED_TOKEN.sub(_fold_letters, text)
    return text


def has_digits(text: str) -> bool:
    """True if `text` holds anything that folds to a digit (the cheap test before any real work)."""
    return DIGIT_LIKE.search(text) is not None
