"""Load only what a page needs: the first load of an article, as a real browser makes it.

Before this budget (2026-12-03, same content): an article made 9 requests, 84.7 kB gzip — the palette CSS,
the number checker's script and the search worker on every page. Now: the page, two stylesheets, the icon,
hc.js and the theme's bundle. The checker's script loads only with the checker, the search worker and index
only when search opens.
"""

import gzip

import pytest

pytestmark = pytest.mark.browser

ARTICLES = ["/account/locked/", "/en/account/locked/", "/payments/refunds/", "/en/payments/refunds/"]
EXPECTED = {  # what an article's first load fetches, by file name
    "index.html",
    "main.min.css",
    "site.css",
    "favicon.svg",
    "hc.js",
    "bundle.min.js",
}
BUDGET_REQUESTS = 7  # was 9
BUDGET_GZIP_BYTES = 84_000  # was 84,688 for /account/locked/; HTML grows with content, the rest must not


def name_of(url, server):
    path = url[len(server) :].split("?")[0].split("#")[0]
    name = path.rsplit("/", 1)[-1] or "index.html"
    parts = name.split(".")
    if len(parts) == 4 and parts[-2] == "min":  # main.57a0d79d.min.css -> main.min.css
        name = f"{parts[0]}.min.{parts[-1]}"
    return name


def first_load(browser, server, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    done = []
    page.on("requestfinished", lambda r: done.append(r))
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    loads = [(r.url, len(gzip.compress(r.response().body(), 9, mtime=0))) for r in done if r.response()]
    context.close()
    return loads


@pytest.mark.parametrize("path", ARTICLES)
def test_article_first_load_fetches_only_what_it_needs_within_budget(browser, server, path):
    loads = first_load(browser, server, path)
    names = [name_of(url, server) for url, _ in loads]
    assert set(names) == EXPECTED, f"unexpected: {sorted(set(names) - EXPECTED)}, missing: {sorted(EXPECTED - set(names))}"
    assert len(loads) <= BUDGET_REQUESTS, names
    total = sum(size for _, size in loads)
    assert total <= BUDGET_GZIP_BYTES, f"{total:,} gzip bytes: {[(name_of(u, server), s) for u, s in loads]}"
    assert not any("palette" in url for url, _ in loads)


@pytest.mark.parametrize(
    "path,expected",
    [
        ("/security/check-a-number/", True),
        ("/en/security/check-a-number/", True),
        ("/", False),
        ("/contact/directory/", False),
        ("/en/security/account-stolen/", False),
    ],
)
def test_checker_script_loads_only_with_the_checker(browser, server, path, expected):
    names = [name_of(url, server) for url, _ in first_load(browser, server, path)]
    assert ("number-checker.js" in names) is expected
    assert not [n for n in names if "search" in n or "worker" in n]
