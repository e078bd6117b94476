"""The rule kinds' reference, generated from their docstrings so the docs cannot drift."""

from __future__ import annotations

import inspect

from cleaner.kinds import KINDS


def reference() -> str:
    """Markdown: one section per kind, its docstring, then its options with defaults."""
    parts = ["# Rule kinds\n"]
    for name, module in sorted(KINDS.items()):
        doc = inspect.getdoc(module) or ""
        rows = [
            f"| `{key}` | {spec.get('default', '')!s} | {spec.get('description', '')} |"
            for key, spec in module.OPTIONS.items()
        ]
        table = "| option | default | meaning |\n| --- | --- | --- |\n" + "\n".join(rows)
        parts.append(f"## {name}\n\n{doc}\n\n### All options\n\n{table}\n")
    return "\n".join(parts)
