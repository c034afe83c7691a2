"""Every kind of published file read for the numbers a person could take from it.

One pass per file, dispatched on what the file is (its suffix in any case, else its first
bytes): HTML/XML/SVG and Markdown through markup.read_markup (text flow, attributes, comments,
scripts, styles), CSS through tinycss2 (strings and `content:` with escapes decoded, url(),
comments, counters), JavaScript with \\x39 \\u0039 \\u{39} and octal escapes decoded and "…"+"…"
joined, JSON walked value by value (HTML inside strings read as HTML), anything else as plain
text. Binary files (images, fonts) are skipped; gzip files are read inside; UTF-16 text is
decoded by its byte-order mark or its zero bytes.
"""

from __future__ import annotations

import bisect
import gzip
import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

import tinycss2

from scripts.detect import markup, segments
from scripts.detect.digits import has_digits
from scripts.detect.numbers import WORD_RUN, Hit, scan_text, scan_url

MARKUP_SUFFIXES = frozenset(".html .htm .xhtml .shtml .xml .svg .rss .atom .xsl .xslt .opml .kml .gpx .plist".split())
MARKDOWN_SUFFIXES = frozenset(".md .markdown .mdown .mkd .mdx".split())
CSS_SUFFIXES = frozenset(".css .scss .sass .less".split())
JS_SUFFIXES = frozenset(".js .mjs .cjs .jsx .ts .tsx .jsonp".split())
JSON_SUFFIXES = frozenset(".json .map .webmanifest .jsonld .geojson .har .topojson".split())
MAX_INFLATED = 64 * 1024 * 1024  # a gzip file larger than this inside is refused as a bomb


@dataclass(frozen=True)
class Located:
    """A number found in a file: where (line, column, and what part of the file), and what."""

    line: int
    column: int
    text: str
    digits: str
    reason: str
    where: str = ""


# --- decoding bytes ---------------------------------------------------------------------------


def decode(data: bytes) -> str | None:
    """The text of a file, or None if it is binary (an image, a font, an archive)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 without a mark: ASCII letters leave a zero in every other byte.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        half = len(head) // 2 or 1
        if odd > 0.3 * half and even < 0.05 * half:
            return data.decode("utf-16-le", errors="replace")
        if even > 0.3 * half and odd < 0.05 * half:
            return data.decode("utf-16-be", errors="replace")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        controls = sum(1 for b in head if b < 9 or 13 < b < 32)
        if controls > 0.1 * max(1, len(head)):
            return None
        return data.decode("utf-8", errors="replace")


class Unreadable(ValueError):
    """A published file the gate cannot read to the end (a compressed file too large inside)."""


def inflate(data: bytes) -> bytes | None:
    """The content of a gzip file (sitemap.xml.gz); None if it is not one; Unreadable if too large."""
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, MAX_INFLATED)
    except (zlib.error, gzip.BadGzipFile):
        return None
    if d.unconsumed_tail:
        raise Unreadable(f"more than {MAX_INFLATED // 1024 // 1024} MB once decompressed")
    return out


# --- readers ------------------------------------------------------------------------------------
# Each reader returns Raw findings: (line, column, the number as shown, digits, reason, part of the
# file), line and column counted in the text it was given.
Raw = tuple[int, int, str, str, str, str]


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """Line and column (1-based) of an offset in a text."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _raw(hits: list[Hit], text: str, where: str = "") -> list[Raw]:
    """Hits with line and column, counting line breaks once from hit to hit (hits come in order)."""
    found, line, last = [], 1, 0
    for h in sorted(hits, key=lambda h: h.start):
        line += text.count("\n", last, h.start)
        last = h.start
        column = h.start - (text.rfind("\n", 0, h.start) + 1) + 1
        found.append((line, column, text[h.start : h.end], h.digits, h.reason, where))
    return found


def _shifted(found: list[Raw], line: int, column: int, where: str) -> list[Raw]:
    """Findings of a piece that starts at (line, column) of the enclosing text."""
    return [
        (line + ln - 1, (column + col - 1) if ln == 1 else col, shown, digits, reason, w or where)
        for ln, col, shown, digits, reason, w in found
    ]


def _spelled(text: str) -> bool:
    """True if `text` may hold a number spelled in words (one test per file, not per string)."""
    return WORD_RUN.search(text.lower()) is not None


def read_text(source: str, forms) -> list[Raw]:
    return _raw(scan_text(source, forms), source)


def read_markup(source: str, forms) -> list[Raw]:
    forms = forms if isinstance(forms, frozenset) else frozenset(forms)  # hashable: pieces are remembered
    doc = markup.read_markup(source)
    return read_text(doc.text, forms) + read_pieces_of(doc, forms)


def read_page_markup(source: str, forms) -> list[Raw]:
    """A published HTML/XML page: a long one in parts, the parts every page repeats (header,
    navigation, footer) read once per build (scripts/detect/segments.py); same findings."""
    forms = forms if isinstance(forms, frozenset) else frozenset(forms)
    if len(source) >= segments.MIN_LENGTH:
        found = segments.read_in_parts(source, forms, read_text, read_pieces_of)
        if found is not None:
            return found
    return read_markup(source, forms)


def read_pieces_of(doc: markup.Markup, forms) -> list[Raw]:
    """Numbers in the side pieces of a document (attributes, comments, scripts, styles)."""
    found: list[Raw] = []
    for piece in doc.pieces:
        inner = read_piece(piece.kind, piece.text, forms) if len(piece.text) < 8192 else _read_piece(piece.kind, piece.text, forms)
        if inner:
            found += _shifted(list(inner), *_line_column(doc.base, piece.offset), piece.where)
    return found


@lru_cache(maxsize=8192)  # attributes, links and scripts repeat on every page of a site
def read_piece(kind: str, text: str, forms) -> tuple[Raw, ...]:
    """A side piece of a document (attribute, comment, script, style), remembered."""
    return tuple(_read_piece(kind, text, forms))


def _read_piece(kind: str, text: str, forms) -> list[Raw]:
    piece = markup.Piece(kind, text, 0)
    if piece.kind == "url":
        return [(1, 1, piece.text, h.digits, h.reason, "") for h in scan_url(piece.text, forms)]
    if piece.kind == "css":
        return read_css(piece.text, forms)
    if piece.kind == "css-declarations":
        return read_css(piece.text, forms, declarations=True)
    if piece.kind == "js":
        return read_js(piece.text, forms)
    if piece.kind == "json":
        return read_json(piece.text, forms)
    if piece.kind == "markup":
        return read_markup(piece.text, forms)
    return read_text(piece.text, forms)


# JavaScript: escapes a browser decodes before anything is shown, and string pieces joined by +.
_JS_DECODE = re.compile(
    r"\\x([0-9A-Fa-f]{2})|\\u\{([0-9A-Fa-f]{1,6})\}|\\u([0-9A-Fa-f]{4})|\\([0-3][0-7]{0,2}|[4-7][0-7]?)|\\(\r\n|[\s\S])"
    r"|([\"'`])\s*\+\s*([\"'`])"  # "400" + "6700700"
    r"|(?<=[0-9])[\"'`]\s*\+\s*(?=[0-9])|(?<=[0-9])\s*\+\s*[\"'`](?=[0-9])"  # "400" + 67 + "00700"
)


def _js_char(m: re.Match) -> str:
    if m.group(1) or m.group(2) or m.group(3):
        code = int(m.group(1) or m.group(2) or m.group(3), 16)
        return chr(code) if code <= 0x10FFFF else ""
    if m.group(4):
        return chr(int(m.group(4), 8))
    if m.group(5) is not None:
        return m.group(5)  # "\-" is "-"; a line continuation keeps its line break (lines must hold)
    return "\n" * m.group(0).count("\n")  # "400" + "6700700": one string on the page


def decode_js(source: str) -> str:
    """JavaScript (or JSON) text with escapes decoded and concatenated strings joined; lines kept."""
    return _JS_DECODE.sub(_js_char, source)


def read_js(source: str, forms) -> list[Raw]:
    return read_text(decode_js(source) if ("\\" in source or "+" in source) else source, forms)


def _json_values(value, path: str):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield f"{path} (key)", str(key)
            yield from _json_values(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_values(item, f"{path}[{index}]")
    elif isinstance(value, int) and not isinstance(value, bool):
        yield path, str(value)


_LOOKS_LIKE_MARKUP = re.compile(r"<[A-Za-z/!]")


# Between the strings of one JSON file when they are read together: no number reaches across it.
_JSON_GAP = "\x01" * 32


def read_json(source: str, forms) -> list[Raw]:
    """Every string (and integer) of a JSON file, HTML inside strings read as HTML.

    The strings are read together, two documents per file (markup and plain text) with a gap
    no number crosses: one pass instead of one per string, which matters for search indexes.
    """
    try:
        data = json.loads(source, strict=False)
        spelled = _spelled(source)
        values = [(path, text) for path, text in _json_values(data, "") if has_digits(text) or spelled]
    except (ValueError, RecursionError):
        return read_js(source, forms)  # JSONP, JSON with comments, too deep, or a script named .json
    # A string met again (a page copied, a block on many pages) is read once and reported at each place.
    paths_of: dict[str, list[str]] = {}
    for path, text in values:
        paths_of.setdefault(text, []).append(path)
    found: list[Raw] = []
    for markup_like in (True, False):
        chosen = [text for text in paths_of if bool(_LOOKS_LIKE_MARKUP.search(text)) == markup_like]
        if not chosen:
            continue
        gap = f"\n<hr>{_JSON_GAP}<hr>\n" if markup_like else f"\n{_JSON_GAP}\n"
        starts, line = [], 1
        for text in chosen:
            starts.append(line)
            line += text.count("\n") + 2
        joined = gap.join(chosen)
        for ln, _col, shown, digits, reason, where in (read_markup if markup_like else read_text)(joined, forms):
            text = chosen[bisect.bisect_right(starts, ln) - 1]
            line_no, column = _line_column(source, _locate(source, text))
            found += [(line_no, column, shown, digits, reason, f"{path} {where}".strip()) for path in paths_of[text]]
    return found


def _locate(source: str, text: str) -> int:
    """Roughly where a decoded JSON string sits in the file (for the line number of a finding)."""
    probe = json.dumps(text[:40], ensure_ascii=False)[1:-1]
    return max(source.find(probe), 0)


# CSS: strings, escapes and counters are what `content:` shows.
_CONTENT_LIKE = (
    "content",
    "counter-reset",
    "counter-set",
    "counter-increment",
    "quotes",
    "string-set",
    "symbols",
    "prefix",
    "suffix",
    "pad",
    "alt",
)


def read_css(source: str, forms, declarations: bool = False) -> list[Raw]:
    if not has_digits(source) and "\\" not in source:
        return []
    pieces: list[tuple[int, int, str, str]] = []  # (line, column, kind, text)

    def at(node) -> tuple[int, int]:
        return getattr(node, "source_line", 1) or 1, getattr(node, "source_column", 1) or 1

    def tokens(nodes, name: str | None, out: list[str]) -> None:
        joined = name == "content"  # content: "400" "670" "0700" shows 4006700700
        for node in nodes or ():
            kind = node.type
            if kind in ("string", "ident"):
                out.append(node.value)
            elif kind == "url":
                pieces.append((*at(node), "url", node.value))
            elif kind == "function":
                if node.lower_name in ("url", "src") and node.arguments:
                    value = "".join(getattr(a, "value", "") or "" for a in node.arguments if a.type in ("string", "url", "ident"))
                    pieces.append((*at(node), "url", value))
                else:
                    tokens(node.arguments, name, out)
            elif kind in ("() block", "[] block", "{} block"):
                tokens(node.content, name, out)
            elif kind in ("number", "percentage", "dimension") and name and (name in _CONTENT_LIKE or name.startswith("--")):
                out.append(node.representation)
            elif kind == "comment":
                pieces.append((*at(node), "text", node.value))
            elif kind == "whitespace" and not joined:
                out.append(" ")

    def block(nodes) -> None:
        for node in nodes:
            if node.type == "declaration":
                out: list[str] = []
                tokens(node.value, node.lower_name, out)
                if "".join(out).strip():
                    pieces.append((*at(node), "text", "".join(out)))
            elif node.type in ("qualified-rule", "at-rule"):
                out = []
                tokens(node.prelude, None, out)
                if "".join(out).strip():
                    pieces.append((*at(node), "text", "".join(out)))
                if node.content is not None:
                    block(tinycss2.parse_blocks_contents(node.content, skip_comments=False, skip_whitespace=True))
            elif node.type == "comment":
                pieces.append((*at(node), "text", node.value))

    if declarations:
        block(tinycss2.parse_blocks_contents(source, skip_comments=False, skip_whitespace=True))
    else:
        block(tinycss2.parse_stylesheet(source, skip_comments=False, skip_whitespace=True))
    found: list[Raw] = []
    for line, column, kind, text in pieces:
        if kind == "url":
            found += [(line, column, text, h.digits, h.reason, "url()") for h in scan_url(text, forms)]
        else:
            found += _shifted(read_text(text, forms), line, column, "CSS")
    return found


# --- files --------------------------------------------------------------------------------------


def kind_of(name: str, text: str) -> str:
    """markup, markdown, css, js, json or text: from the suffix in any case, else from the content."""
    suffix = PurePath(name).suffix.lower()
    if suffix in MARKUP_SUFFIXES:
        return "markup"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in CSS_SUFFIXES:
        return "css"
    if suffix in JS_SUFFIXES:
        return "js"
    if suffix in JSON_SUFFIXES:
        return "json"
    head = text.lstrip()[:1]
    if head == "<":
        return "markup"
    if head in ("{", "["):
        return "json"
    return "text"


READERS = {"markup": read_page_markup, "markdown": read_markup, "css": read_css, "js": read_js, "json": read_json, "text": read_text}


def read_document(name: str, text: str, forms=frozenset()) -> list[Located]:
    """Every number in the text of file `name`, with line, column and the part of the file it is in."""
    try:
        found = READERS[kind_of(name, text)](text, forms)
    except RecursionError:
        found = read_text(text, forms)  # nested beyond reason (CSS blocks, markup in JSON in markup…): read flat
    return [Located(*raw) for raw in sorted(found, key=lambda r: (r[0], r[1]))]


def read_file(name: str, data: bytes, forms=frozenset()) -> list[Located] | None:
    """Every number in a published file, or None for a binary file. Gzip files are read inside
    (a few layers deep); one too large inside raises Unreadable, so it is refused, not skipped."""
    for _ in range(3):
        if data[:2] != b"\x1f\x8b":
            break
        inner = inflate(data)
        if inner is None:
            return None
        name = name[:-3] if name.lower().endswith(".gz") else name
        data = inner
    text = decode(data)
    if text is None:
        return None
    return read_document(name, text, forms)
