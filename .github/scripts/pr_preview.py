"""The pull request's preview, as Markdown for the run summary: which pages changed and how to view them.

Run by .github/workflows/ci.yml after the build, with BASE_SHA, HEAD_SHA, BUILD_OUTCOME, ARTIFACT
and RUN_URL in the environment. Standard library only; reads git and the built site/, writes
Markdown to stdout. Page titles come from the built pages: text from the pull request, so it is
escaped before it reaches the summary.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")
STATUS = {"A": "added", "M": "changed", "D": "deleted", "R": "renamed", "C": "copied", "T": "changed"}
PORT = 8000


@dataclass(frozen=True)
class Change:
    status: str  # added, changed, deleted, renamed
    path: str  # repository path after the change


def changed_files(base: str, head: str, cwd: Path | None = None) -> list[Change]:
    """Files the pull request changes (base...head), renames followed."""
    out = subprocess.run(
        ["git", "diff", "--name-status", "-M", "-z", f"{base}...{head}"],
        cwd=cwd,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8", errors="replace")
    parts, changes, i = out.split("\0"), [], 0
    while i < len(parts) - 1:
        code = parts[i]
        if code[:1] in ("R", "C"):
            changes.append(Change(STATUS[code[0]], parts[i + 2]))
            i += 3
        else:
            changes.append(Change(STATUS.get(code[:1], "changed"), parts[i + 1]))
            i += 2
    return changes


def page_url(path: str) -> str | None:
    """The site path of a page source (docs/zh/account/locked.md → account/locked/), None for non-pages."""
    match = re.fullmatch(r"docs/([a-z]{2})/(.+)\.md", path)
    if not match or match.group(1) not in LANGUAGES:
        return None
    lang, rel = match.groups()
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    if rel == "index" or rel.endswith("/index"):
        rel = rel.removesuffix("index")
        return prefix + rel
    return f"{prefix}{rel}/"


def built_title(site: Path, url: str) -> str | None:
    """The <title> of a built page, or None when it was not built."""
    page = site / url / "index.html"
    if not page.is_file():
        return None
    match = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8", errors="replace"), re.S)
    return html.unescape(match.group(1)).strip() if match else ""


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (no markup, no pipes, no line breaks)."""
    text = re.sub(r"\s+", " ", text)
    return html.escape(text, quote=True).replace("|", "&#124;").replace("`", "&#96;").replace("[", "&#91;").replace("]", "&#93;")


def summary(changes: list[Change], site: Path, build_ok: bool, artifact: str, run_url: str) -> str:
    """The Markdown for the run summary."""
    lines = ["## Preview of this pull request", ""]
    pages = [(c, url) for c in changes if (url := page_url(c.path)) is not None]
    others = [c for c in changes if page_url(c.path) is None]
    if not build_ok:
        lines += [
            "The site did not build, so there is no preview yet. The annotations in **Files changed** and the "
            "failed step's log say what to fix (`path:line: RULE-ID what — fix`); the preview appears when the build passes.",
            "",
        ]
    if pages:
        lines += ["| Page | Language | Change | Open in the preview |", "|---|---|---|---|"]
        for change, url in pages:
            lang = change.path.split("/")[1]
            if change.status == "deleted":
                lines.append(f"| `{_cell(change.path)}` | {lang} | deleted | — |")
                continue
            title = built_title(site, url) if build_ok else None
            name = _cell(title.split(" - ")[0]) if title else f"`{_cell(change.path)}`"
            link = f"http://127.0.0.1:{PORT}/{url}" if build_ok and title is not None else "not built"
            lines.append(f"| {name}<br>`{_cell(change.path)}` | {lang} | {change.status} | {link} |")
        lines.append("")
    else:
        lines += ["This pull request changes no page under `docs/`.", ""]
    registry = [c for c in others if c.path.startswith("data/")]
    if registry:
        lines += [
            "Registry or interface data changed (" + ", ".join(f"`{_cell(c.path)}`" for c in registry) + "): every page "
            "that shows those contacts or words may look different; check the directory and the cards.",
            "",
        ]
    if build_ok:
        lines += [
            "### How to view it",
            "",
            f"1. Download **{_cell(artifact)}** under *Artifacts* at the bottom of [this run's summary]({run_url}).",
            f"2. Unzip it into a new folder and, in that folder, run `python3 -m http.server {PORT}` (any computer with Python 3).",
            f"3. Open the links above, or http://127.0.0.1:{PORT}/ for the Chinese home page and "
            f"http://127.0.0.1:{PORT}/en/ for the English one.",
            "",
            "The preview is the site exactly as it would be published, gates included. It is kept for 14 days.",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    env = os.environ
    build_ok = env.get("BUILD_OUTCOME", "") == "success"
    base, head = env.get("BASE_SHA", ""), env.get("HEAD_SHA", "") or "HEAD"
    try:
        changes = changed_files(base, head) if base else []
    except subprocess.CalledProcessError as exc:
        print(f"(Could not list the changed files: {exc.stderr.decode(errors='replace').strip()})\n")
        changes = []
    print(summary(changes, Path("site"), build_ok, env.get("ARTIFACT", "site-preview"), env.get("RUN_URL", "")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
