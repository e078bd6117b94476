"""Site profiles: the YAML rule files, loaded once into a Rulebook that selects one per page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import ProfileError
from cleaner.lines import Lines
from cleaner.pages import host_of
from cleaner.profiles.loader import load_profiles
from cleaner.profiles.model import CompiledRule, Profile
from cleaner.profiles.problems import ProfileErrors, errors_of

__all__ = [
    "CompiledRule",
    "Profile",
    "ProfileErrors",
    "Rulebook",
    "bundled_rules_dir",
    "errors_of",
    "load_rulebook",
]

GENERIC = "_generic"


def bundled_rules_dir() -> Path:
    """The `rules/` folder shipped with the package (inside it when installed, beside it in a checkout)."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "rules"
    return installed if installed.is_dir() else here.parent / "rules"


@dataclass(frozen=True)
class Rulebook:
    """Every profile of the rule folders, compiled; picks the one for a page."""

    profiles: dict[str, Profile]
    dirs: tuple[Path, ...]

    def get(self, name: str) -> Profile:
        try:
            return self.profiles[name]
        except KeyError:
            known = ", ".join(sorted(self.profiles))
            raise ProfileError(f"unknown profile {name!r} (known: {known})") from None

    def select(self, lines: Lines, url: str | None = None) -> Profile:
        """The URL's host or a parent domain, else a `first-line` marker, else `_generic`."""
        host = host_of(url)
        labels = host.lower().removeprefix("www.").split(".") if host else []
        for cut in range(len(labels) - 1):
            domain = ".".join(labels[cut:])
            for profile in self._sites():
                if domain in profile.domains:
                    return profile
        first = lines.texts[lines.nonblank[0]] if lines.nonblank else ""
        for profile in self._sites():
            if any(p.search(first) for p in profile.first_line):
                return profile
        return self.get(GENERIC)

    def _sites(self) -> list[Profile]:
        return [p for p in self.profiles.values() if not p.is_base]


def load_rulebook(extra_dirs: Sequence[str | Path] = ()) -> Rulebook:
    """Load `extra_dirs` (searched first) and the bundled `rules/`; raise ProfileError if any is bad
    (ProfileErrors, one line per error, if several are: `errors_of` gives each)."""
    dirs = (*(Path(d) for d in extra_dirs), bundled_rules_dir())
    profiles = load_profiles(dirs)
    if GENERIC not in profiles:
        raise ProfileError(f"no {GENERIC} profile in {', '.join(map(str, dirs))}")
    return Rulebook(profiles, dirs)
