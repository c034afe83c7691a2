"""Site-wide outputs that need every language built: split search indexes, /official-contacts.json."""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from pathlib import Path

from scripts.registry.contacts import Contacts
from scripts.render.official_contacts import official_contacts
from scripts.site.search_index import split_search_index


def finish_site(site: Path, contacts: Contacts, descriptions: Mapping[str, str]) -> None:
    """Site-wide outputs that need every language built (`descriptions`: page location -> meta description)."""
    split_search_index(site, descriptions)
    (site / "official-contacts.json").write_text(
        json.dumps(official_contacts(contacts), ensure_ascii=False, indent=1), encoding="utf-8"
    )


def remove_site(site: Path) -> None:
    """Delete a half-built or refused site so no deploy step can publish it."""
    if site.is_dir() and not site.is_symlink():
        shutil.rmtree(site, ignore_errors=True)
