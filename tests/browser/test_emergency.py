"""On a phone: the scam-victim path is the first thing on both home pages and opens the emergency page."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def iphone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("home,heading", [("/", "被骗了、已经转账怎么办"), ("/en/", "I've been scammed or sent money")])
def test_first_task_is_the_emergency_page_and_is_visible_without_scrolling(iphone, server, home, heading):
    iphone.goto(server + home)
    first = iphone.locator(".hc-tasks a").first
    box = first.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 844, f"first task at {box}: below the fold"
    assert iphone.evaluate("window.scrollY") == 0
    first.click()
    iphone.wait_for_load_state("load")
    assert iphone.url.endswith("/security/scammed-sent-money/")
    assert heading in iphone.locator("h1").first.inner_text()
    # The steps come in the order a victim needs them: stop, freeze, police, evidence, second scam.
    headings = [h.strip() for h in iphone.locator("article h2").all_inner_texts()]
    assert len(headings) >= 5
    freeze = next(i for i, h in enumerate(headings) if "冻结" in h or "freeze" in h.lower())
    police = next(i for i, h in enumerate(headings) if "报警" in h or "police" in h.lower())
    assert 0 < freeze < police
