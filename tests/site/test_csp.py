"""Every built page carries a strict Content-Security-Policy, runs no inline script, and escapes the JSON it
embeds (tests/browser/test_csp.py checks that nothing is blocked in a real browser)."""

import hashlib
import base64
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.render.structured_data import script_json

INLINE_HANDLER = re.compile(r"^on[a-z]+$")
DATA_SCRIPTS = ("application/json", "application/ld+json")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.csp, self.first_in_head, self.scripts, self.handlers, self.javascript_urls = None, [], [], [], []
        self._script = None
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "head":
            self._in_head = True
        elif self._in_head and len(self.first_in_head) < 3:
            self.first_in_head.append((tag, a.get("http-equiv") or a.get("charset") or a.get("name") or ""))
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = a.get("content", "")
        for name, value in attrs:
            if INLINE_HANDLER.match(name):
                self.handlers.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.javascript_urls.append(f"<{tag} {name}={value}>")
        if tag == "script":
            self._script = {"type": (a.get("type") or "").lower(), "src": a.get("src"), "body": ""}

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script["body"] += data


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def test_every_page_has_a_strict_policy_first_in_its_head(real_site):
    problems = []
    pages = built_pages(real_site)
    assert len(pages) > 60 and (real_site / "404.html") in pages and (real_site / "en" / "404.html") in pages
    for path in pages:
        page, rel = parse(path), path.relative_to(real_site)
        if page.csp is None:
            problems.append(f"{rel}: no Content-Security-Policy meta tag")
            continue
        d = directives(page.csp)
        if d.get("script-src") != ["'self'"]:
            problems.append(f"{rel}: script-src is {d.get('script-src')}, want 'self' only")
        for name, want in {"default-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'self'"], "form-action": ["'self'"]}.items():
            if d.get(name) != want:
                problems.append(f"{rel}: {name} is {d.get(name)}, want {want}")
        if any("unsafe" in value for values in d.values() for value in values):
            problems.append(f"{rel}: the policy allows something unsafe: {page.csp}")
        if ("meta", "content-security-policy") not in [(t, v.lower()) for t, v in page.first_in_head[:2]]:
            problems.append(f"{rel}: the policy must come right after <meta charset> (it governs only what follows): {page.first_in_head}")
    assert problems == [], "\n".join(problems[:40])


def test_no_page_runs_inline_script(real_site):
    problems = []
    for path in built_pages(real_site):
        page, rel = parse(path), path.relative_to(real_site)
        for script in page.scripts:
            if script["src"] is None and script["type"] not in DATA_SCRIPTS:
                digest = base64.b64encode(hashlib.sha256(script["body"].encode()).digest()).decode()
                problems.append(f"{rel}: inline script (sha256-{digest}): {script['body'].strip()[:80]!r}")
        problems += [f"{rel}: inline event handler {h}" for h in page.handlers]
        problems += [f"{rel}: javascript: URL {u}" for u in page.javascript_urls]
    assert problems == [], "\n".join(problems[:40])


def test_inline_json_escapes_markup_characters(real_site):
    """Data in <script type="application/json"> and JSON-LD: no raw <, > or & (none can end the element or
    be read as markup), and it parses."""
    problems, seen = [], 0
    for path in built_pages(real_site):
        page, rel = parse(path), path.relative_to(real_site)
        for script in page.scripts:
            if script["type"] not in DATA_SCRIPTS:
                continue
            seen += 1
            body = script["body"]
            raw = sorted(set(re.findall(r"[<>&]", body)))
            if raw:
                problems.append(f"{rel}: {script['type']} holds raw {raw}")
            try:
                json.loads(body)
            except ValueError as exc:
                problems.append(f"{rel}: {script['type']} does not parse: {exc}")
    assert seen > 0
    assert problems == [], "\n".join(problems[:40])


@pytest.mark.parametrize("value", [
    {"name": "</script><script>alert(1)</script>"},
    {"name": "a & b <!-- c --> \u2028 \u2029"},
    ["<", ">", "&", "'", '"'],
])
def test_script_json_cannot_break_out_and_round_trips(value):
    text = script_json(value)
    assert not re.search(r"[<>&]", text)
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == value
