"""Spellings of one name: transliterations, British and American forms, typos.

Pure string functions (no Doc, no knowledge base): the entity tables use them to match
known names in every spelling, the entity finders to tell a known person spelt another
way ("Jeyhun Baryamov") from a new one.
"""
from __future__ import annotations

import re
import unicodedata


def fold_name(name: str) -> str:
    """A person's name as transliterations agree on it: no accents, case, hyphens or doubled
    letters ("Kasym-Jomart" and "Kassym-Jomart", "Sinirlioğlu" and "Sinirlioglu")."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower().replace("-", " ")
    return " ".join(re.sub(r"(.)\1+", r"\1", name).split())


def one_edit_apart(a: str, b: str) -> bool:
    """At most one letter added, dropped, changed, or two neighbours swapped ("Baryamov", "Bayramov")."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def spellings(surface: str, variants: tuple[tuple[str, ...], ...]) -> list[str]:
    """``surface`` and its other spellings ("Organisation" for "Organization"), itself first."""
    out = [surface]
    for group in variants:
        for word in group:
            if word not in surface or not re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", surface):
                continue
            for form in list(out):
                for other in group:
                    if other != word:
                        alt = re.sub(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", other, form)
                        if alt not in out:
                            out.append(alt)
    return out
