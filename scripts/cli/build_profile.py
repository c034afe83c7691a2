"""Where a build's CPU time goes: one `mkdocs build` in this process, timed by plugin event and stage.

    .venv/bin/python -m scripts.cli.build_profile mkdocs.yml [--site-dir DIR] [--json]

Every plugin event method (ours, the search plugin, static-i18n, …), Markdown conversion and
each Jinja template render is timed with `time.process_time`; time spent in a nested timed call is
counted only there (static-i18n's post_build runs the whole English build, which is counted event
by event). `(rest)` is everything else: imports, reading and writing files, MkDocs itself. Unlike
cProfile this adds next to nothing, so the numbers are CPU seconds as a normal build spends them.
The benchmark (`--profile`) runs this for our configuration and for stock and prints both.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import jinja2
from mkdocs import plugins
from mkdocs.structure import pages


class _Clock:
    """Self time per key: a nested timed call's time is taken out of its caller's."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._stack: list[float] = []

    def call(self, key: str, fn, *args, **kwargs):
        start = time.process_time()
        self._stack.append(0.0)
        try:
            return fn(*args, **kwargs)
        finally:
            spent = time.process_time() - start
            nested = self._stack.pop()
            self.seconds[key] = self.seconds.get(key, 0.0) + spent - nested
            if self._stack:
                self._stack[-1] += spent


@contextmanager
def _timed(clock: _Clock):
    """Patch the three places a build spends its time in; put them back afterwards."""
    run_event, render, template_render = plugins.PluginCollection.run_event, pages.Page.render, jinja2.Template.render

    def timed_run_event(self, name, item=None, **kwargs):
        for method in self.events[name]:
            key = f"{self._event_origins.get(method, '?')}.{name}"
            result = clock.call(key, method, item, **kwargs) if item is not None else clock.call(key, method, **kwargs)
            if result is not None:
                item = result
        return item

    plugins.PluginCollection.run_event = timed_run_event  # type: ignore[method-assign]
    pages.Page.render = lambda self, *a, **k: clock.call("Markdown to HTML", render, self, *a, **k)  # type: ignore[method-assign]
    jinja2.Template.render = lambda self, *a, **k: clock.call("Jinja templates", template_render, self, *a, **k)  # type: ignore[method-assign]
    try:
        yield
    finally:
        plugins.PluginCollection.run_event = run_event  # type: ignore[method-assign]
        pages.Page.render = render  # type: ignore[method-assign]
        jinja2.Template.render = template_render  # type: ignore[method-assign]


def profile(config: Path, site_dir: Path) -> dict[str, float]:
    """CPU seconds of one build of `config` into `site_dir`, by component, plus "total" and "pages"."""
    from mkdocs.__main__ import cli  # the command itself: startup and shutdown events included

    clock = _Clock()
    start = time.process_time()
    with _timed(clock):
        cli(["build", "--quiet", "--config-file", str(config), "--site-dir", str(site_dir)], standalone_mode=False)
    total = time.process_time() - start  # config loading and imports before this are not counted
    out: dict[str, float] = dict(clock.seconds)
    out["(rest)"] = total - sum(out.values())
    out["total"] = total
    out["pages"] = float(sum(1 for _ in Path(site_dir).rglob("*.html")))
    return out


def table(columns: dict[str, dict[str, float]]) -> str:
    """Markdown table, ms per HTML page, one column per build; rows sorted by the first column."""
    names = list(columns)
    per_page = {n: {k: 1000 * v / max(columns[n]["pages"], 1) for k, v in columns[n].items() if k != "pages"} for n in names}
    keys = sorted({k for n in names for k in per_page[n] if k != "total"}, key=lambda k: -per_page[names[0]].get(k, 0))
    head = "| component (ms per page) | " + " | ".join(names) + (" | difference |" if len(names) == 2 else " |")
    lines = [head, "|---|" + "---|" * (len(names) + (len(names) == 2))]
    for key in [*keys, "total"]:
        values = [per_page[n].get(key, 0.0) for n in names]
        if max(values) < 0.05 and key != "total":
            continue
        cells = [f"{v:.1f}" for v in values] + ([f"{values[0] - values[1]:+.1f}"] if len(names) == 2 else [])
        label = f"**{key}**" if key == "total" else key
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("config", type=Path, help="the mkdocs.yml to build")
    parser.add_argument("--site-dir", type=Path, default=None, help="where to build (default: a folder next to the config)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON instead of a table")
    args = parser.parse_args(argv)
    if not args.config.is_file():
        print(f"build_profile: {args.config} is not a file — give the path of a mkdocs.yml", file=sys.stderr)
        return 2
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = args.site_dir or args.config.parent / "site-profile"
    numbers = profile(args.config.resolve(), site_dir.resolve())
    print(json.dumps(numbers) if args.json else table({args.config.name: numbers}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
