"""The article's text of an HTML page with no `html.body`: trafilatura, checked for the teaser trap.

trafilatura in precision mode keeps what is surely the article, but on about one page in ten it
keeps a lead, a highlights box or a related-story teaser and loses the body, which sat in an
`<aside>`, a tab panel, several sibling modules or after a large image. Resiliparse's main-content
extraction (compiled, a tenth of trafilatura's time) keeps nearly all of a page's prose, chrome
included: it is the yardstick, never the answer. Where trafilatura kept less than `SUSPECT_SHARE`
of its words (or under `TOO_SHORT` words), the page is suspect and gets more opinions, each taken
only when clearly longer: trafilatura's balanced mode with its own comparison (readability,
jusText), then, where the text still holds under `RESCUE_SHARE` of the yardstick's words,
readability-lxml's candidate scoring, which finds bodies split over sibling blocks.

Measured with bench/realworld.py on the aeb, wcxb-dev and trafilatura-eval pages: F1 0.972, 0.913,
0.919 before; 0.976, 0.939, 0.928 with the check (trafilatura: 0.958, 0.934, 0.924); about one page
in seven gets the second opinion and one in sixteen readability's. Asking trafilatura's balanced
mode from 60% of the yardstick rather than 50% (readability still from 50%): 0.9762, 0.9420, 0.9300
before; 0.9762, 0.9426, 0.9300 after (wcxb-dev recall 0.9472 -> 0.9486, precision 0.9368 ->
0.9367). Readability from 60% too lost (0.9751, 0.9436, 0.9297), as did balanced from 65% or 70%
(0.9753, 0.9425, 0.9298; 0.9752, 0.9420, 0.9296): a body the precision mode cut short is common
under 60%, a page whose yardstick counts chrome beyond it.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml import etree, html
from readability import Document as Readability
from resiliparse.extract.html2text import extract_plain_text
from trafilatura.xml import xmltotxt

from cleaner.errors import PageError
from cleaner.maintext.features import SENTENCE_END
from cleaner.page_markup import HEADINGS, PageMarkup, page_markup, with_markup
from cleaner.web.blocks import block_lines
from cleaner.web.headings import restore_headings
from cleaner.web.leads import restore_lead
from cleaner.web.lists import restore_lists

TOO_SHORT = 60  # words: a shorter extraction is suspect whatever the yardstick says
SUSPECT_SHARE = 0.6  # an extraction with fewer words than this share of the yardstick's is suspect
RESCUE_SHARE = 0.5  # ... and one still under this share after trafilatura's balanced mode gets readability's
LONGER = 1.1  # a second opinion replaces the first only when it has this many times its words
RESCUE_LONGER = 1.5  # ... and readability's replaces them only with this many


@dataclass(frozen=True)
class Extraction:
    """The chosen text, which extractor gave it, how many opinions it took (0: the first answer
    stood; 1: trafilatura's second; 2: readability's), the yardstick's text (for confidence) and
    trafilatura's result tree, from which the Markdown is rendered when it is asked for."""

    text: str
    extractor: str
    yardstick: str
    opinion: int = 0
    tree: Any = None  # trafilatura's result tree (an lxml element)
    markup: Callable[[], PageMarkup] | None = None  # the page's own headings, lists, links: read only for Markdown
    headings: Callable[[str], str] | None = None  # puts back lost headings, lists, lead (web.headings, .lists, .leads)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def markdown(self) -> str | None:
        """trafilatura's Markdown of the text's result tree (headings, lists, tables, code), line
        for line the blocks of `text`; None for a text that has no tree (readability's)."""
        if self.tree is None:
            return None
        rendered = xmltotxt(self.tree, include_formatting=True)
        if self.headings is not None:
            rendered = self.headings(rendered)
        return with_markup(rendered, self.markup()) if self.markup is not None else rendered


def extract_article(root: html.HtmlElement, markup: str, url: str | None, favor: str, *, fast: bool) -> Extraction:
    """The article's text, one block per line, chosen as the module docstring says.

    `markup` is what the tree was parsed from (`cleaner.web.parse.Parsed`): flattened where the
    page nests past 2,048 levels, as Resiliparse slows down quadratically on deep nesting, in C
    code that no time limit interrupts."""
    yardstick = _yardstick(markup)
    yardstick_words = len(yardstick.split())
    keep_headings(root)
    keep_linked_paragraphs(root)
    first = _trafilatura(root, url, favor, fast=fast)
    own = functools.partial(page_markup, root, url)  # the page's own structure, read only for Markdown
    chosen = Extraction(_text(first), f"trafilatura-{favor}", yardstick, tree=_tree(first), markup=own)
    if not _suspect(chosen.words, yardstick_words):
        return _with_lead(root, _with_lists(root, _with_headings(root, chosen)))
    if favor != "balanced" or fast:
        second = _trafilatura(root, url, "balanced", fast=False)
        balanced = _text(second)
        if len(balanced.split()) > LONGER * chosen.words:
            tree = _tree(second)
            chosen = Extraction(balanced, "trafilatura-balanced", yardstick, opinion=1, tree=tree, markup=own)
    if chosen.words < RESCUE_SHARE * yardstick_words:
        rescue = _readability(markup, url)
        if len(rescue.split()) > RESCUE_LONGER * chosen.words:
            chosen = Extraction(rescue, "readability", yardstick, opinion=2)
    return _with_lead(root, _with_lists(root, _with_headings(root, chosen)))


def _with_headings(root: html.HtmlElement, chosen: Extraction) -> Extraction:
    """The chosen text with the section headings the extractor lost (`cleaner.web.headings`):
    only where its result holds no heading at all (trafilatura's fallback to the page's
    paragraphs), as a result that kept headings chose which to keep."""
    if chosen.tree is not None and next(chosen.tree.iter("head"), None) is not None:
        return chosen
    headings = functools.partial(restore_headings, root, markdown=True)
    return dataclasses.replace(chosen, text=restore_headings(root, chosen.text), headings=headings)


def _with_lists(root: html.HtmlElement, chosen: Extraction) -> Extraction:
    """The chosen text with the lists the extractor lost between lines it kept
    (`cleaner.web.lists`): only where its result tree holds no list at all (trafilatura's
    fallback to the page's paragraphs), as a result that kept lists chose which to keep."""
    if chosen.tree is None or next(chosen.tree.iter("list"), None) is not None:
        return chosen
    return _restored(root, chosen, restore_lists)


def _with_lead(root: html.HtmlElement, chosen: Extraction) -> Extraction:
    """The chosen text with the page's lead before its first paragraph where the extractor lost
    it (`cleaner.web.leads`)."""
    return _restored(root, chosen, restore_lead)


def _restored(root: html.HtmlElement, chosen: Extraction, restore: Callable[..., str]) -> Extraction:
    """The chosen text with what `restore` puts back from the page, and its Markdown too (after
    the parts put back before it)."""
    text = restore(root, chosen.text)
    if text == chosen.text:
        return chosen
    before = chosen.headings

    def markdown(rendered: str) -> str:
        return restore(root, before(rendered) if before is not None else rendered, markdown=True)

    return dataclasses.replace(chosen, text=text, headings=markdown)


_HEADINGS = "(" + "|".join(f"//{tag}" for tag in HEADINGS) + ")"
_EMPTY_IN_HEADING = etree.XPath(
    _HEADINGS + "//*[self::a or self::span or self::b or self::i or self::em or self::strong][not(node())]"
)
_ANCHOR_IN_HEADING = etree.XPath(_HEADINGS + "//a[starts-with(normalize-space(@href), '#')]")
_LINK_IN_HEADING = etree.XPath(_HEADINGS + "//a")
PROSE_AFTER_A_HEADING = 20  # words of a link-free paragraph that make a linked heading the article's
SECTION_REACH = 4  # elements after a heading where that paragraph may stand (before the next heading)...
NAME_WORDS = 6  # ... when its link names a thing (a list article's item), not a story (a headline)


def page_comments(root: html.HtmlElement, url: str | None) -> str:
    """The page's reader comments as plain text, a blank line between paragraphs ("" when
    trafilatura finds no comment section): trafilatura's comment extraction, on its own copy of the
    page. The article's text comes from extractions with comments off, which this one never
    touches, so asking for comments cannot change the text; `fast` skips the fallback
    extractors, which serve the article's text only."""
    result: Any = trafilatura.bare_extraction(root, url=url, include_comments=True, fast=True)  # a Document
    comments = (result.comments or "") if result is not None else ""
    return "\n\n".join(line.strip() for line in comments.splitlines() if line.strip())


def keep_headings(root: html.HtmlElement) -> None:
    """Make the article's section headings survive trafilatura's precision mode, which drops a
    heading holding an empty element (`<h2><span id="x"></span>Costs</h2>`, an anchor target) and,
    by link density, one whose text is a link: an in-page anchor (`href="#costs"`), or a list
    article's item heading linked to the product it names. Such links are unwrapped (their text
    stays): in-page anchors always, other links only in a heading followed by a link-free
    paragraph of prose, which a related-stories teaser rarely is: the very next element, or one
    of the next `SECTION_REACH` before another heading when the link is a name of a few words (an
    item's rating or price lines come first; a linked headline there is a "read also").

    Measured with bench/realworld.py (F1 aeb, wcxb-dev, trafilatura-eval): 0.9756, 0.9388, 0.9282
    before; 0.9761, 0.9398, 0.9289 after, precision not lower on any set. The reach past the next
    element: 0.9761, 0.9417, 0.9300 before; 0.9762, 0.9420, 0.9300 after (precision not lower)."""
    for empty in _EMPTY_IN_HEADING(root):
        empty.drop_tree()  # its tail text stays
    for anchor in _ANCHOR_IN_HEADING(root):
        anchor.drop_tag()
    for link in _LINK_IN_HEADING(root):
        heading = next(a for a in link.iterancestors() if a.tag in HEADINGS)
        reach = SECTION_REACH if len(link.text_content().split()) <= NAME_WORDS else 1
        if _prose_follows(heading, reach):
            link.drop_tag()


def _prose_follows(heading: html.HtmlElement, reach: int) -> bool:
    """A link-free paragraph of prose stands among the `reach` elements after `heading`, before
    the next heading: the heading opens a section of the article, not a teaser."""
    for n, following in enumerate(heading.itersiblings(tag=etree.Element)):
        if n >= reach or following.tag in HEADINGS:
            return False
        prose = len(following.text_content().split()) >= PROSE_AFTER_A_HEADING
        if following.tag == "p" and prose and not following.xpath(".//a"):
            return True
    return False


WRAPPED_WORDS = 8  # words of a paragraph alone in a <div> that make it prose, not a link's label
WRAPPED_LINK_SHARE = 0.5  # ... and the share of its text its links may hold at most
_WRAPPED_PARAGRAPH = etree.XPath("//div[count(*) = 1][p[.//a]][not(text()[normalize-space()])]")


def keep_linked_paragraphs(root: html.HtmlElement) -> None:
    """Make a short paragraph with a link in it survive trafilatura's precision mode where the
    page wraps each paragraph in a `<div>` of its own: precision drops any `<div>` of under 100
    characters (300 for a last child) that holds a link, as it would a link list, so a sentence
    such as "Our earlier report found the opposite." with a link on its last words was lost. Such a
    div is unwrapped where its paragraph is prose (`WRAPPED_WORDS` words or more, ending like a
    sentence) and most of its text is not link text: the paragraph then faces trafilatura's own
    test for paragraphs, which weighs its links against its text.

    Measured with bench/realworld.py (F1 aeb, wcxb-dev, trafilatura-eval): 0.9761, 0.9416, 0.9293
    before; 0.9761, 0.9417, 0.9293 after (wcxb-dev recall 0.9467 -> 0.9468, no page lost 0.01)."""
    for wrapper in _WRAPPED_PARAGRAPH(root):
        paragraph = wrapper[0]
        text = " ".join(paragraph.text_content().split())
        if len(text.split()) < WRAPPED_WORDS or not text.endswith(SENTENCE_END):
            continue
        linked = sum(len(" ".join(a.text_content().split())) for a in paragraph.iter("a"))
        if linked <= WRAPPED_LINK_SHARE * len(text):
            wrapper.drop_tag()


def _suspect(words: int, yardstick: int) -> bool:
    return words < TOO_SHORT or words < SUSPECT_SHARE * yardstick


def _trafilatura(root: html.HtmlElement, url: str | None, favor: str, *, fast: bool) -> Any:
    """trafilatura's result (a Document, or None), with its text and its result tree."""
    return trafilatura.bare_extraction(
        root,
        url=url,
        include_comments=False,
        favor_precision=favor == "precision",
        favor_recall=favor == "recall",
        fast=fast,
    )


def _text(result: Any) -> str:
    return (result.text or "") if result is not None else ""


def _tree(result: Any) -> Any:
    return result.body if result is not None else None


def _yardstick(markup: str) -> str:
    """The page's prose, chrome and all, by Resiliparse's main-content extraction."""
    try:
        return extract_plain_text(markup, main_content=True)
    except PageError:
        raise  # the page's time is up: that is the record, not a missing yardstick
    except Exception:  # noqa: BLE001 - a yardstick that fails leaves trafilatura's answer standing
        return ""


def _readability(markup: str, url: str | None) -> str:
    """readability-lxml's article, one block per line (as trafilatura's text is)."""
    try:
        summary = Readability(markup, url=url).summary(html_partial=True)
        return "\n".join(block_lines(html.fragment_fromstring(summary, create_parent="div"))) if summary.strip() else ""
    except PageError:
        raise
    except Exception:  # noqa: BLE001 - readability raises on pages it cannot score; no rescue then
        return ""
