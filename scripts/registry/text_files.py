"""Read an editor-written file as clean UTF-8 text, or say exactly what is wrong with it and where.

Every file the build reads (data/*.yml, docs/**/*.md) goes through `read_text`: a symbolic link,
a byte-order mark, invalid UTF-8, NUL bytes (binary data), invisible control characters or an
oversized file each give `path:line: RULE what — fix` instead of a traceback.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from scripts.registry.errors import InputError

MAX_TEXT_BYTES = 2_000_000
# C0 controls other than tab/newline/CR, DEL, C1 controls, bidirectional overrides and isolates
# (they make text display differently from how it reads), and a byte-order mark inside the text.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069\ufeff]")


def _line(data, position: int) -> int:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data[:position].count(newline) + 1


def decode_text(data: bytes, path: Path, rule: str) -> str:
    """`data` as text with `\\n` line ends (as MkDocs reads it); InputError if it is not clean UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        raise InputError(f"{path}:1: {rule} the file starts with a byte-order mark (BOM) — save it as UTF-8 without BOM")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{path}:1: {rule} the file is UTF-16, not UTF-8 — save it as UTF-8 without BOM")
    nul = data.find(b"\0")
    if nul >= 0:
        raise InputError(
            f"{path}:{_line(data, nul)}: {rule} the file contains NUL bytes (binary data) — only plain UTF-8 text is allowed here; remove the binary content"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}:{_line(data, exc.start)}: {rule} the file is not valid UTF-8 (byte 0x{data[exc.start]:02x}) — "
            f"save it as UTF-8 in your editor"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _FORBIDDEN.search(text)
    if bad:
        raise InputError(
            f"{path}:{_line(text, bad.start())}: {rule} invisible control character U+{ord(bad.group()):04X} — "
            f"delete it (it can make text display differently from what it says)"
        )
    return text


def read_text(path: Path, rule: str, max_bytes: int = MAX_TEXT_BYTES) -> str:
    """The text of `path`, refusing links, unreadable, oversized, binary or non-UTF-8 files."""
    path = Path(path)
    try:
        if path.is_symlink():
            raise InputError(
                f"{path}:1: {rule} the file is a symbolic link — commit the file itself (a link can loop or point outside the repository)"
            )
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{path}:1: {rule} the file does not exist — create it or fix the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}:1: {rule} this is a directory, not a file — rename it") from None
    except OSError as exc:
        raise InputError(f"{path}:1: {rule} the file cannot be read ({exc.strerror or exc}) — replace it with a plain text file") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}:1: {rule} the file is larger than {max_bytes} bytes — split it or remove what does not belong in it")
    return decode_text(data, path, rule)
