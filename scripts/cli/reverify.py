"""Re-fetch the pages cited as evidence and report whether each still shows its channel's number.

Run weekly by .github/workflows/reverify.yml; locally: `python -m scripts.cli.reverify [--all]`.
Exit 0 when every source is ok, 1 when any is changed/missing/moved (a data problem for an
editor), 2 when the only problems are unreachable pages (so a flaky network is not mistaken
for a wrong number).
"""

from __future__ import annotations

import argparse
import codecs
import html
import ipaddress
import re
import sys
import time
import unicodedata
import urllib.error
import urllib.request
from dataclasses import dataclass
from enum import Enum
from itertools import accumulate
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from scripts import paths
from scripts.registry.schema import Channel, ChannelKind
from scripts.registry.evidence import Policy, source_is_official
from scripts.registry.evidence import registrable_domain as publisher_domain
from scripts.registry.dialing import dialable_forms
from scripts.registry.contacts import Contacts

USER_AGENT = "WalletHelpCenter-reverify/1.0 (+https://github.com/wallet-help-center/wallet-help-center; weekly re-check of cited contact pages)"
DEFAULT_TIMEOUT = 15.0
MAX_BYTES = 2_000_000  # enough for any contact page; stops a huge or endless body from eating the run
EDIT_HINT = "re-check the page and update `checked` in data/contacts.yml, or remove the source"
# Characters that may sit between the digits of one number on a page: "95 188", "400-893-9888", "(0)300".
SEPARATORS = r"[\s\-.()\[\]/+\u2010-\u2015]"
NUMBER_RUN = re.compile(rf"[0-9]+(?:{SEPARATORS}+[0-9]+)*")
META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Pages labelled gb2312/gbk routinely contain characters outside those sets; gb18030 decodes them all.
CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


class Result(str, Enum):
    ok = "ok"
    changed = "changed"
    missing = "missing"
    moved = "moved"
    unreachable = "unreachable"


@dataclass(frozen=True)
class Outcome:
    result: Result
    detail: str


@dataclass(frozen=True)
class Row:
    """One line of the report: one evidence source of one channel."""

    contact_id: str
    url: str
    outcome: Outcome


Fetcher = Callable[[str, float], "str | Outcome"]


def registrable_domain(host: str) -> str:
    """The site a host belongs to; an IP address or single-label host (localhost) is its own site."""
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    # Same heuristic the evidence policy uses to tell two publishers apart.
    return publisher_domain(host) if "." in host else host


class _MovedAway(Exception):
    def __init__(self, target: str):
        super().__init__(target)
        self.target = target


class _SameSiteRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects within one site (http→https, www.→cs.) but stop at a different site.

    A cross-site redirect may be a domain sale or a parked page: it must never count as the
    provider's page still stating the number.
    """

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        old, new = urlsplit(req.full_url).hostname or "", urlsplit(newurl).hostname or ""
        if registrable_domain(old) != registrable_domain(new):
            fp.close()
            raise _MovedAway(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def decode(body: bytes, header_charset: str | None) -> str:
    """Text of a page: declared charset (header, then <meta>), else UTF-8, gb18030, latin-1; never raises."""
    meta = META_CHARSET.search(body[:4096])
    declared = header_charset or (meta.group(1).decode("ascii") if meta else None)
    candidates = [declared, "utf-8", "gb18030"] if declared else ["utf-8", "gb18030"]
    for name in candidates:
        try:
            name = CHARSET_ALIASES.get(name.lower(), name)
            codecs.lookup(name)  # an unknown label on a page is skipped, not fatal
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("latin-1")  # maps every byte: the last resort cannot fail


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT) -> str | Outcome:
    """The decoded body of `url`, or the Outcome that explains why there is none."""
    opener = urllib.request.build_opener(_SameSiteRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    deadline = time.monotonic() + timeout  # the socket timeout is per read: a slow drip must not run forever
    try:
        with opener.open(request, timeout=timeout) as response:
            chunks, size = [], 0
            while size <= MAX_BYTES and (chunk := response.read(65536)):
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunks.append(chunk)
                size += len(chunk)
            return decode(b"".join(chunks)[:MAX_BYTES], response.headers.get_content_charset())
    except _MovedAway as moved:
        site = registrable_domain(urlsplit(moved.target).hostname or "")
        return Outcome(Result.moved, f"redirects to another site ({site}): `{_cell(moved.target)}` — check whether the page moved and update `url`, or remove the source")
    except urllib.error.HTTPError as exc:
        if exc.code in (404, 410):
            return Outcome(Result.missing, f"HTTP {exc.code} — find the page's new address and update `url` in data/contacts.yml, or remove the source")
        return Outcome(Result.unreachable, f"HTTP {exc.code} — try again later; if it persists, open the page in a browser")
    except (OSError, ValueError) as exc:  # URLError and TimeoutError are OSErrors; ValueError: malformed URL
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError) or isinstance(exc, TimeoutError):
            return Outcome(Result.unreachable, f"timed out after {timeout:g} s — try again later")
        return Outcome(Result.unreachable, f"could not connect ({reason}) — try again later; if it persists, check the URL")
    except Exception as exc:  # http.client protocol errors and the like: one bad site must not stop the run
        return Outcome(Result.unreachable, f"{type(exc).__name__} — try again later")


def page_text(markup: str) -> str:
    """Visible-ish text: tags become spaces (so cells do not merge), entities decoded, full-width folded (NFKC)."""
    return unicodedata.normalize("NFKC", html.unescape(re.sub(r"<[^>]*>", " ", markup)))


def _digit_runs(text: str):
    """Each number-like run as (digits, group boundaries): "955 88" → ("95588", {0, 3, 5})."""
    for match in NUMBER_RUN.finditer(text):
        groups = re.findall(r"[0-9]+", match.group())
        yield "".join(groups), {0, *accumulate(map(len, groups))}


def number_on_page(text: str, channel: Channel) -> bool:
    """True when the channel's number (any dialable form) or sender name appears in the page text."""
    text = page_text(text)
    if channel.is_sender_name:
        name = re.escape(channel.value.casefold())
        return re.search(rf"(?<![a-z0-9#]){name}(?![a-z0-9])", text.casefold()) is not None
    forms = dialable_forms(channel.value, channel.dial_region)
    for digits, bounds in _digit_runs(text):
        for form in forms:
            # A form must start and end on group edges: 95188 is in "95188-2" but not in "1995188".
            start = digits.find(form)
            while start != -1:
                if start in bounds and start + len(form) in bounds:
                    return True
                start = digits.find(form, start + 1)
    return False


def check_source(url: str, channel: Channel, timeout: float = DEFAULT_TIMEOUT, fetcher: Fetcher = fetch) -> Outcome:
    """Fetch one cited page and decide whether it still supports `channel`."""
    page = fetcher(url, timeout)
    if isinstance(page, Outcome):
        return page
    if number_on_page(page, channel):
        return Outcome(Result.ok, f"{channel.value} is on the page")
    return Outcome(Result.changed, f"page fetched but {channel.value} is not on it — {EDIT_HINT}")


def reverify(contacts: Contacts, include_all: bool = False, timeout: float = DEFAULT_TIMEOUT, fetcher: Fetcher = fetch) -> list[Row]:
    """Check the sources of every phone/SMS channel, one request at a time, each URL fetched once."""
    pages: dict[str, str | Outcome] = {}

    def cached(url: str, timeout: float) -> str | Outcome:
        if url not in pages:  # several channels often cite one page: fetch it once per run
            pages[url] = fetcher(url, timeout)
        return pages[url]

    rows = []
    for contact in contacts.all():
        if contact.channel.kind not in (ChannelKind.phone, ChannelKind.sms):
            continue
        for source in contact.channel.evidence:
            if include_all or source_is_official(source, contact.provider, contacts.policy):
                rows.append(Row(contact.id, source.url, check_source(source.url, contact.channel, timeout, cached)))
    return rows


def _cell(text: str) -> str:
    # Details can carry server-chosen text (redirect targets): keep it inside one table cell and code span.
    return text.replace("|", "%7C").replace("`", "%60").replace("\n", " ")


def render_report(rows: list[Row], include_all: bool = False) -> str:
    """The Markdown report: one table row per source, then a count per result."""
    scope = "every cited source" if include_all else "official sources only"
    lines = [
        "# Re-verification of cited sources", "",
        f"{len(rows)} sources of phone and SMS channels checked ({scope}).", "",
        "| Contact | URL | Result | Detail |", "|---|---|---|---|",
    ]
    lines += [f"| `{r.contact_id}` | {_cell(r.url)} | **{r.outcome.result.value}** | {r.outcome.detail.replace('|', '%7C')} |" for r in rows]
    lines += ["", "## Summary", "", "| Result | Count |", "|---|---|"]
    lines += [f"| {result.value} | {sum(r.outcome.result is result for r in rows)} |" for result in Result]
    return "\n".join(lines) + "\n"


def exit_code(rows: list[Row]) -> int:
    """0 all ok; 1 any changed/missing/moved; 2 only unreachable ones (retry before editing data)."""
    results = {r.outcome.result for r in rows}
    if results & {Result.changed, Result.missing, Result.moved}:
        return 1
    return 2 if Result.unreachable in results else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.cli.reverify", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contacts", type=Path, default=paths.CONTACTS, help="registry file (default: data/contacts.yml)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per request (default: %(default)g)")
    parser.add_argument("--report", type=Path, help="also write the Markdown report to this file")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--only-official", dest="include_all", action="store_false", help="only sources that count as official (default)")
    scope.add_argument("--all", dest="include_all", action="store_true", help="every cited source: also a link check of news and other sources")
    parser.set_defaults(include_all=False)  # else --only-official's store_false would make "all" the default
    args = parser.parse_args(argv)
    rows = reverify(Contacts.load(args.contacts, Policy.load()), args.include_all, args.timeout, fetch)
    report = render_report(rows, args.include_all)
    sys.stdout.write(report)
    if args.report:
        args.report.write_text(report, encoding="utf-8")
    return exit_code(rows)


if __name__ == "__main__":
    sys.exit(main())
