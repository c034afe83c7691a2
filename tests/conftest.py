"""Shared fixtures: the fixture registry, a fixed 'today', and paths to fixture sites."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from scripts.evidence import Policy
from scripts.registry import Contacts

HERE = Path(__file__).parent
FIXTURE_SITE = HERE / "fixtures" / "sites" / "good"
TODAY = dt.date(2026, 11, 22)


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
    text = text.replace("../../../../overrides", str(root / "overrides")).replace("../../../../scripts", str(root / "scripts"))
    config.write_text(text, encoding="utf-8")
    return target
