"""Profile selectors: XPath when it starts like one (`/`, `./`, `(`), CSS otherwise."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from cssselect import SelectorError
from lxml import etree
from lxml.cssselect import CSSSelector

# XPath 1.0's functions and node tests. A selector is compiled with no namespaces, variables or
# extension functions, so these are all it can call, and any prefix (`x:y`) or `$var` is undefined.
XPATH_FUNCTIONS = frozenset(  # by the sections of the XPath 1.0 function library, then the node tests
    " ".join(
        (
            "last position count id local-name namespace-uri name",
            "string concat starts-with contains substring-before substring-after substring string-length",
            "normalize-space translate",
            "boolean not true false lang",
            "number sum floor ceiling round",
            "node text comment processing-instruction",
        )
    ).split()
)
_OPERATORS = frozenset(("and", "or", "div", "mod"))  # `@a and (@b or @c)`: a name before `(`, not a call
_NAME = r"[^\W\d][\w.-]*"
_TOKEN = re.compile(
    rf"""
    "[^"]*" | '[^']*'                                       # a literal: what it holds is not XPath
    | \$(?P<variable>{_NAME}(?::{_NAME})?)
    | (?P<name>{_NAME}(?::(?:{_NAME}|\*))?)(?P<call>\s*\()?   # `child::` stays `child`: `::` is no prefix
    | \d+(?:\.\d*)? | .
    """,
    re.VERBOSE | re.DOTALL,
)
# Where a selector is tried once at compile time: errors of the expression itself (`//p | 1`) show
# here. They do not show in a predicate of a step that selects nothing; `_unresolved` finds those.
_PROBE = etree.fromstring("<html><head><title>t</title></head><body><p>p</p></body></html>")


@dataclass(frozen=True)
class Selector:
    """A compiled selector that remembers how the profile wrote it (for the trace)."""

    text: str
    xpath: etree.XPath

    def __call__(self, root: etree._Element) -> Any:
        return self.xpath(root)


def compile_selector(selector: str) -> Selector:
    """Compile an XPath or CSS selector; ValueError naming the problem.

    An XPath that compiles can still fail on every page (`//foo:bar`, `$x`, `//div[foo()]`):
    lxml only says so when it evaluates it, so such a selector is refused here, once, instead.
    """
    text = selector.strip()
    is_xpath = text.startswith(("/", "./", "("))
    try:
        xpath = etree.XPath(text) if is_xpath else CSSSelector(text)
    except (etree.XPathSyntaxError, SelectorError) as exc:
        raise ValueError(f"invalid selector {selector!r}: {exc}") from None
    problem = (_unresolved(text) if is_xpath else None) or _evaluation_error(xpath)
    if problem:
        raise ValueError(f"invalid selector {selector!r}: {problem}")
    return Selector(text, xpath)


def _unresolved(xpath: str) -> str | None:
    """The first namespace prefix, variable or function of `xpath` that lxml cannot resolve, or None.

    Read from the text because lxml resolves a name only when evaluation reaches it, which a
    predicate of a step that matched nothing never does."""
    for token in _TOKEN.finditer(xpath):
        name, variable = token["name"], token["variable"]
        if variable:
            return f"undefined variable ${variable} (a profile's XPath has no variables)"
        if name and ":" in name:
            return f"undefined namespace prefix {name.split(':')[0]!r} (a profile's XPath has no namespaces)"
        if name and token["call"] and name not in XPATH_FUNCTIONS | _OPERATORS:
            return f"unknown function {name}() (XPath 1.0 functions only)"
    return None


def _evaluation_error(xpath: etree.XPath) -> str | None:
    """What lxml says when it evaluates `xpath` on a small page (a type error, …), or None."""
    try:
        xpath(_PROBE)
    except etree.XPathError as exc:
        return f"{exc} (when evaluated)"
    return None
