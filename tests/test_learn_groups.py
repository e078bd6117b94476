"""Text dumps without a URL grouped by site (the head and tail lines they share), learned and
cleaned by `cleaner clean --learn`."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import yaml

import cleaner
from cleaner.cli import main
from cleaner.learn.groups import _linked, group_pages
from cleaner.profiles import load_rulebook
from tests.site_maker import ACTIONS, CLAIMS, ENDINGS, SUBJECTS

GENERIC = ["Advertisement", "Share this", "Home", "News", "Sports"]  # lines any news site may carry


def _article(rng: random.Random, sentences: int = 5) -> list[str]:
    return [
        f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(CLAIMS)}, {rng.choice(ENDINGS)}."
        for _ in range(sentences)
    ]


def harbor_ledger(count: int, rng: random.Random, wrapper: list[str] = ()) -> list[str]:
    """A site with its name on top, a section menu, a byline and a footer of its own."""
    return [
        "\n".join(
            [
                *wrapper,
                "Home",
                "The Harbor Ledger",
                "News",
                "Sports",
                "Waterfront",
                "Ferry schedules",
                f"Story {n}: the harbor this week",
                f"By Ledger Staff | {1 + n} hours ago",
                *_article(rng),
                "Advertisement",
                "Share this",
                "More from the Harbor Ledger",
                "Letters to the editor",
                "Harbor Ledger Publishing, 12 Quay Street",
                "Subscribe to the print edition",
            ]
        )
        for n in range(count)
    ]


def prairie_courier(count: int, rng: random.Random, wrapper: list[str] = ()) -> list[str]:
    """Another site: the same generic lines, its own masthead, menu and footer."""
    return [
        "\n".join(
            [
                *wrapper,
                "Prairie Courier",
                "Home",
                "News",
                "Sports",
                "Grain prices",
                "County fair",
                f"Courier report number {n}",
                *_article(rng),
                "Share this",
                "Advertisement",
                "Courier classifieds",
                "Obituaries",
                "Prairie Courier Media Cooperative",
                "Weather for the plains",
            ]
        )
        for n in range(count)
    ]


def lone_page(rng: random.Random) -> str:
    return "\n".join(
        ["Skyline Weekly", "Advertisement", "Home", *_article(rng), "Share this", "Skyline Weekly archive"]
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_two_sites_sharing_generic_lines_are_two_groups_and_a_lone_page_stays_alone() -> None:
    rng = random.Random(5)
    ledger, courier, lone = harbor_ledger(5, rng), prairie_courier(5, rng), lone_page(rng)
    pages = [ledger[0], courier[0], lone, *ledger[1:], *courier[1:]]
    groups = group_pages([_lines(p) for p in pages], load_rulebook().get("_generic"))
    members = sorted(sorted(g.members) for g in groups)
    assert members == [[0, 3, 4, 5, 6], [1, 7, 8, 9, 10], [2]]
    names = [g.name for g in groups]
    assert len(set(names)) == 3 and all(name.startswith("unnamed-") and "." not in name for name in names)
    assert names == [g.name for g in group_pages([_lines(p) for p in pages], load_rulebook().get("_generic"))]


def test_a_wrapper_around_every_page_of_both_sites_does_not_join_them() -> None:
    """An archive's toolbar on every page (more lines than either site's own chrome shares) is
    seen on nearly all pages of the group it makes: without it, the sites fall apart again."""
    rng = random.Random(6)
    toolbar = [f"Archive toolbar line {word}" for word in ("one", "two", "three", "four", "five", "six", "seven")]
    ledger, courier = harbor_ledger(5, rng, toolbar), prairie_courier(5, rng, toolbar)
    groups = group_pages([_lines(p) for p in ledger + courier], load_rulebook().get("_generic"))
    assert sorted(sorted(g.members) for g in groups) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]


SECTIONS = ["News", "Sports", "Weather", "Opinion", "Business", "Local", "Obituaries", "Classifieds", "Politics"]
TOWNS = ["Alder", "Birch", "Cedar", "Dover", "Elm", "Fairport", "Glen", "Hollow", "Iron", "Juniper", "Kettle", "Linden"]
PAPERS = ["Gazette", "Courier", "Herald", "Sentinel", "Tribune", "Chronicle"]


def town_paper(number: int, pages: int, rng: random.Random) -> list[str]:
    """One of many small sites: four lines of its own, and a section menu of common words, seven
    of ten, that many other sites carry too (each of those lines on most pages of the dump)."""
    town = TOWNS[number % len(TOWNS)] + ("", "ville", "field", "port")[number // len(TOWNS)]
    paper = PAPERS[number % len(PAPERS)]
    menu = rng.sample(SECTIONS, 7)
    own = [f"The {town} {paper}", f"{town} schools", f"{town} council", f"{town} {paper} Media Group"]
    return ["\n".join([own[0], *menu[:5], own[1], own[2], *_article(rng), *menu[5:], own[3]]) for _ in range(pages)]


def test_many_sites_sharing_a_menu_of_common_words_stay_apart() -> None:
    """Forty sites whose pages share a section menu with other sites' (five or six lines of
    eleven, more than half a page's signature) chained into one group through those lines: the
    menu words are on most pages of every site, a site's own lines on its pages only."""
    rng = random.Random(11)
    sites = [town_paper(number, 4, rng) for number in range(40)]
    pages = [page for site in sites for page in site]
    groups = group_pages([_lines(p) for p in pages], load_rulebook().get("_generic"))
    assert sorted(sorted(g.members) for g in groups) == [list(range(n * 4, n * 4 + 4)) for n in range(40)]
    assert len({g.name for g in groups}) == 40


def test_linking_is_the_pairwise_rule() -> None:
    """Pages are one site's when linked by a chain of pairs that share at least 3 lines and half
    the smaller signature: the indexed linking finds exactly the components of that rule."""
    rng = random.Random(12)
    for _ in range(300):
        pool = [f"line {n}" for n in range(rng.randint(3, 20))]
        count = rng.randint(1, 25)
        signatures = [frozenset(rng.sample(pool, rng.randint(0, min(len(pool), 10)))) for _ in range(count)]
        signatures += [rng.choice(signatures) for _ in range(rng.randint(0, 4))]  # pages alike but for their own lines
        assert sorted(_linked(range(len(signatures)), signatures)) == _pairwise_components(signatures)


def _pairwise_components(signatures: list[frozenset[str]]) -> list[list[int]]:
    """The rule, pair by pair: every pair compared, components grown until nothing joins."""
    components = [{n} for n in range(len(signatures))]
    for a, b in itertools.combinations(range(len(signatures)), 2):
        shared = len(signatures[a] & signatures[b])
        if shared >= 3 and shared >= 0.5 * min(len(signatures[a]), len(signatures[b])):
            one, two = (next(c for c in components if n in c) for n in (a, b))
            if one is not two:
                one |= two
                components.remove(two)
    return sorted(sorted(c) for c in components)


def test_clean_learn_groups_text_dumps_without_url_and_cleans_each_with_its_own_rules(tmp_path: Path, capsys) -> None:
    rng = random.Random(7)
    dump = tmp_path / "dump"
    dump.mkdir()
    for n, text in enumerate([*harbor_ledger(5, rng), *prairie_courier(5, rng), lone_page(rng)]):
        (dump / f"page-{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    out, review = tmp_path / "out.jsonl", tmp_path / "review"
    assert main(["clean", str(dump), "--learn", "--learn-dir", str(review), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 11 and all("error" not in r for r in records)
    profiles = [r["profile"] for r in records]
    ledger, courier = profiles[0], profiles[5]
    assert ledger != courier and ledger.startswith("unnamed-") and courier.startswith("unnamed-")
    assert profiles == [ledger] * 5 + [courier] * 5 + ["_generic"]
    assert f"learned {ledger} from 5 pages without a URL" in err and f"learned {courier} from 5 pages" in err
    assert sorted(p.name for p in review.iterdir()) == sorted([f"{ledger}.yaml", f"{courier}.yaml"])
    for record, name, chrome in ((records[0], ledger, "Ferry schedules"), (records[5], courier, "Courier classifieds")):
        assert chrome not in record["text"]
        learned = [step for step in record["trace"]["removed"] if step["profile"] == name]
        assert learned and all(step["rule"].startswith("learned-") for step in learned)
        assert any(chrome in step["text"] for step in learned)
    ledger_rules = (review / f"{ledger}.yaml").read_text(encoding="utf-8")
    courier_rules = (review / f"{courier}.yaml").read_text(encoding="utf-8")
    assert "Ferry schedules" in ledger_rules and "Ferry schedules" not in courier_rules
    assert "Courier classifieds" in courier_rules and "Courier classifieds" not in ledger_rules
    assert "without a URL" in ledger_rules and list(yaml.safe_load(ledger_rules)["match"]) == ["lines"]  # no domain
    rng = random.Random(7)  # the same pages again: their articles stay beside the chrome that goes
    for record, text in zip(records, [*harbor_ledger(5, rng), *prairie_courier(5, rng)], strict=False):
        assert [line for line in text.splitlines() if line.endswith(".")] == [
            line for line in record["text"].splitlines() if line.endswith(".")
        ]


def test_learned_profiles_of_pages_without_url_give_the_same_records_from_rules(tmp_path: Path) -> None:
    """The profiles `--learn-dir` keeps select their pages by their head and tail lines
    (`match.lines`), so that cleaning with them as `--rules` in another run gives the records
    `--learn` gave: the same profile for every page, the same text and trace."""
    rng = random.Random(13)
    dump = tmp_path / "dump"
    dump.mkdir()
    for n, text in enumerate([*harbor_ledger(5, rng), *prairie_courier(5, rng), lone_page(rng)]):
        (dump / f"page-{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    learning, review, reused = tmp_path / "learning.jsonl", tmp_path / "review", tmp_path / "reused.jsonl"
    assert main(["clean", str(dump), "--learn", "--learn-dir", str(review), "-o", str(learning)]) == 0
    assert main(["clean", str(dump), "--rules", str(review), "-o", str(reused)]) == 0
    records = [learning.read_text(encoding="utf-8").splitlines(), reused.read_text(encoding="utf-8").splitlines()]
    assert records[0] == records[1]
    profiles = [json.loads(line)["profile"] for line in records[1]]
    assert len(set(profiles[:5])) == 1 and len(set(profiles[5:10])) == 1 and profiles[10] == "_generic"
    assert profiles[0].startswith("unnamed-") and profiles[5].startswith("unnamed-") and profiles[0] != profiles[5]
    rng = random.Random(14)  # new pages of the sites, in another process: told by their lines too
    assert cleaner.clean(harbor_ledger(1, rng)[0], rules=cleaner.load_rulebook([review])).profile == profiles[0]
    assert cleaner.clean(prairie_courier(1, rng)[0], rules=cleaner.load_rulebook([review])).profile == profiles[5]
    assert cleaner.clean(lone_page(rng), rules=cleaner.load_rulebook([review])).profile == "_generic"


def _clean_learning(tmp_path: Path, texts: list[str]) -> list[dict]:
    dump = tmp_path / "dump"
    dump.mkdir()
    for n, text in enumerate(texts):
        (dump / f"page-{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(dump), "--learn", "--jobs", "2", "-o", str(out)]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_copies_of_one_page_are_one_page_and_keep_their_article(tmp_path: Path) -> None:
    """A dump that holds one page several times (a crawl reaching it under several addresses):
    read as many pages, every line of it would recur and the learned rules take the article."""
    rng = random.Random(8)
    page = harbor_ledger(1, rng)[0]
    article = [line for line in page.splitlines() if line.endswith(".")][:2]
    records = _clean_learning(tmp_path, [page, page, page, page, *prairie_courier(5, rng)])
    for record in records[:4]:
        assert record["profile"] == "_generic"  # one page is no site to learn from
        assert all(sentence in record["text"] for sentence in article)
    assert records[4]["profile"].startswith("unnamed-")  # the other site is still learned


def test_a_page_its_hand_written_profile_selects_by_its_first_line_keeps_it(tmp_path: Path) -> None:
    """The bundled washingtontimes.com profile selects dumps by their dateline: such pages are never
    grouped and learned over, whatever they share."""
    rng = random.Random(9)
    dateline = "- The Washington Times - Thursday, August 17, 2017"
    pages = [f"{dateline}\n" + text for text in harbor_ledger(5, rng)]
    assert cleaner.clean(pages[0]).profile == "washingtontimes.com"
    records = _clean_learning(tmp_path, pages)
    assert [r["profile"] for r in records] == ["washingtontimes.com"] * 5
