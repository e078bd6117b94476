"""The HTML form of `cleaner explain`: one self-contained page (no scripts, styles inline).

Kept text as paragraphs; removed text struck through in place, its rule and profile shown on
hover; the fields with their sources; for HTML input, what the profile's selectors pruned from
the page before the text was extracted. A dump gives one report: an index of its pages with
their counts, then each page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from cleaner.explain import Explained, Line, show_value

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; padding: 0 1em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2.5em; border-top: 1px solid #ccc; padding-top: 1em; }
table { border-collapse: collapse; margin: .5em 0 1em; } td, th { padding: .2em .8em; text-align: left;
  vertical-align: top; border-bottom: 1px solid #eee; }
.meta { color: #666; } .num { text-align: right; }
.page-text { border-left: 3px solid #ddd; padding-left: 1em; }
.line { margin: .35em 0; position: relative; }
.line .n { color: #aaa; font-size: .75em; display: inline-block; width: 3em; }
.removed { color: #a33; background: #fff3f3; }
.removed del { text-decoration: line-through; text-decoration-color: #c44; }
.removed:hover::after { content: attr(data-label); position: absolute; right: 0; top: -1.4em; z-index: 1;
  background: #333; color: #fff; font-size: .8em; padding: .1em .5em; border-radius: 3px; white-space: nowrap; }
.rules li code, .fields code { background: #f4f4f4; padding: 0 .3em; }
.pruned del { color: #a33; } .pruned code { color: #555; }
.error { color: #a33; }
"""


def report(pages: Sequence[Explained], *, title: str = "cleaner explain") -> str:
    """The whole report as one HTML document."""
    body = [f"<h1>{escape(title)}</h1>"]
    if len(pages) != 1:
        body.append(_index(pages))
    for n, page in enumerate(pages, 1):
        body.extend(_page(n, page))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _index(pages: Sequence[Explained]) -> str:
    rows = [
        "<tr><th>#</th><th>page</th><th>profile</th><th>kept lines</th><th>removed lines</th>"
        "<th>rules</th><th>fields</th></tr>"
    ]
    for n, page in enumerate(pages, 1):
        result = page.result
        link = f'<a href="#page-{n}">{escape(result.source)}</a>'
        if result.error is not None:
            rows.append(
                f'<tr><td>{n}</td><td>{link}</td><td colspan="5" class="error">{escape(result.error["kind"])}</td></tr>'
            )
            continue
        found = sum(1 for f in page.fields if f.source)
        rows.append(
            f"<tr><td>{n}</td><td>{link}</td><td>{escape(result.profile or '')}</td>"
            f'<td class="num">{len(page.kept)}</td><td class="num">{len(page.removed)}</td>'
            f'<td class="num">{len(page.rule_counts())}</td><td class="num">{found}</td></tr>'
        )
    return f'<table class="index">{"".join(rows)}</table>'


def _page(n: int, page: Explained) -> Iterator[str]:
    result = page.result
    yield f'<section class="page" id="page-{n}">'
    yield f"<h2>{escape(result.source)}</h2>"
    if result.error is not None:
        yield f'<p class="error">Not cleaned: {escape(result.error["kind"])}: {escape(result.error["message"])}</p>'
        yield "</section>"
        return
    url = f" · {escape(result.url)}" if result.url else ""
    yield (
        f'<p class="meta">profile <b>{escape(" < ".join(page.chain))}</b>{url} · kept {len(page.kept)} lines, '
        f"removed {len(page.removed)}</p>"
    )
    yield from _fields(page)
    yield from _rules(page)
    yield from _pruned(page)
    yield '<h3>Text</h3>\n<div class="page-text">'
    yield from (_line(line) for line in page.lines if line.text)
    yield "</div>\n</section>"


def _line(line: Line) -> str:
    if line.removed is None:
        return f'<p class="line kept"><span class="n">{line.number}</span>{escape(line.text)}</p>'
    blame = line.removed
    label = f"removed by {blame.rule} ({blame.profile})" + (f": {blame.reason}" if blame.reason else "")
    return (
        f'<p class="line removed" data-rule="{escape(blame.rule)}" data-profile="{escape(blame.profile)}" '
        f'data-label="{escape(label)}" title="{escape(label)}"><span class="n">{line.number}</span>'
        f"<del>{escape(line.text)}</del></p>"
    )


def _fields(page: Explained) -> Iterator[str]:
    yield '<h3>Fields</h3>\n<table class="fields"><tr><th>field</th><th>value</th><th>from</th><th>where</th></tr>'
    for origin in page.fields:
        where = f"<code>{escape(str(origin.place))}</code>" if origin.place else ""
        yield (
            f'<tr data-field="{origin.field}"><td>{origin.field}</td><td>{escape(show_value(origin.value))}</td>'
            f"<td>{escape(origin.described)}</td><td>{where}</td></tr>"
        )
    yield "</table>"


def _rules(page: Explained) -> Iterator[str]:
    counts = page.rule_counts()
    if not counts:
        return
    yield '<h3>Rules that removed lines</h3>\n<ul class="rules">'
    for blame, count in sorted(counts.items(), key=lambda item: -item[1]):
        yield f"<li><code>{escape(blame.rule)}</code> ({escape(blame.profile)}): {count} line{'s' * (count != 1)}</li>"
    yield "</ul>"


def _pruned(page: Explained) -> Iterator[str]:
    """HTML input: the elements the profile's `html.prune` selectors took out, in page order."""
    if not page.pruned:
        return
    yield '<h3>Pruned from the HTML</h3>\n<ul class="pruned">'
    for item in page.pruned:
        selector, tag, text = escape(item.selector), escape(item.tag), escape(item.text)
        yield f"<li><code>{selector}</code> &rarr; <code>&lt;{tag}&gt;</code> <del>{text}</del></li>"
    yield "</ul>"
