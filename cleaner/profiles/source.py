"""Safe YAML loading that remembers where every key stands, for errors that name a line."""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import yaml

from cleaner.errors import ProfileError

KeyPath = tuple[str | int, ...]


def load_yaml(path: Path) -> tuple[Any, dict[KeyPath, int]]:
    """The document and a map from key path to 1-based line; duplicate keys are errors."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO named like a profile would hang the run
            raise ProfileError("not a regular file (a FIFO, socket or device): not read", file=str(path))
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read: {exc}", file=str(path)) from None
    try:
        loader = _NoAliasLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise ProfileError(f"YAML syntax error: {problem}", file=str(path), line=line) from None
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _walk(node, (), lines, path)
    return data, lines


class _NoAliasLoader(yaml.SafeLoader):
    """A profile is small data: an alias (`*name`) is refused, as a few hundred bytes of nested
    aliases expand to gigabytes (the "billion laughs")."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            peek_event: Callable[[], yaml.Event] = self.peek_event  # (types-PyYAML leaves it unannotated)
            # (the stubs' marks may be the C parser's too; this pure-Python SafeLoader makes yaml.Mark)
            mark = cast("yaml.Mark | None", peek_event().start_mark)
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in a profile: write the value out", mark
            )
        return super().compose_node(parent, index)


def _walk(node: yaml.Node, at: KeyPath, lines: dict[KeyPath, int], path: Path) -> None:
    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = key.value
            here = (*at, name)
            if name in seen:
                raise ProfileError("duplicate key", file=str(path), line=key.start_mark.line + 1, key=dotted(here))
            seen.add(name)
            _walk(value, here, lines, path)
            lines[here] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*at, i), lines, path)


def dotted(path: KeyPath) -> str:
    """`rules.footer.window`, `tests[0].sample`: a key path as people write it."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def items(value: str | list[str] | None, key: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    """A key that takes one string or a list of them (`extends`, selectors), as (key path, string):
    an error about the second list item then points at its own line."""
    if isinstance(value, str):
        yield key, value
    else:
        yield from (((*key, i), item) for i, item in enumerate(value or ()))


def line_of(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of the deepest known key on `path`."""
    for cut in range(len(path), -1, -1):
        if path[:cut] in lines:
            return lines[path[:cut]]
    return None
