"""Contact emails: found plain or written out (`name [at] site [dot] com`), validated, lowercased."""

from __future__ import annotations

import re

from email_validator import EmailNotValidError, validate_email

_AT = re.compile(r"\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*|\s+(?:\[at\]|\(at\))\s+", re.IGNORECASE)
_DOT = re.compile(r"\s*[\[({<]\s*dot\s*[\])}>]\s*", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def deobfuscate(text: str) -> str:
    """`sam [at] site [dot] com` -> `sam@site.com`; plain text is returned unchanged."""
    return _DOT.sub(".", _AT.sub("@", text))


def find_emails(text: str) -> list[str]:
    """Valid addresses in `text`, lowercased, in order of appearance."""
    found = []
    for candidate in _EMAIL.findall(deobfuscate(text)):
        email = normalise_email(candidate)
        if email and email not in found:
            found.append(email)
    return found


def normalise_email(raw: str) -> str | None:
    """The address lowercased if it is syntactically valid, else None (no DNS lookups)."""
    candidate = deobfuscate(raw.strip()).strip(".,;:()<>[]")
    try:
        valid = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError:
        return None
    return valid.normalized.lower()
