"""The package layout is the architecture: imports point one way, from cli/adapter down to registry."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from scripts import paths

# Lower layers never import higher ones (ARCHITECTURE.md draws the same order).
LAYERS = {
    "scripts.paths": 0,
    "scripts.registry": 1,
    "scripts.content": 2,
    "scripts.detect": 2,
    "scripts.render": 3,
    "scripts.gates": 4,
    "scripts.site": 5,
    "scripts.cli": 6,
    "scripts.mkdocs_adapter": 6,
}
MODULES = sorted((paths.ROOT / "scripts").rglob("*.py"))


def _module(path: Path) -> str:
    parts = path.relative_to(paths.ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int | None:
    for prefix, layer in sorted(LAYERS.items(), key=lambda kv: -len(kv[0])):
        if module == prefix or module.startswith(prefix + "."):
            return layer
    return None


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("scripts"):
            found += [f"{node.module}.{a.name}" if node.module == "scripts" else node.module for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("scripts")]
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(paths.ROOT).as_posix())
def test_imports_point_down_the_layers(path):
    here = _module(path)
    mine = _layer(here)
    assert mine is not None or here == "scripts", f"{here} is in no layer: add its package to LAYERS and ARCHITECTURE.md"
    for target in _imports(path):
        theirs = _layer(target)
        assert theirs is not None, f"{here} imports {target}, which is in no layer"
        assert theirs <= mine, f"{here} (layer {mine}) imports {target} (layer {theirs}): imports must point down"


def test_only_the_adapter_imports_mkdocs():
    for path in MODULES:
        if path.name == "mkdocs_adapter.py" or path.parent.name == "cli":
            continue
        names = {n.module or "" for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.ImportFrom)}
        names |= {a.name for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.Import) for a in n.names}
        assert not any(n == "mkdocs" or n.startswith("mkdocs.") for n in names), f"{path} imports MkDocs"


def test_no_sys_path_manipulation_and_no_module_state():
    for path in MODULES:
        text = path.read_text(encoding="utf-8")
        assert "sys.path" not in text, f"{path} edits sys.path: the project is installed editable instead"
        tree = ast.parse(text)
        for node in tree.body:  # module level only: an empty dict/list/set there is a cache or state bag
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            empty = isinstance(value, (ast.Dict, ast.List, ast.Set)) and not getattr(value, "elts", getattr(value, "keys", None))
            if empty:
                pytest.fail(f"{path}:{node.lineno} keeps mutable module state: pass a BuildContext instead")


def test_no_import_cycles():
    graph = {_module(p): {t for t in _imports(p)} for p in MODULES}
    modules = set(graph)

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    edges = {m: {r for t in ts if (r := resolve(t)) and r != m} for m, ts in graph.items()}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in edges.get(node, ()):
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " -> ".join(trail + [node, nxt]))
            if nxt not in state:
                visit(nxt, trail + [node])
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [])
