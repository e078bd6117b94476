"""`match.lines`: a profile that selects text dumps without a URL by their head and tail lines."""

from __future__ import annotations

from pathlib import Path

import cleaner

ARTICLE = [
    "The county board said on Tuesday that the bridge would need repairs within a decade, after months of debate.",
    "Residents told reporters that the intersection would stay closed, according to a draft report.",
]
LEDGER = """profile: ledger.example
extends: _generic
match:
  domains: [ledger.example]
  lines:
    at-least: 3
    patterns:
      - '^The Harbor Ledger$'
      - '^Waterfront$'
      - '^Ferry schedules$'
      - '^Harbor Ledger Publishing, \\d+ Quay Street$'
"""
COURIER = """profile: courier.example
extends: _generic
match:
  lines:
    at-least: 2
    within: 3
    patterns: ['^Prairie Courier$', '^Grain prices$', '^Waterfront$']
"""


def _page(head: list[str], tail: list[str] = ()) -> str:
    return "\n".join([*head, *ARTICLE, *tail])


def _rules(profile_dir) -> cleaner.Rulebook:
    profile_dir("ledger.example.yaml", LEDGER)
    profile_dir("courier.example.yaml", COURIER)
    return cleaner.load_rulebook([profile_dir.folder])


def test_a_page_carrying_enough_of_the_lines_at_its_ends_is_the_sites(profile_dir) -> None:
    rules = _rules(profile_dir)
    page = _page(["The Harbor Ledger", "Waterfront"], ["Harbor Ledger Publishing, 12 Quay Street"])
    assert cleaner.clean(page, rules=rules).profile == "ledger.example"
    assert cleaner.clean(_page(["The Harbor Ledger", "Waterfront"]), rules=rules).profile == "_generic"  # 2 of 3


def test_lines_count_only_within_the_pages_ends(profile_dir) -> None:
    """`within: 3`: the courier's lines deep in the page (here a list inside the article) do not count."""
    rules = _rules(profile_dir)
    near = _page(["Prairie Courier", "Grain prices", "Obituaries"])
    deep = "\n".join(["Obituaries", "Classifieds", "Weather", "Prairie Courier", "Grain prices", *ARTICLE * 3])
    assert cleaner.clean(near, rules=rules).profile == "courier.example"
    assert cleaner.clean(deep, rules=rules).profile == "_generic"


def test_the_profile_whose_lines_match_best_wins_and_a_url_or_first_line_comes_first(profile_dir) -> None:
    """Both match (the ledger 3 of 4 lines, the courier 2 of 3 with the shared 'Waterfront'): the
    larger share wins. A URL's host, or a first-line marker, selects before any lines do."""
    rules = _rules(profile_dir)
    page = _page(["The Harbor Ledger", "Waterfront", "Ferry schedules", "Prairie Courier"])
    assert cleaner.clean(page, rules=rules).profile == "ledger.example"
    page = _page(["Prairie Courier", "Waterfront", "Grain prices", "The Harbor Ledger", "Ferry schedules"])
    assert cleaner.clean(page, rules=rules).profile == "courier.example"  # 3 of 3 beats 3 of 4
    assert cleaner.clean(page, rules=rules, url="https://www.ledger.example/a").profile == "ledger.example"
    dateline = "- The Washington Times - Thursday, August 17, 2017"
    assert cleaner.clean(f"{dateline}\n{page}", rules=rules).profile == "washingtontimes.com"


def test_html_pages_are_never_selected_by_lines(profile_dir, tmp_path: Path) -> None:
    rules = _rules(profile_dir)
    body = "".join(f"<p>{line}</p>" for line in ["The Harbor Ledger", "Waterfront", "Ferry schedules", *ARTICLE])
    assert cleaner.clean(f"<html><body>{body}</body></html>", rules=rules).profile == "_generic"
