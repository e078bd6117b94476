"""The profile format as one JSON Schema: every key, its type and its default, in one place.

The loader validates each YAML file against it; `cleaner profiles schema` publishes it so
editors can complete and check profiles as they are typed.
"""

from __future__ import annotations

from typing import Any

from cleaner.edits import FIELDS
from cleaner.kinds import KINDS
from cleaner.kinds.matching import COMMON_OPTIONS
from cleaner.maintext.settings import OPTIONS as MAIN_TEXT_OPTIONS

SELECTOR_KEYS = ("prune", "body", "author", "date", "title")
LINES_AT_LEAST = 3  # match.lines: patterns that must match, by default
LINES_WITHIN = 12  # match.lines: non-blank lines from either end looked at, by default
RULE_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"

_STRINGS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
_ONE_OR_MORE: dict[str, Any] = {"anyOf": [{"type": "string"}, _STRINGS]}
_SELECTORS: dict[str, Any] = {**_ONE_OR_MORE, "description": "XPath (starting with / or ./) or CSS selectors."}


def _rule_schema() -> dict[str, Any]:
    """A rule: common keys, then per kind (when the file names one) exactly that kind's options."""
    per_kind = [
        {
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {"properties": {**COMMON_OPTIONS, **kind.OPTIONS}, "additionalProperties": False},
        }
        for name, kind in KINDS.items()
    ]
    common = {**COMMON_OPTIONS, "kind": {**COMMON_OPTIONS["kind"], "enum": sorted(KINDS)}}
    return {"type": "object", "properties": common, "allOf": per_kind}


def profile_schema() -> dict[str, Any]:
    """The JSON Schema of one profile file."""
    field_value = {"anyOf": [{"type": "string"}, _STRINGS, {"type": "null"}]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "cleaner site profile",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "profile": {"type": "string", "description": "The site's domain, as in the file name."},
            "description": {"type": "string"},
            "extends": {**_ONE_OR_MORE, "description": "Base profiles (files starting with _)."},
            "match": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "domains": {**_STRINGS, "description": "Hosts; www. and subdomains match too."},
                    "first-line": {
                        **_ONE_OR_MORE,
                        "format": "regex",
                        "description": "Regex(es) for the first non-blank line of a text dump.",
                    },
                    "lines": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["patterns"],
                        "description": "For text dumps no domain or first line selects: the site's head and tail "
                        "lines. A page is the site's when `at-least` of `patterns` each match one of its first or "
                        "last `within` non-blank lines (the profile matching most of them wins).",
                        "properties": {
                            "patterns": {
                                **_STRINGS,
                                "minItems": 1,
                                "items": {"type": "string", "format": "regex"},
                                "description": "Python regexes, each searched in the page's head and tail lines.",
                            },
                            "at-least": {
                                "type": "integer",
                                "minimum": 1,
                                "default": LINES_AT_LEAST,
                                "description": "How many of the patterns must match.",
                            },
                            "within": {
                                "type": "integer",
                                "minimum": 1,
                                "default": LINES_WITHIN,
                                "description": "Non-blank lines from either end of the page that are looked at.",
                            },
                        },
                    },
                },
            },
            "html": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    **{k: _SELECTORS for k in SELECTOR_KEYS},
                    "favor": {
                        "enum": ["balanced", "precision", "recall"],
                        "description": "Without `body`: what trafilatura's main-text extraction favours.",
                    },
                    "second-opinion": {
                        "type": "boolean",
                        "description": "Without `body`: let trafilatura compare its text with readability's and "
                        "jusText's (slower; default true).",
                    },
                },
            },
            "rules": {
                "type": "object",
                "propertyNames": {"pattern": RULE_ID},
                "additionalProperties": _rule_schema(),
            },
            "extract": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "date": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "formats": {**_STRINGS, "description": "strptime formats tried before the generic parser."}
                        },
                    },
                    "publisher": {"type": "string", "description": "The site's publisher, when no line names it."},
                },
            },
            "main-text": {
                "type": "object",
                "additionalProperties": False,
                "description": "The generic main-text stage for text dumps: on or off, and its thresholds.",
                "properties": MAIN_TEXT_OPTIONS,
            },
            "tests": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["sample"],
                    "properties": {
                        "sample": {"type": "string"},
                        "expect": {
                            "type": "object",
                            "propertyNames": {"enum": [*FIELDS, "authors"]},
                            "additionalProperties": field_value,
                        },
                        "text-contains": _STRINGS,
                        "text-lacks": _STRINGS,
                    },
                },
            },
        },
    }
