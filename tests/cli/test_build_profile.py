"""The build profile: one real build, its CPU time split by plugin event and stage (scripts/cli/build_profile.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from scripts.cli import build_profile
from tests.conftest import FIXTURE_SITE, TODAY


def test_a_build_is_split_by_event_and_the_parts_add_up(tmp_path):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HC_TODAY=TODAY.isoformat())
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "scripts.cli.build_profile",
            "--json",
            str(FIXTURE_SITE / "mkdocs.yml"),
            "--site-dir",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=FIXTURE_SITE,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    numbers = json.loads(proc.stdout.strip().splitlines()[-1])
    assert numbers["pages"] >= 2 and (tmp_path / "site" / "index.html").is_file()
    # Our plugin's events, the theme's templates and Markdown are each timed on their own.
    assert {"helpcenter.page_markdown", "helpcenter.post_build", "Markdown to HTML", "Jinja templates", "(rest)"} <= set(numbers)
    parts = sum(v for k, v in numbers.items() if k not in ("total", "pages"))
    assert abs(parts - numbers["total"]) < 1e-6 and numbers["total"] > 0
    assert all(v >= 0 for k, v in numbers.items() if k != "(rest)")


def test_the_table_shows_ms_per_page_and_the_difference():
    text = build_profile.table(
        {"ours": {"a.post_build": 2.0, "(rest)": 1.0, "total": 3.0, "pages": 100}, "stock": {"(rest)": 1.0, "total": 1.0, "pages": 100}}
    )
    assert "| a.post_build | 20.0 | 0.0 | +20.0 |" in text
    assert "| **total** | 30.0 | 10.0 | +20.0 |" in text


def test_a_missing_config_is_said_plainly(tmp_path, capsys):
    assert build_profile.main([str(tmp_path / "nope.yml")]) == 2
    assert "is not a file" in capsys.readouterr().err
