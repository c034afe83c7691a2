"""The site's languages and the alternate links between a page and its translations."""

from __future__ import annotations

from scripts import paths

NAMES = {"zh": "中文", "en": "English"}


def alternates(page_alternates: dict, site_url: str) -> list[dict]:
    """Language-switcher entries and hreflang targets for a page.

    `page_alternates` maps locale -> site-root-relative URL of that language's version
    ('' for the home page). Returns one dict per language in site order, plus x-default
    pointing at the default language, each with a relative `link` and an absolute `href`.
    """
    base = site_url.rstrip("/") + "/"
    out = []
    for lang in paths.LANGUAGES:
        url = page_alternates.get(lang)
        if url is None:  # no translation: send the reader to that language's home page
            url = "" if lang == paths.DEFAULT_LANGUAGE else f"{lang}/"
        url = "" if url in (".", "./") else url
        out.append({"lang": lang, "name": NAMES[lang], "link": url or "./", "href": base + url})
    default = next(a for a in out if a["lang"] == paths.DEFAULT_LANGUAGE)
    return out + [{"lang": "x-default", "name": default["name"], "link": default["link"], "href": default["href"]}]
