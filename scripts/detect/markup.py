"""HTML, XML, SVG and Markdown-with-HTML read the way a browser shows them.

`read_markup` reads a document in two linear passes of compiled patterns and returns:

- the text flow: every text node joined as a reader sees it, entities and numeric references
  decoded; inline elements (span, b, a, wbr…) and comments join with nothing, block elements
  and <br> with a space, line breaks stay (a space or line break is one of the joiners people
  put between the groups of a number), so a number split across tags, comments or lines is
  still one number;
- side pieces, each read on its own: attribute values (as text, a link, CSS, JS, JSON or a
  document), comment bodies, <title>/<textarea> text, <script> and <style> bodies, autolinks.

Every piece knows where it came from, so findings point at a line of the source file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from scripts.detect.digits import DIGIT_CHARS, DIGIT_LIKE

_RAW_NAMES = "script|style|textarea|title|xmp"

# Everything in a document that is not plain text; the text between is copied as it is. The
# pattern starts with one character class so the regex engine jumps from "<" or "&" to the next.
TOKEN = re.compile(
    r"""
    [<&](?:
     (?<=<)(?P<comment>!--(?:>|->|.*?(?:--!?>|\Z)))  # <!--> and <!---> close at once, as in browsers
    |(?<=<)(?P<cdata>!\[CDATA\[(?P<cdatabody>.*?)(?:\]\]>|\Z))
    |(?<=<)(?P<decl>![^>]*>|\?[^>]*>)
    |(?<=<)(?P<raw>(?P<rawname>script|style|textarea|title|xmp)(?=[\s>/])(?P<rawattrs>(?:[^>"']|"[^"]*"|'[^']*')*)>
        (?P<rawbody>.*?)(?:</(?P=rawname)\s*>|\Z))
    |(?<=<)(?P<end>/(?P<endname>[A-Za-z][^\s/>]*)[^>]*>)
    |(?<=<)(?P<tag>(?P<name>[A-Za-z][^\s/>]*)(?P<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>)
    |(?<=&)(?P<entity>(?:\#[0-9]{1,8}|\#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?)
    )
    """,
    re.S | re.I | re.X,
)
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")

# Elements that do not break the line of text they sit in: their neighbours' digits join.
INLINE = frozenset(
    "a abbr acronym b bdi bdo big cite code data del dfn em font i img ins kbd label mark nobr q rb rp rt rtc ruby "
    "s samp small span strike strong sub sup time tt u var wbr tspan textpath output slot picture".split()
)
URL_ATTRIBUTES = frozenset(
    "href src action formaction cite poster data background longdesc xlink:href ping manifest codebase itemid "
    "profile usemap icon dynsrc lowsrc archive classid".split()
)
# Drawing geometry, hashes and machine settings: never read by a person.
SKIPPED_ATTRIBUTES = frozenset(
    "integrity nonce crossorigin d points viewbox transform x y x1 x2 y1 y2 cx cy r rx ry dx dy fx fy width height "
    "stroke-width stroke-dasharray stroke-dashoffset stroke-miterlimit offset opacity fill-opacity stroke-opacity "
    "font-size font-weight letter-spacing word-spacing path keytimes keysplines keypoints gradienttransform "
    "patterntransform version tabindex colspan rowspan span size maxlength minlength min max step sizes media type rel "
    "charset lang xml:lang hreflang dir datetime xmlns basefrequency numoctaves seed preserveaspectratio "
    "vector-effect fill-rule clip-rule stroke-linecap stroke-linejoin aria-hidden role k1 k2 k3 k4 stddeviation "
    "kernelmatrix tablevalues slope intercept amplitude exponent order radius scale surfacescale specularexponent "
    "diffuseconstant specularconstant limitingconeangle pointsatx pointsaty pointsatz azimuth elevation".split()
)
# Worth parsing a tag's attributes only if something in it can be or hide a digit.
_INTERESTING = re.compile(f"{DIGIT_LIKE.pattern}|[&%\\\\]")


@dataclass(frozen=True)
class Piece:
    """Something to read on its own: kind is text, url, css, css-declarations, js, json or markup."""

    kind: str
    text: str
    offset: int  # where it starts in the source
    where: str = ""  # what it is, for messages: an attribute name, "comment", "<script>"


@dataclass
class Markup:
    text: str  # the text flow: line k is line k of the source
    base: str  # the source after the bulk pass: piece offsets point into it, lines are the source's
    pieces: list
    # True if every "<" of `base` starts or sits in a token and no token ran to the end of the text
    # (an unclosed comment, script or CDATA section): text after a line break that ends such a
    # document is read the same on its own as after it (see scripts/detect/segments.py).
    closed: bool = False


def _unescape(text: str) -> str:
    return html.unescape(text) if "&" in text else text


def _attribute_kind(tag: str, name: str, value: str) -> str | None:
    if name in SKIPPED_ATTRIBUTES or name.startswith("xmlns"):
        return None
    if name in URL_ATTRIBUTES:
        return "url"
    if name == "srcset":
        return "srcset"
    if name == "style":
        return "css-declarations"
    if name.startswith("on"):
        return "js"
    if name.startswith("data-") and value.lstrip()[:1] in ("{", "["):
        return "json"
    if name == "srcdoc" or ("<" in value and ">" in value):
        return "markup"  # a document inside an attribute: <iframe srcdoc="…">
    return "text"


def _read_tag(m: re.Match, pieces: list) -> None:
    """Attribute values of one start tag, each as a piece of its own kind."""
    start = m.start()
    pieces += [Piece(kind, value, start + offset, where) for kind, value, offset, where in _tag_pieces(m.group(0))]


@lru_cache(maxsize=16384)  # icons, links and navigation tags repeat on every page of a site
def _tag_pieces(tag_text: str) -> tuple[tuple[str, str, int, str], ...]:
    """(kind, value, offset in the tag, where) for every attribute of a start tag worth reading."""
    m = TOKEN.match(tag_text)
    if m is None or m.lastgroup != "tag":
        return ()
    tag = m.group("name").lower()
    attrs_text = m.group("attrs") or ""
    base = m.start("attrs")
    found = []
    for a in ATTRIBUTE.finditer(attrs_text):
        name = a.group(1).lower()
        raw = a.group(2) if a.group(2) is not None else a.group(3) if a.group(3) is not None else a.group(4)
        offset = base + a.start()
        if DIGIT_LIKE.search(name):
            found.append(("text", name, offset, f"<{tag}> attribute name"))
        if raw is None:
            continue
        value = _unescape(raw)
        kind = _attribute_kind(tag, name, value)
        if kind is None or not _INTERESTING.search(raw):
            continue
        if kind == "srcset":
            for candidate in value.split(","):
                url = candidate.strip().split(" ")[0]
                if url:
                    found.append(("url", url, offset, f"{name}="))
        else:
            found.append((kind, value, offset, f"{name}="))
    return tuple(found)


_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)


def _script_kind(attrs_text: str) -> str:
    m = _TYPE.search(attrs_text or "")
    kind = m.group(1).lower() if m else ""
    if "json" in kind:
        return "json"
    if kind and not any(word in kind for word in ("javascript", "ecmascript", "module", "jscript", "babel")):
        return "markup"  # templates and other data blocks: usually HTML waiting to be inserted
    return "js"


def _lines(text: str) -> str:
    """The line breaks of `text` (what a replaced token must keep so line numbers hold)."""
    return "\n" * text.count("\n")


# What re.IGNORECASE lets an ASCII letter match besides its two cases (Python documents exactly these
# four): tag-name patterns are spelled out with them and compiled without the flag, which is faster.
_CASE_EXTRAS = "\u0130\u0131\u017f\u212a"  # İ ı ſ K


def _any_case(text: str) -> str:
    """A pattern matching `text` (letters, digits, -) exactly as re.IGNORECASE would."""
    out = []
    for ch in text:
        if ch.isascii() and ch.isalpha():
            same = ch.lower() + ch.upper() + "".join(x for x in _CASE_EXTRAS if re.fullmatch(ch, x, re.I))
            out.append("[" + re.escape(same) + "]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _plain_tag() -> re.Pattern:
    """A start or end tag on one line with nothing in it that is or hides a digit (no digit-like
    character, entity, percent-encoding or escape): swapped in bulk, no attribute is read.

    Case-insensitive in its tag names as re.IGNORECASE would be, without the flag (see _any_case);
    the other characters it tests have no case."""
    quiet = f"[^>\"'\n&%\\\\{re.escape(DIGIT_CHARS)}\U00010000-\U0010ffff]"
    quiet_dq = quiet.replace("[^>\"'", '[^"')
    quiet_sq = quiet.replace("[^>\"'", "[^'")
    body = f"(?:{quiet}++|\"{quiet_dq}*+\"|'{quiet_sq}*+')*+>"
    raw = "|".join(_any_case(name) for name in _RAW_NAMES.split("|"))
    first, rest = f"[A-Za-z{_CASE_EXTRAS}]", f"[A-Za-z0-9{_CASE_EXTRAS}-]"
    return re.compile(f"</?(?!(?:{raw})[\\s/>])({first}{rest}*)(?=[\\s/>]){body}")


_PLAIN_TAG = _plain_tag()


def _plain(m: re.Match) -> str:
    return "" if m.group(1).lower() in INLINE else " "


def _plain_tags(source: str) -> str:
    """`_PLAIN_TAG.sub(_plain, source)` without a Python call per tag: one split by the same pattern
    gives the text between the tags and each tag's name (its one group), in order."""
    parts = _PLAIN_TAG.split(source)
    parts[1::2] = ["" if name.lower() in INLINE else " " for name in parts[1::2]]
    return "".join(parts)


class _Reader:
    """What replaces each remaining token of a document, and the pieces to read on their own.

    Replacements keep every line break of the token, so a line of the text flow is the same
    line of the source; columns move (they are a hint in messages, lines are the address).
    """

    def __init__(self):
        self.pieces: list[Piece] = []
        self.covered = 0  # "<" inside tokens
        self.end = 0  # where the last token ended

    def __call__(self, m: re.Match) -> str:
        kind = m.lastgroup
        token = m.group(0)
        self.covered += token.count("<")
        self.end = m.end()
        if kind == "end":
            return ("" if m.group("endname").lower() in INLINE else " ") + _lines(token)
        if kind == "tag":
            name = m.group("name").lower()
            if (":" in name or "@" in name) and not (m.group("attrs") or "").strip():
                # A Markdown autolink, <tel:95188> or <https://…>: a link, and shown as text.
                self.pieces.append(Piece("url", token[1:-1], m.start() + 1, "autolink"))
                return " "
            if _INTERESTING.search(token):
                _read_tag(m, self.pieces)
            return ("" if name in INLINE else " ") + _lines(token)
        if kind == "entity":
            return html.unescape(token)
        if kind == "comment":
            body = token[4:].removesuffix(">").removesuffix("!").rstrip("-")
            if DIGIT_LIKE.search(body) or "&" in body:
                self.pieces.append(Piece("text", body, m.start() + 4, "comment"))
            return _lines(token)  # a comment between digits hides nothing: "95<!-- -->188" reads 95188
        if kind == "cdata":
            return (
                _lines(token[: m.start("cdatabody") - m.start()]) + m.group("cdatabody") + _lines(token[m.end("cdatabody") - m.start() :])
            )
        if kind == "raw":
            self._raw(m)
            return " " + _lines(token)
        return _lines(token)  # <!DOCTYPE …>, <?xml …?>

    def _raw(self, m: re.Match) -> None:
        name = m.group("rawname").lower()
        body = m.group("rawbody") or ""
        attrs_text = m.group("rawattrs") or ""
        if _INTERESTING.search(attrs_text):
            fake = TOKEN.match(f"<{name}{attrs_text}>")
            if fake is not None and fake.lastgroup == "tag":
                shifted: list[Piece] = []
                _read_tag(fake, shifted)
                self.pieces += [Piece(p.kind, p.text, m.start() + p.offset, p.where) for p in shifted]
        if name == "script":
            self.pieces.append(Piece(_script_kind(attrs_text), body, m.start("rawbody"), "<script>"))
        elif name == "style":
            self.pieces.append(Piece("css", body, m.start("rawbody"), "<style>"))
        elif name == "xmp":
            self.pieces.append(Piece("text", body, m.start("rawbody"), f"<{name}>"))
        else:  # title, textarea: text the reader sees, entities decoded
            self.pieces.append(Piece("text", _unescape(body), m.start("rawbody"), f"<{name}>"))


def read_markup(source: str) -> Markup:
    """The text flow and side pieces of an HTML/XML/SVG document or a Markdown page with HTML in it.

    Two passes, both line-preserving: plain one-line tags are swapped in bulk for nothing (inline
    elements) or a space (block elements); then every remaining token (tags with digits or
    entities in them, comments, scripts, styles, entities) goes through `_Reader`. Offsets of
    pieces are offsets in `Markup.base`, which has the source's lines.
    """
    base = _plain_tags(source) if "<" in source else source
    reader = _Reader()
    text = TOKEN.sub(reader, base) if ("<" in base or "&" in base) else base
    closed = reader.covered == base.count("<") and (reader.end < len(base) or not base)
    return Markup(text, base, reader.pieces, closed)
