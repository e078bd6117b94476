"""A loaded, compiled profile: what selection and the engine work with."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from cleaner.maintext.settings import Settings


@dataclass(frozen=True)
class CompiledRule:
    """One rule, ready to apply: its id, the profile that defined it, its kind and compiled options."""

    id: str
    profile: str
    kind: ModuleType
    conf: Any


@dataclass(frozen=True)
class Profile:
    """A site profile with its bases merged in: own rules first, then inherited ones."""

    name: str
    file: str
    chain: tuple[str, ...]
    domains: tuple[str, ...] = ()
    first_line: tuple[re.Pattern[str], ...] = ()
    rules: tuple[CompiledRule, ...] = ()
    date_formats: tuple[str, ...] = ()
    publisher: str | None = None
    html: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # key -> compiled Selectors
    favor: str = "balanced"  # html.favor: what trafilatura favours when there is no html.body
    second_opinion: bool = True  # html.second-opinion: trafilatura's readability/jusText comparison
    tests: tuple[dict[str, Any], ...] = ()
    main_text: Settings = field(default_factory=Settings)  # the generic main-text stage
    main_text_from: str = ""  # the profile whose `main-text.enabled` applies

    @property
    def is_base(self) -> bool:
        """Bases (`_base`, `_generic`) are extended or chosen explicitly, never matched to a page."""
        return self.name.startswith("_")
