"""Learned profiles, leave-one-out: learn from a site's other pages, clean the held page.

Two sets of multi-page sites, since none with true article text is at hand (the AEB holds at
most two pages a site):
- real chrome (bench/transplant.py): each AEB page whose article one element holds lends its
  real template; the site's pages are that template around other AEB articles, with headlines,
  headline links and standfirsts redrawn per page;
- made-up chrome (bench/madeup_sites.py): generic pools of chrome around AEB articles.
The truth of each page is the article put into it. No rule is written for any of these sites:
the learner sees only the other pages. Each held page is cleaned with the generic profile alone
and with the profile learned from the site's other pages, as a naive text dump (the page's
visible text, chrome and all) and as HTML, and scored with the AEB metric (bench/aeb_metric.py).
A quote planted in half of each site's articles measures that article text is never learned.

Real sites come first: ../shared/bench/msv-sites (9 news sites x 10 pages x 2 years, with the
article as truth), leave-one-out within a site and year (learn from the 9 other pages, clean the
10th), and the whole set as one dump without URLs cleaned by `clean --learn`'s path (pages
grouped by site from their shared chrome, each group learned from all its pages).

Both input forms of the real sites are measured: their naive text dumps and their HTML pages
(`--only text|html` for one; `--per-site` adds each site's F1 and precision).

Run from the repository root: ``python -m bench.learn [--msv-only] [--per-site] [--real-sites N] [--made-up-sites 12]``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html as lxml_html

import cleaner
from bench.aeb_metric import page_counts, score
from bench.madeup_sites import PEOPLE, make_page, make_site, with_quote
from bench.naive_dump import naive_text_dump
from bench.transplant import Redraw, fill, load_template
from cleaner.learn import learn_profiles
from cleaner.page import Page

AEB = Path(__file__).resolve().parents[2] / "shared" / "bench" / "aeb"
MSV = Path(__file__).resolve().parents[2] / "shared" / "bench" / "msv-sites"
FORMS = ("text dump", "HTML")


@dataclass
class Site:
    """Several pages of one site: per page its true article, its text dump and its HTML."""

    domain: str
    truths: list[str] = field(default_factory=list)
    dumps: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    quote: str = ""


@functools.cache
def aeb_articles() -> tuple[dict[str, dict], dict[str, str]]:
    """The AEB's true articles and each page's own headline (og:title, else <title>); read once
    for both site sets."""
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    titles = {}
    for key in truth:
        tree = lxml_html.fromstring(gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes()))
        found = tree.xpath('//meta[@property="og:title"]/@content') or tree.xpath("//title/text()") or [""]
        titles[key] = " ".join(found[0].split())
    return truth, titles


def quote_for(rng: random.Random) -> str:
    return (
        f"“{rng.choice(['We', 'Our city', 'This county', 'The union'])} will not back down from this fight,” "
        f"{rng.choice(PEOPLE)} said again on {rng.choice(['Monday', 'Tuesday', 'Friday'])}."
    )


def real_chrome_sites(rng: random.Random, count: int | None, pages: int) -> list[Site]:
    """Sites made of real AEB templates, each around `pages` other AEB articles."""
    truth, titles = aeb_articles()
    keys = sorted(truth)
    headlines = [titles[k] for k in keys if len(titles[k].split()) >= 5]
    openings = [truth[k]["articleBody"].split(". ")[0].strip() for k in keys]
    redraw = Redraw(headlines, [s + "." for s in openings if 8 < len(s.split()) <= 40], rng)  # standfirst-sized
    sites = []
    for key in keys:
        host = urlsplit(truth[key]["url"]).hostname or key
        template = load_template(AEB / "html" / f"{key}.html.gz", truth[key]["articleBody"], host)
        if template is None:
            continue
        site = Site(host.removeprefix("www."), quote=quote_for(rng))
        quoted = set(rng.sample(range(pages), pages // 2))
        for n, guest in enumerate(rng.sample([k for k in keys if k != key], pages)):
            body = truth[guest]["articleBody"]
            body = with_quote(body, site.quote) if n in quoted else body
            page = fill(template, body, titles[guest] or "News", redraw)
            site.truths.append(body)
            site.pages.append(page)
            site.dumps.append(naive_text_dump(page))
        sites.append(site)
    rng.shuffle(sites)
    return sites[:count] if count else sites


def made_up_sites(rng: random.Random, count: int, pages: int) -> list[Site]:
    """Sites of made-up chrome around AEB articles (bench/madeup_sites.py)."""
    truth, _ = aeb_articles()
    bodies = [t["articleBody"] for t in truth.values()]
    rng.shuffle(bodies)
    headlines = [b.split(".")[0][:70] for b in bodies]
    sites = []
    for number in range(count):
        chrome = make_site(rng, number)
        site = Site(chrome["domain"], quote=chrome["quote"])
        quoted = set(rng.sample(range(pages), pages // 2))
        for n in range(pages):
            body = bodies.pop()
            dump, page = make_page(chrome, body, rng, headlines, n in quoted)
            site.truths.append(with_quote(body, chrome["quote"]) if n in quoted else body)
            site.dumps.append(dump)
            site.pages.append(page)
        sites.append(site)
    return sites


def leave_one_out(sites: list[Site], rules, forms: tuple[str, ...] = FORMS) -> tuple[dict, dict, int, int]:
    """Per form and profile, the held pages' cleaned text; their truths; learned profiles that
    hold the planted quote; profiles learned."""
    results = {form: {"generic": {}, "learned": {}} for form in forms}
    expected, quote_rules, profiles = {}, 0, 0
    for site in sites:
        for held in range(len(site.truths)):
            key = f"{site.domain}/{held}"
            expected[key] = {"articleBody": site.truths[held]}
            for form in forms:
                contents = site.dumps if form == "text dump" else site.pages
                others = [_page(c, form) for n, c in enumerate(contents) if n != held]
                learned = learn_profiles(others, site=site.domain, rulebook=rules)[site.domain]
                profiles += 1
                quote_rules += bool(site.quote) and site.quote[:40] in learned.yaml
                with tempfile.TemporaryDirectory() as folder:
                    Path(folder, f"{site.domain}.yaml").write_text(learned.yaml, encoding="utf-8")
                    book = cleaner.load_rulebook([folder])
                    results[form]["generic"][key] = cleaner.clean(contents[held], rules=rules).text
                    results[form]["learned"][key] = cleaner.clean(contents[held], profile=site.domain, rules=book).text
    return results, expected, quote_rules, profiles


def report(title: str, sites: list[Site], rules, forms: tuple[str, ...], *, per_site: bool = False) -> dict[str, float]:
    """Print one set's table (and with `per_site`, each site's F1 and precision); return
    learned-minus-generic F1 per form."""
    started = time.perf_counter()
    results, expected, quote_rules, profiles = leave_one_out(sites, rules, forms)
    pages = sum(len(s.truths) for s in sites)
    print(f"\n{title}: {len(sites)} sites, {pages} pages, leave-one-out ({time.perf_counter() - started:.0f} s)")
    gains = _table(results, expected)
    if per_site:
        _site_table(results, expected)
    if any(site.quote for site in sites):
        print(
            f"a quote planted in half of each site's articles became a rule in {quote_rules} of {profiles} "
            "learned profiles"
        )
    return gains


def msv_sites(forms: tuple[str, ...]) -> list[Site]:
    """msv-sites, a site per site and year (its layout changes between years), pages in file order."""
    sites: dict[str, Site] = {}
    for path in sorted((MSV / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        site = sites.setdefault(f"{truth['site']}{truth['year']}", Site(f"{truth['site']}{truth['year']}.example"))
        site.truths.append(truth["text"])
        site.dumps.append(
            (MSV / "text" / f"{path.stem}.txt").read_text(encoding="utf-8") if "text dump" in forms else ""
        )
        html = gzip.decompress((MSV / "html" / f"{path.stem}.html.gz").read_bytes()) if "HTML" in forms else b""
        site.pages.append(html.decode("utf-8", "replace"))
    return list(sites.values())


def report_unnamed(sites: list[Site], rules) -> None:
    """The text dumps of all sites as one dump without URLs, as `clean --learn` cleans it."""
    from cleaner.learn.inline import learn_sites, write_profiles

    started = time.perf_counter()
    pages = [Page(source=f"{s.domain}/{n}", text=t) for s in sites for n, t in enumerate(s.dumps)]
    expected = {p.source: {"articleBody": t} for p, t in zip(pages, (t for s in sites for t in s.truths), strict=True)}
    learned = learn_sites(pages, rules)
    rows: dict[str, dict[str, str]] = {"generic": {}, "learned": {}}
    mixed = 0
    with tempfile.TemporaryDirectory() as folder:
        write_profiles(learned, Path(folder))
        book = cleaner.load_rulebook([folder])  # the groups' profiles select their pages by `match.lines`
        for page in pages:
            rows["generic"][page.source] = cleaner.clean(page.text, rules=rules).text
            rows["learned"][page.source] = cleaner.clean(page.text, rules=book).text
    for profile in learned.values():
        keys = {p.source.split("/")[0] for p in pages if page_key_of(p) in profile.members}
        mixed += len({re.sub(r"\d+\.example$", "", k) for k in keys}) > 1  # a site per year: years may join
    grouped = sum(profile.pages for profile in learned.values())
    print(
        f"\nmsv-sites as one dump without URLs (clean --learn): {len(pages)} pages, {grouped} in {len(learned)} "
        f"groups learned, {mixed} groups of more than one site ({time.perf_counter() - started:.0f} s)"
    )
    _table({"text dump": rows}, expected)


def page_key_of(page: Page) -> str:
    from cleaner.learn.groups import page_key
    from cleaner.lines import Lines

    lines = Lines.from_text(page.text)
    return page_key(lines.nonblank_texts())


def _table(results: dict, expected: dict) -> dict[str, float]:
    """Print per form generic and learned precision, recall, F1, pages worse; return the F1 gains."""
    print(f"{'input':<11}{'profile':<9}{'precision':>16}{'recall':>16}{'F1':>16}{'pages worse':>13}")
    gains = {}
    for form, rows in results.items():
        scores = {name: score(predictions, expected, n_bootstrap=200) for name, predictions in rows.items()}
        worse = sum(_f1(t, rows["learned"][k]) < _f1(t, rows["generic"][k]) - 0.05 for k, t in expected.items())
        for name, s in scores.items():
            cells = "".join(f"{s[m]:>9.3f} ± {s[m + '_std']:.3f}" for m in ("precision", "recall", "f1"))
            print(f"{form:<11}{name:<9}{cells}{worse if name == 'learned' else '':>13}")
        gains[form] = scores["learned"]["f1"] - scores["generic"]["f1"]
        precision = scores["learned"]["precision"] - scores["generic"]["precision"]
        print(f"{'':<11}{'learned - generic:':<27}F1 {gains[form]:+.3f}, precision {precision:+.3f}")
    return gains


def _site_table(results: dict, expected: dict) -> None:
    """Per form and site (the part of each page key before its `/`): F1 and precision, generic
    and learned, and the pages the learned profile made worse by more than 0.05 F1."""
    sites = sorted({key.split("/")[0] for key in expected})
    print(f"{'input':<11}{'site':<28}{'F1 generic':>11}{'learned':>9}{'P generic':>11}{'learned':>9}{'worse':>7}")
    for form, rows in results.items():
        for site in sites:
            truth = {k: t for k, t in expected.items() if k.split("/")[0] == site}
            scores = {name: score({k: rows[name][k] for k in truth}, truth, n_bootstrap=1) for name in rows}
            worse = sum(_f1(t, rows["learned"][k]) < _f1(t, rows["generic"][k]) - 0.05 for k, t in truth.items())
            cells = "".join(
                f"{scores[name][metric]:>{width}.3f}"
                for metric in ("f1", "precision")
                for name, width in (("generic", 11), ("learned", 9))
            )
            print(f"{form:<11}{site:<28}{cells}{worse:>7}")


def _f1(truth: dict[str, str], prediction: str) -> float:
    tp, fp, fn = page_counts(truth["articleBody"], prediction)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _page(content: str, form: str) -> Page:
    return Page(source="train", html=content) if form == "HTML" else Page(source="train", text=content)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real-sites", type=int, default=0, help="sites of real chrome (default: every template)")
    parser.add_argument("--real-pages", type=int, default=6)
    parser.add_argument("--made-up-sites", type=int, default=12, help="sites of made-up chrome (0: none)")
    parser.add_argument("--made-up-pages", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=("text", "html"), help="one input form (default: both)")
    parser.add_argument("--msv-only", action="store_true", help="the real sites (msv-sites) only")
    parser.add_argument("--per-site", action="store_true", help="the real sites' table per site too")
    args = parser.parse_args()
    rules = cleaner.load_rulebook()
    forms = {"text": ("text dump",), "html": ("HTML",)}.get(args.only, FORMS)
    msv = msv_sites(forms)
    report("real sites (msv-sites, per site and year)", msv, rules, forms, per_site=args.per_site)
    if "text dump" in forms:
        report_unnamed(msv, rules)
    if args.msv_only:
        return 0
    real = report(
        "real chrome (AEB templates)",
        real_chrome_sites(random.Random(args.seed), args.real_sites or None, args.real_pages),
        rules,
        forms,
    )
    if args.made_up_sites:  # 0: the real-chrome set only
        made_up = made_up_sites(random.Random(args.seed), args.made_up_sites, args.made_up_pages)
        report("made-up chrome", made_up, rules, forms)
    targets = {"text dump": "F1 gain >= +0.100, precision not lower", "HTML": "F1 not lower, precision higher"}
    for form in forms:
        print(f"target on real chrome, {form}: {targets[form]}; F1 gain {real[form]:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
