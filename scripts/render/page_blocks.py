"""Blocks added to pages from their front matter, so editors never copy and paste them."""

from __future__ import annotations

import posixpath

from scripts.content.front_matter import ArticleMeta, Risk
from scripts.render.page_functions import Renderer

DIRECTORY_PAGE = "contact/directory.md"


def augment(body: str, meta: ArticleMeta, renderer: Renderer, page_path: str) -> str:
    """High-risk pages get the anti-fraud reminder first and the verified-contacts block last.

    `page_path` is the page's path inside its language folder, e.g. account/locked.md.
    """
    if meta.translation == "pending":
        body = f"{renderer.block('translation_pending.html')}\n\n{body}"
    if meta.risk is not Risk.high:
        return body
    reminder = renderer.block("risk_reminder.html")
    contacts = renderer.block("hotline_block.html", providers=[renderer.contacts.provider(p) for p in meta.providers])
    link = posixpath.relpath(DIRECTORY_PAGE, posixpath.dirname(page_path) or ".")
    return f"{reminder}\n\n{body.rstrip()}\n\n{contacts}\n\n[{renderer.t['directory_link_text']}]({link})\n"
