"""On every built page the language switch goes to the same page in the other language (or, where that
page does not exist, to the other language's home page); each not-found page speaks its own language."""

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.conftest import site_url_of

SWITCH = re.compile(r'<a href="([^"]*)" hreflang="(zh|en)" class="md-select__link">')
LANG = re.compile(r'<html lang="([a-z]+)"')


def counterpart(rel: str, lang: str) -> str:
    """The same page in `lang`: "account/locked/" <-> "en/account/locked/"."""
    plain = rel[3:] if rel.startswith("en/") else rel
    return plain if lang == "zh" else "en/" + plain


def test_switch_on_every_page_goes_to_the_same_page_in_the_other_language(real_site):
    base = urlsplit(site_url_of(real_site)).path
    problems, checked = [], 0
    for html in sorted(real_site.rglob("index.html")):
        rel = html.parent.relative_to(real_site).as_posix()
        rel = "" if rel == "." else rel + "/"
        text = html.read_text(encoding="utf-8")
        own = LANG.search(text).group(1)
        links = dict((lang, href) for href, lang in SWITCH.findall(text))
        if set(links) != {"zh", "en"}:
            problems.append(f"/{rel}: switch lists {sorted(links)}")
            continue
        for lang, href in links.items():
            target = urlsplit(urljoin("https://x.test" + base + rel, href)).path[len(base):]
            want = counterpart(rel, lang)
            if lang != own and not (real_site / want / "index.html").exists():
                want = "" if lang == "zh" else "en/"   # no translation yet: that language's home
            if target != want:
                problems.append(f"/{rel}: {lang} switch goes to /{target}, want /{want}")
        checked += 1
    assert checked > 60
    assert problems == [], "\n".join(problems[:30])


def test_each_language_has_its_own_not_found_page(real_site):
    for path, lang, words in [(Path("404.html"), "zh", "找不到这个页面"), (Path("en/404.html"), "en", "Page not found")]:
        text = (real_site / path).read_text(encoding="utf-8")
        assert LANG.search(text).group(1) == lang
        assert f"<title>{words} - " in text
        assert '<meta name="robots" content="noindex">' in text
        assert 'class="md-skip"' in text
