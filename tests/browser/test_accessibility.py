"""axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) in a real browser over one page of every layout, both languages.

Exclusions: none. If one is ever needed, list its rule id in EXCLUDED with the reason.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
EXCLUDED: dict[str, str] = {}

LAYOUTS = {
    "home": ("/", "/en/"),
    "article": ("/account/locked/", "/en/account/locked/"),
    "directory": ("/contact/directory/", "/en/contact/directory/"),
    "checker": ("/security/check-a-number/", "/en/security/check-a-number/"),
    "404": ("/no-such-page/", "/en/no-such-page/"),
}


def violations(page):
    options = {
        "runOnly": {"type": "tag", "values": TAGS},
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in EXCLUDED},
    }
    results = Axe().run(page, options=options)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]


@pytest.mark.parametrize("lang", [0, 1], ids=["zh", "en"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_layout_has_no_violations(page, server, layout, lang):
    page.goto(server + LAYOUTS[layout][lang])
    page.wait_for_load_state("networkidle")
    assert violations(page) == []


@pytest.mark.parametrize("path", ["/", "/en/"], ids=["zh", "en"])
def test_search_results_open_have_no_violations(page, server, path):
    page.goto(server + path)
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_load_state("networkidle")
    box.fill("客服" if path == "/" else "refund")
    box.press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length > 0", timeout=30_000)
    assert violations(page) == []


def test_checker_with_an_answer_has_no_violations(page, server):
    page.goto(server + "/en/security/check-a-number/")
    page.locator("#hc-checker-input").fill("96110")
    page.locator(".hc-checker form button").click()
    assert violations(page) == []


@pytest.mark.parametrize("path", ["/account/locked/", "/en/contact/directory/"])
def test_phone_with_the_drawer_open_has_no_violations(phone, server, path):
    phone.goto(server + path)
    phone.locator("[data-hc-toggle=__drawer]").click()
    phone.wait_for_timeout(400)
    assert violations(phone) == []


@pytest.mark.parametrize("path,query", [("/", "冻结"), ("/en/", "locked")])
def test_phone_with_search_results_open_has_no_violations(phone, server, path, query):
    phone.goto(server + path)
    phone.locator("[data-hc-toggle=__search]").click()
    box = phone.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    phone.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length > 0", timeout=30_000)
    assert violations(phone) == []


def test_phone_directory_with_details_open_has_no_violations(phone, server):
    phone.goto(server + "/contact/directory/")
    phone.evaluate("() => document.querySelectorAll('details.hc-dir__more').forEach(d => d.open = true)")
    assert violations(phone) == []
