"""`make check`: run every content rule and print `path:line: RULE-ID message` (GitHub annotations in Actions).

Exit 1 if any rule reports an error; warnings are printed but do not fail.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import re
import sys
from pathlib import Path

from scripts import paths
from scripts.gates import rules
from scripts.gates.rules import Content, Finding


def _rule_modules() -> tuple:
    """Every rule module (scripts/gates/rules/hcNNN_*.py), in id order: adding a module adds the rule."""
    names = sorted(m.name for m in pkgutil.iter_modules(rules.__path__) if re.fullmatch(r"hc\d{3}_\w+", m.name))
    return tuple(importlib.import_module(f"{rules.__name__}.{name}") for name in names)


ALL = _rule_modules()


def _findings_of(rule, content: Content) -> list:
    """A rule's findings; a rule that crashes on bad input is reported as a finding, never a traceback."""
    try:
        return list(rule.check(content))
    except Exception as exc:  # noqa: BLE001 - the check must always end with a clean report
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        return [
            Finding(
                content.docs,
                1,
                rule.ID,
                f"the check itself failed on this input ({detail}) — fix the file named in the other messages; "
                f"if there are none, report this as a bug with the input that caused it",
            )
        ]


def run(content: Content, rules=ALL) -> list:
    """All findings from `rules`, in a stable order."""
    findings = [f for rule in rules for f in _findings_of(rule, content)]
    return sorted(findings, key=lambda f: (str(f.path), f.line, f.rule))


def rules_table() -> str:
    """The Markdown table of rules for the contributors' docs."""
    rows = ["| Rule | Name | Severity | What it catches |", "|---|---|---|---|"]
    rows += [f"| {r.ID} | {r.NAME} | {r.SEVERITY} | {r.SUMMARY} |" for r in ALL]
    return "\n".join(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=Path, default=paths.DOCS)
    parser.add_argument("--contacts", type=Path, default=paths.CONTACTS)
    parser.add_argument("--publishers", type=Path, default=paths.PUBLISHERS)
    parser.add_argument("--ui", type=Path, default=paths.DATA / "ui.yml")
    parser.add_argument("--synonyms", type=Path, default=paths.DATA / "search_synonyms.yml")
    parser.add_argument("--rules", action="store_true", help="print the rules table and exit")
    args = parser.parse_args(argv)
    if args.rules:
        print(rules_table())
        return 0
    content = Content(
        docs=args.docs,
        contacts_file=args.contacts,
        publishers_file=args.publishers,
        ui_file=args.ui,
        synonyms_file=args.synonyms,
    )
    findings = run(content)
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for f in findings:
        print(f.github() if in_actions else f.plain())
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    print(f"check: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
