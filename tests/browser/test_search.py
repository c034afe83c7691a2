"""Search in a real browser: the words readers use find the right page, in both languages.

The queries and the page each must return in the top 3 live in tests/browser/search_queries.yml.
Search runs in the site's own worker (docs/assets/javascripts/search-worker.js), which is started,
together with the reader's language's index, only when search is opened.
"""

import json
import re
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
HOME = {"zh": "/", "en": "/en/"}


def open_search(page, server, path):
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()  # opening search is what downloads the index and starts the worker
    page.wait_for_function("() => /键入|Type to start/.test(document.querySelector('.md-search-result__meta').textContent)")
    return box


def run_query(page, query):
    box = page.locator("input.md-search__input")
    page.evaluate("document.querySelector('.md-search-result__list').innerHTML = ''")
    box.fill(query)
    box.press("End")  # the theme searches on key events; typed Chinese arrives without any
    page.wait_for_function(
        """() => document.querySelectorAll('.md-search-result__list > li').length > 0
            || /没有找到|No matching/.test(document.querySelector('.md-search-result__meta').textContent)"""
    )


def pages_for(page, server, lang, queries):
    open_search(page, server, HOME[lang])
    prefix = urlpath_prefix(server)
    found = {}
    for query in queries:
        run_query(page, query)
        hrefs = page.eval_on_selector_all(".md-search-result__list > li > a:first-child", "els => els.map(a => new URL(a.href).pathname)")
        found[query] = [h[len(prefix) :] if h.startswith(prefix) else h for h in hrefs]
    return found


def urlpath_prefix(server):
    """The site's sub-path on the test server ("/wallet-help-center"), stripped from result links."""
    parts = server.split("/", 3)
    return "/" + parts[3] if len(parts) > 3 else ""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_listed_query_finds_its_page_in_the_top_three(page, server, lang):
    items = QUERIES[lang]
    assert len(items) >= 40, f"keep at least 40 real {lang} queries in search_queries.yml"
    found = pages_for(page, server, lang, [item["q"] for item in items])
    base = "/" if lang == "zh" else "/en/"
    misses = []
    for item in items:
        want = base + item["page"]
        top = found[item["q"]][:3]
        if want not in top:
            misses.append(f"{item['q']!r}: want {want}, got {top}")
        if lang == "zh":
            assert all(not h.startswith("/en/") for h in found[item["q"]]), "a Chinese page must not return English pages"
        else:
            assert all(h.startswith("/en/") for h in found[item["q"]]), "an English page must return only English pages"
    assert misses == [], "\n".join(misses)


@pytest.mark.parametrize(
    "lang,query,first",
    [
        ("zh", "被骗了怎么办", "security/scammed-sent-money/"),
        ("zh", "冻结", "account/locked/"),
        ("zh", "客服电话", "contact/directory/"),
        ("zh", "支付宝", "contact/alipay-customer-service/"),
        ("en", "locked", "account/locked/"),
        ("en", "scammed", "security/scammed-sent-money/"),
        ("en", "fees", "fees/wallet-fees/"),
        ("en", "2FA", "security/protect-your-account/"),
    ],
)
def test_the_reported_queries_put_the_right_page_first(page, server, lang, query, first):
    found = pages_for(page, server, lang, [query])[query]
    assert found and found[0] == ("/" if lang == "zh" else "/en/") + first, found[:5]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("lock", "/en/account/locked/"),  # a prefix while typing
        ("refun", "/en/payments/refunds/"),
        ("charged", "/en/payments/charged-twice/"),  # stemmed: charge, charges, charged
        ("refunded", "/en/payments/refunds/"),
    ],
)
def test_english_prefixes_and_stems_both_match(page, server, query, expected):
    assert expected in pages_for(page, server, "en", [query])[query][:3]


def test_snippets_never_show_the_hidden_synonyms(page, server, real_site):
    """Synonyms live in a hidden `keywords` field: they rank a page but never appear in a result."""
    shown_words = {}
    for lang in ("zh", "en"):
        index = json.loads((real_site / "search" / f"search_index.{lang}.json").read_text(encoding="utf-8"))
        visible = " ".join((d.get("title", "") + " " + d.get("text", "")).replace("\u200b", "") for d in index["docs"]).lower()
        hidden = {w for d in index["docs"] for w in d.get("keywords", "").split("\u200b") if w}
        # words readers can only reach through the hidden field, and that find something
        shown_words[lang] = sorted(
            w for w in hidden if w.lower() not in visible and re.fullmatch(r"[a-z]{4,}|[\u4e00-\u9fff]{2,}", w.lower())
        )[:8]
        assert all("keywords" not in d or isinstance(d["keywords"], str) for d in index["docs"])
    assert shown_words["zh"] or shown_words["en"], "expected some words that only the hidden field holds"
    for lang, words in shown_words.items():
        if not words:
            continue
        open_search(page, server, HOME[lang])
        for word in words:
            run_query(page, word)
            text = page.locator(".md-search-result__list").inner_text().lower()
            assert word.lower() not in text, f"{word!r} is shown in a result snippet"


def index_requests(page):
    return [u for u in page.requests_seen if "search_index" in u or "search-worker" in u or "/workers/" in u]


def test_index_and_worker_are_not_downloaded_until_search_opens(page, server):
    page.goto(server + "/account/locked/")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)
    assert index_requests(page) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_opening_search_downloads_only_this_languages_index_and_our_worker(page, server, lang):
    open_search(page, server, HOME[lang])
    run_query(page, "退款" if lang == "zh" else "refund")
    names = sorted(u.split("?")[0].rsplit("/", 1)[1] for u in index_requests(page))
    assert names == sorted([f"search_index.{lang}.json", "search-worker.js"])
