"""A local HTTP server over the built site and a headless Chromium driven by Playwright."""

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import site_url_of

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def system_chromium() -> str | None:
    """Debian's Chromium if present; None means fall back to Playwright's own browser."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    prefix = "/"  # the site's sub-path, as on a GitHub Pages project site

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        # Behave like GitHub Pages: a missing path gets the site's 404.html with status 404.
        if code == 404:
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@pytest.fixture(scope="session")
def server(real_site):
    """The built site served under the same sub-path as its site_url (e.g. /wallet-help-center/)."""
    prefix = urlsplit(site_url_of(real_site)).path
    handler = functools.partial(type("Handler", (_Quiet,), {"prefix": prefix}), directory=str(real_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix.rstrip('/')}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover
        pytest.fail("playwright is not installed: run make test")
    executable = system_chromium()
    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as exc:  # no system browser and no Playwright browser
            if os.environ.get("CI") == "true":
                pytest.fail(f"CI=true but no browser could start: {exc}")
            pytest.skip(f"no browser available: {exc}")
        yield browser
        browser.close()


def _recording_page(context):
    """A page of `context` that records every request it makes (page.requests_seen)."""
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.requests_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    return page


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request it makes."""
    context = browser.new_context(locale="zh-CN")
    yield _recording_page(context)
    context.close()


# Records Content-Security-Policy violations from the first script on: the page's own reports.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " " + (e.sample || ""));
});
"""

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone(browser, server):
    """A 360 × 740 page (a small Android phone) with touch, recording requests and CSP violations."""
    context = browser.new_context(locale="zh-CN", viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    context.add_init_script(CSP_RECORDER)
    yield _recording_page(context)
    context.close()


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a path under the site root ("/", "/en/account/locked/")."""
    paths = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        paths.append("/" if rel == "." else f"/{rel}/")
    return paths
