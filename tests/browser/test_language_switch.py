"""In a real browser: the language switcher keeps the reader on the same article; nothing leaves the local server."""

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


@pytest.mark.parametrize(
    "missing,lang,title,heading,home",
    [
        ("/no-such-page/", "zh", "找不到这个页面 - 钱包帮助中心", "找不到这个页面", "/"),
        ("/en/no-such-page/", "en", "Page not found - Wallet Help Center", "Page not found", "/en/"),
        ("/en/account/no-such-page/", "en", "Page not found - Wallet Help Center", "Page not found", "/en/"),
    ],
)
def test_missing_page_answers_in_its_own_language(page, server, missing, lang, title, heading, home):
    """GitHub Pages serves /404.html for every missing path; a missing /en/ address gets the English one."""
    response = page.goto(server + missing)
    assert response.status == 404
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.title() == title
    assert page.locator("h1").first.inner_text().strip() == heading
    assert page.get_attribute("meta[name=robots]", "content") == "noindex"
    # its links go to its own language: home, directory, checker; search uses its own language's index
    links = page.locator("article a").evaluate_all("as => as.map(a => new URL(a.href).pathname)")
    prefix = "/" + server.split("/", 3)[3]
    ours = [u[len(prefix) :] for u in links if u.startswith(prefix)]
    assert home in ours
    other = "/" if lang == "en" else "/en/"
    assert [u for u in ours if u.startswith("/en/") != (lang == "en")] == [other], ours
    switch = page.locator(f'a.md-select__link[hreflang="{"zh" if lang == "en" else "en"}"]')
    assert switch.evaluate("a => new URL(a.href).pathname") == prefix + other
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("退款" if lang == "zh" else "refund")
    box.press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length > 0", timeout=30_000)
    assert [u for u in page.requests_seen if "search_index" in u][0].endswith(f"search_index.{lang}.json")
    assert only_local(page.requests_seen, server) == []


@pytest.mark.parametrize("path", ["/", "/en/", "/contact/directory/", "/en/contact/directory/"])
def test_pages_request_only_the_local_server(page, server, path):
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert only_local(page.requests_seen, server) == []
