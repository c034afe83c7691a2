"""Fast tests of the benchmark's helpers (scripts/cli/benchmark.py); no site is built here."""

import datetime as dt
import gzip
import http.server
import os
import re
import sys
import threading
from collections import Counter
from functools import partial
from pathlib import Path

import pytest
import yaml

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
    assert "  - helpcenter" in ours
    stock = benchmark.stock_config(real)
    for absent in ("helpcenter", "custom_dir", "extra_css", "nav:", "hooks:", "overrides"):
        assert absent not in stock
    assert "  - search\n" in stock and "docs_structure: folder" in stock and "markdown_extensions:" in stock


def test_stock_has_the_same_theme_features_as_ours():
    """The stock a user would pick for a site this size: Material with our theme features, pruning on."""
    real = (benchmark.paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8")

    def plain(text):
        return yaml.load(text.replace("!ENV", "").replace("!!python/object/apply:pymdownx.slugs.slugify", ""), Loader=yaml.SafeLoader)

    stock, ours = plain(benchmark.stock_config(real)), plain(benchmark.our_config(real))
    assert stock["theme"]["features"] == ours["theme"]["features"]
    assert "navigation.prune" in stock["theme"]["features"]
    assert stock["theme"]["font"] is False and stock["theme"]["name"] == "material"
    assert set(stock["theme"]) == {"name", "language", "font", "features"}


def test_project_copies_keep_every_link_in_its_folder(tmp_path):
    docs = tmp_path / "src"
    for lang in ("zh", "en"):
        (docs / lang / "security").mkdir(parents=True)
        (docs / lang / "index.md").write_text("home", encoding="utf-8")
        (docs / lang / "security" / "index.md").write_text("section", encoding="utf-8")
        (docs / lang / "security" / "fake.md").write_text("[see](stolen.md)", encoding="utf-8")
        (docs / lang / "security" / "stolen.md").write_text("[back](fake.md)", encoding="utf-8")
    (docs / "assets").mkdir()
    articles = benchmark.copy_project(tmp_path / "site", 3, docs)
    assert articles == [
        f"security/{name}"
        for name in ("fake.md", "fake-copy-ab.md", "fake-copy-ac.md", "stolen.md", "stolen-copy-ab.md", "stolen-copy-ac.md")
    ]
    for lang in ("zh", "en"):
        folder = tmp_path / "site" / "docs" / lang / "security"
        assert sorted(p.name for p in folder.iterdir()) == sorted(["index.md", *[a.split("/")[1] for a in articles]])
        assert (folder / "fake-copy-ac.md").read_text(encoding="utf-8") == "[see](stolen.md)"  # resolves in the same folder
    assert not any(ch.isdigit() for a in articles for ch in a)
    assert (tmp_path / "site" / "mkdocs.ours.yml").exists() and (tmp_path / "site" / "mkdocs.stock.yml").exists()
    assert benchmark.copy_project(tmp_path / "one", 1, docs) == ["security/fake.md", "security/stolen.md"]


def test_run_timed_counts_the_child_process_cpu(tmp_path):
    code, cpu, wall, err = benchmark.run_timed([sys.executable, "-c", "sum(range(3_000_000)); import sys; sys.exit(3)"], tmp_path)
    assert code == 3 and cpu > 0.01 and wall >= cpu * 0.5


def test_builds_are_interleaved_and_strict_failure_is_retimed(tmp_path, monkeypatch):
    calls = []

    def fake(config, out, strict):
        name = config.name.split(".")[1]
        calls.append((name, strict))
        if name == "ours" and strict:
            return 1, 1.0, 1.0, "warning"
        return 0, {"ours": 3.0, "stock": 2.0}[name] + len(calls) / 100, 1.0, ""

    monkeypatch.setattr(benchmark, "_timed_build", fake)
    builds = benchmark.run_pairs(tmp_path, 3)
    assert [name for name, _ in calls] == ["ours", "ours", "stock", "stock", "ours", "ours", "stock"]
    assert calls[:2] == [("ours", True), ("ours", False)] and ("ours", True) not in calls[2:]
    assert builds["ours"].note.startswith("strict FAILED (warning)") and builds["stock"].ok
    assert len(builds["ours"].cpu) == len(builds["stock"].cpu) == 3
    assert [round(r, 3) for r in benchmark.pair_ratios(builds)] == [
        round(o / s, 3) for o, s in zip(builds["ours"].cpu, builds["stock"].cpu, strict=True)
    ]


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
        b'<html><head><link rel="icon" href="../../assets/icon.svg">'
        b'<link rel="stylesheet" href="../../assets/main.css?v=1">'
        b'<link rel="stylesheet" href="https://fonts.example.com/css">'
        b"</head><body><script>inline()</script>"
        b'<script src="../../assets/app.js"></script><script src="/root.js"></script>'
        b'<script src="../../assets/missing.js"></script></body></html>'
    )
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


def _measured(n, ours_s, stock_s, html_per_page, first_total, kind="generated"):
    size = {"pages": 10, "html": html_per_page * 10, "total": html_per_page * 30}
    first = {"html": 5000, "css": 20000, "js": first_total - 25000, "total": first_total, "files": [], "external": [], "missing": []}

    def part(s):
        build = benchmark.Build([s, s * 1.1], [s, s], True, "strict: pass")
        return {"build": build, "size": size, "gate": 1.0, "search": {"search_index.zh.json": (1000, 300)}, "first": first}

    return {"n": n, "label": str(n), "kind": kind, "ours": part(ours_s), "stock": part(stock_s), "ratios": [ours_s / stock_s] * 2}


def test_report_marks_budgets_pass_and_fail():
    results = [_measured(100, 10.0, 10.0, 30000, 70000), _measured(1000, 30.0, 20.0, 60000, 120000)]
    text = benchmark.report(results)
    assert "| 100 | 10 | 10.0 s | 10.0 s | 1.00× | 1.00, 1.00 | PASS | 1000.0 | 1000.0 | 1.0 s | 10.0 s / 10.0 s | strict: pass |" in text
    assert "| 1000 | 10 | 30.0 s | 20.0 s | 1.50× | 1.50, 1.50 | FAIL |" in text
    assert "| ours | 30,000 | 60,000 | 2.00× | FAIL |" in text  # per-page HTML doubled: not flat
    assert "| 100 | ours | 5.0 kB | 20.0 kB | 45.0 kB | 70.0 kB | PASS | — |" in text
    assert "| 1000 | ours | 5.0 kB | 20.0 kB | 95.0 kB | 120.0 kB | FAIL | — |" in text
    assert "PASS (reference)" in text and "FAIL (reference)" in text
    assert "| 100 | ours | search_index.zh.json | 1,000 | 300 |" in text


def test_cpu_per_added_page_leaves_out_the_fixed_cost():
    small, large = _measured(100, 10.0, 8.0, 1, 1), _measured(1000, 30.0, 18.0, 1, 1)
    for part in ("ours", "stock"):
        large[part]["size"] = dict(large[part]["size"], pages=110)
    project = _measured(6, 99.0, 1.0, 1, 1, kind="project")  # not a generated size: left out
    text = benchmark.marginal_table([large, project, small])
    assert "| 100 → 1000 | 100 | 200.0 | 100.0 | +100.0 |" in text and "project" not in text


def test_ratio_is_the_median_of_the_interleaved_pairs():
    r = _measured(100, 10.0, 10.0, 30000, 70000)
    r["ratios"] = [1.3, 1.05, 1.08]
    assert "| 1.08× | 1.30, 1.05, 1.08 | PASS |" in benchmark.time_table([r])
    assert benchmark._median([1.0, 3.0]) == 2.0


def test_report_shows_a_failed_build():
    failed = _measured(100, 1.0, 1.0, 1, 1)
    failed["ours"] = {"build": benchmark.Build(note="strict FAILED (x); build FAILED: y")}
    text = benchmark.report([failed])
    assert "| 100 | — | — | — | — | — | FAIL | — | — | — | — | ours: strict FAILED (x); build FAILED: y; stock: strict: pass |" in text


def test_serve_table_compares_rebuild_cpu():
    serve = {
        "page": "account/locked.md",
        "ours": {"ok": True, "file": [2.0, 3.0, 2.5], "done": [2.0, 3.0, 2.5], "cpu": [1.0, 1.2, 1.1], "note": ""},
        "stock": {"ok": True, "file": [2.0, 2.0, 2.0], "done": [2.0, 2.0, 2.0], "cpu": [1.0, 1.0, 1.0], "note": ""},
    }
    text = benchmark.serve_table(serve)
    assert "| ours | 3 | 2.50 s | 1.10 s |" in text and "| stock | 3 | 2.00 s | 1.00 s |" in text
    assert "Rebuild CPU ours / stock: 1.10× — FAIL (budget ≤ 1.0×)" in text
    serve["ours"]["cpu"] = [0.9, 1.0, 0.95]
    assert "Rebuild CPU ours / stock: 0.95× — PASS" in benchmark.serve_table(serve)
    serve["ours"] = {"ok": False, "file": [], "done": [], "cpu": [], "note": "no page"}
    assert "| ours | 0 | — | FAILED: no page |" in benchmark.serve_table(serve)


def test_edit_loop_waits_for_the_edited_page(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>old</p>", encoding="utf-8")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        handler.log_message = lambda *a: None
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/page/"
        assert benchmark._wait_shown(url, "marker", 0.3) is None
        threading.Timer(0.2, lambda: (tmp_path / "page" / "index.html").write_text("<p>marker</p>", encoding="utf-8")).start()
        assert benchmark._wait_shown(url, "marker", 10) is not None
        server.shutdown()
    assert benchmark._process_cpu(os.getpid()) is None or benchmark._process_cpu(os.getpid()) > 0


def test_gate_is_timed_on_a_cold_start(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>Nothing to see</p>", encoding="utf-8")
    assert benchmark.gate_seconds(benchmark.paths.ROOT, tmp_path / "site") >= 0
    assert benchmark.output_scan._found_box.cache_info().currsize == 1


def test_table_renders_markdown():
    assert benchmark.table(["a", "b"], [[1, "x"]]) == "| a | b |\n|---|---|\n| 1 | x |\n"


def _fake_measure(seen, fail=False):
    def measure(root, n, repeat, copies=0):
        (root / "docs").mkdir(parents=True)
        (root / "docs" / "page.md").write_text("x", encoding="utf-8")
        seen.append(root)
        if fail:
            raise RuntimeError("build broke")
        return {"n": n}

    return measure


def test_main_removes_the_generated_sites_and_keeps_the_results(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(benchmark, "measure", _fake_measure(seen))
    monkeypatch.setattr(benchmark, "report", lambda results, serve=None: "report\n")
    assert benchmark.main(["--sizes", "1", "2", "--copies", "--serve-edits", "0", "--out", str(tmp_path / "out")]) == 0
    assert len(seen) == 2 and not seen[0].parent.exists()
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["results.md"]


def test_main_cleans_up_when_a_build_fails(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(benchmark, "measure", _fake_measure(seen, fail=True))
    with pytest.raises(RuntimeError, match="build broke"):
        benchmark.main(["--sizes", "1", "--copies", "--serve-edits", "0", "--out", str(tmp_path / "out")])
    assert seen and not seen[0].parent.exists()
