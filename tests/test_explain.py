"""`cleaner explain`: the page with each removed line marked by its rule, in the terminal and as HTML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

import cleaner
from cleaner.check.locate import Locator
from cleaner.cli import main
from cleaner.engine import stages_or_fail
from cleaner.explain import explain_inputs, explain_page
from cleaner.explain_report import report
from cleaner.page import Page
from tests.checkproject import CASE, DOMAIN, make_project, profile_line

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def sample(project: Path) -> Path:
    return project / "samples" / DOMAIN / f"{CASE}.txt"


def test_terminal_marks_each_removed_line_with_rule_and_profile(project: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(project)
    code = main(["explain", "--rules", "rules", f"samples/{DOMAIN}/{CASE}.txt", "--color", "never"])
    out = capsys.readouterr().out
    assert code == 0
    assert f"== samples/{DOMAIN}/{CASE}.txt  profile {DOMAIN} < _base" in out
    assert "kept 3 lines, removed 4 by 3 rules" in out
    lines = out.splitlines()
    assert any(
        line.startswith("    1 ✗ masthead · lakeview.example") and line.endswith("│ LAKEVIEW TRIBUNE") for line in lines
    )
    assert any(line.startswith("   12 ✗ footer · lakeview.example") and "Reprint rights" in line for line in lines)
    assert any(line.startswith("    3 ") and "✗" not in line and "The ferry will run" in line for line in lines)
    signoff = profile_line(project, "  signoff:")
    author = next(line for line in lines if line.startswith("  author"))
    assert "Mara Quist" in author and f"rule signoff ({DOMAIN})  rules/{DOMAIN}.yaml:{signoff}" in author
    assert next(line for line in lines if line.startswith("  email")).split()[1:3] == ["-", "not"]


def test_color_marks_removed_text_struck_through(project: Path, capsys) -> None:
    main(["explain", "--rules", str(project / "rules"), str(sample(project)), "--color", "always"])
    assert "\x1b[31m\x1b[9mLAKEVIEW TRIBUNE\x1b[0m" in capsys.readouterr().out


def test_html_report_for_a_dump_lists_pages_and_strikes_removed_lines(project: Path, tmp_path: Path, capsys) -> None:
    other = sample(project).with_name("2024-05-02-unknown.txt")
    other.write_text("Share on Facebook\nA short story about the harbour.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    code = main(["explain", "--rules", str(project / "rules"), str(project / "samples"), "--html", str(out)])
    assert code == 0 and "2 page(s)" in capsys.readouterr().out
    doc = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    rows = doc.cssselect("table.index tr")[1:]
    assert [row.cssselect("td")[2].text_content() for row in rows] == [DOMAIN, "_generic"]
    assert [row.cssselect("td")[4].text_content() for row in rows] == ["4", "1"]
    first = doc.cssselect("#page-1")[0]
    removed = first.cssselect("p.removed")
    assert [p.get("data-rule") for p in removed] == ["masthead", "signoff", "footer", "footer"]
    assert removed[0].cssselect("del")[0].text_content() == "LAKEVIEW TRIBUNE"
    assert removed[0].get("title") == f"removed by masthead ({DOMAIN})"
    kept = [p.text_content() for p in first.cssselect("p.kept")]
    assert len(kept) == 3 and "The ferry will run" in kept[0]
    author = first.cssselect('tr[data-field="author"] td')
    assert [td.text_content() for td in author[:3]] == ["author", "Mara Quist", f"rule signoff ({DOMAIN})"]
    assert not doc.cssselect("script") and not doc.cssselect("link")  # self-contained


def test_report_shows_what_html_pruning_removed(project: Path) -> None:
    rules = project / "rules"
    (rules / "gazette.example.yaml").write_text(
        "profile: gazette.example\nextends: _base\nmatch: {domains: [gazette.example]}\n"
        "html:\n  prune: ['//aside[@class=\"promo\"]']\n  body: article\n",
        encoding="utf-8",
    )
    markup = (
        "<html><head><title>Harbour</title></head><body><article><h1>Harbour dredging starts</h1>"
        "<p>The dredger arrived on Monday and will work through the summer, the port authority said.</p>"
        "<aside class='promo'>Subscribe to our newsletter today</aside>"
        "<p>Advertisement</p><p>Work stops during the regatta weekend in August.</p></article></body></html>"
    )
    book = cleaner.load_rulebook([rules])
    page = Page(source="harbour.html", html=markup, url="https://gazette.example/harbour")
    explained = explain_page(stages_or_fail(page, book), Locator(book, project))
    result = explained.result
    assert result == cleaner.clean(markup, url=page.url, rules=book, source=page.source)  # the record `clean` gives
    assert explained.pruned and explained.pruned[0].text == "Subscribe to our newsletter today"
    assert result.title == "Harbour dredging starts"  # a profile's html.body page gets its title too
    assert [line.text for line in explained.removed] == ["Harbour dredging starts", "Advertisement"]
    doc = lxml_html.fromstring(report([explained]))
    pruned = doc.cssselect("ul.pruned li")
    assert len(pruned) == 1 and "//aside" in pruned[0].text_content()
    assert pruned[0].cssselect("del")[0].text_content() == "Subscribe to our newsletter today"


def test_unreadable_page_is_reported_not_raised(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["explain", str(empty)]) == 1
    assert "not cleaned: empty" in capsys.readouterr().out


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (apt-get install chromium)")
def test_report_in_a_real_browser(project: Path, tmp_path: Path) -> None:
    """Debian's chromium, driven by Playwright: the report opens, the removed lines are shown struck
    through, hovering one shows its rule, and a screenshot is taken."""
    from playwright.sync_api import sync_playwright

    book = cleaner.load_rulebook([project / "rules"])
    out = tmp_path / "report.html"
    out.write_text(report(list(explain_inputs([str(sample(project))], book))), encoding="utf-8")
    shot = tmp_path / "report.png"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 700})
            page.goto(out.as_uri())
            assert page.title().startswith("cleaner explain")
            removed = page.locator("p.removed")
            assert removed.count() == 4
            assert all(removed.nth(i).is_visible() for i in range(4))
            assert removed.first.inner_text().endswith("LAKEVIEW TRIBUNE")
            decoration = removed.first.locator("del").evaluate("el => getComputedStyle(el).textDecorationLine")
            assert "line-through" in decoration
            removed.nth(2).hover()
            tip = removed.nth(2).evaluate("el => getComputedStyle(el, '::after').content")
            assert "removed by footer (lakeview.example)" in tip
            assert page.locator("p.kept").count() == 3
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_a_report_that_cannot_be_written_is_one_line_and_exit_2_before_any_page(tmp_path: Path, capsys) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Budget\n\nThe council met on Monday and approved the plan after a long debate.\n", encoding="utf-8"
    )
    assert main(["explain", str(page), "--html", str(tmp_path / "missing" / "report.html")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("cleaner: cannot write") and "No such file or directory" in err[0]

    assert main(["explain", str(page), "--html", str(page)]) == 2  # never over an input
    assert "is an input" in capsys.readouterr().err and page.read_text(encoding="utf-8").startswith("Budget")

    assert main(["explain", str(page), "--html", str(tmp_path / "report.html")]) == 0
    assert "The council met on Monday" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_text_that_is_no_unicode_never_stops_explain(tmp_path: Path) -> None:
    import subprocess
    import sys

    dump = tmp_path / "dump.jsonl"
    body = "The council met on Monday and approved the plan after a long debate about the budget."
    dump.write_text('{"text": "Headline \\udc00 here\\n\\n' + body + '"}\n', encoding="utf-8")
    report = tmp_path / "report.html"
    for extra in ([], ["--html", str(report)]):
        done = subprocess.run(
            [sys.executable, "-m", "cleaner", "explain", str(dump), *extra], capture_output=True, check=False
        )
        assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr
        shown = report.read_bytes() if extra else done.stdout
        assert b"The council met on Monday" in shown and b"Headline" in shown


ARTICLE = (
    "<html><head><title>Bridge repairs</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<article><h1>Bridge repairs begin on the old river crossing</h1>"
    + "".join(
        f"<p>Crews from the county started work on section {n} of the bridge on Monday, and the engineers "
        "expect the lane closures to last until the end of the month, weather permitting.</p>"
        for n in range(1, 7)
    )
    + "</article><footer>Copyright 2026 Millbrook Courier</footer></body></html>"
)


def test_explain_extracts_each_html_page_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """explain lays out what the cleaning stages made; it does not run them a second time."""
    import trafilatura

    calls: list[str] = []
    real = trafilatura.bare_extraction

    def counted(*args: object, **kwargs: object) -> object:
        calls.append("extract")
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", counted)
    for name in ("one.html", "two.html"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    explained = list(explain_inputs([str(tmp_path / "one.html"), str(tmp_path / "two.html")], cleaner.load_rulebook()))
    assert len(calls) == 2  # one extraction per page
    assert [e.result.ok for e in explained] == [True, True]
    kept = [line.text for line in explained[0].kept]
    assert any("section 3 of the bridge" in text for text in kept)
    assert not any("Copyright" in text for text in kept)
