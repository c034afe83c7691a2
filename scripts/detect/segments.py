"""A long page read in parts, each part remembered: the header, navigation and footer that repeat
on every page of a site are read once, and the page's own text every time.

Reading the parts on their own must find exactly what reading the whole page finds. Two things
could differ at a cut, and each is proved at every cut, or the parts are read together:

1. **The markup.** A part is cut off right after a line break. Read alone, it must be `closed`
   (markup.read_markup): every "<" in it starts or sits in a token, and no token ran to the end of
   the text. Then the tokens of the page are the tokens of its parts: a token that matched ended
   inside the part (every token's pattern either ends at a fixed character or runs to the end of
   the text), the bulk pass never crosses a line break, and an "&" that is no entity cannot reach
   past one. Text flows and side pieces of closed parts follow one another.
2. **The numbers in the text flow.** A number, or a word read around it, must not reach across the
   cut. The detector reads at most `numbers.CONTEXT` characters on either side of a run of digits,
   joins digit groups over spaces and punctuation (never over a letter that is no extension word,
   a Chinese character other than 分机号转, or other symbols: `_BARRIER`), and spells numbers in
   words (`WORD_RUN`, whose words but the first stand alone). So a cut is kept only if no digit
   (after folding, numbers.fold) lies within `ZONE` characters of it, a barrier character stands
   between the last digit before it and the first digit after it, and no digit word standing
   alone lies within `WORDS` characters. Text flows joined by a cut that fails are read together,
   from the parts' flows (no markup is read again), and remembered too.

The bookkeeping is a few list passes and regex searches over the joined flows of the page, not a
Python step per character: a page has hundreds of parts.

`tests/detect/test_segments.py` checks the equality on generated documents (Hypothesis) and on the
built site.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, pairwise

from scripts.detect import markup, numbers
from scripts.detect.digits import INVISIBLE, fold

# Reading a page in parts pays off for long pages only.
MIN_LENGTH = 16_384
# Cut right after a line break that comes before a tag a theme repeats from page to page.
_CUT = re.compile(
    r"\n(?=[ \t]*<(?:li|nav|header|footer|main|aside|article|script|div|label|button|link|meta|title|body|form|a|input|ul|p|h[1-6]|section|span)[\s>/])"
)
ZONE = 200  # > numbers.CONTEXT: no digit this close to a cut
WORDS = 64  # no digit word this close to a cut
MAX_MERGES = 16  # parts glued together before the rest of the page is read as one part
MEMORY = 200_000  # parts remembered per registry; forgotten all at once beyond this
_DIGIT = re.compile(r"[0-9]")
# What numbers join across (numbers._JOIN): digits, spaces, invisible characters, joiners and the
# letters of extension words (分机号 分機號 转 轉 ext extn extension, in any case: re.IGNORECASE also
# lets ſ, ı and İ stand for s and i). Anything else is a barrier no number crosses.
_BARRIER = re.compile(rf"[^0-9\s{re.escape(INVISIBLE)}{re.escape(numbers.JOINERS)}分机號机号機转轉EXTNSIOextnsio\u017f\u0131\u0130\x01]")
# A digit word standing alone: every word of a spelled number but its first stands alone (numbers.WORD_RUN).
# Each word starts with its letter (then looks behind it), so the engine jumps between candidates.
_WORD_ALONE = re.compile("(?:" + "|".join(f"{w[0]}(?<![a-z]{w[0]}){w[1:]}" for w in numbers.WORD_DIGITS) + ")(?![a-z])")
assert numbers.CONTEXT < ZONE


Raw = tuple[int, int, str, str, str, str]


@dataclass(frozen=True)
class Part:
    """What one part holds when read on its own (lines counted from the part's first line)."""

    closed: bool
    lines: int  # line breaks in the part
    flow: str  # its text flow
    folded: str  # the flow folded (numbers.fold): same length
    digits: tuple[int, ...]  # where the folded flow has a digit
    words: tuple[tuple[int, int], ...]  # where it has a digit word standing alone (start, end)
    in_flow: tuple[Raw, ...]  # numbers in the flow read alone
    in_pieces: tuple[Raw, ...]  # numbers in attributes, comments, scripts…


def pieces(source: str) -> list[str]:
    """The parts of a page in one call, without the line break that ends each but the last."""
    return _CUT.split(source)


def _part(text: str, forms, read_text, read_pieces) -> Part:
    # Digits and words never reach across the line break a part's flow ends with (fold reads
    # digit-like letters inside one word, a word is letters), so their places are the part's own.
    doc = markup.read_markup(text)
    flow = doc.text
    folded = fold(flow)
    words = tuple((m.start(), m.end()) for m in _WORD_ALONE.finditer(numbers.lower(flow)))
    digits = tuple(m.start() for m in _DIGIT.finditer(folded))
    return Part(
        closed=doc.closed,
        lines=text.count("\n"),
        flow=flow,
        folded=folded,
        digits=digits,
        words=words,
        # No digit and no digit word: nothing to find (a spelled number has words standing alone).
        in_flow=tuple(read_text(flow, forms)) if digits or words else (),
        in_pieces=tuple(read_pieces(doc, forms)),
    )


@lru_cache(maxsize=8)
def _memory(forms, read_text, read_pieces) -> dict:
    """What has been read with these numbers allowed and these readers (a build has one of each):
    parts by their text, the last part of a page under ("end", text), flows read together under
    ("flow", text)."""
    return {}


def _parts(cut: list[str], forms, read_text, read_pieces) -> list[Part]:
    """Each part read alone (remembered), an open part glued to the next until it closes.

    `cut` holds the parts without the line break each but the last ends with (re.split takes it
    out): remembered under the piece, read with its line break."""
    memory = _memory(forms, read_text, read_pieces)
    if len(memory) > MEMORY:
        memory.clear()
    get = memory.get
    parts = [get(piece) or memory.setdefault(piece, _part(piece + "\n", forms, read_text, read_pieces)) for piece in cut[:-1]]
    tail = ("end", cut[-1])  # the last piece has no line break after it: remembered apart
    parts.append(get(tail) or memory.setdefault(tail, _part(cut[-1], forms, read_text, read_pieces)))
    if all(part.closed for part in parts[:-1]):
        return parts
    texts = [piece + "\n" for piece in cut[:-1]] + cut[-1:]
    glued: list[Part] = []
    k, merges = 0, 0
    while k < len(texts):
        part, text = parts[k], texts[k]
        k += 1
        while not part.closed and k < len(texts):
            merges += 1
            if merges > MAX_MERGES:  # much open markup: the rest of the page is one part
                text, k = text + "".join(texts[k:]), len(texts)
            else:
                text, k = text + texts[k], k + 1
            part = _part(text, forms, read_text, read_pieces)
        glued.append(part)
    return glued


def _unsafe_cuts(parts: list[Part], starts: list[int]) -> set[int]:
    """Indexes k of the cuts (after parts[k]) whose two sides' text flows must be read together.
    `starts` holds where each part's flow starts in the page's flow, and where the last one ends."""
    digits = [start + d for part, start in zip(parts, starts, strict=False) if part.digits for d in part.digits]
    bad = [(d - ZONE, d + ZONE) for d in digits]
    bad += [(start + a - WORDS, start + b + WORDS) for part, start in zip(parts, starts, strict=False) if part.words for a, b in part.words]
    if len(digits) > 1:
        # Two digits far apart with no barrier between them could be one number across every cut between.
        far = [(a, b) for a, b in pairwise(digits) if b - a > 2 * ZONE]
        if far:
            folded = "".join([part.folded for part in parts])
            bad += [(a, b) for a, b in far if _BARRIER.search(folded, a + 1, b) is None]
    if not bad:
        return set()
    bad.sort()
    unsafe: set[int] = set()
    ends = starts[1:]  # the cut after parts[k] sits at ends[k]
    lo, hi = bad[0]
    for a, b in [*bad[1:], (1 << 62, 1 << 62)]:  # merged: one search per stretch of trouble
        if a <= hi:
            hi = max(hi, b)
            continue
        unsafe.update(range(bisect_left(ends, lo), bisect_right(ends, hi)))
        lo, hi = a, b
    unsafe.discard(len(parts) - 1)
    return unsafe


def _flow_findings(flow: str, forms, read_text, read_pieces) -> tuple[Raw, ...]:
    """Numbers in text flows read together, remembered: the same parts meet again on other pages."""
    memory = _memory(forms, read_text, read_pieces)
    key = ("flow", flow)
    found = memory.get(key)
    if found is None:
        found = memory[key] = tuple(read_text(flow, forms))
    return found


def read_in_parts(source: str, forms, read_text, read_pieces) -> list[Raw] | None:
    """What reading `source` whole finds, read part by part; None if it has no parts worth it.

    `read_text(flow, forms)` reads a text flow and `read_pieces(doc, forms)` the side pieces of a
    markup.Markup, both returning Raw findings (line 1 is the first line of what they were given);
    they must be hashable: they key the memory."""
    cut = pieces(source)
    if len(cut) < 2:
        return None
    parts = _parts(cut, forms, read_text, read_pieces)
    unsafe = _unsafe_cuts(parts, [0, *accumulate([len(part.flow) for part in parts])])
    lines = [0, *accumulate([part.lines for part in parts])]  # line breaks before each part
    found: list[Raw] = []
    for k in [k for k, part in enumerate(parts) if part.in_pieces or part.in_flow]:
        part = parts[k]
        if part.in_pieces:
            found += _shift(part.in_pieces, lines[k])
        if part.in_flow and k not in unsafe and k - 1 not in unsafe:
            found += _shift(part.in_flow, lines[k])
    # Runs of parts joined by unsafe cuts: their flows are read together.
    first = 0
    for k in sorted(unsafe):
        if k - 1 not in unsafe:
            first = k
        if k + 1 not in unsafe:
            flow = "".join([part.flow for part in parts[first : k + 2]])
            found += _shift(_flow_findings(flow, forms, read_text, read_pieces), lines[first])
    return found


def _shift(found, lines: int) -> list[Raw]:
    return [(line + lines, *rest) for line, *rest in found] if lines else list(found)
