"""`cleaner learn`: what recurs across a site's pages becomes rules; article text does not."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import cleaner
from cleaner.cli import main
from cleaner.learn import learn_profiles
from cleaner.page import Page
from tests.site_maker import HEADLINES, QUOTE, site_pages

CUTS = ("cut-head", "cut-tail")


def learned_for(texts: list[str], **options) -> cleaner.learn.Learned:
    pages = [Page(source=f"p{n}", text=t) for n, t in enumerate(texts)]
    return learn_profiles(pages, site="lakeview-tribune.example", **options)["lakeview-tribune.example"]


def test_a_made_up_site_gives_the_expected_rules() -> None:
    learned = learned_for(site_pages(8))
    profile = yaml.safe_load(learned.yaml)
    rules = profile["rules"]
    assert profile["extends"] == "_generic" and profile["match"]["domains"] == ["lakeview-tribune.example"]
    texts = {t for r in rules.values() for t in r.get("text", [])}
    patterns = {r["pattern"] for r in rules.values() if "pattern" in r}
    fences = {kind: [r.get("text", r.get("pattern")) for r in rules.values() if r["kind"] == kind] for kind in CUTS}
    # the article's nearest recurring neighbours: the update line above it, the share prompt below
    assert fences == {"cut-head": [r"^Updated (?:\d+):(?:\d+) p\.m\.$"], "cut-tail": [["Share this story"]]}
    assert profile["main-text"] == {"enabled": False}  # fenced: the generic stage would only cost article lines
    assert r"^By (?P<author>[^|,•–—]+?) \| (?P<email>\S+@\S+?)$" in patterns  # the byline, as fields
    assert "learned-by-name-email" in rules
    assert all(not any(s in t for s in (" said on ", " told reporters ")) for t in texts)
    assert "# on 8 of 8 pages (100%)" in learned.yaml


def test_the_learned_profile_cleans_an_unseen_page_of_the_site(tmp_path: Path) -> None:
    pages = site_pages(9)
    learned = learned_for(pages[:8])
    (tmp_path / "lakeview-tribune.example.yaml").write_text(learned.yaml, encoding="utf-8")
    book = cleaner.load_rulebook([tmp_path])
    result = cleaner.clean(pages[8], profile="lakeview-tribune.example", rules=book)
    assert "Related coverage" not in result.text and "Copyright" not in result.text
    assert "Skip to content" not in result.text and "Updated" not in result.text
    assert result.author and result.email and result.email.endswith("@lakeview-tribune.example")
    body = [line for line in pages[8].splitlines()[9:15]]
    assert all(sentence in result.text for sentence in body)


def test_a_recurring_quote_inside_articles_is_not_learned() -> None:
    learned = learned_for(site_pages(10, quote_on=(1, 4, 6, 8)))  # in 40% of the articles, mid-page
    assert QUOTE not in learned.yaml
    loose = learned_for(site_pages(10, quote_on=(1, 4, 6, 8)), min_share=0.3)
    assert QUOTE not in loose.yaml  # even above the share: it stands mid-page and reads as prose


def test_a_one_page_dump_proposes_nothing() -> None:
    learned = learned_for(site_pages(1), min_pages=1, min_share=0.0)
    assert learned.proposals == [] and yaml.safe_load(learned.yaml)["rules"] == {}


def test_cli_writes_a_valid_profile_that_check_accepts(tmp_path: Path, capsys) -> None:
    dump = tmp_path / "dump"
    dump.mkdir()
    for n, text in enumerate(site_pages(6)):
        (dump / f"{n}.txt").write_text(text, encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    target = rules / "lakeview-tribune.example.yaml"
    assert main(["learn", str(dump), "--site", "lakeview-tribune.example", "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert "rules from 6 pages" in err
    assert main(["profiles", "show", "lakeview-tribune.example", "--rules", str(rules)]) == 0
    advised = shlex.split(err.split("then: cleaner ")[1].splitlines()[0])  # the check it advises passes
    assert advised == ["check", "--rules", str(rules)]
    project = tmp_path / "project"
    project.mkdir()
    checked = subprocess.run(
        [sys.executable, "-m", "cleaner", *advised], cwd=project, capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert main(["learn", str(dump), "--site", "lakeview-tribune.example", "-o", str(tmp_path / "x.yaml")]) == 2


def test_repeated_html_blocks_become_prune_selectors() -> None:
    from tests.site_maker import site_html_pages

    pages = [Page(source=f"p{n}", html=h) for n, h in enumerate(site_html_pages(6))]
    learned = learn_profiles(pages, site="lakeview-tribune.example")["lakeview-tribune.example"]
    prune = yaml.safe_load(learned.yaml)["html"]["prune"]
    # not the story, not related links, and not `div.row`: it marks the story's row as well as a constant one;
    # the masthead's class `top&center` is no CSS identifier and is left out of its selector; `div.note` would
    # also match the story's `div.note.story-body`
    assert prune == ["aside.most-read", "footer#site-footer", "header.masthead"]


def test_learning_keeps_no_parsed_page_after_reading_it(monkeypatch) -> None:
    import gc
    import weakref

    import cleaner.learn
    from tests.site_maker import site_html_pages

    trees: list[weakref.ref] = []
    real = cleaner.learn.parse_html

    def watched(markup: str):
        root = real(markup)
        trees.append(weakref.ref(root))
        return root

    alive: list[int] = []  # parsed trees still held when the next page is asked for

    def pages():
        for n, markup in enumerate(site_html_pages(6)):
            gc.collect()
            alive.append(sum(ref() is not None for ref in trees))
            yield Page(source=f"p{n}", html=markup)

    monkeypatch.setattr(cleaner.learn, "parse_html", watched)
    learned = learn_profiles(pages(), site="lakeview-tribune.example")["lakeview-tribune.example"]
    assert len(trees) == 6 and max(alive) <= 1  # the page in hand only: kept, 1,000 trees would hold a gigabyte
    assert "header.masthead" in yaml.safe_load(learned.yaml)["html"]["prune"]  # what they taught is kept


def test_lines_with_characters_yaml_forbids_are_learned_escaped(tmp_path: Path) -> None:
    pages = [text.replace("Privacy Policy", "Privacy\x80Policy \x1b[0m") for text in site_pages(6)]
    learned = learned_for(pages)  # learn_profiles loads what it writes: this raised before
    (tmp_path / "lakeview-tribune.example.yaml").write_text(learned.yaml, encoding="utf-8")
    book = cleaner.load_rulebook([tmp_path])
    result = cleaner.clean(pages[0], profile="lakeview-tribune.example", rules=book)
    assert "Privacy" not in result.text and "U+0080" in learned.yaml  # the comment shows it, the rule matches it


def test_short_chrome_and_a_pitch_on_every_page_are_learned_even_inside_the_article() -> None:
    pitch = "Sign up for our newsletter to get the day's top stories in your inbox every morning."
    pages = []
    for text in site_pages(8, quote_on=(2, 5)):
        lines = text.splitlines()
        lines[11:11] = ["Advertisement", pitch]  # mid-article on every page, beside the quote on two
        pages.append("\n".join(lines) + "\n")
    rules = yaml.safe_load(learned_for(pages).yaml)["rules"]
    texts = {t for r in rules.values() if r["kind"] == "drop-line" for t in r.get("text", [])}
    assert {"Advertisement", pitch} <= texts and QUOTE not in texts


def test_main_text_stays_on_when_the_fences_leave_other_text_beside_the_article() -> None:
    pages = []
    for n, text in enumerate(site_pages(8)):
        lines = text.splitlines()
        at = lines.index("Share this story")
        lines[at:at] = [f"Source: {h}, report {n}" for h in HEADLINES[n % 3 : n % 3 + 3]]  # varies per page
        pages.append("\n".join(lines) + "\n")
    profile = yaml.safe_load(learned_for(pages).yaml)
    assert "Share this story" in str(profile["rules"]) and "main-text" not in profile


def test_a_headline_that_reads_like_a_sentence_does_not_join_the_article_over_the_byline() -> None:
    pages = []
    for text in site_pages(8):
        lines = text.splitlines()
        lines[6] = f"Read the full story today: {lines[9]}"  # a headline long enough to read as a sentence
        pages.append("\n".join(lines) + "\n")
    rules = yaml.safe_load(learned_for(pages).yaml)["rules"]
    heads = [r.get("pattern") for r in rules.values() if r["kind"] == "cut-head"]
    assert heads == [r"^Updated (?:\d+):(?:\d+) p\.m\.$"]  # the byline and update line still fence the article


@pytest.mark.parametrize("at", [10, 14], ids=["after-the-first-paragraph", "before-the-last-paragraph"])
def test_an_advertisement_between_paragraphs_is_never_a_fence(tmp_path: Path, at: int) -> None:
    pages = []
    for text in site_pages(9):
        lines = text.splitlines()
        lines[at:at] = ["Advertisement"]  # on every page, one paragraph from the article's edge
        pages.append("\n".join(lines) + "\n")
    learned = learned_for(pages[:8])
    rules = yaml.safe_load(learned.yaml)["rules"]
    assert [r["kind"] for r in rules.values() if "Advertisement" in r.get("text", [])] == ["drop-line"]
    (tmp_path / "lakeview-tribune.example.yaml").write_text(learned.yaml, encoding="utf-8")
    result = cleaner.clean(pages[8], profile="lakeview-tribune.example", rules=cleaner.load_rulebook([tmp_path]))
    article = [line for line in pages[8].splitlines()[9:16] if line != "Advertisement"]
    assert len(article) == 6 and all(sentence in result.text for sentence in article)


def test_a_recurring_quote_inside_list_articles_is_not_learned() -> None:
    pages = []
    for n, text in enumerate(site_pages(8)):
        lines = text.splitlines()
        items = [f"Stage {k}: {HEADLINES[(n + k) % len(HEADLINES)]}" for k in range(1, 9)]  # an article of short lines
        if n in (0, 2, 3, 5, 7):  # on 5 of 8 pages, at a varying place among the items
            items.insert(2 + n % 4, QUOTE)
        lines[10:15] = items
        pages.append("\n".join(lines) + "\n")
    assert QUOTE not in learned_for(pages).yaml


def test_a_fence_may_stand_twice_on_its_side_and_the_cut_takes_the_last(tmp_path: Path) -> None:
    pages = []
    for text in site_pages(9):
        lines = text.splitlines()
        lines[9:9] = ["Share on Facebook", "Email this"]  # the share buttons above the article...
        lines[6:6] = ["Share on Facebook", "Email this"]  # ...and under the masthead
        pages.append("\n".join(lines) + "\n")
    learned = learned_for(pages[:8])
    rules = yaml.safe_load(learned.yaml)["rules"]
    assert [r.get("text") for r in rules.values() if r["kind"] == "cut-head"] == [["Email this"]]
    (tmp_path / "lakeview-tribune.example.yaml").write_text(learned.yaml, encoding="utf-8")
    result = cleaner.clean(pages[8], profile="lakeview-tribune.example", rules=cleaner.load_rulebook([tmp_path]))
    article = pages[8].splitlines()[13:19]
    assert result.text.splitlines() == article


def test_a_line_shape_seen_twice_on_each_page_is_learned_for_every_line_of_it() -> None:
    archive = ["Archive", "2019", "May (12)", "April (9)", "2018", "May (15)", "April (3)"]  # same on every page
    pages = []
    for text in site_pages(8):
        lines = text.splitlines()
        lines[-2:-2] = archive
        pages.append("\n".join(lines) + "\n")
    rules = yaml.safe_load(learned_for(pages).yaml)["rules"]
    may = [r for r in rules.values() if "May (12)" in r.get("text", []) or "May" in r.get("pattern", "")]
    assert len(may) == 1
    matches = may[0].get("text") or [line for line in archive if re.fullmatch(may[0]["pattern"], line)]
    assert {"May (12)", "May (15)"} <= set(matches)
    assert may[0].get("scope") == "tail" and may[0]["window"] >= len(archive) + 2  # reaches the first May too


@pytest.mark.parametrize("line", ["April 09, 2019", "19 novembre 2019", "2019-11-19"])
def test_a_date_alone_on_its_line_is_learned_as_a_date_not_as_any_line(line: str) -> None:
    from cleaner.learn.shapes import pattern_of, shape

    pattern = re.compile(pattern_of(shape(line)))
    assert pattern.fullmatch(line).group("date") == line
    assert pattern.fullmatch("November 3, 2021")
    assert not pattern.fullmatch("They met in April 2019 and agreed to the plan.")


def test_the_fence_is_the_nearest_line_that_keeps_to_its_side_past_one_on_both_sides() -> None:
    pages = []
    for text in site_pages(8):
        lines = text.splitlines()
        lines[15:15] = ["Written by the Lakeview staff"]  # the author box right after the article...
        lines[6:6] = ["Written by the Lakeview staff"]  # ...and the same line under the masthead
        pages.append("\n".join(lines) + "\n")
    rules = yaml.safe_load(learned_for(pages).yaml)["rules"]
    assert [r.get("text") for r in rules.values() if r["kind"] == "cut-tail"] == [["Share this story"]]


def _two_site_dump(tmp_path: Path) -> Path:
    import json

    dump = tmp_path / "two.jsonl"
    rows = [
        {"url": f"https://{host}/story-{n}", "text": text}
        for host in ("lakeview-tribune.example", "harbour-daily.example")
        for n, text in enumerate(site_pages(6))
    ]
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return dump


def test_learn_never_overwrites_and_writes_only_where_told(tmp_path: Path, capsys, monkeypatch) -> None:
    dump = _two_site_dump(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["learn", str(dump)]) == 0  # several sites, no -o: stdout, one YAML document each
    documents = list(yaml.safe_load_all(capsys.readouterr().out))
    assert sorted(d["profile"] for d in documents) == ["harbour-daily.example", "lakeview-tribune.example"]
    assert not (tmp_path / "rules").exists()

    assert main(["learn", str(dump), "-o", str(tmp_path / "multi.yaml")]) == 2
    assert "2 sites learned: give -o a folder" in capsys.readouterr().err and not (tmp_path / "multi.yaml").exists()

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "lakeview-tribune.example.yaml").write_text("# written by hand\n", encoding="utf-8")
    assert main(["learn", str(dump), "-o", str(folder)]) == 2
    assert "exists: give --force" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == ["lakeview-tribune.example.yaml"]  # nothing written
    assert (folder / "lakeview-tribune.example.yaml").read_text(encoding="utf-8") == "# written by hand\n"
    assert main(["learn", str(dump), "-o", str(folder), "--force"]) == 0
    assert (
        yaml.safe_load((folder / "lakeview-tribune.example.yaml").read_text())["profile"] == "lakeview-tribune.example"
    )
    assert (folder / "harbour-daily.example.yaml").exists()


@pytest.mark.parametrize("site", ["..", "a b.com", "::1"])
def test_a_site_that_is_no_host_name_names_no_file(tmp_path: Path, capsys, site: str) -> None:
    dump = tmp_path / "dump"
    dump.mkdir()
    for n, text in enumerate(site_pages(6)):
        (dump / f"{n}.txt").write_text(text, encoding="utf-8")
    assert main(["learn", str(dump), "--site", site, "-o", str(tmp_path / "out")]) == 2
    assert "is not a host name" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_main_text_stays_on_when_a_fence_is_missing_on_one_training_page() -> None:
    pages = site_pages(8)
    assert yaml.safe_load(learned_for(pages).yaml)["main-text"] == {"enabled": False}  # fenced on every page
    pages[3] = pages[3].replace("Share this story\n", "")  # a section page without the tail fence
    profile = yaml.safe_load(learned_for(pages).yaml)
    assert any(rule["kind"] == "cut-tail" for rule in profile["rules"].values())  # the fence is still learned
    assert profile.get("main-text") != {"enabled": False}  # but the generic stage stays on for pages without it


def test_the_main_text_stage_judges_the_page_as_the_shared_profiles_leave_it(tmp_path: Path, monkeypatch) -> None:
    import cleaner.engine

    (tmp_path / "lakeview-tribune.example.yaml").write_text(
        "profile: lakeview-tribune.example\nextends: _generic\nrules:\n"
        "  promo:\n    kind: drop-line\n    text: [Subscribe to the Tribune today]\n",
        encoding="utf-8",
    )
    seen: list[set[str]] = []
    real = cleaner.engine.main_text_edits

    def watched(settings, profile, lines, edits):
        seen.append({edit.profile for edit in edits})
        return real(settings, profile, lines, edits)

    monkeypatch.setattr(cleaner.engine, "main_text_edits", watched)
    text = site_pages(1)[0] + "Subscribe to the Tribune today\n"
    result = cleaner.clean(text, profile="lakeview-tribune.example", rules=cleaner.load_rulebook([tmp_path]))
    assert "Subscribe to the Tribune" not in result.text  # the site's rule still removes its line
    assert seen and all(name.startswith("_") for names in seen for name in names)  # unseen by main-text


CREDIT = "This story was reported with the Valley News Service, a nonprofit newsroom covering the region."


@pytest.mark.parametrize("on", [(0, 1, 2, 4, 5, 7), (0, 1, 2, 3, 4, 5, 6)], ids=["6-of-8", "7-of-8"])
def test_a_credit_paragraph_closing_most_articles_is_not_learned(tmp_path: Path, on: tuple[int, ...]) -> None:
    """Recurring, so the article's stretch of own prose stops before it: on its own pages it looks
    like chrome right after the article. Measured leave-one-out, a rule for it takes article prose
    of the held pages, and it falls below the precision bar."""
    pages = []
    for n, text in enumerate(site_pages(9)):
        lines = text.splitlines()
        if n in (*on, 8):
            lines[15:15] = [CREDIT]  # the article's last paragraph, before "Share this story"
        pages.append("\n".join(lines) + "\n")
    learned = learned_for(pages[:8])
    assert CREDIT not in learned.yaml
    assert "Share this story" in learned.yaml and "; precision 1.00 on 8 held pages" in learned.yaml
    (tmp_path / "lakeview-tribune.example.yaml").write_text(learned.yaml, encoding="utf-8")
    result = cleaner.clean(pages[8], profile="lakeview-tribune.example", rules=cleaner.load_rulebook([tmp_path]))
    assert CREDIT in result.text and "Share this story" not in result.text
