"""Shared fixtures: the fixture registry, a fixed 'today', and paths to fixture sites."""

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.registry.contacts import Contacts
from scripts.registry.evidence import Policy

HERE = Path(__file__).parent
FIXTURE_SITE = HERE / "fixtures" / "sites" / "good"
TODAY = dt.date(2026, 12, 3)  # fixture evidence is judged on this date; the real site on the real date


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Evidence freshness is judged against a fixed date so tests do not rot."""
    monkeypatch.setenv("HC_TODAY", TODAY.isoformat())
    monkeypatch.delenv("HC_MAX_AGE_DAYS", raising=False)


@pytest.fixture
def policy():
    return Policy.load(FIXTURE_SITE / "data" / "publishers.yml", today=TODAY)


@pytest.fixture
def contacts(policy):
    return Contacts.load(FIXTURE_SITE / "data" / "contacts.yml", policy)


@pytest.fixture
def site_copy(tmp_path):
    """A writable copy of the good fixture site, for tests that break one thing in it."""
    target = tmp_path / "site-src"
    shutil.copytree(FIXTURE_SITE, target)
    # The copy lives elsewhere: point it at the real theme overrides and hooks.
    config = target / "mkdocs.yml"
    root = HERE.parent
    text = config.read_text(encoding="utf-8")
    text = text.replace("../../../../overrides", str(root / "overrides"))
    config.write_text(text, encoding="utf-8")
    return target


def build_site(config: Path, out: Path, env_extra: dict | None = None, fixed_date: bool = True) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of `config` into `out` and return the finished process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HC_TODAY=TODAY.isoformat(), **(env_extra or {}))
    if not fixed_date:  # the real registry is judged on the real date, as `make build` does
        env.pop("HC_TODAY", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
    )


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The good fixture site, built once."""
    out = tmp_path_factory.mktemp("fixture-site") / "site"
    result = build_site(FIXTURE_SITE / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real site: `make test` passes HC_SITE_DIR=site after its strict build; otherwise build it here."""
    import os

    given = os.environ.get("HC_SITE_DIR")
    if given and (Path(given) / "index.html").exists():
        return Path(given).resolve()
    out = tmp_path_factory.mktemp("real-site") / "site"
    result = build_site(HERE.parent / "mkdocs.yml", out, fixed_date=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def site_url_of(site: Path) -> str:
    """The site_url a build used, read back from the home page's canonical link."""
    import re

    return re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8")).group(1)
