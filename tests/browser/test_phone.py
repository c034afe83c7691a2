"""Phone first, on every built page at 360 px wide: no sideways scrolling, content text never below 16 px,
two columns of tappable cards on the home pages, a directory grouped by region that stays short, and
tables shown as stacked cards."""

import pytest

from tests.browser.conftest import PHONE, site_pages

pytestmark = pytest.mark.browser

MIN_TEXT_PX = 16
MIN_TAP_PX = 48

LAYOUT = (
    """() => {
  const vw = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > vw + 1 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.md-sidebar--primary, .md-search, .md-select__inner')) {
      wide.push(el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0] + ' right=' + Math.round(r.right));
      if (wide.length > 4) break;
    }
  }
  const small = [];
  const walk = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const node = walk.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.closest('.md-typeset__table thead, .md-content__button')) continue;
    const px = parseFloat(style.fontSize);
    if (px < MIN_TEXT_PX) small.push(el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0] + ' ' + px + 'px: ' + node.textContent.trim().slice(0, 30));
  }
  return {scrollWidth: document.documentElement.scrollWidth, width: vw, wide, small: small.slice(0, 6)};
}"""
).replace("MIN_TEXT_PX", str(MIN_TEXT_PX))


def test_every_page_fits_a_phone_and_its_text_is_readable(phone, server, real_site):
    problems = []
    pages = site_pages(real_site) + ["/404.html", "/en/404.html"]
    for path in pages:
        phone.goto(server + path)
        found = phone.evaluate(LAYOUT)
        if found["scrollWidth"] > found["width"]:
            problems.append(f"{path}: scrolls sideways ({found['scrollWidth']} px > {found['width']} px): {found['wide']}")
        if found["small"]:
            problems.append(f"{path}: text below {MIN_TEXT_PX} px: {found['small']}")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_home_task_grid_is_two_columns_of_tappable_cards(phone, server, path):
    phone.goto(server + path)
    cards = phone.locator("ul.hc-tasks > li")
    assert cards.count() >= 6
    assert phone.eval_on_selector("ul.hc-tasks", "ul => getComputedStyle(ul).gridTemplateColumns.split(' ').length") == 2
    lefts = set()
    for i in range(cards.count()):
        li = cards.nth(i)
        assert li.evaluate("li => getComputedStyle(li).listStyleType") == "none"
        assert li.evaluate("li => getComputedStyle(li, '::marker').content") in ("none", "normal", "")
        box = li.locator("a").bounding_box()
        assert box["height"] >= MIN_TAP_PX and box["width"] >= MIN_TAP_PX, f"card {i} is {box}"
        lefts.add(round(box["x"]))
    assert len(lefts) == 2


@pytest.mark.parametrize("path", ["/contact/directory/", "/en/contact/directory/"])
def test_directory_is_grouped_by_region_with_a_jump_list_and_each_provider_once(phone, server, path):
    phone.goto(server + path)
    jump = phone.locator("nav.hc-jump")
    assert jump.count() == 1
    # the jump list comes before the first region and links to every section heading of the page
    assert jump.evaluate("n => !!(n.compareDocumentPosition(document.querySelector('.hc-directory')) & Node.DOCUMENT_POSITION_FOLLOWING)")
    targets = jump.locator("a").evaluate_all("as => as.map(a => decodeURIComponent(a.hash.slice(1)))")
    for target in targets:
        assert phone.locator(f"[id='{target}']").count() == 1, f"jump link #{target} goes nowhere"
    directories = phone.locator(".hc-directory")
    assert directories.count() >= 2
    for i in range(directories.count()):
        d = directories.nth(i)
        providers = d.locator("[data-hc-provider]").evaluate_all("els => els.map(e => e.dataset.hcProvider)")
        assert providers and len(providers) == len(set(providers)), f"a provider shown twice in {d.get_attribute('data-hc-region')}"
        assert d.locator("table").count() == 0
        height = d.evaluate("el => el.getBoundingClientRect().height")
        screens = height / PHONE["height"]
        assert screens <= max(4, 0.5 * len(providers)), (
            f"{d.get_attribute('data-hc-region')}: {screens:.1f} screens for {len(providers)} providers"
        )


def test_directory_jump_link_lands_on_the_region(phone, server):
    phone.goto(server + "/en/contact/directory/")
    link = phone.locator("nav.hc-jump a").nth(2)
    target = link.evaluate("a => decodeURIComponent(a.hash.slice(1))")
    link.click()
    phone.wait_for_timeout(300)
    top = phone.locator(f"[id='{target}']").bounding_box()["y"]
    assert 0 <= top < PHONE["height"] / 2


TABLE = (
    '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
    "<thead><tr><th>Wallet</th><th>Fee for a transfer to a bank account</th><th>When it applies</th></tr></thead>"
    "<tbody><tr><td>Example wallet with a long name</td><td>A fee that takes a long sentence to describe in full</td>"
    "<td>Only above the monthly allowance, which also takes words</td></tr>"
    "<tr><td>Another wallet</td><td>None</td><td>Always</td></tr></tbody></table></div></div>"
)


def test_tables_become_stacked_cards_with_their_column_names(phone, server):
    """A Markdown table (as MkDocs renders one) on an article: at 360 px each row is a labelled card."""

    def with_table(route):
        html = route.fetch().text()
        route.fulfill(body=html.replace("</h1>", "</h1>" + TABLE, 1), headers={"content-type": "text/html; charset=utf-8"})

    phone.route("**/en/payments/refunds/", with_table)
    phone.goto(server + "/en/payments/refunds/")
    table = phone.locator(".md-typeset table:not([class])").first
    assert table.evaluate("t => getComputedStyle(t).display") == "block"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert table.get_attribute("role") == "table"
    assert table.locator("thead th").first.get_attribute("role") == "columnheader"
    for i, heading in enumerate(["Wallet", "Fee for a transfer to a bank account", "When it applies"]):
        cell = table.locator("tbody tr").first.locator("td").nth(i)
        assert cell.get_attribute("role") == "cell"
        assert cell.get_attribute("data-label") == heading
    second = table.locator("tbody tr").first.locator("td").nth(1)
    assert second.evaluate("td => getComputedStyle(td, '::before').content") == '"Fee for a transfer to a bank account"'
    rows = table.locator("tbody tr")
    a, b = rows.nth(0).bounding_box(), rows.nth(1).bounding_box()
    assert b["y"] >= a["y"] + a["height"], "rows are stacked cards"
    assert a["width"] <= PHONE["width"]
