"""BuildContext: everything one build knows, created once from data/ and passed explicitly to each step."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from scripts import paths
from scripts.registry.contacts import Contacts
from scripts.registry.evidence import Policy
from scripts.render import structured_data, ui_strings
from scripts.render.page_functions import TEMPLATES, Renderer


@functools.lru_cache(maxsize=1)
def _load_contacts(key: tuple, contacts_file: Path, publishers_file: Path) -> Contacts:
    """The registry under its policy, memoised on `key` (file bytes, dates, settings): `mkdocs serve`
    makes a new plugin and context for every rebuild, and a page edit should not re-parse the registry."""
    return Contacts.load(contacts_file, Policy.load(publishers_file))


@functools.lru_cache(maxsize=4)
def _shared_renderer(key: tuple, lang: str, contacts: Contacts) -> Renderer:
    """A renderer kept while the registry, the templates and the interface words (`key`) are unchanged:
    `mkdocs serve` makes a new context for every rebuild, and the calls a renderer has rendered
    (page_functions.Renderer._once) need not be rendered again."""
    return Renderer(contacts, lang)


def _files_key(files) -> tuple:
    return tuple((str(f), hashlib.sha256(f.read_bytes()).hexdigest()) for f in files if f.is_file())


def _registry_key(contacts_file: Path, publishers_file: Path) -> tuple:
    """The bytes of both files, the date and the variables the evidence policy reads (see Policy.from_publishers)."""
    digests = tuple((str(f), hashlib.sha256(f.read_bytes()).hexdigest() if f.is_file() else None) for f in (contacts_file, publishers_file))
    return (*digests, os.environ.get("HC_TODAY"), os.environ.get("HC_MAX_AGE_DAYS"), dt.date.today())


@dataclass
class BuildContext:
    """The registry under the evidence policy, one renderer per language, and per-page JSON-LD.

    The allow-list of publishable numbers is computed from the registry alone when the context is
    created (`allowed_digits`, a frozenset): nothing a page renders can add to it.
    """

    contacts: Contacts
    allowed_digits: frozenset[str]
    renderers: dict[str, Renderer] = field(default_factory=dict)
    jsonld: dict[str, str | None] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)  # page URL -> its meta description (page and search keywords)
    _pages: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    _jsonld_by_providers: dict[tuple, str | None] = field(default_factory=dict)
    registry_key: tuple = ()  # what the registry was loaded from (see _registry_key); () when built by hand

    @classmethod
    def load(cls, data_dir: Path) -> BuildContext:
        """Load data/contacts.yml and data/publishers.yml from `data_dir` (fixture sites bring their own)."""
        publishers = data_dir / "publishers.yml"
        publishers = publishers if publishers.exists() else paths.PUBLISHERS
        key = _registry_key(data_dir / "contacts.yml", publishers)
        contacts = _load_contacts(key, data_dir / "contacts.yml", publishers)
        return cls(contacts=contacts, allowed_digits=frozenset(contacts.publishable_digits), registry_key=key)

    def renderer(self, lang: str) -> Renderer:
        """The renderer for `lang`, created on first use (or the last build's, if nothing it reads changed)."""
        if lang not in self.renderers:
            if self.registry_key:
                templates = sorted(TEMPLATES.rglob("*")) if TEMPLATES.is_dir() else []
                key = (self.registry_key, _files_key([*templates, ui_strings.UI_FILE]))
                self.renderers[lang] = _shared_renderer(key, lang, self.contacts)
            else:
                self.renderers[lang] = Renderer(self.contacts, lang)
        return self.renderers[lang]

    def jsonld_for(self, lang: str, provider_ids) -> str | None:
        """The JSON-LD of a page showing these providers, built once per build for each set."""
        key = (lang, tuple(provider_ids))
        if key not in self._jsonld_by_providers:
            self._jsonld_by_providers[key] = structured_data.jsonld(self.contacts, key[1], lang)
        return self._jsonld_by_providers[key]

    def site_pages(self, lang: str, files) -> frozenset[str]:
        """Paths of `lang`'s pages inside its folder (e.g. security/index.md), computed once per build."""
        key = (lang, id(files))
        if key not in self._pages:
            prefix = lang + "/"
            uris = (f.src_uri for f in files.documentation_pages())
            self._pages[key] = frozenset(u.removeprefix(prefix) for u in uris if u.startswith(prefix))
        return self._pages[key]
