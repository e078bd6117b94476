"""Made-up sites for the learn benchmark: chrome drawn at random from generic pools (menus,
mastheads, bylines and datelines in several formats, share and newsletter prompts, related-story
lists with varying headlines, site prose repeated on every page, footers) around real article
bodies. Each site has a recurring quote that its articles may carry: article text that repeats,
which the learner must never take for chrome."""

from __future__ import annotations

import html
import random

WORDS = [
    "river",
    "valley",
    "metro",
    "harbor",
    "summit",
    "prairie",
    "coastal",
    "capital",
    "union",
    "pioneer",
    "county",
    "lakeside",
]
KINDS = ["Tribune", "Herald", "Gazette", "Courier", "Ledger", "Post", "Journal", "Sentinel", "Chronicle", "Dispatch"]
SECTIONS = [
    "News",
    "Local",
    "Politics",
    "Business",
    "Sports",
    "Opinion",
    "Arts",
    "Food",
    "Weather",
    "Obituaries",
    "Events",
    "Podcasts",
]
POPULAR = [
    "Council approves new budget",
    "Schools announce snow schedule",
    "Team wins regional title",
    "Road work starts on Route 9",
    "Museum reopens its east wing",
    "Water rates set to rise",
]
SUMMARIES = [
    "The vote came after a long debate about property taxes and services.",
    "Parents will get a text message when classes are delayed or canceled.",
    "The players celebrated with fans at the stadium late on Saturday night.",
    "Drivers should expect delays on the bridge for at least three weeks.",
    "The renovated galleries will show the collection for the first time in years.",
    "Officials said the increase was needed to replace aging pipes under the city.",
]
PEOPLE = [
    "Ana Costa",
    "Ben Okafor",
    "Chloe Martin",
    "Dev Patel",
    "Eva Novak",
    "Femi Adeyemi",
    "Gus Larsen",
    "Hana Sato",
]


def make_site(rng: random.Random, number: int) -> dict:
    """One site's chrome: fixed lines, and generators for the lines that vary per page."""
    name = f"The {rng.choice(WORDS).title()} {rng.choice(KINDS)}"
    domain = f"site{number}.example"
    return {
        "domain": domain,
        "name": name,
        "menu": rng.sample(SECTIONS, rng.randint(5, 9)),
        "masthead": [name, rng.choice(["Subscribe", "Sign in", "Log in | Register", "Support local journalism"])],
        "byline": rng.choice(["By {p}", "By {p} | {e}", "{p}, Staff Reporter", "Written by {p}"]),
        "dateline": rng.choice(["Updated {h}:{m} p.m.", "Posted {d}", "{d} | {h}:{m} AM", "Last modified {d}"]),
        "share": rng.sample(["Share", "Tweet", "Email", "Print", "Share on Facebook", "Copy link", "Comments"], 3),
        "extra": rng.choice(
            [
                f"Support {name}: our journalism depends on readers like you.",
                f"Get the {name} morning briefing in your inbox.",
                "Have a news tip? Send it to our newsroom.",
            ]
        ),
        "quote": f"“{rng.choice(['We', 'Our city', 'This county'])} will not back down from this fight,” "
        f"{rng.choice(PEOPLE)} said again on {rng.choice(['Monday', 'Tuesday', 'Friday'])}.",
        "related": rng.choice(["Related stories", "More from " + name, "Trending now", "You may also like"]),
        # prose that the site repeats on every page: what a generic cleaner cannot tell from an article
        "blurb": f"{name} has covered the {rng.choice(WORDS)} region since {rng.randint(1850, 1990)}. "
        f"Our newsroom is independent and funded by {rng.choice(['readers', 'subscribers', 'members'])}.",
        "popular": [f"{h}. {s}" for h, s in zip(rng.sample(POPULAR, 3), rng.sample(SUMMARIES, 3), strict=True)],
        "policy": rng.choice(
            [
                "Comments are reviewed before they appear, and we remove those that attack other readers or stray "
                "from the topic of the article.",
                "We welcome thoughtful discussion, but posts that include personal attacks, spam or links to other "
                "sites will be deleted by our moderators.",
            ]
        ),
        "footer": [
            f"© {{y}} {name} Media",
            rng.choice(["About us", "Contact us", "Careers"]),
            rng.choice(["Terms of Service", "Privacy", "Advertise with us"]),
        ],
    }


def make_page(site: dict, body: str, rng: random.Random, headlines: list[str], quote: bool) -> tuple[str, str]:
    """A page of the site around `body`, as a naive text dump and as HTML; with `quote`, the
    site's recurring quote stands inside the article (it must never be learned as chrome)."""
    person = rng.choice(PEOPLE)
    email = person.split()[0].lower() + "@" + site["domain"]
    day = f"{rng.choice(['Jan.', 'March', 'June', 'Oct.'])} {rng.randint(1, 28)}, {rng.randint(2016, 2023)}"
    byline = site["byline"].format(p=person, e=email)
    dateline = site["dateline"].format(h=rng.randint(1, 12), m=f"{rng.randint(0, 59):02d}", d=day)
    paragraphs = [p for p in body.split("\n") if p.strip()]
    if quote:
        paragraphs.insert(len(paragraphs) // 2, site["quote"])
    title = rng.choice(headlines)
    related = rng.sample(headlines, 4)
    footer = [line.format(y=rng.randint(2016, 2023)) for line in site["footer"]]
    text_lines = [
        *site["masthead"],
        *site["menu"],
        title,
        byline,
        dateline,
        *site["share"],
        *paragraphs,
        site["extra"],
        site["related"],
        *related,
        *footer,
    ]
    e = html.escape
    page = (
        f"<html><head><title>{e(title)} | {e(site['name'])}</title></head><body>"
        f"<header class='masthead'>{''.join(f'<div>{e(x)}</div>' for x in site['masthead'])}"
        f"<nav class='menu'>{''.join(f'<a href=#>{e(x)}</a> ' for x in site['menu'])}</nav></header>"
        f"<main><h1>{e(title)}</h1><p class='byline'>{e(byline)}</p><p class='date'>{e(dateline)}</p>"
        f"<div class='share'>{''.join(f'<span>{e(x)}</span> ' for x in site['share'])}</div>"
        f"<div class='story'>{''.join(f'<p>{e(p)}</p>' for p in paragraphs)}"
        f"<p class='promo'>{e(site['extra'])}</p></div>"
        f"<aside class='related'><h3>{e(site['related'])}</h3>"
        f"<ul>{''.join(f'<li>{e(h)}</li>' for h in related)}</ul></aside>"
        f"<aside class='popular'><h3>Most popular</h3>{''.join(f'<p>{e(x)}</p>' for x in site['popular'])}</aside>"
        f"<section class='comments'><p>{e(site['policy'])}</p></section><p class='blurb'>{e(site['blurb'])}</p>"
        f"</main><footer>{''.join(f'<p>{e(x)}</p>' for x in footer)}</footer></body></html>"
    )
    return "\n".join(text_lines) + "\n", page


def with_quote(body: str, quote: str) -> str:
    paragraphs = [p for p in body.split("\n") if p.strip()]
    paragraphs.insert(len(paragraphs) // 2, quote)
    return "\n".join(paragraphs)
