"""Parse HTML safely: broken markup recovered, no network, no entity expansion, any depth.

libxml2 stops building the tree at 256 levels of nesting (2,048 with `huge_tree`) and drops
everything deeper, which gave an ok record with no text. Past 2,048 the layout wrappers are
taken out and the page parsed again: its paragraphs, headings and links survive, flat. A page
whose text blocks themselves nest that deep is a `too-deep` error record.
An XHTML page's `<?xml … encoding=…?>` declaration is dropped: the markup is text already.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree, html

from cleaner.errors import PageError
from cleaner.web.blocks import BLOCKS
from cleaner.web.rawtext import without_raw_text

_PARSER_OPTIONS: dict[str, Any] = {
    "recover": True,
    "no_network": True,
    "remove_comments": True,
    "remove_pis": True,
    "huge_tree": True,  # nesting to 2,048 levels; the size limit (cleaner.limits) bounds the rest
}
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^<>]*>")
_TOO_DEEP = "Excessive depth"
_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*>")
# What a flattened page keeps: the text blocks that cannot nest (`BLOCKS` without quotes, lists of
# definitions and tables) and the tags that carry the document and its metadata.
_FLAT_KEEPS = (BLOCKS - {"blockquote", "dd", "dt", "td", "th", "caption"}) | {
    "html",
    "head",
    "title",
    "meta",
    "link",
    "body",
    "br",
    "a",
    "time",
}

# lxml.html's own lookup picks a class per element in Python (forms and inputs get their own);
# nothing here uses those form APIs, and this lookup, done in C, saves a Python call for every
# element any reader touches.
_HTML_CLASSES = etree.ElementDefaultClassLookup(
    element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity
)


@dataclass(frozen=True)
class Parsed:
    """The tree, and the markup it was parsed from (declaration and NULs gone, flattened if it
    had to be), which is what other readers of the page should get."""

    root: html.HtmlElement
    markup: str


def parse_html(markup: str) -> html.HtmlElement:
    """The document's root element; PageError `parse` when nothing can be recovered."""
    return parse_page(markup).root


def parse_page(markup: str) -> Parsed:
    """`parse_html`, with the markup the tree was made from."""
    markup = _XML_DECLARATION.sub("", markup.replace("\x00", ""), count=1)
    root, too_deep = _parse(markup)
    if too_deep:
        markup = flatten(markup)
        root, too_deep = _parse(markup)
    if too_deep:  # the text blocks themselves nest past 2,048 levels: no page reads like that
        raise PageError("too-deep", "the page nests its text blocks too deeply to be read")
    return Parsed(root, markup)


def flatten(markup: str) -> str:
    """`markup` without scripts, styles and every tag but the text blocks of `_FLAT_KEEPS`."""
    markup = without_raw_text(markup)

    def keep(match: re.Match[str]) -> str:
        return match.group(0) if match.group(2).lower() in _FLAT_KEEPS else " "

    return _ANY_TAG.sub(keep, markup)


def _parse(markup: str) -> tuple[html.HtmlElement, bool]:
    parser = etree.HTMLParser(**_PARSER_OPTIONS)
    parser.set_element_class_lookup(_HTML_CLASSES)
    try:
        root = html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise PageError("parse", f"no HTML could be parsed: {exc}") from None
    if root is None:
        raise PageError("parse", "no HTML could be parsed")
    return root, any(_TOO_DEEP in entry.message for entry in parser.error_log)
