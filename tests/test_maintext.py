"""The generic main-text stage: what it drops (with a reason), what it keeps, and who turns it on."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.maintext import RULE_ID
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parent.parent
PROSE = [
    "The county board voted on Tuesday to extend the library's opening hours at four branches, "
    "after months of requests from parents and students who said the old schedule left them no time.",
    "Officials said the change would cost about half a million dollars a year, most of it for staff, "
    "and that the money would come from a property tax increase that voters approved in the autumn.",
    "Several residents who spoke at the meeting said they were pleased with the decision, though some "
    "asked the board to look again at the hours of the smaller branches in the north of the county.",
    "The new hours will begin in April, and the board said it would review attendance at each branch "
    "after six months before deciding whether to keep the longer schedule for another year.",
]
MENU = ["News", "Sports", "Weather", "Opinion", "Obituaries"]


def removed(result: cleaner.Result) -> list[dict]:
    return [r for r in result.trace["removed"] if r["rule"] == RULE_ID]


def write_profile(folder: Path, name: str, body: str) -> cleaner.Rulebook:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.yaml").write_text(body, encoding="utf-8")
    return cleaner.load_rulebook([folder])


def test_menu_between_paragraphs_is_dropped_with_its_reason():
    page = "\n".join([*PROSE[:2], *MENU, *PROSE[2:]])
    result = cleaner.clean(page)
    assert result.text == "\n".join(PROSE)
    [entry] = removed(result)
    assert entry["lines"] == [3, 7]
    assert "menu" in entry["reason"]
    assert entry["profile"] == "_generic"


def test_subheading_between_prose_is_kept():
    page = "\n".join([PROSE[0], "What happens next", PROSE[1], PROSE[2]])
    assert cleaner.clean(page).text == page


def test_clean_article_loses_nothing_but_its_title_line():
    page = "\n".join(["Library Board Restores Sunday Hours", *PROSE, "The new hours start in April."])
    result = cleaner.clean(page)
    assert result.text == "\n".join([*PROSE, "The new hours start in April."])
    assert result.title == "Library Board Restores Sunday Hours"
    assert result.trace["fields"]["title"] == RULE_ID
    assert result.trace["removed"] == [
        {
            "rule": "generic/title",
            "profile": "_generic",
            "lines": [1, 1],
            "text": "Library Board Restores Sunday Hours",
            "reason": "the title, given as the `title` field",
        }
    ]


def test_repeated_headline_is_the_title_and_chrome_around_the_article_goes():
    page = "\n".join(
        [
            "Board Restores Sunday Hours - The Example Post",
            *MENU,
            "Board Restores Sunday Hours",
            *PROSE,
            "About us",
            "Contact",
        ]
    )
    result = cleaner.clean(page)
    assert result.title == "Board Restores Sunday Hours"
    assert result.text == "\n".join(PROSE)
    reasons = {r["reason"] for r in removed(result)}
    assert {"before the article", "the title (the page's first line repeats it)", "after the article"} <= reasons


def test_a_headline_over_teasers_does_not_hide_a_lone_paragraph_below_them():
    teasers = [f"Teaser number {n}: more stories from around the county" for n in range(12)]
    paragraph = " ".join(PROSE)  # the whole article in one line, as some dumps give it
    page = "\n".join(["Board Restores Sunday Hours - The Example Post", "Board Restores Sunday Hours", *teasers])
    page += "\n" + "\n".join([paragraph, "About us", "Contact"])
    assert cleaner.clean(page).text == paragraph
    short = page.replace(paragraph, PROSE[0][:150] + ".")  # no full paragraph: the headline's stretch stands
    assert cleaner.clean(short).text == ""


def test_every_removed_line_has_a_rule_and_main_text_ones_a_reason():
    page = (ROOT / "samples/pinecrest-gazette.example/2021-04-12-trail-reopening.txt").read_text(encoding="utf-8")
    result = cleaner.clean(page)
    kept = set(result.text.splitlines())
    lines = [line.strip() for line in page.splitlines()]
    covered = {n for r in result.trace["removed"] for n in range(r["lines"][0], r["lines"][1] + 1)}
    assert all(n + 1 in covered for n, line in enumerate(lines) if line and line not in kept)
    assert all(r.get("reason") for r in removed(result))


@pytest.mark.parametrize("sample", sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "samples").glob("*/*.txt")))
def test_cleaning_the_output_again_removes_nothing_more(sample):
    once = cleaner.clean((ROOT / sample).read_text(encoding="utf-8"))
    twice = cleaner.clean(once.text, profile="_generic")
    assert twice.text == once.text
    assert removed(twice) == []


def test_site_profiles_and_base_do_not_run_it():
    book = cleaner.load_rulebook()
    assert book.get("_generic").main_text.enabled
    assert not book.get("_base").main_text.enabled
    assert not book.get("washingtontimes.com").main_text.enabled
    page = "\n".join([PROSE[0], *MENU, PROSE[1]])
    assert cleaner.clean(page, profile="_base").text == page


def test_seed_has_no_main_text_edits():
    if not SEED.exists():
        pytest.fail(f"the seed is missing: {SEED}")  # as in test_seed: never a silent skip
    result = cleaner.clean(SEED.read_text(encoding="utf-8"))
    assert result.profile == "washingtontimes.com"
    assert removed(result) == []


def test_a_profile_turns_it_off_and_tunes_it_in_yaml(tmp_path):
    page = "\n".join([PROSE[0], *MENU[:2], PROSE[1], PROSE[2]])
    off = write_profile(tmp_path / "off", "_generic", "profile: _generic\nmain-text: {enabled: false}\n")
    assert cleaner.clean(page, rules=off).text == page
    # two short lines are kept by default (a subheading pair); max-short-run: 1 calls them a menu
    assert cleaner.clean(page).text == page
    strict = write_profile(
        tmp_path / "strict", "_generic", "profile: _generic\nmain-text: {enabled: true, max-short-run: 1}\n"
    )
    assert cleaner.clean(page, rules=strict).text == "\n".join(PROSE[:3])


def test_settings_are_inherited_through_extends(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "example.org.yaml").write_text(
        "profile: example.org\nextends: _generic\nmatch: {domains: [example.org]}\nmain-text: {gap-cost: 99}\n",
        encoding="utf-8",
    )
    profile = cleaner.load_rulebook([folder]).get("example.org")
    assert profile.main_text.enabled and profile.main_text.gap_cost == 99
    assert profile.main_text_from == "_generic"


def test_a_bad_threshold_names_file_and_key(tmp_path):
    with pytest.raises(cleaner.ProfileError, match=r"main-text\.stopwords-low"):
        write_profile(tmp_path / "bad", "_generic", "profile: _generic\nmain-text: {stopwords-low: lots}\n")


def test_with_main_text_off_the_headline_under_the_title_line_is_still_the_title(tmp_path):
    rules = write_profile(
        tmp_path / "site",
        "example.test",
        "profile: example.test\nextends: _generic\nmatch: {first-line: ['Example Post$']}\n"
        "main-text: {enabled: false}\n"
        "rules:\n  masthead: {kind: cut-head, text: [Skip to content]}\n",
    )
    page = "\n".join(
        ["Board Restores Sunday Hours - Example Post", *MENU, "Skip to content", "Board Restores Sunday Hours"]
    )
    result = cleaner.clean(page + "\n" + "\n".join(PROSE), rules=rules)
    assert result.profile == "example.test" and result.title == "Board Restores Sunday Hours"
    assert result.trace["fields"]["title"] == "generic/headline"
    assert result.text == "\n".join(PROSE)  # the headline was the first line kept: it is the title, not text


BUDGET_LIST = ["- Dredging the old channel", "- New lights along the pier", "- A shelter at the ferry stop"]
BUDGET_TABLE = ["| Branch | Hours |", "|---|---|", "| North | 9 to 8 |", "| Harbour | 10 to 6 |"]


def test_a_list_and_a_table_between_paragraphs_are_the_articles():
    """A dump that keeps a page's structure (`- ` items, `|` rows): the article's own list and
    table stand between its paragraphs and are kept, whatever their length or stopwords."""
    page = "\n".join([PROSE[0], "What the money pays for", *BUDGET_LIST, PROSE[1], *BUDGET_TABLE, PROSE[2]])
    result = cleaner.clean(page)
    assert result.text == page
    assert removed(result) == []


def test_a_menu_list_between_paragraphs_is_still_dropped():
    """Items of one or two words are a menu, marked as a list or not."""
    menu = [f"- {item}" for item in MENU]
    page = "\n".join([*PROSE[:2], *menu, *PROSE[2:]])
    result = cleaner.clean(page)
    assert result.text == "\n".join(PROSE)
    assert [entry["lines"] for entry in removed(result)] == [[3, 7]]


def test_a_list_after_the_last_paragraph_is_not_taken_for_the_article():
    """Headlines listed under the article (related stories) stand between prose and the page's end."""
    related = ["- Council to vote on the harbour budget next week", "- Ferry fares rise for the first time in years"]
    page = "\n".join([*PROSE, *related])
    result = cleaner.clean(page)
    assert result.text == "\n".join(PROSE)
