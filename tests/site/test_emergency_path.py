"""Scam victims first: the emergency page leads both home pages and every anti-fraud reminder links to it."""

import re
from html import unescape

import pytest

EMERGENCY = "security/scammed-sent-money/"


def _html(site, rel):
    return (site / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_emergency_page_is_the_first_task_on_both_home_pages(real_site, home):
    tasks = re.search(r'<ul class="hc-tasks[^"]*"[^>]*>(.*?)</ul>', _html(real_site, home), re.S)
    assert tasks, f"{home} has no task list"
    first = re.search(r'href="([^"]+)"', tasks.group(1)).group(1)
    assert first.rstrip("/").endswith(EMERGENCY.rstrip("/")), first


@pytest.mark.parametrize("lang,title", [("", "被骗了、已经转账怎么办"), ("en/", "I've been scammed or sent money")])
def test_emergency_page_exists_in_both_languages(real_site, lang, title):
    html = unescape(_html(real_site, f"{lang}{EMERGENCY}index.html"))
    assert title in re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)


def test_every_high_risk_reminder_links_to_the_emergency_page(real_site):
    checked = 0
    for page in real_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if "hc-reminder" not in html or page.parent.as_posix().endswith(EMERGENCY.rstrip("/")):
            continue
        block = re.search(r'<div class="admonition warning hc-reminder".*?</div>', html, re.S).group(0)
        assert "scammed-sent-money/" in block, f"{page.relative_to(real_site)}: reminder without the emergency link"
        checked += 1
    assert checked >= 10  # every high-risk article in both languages


def test_police_numbers_on_the_emergency_page_are_labelled_with_their_region(real_site):
    html = unescape(_html(real_site, f"en/{EMERGENCY}index.html"))
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    by_number = {}
    for item in items:
        for tel in re.findall(r'href="tel:([^"]+)"', item):
            by_number.setdefault(tel, []).append(re.sub(r"<[^>]+>", " ", item))
    assert "tel:110" in {f"tel:{k}" for k in by_number}, "mainland police number missing"
    for text in by_number["110"]:
        assert "mainland China" in text, text
    assert len([t for t in by_number if t.endswith("999")]) >= 1
    for tel, texts in by_number.items():
        if tel == "999":
            for text in texts:
                assert re.search(r"Hong Kong|Singapore|UK|United Kingdom", text), text


def test_english_pages_say_mainland_china_next_to_the_mainland_police_number(real_site):
    for page in (real_site / "en").rglob("index.html"):
        html = unescape(page.read_text(encoding="utf-8"))
        main = re.search(r"<article.*?</article>", html, re.S)
        for block in re.findall(r"<(?:p|li|td)[^>]*>(.*?)</(?:p|li|td)>", main.group(0) if main else "", re.S):
            if 'href="tel:110"' in block:
                assert "mainland China" in block, f"{page.relative_to(real_site)}: {re.sub('<[^>]+>', '', block)[:160]}"
