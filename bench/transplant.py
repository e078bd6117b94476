"""Multi-page sites with real chrome: one real page's template, other real articles inside it.

No set at hand has many pages of each site with their true article text (the AEB holds at
most two pages a site). So each AEB page lends its whole template: the element that holds its
article (the element whose text best matches the page's true articleBody) is emptied and
filled with another AEB article's paragraphs, once per page of the made site. Everything
around it is the real site's chrome: menus, mastheads, sidebars, footers, cookie notices.

What varies from page to page on a real site varies here too, so the learner cannot simply
memorise one page:
- the headline (``<h1>``, ``<title>``) becomes the guest article's own first words;
- every link whose text reads like a headline (five words or more) gets a headline drawn
  from other articles, so related-story and most-read lists change per page;
- text outside the article that is about the host's own article (a standfirst, a caption:
  most of its content words occur in the host's article) is replaced by a sentence of an
  unrelated article, as a different story would have a different standfirst.

What stays the host's own: bylines and datelines outside the article element, which on a real
site vary in their name and date only (the learner generalises those shapes anyway).
"""

from __future__ import annotations

import copy
import gzip
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import html

from bench.aeb_metric import shingles

TOKEN = re.compile(r"\w+")
SKIP = {"script", "style", "noscript", "template", "svg", "head"}
CONTAINERS = {"div", "article", "section", "main", "td", "span", "font", "body", "form"}
HEADLINE_WORDS = 5
MIN_FIT = 0.85
COPIED = 0.5  # share of the article's 4-word runs found again outside its element: the page holds a copy
PROSE = {"p", "h2", "h3", "figcaption", "div", "span", "li"}


@dataclass(frozen=True)
class Template:
    """A real page ready to host other articles: its tree and where its article stands."""

    host: str
    tree: html.HtmlElement
    path: str  # XPath of the article element, found again in each copy
    own_words: frozenset[str]  # the host article's content words, to spot text about it
    fit: float


def _tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def load_template(path: Path, truth: str, host: str) -> Template | None:
    """The page's template, or None when no single element holds its article (fit below 0.85,
    or a second copy of it outside that element)."""
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    tree = html.fromstring(raw.decode("utf-8", errors="replace"))
    want = Counter(_tokens(truth))
    total = sum(want.values())
    best, best_fit = None, 0.0
    for element in tree.iter(*CONTAINERS):
        if any(a.tag in SKIP for a in element.iterancestors()):
            continue
        got = Counter(_tokens(element.text_content()))
        size = sum(got.values())
        if not size or size < total * 0.8:
            continue
        overlap = sum((got & want).values())
        fit = 2 * overlap / (size + total)
        if fit > best_fit:
            best, best_fit = element, fit
    if best is None or best_fit < MIN_FIT or _copied_elsewhere(tree, best, _tokens(truth)):
        return None
    common = {w for w, n in want.items() if len(w) > 3}
    return Template(host, tree, tree.getroottree().getpath(best), frozenset(common), best_fit)


def _copied_elsewhere(tree: html.HtmlElement, article: html.HtmlElement, want: list[str]) -> bool:
    """Whether the page carries its article a second time outside the element (a print or JSON
    copy): a guest article would fill one copy only, and the host's other copy would stay."""
    path = tree.getroottree().getpath(article)
    rest = copy.deepcopy(tree)
    for element in [*rest.iter(*SKIP), *rest.xpath(path)]:
        if element.getparent() is not None:
            element.getparent().remove(element)
    got, wanted = shingles(_tokens(rest.text_content())), shingles(want)
    return sum((got & wanted).values()) > COPIED * sum(wanted.values())


@dataclass(frozen=True)
class Redraw:
    """What a page of the site draws anew: headline links and standfirsts."""

    headlines: list[str]
    fillers: list[str]
    rng: random.Random


def fill(template: Template, body: str, title: str, redraw: Redraw) -> str:
    """The template with `body` as its article, `title` as its headline, and its varying
    chrome (headline links, text about the host's own article) redrawn."""
    tree = copy.deepcopy(template.tree)
    article = tree.getroottree().xpath(template.path)[0]
    _set_text(article, None)
    for paragraph in (p.strip() for p in body.split("\n")):
        if paragraph:
            element = html.Element("p")
            element.text = paragraph
            article.append(element)
    outside = [e for e in tree.iter() if isinstance(e.tag, str) and not _inside(e, article)]
    for element in outside:
        if element.tag in ("h1", "title"):
            _set_text(element, title)
        elif element.tag == "a" and len(element.text_content().split()) >= HEADLINE_WORDS:
            _set_text(element, redraw.rng.choice(redraw.headlines))
        elif element.tag in PROSE and not len(element) and _about_host(element.text, template.own_words):
            element.text = redraw.rng.choice(redraw.fillers)
    return html.tostring(tree, encoding="unicode")


def _about_host(text: str | None, own_words: frozenset[str]) -> bool:
    words = [w for w in _tokens(text or "") if len(w) > 3]
    return len(words) >= 4 and sum(w in own_words for w in words) >= 0.6 * len(words)


def _inside(element: html.HtmlElement, article: html.HtmlElement) -> bool:
    return element is article or any(a is article for a in element.iterancestors())


def _set_text(element: html.HtmlElement, text: str | None) -> None:
    for child in list(element):
        element.remove(child)
    element.text = text
