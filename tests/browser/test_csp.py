"""In a real browser, under the site's Content-Security-Policy: nothing is blocked when any page loads, when
search is used, or when the number checker answers (tests/site/test_csp.py checks the policy itself)."""

import pytest

from tests.browser.conftest import CSP_RECORDER, site_pages

pytestmark = pytest.mark.browser


@pytest.fixture
def watched(browser, server):
    """A page that records CSP violations (as the page sees them) and console errors."""
    context = browser.new_context(locale="zh-CN")
    context.add_init_script(CSP_RECORDER)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()


def blocked(page):
    return page.evaluate("window.__cspViolations") + [e for e in page.console_errors if "Content Security Policy" in e]


def test_policy_is_in_force(watched, server):
    """The policy really applies: an inline script injected into the page is refused and reported."""
    watched.goto(server + "/en/")
    watched.evaluate(
        """() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.appendChild(s); }"""
    )
    watched.wait_for_timeout(100)
    assert watched.evaluate("window.__ran") is None
    assert any("script-src" in v for v in watched.evaluate("window.__cspViolations"))


def test_no_page_has_anything_blocked_on_load(watched, server, real_site):
    problems = []
    for path in site_pages(real_site) + ["/404.html", "/en/404.html", "/en/no-such-page/"]:
        watched.goto(server + path)
        watched.wait_for_load_state("load")
        found = blocked(watched)
        if found:
            problems.append(f"{path}: {found}")
        watched.console_errors.clear()
    assert problems == [], "\n".join(problems[:20])


@pytest.mark.parametrize("path,query", [("/", "被骗了怎么办"), ("/en/account/locked/", "locked out")])
def test_search_runs_without_anything_blocked(watched, server, path, query):
    watched.goto(server + path)
    box = watched.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    watched.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length > 0", timeout=30_000)
    watched.locator(".md-search-result__list > li a").first.click()
    watched.wait_for_load_state("load")
    assert blocked(watched) == []
    assert watched.console_errors == []


@pytest.mark.parametrize("path", ["/security/check-a-number/", "/en/security/check-a-number/"])
def test_number_checker_answers_without_anything_blocked(watched, server, path):
    watched.goto(server + path)
    box = watched.locator("#hc-checker-input")
    box.fill("96110")
    box.press("Enter")
    watched.wait_for_function("() => document.getElementById('hc-checker-result').textContent.trim().length > 0")
    assert blocked(watched) == []
    assert watched.console_errors == []
