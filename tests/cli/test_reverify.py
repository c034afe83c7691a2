"""Re-verification: each cited page is fetched from a loopback server and classified correctly."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from scripts.cli import reverify
from scripts.cli.reverify import Outcome, Result, Row, check_source, decode, exit_code, fetch, render_report
from scripts.registry.contacts import Contacts
from scripts.registry.evidence import Policy
from scripts.registry.schema import Channel
from tests.conftest import TODAY

SHORT = "95999"  # fictional CN short code, written in disguise on the pages below
LONG = "+44 300 123 2040"
GBK_PAGE = "<html><body><p>客服热线：９５９９９（工作时间 9:00-18:00）</p></body></html>"

# path -> (status, extra headers, body). Full-width digits in the GBK pages only read as
# 95999 when the bytes are decoded with the right charset.
PAGES = {
    "/spaced": (200, {}, "<p>Call 9 5 9 9 9 for help.</p>"),
    "/fullwidth": (200, {}, "<p>客服：９５９９９</p>"),
    "/tags": (200, {}, "<p>Hotline <b>959</b><span>99</span>-2</p>"),
    "/entities": (200, {}, "<p>Hotline: &#57;5&nbsp;999</p>"),
    "/no-context": (200, {}, "<p>Article 95999 of the rules, page 95999.</p>"),
    "/tel-link": (200, {}, '<a href="tel:95999">ring us</a>'),
    "/file-redirect": (302, {"Location": "file:///etc/passwd"}, ""),
    "/ftp-redirect": (302, {"Location": "ftp://127.0.0.1/x"}, ""),
    "/national": (200, {}, "<td>Phone</td><td>0300&nbsp;123&#8209;2040</td>"),
    "/intl": (200, {}, "<li>From abroad: (+44) 300.123.2040</li>"),
    "/changed": (200, {}, "<p>New hotline: 95998. Reference 1959990, code 959990.</p>"),
    "/sender": (200, {}, "<p>Official texts come from <b>mpesa</b>.</p>"),
    "/sender-lookalike": (200, {}, "<p>Texts from MPESAX are fake.</p>"),
    "/gone": (404, {}, "not here"),
    "/removed": (410, {}, "removed"),
    "/broken": (503, {}, "try later"),
    "/hop": (302, {"Location": "/spaced"}, ""),
    "/gbk-header": (200, {"Content-Type": "text/html; charset=GBK"}, GBK_PAGE.encode("gbk")),
    "/gbk-meta": (200, {"Content-Type": "text/html"}, ('<html><head><meta charset="gb2312"></head>' + GBK_PAGE).encode("gbk")),
    # Big5 bytes also decode (wrongly) as gb18030: only the declared charset gives the right text.
    "/big5-header": (200, {"Content-Type": "text/html; charset=big5"}, "<p>客服專線：９５９９９</p>".encode("big5")),
}


class Handler(BaseHTTPRequestHandler):
    hits: dict = {}

    def do_GET(self):
        path = urlsplit(self.path).path
        Handler.hits[path] = Handler.hits.get(path, 0) + 1
        if path == "/slow":
            time.sleep(2)  # longer than the 0.3 s timeout the test passes
        if path in ("/drip", "/drip-headers"):
            self._drip(path)
            return
        if path == "/elsewhere":
            # Same server, other host name: a different site as far as the checker can tell.
            status, headers, body = 301, {"Location": f"http://localhost:{self.server.server_port}/spaced"}, ""
        else:
            status, headers, body = PAGES.get(path, (200, {}, "<p>95999</p>"))
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        self.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", **headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except OSError:  # the client gave up (timeout test)
            pass

    def log_message(self, *args):
        pass

    def _drip(self, path):
        """One byte every 0.1 s for 30 s: each read succeeds, so a per-read timeout never fires."""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n"
        body = b"<p>95999</p>" + b" " * 988
        data = head + body if path == "/drip-headers" else body
        if path == "/drip":
            self.wfile.write(head)
            self.wfile.flush()
        try:
            for byte in data[:300]:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:  # the checker hung up: what the deadline is for
            pass


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Loopback requests must never be sent to a proxy from the environment."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def channel(value=SHORT, region="CN", kind="phone"):
    return Channel.model_validate(
        {
            "id": "hotline",
            "kind": kind,
            "value": value,
            "dial_region": region,
            "evidence": [
                {
                    "url": "https://example-wallet.com/contact",
                    "publisher": "provider",
                    "checked": TODAY.isoformat(),
                    "note": "What the page says about it.",
                }
            ],
        }
    )


def check(server, path, ch=None, timeout=3.0):
    return check_source(server + path, ch or channel(), timeout=timeout)


@pytest.mark.parametrize("path", ["/spaced", "/fullwidth", "/tags", "/entities", "/hop"])
def test_number_still_on_the_page_in_disguised_formatting(server, path):
    outcome = check(server, path)
    assert outcome.result is Result.ok, outcome.detail


@pytest.mark.parametrize("path", ["/national", "/intl"])
def test_any_dialable_form_counts(server, path):
    assert check(server, path, channel(LONG, "GB")).result is Result.ok


def test_changed_number_is_reported_and_a_number_inside_another_is_not_a_match(server):
    outcome = check(server, "/changed")
    assert outcome.result is Result.changed
    assert "data/contacts.yml" in outcome.detail and SHORT in outcome.detail


def test_sender_name_matches_case_insensitively_as_a_whole_word(server):
    sender = channel("MPESA", "KE", kind="sms")
    assert check(server, "/sender", sender).result is Result.ok
    assert check(server, "/sender-lookalike", sender).result is Result.changed


@pytest.mark.parametrize("path,code", [("/gone", "404"), ("/removed", "410")])
def test_gone_pages_are_missing(server, path, code):
    outcome = check(server, path)
    assert outcome.result is Result.missing and code in outcome.detail and "`url`" in outcome.detail


def test_server_error_is_unreachable_not_a_data_problem(server):
    outcome = check(server, "/broken")
    assert outcome.result is Result.unreachable and "503" in outcome.detail


def test_redirect_to_another_site_is_moved_and_not_followed(server):
    Handler.hits.pop("/spaced", None)
    outcome = check(server, "/elsewhere")
    assert outcome.result is Result.moved
    assert "localhost" in outcome.detail
    assert "/spaced" not in Handler.hits  # the cross-site target was never fetched


def test_slow_page_times_out_as_unreachable(server):
    started = time.monotonic()
    outcome = check(server, "/slow", timeout=0.3)
    assert outcome.result is Result.unreachable and "timed out" in outcome.detail
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_dripping_server_cannot_hold_the_run(server, path):
    started = time.monotonic()
    outcome = check(server, path, timeout=0.5)
    assert outcome.result is Result.unreachable and "timed out" in outcome.detail
    assert time.monotonic() - started < 2.0


def test_short_numbers_count_only_in_phone_context(server):
    assert check(server, "/no-context").result is Result.changed
    assert check(server, "/tel-link").result is Result.ok


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/html,95999", "gopher://x/"])
def test_only_http_and_https_are_fetched(url):
    outcome = check_source(url, channel(), timeout=1)
    assert outcome.result is Result.invalid and "http" in outcome.detail
    assert isinstance(fetch(url, 1), Outcome)


@pytest.mark.parametrize("url", ["http://[::1", "http://example.com:99999/", "https://exa mple.com/", "http://a\\b/", ""])
def test_malformed_urls_are_reported_per_item(url):
    outcome = check_source(url, channel(), timeout=1)
    assert outcome.result is Result.invalid and "malformed" in outcome.detail


@pytest.mark.parametrize("path", ["/file-redirect", "/ftp-redirect"])
def test_redirects_to_other_schemes_are_not_followed(server, path):
    assert check(server, path).result in (Result.moved, Result.unreachable)


def test_a_fetcher_that_raises_does_not_stop_the_run():
    def broken(url, timeout):
        raise RuntimeError("boom")

    assert check_source("https://example.com/", channel(), fetcher=broken).result is Result.unreachable


def test_unresolvable_host_is_unreachable():
    outcome = check_source("http://no-such-host.invalid/", channel(), timeout=2)
    assert outcome.result is Result.unreachable


@pytest.mark.parametrize("path", ["/gbk-header", "/gbk-meta"])
def test_gbk_pages_are_decoded_from_header_or_meta_charset(server, path):
    page = fetch(server + path, 3.0)
    assert isinstance(page, str) and "客服热线：９５９９９" in page
    assert check(server, path).result is Result.ok


def test_header_charset_is_honoured_over_the_fallbacks(server):
    page = fetch(server + "/big5-header", 3.0)
    assert isinstance(page, str) and "客服專線" in page
    assert check(server, "/big5-header").result is Result.ok


def test_meta_charset_is_honoured_over_the_fallbacks():
    body = '<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>客服專線</p>'.encode("big5")
    assert "客服專線" in decode(body, None)


def test_undecodable_bytes_and_unknown_charsets_never_raise():
    assert isinstance(decode(b"\xff\xfe\x81\x00 95999 \xc3", "no-such-charset"), str)
    assert "95999" in decode(b'<meta charset="x-bogus">\x80\xff 95999', None)


def test_redirects_are_judged_by_site_not_host():
    assert reverify.registrable_domain("www.paypal.com") == reverify.registrable_domain("sandbox.paypal.com")
    assert reverify.registrable_domain("www.safaricom.co.ke") == "safaricom.co.ke"
    assert reverify.registrable_domain("127.0.0.1") != reverify.registrable_domain("localhost")


# --- the run over a registry: scope, report and exit code -----------------------------------

REGISTRY = """
providers:
  - id: example-wallet
    kind: wallet
    name: {zh: 示例钱包, en: Example Wallet}
    regions: [CN]
    domains: [example-wallet.com]
    channels:
      - id: hotline
        kind: phone
        value: "95999"
        dial_region: CN
        evidence:
          - {url: "https://www.example-wallet.com/spaced", publisher: provider, checked: 2026-11-01, note: "The help page lists the hotline."}
          - {url: "https://www.example-wallet.com/gone", publisher: provider, checked: 2026-11-01, note: "An older help page with the hotline.", archived: "https://archive.example-wallet.com/tags"}
          - {url: "https://www.news.cn/story", publisher: news, checked: 2026-11-01, note: "A news story quoting the hotline."}
      - id: fraud-line
        kind: phone
        value: "95999"
        dial_region: CN
        evidence:
          - {url: "https://www.example-wallet.com/spaced", publisher: provider, checked: 2026-11-01, note: "The same help page lists it for fraud."}
  - id: hk-police
    kind: public
    name: {zh: 香港警务处, en: Hong Kong Police Force}
    regions: [HK]
    domains: [police.gov.hk]
    channels:
      - id: emergency
        kind: phone
        value: "999"
        dial_region: HK
        evidence:
          - {url: "https://github.com/google/libphonenumber/blob/master/resources/ShortNumberMetadata.xml", publisher: numbering-plan, checked: 2026-11-01, note: "Checked against the short-number metadata."}
  - id: example-wallet-web
    kind: wallet
    name: {zh: 示例钱包, en: Example Wallet}
    regions: [CN]
    domains: [example-wallet.com]
    channels:
      - id: help
        kind: web
        value: https://www.example-wallet.com/help
        evidence:
          - {url: "https://www.example-wallet.com/broken", publisher: provider, checked: 2026-11-01, note: "Web channels are not re-verified."}
"""


@pytest.fixture
def registry_file(tmp_path):
    path = tmp_path / "contacts.yml"
    path.write_text(REGISTRY, encoding="utf-8")
    return path


@pytest.fixture
def local_fetch(server):
    """The real fetcher, with every cited host swapped for the loopback server."""

    def fetcher(url, timeout):
        return fetch(server + urlsplit(url).path, timeout)

    return fetcher


def load(path):
    policy = Policy(today=TODAY, publisher_hosts={"government": (), "news": ("news.cn",), "institution": ()})
    return Contacts.load(path, policy)


def test_default_run_checks_official_phone_sources_once_per_url(registry_file, local_fetch):
    Handler.hits.pop("/spaced", None)
    rows = reverify.reverify(load(registry_file), fetcher=local_fetch, timeout=3)
    assert [(r.contact_id, urlsplit(r.url).path, r.outcome.result) for r in rows] == [
        ("example-wallet.hotline", "/spaced", Result.ok),
        ("example-wallet.hotline", "/gone", Result.missing),
        ("example-wallet.fraud-line", "/spaced", Result.ok),
        ("hk-police.emergency", "/google/libphonenumber/blob/master/resources/ShortNumberMetadata.xml", Result.ok),
    ]
    assert Handler.hits["/spaced"] == 1
    assert exit_code(rows) == 1


def test_a_failed_live_page_tries_and_links_its_archived_copy(registry_file, local_fetch):
    rows = reverify.reverify(load(registry_file), fetcher=local_fetch, timeout=3)
    gone = next(r for r in rows if r.url.endswith("/gone"))
    assert gone.archived == "https://archive.example-wallet.com/tags"
    assert gone.archived_outcome is not None and gone.archived_outcome.result is Result.ok
    report = render_report(rows)
    assert "https://archive.example-wallet.com/tags — shows the number" in report
    ok = next(r for r in rows if r.url.endswith("/spaced"))
    assert ok.archived_outcome is None


def test_all_includes_non_official_sources(registry_file, local_fetch):
    rows = reverify.reverify(load(registry_file), include_all=True, fetcher=local_fetch, timeout=3)
    assert "https://www.news.cn/story" in [r.url for r in rows]
    assert "/broken" not in [urlsplit(r.url).path for r in rows]  # web channels are out of scope


def row(result):
    return Row("p.c", "https://example.com/", Outcome(result, "detail"))


@pytest.mark.parametrize(
    "results,code",
    [
        ([], 0),
        ([Result.ok, Result.ok], 0),
        ([Result.ok, Result.unreachable], 2),
        ([Result.unreachable, Result.changed], 1),
        ([Result.moved], 1),
        ([Result.missing, Result.unreachable], 1),
        ([Result.invalid, Result.unreachable], 1),
    ],
)
def test_exit_code_separates_data_problems_from_network_problems(results, code):
    assert exit_code([row(r) for r in results]) == code


def test_report_has_a_row_per_source_and_a_summary():
    rows = [row(Result.ok), row(Result.changed), Row("p.c", "https://example.com/a|b", Outcome(Result.moved, "x | y"))]
    report = render_report(rows)
    assert "| `p.c` | https://example.com/ | **changed** | detail |  |" in report
    assert "a%7Cb" in report and "x %7C y" in report  # a pipe cannot break the table
    assert "| ok | 1 |" in report and "| changed | 1 |" in report and "| missing | 0 |" in report


def test_main_prints_and_writes_the_report(registry_file, local_fetch, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(reverify, "fetch", local_fetch)
    out = tmp_path / "report.md"
    code = reverify.main(["--contacts", str(registry_file), "--report", str(out), "--timeout", "3"])
    printed = capsys.readouterr().out
    assert code == 1
    assert out.read_text(encoding="utf-8") == printed
    assert "**missing**" in printed and "news.cn" not in printed


def test_help_works(capsys):
    with pytest.raises(SystemExit) as exc:
        reverify.main(["--help"])
    assert exc.value.code == 0 and "--only-official" in capsys.readouterr().out
