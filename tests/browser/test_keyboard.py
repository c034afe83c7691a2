"""Keyboard and screen readers, on a phone-sized screen and on a desktop: the skip link works, focus moves
into the drawer and the search dialog and comes back, a closed drawer is out of the tab order, the search
dialog is named, and every element that takes focus shows it."""

import pytest

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {
    tag: e.tagName.toLowerCase(), cls: String(e.className), text: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40),
    inDrawer: !!e.closest('#hc-drawer'), inSearch: !!e.closest('.md-search'), inArticle: !!e.closest('article'),
    toggle: e.getAttribute('data-hc-toggle'),
    x: r.left, right: r.right, y: r.top, width: r.width, height: r.height,
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
    shadow: s.boxShadow !== 'none',
  };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


def tab_until(page, predicate, limit=60, key="Tab"):
    for _ in range(limit):
        page.keyboard.press(key)
        f = focused(page)
        if f and predicate(f):
            return f
    raise AssertionError("focus never got there")


def _escape_gives_focus_back(phone, toggle: str, wait: int) -> None:
    """Escape closes what `toggle` opened: focus is back on the toggle, which says it is closed."""
    phone.keyboard.press("Escape")
    phone.wait_for_timeout(wait)
    back = focused(phone)
    assert back and back["toggle"] == toggle, back
    assert phone.get_attribute(f"[data-hc-toggle={toggle}]", "aria-expanded") == "false"


@pytest.mark.parametrize("path", ["/account/locked/", "/en/account/locked/", "/404.html", "/en/404.html"])
def test_skip_link_is_first_and_moves_focus_to_the_content(phone, server, path):
    phone.goto(server + path)
    phone.keyboard.press("Tab")
    first = focused(phone)
    assert first and "md-skip" in first["cls"] and first["outline"], first
    assert first["x"] >= 0 and first["y"] >= 0, "the skip link is visible when focused"
    phone.keyboard.press("Enter")
    phone.keyboard.press("Tab")
    after = focused(phone)
    assert after and after["inArticle"] and not after["inDrawer"], after


@pytest.mark.parametrize("path", ["/account/locked/", "/en/"])
def test_closed_drawer_is_out_of_the_tab_order(phone, server, path):
    phone.goto(server + path)
    seen = []
    for _ in range(80):
        phone.keyboard.press("Tab")
        f = focused(phone)
        if f:
            seen.append(f)
    assert not [f for f in seen if f["inDrawer"]], "focus went into the closed drawer"
    assert not [f for f in seen if f["right"] <= 0 or f["x"] >= 360], "focus went to something off screen"


@pytest.mark.parametrize("path", ["/account/locked/", "/en/account/locked/"])
def test_drawer_takes_focus_keeps_it_and_gives_it_back(phone, server, path):
    phone.goto(server + path)
    menu = tab_until(phone, lambda f: f["toggle"] == "__drawer")
    assert menu["text"] in ("菜单", "Menu") and menu["outline"]
    assert phone.get_attribute("[data-hc-toggle=__drawer]", "aria-expanded") == "false"
    phone.keyboard.press("Enter")
    phone.wait_for_timeout(400)
    assert phone.get_attribute("[data-hc-toggle=__drawer]", "aria-expanded") == "true"
    inside = focused(phone)
    assert inside and inside["inDrawer"], inside
    for _ in range(40):  # focus stays in the open drawer
        phone.keyboard.press("Tab")
        f = focused(phone)
        assert f and f["inDrawer"], f
        assert f["outline"] or f["shadow"], f"no visible focus on {f}"
    phone.keyboard.press("Shift+Tab")
    assert focused(phone)["inDrawer"]
    _escape_gives_focus_back(phone, "__drawer", wait=400)
    assert (
        not phone.locator("#hc-drawer").is_visible()
        or phone.eval_on_selector("#hc-drawer", "d => getComputedStyle(d).visibility") == "hidden"
    )


@pytest.mark.parametrize("path,name", [("/account/locked/", "搜索"), ("/en/account/locked/", "Search")])
def test_search_dialog_is_named_takes_focus_and_gives_it_back(phone, server, path, name):
    phone.goto(server + path)
    dialog = phone.locator(".md-search[role=dialog]")
    assert dialog.get_attribute("aria-label") == name
    button = tab_until(phone, lambda f: f["toggle"] == "__search")
    assert button["text"] == name and button["outline"]
    phone.keyboard.press("Enter")
    phone.wait_for_timeout(300)
    inside = focused(phone)
    assert inside and inside["inSearch"] and inside["tag"] == "input", inside
    assert phone.get_attribute("[data-hc-toggle=__search]", "aria-expanded") == "true"
    phone.keyboard.type("退款" if name == "搜索" else "refund")
    phone.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length > 0", timeout=30_000)
    phone.wait_for_timeout(400)  # the answer to the last keystroke replaces the list: let it settle
    phone.keyboard.press("ArrowDown")  # into the results
    assert focused(phone)["inSearch"]
    _escape_gives_focus_back(phone, "__search", wait=300)


def test_desktop_search_box_returns_focus_where_it_came_from_and_tab_moves_on(page, server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server + "/en/account/locked/")
    previous = None
    for _ in range(20):
        page.keyboard.press("Tab")
        f = focused(page)
        if f and f["inSearch"]:
            break
        previous = f
    assert f["tag"] == "input" and previous
    page.wait_for_function("() => document.getElementById('__search').checked")  # the theme opens search on focus
    page.keyboard.press("Escape")
    back = focused(page)
    assert back and back["text"] == previous["text"] and not back["inSearch"], back
    page.wait_for_timeout(100)  # the theme notices focus changes on a 1 ms timer; people are slower than this test
    page.keyboard.press("Tab")
    assert focused(page)["tag"] == "input"
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.keyboard.press("Tab")  # on: out of the closed search box, never stuck in it
    after = focused(page)
    assert after and not after["inSearch"], after


@pytest.mark.parametrize("path", ["/", "/en/contact/directory/", "/en/security/check-a-number/"])
@pytest.mark.parametrize("width", [360, 1280])
def test_every_focus_stop_is_visible(browser, server, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(server + path)
        invisible = []
        for _ in range(70):
            page.keyboard.press("Tab")
            f = focused(page)
            if f and not (f["outline"] or f["shadow"]):
                invisible.append(f"{f['tag']}.{f['cls'][:30]} {f['text']!r}")
        assert invisible == [], "focus not visible on: " + "; ".join(dict.fromkeys(invisible))
    finally:
        context.close()
