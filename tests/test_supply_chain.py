"""Supply chain: the lock pins everything by hash and names no machine, and owners review what ships."""

import re

import pytest

from scripts import paths

LOCK = paths.ROOT / "requirements" / "requirements.txt"


def test_lock_names_no_index_find_links_or_local_path():
    text = LOCK.read_text(encoding="utf-8")
    for marker in ("--index-url", "--extra-index-url", "--find-links", "file://", "/opt/", "/work/", "/home/", "/root/"):
        assert marker not in text, f"lock mentions {marker!r}: regenerate it with `make lock`"


def test_every_locked_requirement_is_pinned_with_a_hash():
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", LOCK.read_text(encoding="utf-8"))
    pins = [b for b in blocks if re.match(r"[A-Za-z0-9_.-]+==", b)]
    assert len(pins) > 20
    for block in pins:
        assert "--hash=sha256:" in block, block.splitlines()[0]


def test_pip_itself_comes_from_the_lock():
    assert re.search(r"^pip==", LOCK.read_text(encoding="utf-8"), re.M)
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--upgrade pip" not in makefile and "-U pip" not in makefile


@pytest.mark.parametrize("path", ["mkdocs.yml", "overrides/", "docs/assets/", "data/", "scripts/", "Makefile", "requirements/", ".github/"])
def test_codeowners_cover_everything_that_changes_what_is_published(path):
    owners = (paths.ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    patterns = [line.split()[0] for line in owners.splitlines() if line.strip() and not line.startswith("#")]
    assert any(p.lstrip("/") == path or (p.endswith("/") and path.startswith(p.lstrip("/"))) for p in patterns), path
