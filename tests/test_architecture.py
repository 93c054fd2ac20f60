"""The shape of the house: which layers may import which, no circles, no giant modules.

docs/architecture.md draws the layers; this test keeps the code honest about them.
It reads the source with :mod:`ast` (imports inside functions count too) and never
imports it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "reflect"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80

#: Layer of each top-level module of the package (packages by their folder).
LAYERS = {
    "cli": "cli",
    "__main__": "cli",
    "views": "views",
    "analysis": "analysis",
    "summaries": "summaries",
    "derive": "derive",
    "models": "models",
    "vocab": "models",
    "errors": "models",
    "migrations": "models",
    "fileformat": "models",
    "__init__": "models",
}
STORE = "store"  # everything else: journal, cache, atomic, history, state, dirs, config...

#: What each layer may import (besides itself).
ALLOWED = {
    "cli": {"views", "analysis", "summaries", "derive", STORE, "models"},
    "views": {"models", "analysis"},
    "analysis": {"models"},
    "summaries": {"derive", STORE, "analysis", "models"},
    "derive": {STORE, "models"},
    STORE: {"models"},
    "models": set(),
}
FRAMEWORKS = ("typer", "rich", "click")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def layer(name: str) -> str:
    parts = name.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return LAYERS.get(top, STORE)


def imports(name: str, path: Path) -> list[tuple[str, int]]:
    """Every module of ours this one imports (at any depth), with the line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            found.append((base, node.lineno))
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    edges: dict[str, set[str]] = {}
    for name, path in known.items():
        targets = {target for target, _ in imports(name, path) if target in known and target != name}
        edges[name] = {t for t in targets if not name.startswith(t + ".")}  # a package's own __init__
    return edges


def test_no_import_circles():
    edges = graph()
    seen: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:
        seen[node] = 1
        stack.append(node)
        for target in sorted(edges[node]):
            if seen.get(target) == 1:
                cycles.append(" -> ".join(stack[stack.index(target):] + [target]))
            elif target not in seen:
                visit(target)
        stack.pop()
        seen[node] = 2

    for node in sorted(edges):
        if node not in seen:
            visit(node)
    assert cycles == []


def test_arrows_point_down():
    wrong = []
    for name, path in modules().items():
        mine = layer(name)
        for target, line in imports(name, path):
            if not target.startswith("reflect.") or target not in modules():
                continue
            theirs = layer(target)
            if theirs != mine and theirs not in ALLOWED[mine]:
                wrong.append(f"{path.relative_to(SRC.parent)}:{line} ({mine}) imports {target} ({theirs})")
    assert wrong == []


def test_the_core_knows_no_terminal_framework():
    wrong = []
    for name, path in modules().items():
        if layer(name) in ("cli", "views"):
            continue
        for target, line in imports(name, path):
            if target.split(".")[0] in FRAMEWORKS:
                wrong.append(f"{path.relative_to(SRC.parent)}:{line} imports {target}")
    assert wrong == []


def test_modules_and_functions_stay_small():
    too_big = []
    for path in modules().values():
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(SRC.parent)
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_big.append(f"{where}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_big.append(f"{where}:{node.lineno} {node.name}: {length} lines")
    assert too_big == []


@pytest.mark.parametrize("name", ["reflect.analysis.themes", "reflect.journal", "reflect.models"])
def test_the_checks_see_the_code(name):
    """The checks above read real modules (a renamed folder would make them pass vacuously)."""
    assert name in modules()
    assert graph()[name] or name == "reflect.models"
