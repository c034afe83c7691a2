"""In a real browser: the language switcher keeps the reader on the same article; nothing leaves the local server."""

import re

import pytest

pytestmark = pytest.mark.browser


def only_local(requests, server):
    return [url for url in requests if not (url.startswith(server) or url.startswith("data:") or url.startswith("blob:"))]


def test_switch_from_chinese_article_to_its_english_twin(page, server):
    page.goto(server + "/")
    assert page.locator("html").get_attribute("lang") == "zh"
    page.locator(".hc-tasks a", has_text="账户被盗").first.click()  # the top task is one click from home
    page.wait_for_load_state("load")
    assert page.url.endswith("/security/account-stolen/")
    page.locator(".md-header .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_load_state("load")
    assert page.url == server + "/en/security/account-stolen/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text().strip()
    assert only_local(page.requests_seen, server) == []


def test_english_back_to_chinese(page, server):
    page.goto(server + "/en/account/locked/")
    page.locator(".md-header .md-select").hover()
    page.locator('a.md-select__link[hreflang="zh"]').click()
    page.wait_for_load_state("load")
    assert page.url == server + "/account/locked/"
    assert page.locator("html").get_attribute("lang") == "zh"


def test_missing_page_shows_bilingual_not_found(page, server):
    response = page.goto(server + "/en/no-such-page/")
    assert response.status == 404
    text = page.locator("body").inner_text()
    assert "找不到这个页面" in text and "Page not found" in text
    assert only_local(page.requests_seen, server) == []


@pytest.mark.parametrize("path", ["/", "/en/", "/contact/directory/", "/en/contact/directory/"])
def test_pages_request_only_the_local_server(page, server, path):
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert only_local(page.requests_seen, server) == []
