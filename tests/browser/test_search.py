"""Search in a real browser: per language, Chinese words inside sentences, synonyms, lazy index."""

import pytest

pytestmark = pytest.mark.browser


def search(page, server, path, query):
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()  # opening search is what downloads the index
    page.wait_for_load_state("networkidle")
    page.wait_for_function("/键入|Type to start/.test(document.querySelector('.md-search-result__meta').textContent)")
    box.fill(query)
    box.press("End")  # the theme searches on key events; typed Chinese arrives without any
    # Results have arrived when the list fills, or the theme says nothing matched.
    page.wait_for_function(
        """() => document.querySelectorAll('.md-search-result__list > li').length > 0
            || /没有找到|No matching/.test(document.querySelector('.md-search-result__meta').textContent)"""
    )
    pages = []
    for a in page.locator(".md-search-result__list > li > a").all():
        href = (a.get_attribute("href") or "").split("?")[0].split("#")[0]
        if href not in pages:
            pages.append(href)
    return pages  # distinct pages, best first


def index_requests(page):
    return [u for u in page.requests_seen if "search_index" in u]


def test_index_is_not_downloaded_until_search_opens(page, server):
    page.goto(server + "/account/locked/")
    page.wait_for_load_state("networkidle")
    assert index_requests(page) == []


@pytest.mark.parametrize("query,expected", [
    ("注销", "account/close-account/"),
    ("手续费", "fees/wallet-fees/"),
    ("冒充客服", "security/fake-customer-service/"),
    ("被锁定", "account/locked/"),
])
def test_chinese_words_inside_sentences_are_found(page, server, query, expected):
    hits = search(page, server, "/", query)
    assert any(expected in (h or "") for h in hits[:5]), hits
    assert all("/en/" not in (h or "") for h in hits), "a Chinese page must not return English pages"
    assert [u.rsplit("/", 1)[1] for u in index_requests(page)] == ["search_index.zh.json"]


def test_english_search_returns_only_english_pages(page, server):
    hits = search(page, server, "/en/", "refund")
    assert hits and all("/en/" in h for h in hits), hits
    assert [u.rsplit("/", 1)[1] for u in index_requests(page)] == ["search_index.en.json"]


@pytest.mark.parametrize("path,query,expected", [
    ("/", "人工客服", "contact/how-a-call-goes/"),
    ("/", "热线", "contact/"),
    ("/", "退钱", "payments/refunds/"),
    ("/", "refund", "payments/refunds/"),
    ("/en/", "退款", "en/payments/refunds/"),
    ("/en/", "hotline", "en/contact/"),
])
def test_synonyms_find_the_right_article(page, server, path, query, expected):
    hits = search(page, server, path, query)
    assert any(expected in h for h in hits[:6]), hits
