"""A cleaned page as a document for people and LLM pipelines rather than as a JSON record:
Markdown with its fields in a YAML front matter, or the plain text alone.

Both take the page's JSON record (`Result.to_dict`), so a document says exactly what the record
says, and a front matter parsed back with `yaml.safe_load` equals the record's fields.
"""

from __future__ import annotations

from typing import Any

import yaml

#: The record's keys a Markdown document's front matter holds, in this order, each when the record
#: has it (`id` only when the dump gave one).
FRONT_MATTER = (
    "title",
    "author",
    "authors",
    "date",
    "language",
    "publisher",
    "email",
    "url",
    "source",
    "id",
    "confidence",
)


def front_matter(record: dict[str, Any]) -> dict[str, Any]:
    """The fields of `record` a document carries in its front matter."""
    return {key: record[key] for key in FRONT_MATTER if key in record}


def markdown_document(record: dict[str, Any]) -> str:
    """`---`, the fields as YAML (PyYAML's safe dumper: any title or name quotes itself right),
    `---`, then the page's Markdown (its text when the record has no Markdown: a text dump's kept
    text is its Markdown)."""
    fields = yaml.safe_dump(front_matter(record), allow_unicode=True, sort_keys=False, width=float("inf"))
    body = record.get("markdown")
    return f"---\n{fields}---\n\n{record['text'] if body is None else body}\n"


def plain_document(record: dict[str, Any]) -> str:
    """The page's plain text, ending in a newline."""
    return f"{record['text']}\n"
