"""Re-fetch the pages cited as evidence and report whether each still shows its channel's number.

Run weekly by .github/workflows/reverify.yml; locally: `python -m scripts.cli.reverify [--all]`.
Exit 0 when every source is ok, 1 when any is changed/missing/moved/invalid (a data problem for
an editor), 2 when the only problems are unreachable pages (so a flaky network is not mistaken
for a wrong number).

A fetch has one overall deadline (a server that drips a byte at a time cannot hold the run),
only http(s) is ever fetched, a malformed URL is reported on its own row, and a short number
(5 digits or fewer) only counts where the page presents it as a number to call or text. When the
live page fails and the source has an `archived` copy, the copy is checked too and linked in the
report for a reviewer.
"""

from __future__ import annotations

import argparse
import codecs
import html
import http.client
import ipaddress
import os
import re
import socket
import sys
import threading
import time
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import urlsplit

from scripts import paths
from scripts.registry.contacts import Contacts, RegistryError
from scripts.registry.dialing import dialable_forms, is_emergency, number_spans, sender_in_text
from scripts.registry.evidence import Policy, source_is_official
from scripts.registry.schema import Channel, ChannelKind, Publisher, Source
from scripts.registry.urls import registrable_domain as publisher_domain

USER_AGENT = (
    "WalletHelpCenter-reverify/1.0 (+https://github.com/wallet-help-center/wallet-help-center; weekly re-check of cited contact pages)"
)
DEFAULT_TIMEOUT = 15.0
MAX_BYTES = 2_000_000  # enough for any contact page; stops a huge or endless body from eating the run
EDIT_HINT = "re-check the page and update `checked` in data/contacts.yml, or remove the source"
# A number this short is only a match where the page presents it as something to call or text.
SHORT_DIGITS = 5
CONTEXT_CHARS = 60
PHONE_CONTEXT = re.compile(
    r"call|phone|tel\b|tel:|dial|hotline|helpline|ring|sms|text|message|contact|number|emergency|"
    r"电话|電話|热线|熱線|拨打|撥打|致电|致電|专线|專線|短信|短讯|短訊|号码|號碼|客服|报警|報警|求助|咨询|諮詢|举报|舉報|☎|📞",
    re.IGNORECASE,
)
FETCHED_SCHEMES = ("http", "https")
META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Pages labelled gb2312/gbk routinely contain characters outside those sets; gb18030 decodes them all.
CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


class Result(str, Enum):
    ok = "ok"
    changed = "changed"
    missing = "missing"
    moved = "moved"
    invalid = "invalid"  # the URL itself is malformed or not http(s): a data problem
    unreachable = "unreachable"


DATA_PROBLEMS = {Result.changed, Result.missing, Result.moved, Result.invalid}


@dataclass(frozen=True)
class Outcome:
    result: Result
    detail: str


@dataclass(frozen=True)
class Row:
    """One line of the report: one evidence source of one channel (and its archived copy, if checked)."""

    contact_id: str
    url: str
    outcome: Outcome
    archived: str | None = None
    archived_outcome: Outcome | None = None


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
        try:
            target = urlsplit(newurl)
            old, new = urlsplit(req.full_url).hostname or "", target.hostname or ""
        except ValueError:
            fp.close()
            raise _MovedAway(newurl) from None
        if target.scheme.lower() not in FETCHED_SCHEMES or registrable_domain(old) != registrable_domain(new):
            fp.close()
            raise _MovedAway(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Sockets:
    """Duplicates of the sockets one fetch opens, so the overall deadline can cut them from outside."""

    def __init__(self):
        self._lock = threading.Lock()
        self._fds: list[int] = []
        self.expired = False

    def create_connection(self, *args, **kwargs):
        sock = socket.create_connection(*args, **kwargs)
        with self._lock:
            self._fds.append(os.dup(sock.fileno()))
            if self.expired:
                self._cut()
        return sock

    def _cut(self) -> None:
        for fd in self._fds:
            try:
                cut = socket.socket(fileno=fd)
                try:
                    cut.shutdown(socket.SHUT_RDWR)  # wakes a blocked read in the worker thread
                except OSError:
                    pass
                cut.close()
            except OSError:
                pass
        self._fds = []

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            self._cut()

    def release(self) -> None:
        with self._lock:
            for fd in self._fds:
                try:
                    os.close(fd)
                except OSError:
                    pass
            self._fds = []


def _opener(sockets: _Sockets) -> urllib.request.OpenerDirector:
    """http and https only (no file:, ftp:, data:), same-site redirects, every socket tracked."""

    class Http(http.client.HTTPConnection):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._create_connection = sockets.create_connection

    class Https(http.client.HTTPSConnection):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._create_connection = sockets.create_connection

    class HttpHandler(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(Http, req)

    class HttpsHandler(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(Https, req, context=getattr(self, "_context", None))

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        HttpHandler(),
        HttpsHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _SameSiteRedirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def url_problem(url: str) -> str | None:
    """Why `url` cannot be fetched at all (malformed, not http/https); None when it can be tried."""
    if not isinstance(url, str) or not url or any(c.isspace() or ord(c) < 0x20 for c in url) or "\\" in url:
        return "is malformed (empty, or whitespace, control characters or backslashes inside)"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return f"is malformed ({exc})"
    if parts.scheme.lower() not in FETCHED_SCHEMES:
        return f"uses {parts.scheme or 'no'} scheme — only http(s) pages are fetched"
    if not parts.hostname:
        return "has no host"
    return None


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


def _fetch_now(url: str, timeout: float, deadline: float, sockets: _Sockets) -> str | Outcome:
    """The fetch itself (runs in a worker thread under the overall deadline)."""
    opener = _opener(sockets)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with opener.open(request, timeout=timeout) as response:
            chunks, size = [], 0
            while size <= MAX_BYTES and (chunk := response.read1(65536) if hasattr(response, "read1") else response.read(65536)):
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunks.append(chunk)
                size += len(chunk)
            return decode(b"".join(chunks)[:MAX_BYTES], response.headers.get_content_charset())
    except _MovedAway as moved:
        try:
            site = registrable_domain(urlsplit(moved.target).hostname or "")
        except ValueError:
            site = "a malformed address"
        return Outcome(
            Result.moved,
            f"redirects to another site or scheme ({site}): `{_cell(moved.target)}` — check whether the page moved and update `url`, or remove the source",
        )
    except urllib.error.HTTPError as exc:
        if exc.code in (404, 410):
            return Outcome(
                Result.missing, f"HTTP {exc.code} — find the page's new address and update `url` in data/contacts.yml, or remove the source"
            )
        return Outcome(Result.unreachable, f"HTTP {exc.code} — try again later; if it persists, open the page in a browser")
    except (OSError, ValueError) as exc:  # URLError and TimeoutError are OSErrors; ValueError: malformed URL
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError) or isinstance(exc, TimeoutError) or time.monotonic() > deadline:
            return Outcome(Result.unreachable, f"timed out after {timeout:g} s — try again later")
        return Outcome(Result.unreachable, f"could not connect ({reason}) — try again later; if it persists, check the URL")
    except Exception as exc:  # http.client protocol errors and the like: one bad site must not stop the run
        return Outcome(Result.unreachable, f"{type(exc).__name__} — try again later")


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT) -> str | Outcome:
    """The decoded body of `url`, or the Outcome that explains why there is none.

    `timeout` is one deadline for the whole fetch (DNS, connect, TLS, headers, body, redirects):
    the socket timeout alone is per read, so a server dripping a byte every half second would
    otherwise hold the run forever. At the deadline the fetch's sockets are shut down.
    """
    problem = url_problem(url)
    if problem:
        return Outcome(Result.invalid, f"the URL {problem} — fix `url` in data/contacts.yml")
    deadline = time.monotonic() + timeout
    sockets = _Sockets()
    box: list = []
    worker = threading.Thread(target=lambda: box.append(_fetch_now(url, timeout, deadline, sockets)), daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        sockets.expire()
        worker.join(1.0)
        return Outcome(Result.unreachable, f"timed out after {timeout:g} s (overall deadline for the page) — try again later")
    sockets.release()
    return box[0] if box else Outcome(Result.unreachable, "the fetch ended without an answer — try again later")


def page_text(markup: str) -> str:
    """Visible-ish text: tags become spaces (so cells do not merge), entities decoded, full-width folded (NFKC)."""
    return unicodedata.normalize("NFKC", html.unescape(re.sub(r"<[^>]*>", " ", markup)))


def in_phone_context(text: str, start: int, end: int) -> bool:
    """True when words near text[start:end] present it as a number to call or text (电话, hotline, SMS …)."""
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    return PHONE_CONTEXT.search(before) is not None or PHONE_CONTEXT.search(after) is not None


def _tel_link(markup: str, forms) -> bool:
    """A tel:/sms: link in the raw page whose digits are one of `forms`."""
    for match in re.finditer(r"""(?:tel|sms):\+?([0-9][0-9\-. ()%2Bb]*)""", markup, re.IGNORECASE):
        if re.sub(r"[^0-9]", "", match.group(1).replace("%2B", "").replace("%2b", "")) in forms:
            return True
    return False


def number_on_page(text: str, channel: Channel) -> bool:
    """True when the channel's number (any dialable form) or sender name appears in the page text.

    A form of 5 digits or fewer (110, 95188) counts only in phone context — call/电话/hotline/SMS
    words nearby, or a tel: link — so a page number, a year or an article number is not a match.
    """
    markup = text
    text = page_text(text)
    if channel.is_sender_name:
        return sender_in_text(text, channel.value)
    forms = dialable_forms(channel.value, channel.dial_region)
    long_forms = {f for f in forms if len(f) > SHORT_DIGITS}
    short_forms = forms - long_forms
    if long_forms and number_spans(text, long_forms):
        return True
    if short_forms:
        if any(in_phone_context(text, start, end) for start, end in number_spans(text, short_forms)):
            return True
        return _tel_link(markup, short_forms)
    return False


def check_source(url: str, channel: Channel, timeout: float = DEFAULT_TIMEOUT, fetcher: Fetcher = fetch) -> Outcome:
    """Fetch one cited page and decide whether it still supports `channel`."""
    problem = url_problem(url)
    if problem:
        return Outcome(Result.invalid, f"the URL {problem} — fix `url` in data/contacts.yml")
    try:
        page = fetcher(url, timeout)
    except Exception as exc:  # a fetcher must never stop the run
        return Outcome(Result.unreachable, f"{type(exc).__name__} while fetching — try again later")
    if isinstance(page, Outcome):
        return page
    if number_on_page(page, channel):
        return Outcome(Result.ok, f"{channel.value} is on the page")
    return Outcome(Result.changed, f"page fetched but {channel.value} is not on it — {EDIT_HINT}")


def check_numbering_plan(channel: Channel) -> Outcome:
    """Numbering-plan evidence is the installed libphonenumber metadata: re-check it, fetch nothing."""
    if is_emergency(channel.value, channel.dial_region):
        return Outcome(
            Result.ok, f"{channel.value} is an emergency number for {channel.dial_region} in libphonenumber's short-number metadata"
        )
    return Outcome(
        Result.changed,
        f"{channel.value} is no longer an emergency number for {channel.dial_region} in the installed metadata — cite a page or remove the channel",
    )


def reverify(contacts: Contacts, include_all: bool = False, timeout: float = DEFAULT_TIMEOUT, fetcher: Fetcher = fetch) -> list[Row]:
    """Check the sources of every phone/SMS channel, one request at a time, each URL fetched once."""
    pages: dict[str, str | Outcome] = {}

    def cached(url: str, timeout: float) -> str | Outcome:
        if url not in pages:  # several channels often cite one page: fetch it once per run
            try:
                pages[url] = fetcher(url, timeout)
            except Exception as exc:  # one broken fetch must not stop the run
                pages[url] = Outcome(Result.unreachable, f"{type(exc).__name__} while fetching — try again later")
        return pages[url]

    rows = []
    for contact in contacts.all():
        if contact.channel.kind not in (ChannelKind.phone, ChannelKind.sms):
            continue
        for source in contact.channel.evidence:
            if source.publisher is Publisher.numbering_plan:
                rows.append(Row(contact.id, source.url, check_numbering_plan(contact.channel)))
                continue
            if not (include_all or source_is_official(source, contact.provider, contacts.policy, contact.channel)):
                continue
            rows.append(_row(contact.id, source, contact.channel, timeout, cached))
    return rows


def _row(contact_id: str, source: Source, channel: Channel, timeout: float, fetcher: Fetcher) -> Row:
    """The live page's outcome; when it is not ok and an archived copy exists, the copy's outcome too."""
    outcome = check_source(source.url, channel, timeout, fetcher)
    archived = getattr(source, "archived", None)
    if outcome.result is Result.ok or not archived:
        return Row(contact_id, source.url, outcome, archived)
    return Row(contact_id, source.url, outcome, archived, check_source(archived, channel, timeout, fetcher))


def _cell(text: str) -> str:
    # Details can carry server-chosen text (redirect targets): keep it inside one table cell and code span.
    return text.replace("|", "%7C").replace("`", "%60").replace("\n", " ")


def _archived_cell(row: Row) -> str:
    """The archived copy's link for a reviewer, and what it shows when the live page failed."""
    if not row.archived:
        return ""
    if row.archived_outcome is None:
        return _cell(row.archived)
    verdict = {
        Result.ok: "shows the number — compare it with the live page before editing",
        Result.changed: "does not show the number either",
    }.get(row.archived_outcome.result, f"{row.archived_outcome.result.value}: {row.archived_outcome.detail}")
    return f"{_cell(row.archived)} — {_cell(verdict)}"


def render_report(rows: list[Row], include_all: bool = False) -> str:
    """The Markdown report: one table row per source, then a count per result."""
    scope = "every cited source" if include_all else "official sources only"
    lines = [
        "# Re-verification of cited sources",
        "",
        f"{len(rows)} sources of phone and SMS channels checked ({scope}).",
        "",
        "| Contact | URL | Result | Detail | Archived copy |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| `{r.contact_id}` | {_cell(r.url)} | **{r.outcome.result.value}** | {_cell(r.outcome.detail)} | {_archived_cell(r)} |"
        for r in rows
    ]
    lines += ["", "## Summary", "", "| Result | Count |", "|---|---|"]
    lines += [f"| {result.value} | {sum(r.outcome.result is result for r in rows)} |" for result in Result]
    return "\n".join(lines) + "\n"


def exit_code(rows: list[Row]) -> int:
    """0 all ok; 1 any changed/missing/moved; 2 only unreachable ones (retry before editing data)."""
    results = {r.outcome.result for r in rows}
    if results & DATA_PROBLEMS:
        return 1
    return 2 if Result.unreachable in results else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.cli.reverify", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--contacts", type=Path, default=paths.CONTACTS, help="registry file (default: data/contacts.yml)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per request (default: %(default)g)")
    parser.add_argument("--report", type=Path, help="also write the Markdown report to this file")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--only-official", dest="include_all", action="store_false", help="only sources that count as official (default)")
    scope.add_argument(
        "--all", dest="include_all", action="store_true", help="every cited source: also a link check of news and other sources"
    )
    parser.set_defaults(include_all=False)  # else --only-official's store_false would make "all" the default
    args = parser.parse_args(argv)
    try:
        contacts = Contacts.load(args.contacts, Policy.load())
    except RegistryError as exc:
        print(exc, file=sys.stderr)
        return 1
    rows = reverify(contacts, args.include_all, args.timeout, fetch)
    report = render_report(rows, args.include_all)
    sys.stdout.write(report)
    if args.report:
        args.report.write_text(report, encoding="utf-8")
    return exit_code(rows)


if __name__ == "__main__":
    sys.exit(main())
