"""Benchmark: build CPU time and size of our configuration against stock Material with the same theme features.

`python -m scripts.cli.benchmark [--sizes 100 500 1000] [--copies 6] [--serve-edits 3] [--repeat 2] [--out DIR]`:
generated sites of N articles per language (zh and en), this project's own pages copied K times, and the
`mkdocs serve` edit loop; results as Markdown tables on stdout and in <out>/results.md. See BENCHMARK.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import material
import mkdocs

from scripts import paths
from scripts.cli import build_profile
from scripts.gates import output_scan
from scripts.registry.contacts import Contacts
from scripts.registry.evidence import Policy

SEED = 20261122
SECTION_SIZE = 20  # articles per section: each page's nav lists at most this many siblings
TOPICS = 6  # top-level folders (tabs), like the real site's handful of sections
REGISTRY_CALL = '{{ contact_card("uk-report-fraud") }}'
ENV = {"NO_MKDOCS_2_WARNING": "1"}  # evidence is judged on the real date, as `make build` judges it
BUILDS = ("ours", "stock")
BUDGET_RATIO, BUDGET_FLAT, BUDGET_FIRST_LOAD = 1.10, 1.5, 100_000  # ×, ×, bytes gzip (100 kB)
BUDGET_SERVE = 1.0  # a `mkdocs serve` rebuild of ours costs no more CPU than stock's

_PHRASES = {  # lang: phrases, subjects, problems, headings ("|"-separated); no digits anywhere
    "zh": (
        "打开官方 App|进入安全中心|核对账户信息|查看交易记录|确认收款人姓名|修改登录密码|开启设备锁|留意系统通知|保存聊天截图|不要点击陌生链接|不要透露验证码|"
        "等待审核结果|提交身份证明|检查银行卡状态|取消自动扣款|更新实名信息|关闭免密支付|核实商户名称|冻结可疑交易|保留付款凭证",
        "转账|付款|退款|提现|充值|账户|银行卡|红包|扫码支付|自动扣款",
        "失败|延迟到账|被限制|显示异常|重复扣款|无法完成|被拒绝|需要核验",
        "为什么会出现这个问题|先做这几步|需要准备的材料|处理需要多长时间|常见误区|如何防范诈骗|仍然无法解决时",
    ),
    "en": (
        "open the official app|go to the security centre|check your account details|review the transaction history|confirm the payee's name|"
        "change your login password|turn on the device lock|watch for in-app notices|keep screenshots of the chat|never tap unknown links|"
        "never share a verification code|wait for the review|upload proof of identity|check the card status|cancel the automatic payment|"
        "update your identity details|turn off password-free payments|check the merchant's name|freeze the suspicious payment|keep the receipt",
        "Transfer|Payment|Refund|Withdrawal|Top-up|Account|Bank card|Red packet|QR payment|Auto-debit",
        "failed|arrives late|is restricted|looks wrong|charged twice|cannot finish|was declined|needs checking",
        "Why this happens|Do these first|What to prepare|How long it takes|Common mistakes|Avoid scams|If it is still not solved",
    ),
}
WORDS: dict[str, tuple[list[str], ...]] = {lang: tuple(group.split("|") for group in groups) for lang, groups in _PHRASES.items()}


def letters(i: int, width: int) -> str:
    """`i` in base 26 as `width` lowercase letters: slugs and titles without any digits."""
    return "".join(chr(97 + i // 26**k % 26) for k in reversed(range(width)))


def layout(n: int) -> list[str]:
    """Article paths inside a language folder: topic/section/article.md, sections of SECTION_SIZE."""
    sections = [i // SECTION_SIZE for i in range(n)]
    return [f"topic-{letters(s % TOPICS, 1)}/section-{letters(s, 2)}/article-{letters(i, 3)}.md" for i, s in enumerate(sections)]


def _sentence(rng: random.Random, lang: str) -> str:
    """One sentence of 2–4 phrases in `lang`."""
    picks = rng.sample(WORDS[lang][0], rng.randint(2, 4))
    text = "，".join(picks) + "。" if lang == "zh" else ", then ".join(picks) + "."
    return text[0].upper() + text[1:]


def article_text(index: int, lang: str, seed: int = SEED) -> str:
    """A whole article (front matter + Markdown), identical for the same index, language and seed."""
    rng = random.Random(f"{seed}:{lang}:{index}")
    code = letters(index, 3).upper()
    _, subjects, problems, headings = WORDS[lang]
    subject, problem = rng.choice(subjects), rng.choice(problems)
    title = f"{subject}{problem}怎么办（{code}）" if lang == "zh" else f"{subject} {problem}: what to do ({code})"
    description = _sentence(rng, lang)
    first, second, third = rng.sample(headings, 3)
    items = "\n".join(f"- {_sentence(rng, lang)}" for _ in range(rng.randint(3, 5)))
    steps = "\n".join(f"1. {_sentence(rng, lang)}" for _ in range(3))
    quoted = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731  (a JSON string is a YAML string)
    front = f"---\ntitle: {quoted(title)}\ndescription: {quoted(description)}\nlast_reviewed: 2026-11-01\nrisk: low\n---\n\n"
    p = lambda: ("" if lang == "zh" else " ").join(_sentence(rng, lang) for _ in range(rng.randint(3, 5)))  # noqa: E731  paragraph
    return (
        f"{front}# {title}\n\n{p()}\n\n## {first}\n\n{p()}\n\n{items}\n\n## {second}\n\n{p()}\n\n{steps}\n\n"
        f"## {third}\n\n{p()}\n\n{REGISTRY_CALL}\n\n{p()}\n"
    )


def home_text(lang: str) -> str:
    """A language's home page, with valid front matter."""
    title, desc = (
        ("基准测试首页", "由基准测试脚本生成的示例帮助中心首页。")
        if lang == "zh"
        else ("Benchmark home", "Home page of a help center generated by the benchmark.")
    )
    return f"---\ntitle: {title}\ndescription: {desc}\nlast_reviewed: 2026-11-01\nrisk: low\n---\n\n# {title}\n\n{desc}\n"


def _block(text: str, key: str) -> str:
    """A top-level key of a YAML file with its indented lines, as text (so tags like !ENV survive)."""
    match = re.search(rf"^{key}:.*\n(?:(?:[ \t].*|[ \t]*)\n)*", text, re.M)
    return match.group(0) if match else ""


def our_config(real: str) -> str:
    """The real mkdocs.yml with no nav (MkDocs derives it), overrides from the repository, our plugin kept."""
    text = real.replace(_block(real, "nav"), "")
    return re.sub(r"^(\s+custom_dir:).*$", rf"\1 {paths.OVERRIDES}", text, flags=re.M)


def _features(real: str) -> str:
    """The theme's `features:` list of the real config, as YAML lines (comments dropped)."""
    match = re.search(r"^  features:\n((?:    - .*\n)+)", real, re.M)
    items = re.findall(r"^    - ([\w.]+)", match.group(1), re.M) if match else []
    return "".join(f"    - {item}\n" for item in items)


def stock_config(real: str) -> str:
    """The stock a user would pick for a site like ours: Material with the same theme features
    (navigation.prune included) and system fonts, static-i18n (folder mode) and search with their
    defaults, the same Markdown extensions. No plugin of ours, no overrides, no extra CSS or JS."""
    return (
        "site_name: 钱包帮助中心\n" + _block(real, "site_url") + _block(real, "repo_url") + _block(real, "edit_uri") + "docs_dir: docs\n"
        "theme:\n  name: material\n  language: zh\n  font: false\n  features:\n"
        + _features(real)
        + "plugins:\n  - search\n  - i18n:\n      docs_structure: folder\n"
        "      languages:\n        - {locale: zh, name: 中文, default: true, build: true}\n"
        "        - {locale: en, name: English, build: true, site_name: Wallet Help Center, theme: {language: en}}\n"
        + _block(real, "markdown_extensions")
    )


def _write_configs(root: Path) -> None:
    shutil.copytree(paths.DATA, root / "data")
    real = (paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.ours.yml").write_text(our_config(real), encoding="utf-8")
    (root / "mkdocs.stock.yml").write_text(stock_config(real), encoding="utf-8")


def generate_site(root: Path, n: int) -> list[str]:
    """Write docs/, data/ and both configs under `root`; return the article paths."""
    if root.exists():
        shutil.rmtree(root)
    articles = layout(n)
    for lang in paths.LANGUAGES:
        base = root / "docs" / lang
        base.mkdir(parents=True)
        (base / "index.md").write_text(home_text(lang), encoding="utf-8")
        for i, rel in enumerate(articles):
            (base / rel).parent.mkdir(parents=True, exist_ok=True)
            (base / rel).write_text(article_text(i, lang), encoding="utf-8")
    shutil.copytree(paths.DOCS / "assets", root / "docs" / "assets")
    _write_configs(root)
    return articles


def copy_name(name: str, copy: int) -> str:
    """The file name of the `copy`-th copy of a page (1-based; copy 0 is the page itself): letters, no digits."""
    stem = name.removesuffix(".md")
    return name if copy == 0 else f"{stem}-copy-{letters(copy, 2)}.md"


def copy_project(root: Path, copies: int, docs: Path = paths.DOCS) -> list[str]:
    """This project's own docs/ with every article (not index pages) present `copies` times in its own
    folder, in both languages, so every link still resolves; return the zh article paths.
    `copies` = 1 is today's site."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(docs, root / "docs")
    articles = []
    for lang in paths.LANGUAGES:
        base = root / "docs" / lang
        for page in sorted(base.rglob("*.md")):
            if page.name == "index.md":
                continue
            text = page.read_bytes()
            for copy in range(1, copies):
                page.with_name(copy_name(page.name, copy)).write_bytes(text)
            if lang == paths.DEFAULT_LANGUAGE:
                articles += [page.relative_to(base).with_name(copy_name(page.name, c)).as_posix() for c in range(copies)]
    _write_configs(root)
    return articles


@dataclass
class Build:
    """Outcome of building one configuration `repeat` times: CPU and wall seconds of each run."""

    cpu: list[float] = field(default_factory=list)  # user + system seconds of the build process
    wall: list[float] = field(default_factory=list)
    ok: bool = False
    note: str = ""  # strict-mode outcome or failure

    @property
    def seconds(self) -> float:
        """The best (lowest) CPU time: the least disturbed by other work on the machine."""
        return min(self.cpu)


def run_timed(cmd: list[str], cwd: Path) -> tuple[int, float, float, str]:
    """(exit code, CPU seconds, wall seconds, stderr tail) of a command: CPU is user + system time of
    the process and everything it waited for, so other work on the machine hardly counts."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=dict(os.environ, **ENV), capture_output=True, text=True)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return proc.returncode, cpu, wall, " ".join(proc.stderr.strip().splitlines()[-3:])[:300]


def _timed_build(config: Path, out: Path, strict: bool) -> tuple[int, float, float, str]:
    """(exit code, CPU seconds, wall seconds, stderr tail) of one `mkdocs build` in a subprocess."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict", "-f", str(config), "-d", str(out)]
    return run_timed(cmd, config.parent)


def run_pairs(root: Path, repeat: int) -> dict[str, Build]:
    """Build ours and stock `repeat` times, interleaved (ours, stock, stock, ours, …) so that both
    meet the same machine load; ours is built with --strict (a failure is noted, then re-timed
    with --no-strict)."""
    builds = {name: Build(ok=True, note="strict: pass" if name == "ours" else "not strict") for name in BUILDS}
    strict = True
    for i in range(repeat):
        for name in BUILDS if i % 2 == 0 else BUILDS[::-1]:
            build = builds[name]
            if not build.ok:
                continue
            config, out = root / f"mkdocs.{name}.yml", root / f"site-{name}"
            use_strict = strict and name == "ours"
            code, cpu, wall, err = _timed_build(config, out, use_strict)
            if code and use_strict:
                build.note, strict = f"strict FAILED ({err}); timed with --no-strict", False
                code, cpu, wall, err = _timed_build(config, out, False)
            if code:
                build.ok, build.note = False, f"{build.note}; build FAILED: {err}"
                continue
            build.cpu.append(cpu)
            build.wall.append(wall)
    return builds


def pair_ratios(builds: dict[str, Build]) -> list[float]:
    """Ours / stock CPU time of each interleaved pair."""
    ours, stock = builds["ours"], builds["stock"]
    return [o / s for o, s in zip(ours.cpu, stock.cpu, strict=False) if s]


def gate_seconds(root: Path, site: Path) -> float:
    """CPU time of the output number gate alone (vendor digests + output_scan.scan_output), as on_post_build runs it."""
    contacts = Contacts.load(root / "data" / "contacts.yml", Policy.load(root / "data" / "publishers.yml"))
    output_scan._found_box.cache_clear()  # as in a fresh build: nothing read before
    start = time.process_time()
    theme_dirs = [Path(material.__file__).parent / "templates", Path(mkdocs.__file__).parent / "templates"]
    output_scan.scan_output(site, contacts, output_scan.vendor_digests(theme_dirs))
    return time.process_time() - start


def gz(data: bytes) -> int:
    """Size of `data` gzipped at level 9."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def site_sizes(site: Path) -> dict:
    """HTML file count, HTML bytes and total bytes of a built site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p.stat().st_size for p in files if p.suffix == ".html"]
    return {"pages": len(html), "html": sum(html), "total": sum(p.stat().st_size for p in files)}


def search_sizes(site: Path) -> dict[str, tuple[int, int]]:
    """{index file name: (raw bytes, gzip bytes)} for every search index in the site."""
    return {p.name: (p.stat().st_size, gz(p.read_bytes())) for p in sorted((site / "search").glob("search_index*.json"))}


class _Assets(HTMLParser):
    """Collects stylesheet and script URLs of a page."""

    def __init__(self):
        super().__init__()
        self.urls: dict[str, list[str]] = {"css": [], "js": []}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").lower().split() and a.get("href"):
            self.urls["css"].append(a["href"])
        elif tag == "script" and a.get("src"):
            self.urls["js"].append(a["src"])


def first_load(page: Path, site: Path) -> dict:
    """Gzip bytes of a page's HTML plus the local CSS and JS it references (search index excluded)."""
    html, parser, site = page.read_bytes(), _Assets(), site.resolve()
    parser.feed(html.decode("utf-8", errors="replace"))
    result: dict[str, Any] = {"html": gz(html), "css": 0, "js": 0, "files": [], "external": [], "missing": []}
    for kind, urls in parser.urls.items():
        for url in urls:
            path = url.split("#")[0].split("?")[0]
            target = ((site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)).resolve()
            if re.match(r"^([a-z][a-z0-9+.-]*:|//)", url, re.I):
                result["external"].append(url)
            elif not target.is_file() or site not in target.parents:
                result["missing"].append(url)
            else:
                result[kind] += gz(target.read_bytes())
                result["files"].append(target.relative_to(site).as_posix())
    result["total"] = result["html"] + result["css"] + result["js"]
    return result


def table(headers: list[str], rows: list[list]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    return "\n".join(lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]) + "\n"


def measure(root: Path, n: int, repeat: int, copies: int = 0) -> dict:
    """Write one site (N generated articles per language, or this project's pages `copies` times)
    and build it both ways, interleaved."""
    label = f"project ×{copies}" if copies else str(n)
    print(f"{label}: writing and building in {root}", file=sys.stderr, flush=True)
    articles = copy_project(root, copies) if copies else generate_site(root, n)
    result: dict = {"n": len(articles), "label": label, "kind": "project" if copies else "generated"}
    builds = run_pairs(root, repeat)
    result["ratios"] = pair_ratios(builds)
    for name in BUILDS:
        site, build = root / f"site-{name}", builds[name]
        result[name] = {"build": build}
        if build.ok:
            result[name].update(
                size=site_sizes(site),
                search=search_sizes(site),
                first=first_load(site / articles[0].removesuffix(".md") / "index.html", site),
            )
    if builds["ours"].ok:
        result["ours"]["gate"] = gate_seconds(root, root / "site-ours")
    return result


# --- `mkdocs serve`: from saving a page to the rebuilt page -------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _process_cpu(pid: int) -> float | None:
    """User + system CPU seconds of a running process (Linux /proc), or None where unavailable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


class _Server:
    """One `mkdocs serve` (default options: livereload on) on a free port, its log read line by line."""

    def __init__(self, config: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{self.port}"]
        env = dict(os.environ, **ENV, SITE_URL=self.url)  # served at the root, as `make serve` does
        self.proc = subprocess.Popen(
            cmd,
            cwd=config.parent,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        self.lines: list[tuple[float, str]] = []
        self._changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            with self._changed:
                self.lines.append((time.perf_counter(), line.rstrip()))
                self._changed.notify_all()
        with self._changed:
            self.lines.append((time.perf_counter(), "<exited>"))
            self._changed.notify_all()

    def wait_for(self, text: str, after: int, timeout: float) -> tuple[int, float]:
        """(index, time) of the first log line from index `after` on that contains `text`."""
        deadline = time.perf_counter() + timeout
        with self._changed:
            while True:
                for i in range(after, len(self.lines)):
                    if text in self.lines[i][1]:
                        return i, self.lines[i][0]
                    if self.lines[i][1] == "<exited>" or "An error happened during the rebuild" in self.lines[i][1]:
                        raise RuntimeError("mkdocs serve: " + " ".join(line for _, line in self.lines[-5:])[:300])
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise TimeoutError(f"mkdocs serve: no {text!r} within {timeout:.0f} s")
                self._changed.wait(min(left, 1.0))

    def stop(self) -> None:
        """Ctrl-C, as an editor stops it: MkDocs removes its temporary site directory."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _page_shows(url: str, marker: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return marker in response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return False


def _wait_shown(url: str, marker: str, timeout: float) -> float | None:
    """When `url` first serves a page with `marker` in it (polled every 20 ms), or None after `timeout`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if _page_shows(url, marker):
            return time.perf_counter()
        time.sleep(0.02)
    return None


def serve_edits(root: Path, name: str, page: str, edits: int, timeout: float = 600) -> dict:
    """Start `mkdocs serve` with one configuration, then `edits` times: append a line to the zh page
    `page`, and time (wall) until the rebuilt page is served with it and until the server says
    "Reloading browsers" (the build, gates included, is over), and the server's CPU time for that."""
    source = root / "docs" / paths.DEFAULT_LANGUAGE / page
    original = source.read_bytes()
    url_path = page.removesuffix(".md").removesuffix("index").strip("/")
    result: dict = {"file": [], "done": [], "cpu": [], "ok": False, "note": ""}
    server = _Server(root / f"mkdocs.{name}.yml")
    try:
        after, _ = server.wait_for("Serving on", 0, timeout)
        url = server.url + (url_path + "/" if url_path else "")
        if _wait_shown(url, "</html>", 60) is None:
            raise RuntimeError(f"mkdocs serve does not serve {url}")
        for i in range(edits):
            time.sleep(1.0)  # let the file watcher settle
            marker = f"benchmark edit marker {letters(i, 3)}"
            after = len(server.lines)
            cpu0, start = _process_cpu(server.proc.pid), time.perf_counter()
            source.write_bytes(original + f"\n\n{marker}\n".encode())
            shown = _wait_shown(url, marker, timeout)
            if shown is None:
                raise TimeoutError(f"mkdocs serve: {url} did not show the edit within {timeout:.0f} s")
            after, done = server.wait_for("Reloading browsers", after, timeout)
            cpu1 = _process_cpu(server.proc.pid)
            result["file"].append(shown - start)
            result["done"].append(done - start)
            if cpu0 is not None and cpu1 is not None:
                result["cpu"].append(cpu1 - cpu0)
        result["ok"] = True
    except (RuntimeError, TimeoutError) as exc:
        result["note"] = str(exc)
    finally:
        server.stop()
        source.write_bytes(original)
    return result


def measure_serve(root: Path, edits: int) -> dict:
    """The edit loop of both configurations on this project's pages (copied once: today's site)."""
    print(f"serve: edit loop in {root}", file=sys.stderr, flush=True)
    articles = copy_project(root, 1)
    page = next((a for a in articles if a.count("/") == 1), articles[0])
    return {"page": page, **{name: serve_edits(root, name, page, edits) for name in BUILDS}}


# --- Report ------------------------------------------------------------------------------------------


def _kb(n: float) -> str:
    """Bytes as kB (1 kB = 1000 bytes)."""
    return f"{n / 1000:,.1f} kB"


def verdict(ok: bool, build: str = "ours") -> str:
    """PASS/FAIL for a budget; the budgets are ours, stock's verdict is only a reference point."""
    return ("PASS" if ok else "FAIL") + ("" if build == "ours" else " (reference)")


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def time_table(results: list[dict]) -> str:
    """CPU time ours vs stock, the median ratio of the interleaved pairs against the budget, per-page cost, the gate alone."""
    rows = []
    for r in results:
        ours, stock = r["ours"]["build"], r["stock"]["build"]
        if ours.ok and stock.ok and r["ratios"]:
            pages = r["ours"]["size"]["pages"]
            ratio = _median(r["ratios"])
            rows.append(
                [
                    r["label"],
                    pages,
                    f"{ours.seconds:.1f} s",
                    f"{stock.seconds:.1f} s",
                    f"{ratio:.2f}×",
                    ", ".join(f"{x:.2f}" for x in r["ratios"]),
                    verdict(ratio <= BUDGET_RATIO),
                    f"{1000 * ours.seconds / pages:.1f}",
                    f"{1000 * stock.seconds / pages:.1f}",
                    f"{r['ours']['gate']:.1f} s",
                    f"{min(ours.wall):.1f} s / {min(stock.wall):.1f} s",
                    ours.note,
                ]
            )
        else:
            rows.append([r["label"], "—", "—", "—", "—", "—", "FAIL", "—", "—", "—", "—", f"ours: {ours.note}; stock: {stock.note}"])
    return "### Build CPU time (user + system; best of the interleaved runs)\n\n" + table(
        [
            "articles per language",
            "HTML pages",
            "ours",
            "stock",
            "ratio (median of pairs)",
            "each pair",
            f"budget ≤ {BUDGET_RATIO}×",
            "ours ms / page",
            "stock ms / page",
            "output gate alone",
            "wall ours / stock",
            "ours strict",
        ],
        rows,
    )


def marginal_table(results: list[dict]) -> str:
    """CPU milliseconds each added page costs between consecutive generated sizes (fixed start-up cost excluded)."""
    ok = sorted((r for r in results if r["kind"] == "generated" and r["ours"]["build"].ok and r["stock"]["build"].ok), key=lambda r: r["n"])
    rows = []
    for lo, hi in zip(ok, ok[1:], strict=False):
        added = hi["ours"]["size"]["pages"] - lo["ours"]["size"]["pages"]
        if added <= 0:
            continue
        per = {b: 1000 * (hi[b]["build"].seconds - lo[b]["build"].seconds) / added for b in BUILDS}
        rows.append(
            [f"{lo['label']} → {hi['label']}", added, f"{per['ours']:.1f}", f"{per['stock']:.1f}", f"{per['ours'] - per['stock']:+.1f}"]
        )
    if not rows:
        return ""
    return "### CPU per added page (ms), between generated sizes\n\n" + table(
        ["sizes", "pages added", "ours", "stock", "ours − stock"], rows
    )


def serve_table(serve: dict | None) -> str:
    """`mkdocs serve`: seconds from saving a page to the rebuilt page, median of the edits."""
    if not serve:
        return ""
    rows = []
    for name in BUILDS:
        s = serve[name]
        if s["ok"]:
            cpu = f"{_median(s['cpu']):.2f} s" if s["cpu"] else "—"
            rows.append([name, len(s["done"]), f"{_median(s['file']):.2f} s", cpu])
        else:
            rows.append([name, 0, "—", f"FAILED: {s['note']}"])
    text = f"### `mkdocs serve`: save `{serve['page']}` (zh) → rebuilt page served (median of the edits)\n\n" + table(
        ["build", "edits", "save → page served with the edit (wall)", "server CPU for the rebuild"], rows
    )
    ours, stock = serve["ours"], serve["stock"]
    if ours["ok"] and stock["ok"] and ours["cpu"] and stock["cpu"]:
        ratio = _median(ours["cpu"]) / _median(stock["cpu"])
        text += f"\nRebuild CPU ours / stock: {ratio:.2f}× — {verdict(ratio <= BUDGET_SERVE)} (budget ≤ {BUDGET_SERVE}×)\n"
    return text


def size_tables(ok: list[dict]) -> str:
    """Site size per build, and whether HTML bytes per page stay flat from the smallest generated N to the largest."""
    rows = [
        [r["label"], b, s["pages"], f"{s['html']:,}", f"{s['total']:,}", f"{s['html'] // s['pages']:,}", f"{s['total'] // s['pages']:,}"]
        for r in ok
        for b in BUILDS
        for s in [r[b]["size"]]
    ]
    out = "### Site size (bytes; per page = per HTML file)\n\n" + table(
        ["articles per language", "build", "HTML files", "HTML", "total", "HTML / page", "total / page"], rows
    )
    generated = [r for r in ok if r.get("kind", "generated") == "generated"]
    if len(generated) < 2:
        return out
    lo, hi = min(generated, key=lambda r: r["n"]), max(generated, key=lambda r: r["n"])
    per = {(r["n"], b): r[b]["size"]["html"] / r[b]["size"]["pages"] for r in (lo, hi) for b in BUILDS}
    rows = [
        [
            b,
            f"{per[lo['n'], b]:,.0f}",
            f"{per[hi['n'], b]:,.0f}",
            f"{per[hi['n'], b] / per[lo['n'], b]:.2f}×",
            verdict(per[hi["n"], b] <= BUDGET_FLAT * per[lo["n"], b], b),
        ]
        for b in BUILDS
    ]
    return (
        out
        + f"\n### Linear growth: HTML bytes per page, N={lo['n']} → N={hi['n']}\n\n"
        + table(["build", f"N={lo['n']}", f"N={hi['n']}", "ratio", f"budget ≤ {BUDGET_FLAT}×"], rows)
    )


def weight_tables(ok: list[dict]) -> str:
    """Search index sizes per file, and one article's first-load weight against its budget."""
    rows = [[r["label"], b, name, f"{raw:,}", f"{z:,}"] for r in ok for b in BUILDS for name, (raw, z) in r[b]["search"].items()]
    out = "### Search index (bytes)\n\n" + table(["articles per language", "build", "file", "raw", "gzip -9"], rows)
    rows = [
        [
            r["label"],
            b,
            _kb(f["html"]),
            _kb(f["css"]),
            _kb(f["js"]),
            _kb(f["total"]),
            verdict(f["total"] <= BUDGET_FIRST_LOAD, b),
            ", ".join(f["external"] + [m + " (missing)" for m in f["missing"]]) or "—",
        ]
        for r in ok
        for b in BUILDS
        for f in [r[b]["first"]]
    ]
    return (
        out
        + "\n### First-load weight of one article (gzip -9, search index excluded)\n\n"
        + table(["articles per language", "build", "HTML", "CSS", "JS", "total", f"budget ≤ {_kb(BUDGET_FIRST_LOAD)}", "not counted"], rows)
    )


def profile_table(root: Path) -> str:
    """One build of each configuration under `root`, split by plugin event and stage (cli/build_profile.py)."""
    columns = {}
    for name in BUILDS:
        cmd = [
            sys.executable,
            "-m",
            "scripts.cli.build_profile",
            "--json",
            str(root / f"mkdocs.{name}.yml"),
            "--site-dir",
            str(root / f"site-{name}"),
        ]
        proc = subprocess.run(cmd, cwd=root, env=dict(os.environ, **ENV), capture_output=True, text=True)
        if proc.returncode:
            return f"\n### Where the time goes\n\nThe {name} profile failed: {proc.stderr.strip()[-300:]}\n"
        columns[name] = json.loads(proc.stdout.strip().splitlines()[-1])
    return f"\n### Where the time goes ({root.name}, one build each, CPU ms per HTML page)\n\n" + build_profile.table(columns)


def report(results: list[dict], serve: dict | None = None) -> str:
    """All tables as Markdown."""
    ok = [r for r in results if r["ours"]["build"].ok and r["stock"]["build"].ok]
    parts = [time_table(results), marginal_table(results), serve_table(serve), size_tables(ok), weight_tables(ok)]
    return "\n".join(p for p in parts if p)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for every size and print/write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 500, 1000], help="generated articles per language")
    parser.add_argument(
        "--copies", type=int, nargs="*", default=[6], help="also build this project's own pages, each article this many times"
    )
    parser.add_argument("--serve-edits", type=int, default=3, help="edits timed in `mkdocs serve` per configuration (0: skip)")
    parser.add_argument("--out", type=Path, default=paths.ROOT / "benchmark-output", help="where results.md is written")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites (normally deleted when the run ends)")
    parser.add_argument("--repeat", type=int, default=2, help="interleaved builds per configuration")
    parser.add_argument(
        "--profile", action="store_true", help="also split one build of each configuration by plugin event and stage (largest project copy)"
    )
    args = parser.parse_args(argv)
    os.environ.update(ENV)
    args.out.mkdir(parents=True, exist_ok=True)
    # The generated sites (thousands of files) live in a temporary folder that is removed however
    # the run ends (an error, Ctrl-C); only results.md stays in --out.
    work = Path(tempfile.mkdtemp(prefix="hc-benchmark-"))
    repeat = max(1, args.repeat)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `kill` cleans up too, like Ctrl-C
    try:
        results = [measure(work / f"n{n}", n, repeat) for n in args.sizes]
        results += [measure(work / f"copies{k}", 0, repeat, copies=k) for k in args.copies if k > 0]
        serve = measure_serve(work / "serve", args.serve_edits) if args.serve_edits > 0 else None
        copies = [k for k in args.copies if k > 0]
        profiled = work / f"copies{max(copies)}" if copies else work / f"n{max(args.sizes)}" if args.sizes else None
        split = profile_table(profiled) if args.profile and profiled else ""
    finally:
        if args.keep:
            print(f"generated sites kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    what = ", ".join([f"sizes {' '.join(map(str, args.sizes))}"] * bool(args.sizes) + [f"project ×{k}" for k in args.copies if k > 0])
    text = f"## Benchmark results ({what}; {repeat} interleaved run(s) each)\n\n" + report(results, serve) + split
    print(text)
    (args.out / "results.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
