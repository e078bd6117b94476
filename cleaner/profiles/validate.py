"""Turn JSON Schema violations into errors that name the file, the line and the key path."""

from __future__ import annotations

from typing import Any, cast

import jsonschema

from cleaner.errors import ProfileError
from cleaner.profiles.source import KeyPath, dotted, line_of

_TYPE_WORDS = {
    "integer": "an integer",
    "string": "a string",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "null",
    "number": "a number",
}


def check(data: Any, schema: dict[str, Any], *, file: str, lines: dict[KeyPath, int], at: KeyPath = ()) -> None:
    """Raise a ProfileError for the first (most relevant) violation of `schema` in `data`."""
    validator = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is None:
        return
    path: KeyPath = (*at, *error.absolute_path)
    message = _describe(error)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in known)
        if extra:
            path, message = (*path, extra[0]), f"unknown key (expected one of: {', '.join(sorted(known))})"
    raise ProfileError(message, file=file, line=line_of(lines, path), key=dotted(path))


def _describe(error: jsonschema.ValidationError) -> str:
    # (the stubs allow `validator_value` to be Unset, which only an error built by hand is: one from
    # `iter_errors` carries the schema keyword's value, a type name or a list of them for `type`)
    if error.validator == "type":
        value = cast("str | list[str]", error.validator_value)
        wanted = value if isinstance(value, list) else [value]
        return "expected " + " or ".join(_TYPE_WORDS.get(t, t) for t in wanted)
    if error.validator == "enum":
        return "expected one of: " + ", ".join(map(str, cast("list[Any]", error.validator_value)))
    if error.validator == "anyOf":
        return "expected a string or a list of strings"
    if error.validator == "propertyNames":
        return f"invalid name {error.instance!r}"
    return error.message
