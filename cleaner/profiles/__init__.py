"""Site profiles: the YAML rule files, loaded once into a Rulebook that selects one per page."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import ProfileError
from cleaner.lines import Lines
from cleaner.profiles.loader import load_profiles
from cleaner.profiles.model import CompiledRule, LineMarks, Profile
from cleaner.profiles.problems import ProfileErrors, errors_of
from cleaner.urls import host_of

__all__ = [
    "CompiledRule",
    "Profile",
    "ProfileErrors",
    "Rulebook",
    "bundled_rules_dir",
    "errors_of",
    "load_rulebook",
    "profile_file",
]

GENERIC = "_generic"


def profile_file(folder: str | Path, name: str) -> Path:
    """Where the profile `name` is written in `folder`: a profile file is named by its profile
    (the loader refuses another name)."""
    return Path(folder, f"{name}.yaml")


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
        """The URL's host or a parent domain, else a `first-line` marker, else the profile whose
        `match.lines` match the page's head and tail lines best (the largest share of its
        patterns), else `_generic`."""
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
        return self._by_lines(lines) or self.get(GENERIC)

    def _by_lines(self, lines: Lines) -> Profile | None:
        """The profile whose `match.lines` score best on the page (the first of equals), if any."""
        best, chosen = 0.0, None
        seen: dict[int, tuple[list[str], Counter[str]]] = {}  # by `within`: the page's ends, literal hits
        for profile, marks in self._marked:
            if marks.within not in seen:
                texts = marks.ends(lines)
                found = {hit for text in texts for hit in self._literal_lines.get(text, ())}
                seen[marks.within] = texts, Counter(name for name, _ in found)
            texts, hits = seen[marks.within]
            if hits[profile.name] + marks.literals.count(None) < marks.at_least:
                continue  # cannot match, whatever its other patterns find: none is searched
            if (score := marks.score(texts, hits[profile.name])) > best:
                best, chosen = score, profile
        return chosen

    @functools.cached_property
    def _marked(self) -> list[tuple[Profile, LineMarks]]:
        """The site profiles with `match.lines`, each with its marks."""
        return [(p, p.lines) for p in self._sites() if p.lines is not None]

    @functools.cached_property
    def _literal_lines(self) -> dict[str, list[tuple[str, int]]]:
        """Each `match.lines` pattern that is one literal line, by that line: (profile, pattern number)."""
        index: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for profile, marks in self._marked:
            for n, text in enumerate(marks.literals):
                if text is not None:
                    index[text].append((profile.name, n))
        return index

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
