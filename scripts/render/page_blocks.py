"""Blocks added to pages from their front matter, so editors never copy and paste them."""

from __future__ import annotations

import posixpath

from scripts.content.front_matter import ArticleMeta, Risk
from scripts.render.page_functions import Renderer, Slots

DIRECTORY_PAGE = "contact/directory.md"
EMERGENCY_PAGE = "security/scammed-sent-money.md"  # linked from every anti-fraud reminder


def augment(
    body: str, meta: ArticleMeta, renderer: Renderer, page_path: str, site_pages: frozenset[str] | None = None, slots: Slots | None = None
) -> str:
    """High-risk pages get the anti-fraud reminder first and the verified-contacts block last.

    `page_path` is the page's path inside its language folder, e.g. account/locked.md;
    `site_pages` the language's page paths, so links go only to pages that exist (None: assume all);
    `slots`: see page_functions.Slots.
    """
    if meta.translation == "pending":
        body = f"{renderer.slotted(renderer.block('translation_pending.html'), slots)}\n\n{body}"
    if meta.risk is not Risk.high:
        return body
    here = posixpath.dirname(page_path) or "."
    linkable = site_pages is None or EMERGENCY_PAGE in site_pages
    emergency = posixpath.relpath(EMERGENCY_PAGE, here) if linkable and page_path != EMERGENCY_PAGE else None
    reminder = renderer.block("risk_reminder.html", emergency_link=emergency)
    before = f"{reminder}\n\n{body.rstrip()}\n\n"
    contacts = renderer.slotted(renderer.hotline_block(meta.providers), slots, before=before)
    link = posixpath.relpath(DIRECTORY_PAGE, here)
    return f"{before}{contacts}\n\n[{renderer.t['directory_link_text']}]({link})\n"
