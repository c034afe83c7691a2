"""Fast tests of the benchmark's pure helpers (scripts/benchmark.py); no site is built here."""

import datetime as dt
import gzip
import re
from collections import Counter
from pathlib import Path

import pytest

from scripts.cli import benchmark
from scripts.content.front_matter import Risk, read_meta
from scripts.detect.numbers import find_numbers

SAMPLE = [0, 1, 19, 20, 137, 511, 999]


def test_article_generator_is_deterministic():
    for lang in ("zh", "en"):
        assert benchmark.article_text(137, lang) == benchmark.article_text(137, lang)
        assert benchmark.article_text(137, lang) != benchmark.article_text(138, lang)
        assert benchmark.article_text(137, lang, seed=1) != benchmark.article_text(137, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("index", SAMPLE)
def test_article_has_valid_front_matter_and_realistic_body(lang, index):
    text = benchmark.article_text(index, lang)
    meta, body, first_line = read_meta(Path(f"{lang}/article.md"), text)
    assert meta.risk is Risk.low and meta.last_reviewed == dt.date(2026, 11, 1)
    assert 2 <= len(meta.title) <= 80 and 10 <= len(meta.description) <= 200
    assert body.lstrip("\n").startswith(f"# {meta.title}\n") and first_line == 7
    assert body.count("\n## ") == 3 and "\n- " in body and "\n1. " in body
    assert body.count(benchmark.REGISTRY_CALL) == 1
    if lang == "zh":
        assert any("\u4e00" <= ch <= "\u9fff" for ch in body)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_generated_text_has_no_phone_like_strings(lang):
    texts = [benchmark.article_text(i, lang) for i in range(0, 1000, 7)] + [benchmark.home_text(lang)]
    for text in texts:
        assert find_numbers(text) == []
        # No digit runs at all outside the front-matter date (ordered-list markers are single "1.").
        assert not re.search(r"\d{2,}", text.replace("2026-11-01", ""))
    read_meta(Path(f"{lang}/index.md"), benchmark.home_text(lang))


def test_layout_bounds_sections_and_has_no_digits():
    paths = benchmark.layout(1000)
    assert len(paths) == len(set(paths)) == 1000
    sections = Counter(p.rsplit("/", 1)[0] for p in paths)
    assert max(sections.values()) <= benchmark.SECTION_SIZE
    assert len({p.split("/")[0] for p in paths}) <= benchmark.TOPICS
    assert not any(ch.isdigit() for p in paths for ch in p)
    assert benchmark.layout(100) == paths[:100]  # the small site is a prefix of the large one


def test_configs_are_derived_from_the_real_one():
    real = (benchmark.paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    ours = benchmark.our_config(real)
    assert "\nnav:" not in ours and "navigation.prune" in ours and "font: false" in ours
    assert f"custom_dir: {benchmark.paths.OVERRIDES}" in ours
    assert "  - helpcenter\n" in ours
    stock = benchmark.stock_config(real)
    for absent in ("helpcenter", "custom_dir", "features", "font:", "extra_css", "nav:"):
        assert absent not in stock
    assert "  - search\n" in stock and "docs_structure: folder" in stock and "markdown_extensions:" in stock


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def test_first_load_sums_the_pages_stylesheets_and_scripts(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "section" / "page").mkdir(parents=True)
    css, js, root_js = b"body{color:red}" * 40, b"console.log('hello');" * 40, b"var a=1;" * 10
    (site / "assets" / "main.css").write_bytes(css)
    (site / "assets" / "app.js").write_bytes(js)
    (site / "root.js").write_bytes(root_js)
    (site / "assets" / "icon.svg").write_bytes(b"<svg/>" * 500)  # referenced, but not a stylesheet
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_bytes(b"{}" * 5000)  # never counted
    html = (
        "<html><head><link rel=\"icon\" href=\"../../assets/icon.svg\">"
        "<link rel=\"stylesheet\" href=\"../../assets/main.css?v=1\">"
        "<link rel=\"stylesheet\" href=\"https://fonts.example.com/css\">"
        "</head><body><script>inline()</script>"
        "<script src=\"../../assets/app.js\"></script><script src=\"/root.js\"></script>"
        "<script src=\"../../assets/missing.js\"></script></body></html>"
    ).encode()
    page = site / "section" / "page" / "index.html"
    page.write_bytes(html)
    result = benchmark.first_load(page, site)
    assert result["html"] == _gz(html)
    assert result["css"] == _gz(css)
    assert result["js"] == _gz(js) + _gz(root_js)
    assert result["total"] == _gz(html) + _gz(css) + _gz(js) + _gz(root_js)
    assert sorted(result["files"]) == ["assets/app.js", "assets/main.css", "root.js"]
    assert result["external"] == ["https://fonts.example.com/css"]
    assert result["missing"] == ["../../assets/missing.js"]


def _measured(n, ours_s, stock_s, html_per_page, first_total):
    size = {"pages": 10, "html": html_per_page * 10, "total": html_per_page * 30}
    first = {"html": 5000, "css": 20000, "js": first_total - 25000, "total": first_total, "files": [], "external": [], "missing": []}
    part = lambda s: {"build": benchmark.Build(s, True, "strict: pass"), "size": size, "gate": 1.0,  # noqa: E731
                      "search": {"search_index.zh.json": (1000, 300)}, "first": first}
    return {"n": n, "ours": part(ours_s), "stock": part(stock_s)}


def test_report_marks_budgets_pass_and_fail():
    results = [_measured(100, 10.0, 10.0, 30000, 70000), _measured(1000, 30.0, 20.0, 60000, 120000)]
    text = benchmark.report(results)
    assert "| 100 | 10.0 s | 10.0 s | 1.00× | PASS |" in text
    assert "| 1000 | 30.0 s | 20.0 s | 1.50× | FAIL |" in text
    assert "| ours | 30,000 | 60,000 | 2.00× | FAIL |" in text  # per-page HTML doubled: not flat
    assert "| 100 | ours | 5.0 kB | 20.0 kB | 45.0 kB | 70.0 kB | PASS | — |" in text
    assert "| 1000 | ours | 5.0 kB | 20.0 kB | 95.0 kB | 120.0 kB | FAIL | — |" in text
    assert "PASS (reference)" in text and "FAIL (reference)" in text
    assert "| 100 | ours | search_index.zh.json | 1,000 | 300 |" in text


def test_report_shows_a_failed_build():
    failed = _measured(100, 1.0, 1.0, 1, 1)
    failed["ours"] = {"build": benchmark.Build(note="strict FAILED (x); build FAILED: y")}
    text = benchmark.report([failed])
    assert "| 100 | — | — | — | FAIL | — | ours: strict FAILED (x); build FAILED: y; stock: strict: pass |" in text


def test_table_renders_markdown():
    assert benchmark.table(["a", "b"], [[1, "x"]]) == "| a | b |\n|---|---|\n| 1 | x |\n"
