"""A made-up news site: pages that share chrome (menus, bylines, datelines, footers, related
links) around articles that do not, for the learning tests. Deterministic for a given seed."""

from __future__ import annotations

import random

SUBJECTS = [
    "The county board",
    "A spokesperson for the transit agency",
    "The school district",
    "Volunteers",
    "The mayor's office",
    "Police",
    "Farmers in the valley",
    "The library director",
    "Residents",
    "The state auditor",
    "A local baker",
    "The hospital",
    "Engineers",
    "The parks department",
]
ACTIONS = [
    "said on Tuesday that",
    "warned in a statement that",
    "told reporters that",
    "argued at the hearing that",
    "confirmed late Wednesday that",
    "wrote in a letter that",
    "acknowledged on Friday that",
]
CLAIMS = [
    "the plan would be paid for by state grants",
    "the bridge would need repairs within a decade",
    "ridership had recovered faster than expected",
    "the hours would be extended next month",
    "the frost had damaged early crops",
    "the intersection would stay closed",
    "the budget gap was narrowing",
    "forty beds would be added by next year",
    "the trail would reopen before summer",
    "the audit had found missing records",
    "enrollment would fall slightly",
    "the new rules were too strict",
]
ENDINGS = [
    "after months of debate",
    "despite objections from neighbors",
    "according to a draft report",
    "before a packed meeting",
    "in a brief interview",
    "as the deadline approached",
    "without giving details",
]


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(CLAIMS)}, {rng.choice(ENDINGS)}."


NAMES = ["Jane Doe", "Carlos Ruiz", "Mei Chen", "Omar Haddad", "Anna Kowalski", "Liam Byrne"]
HEADLINES = [
    "Council delays vote on parking plan",
    "Robotics team heads to state finals",
    "Storm knocks out power",
    "New principal named at high school",
    "Farmers market returns in May",
    "Budget hearing draws crowd",
    "Trail reopens after repairs",
    "Hospital expands emergency room",
    "Bridge study finds wear",
]
QUOTE = "“We are not going anywhere, and neither is this town,” the mayor said at the ceremony."


def site_pages(count: int, *, seed: int = 7, quote_on: tuple[int, ...] = ()) -> list[str]:
    """`count` text dumps of the site; the recurring quote stands inside the articles `quote_on`."""
    rng = random.Random(seed)
    pages = []
    for n in range(count):
        name = NAMES[n % len(NAMES)]
        article = [_sentence(rng) for _ in range(6)]
        if n in quote_on:
            article.insert(3, QUOTE)
        related = rng.sample(HEADLINES, 3)
        lines = [
            "Skip to content",
            "Home",
            "News",
            "Sports",
            "Opinion",
            "Lakeview Tribune",
            f"Headline number {n}: {article[0][:40]}",
            f"By {name} | {name.split()[0].lower()}@lakeview-tribune.example",
            f"Updated {1 + n % 12}:{10 + n % 50:02d} p.m.",
            *article,
            "Share this story",
            "Related coverage",
            *related,
            f"Copyright {2015 + n % 8} Lakeview Media Group",
            "Privacy Policy",
        ]
        pages.append("\n".join(lines) + "\n")
    return pages


def site_html_pages(count: int, *, seed: int = 11) -> list[str]:
    """HTML pages of the site: a constant masthead, most-read box and footer marked by classes,
    around a varying article and varying related links."""
    rng = random.Random(seed)
    pages = []
    for n in range(count):
        story = "".join(f"<p>{_sentence(rng)}</p>" for _ in range(6))
        related = "".join(f"<li>{h}</li>" for h in rng.sample(HEADLINES, 3))
        pages.append(
            "<html><body><header class='masthead top&amp;center'><a>Home</a> <a>News</a> Lakeview Tribune</header>"
            f"<main><h1>Story {n}</h1><div class='row'>Posted by the newsroom</div>"
            f"<div class='row'><div class='story-body note'>{story}</div></div>"
            "<div class='note'>Corrections: write to the desk.</div>"
            f"<aside class='related'><ul>{related}</ul></aside>"
            "<aside class='most-read'><h3>Most read</h3><p>Budget hearing draws crowd</p></aside></main>"
            "<footer id='site-footer'>Copyright Lakeview Media Group. About us. Contact.</footer></body></html>"
        )
    return pages
