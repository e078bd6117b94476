"""Naive text dump of an HTML page: all visible text, one block per line.

Stands in for what a scraper hands us when it kept the whole page, chrome and all: the
input the cleaner's text path is meant for. html-text (the benchmark's own full-page
baseline) with its layout guessing puts each block element on a line of its own.
"""

from __future__ import annotations

import html_text


def naive_text_dump(html: str) -> str:
    """Visible text of ``html``, one block per line, without blank lines."""
    text = html_text.extract_text(html, guess_layout=True)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
