"""Where things live in the repository, so no module hard-codes a path."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = ROOT / "data"
OVERRIDES = ROOT / "overrides"
CONTACTS = DATA / "contacts.yml"
PUBLISHERS = DATA / "publishers.yml"
LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
