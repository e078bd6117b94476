"""Reader comments kept apart when asked (`comments=True`): never in `text`, never changing it."""

from __future__ import annotations

import cleaner
from cleaner.page import Page
from cleaner.parallel import clean_all

ARTICLE = """<p>The old harbour pier in Marlow Bay reopened on Saturday after eighteen months of repairs,
the town council said in a statement on Friday evening.</p>
<p>Engineers replaced the rotten timber piles with steel ones and raised the deck by half a metre
to keep it above the winter storm tides.</p>
<p>Fishermen who moor their boats beside the pier welcomed the news and said the repairs had taken
far too long for a structure so small.</p>"""

PAGE = f"""<html lang="en"><head><title>Marlow Bay pier reopens</title></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Marlow Bay pier reopens</h1>{ARTICLE}</article>
<section id="comments" class="comments"><h3>2 comments</h3>
<ol class="comment-list">
<li class="comment"><p>Finally! I have been waiting for this since last spring.</p></li>
<li class="comment"><p>Eighteen months for a pier is a joke, the council should explain the delay.</p></li>
</ol></section>
<footer>Copyright 2024 Marlow Bay Post</footer>
</body></html>"""

URL = "https://marlowbay-post.example/pier"
COMMENTS = [
    "Finally! I have been waiting for this since last spring.",
    "Eighteen months for a pier is a joke, the council should explain the delay.",
]


def test_comments_come_apart_and_the_text_stays_the_same():
    plain = cleaner.clean(PAGE, url=URL)
    asked = cleaner.clean(PAGE, url=URL, comments=True)
    assert asked.comments.split("\n\n") == COMMENTS
    assert asked.text == plain.text
    assert "Engineers replaced" in asked.text
    assert not any(comment in asked.text for comment in COMMENTS)


def test_the_comments_key_is_there_only_when_asked():
    assert "comments" not in cleaner.clean(PAGE, url=URL).to_dict()
    record = cleaner.clean(PAGE, url=URL, comments=True).to_dict()
    assert list(record)[list(record).index("text") + 1] == "comments"


def test_a_page_without_comments_gives_an_empty_string():
    page = PAGE.split("<section")[0] + "</body></html>"
    assert cleaner.clean(page, url=URL, comments=True).comments == ""


def test_a_text_dump_has_no_comments_key_even_when_asked():
    dump = "Marlow Bay pier reopens\n\n" + ARTICLE.replace("<p>", "").replace("</p>", "\n")
    result = cleaner.clean(dump, comments=True)
    assert result.ok and result.comments is None
    assert "comments" not in result.to_dict()


def test_worker_processes_carry_the_option():
    pages = [Page(source=f"p{n}.html", html=PAGE, url=URL) for n in range(2)]
    results = list(clean_all(pages, cleaner.load_rulebook(), jobs=2, comments=True))
    assert [r.comments.split("\n\n") for r in results] == [COMMENTS, COMMENTS]


def test_the_command_line_writes_comments_only_when_asked(tmp_path, capsys):
    import json

    from cleaner.cli import main

    page = tmp_path / "pier.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["clean", str(page), "--url", URL, "--comments"]) == 0
    asked = json.loads(capsys.readouterr().out)
    assert asked["comments"].split("\n\n") == COMMENTS
    assert main(["clean", str(page), "--url", URL]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert "comments" not in plain and plain["text"] == asked["text"]
