"""Profile selectors: XPath when it starts like one (`/`, `./`, `(`), CSS otherwise."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cssselect import SelectorError
from lxml import etree
from lxml.cssselect import CSSSelector


@dataclass(frozen=True)
class Selector:
    """A compiled selector that remembers how the profile wrote it (for the trace)."""

    text: str
    xpath: etree.XPath

    def __call__(self, root: etree._Element) -> Any:
        return self.xpath(root)


def compile_selector(selector: str) -> Selector:
    """Compile an XPath or CSS selector; ValueError naming the problem."""
    text = selector.strip()
    try:
        xpath = etree.XPath(text) if text.startswith(("/", "./", "(")) else CSSSelector(text)
    except (etree.XPathSyntaxError, SelectorError) as exc:
        raise ValueError(f"invalid selector {selector!r}: {exc}") from None
    return Selector(text, xpath)
