"""The CI plumbing: the pull-request preview summary, the build-findings matcher and the workflow files."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts import paths

GITHUB = paths.ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))


def _load_preview():
    spec = importlib.util.spec_from_file_location("pr_preview", GITHUB / "scripts" / "pr_preview.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["pr_preview"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


preview = _load_preview()


# --- The preview summary ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("docs/zh/index.md", ""),
        ("docs/en/index.md", "en/"),
        ("docs/zh/account/index.md", "account/"),
        ("docs/zh/account/locked.md", "account/locked/"),
        ("docs/en/security/fake-loans.md", "en/security/fake-loans/"),
        ("docs/assets/stylesheets/site.css", None),
        ("docs/fr/index.md", None),
        ("data/contacts.yml", None),
    ],
)
def test_page_urls_follow_the_site_layout(path, url):
    assert preview.page_url(path) == url


def _git(repo: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "PATH": "/usr/bin:/bin",
        "HOME": str(repo),
    }
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


def test_changed_files_follow_renames(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs" / "zh" / "account").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    for name in ("locked.md", "old.md", "gone.md"):
        (repo / "docs" / "zh" / "account" / name).write_text(f"# {name}\n\n" + "Text that stays the same.\n" * 20, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    base = _git(repo, "rev-parse", "HEAD")
    (repo / "docs" / "zh" / "account" / "locked.md").write_text("# changed\n", encoding="utf-8")
    (repo / "docs" / "zh" / "account" / "gone.md").unlink()
    _git(repo, "mv", "docs/zh/account/old.md", "docs/zh/account/renamed.md")
    (repo / "docs" / "zh" / "account" / "new page.md").write_text("# new\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "change")
    changes = {(c.status, c.path) for c in preview.changed_files(base, "HEAD", cwd=repo)}
    assert changes == {
        ("changed", "docs/zh/account/locked.md"),
        ("deleted", "docs/zh/account/gone.md"),
        ("renamed", "docs/zh/account/renamed.md"),
        ("added", "docs/zh/account/new page.md"),
    }


def test_summary_lists_pages_with_titles_links_and_how_to_view(tmp_path):
    site = tmp_path / "site"
    (site / "account" / "locked").mkdir(parents=True)
    (site / "account" / "locked" / "index.html").write_text(
        "<title>Locked | <b>account</b> [x](y) - 钱包帮助中心</title>", encoding="utf-8"
    )
    changes = [
        preview.Change("changed", "docs/zh/account/locked.md"),
        preview.Change("added", "docs/en/account/new.md"),  # not built: says so
        preview.Change("deleted", "docs/zh/account/old.md"),
        preview.Change("changed", "data/contacts.yml"),
        preview.Change("changed", "scripts/site/nav.py"),
    ]
    text = preview.summary(changes, site, True, "site-preview-12", "https://github.example/run/1")
    assert (
        "| Locked &#124; &lt;b&gt;account&lt;/b&gt; &#91;x&#93;(y)<br>`docs/zh/account/locked.md` | zh | changed | http://127.0.0.1:8000/account/locked/ |"
        in text
    )
    assert "| `docs/en/account/new.md`<br>`docs/en/account/new.md` | en | added | not built |" in text
    assert "| `docs/zh/account/old.md` | zh | deleted | — |" in text
    assert "`data/contacts.yml`" in text and "nav.py" not in text
    assert "**site-preview-12**" in text and "python3 -m http.server 8000" in text and "(https://github.example/run/1)" in text


def test_summary_without_a_build_says_why_there_is_no_preview(tmp_path):
    text = preview.summary([preview.Change("changed", "docs/zh/index.md")], tmp_path, False, "a", "u")
    assert "did not build" in text and "http.server" not in text and "not built" in text


# --- The build-findings matcher --------------------------------------------------------------


def _matchers():
    data = json.loads((GITHUB / "matchers" / "build-findings.json").read_text(encoding="utf-8"))
    return {m["owner"]: re.compile(m["pattern"][0]["regexp"]) for m in data["problemMatcher"]}


@pytest.mark.parametrize(
    ("line", "owner", "file", "number", "code"),
    [
        (
            "ERROR   -  docs/zh/contact/escalate.md:19: HC101 unknown contact id 'x.y'.",
            "hc-build-error",
            "docs/zh/contact/escalate.md",
            "19",
            "HC101",
        ),
        (
            "/home/runner/work/w/w/data/contacts.yml:12: HC100 providers.0.regions: region 'UK' …",
            "hc-build-error",
            "data/contacts.yml",
            "12",
            "HC100",
        ),
        (
            "WARNING -  data/contacts.yml:40: HC110 source checked 400 days ago — re-check it",
            "hc-build-warning",
            "data/contacts.yml",
            "40",
            "HC110",
        ),
    ],
)
def test_matcher_turns_build_messages_into_annotations(line, owner, file, number, code):
    matchers = _matchers()
    hits = {name: m.match(line) for name, m in matchers.items() if m.match(line)}
    assert list(hits) == [owner]
    assert hits[owner].group(1, 2, 3) == (file, number, code)


@pytest.mark.parametrize(
    "line", ["INFO    -  Building documentation...", "::error file=docs/zh/a.md,line=3,title=HC001::x", "tests/x.py:3: AssertionError"]
)
def test_matcher_ignores_other_lines(line):
    assert not any(m.match(line) for m in _matchers().values())


# --- The workflows ---------------------------------------------------------------------------


def _workflow(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # `on:` stays a string key


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_full_commit_shas_and_credentials_not_kept(path):
    text = path.read_text(encoding="utf-8")
    for ref in re.findall(r"uses:\s*(\S+)", text):
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{path.name}: pin {ref} to a full commit SHA"
    workflow = _workflow(path)
    assert workflow.get("permissions"), f"{path.name}: set top-level permissions"
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") == "false"


def test_no_pull_request_code_runs_with_a_write_token():
    for path in WORKFLOWS:
        workflow = _workflow(path)
        assert "pull_request_target" not in workflow["on"] and "workflow_run" not in workflow["on"], path.name


def test_ci_runs_every_make_test_step_and_uploads_the_preview():
    ci = _workflow(GITHUB / "workflows" / "ci.yml")
    runs = " ".join(step.get("run", "") for step in ci["jobs"]["test"]["steps"])
    for target in ("make lint", "make check", "make build", "make suite"):
        assert target in runs
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    test_recipe = makefile.split("\ntest: ", 1)[1].split("\n\n", 1)[0]
    assert re.findall(r"--no-print-directory (\w+)", test_recipe) == ["lint", "check", "build", "suite"]
    uses = [step.get("uses", "") for step in ci["jobs"]["test"]["steps"]]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)


def test_reverify_runs_daily_and_keeps_one_issue():
    workflow = _workflow(GITHUB / "workflows" / "reverify.yml")
    assert workflow["on"]["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]  # every day
    script = workflow["jobs"]["tracking-issue"]["steps"][0]["run"]
    assert "gh issue edit" in script and "gh issue close" in script and "gh issue reopen" in script
    assert script.count("gh issue create") == 1
    check = workflow["jobs"]["check"]["steps"][-1]["run"]
    assert "HC005" in check and "scripts.cli.reverify" in check
    assert "issues" not in workflow.get("permissions", {})  # only the issue job may write issues


def test_dependabot_covers_pip_and_actions():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert ecosystems == {("pip", "/requirements"), ("github-actions", "/")}
    lock = (paths.ROOT / "requirements" / "requirements.txt").read_text(encoding="utf-8")
    assert "--generate-hashes" in lock.split("\n\n", 1)[0]  # Dependabot re-runs the header's command


def test_lock_names_no_machine_paths_or_indexes():
    lock = (paths.ROOT / "requirements" / "requirements.txt").read_text(encoding="utf-8")
    assert not re.search(r"(^|\s)(/home/|/root/|/tmp/|/work/|[A-Z]:\\\\|file://)", lock)
    assert not re.search(r"^\s*--(index-url|extra-index-url|find-links|trusted-host)", lock, re.M)
    packages = re.findall(r"^([A-Za-z0-9_.-]+)==", lock, re.M)
    hashed = re.findall(r"^[A-Za-z0-9_.-]+==\S+ \\\n\s+--hash=sha256:", lock, re.M)
    assert packages and len(hashed) == len(packages)
