"""Load ``kg/data/lexicon.toml``: the words and phrases the extractors match.

The lexicon is data, not code: titles, speech verbs, organization heads,
boilerplate patterns, relation cues.  :func:`load_lexicon` reads it once per
process and compiles its regular expressions.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import InputError


@dataclass(frozen=True)
class Lexicon:
    raw: dict
    boilerplate_line: tuple[re.Pattern, ...]
    boilerplate_tail: tuple[re.Pattern, ...]
    date_line: tuple[re.Pattern, ...]
    caption_credit: tuple[re.Pattern, ...]
    abbreviations: frozenset[str]
    titles: dict[str, str]  # surface (lower) -> canonical title

    def words(self, section: str, key: str) -> frozenset[str]:
        """A list of the lexicon as a set of lower-case strings."""
        return frozenset(w.lower() for w in self.raw[section][key])

    def phrases(self, section: str, key: str) -> tuple[str, ...]:
        return tuple(self.raw[section][key])

    def value(self, section: str, key: str):
        return self.raw[section][key]


def _compile(patterns: list[str], where: str) -> tuple[re.Pattern, ...]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, re.IGNORECASE))
        except re.error as exc:
            raise InputError(f"lexicon: bad regular expression in {where}: {p!r} ({exc})") from None
    return tuple(out)


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the lexicon (the packaged one by default)."""
    try:
        if path is None:
            text = resources.files("kg").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        raw = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"lexicon: cannot read {path or 'kg/data/lexicon.toml'}: {exc}") from None
    layout = raw["layout"]
    return Lexicon(
        raw=raw,
        boilerplate_line=_compile(layout["boilerplate_line"], "layout.boilerplate_line"),
        boilerplate_tail=_compile(layout["boilerplate_tail"], "layout.boilerplate_tail"),
        date_line=tuple(re.compile(p, re.IGNORECASE) for p in layout["date_line"]),
        caption_credit=_compile(layout["caption_credit"], "layout.caption_credit"),
        abbreviations=frozenset(a.lower() for a in raw["sentences"]["abbreviations"]),
        titles={k.lower(): v for k, v in raw["titles"].items()},
    )
