"""The package map stays a tree of dependencies: no two packages of cleaner import each other,
however indirectly (a cycle is how a command line ends up hosting another's, or a model its
reader)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "cleaner"


def unit(module: str) -> str:
    """`cleaner.web.parse` -> `cleaner.web`; `cleaner.engine` -> itself."""
    return ".".join(module.split(".")[:2])


def import_graph(root: Path) -> dict[str, set[str]]:
    """unit -> the other units of the package it imports (function-level imports included)."""
    graph: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        source = unit(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                if name.startswith(f"{root.name}.") and unit(name) != source:
                    graph.setdefault(source, set()).add(unit(name))
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each cycle found by a depth-first walk, as the units on it."""
    found: list[list[str]] = []
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = "open"
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(path[path.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_no_two_packages_import_each_other() -> None:
    graph = import_graph(PACKAGE)
    assert "cleaner.commands" in graph and "cleaner.web" in graph  # the walk saw the package
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    (root / "a").mkdir(parents=True)
    (root / "a" / "__init__.py").write_text("from pkg.b import thing\n")
    (root / "b.py").write_text("def thing():\n    from pkg.a.deep import other\n")
    (root / "c.py").write_text("import pkg.b\n")
    graph = import_graph(root)
    assert graph == {"pkg.a": {"pkg.b"}, "pkg.b": {"pkg.a"}, "pkg.c": {"pkg.b"}}
    assert cycles(graph) == [["pkg.a", "pkg.b", "pkg.a"]]


def test_the_command_line_only_parses_and_dispatches() -> None:
    """Each subcommand lives in cleaner/commands; cli.py defines no command's work."""
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert functions == {"main", "_parse", "_did_you_mean", "_own_parsers", "_parser"}
