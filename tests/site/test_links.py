"""Crawl the built site: every internal link and anchor resolves. External links are checked only by the scheduled workflow."""

from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.conftest import site_url_of


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag in ("a", "link") and attrs.get("href"):
            if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
                return  # absolute URLs for search engines; checked by the hreflang tests
            self.links.append((self.getpos()[0], attrs["href"]))
        if tag in ("script", "img") and attrs.get("src"):
            self.links.append((self.getpos()[0], attrs["src"]))


@cache
def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_file(site: Path, page: Path, href: str, site_url: str = "https://example.test/"):
    """The file a link points at inside `site`, or None if it leaves the site."""
    base_path = urlsplit(site_url).path
    page_url = site_url + page.relative_to(site).as_posix()
    url = urlsplit(urljoin(page_url, href))
    if url.scheme not in ("http", "https") or url.netloc != urlsplit(site_url).netloc or not url.path.startswith(base_path):
        return None, None
    rel = unquote(url.path[len(base_path) :])
    candidate = site / rel
    if rel == "" or rel.endswith("/"):
        candidate = candidate / "index.html"
    return candidate, unquote(url.fragment)


def test_every_internal_link_and_anchor_resolves(real_site):
    broken = []
    site_url = site_url_of(real_site)
    pages = sorted(p for p in real_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 60
    for page in pages:
        for line, href in parse(page).links:
            if href.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            target, fragment = target_file(real_site, page, href, site_url)
            if target is None:
                continue
            where = f"{page.relative_to(real_site)}:{line}: {href}"
            if not target.exists():
                broken.append(f"{where} -> missing {target.relative_to(real_site)}")
            elif fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                broken.append(f"{where} -> no anchor #{fragment}")
    assert broken == [], "\n".join(broken[:50])


def test_crawler_notices_a_broken_link(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="a/">ok</a><a href="b/">bad</a><a href="a/#nope">anchor</a>', encoding="utf-8")
    (site / "a" / "index.html").write_text('<h1 id="yes">A</h1>', encoding="utf-8")
    page = site / "index.html"
    results = []
    for _, href in parse(page).links:
        target, fragment = target_file(site, page, href)
        results.append((href, target.exists(), fragment in parse(target).ids if target.exists() and fragment else None))
    assert results == [("a/", True, None), ("b/", False, None), ("a/#nope", True, False)]
