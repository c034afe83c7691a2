"""BuildContext: everything one build knows, created once from data/ and passed explicitly to each step."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts import paths
from scripts.registry.contacts import Contacts
from scripts.registry.evidence import Policy
from scripts.render.page_functions import Renderer


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

    @classmethod
    def load(cls, data_dir: Path) -> "BuildContext":
        """Load data/contacts.yml and data/publishers.yml from `data_dir` (fixture sites bring their own)."""
        publishers = data_dir / "publishers.yml"
        policy = Policy.load(publishers if publishers.exists() else paths.PUBLISHERS)
        contacts = Contacts.load(data_dir / "contacts.yml", policy)
        return cls(contacts=contacts, allowed_digits=frozenset(contacts.publishable_digits))

    def renderer(self, lang: str) -> Renderer:
        """The renderer for `lang`, created on first use."""
        if lang not in self.renderers:
            self.renderers[lang] = Renderer(self.contacts, lang)
        return self.renderers[lang]
