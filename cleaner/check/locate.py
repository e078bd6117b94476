"""Where a rule stands: its profile file and line, for diffs and CI annotations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cleaner.errors import ProfileError
from cleaner.profiles import Rulebook
from cleaner.profiles.source import KeyPath, line_of, load_yaml


def display(path: str | Path, root: Path) -> str:
    """`path` relative to `root` when it is inside it, else as given."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Place:
    """A file (relative to the project root when it is inside it) and a 1-based line, if known."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass
class Locator:
    """Finds the line of a rule (or any key) in the profile that defines it; reads each file once."""

    rulebook: Rulebook
    root: Path
    _lines: dict[str, dict[KeyPath, int]] = field(default_factory=dict)

    def display(self, path: str | Path) -> str:
        return display(path, self.root)

    def key(self, profile: str, key: KeyPath) -> Place | None:
        """The line of `key` in `profile`'s file; None for a profile the rulebook lacks."""
        found = self.rulebook.profiles.get(profile)
        if found is None:
            return None
        if found.file not in self._lines:
            try:
                self._lines[found.file] = load_yaml(Path(found.file))[1]
            except ProfileError:
                self._lines[found.file] = {}
        return Place(self.display(found.file), line_of(self._lines[found.file], key))

    def rule(self, profile: str, rule: str) -> Place | None:
        return self.key(profile, ("rules", rule))

    def has_rule(self, profile: str, rule: str) -> bool:
        found = self.rulebook.profiles.get(profile)
        return found is not None and any(r.id == rule and r.profile == profile for r in found.rules)
