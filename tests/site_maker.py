"""A made-up news site: pages that share chrome (menus, bylines, datelines, footers, related
links) around articles that do not, for the learning tests. Deterministic for a given seed."""

from __future__ import annotations

import random

SENTENCES = [
    "The county board met on Tuesday to weigh a proposal that has divided residents for months.",
    "Officials said the plan would be paid for by a mix of state grants and local fees.",
    "Several business owners told the board they feared the construction would keep customers away.",
    "A spokesperson for the transit agency said ridership had recovered faster than expected.",
    "The school district expects enrollment to fall slightly over the next five years.",
    "Volunteers spent the weekend clearing debris from the river trail after the storm.",
    "The mayor's office did not respond to several requests for comment on Wednesday.",
    "Police said the intersection would remain closed while crews repaired the signal.",
    "Farmers in the valley have struggled with a late frost that damaged early crops.",
    "The library will extend its weekend hours starting next month, the director said.",
    "Residents packed the hearing, and many stayed past midnight to speak during public comment.",
    "The state auditor found that the agency had not tracked the spending as required.",
    "A new bakery on Main Street has drawn long lines since it opened in the spring.",
    "The hospital plans to add forty beds to its emergency department by next year.",
    "Engineers warned that the bridge would need a full replacement within a decade.",
]
NAMES = ["Jane Doe", "Carlos Ruiz", "Mei Chen", "Omar Haddad", "Anna Kowalski", "Liam Byrne"]
HEADLINES = [
    "Council delays vote on parking plan", "Robotics team heads to state finals", "Storm knocks out power",
    "New principal named at high school", "Farmers market returns in May", "Budget hearing draws crowd",
    "Trail reopens after repairs", "Hospital expands emergency room", "Bridge study finds wear",
]
QUOTE = "“We are not going anywhere, and neither is this town,” the mayor said at the ceremony."


def site_pages(count: int, *, seed: int = 7, quote_on: tuple[int, ...] = ()) -> list[str]:
    """`count` text dumps of the site; the recurring quote stands inside the articles `quote_on`."""
    rng = random.Random(seed)
    pages = []
    for n in range(count):
        name = NAMES[n % len(NAMES)]
        article = rng.sample(SENTENCES, 6)
        if n in quote_on:
            article.insert(3, QUOTE)
        related = rng.sample(HEADLINES, 3)
        lines = [
            "Skip to content", "Home", "News", "Sports", "Opinion", "Lakeview Tribune",
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
