"""Find phone-number-like strings in text, however they are disguised.

Shared by the Markdown gate (no typed numbers in docs/) and the output gate (every number in
the built site must be a registry entry). Catches separators, +86/0086 prefixes, full-width
digits, invisible characters, Markdown emphasis and HTML tags between digits, and tel: links;
leaves years, dates, amounts, percentages, durations, versions and counts alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import shortnumberinfo

# Characters that can sit between the digits of one number.
JOINERS = set(" \t\u00a0\u3000-\u2010\u2011\u2012\u2013\u2014\u2212.()/*_~`·")
MAX_JOIN = 4  # more than this many joiner characters ends the number
TAG = re.compile(r"<[^<>\n]{0,80}>")
ENTITY = re.compile(r"&(?:nbsp|#8203|#x200b|#160|#xa0|zwj|zwnj|shy);", re.I)
SHORT_CODE_REGIONS = ("CN", "HK", "SG", "GB", "MY", "US", "PH", "JP", "KE")
PHONE_WORDS = re.compile(
    r"(拨打|致电|电话|热线|专线|来电|回拨|短信|号码|客服|报警|举报|\bcalls?\b|\bdial|\bphone|\bhotline|\bhelpline|\btext|\bsms\b|\bring\b|tel:)",
    re.I,
)
CURRENCY_BEFORE = re.compile(r"([¥$€£₱₩￥]|RMB|CNY|USD|HKD|SGD|MYR|GBP|EUR|JPY|PHP|KES|Rs\.?|RM)\s*$", re.I)
UNIT_AFTER = re.compile(
    r"^\s*(%|‰|元|块|角|分钟|分|万|亿|円|美元|港元|小时|天|日|周|个月|月|年|秒|次|笔|个|人|位|条|页|倍|份|张|名|户|项|号|款|"
    r"x\b|×|ms\b|s\b|kb\b|mb\b|gb\b|px\b|km\b|kg\b|days?\b|hours?\b|minutes?\b|mins?\b|seconds?\b|years?\b|months?\b|weeks?\b|"
    r"times\b|people\b|users\b|pages?\b|percent\b|per\s?cent\b|yuan\b|dollars?\b|pounds?\b|ringgit\b|pesos?\b|bytes?\b)",
    re.I,
)
VERSION_BEFORE = re.compile(r"(\bv|version\s*|版本\s*|ver\.?\s*)$", re.I)
DATE = re.compile(r"^(19|20)\d{2}(\s*[-./年]\s*\d{1,2}(\s*[-./月]\s*\d{1,2}\s*日?)?)?$|^\d{1,2}[-./]\d{1,2}[-./](19|20)\d{2}$")
YEAR_RANGE = re.compile(r"^(19|20)\d{2}\s*[-–—/]\s*(19|20)\d{2}$")
URL = re.compile(r"https?://[^\s<>\"')\]]+", re.I)
TEL = re.compile(r"tel:[^\s\"'<>)\]]*", re.I)


@dataclass(frozen=True)
class Finding:
    line: int
    column: int
    text: str  # the number as written, disguises included
    digits: str  # ASCII digits only, a leading + kept
    reason: str


def _clean_char(ch: str) -> str:
    """Full-width and other compatibility forms to ASCII; invisible format characters to nothing."""
    if unicodedata.category(ch) == "Cf":
        return ""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def _mask(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


@lru_cache(maxsize=65536)  # the same digit strings recur on every page of a site
def _is_short_code(digits: str) -> bool:
    for region in SHORT_CODE_REGIONS:
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if shortnumberinfo.is_valid_short_number_for_region(number, region):
            return True
    return False


def _digit_chars() -> str:
    """Every character that NFKC folds to an ASCII digit (full-width, mathematical, circled…)."""
    return "".join(chr(c) for c in range(0x80, 0x20000) if unicodedata.normalize("NFKC", chr(c)) in "0123456789" and len(unicodedata.normalize("NFKC", chr(c))) == 1)


_DIGIT = "0-9" + re.escape(_digit_chars())
# Where a number can start. Jumping between these with a regex instead of walking every
# character keeps the output gate fast on large sites (it reads every built page).
_START = re.compile(rf"[{_DIGIT}]|[+\uff0b](?=[{_DIGIT}])")


def _runs(text: str):
    """Yield (start, end, digits, shape) for every run of digits with joiners, tags or invisibles between."""
    n = len(text)
    i = 0
    while i < n:
        found = _START.search(text, i)
        if not found:
            return
        i = found.start()
        ch = _clean_char(text[i])
        plus = ch == "+"
        start, digits, shape, j, last_digit_end = i, "+" if plus else "", "", i + (1 if plus else 0), i
        pending = ""
        while j < n:
            c = _clean_char(text[j])
            if c.isdigit() and c.isascii():
                digits += c
                shape += pending + c
                pending = ""
                j += 1
                last_digit_end = j
                continue
            if c == "":
                j += 1
                continue
            m = TAG.match(text, j) or ENTITY.match(text, j)
            if m:
                j = m.end()
                continue
            if c in JOINERS and len(pending) < MAX_JOIN:
                pending += c
                j += 1
                continue
            break
        yield start, last_digit_end, digits, shape
        i = max(last_digit_end, i + 1)


def _context_ok(before: str, after: str, shape: str, digits: str) -> str | None:
    """A reason to leave this run alone (date, amount, version…), or None if it may be a number."""
    bare = digits.lstrip("+")
    if DATE.match(shape) or YEAR_RANGE.match(shape):
        return "date"
    if CURRENCY_BEFORE.search(before):
        return "amount"
    if UNIT_AFTER.match(after):
        return "quantity"
    if VERSION_BEFORE.search(before):
        return "version"
    groups = re.split(r"[^0-9]+", shape.lstrip("+"))
    if re.search(r"\d\.\d", shape) and re.search(r"[-\s,]", shape.strip()):
        return "list of decimals"  # drawing coordinates, measurements: 1.5 9.5-3
    if "." in shape and not re.search(r"[-\s()/]", shape.strip()):
        if len(groups) == 2 and len(groups[1]) <= 2:
            return "decimal"
        if len(groups) >= 3 and len(groups[0]) <= 2:
            return "version"
    if len(bare) > 15:
        return "long identifier"
    return None


def find_numbers(text: str, registry_forms: frozenset | set = frozenset(), skip_urls: bool = True) -> list[Finding]:
    """Every phone-number-like string in `text` with its 1-based line and column."""
    findings: list[Finding] = []
    scanned = _mask(text, URL) if skip_urls else text
    for m in TEL.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        digits = re.sub(r"[^0-9+]", "", "".join(_clean_char(c) for c in m.group(0)))
        findings.append(Finding(line, col, m.group(0), digits, "tel: link"))
    scanned = _mask(scanned, TEL)
    for start, end, digits, shape in _runs(scanned):
        bare = digits.lstrip("+")
        if len(bare) < 3:
            continue
        before = scanned[max(0, start - 12) : start]
        after = scanned[end : end + 12]
        if _context_ok(before, after, shape, digits):
            continue
        reason = None
        international = digits.startswith("+") or (bare.startswith("00") and len(bare) >= 9)
        if international and len(bare) >= 6:
            reason = "international number"
        elif len(bare) >= 7:
            reason = "phone number"
        elif len(bare) >= 5 and (bare in registry_forms or _is_short_code(bare)):
            reason = "service short code"
        elif len(bare) >= 3 and (bare in registry_forms or _is_short_code(bare)) and PHONE_WORDS.search(scanned[max(0, start - 16) : start]):
            reason = "short code after a phone word"
        if reason:
            line = text.count("\n", 0, start) + 1
            col = start - (text.rfind("\n", 0, start) + 1) + 1
            findings.append(Finding(line, col, text[start:end], digits, reason))
    return findings


def digits_key(digits: str) -> str:
    """The digit string used to compare a finding with registry forms (no +)."""
    return digits.lstrip("+")
