"""Find phone numbers in text the way a person reads them, however they are disguised.

Shared by the page-source rule (HC001: no typed numbers in docs/) and the output gate (HC300:
every number in the built site is a registry entry). Works on plain text; documents.py turns
HTML, CSS, JS and JSON into the text a reader meets, and urls.py reads links.

How a number is read:

1. Digits are folded to ASCII (digits.fold): any Unicode digit, Chinese numerals, O/l/I inside
   digit groups. Positions do not move.
2. Shapes that are not numbers are masked (ordinary.SHAPES): dates, times, standards, IPs,
   thousands-grouped figures.
3. A run is digit groups joined by what people put between digits (spaces of every kind,
   dashes, dots, slashes, bars, bullets, brackets, Markdown emphasis, invisible characters,
   "分机"/"ext."), at most three joiners between two groups.
4. A run is cut into numbers: a registry number stays whole; two registry numbers side by side
   are two numbers; a run too long for one number is cut where a valid number ends.
5. Each number is judged: excuses from its neighbours (currency, unit, context word) unless it is
   unmistakably a phone number; then by length: 7+ digits is a phone number, 5–6 digits a short
   code if the digits are one, 3–4 digits only next to a phone word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import shortnumberinfo

from scripts.detect import ordinary, urls
from scripts.detect.digits import INVISIBLE, fold, has_digits

SHORT_CODE_REGIONS = ("CN", "HK", "SG", "GB", "MY", "US", "PH", "JP", "KE")
VALID_REGIONS = ("CN", "HK", "MO", "TW", "SG", "GB", "MY", "US", "PH", "JP", "KE", "ID", "IN", "AU")
PRIMARY_REGIONS = ("CN", "HK", "MO", "TW", "SG", "GB")  # where most readers are: a tie goes to their numbers
MAX_DIGITS = 15  # E.164: no phone number is longer
MAX_GROUPS = 6  # no phone number is written in more groups than this

_INV = f"[{re.escape(INVISIBLE)}]"  # (invisible characters beyond the BMP are folded to U+200B)
# What people put between the groups of one number. Markdown emphasis and escapes (* _ ` ~ \)
# are here too: in a page source they sit between digits the reader sees as one number.
_PUNCT = "-‐‑‒–—―⁃−﹘﹣－˗.．·•‧∙⋅・･‥/／⁄∕\\|｜¦│()（）[]［］【】〔〕_＿*＊`~～〜"
_TIGHT = ",'’，"  # only straight between two digits: "400,670,0700" but not "1, 2, 3"
JOINERS = _PUNCT + _TIGHT
EXTENSION = r"(?:分机号?|分機號?|转|轉|(?i:ext\.?|extn\.?|extension)(?![A-Za-z]))"
# A stretch of spaces counts once, whatever invisible characters or markup padding sit in it.
_UNIT = rf"(?:(?>\s[\s{re.escape(INVISIBLE)}]*)|[{re.escape(_PUNCT)}]|{EXTENSION})"
_JOIN = rf"(?:{_INV}*+(?:{_UNIT}{_INV}*+){{0,3}}|{_INV}*+[{_TIGHT}]{_INV}*+)"
# Starts with a digit class so the regex engine can jump from digit to digit.
RUN = re.compile(rf"[0-9]++(?:{_JOIN}[0-9]++)*+")
_PLUS_BEFORE = re.compile(rf"\+(?:[\s(（]|{_INV}){{0,3}}$")
_WINDOW = 24  # context read around a run: masks (dates, standards) and words before and after
CONTEXT = 160  # the most text read on either side of a run (words are looked for in its visible part)
_GROUP = re.compile(r"[0-9]+")
_HAS_EXTENSION = re.compile(EXTENSION)
_INVISIBLE_RE = re.compile(_INV)
_WS = re.compile(r"\s+")
_SPACE = re.compile(r"\s")
_GROUPED = re.compile(r"\+?[0-9]+(?:[-\s().]{1,3}[0-9]+)+")  # written the way phone numbers are

WORD_DIGITS = {
    "zero": "0",
    "oh": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
WORD = "(?:" + "|".join(WORD_DIGITS) + ")"
# Read on lower-cased text: a pattern that starts with literal words is found fast.
WORD_RUN = re.compile(rf"{WORD}(?:[\s,\-–.]{{1,3}}{WORD}){{2,}}(?![a-z])")
_VANITY = re.compile(r"(?<![0-9A-Za-z])(\+?[0-9]{1,4}(?:[-\s.][0-9]{2,4}){1,3}[-\s.]?)([A-Z]{4,8})(?![A-Za-z])")
_VANITY_HINT = re.compile(r"[0-9][-\s.]?[A-Z]{4}")
_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")


@dataclass(frozen=True)
class Finding:
    line: int
    column: int
    text: str  # the number as written, disguises included
    digits: str  # ASCII digits only, a leading + kept
    reason: str


@dataclass(frozen=True)
class Hit:
    """A number found in one string: offsets into that string."""

    start: int
    end: int
    digits: str
    reason: str


@lru_cache(maxsize=65536)  # the same digit strings recur on every page of a site
def is_short_code(digits: str) -> bool:
    for region in SHORT_CODE_REGIONS:
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if shortnumberinfo.is_valid_short_number_for_region(number, region):
            return True
    return False


@lru_cache(maxsize=65536)
def is_valid_number(digits: str, regions: tuple = ()) -> bool:
    """A full phone number in one of the regions this site serves (national form, or with + / 00)."""
    bare = digits.lstrip("+")
    if len(bare) < 7 or len(bare) > MAX_DIGITS + 2:
        return False
    if digits.startswith("+") or bare.startswith("00"):
        try:
            return phonenumbers.is_valid_number(phonenumbers.parse("+" + bare.removeprefix("00"), None))
        except phonenumbers.NumberParseException:
            return False
    for region in regions or VALID_REGIONS:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(bare, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def digits_key(digits: str) -> str:
    """The digit string used to compare a finding with registry forms (no +)."""
    return digits.lstrip("+")


# --- one run of digit groups ---------------------------------------------------------------------


class _Run:
    """The groups of one run: offsets, digits and the joiners between them."""

    __slots__ = ("plus", "first", "starts", "ends", "digits", "joins", "folded")

    def __init__(self, folded: str, start: int, end: int):
        self.folded = folded
        self.first = start  # where the run starts, a leading + included
        body = folded[start:end]
        self.plus = body.startswith("+")
        groups = list(_GROUP.finditer(body))
        self.starts = [start + g.start() for g in groups]
        self.ends = [start + g.end() for g in groups]
        self.digits = [g.group(0) for g in groups]
        self.joins = [folded[self.ends[k] : self.starts[k + 1]] for k in range(len(groups) - 1)]

    def number(self, i: int, j: int) -> str:
        return ("+" if self.plus and i == 0 else "") + "".join(self.digits[i : j + 1])

    def start(self, i: int) -> int:
        return self.first if i == 0 else self.starts[i]

    def shape(self, i: int, j: int) -> str:
        text = self.folded[self.start(i) : self.ends[j]]
        return _WS.sub(" ", _INVISIBLE_RE.sub("", text))


def _cut(run: _Run, lo: int, hi: int, forms) -> list[tuple[int, int]]:
    """Groups lo..hi cut into numbers (inclusive index pairs)."""
    whole = run.number(lo, hi)
    bare = whole.lstrip("+")
    if bare in forms or hi == lo:
        return [(lo, hi)]
    # Registry numbers side by side, with at most one- or two-digit figures between them.
    parts = _registry_parts(run, lo, hi, forms)
    if parts:
        return parts
    if len(bare) <= MAX_DIGITS:
        return [(lo, hi)]
    return _split(run, lo, hi, forms)


def _split(run: _Run, lo: int, hi: int, forms) -> list[tuple[int, int]]:
    """A run too long for one number, cut into as many valid numbers as possible (fewest pieces on a tie)."""
    # index -> (cost, last piece); cost counts pieces that are no number, only a short code, valid
    # only far from this site's readers, then pieces at all: the cheapest cut is the likeliest reading.
    best: dict[int, tuple[tuple[int, ...], tuple[int, int] | None]] = {lo: ((0, 0, 0, 0), None)}
    for i in range(lo, hi + 1):
        if i not in best:
            continue
        (bad, short, far, count), _ = best[i]
        total = 0
        for j in range(i, min(hi, i + MAX_GROUPS - 1) + 1):
            total += len(run.digits[j])
            if total > MAX_DIGITS and j > i:
                break
            # (A single group longer than any number is a piece of its own: an identifier, judged so.)
            number = run.number(i, j)
            full = number.lstrip("+") in forms or is_valid_number(number)
            brief = not full and total >= 5 and is_short_code(number)
            near = full and (number.lstrip("+") in forms or is_valid_number(number, PRIMARY_REGIONS))
            cost = (bad + (0 if full or brief else 1), short + brief, far + (full and not near), count + 1)
            if j + 1 not in best or cost < best[j + 1][0]:
                best[j + 1] = (cost, (i, j))
    pieces: list[tuple[int, int]] = []
    k = hi + 1
    while k != lo:
        piece = best[k][1]
        assert piece is not None  # every index after lo was reached by a piece
        pieces.append(piece)
        k = piece[0]
    return pieces[::-1]


def _registry_parts(run: _Run, lo: int, hi: int, forms) -> list[tuple[int, int]] | None:
    """Cut lo..hi into registry numbers, each maybe followed by tiny figures (<= 2 digits), if possible.

    A tiny figure may follow a registry number ("95017 | 1" in a table) but never lead one:
    "+86 10 95017" and "1 95017" are other numbers that merely end like a registry number.
    """
    if not forms:
        return None
    reach: dict[int, tuple[int, int] | None] = {lo: None}  # first group index -> the part ending before it
    for i in range(lo, hi + 1):
        if i not in reach:
            continue
        total = 0
        for j in range(i, min(hi, i + MAX_GROUPS - 1) + 1):
            total += len(run.digits[j])
            if total > MAX_DIGITS + 2:
                break
            digits = run.number(i, j).lstrip("+")
            tiny = j == i and len(digits) <= 2 and i > lo and not run.number(i, j).startswith("+")
            if (digits in forms or tiny) and j + 1 not in reach:
                reach[j + 1] = (i, j)
    if hi + 1 not in reach:
        return None
    parts: list[tuple[int, int]] = []
    k = hi + 1
    while k != lo:
        part = reach[k]
        assert part is not None  # every index after lo was reached by a part
        parts.append(part)
        k = part[0]
    parts.reverse()
    if not any(run.number(i, j).lstrip("+") in forms for i, j in parts):
        return None
    return [(i, j) for i, j in parts if len(run.number(i, j).lstrip("+")) > 2]


def _judge(run: _Run, i: int, j: int, forms, phone_context: bool, depth: int = 0, excused: bool = False) -> list[Hit]:
    """Findings for groups i..j of a run (a peeled-off unit or currency may leave a number behind)."""
    folded = run.folded
    start, end = run.start(i), run.ends[j]
    digits = run.number(i, j)
    bare = digits.lstrip("+")
    if len(bare) < 3:
        return []
    before = _visible(folded[max(0, start - CONTEXT) : start])[-24:]
    after = _visible(folded[end : end + CONTEXT])[:12]
    international = digits.startswith("+") or (bare.startswith("00") and len(bare) >= 9)
    if not ordinary.unmistakable(bare, international):
        if i == j and len(bare) > MAX_DIGITS:
            return []  # one long identifier (an order or transaction number)
        if ordinary.unit_after(after):
            # "4006700700 5 分钟": the unit counts the last figure, not what stands before it.
            if j > i and depth < 2 and _SPACE.search(run.joins[j - 1]):
                return _judge(run, i, j - 1, forms, phone_context, depth + 1, excused)
            return []
        if ordinary.currency_before(before):
            if all(len(d) == 3 for d in run.digits[i + 1 : j + 1]):
                return []  # RMB 1 000 000
            if j > i and depth < 2 and _SPACE.search(run.joins[i]):
                return _judge(run, i + 1, j, forms, phone_context, depth + 1, excused)
            return []
        if not digits.startswith("+") and ordinary.VERSION_BEFORE.search(before):
            return []
        if excused or ordinary.shape_excuse(run.shape(i, j)) or ordinary.context_word_before(before):
            return []
    reason = None
    if international and len(bare) >= 6:
        reason = "international number"
    elif len(bare) >= 7:
        reason = "phone number"
    else:
        known = bare in forms or is_short_code(bare)
        if len(bare) >= 5 and known:
            reason = "service short code"
        elif known and (phone_context or ordinary.phone_word_near(before[-16:], after)):
            reason = "short code after a phone word"
    return [Hit(start, end, digits, reason)] if reason else []


def _visible(text: str) -> str:
    """Text without invisible characters (markup padding included), for reading the words around a number."""
    return _INVISIBLE_RE.sub("", text) if _INVISIBLE_RE.search(text) else text


def _windows(masked: str) -> list[tuple[int, int]]:
    """Stretches of text around runs of 3+ digits, merged where they touch."""
    windows: list[tuple[int, int]] = []
    n = len(masked)
    for m in RUN.finditer(masked):
        if m.end() - m.start() < 3 or sum(map(str.isdigit, m.group(0))) < 3:
            continue
        a, b = max(0, m.start() - _WINDOW), min(n, m.end() + _WINDOW)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    return windows


def _scan_runs(folded: str, masked: str, forms) -> list[Hit]:
    hits: list[Hit] = []
    for a, b in _windows(masked):
        # Dates, times and standards are masked only here, near digits: scanning for them across
        # all text would cost more than everything else together.
        window = ordinary.mask_shapes(masked[a:b])
        for m in RUN.finditer(window):
            start, end = a + m.start(), a + m.end()
            plus = _PLUS_BEFORE.search(masked, max(0, start - 6), start)
            run = _Run(folded, plus.start() if plus else start, end)
            if sum(map(len, run.digits)) < 3:
                continue
            hits += _scan_run(run, forms)
    return hits


def _scan_run(run: _Run, forms) -> list[Hit]:
    hits: list[Hit] = []
    # Blocks between extension words ("分机", "ext."): the extension belongs to the number before it.
    blocks, lo = [], 0
    for k, join in enumerate(run.joins):
        if _HAS_EXTENSION.search(join):
            blocks.append((lo, k, True))
            lo = k + 1
    blocks.append((lo, len(run.digits) - 1, False))
    # A context word before the run ("卡号 6222 0212 3456 7890 123") covers every number it is cut into.
    start = run.start(0)
    excused = ordinary.context_word_before(_visible(run.folded[max(0, start - CONTEXT) : start])[-24:])
    previous_had_extension = False
    for lo, hi, has_extension in blocks:
        is_extension = previous_had_extension and sum(len(d) for d in run.digits[lo : hi + 1]) <= 6
        previous_had_extension = has_extension
        if is_extension:
            continue
        for i, j in _cut(run, lo, hi, forms):
            hits += _judge(run, i, j, forms, phone_context=has_extension and j == hi, excused=excused)
    return hits


def lower(text: str) -> str:
    """`text` lower-cased character by character, so an offset in it is the same offset in `text`
    (str.lower turns İ into two characters; such a character is kept as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _scan_words(text: str, forms) -> list[Hit]:
    """Numbers spelled out digit by digit in English words ("nine five one eight eight")."""
    hits = []
    lowered = lower(text)  # same length: offsets hold
    for m in WORD_RUN.finditer(lowered):
        if m.start() and lowered[m.start() - 1].isalpha():
            continue  # "someone two three": not a word of its own
        digits = "".join(WORD_DIGITS[w] for w in re.findall(WORD, m.group(0)))
        around = (lowered[max(0, m.start() - 16) : m.start()], lowered[m.end() : m.end() + 12])
        if len(digits) >= 7 or (len(digits) >= 5 and (digits in forms or is_short_code(digits))):
            hits.append(Hit(m.start(), m.end(), digits, "number spelled in words"))
        elif len(digits) >= 3 and (digits in forms or is_short_code(digits)) and ordinary.phone_word_near(*around):
            hits.append(Hit(m.start(), m.end(), digits, "short code spelled in words"))
    return hits


def _scan_vanity(text: str) -> list[Hit]:
    """Numbers with letters for the last digits, read off a keypad: 1-800-FLOWERS."""
    hits = []
    for m in _VANITY.finditer(text):
        digits = re.sub(r"[^0-9+]", "", m.group(1)) + m.group(2).translate(_KEYPAD)
        if len(digits.lstrip("+")) >= 10 and is_valid_number(digits):
            hits.append(Hit(m.start(), m.end(), digits, "number with keypad letters"))
    return hits


def _blank(text: str, spans) -> str:
    """`text` with every (start, end) span replaced by a character that joins nothing."""
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], "\x01" * (end - start)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def scan_text(text: str, forms=frozenset(), read_urls: bool = True) -> list[Hit]:
    """Every number in one string of reader-visible text, with offsets into it."""
    hits: list[Hit] = []
    if has_digits(text):
        folded = fold(text)
        masked = folded
        if read_urls:
            spans = urls.url_spans(folded)
            for start, end in spans:
                hits += [Hit(start + h.start, start + h.end, h.digits, h.reason) for h in scan_url(text[start:end], forms)]
            masked = _blank(folded, spans)
        hits += _scan_runs(folded, masked, forms)
        if _VANITY_HINT.search(folded):
            hits += _scan_vanity(folded)
    if len(text) > 12 and WORD_RUN.search(lower(text)):
        hits += _scan_words(text, forms)
    return sorted(hits, key=lambda h: h.start)


def scan_url(url: str, forms=frozenset()) -> list[Hit]:
    """Numbers in a link: all of a tel:/sms:/wa.me/?phone= address; elsewhere only valid phone numbers.

    Offsets span the whole link: decoding moves characters, and the link is what to fix.
    """
    hits: list[Hit] = []
    end = len(url)
    for part in urls.read_url(url):
        if part.kind == "phone":
            for address in urls.addresses(part.text):
                digits = _address_digits(address)
                if len(digits.lstrip("+")) >= 3:
                    hits.append(Hit(0, end, digits, f"{part.label} link"))
        elif part.kind == "text":
            hits += [Hit(0, end, h.digits, h.reason) for h in scan_text(part.text, forms, read_urls=False)]
        else:
            hits += [Hit(0, end, h.digits, h.reason) for h in scan_identifier(part.text, forms)]
    return hits


def scan_identifier(text: str, forms=frozenset()) -> list[Hit]:
    """Numbers in an identifier (a path, a host, a file name, a query value).

    Identifiers hold ids, dates and timestamps: only a number that cannot be anything else
    (ordinary.unmistakable), or a valid one grouped the way phone numbers are written, counts.
    """
    hits = []
    for h in scan_text(text, forms, read_urls=False):
        shown = text[h.start : h.end]
        grouped = _GROUPED.fullmatch(fold(shown)) is not None
        if ordinary.unmistakable(h.digits.lstrip("+"), h.digits.startswith("+")) or (grouped and is_valid_number(h.digits)):
            hits.append(Hit(h.start, h.end, h.digits, f"{h.reason} in a link or name"))
    return hits


def _address_digits(address: str) -> str:
    folded = fold(address)
    folded = folded.translate(_KEYPAD) if re.search(r"[0-9].*[A-Z]{3}", folded) else folded
    digits = re.sub(r"[^0-9]", "", folded)
    return ("+" if folded.lstrip(" (/~").startswith("+") else "") + digits


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def find_numbers(text: str, registry_forms: frozenset | set = frozenset(), skip_urls: bool = True) -> list[Finding]:
    """Every phone-number-like string in `text` with its 1-based line and column.

    `registry_forms` are digit strings of registry numbers: they stay whole when they stand next
    to other figures, and count as short codes. Links (tel:, https://…) are read as links when
    `skip_urls` is true, otherwise as plain text.
    """
    return [
        Finding(*_position(text, h.start), text[h.start : h.end], h.digits, h.reason)
        for h in scan_text(text, registry_forms, read_urls=skip_urls)
    ]
