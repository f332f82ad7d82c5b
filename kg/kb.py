"""The knowledge base of actors: names and identities, never relations.

The KB tells the nlp stage which strings name which actor ("U.S." -> United
States, "Azeri" -> Azerbaijan, "Moscow says" -> Russia) and gives the graph
stage canonical labels and Wikidata ids.  Who is a member of what, who holds
which office: none of that is here; the graph only states what the articles say.

The data lives in ``kg/data/kb.toml`` (one ``[[actor]]`` table per actor, schema
in that file's header and in ``docs/knowledge-base.md``); users add or override
entries with their own TOML files, merged on top by :func:`load_kb`.
"""
from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.records import ENTITY_TYPES

#: The kinds of string :meth:`KnowledgeBase.surface_forms` yields.
SURFACE_KINDS = ("name", "alias", "acronym", "demonym", "capital")

_QID = re.compile(r"Q[0-9]+")
_LOOKS_LIKE_QID = re.compile(r"[Qq][0-9]")
_KEYS = frozenset(
    {"id", "name", "type", "aliases", "demonyms", "capital", "capital_of", "acronym", "ambiguous"}
)


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of the knowledge base."""

    id: str  # Wikidata QID ("Q159") or a slug ("kb-lachin-corridor")
    name: str  # canonical name (rdfs:label)
    type: str  # one of ENTITY_TYPES
    aliases: tuple[str, ...] = ()  # other names (skos:altLabel)
    demonyms: tuple[str, ...] = ()  # Country only: "Russian", "Russians"
    wikidata: str | None = None  # the QID when the id is one
    acronym: str | None = None  # Organization only: "CSTO"
    capital: str | None = None  # Country only: id of its capital (a Place)
    capital_of: str | None = None  # Place only: id of the country (or the seated organization) it stands in for
    ambiguous: frozenset[str] = frozenset()  # names to match only with care

    def names(self) -> tuple[str, ...]:
        """Name, aliases and acronym: the strings that name this actor itself."""
        extra = (self.acronym,) if self.acronym else ()
        return (self.name, *self.aliases, *extra)


class KnowledgeBase:
    """Actors by id, with the look-ups the nlp stage needs."""

    def __init__(self, actors: Mapping[str, Actor]) -> None:
        self.actors: dict[str, Actor] = dict(actors)
        self._exact: dict[str, list[str]] = {}
        self._folded: dict[str, list[str]] = {}
        self._demonyms: dict[str, list[str]] = {}
        self._demonyms_folded: dict[str, list[str]] = {}
        self._capital_to_country: dict[str, str] = {}
        for actor in self.actors.values():
            for surface in actor.names():
                _add(self._exact, surface, actor.id)
                _add(self._folded, surface.casefold(), actor.id)
            for word in actor.demonyms:
                _add(self._demonyms, word, actor.id)
                _add(self._demonyms_folded, word.casefold(), actor.id)
            if actor.capital:
                self._capital_to_country.setdefault(actor.capital, actor.id)
        for actor in self.actors.values():  # capital_of wins over a country's capital field
            if actor.capital_of:
                self._capital_to_country[actor.id] = actor.capital_of

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def surface_forms(self) -> Iterator[tuple[str, str, str]]:
        """Every string the text may use for an actor: ``(surface, actor id, kind)``.

        ``kind`` is one of :data:`SURFACE_KINDS`; "capital" yields a capital's names
        for its country ("Moscow" -> Russia), the metonym of "Moscow says".
        """
        for actor in self.actors.values():
            seen: set[str] = set()

            def fresh(surface: str) -> bool:
                if surface in seen:
                    return False
                seen.add(surface)
                return True

            if fresh(actor.name):
                yield actor.name, actor.id, "name"
            for alias in actor.aliases:
                if fresh(alias):
                    yield alias, actor.id, "alias"
            if actor.acronym and fresh(actor.acronym):
                yield actor.acronym, actor.id, "acronym"
            for word in actor.demonyms:
                if fresh(word):
                    yield word, actor.id, "demonym"
            capital = self.actors.get(actor.capital) if actor.capital else None
            if capital is not None and self._capital_to_country.get(capital.id) == actor.id:
                for surface in (capital.name, *capital.aliases):
                    if fresh(surface):
                        yield surface, actor.id, "capital"

    def by_name(self, surface: str) -> list[Actor]:
        """Actors named ``surface`` (name, alias or acronym): exact, else case-insensitive."""
        ids = self._exact.get(surface) or self._folded.get(surface.casefold(), [])
        return [self.actors[i] for i in ids]

    def country_for_demonym(self, word: str) -> Actor | None:
        """The one country a demonym points to ("Azeri" -> Azerbaijan); None if none or several."""
        ids = self._demonyms.get(word) or self._demonyms_folded.get(word.casefold(), [])
        return self.actors[ids[0]] if len(ids) == 1 else None

    def countries_for_demonym(self, word: str) -> list[Actor]:
        """Every actor a demonym points to ("Dominican" -> Dominica and the Dominican Republic)."""
        ids = self._demonyms.get(word) or self._demonyms_folded.get(word.casefold(), [])
        return [self.actors[i] for i in ids]

    def country_for_capital(self, place_id: str) -> Actor | None:
        """The country whose capital ``place_id`` is (Moscow's id -> Russia), or None."""
        country = self._capital_to_country.get(place_id)
        return self.actors[country] if country else None


def _add(index: dict[str, list[str]], key: str, actor_id: str) -> None:
    ids = index.setdefault(key, [])
    if actor_id not in ids:
        ids.append(actor_id)


def packaged_kb_path() -> Path:
    """The path of the KB shipped with kg (``kg/data/kb.toml``)."""
    return Path(str(resources.files("kg") / "data" / "kb.toml"))


def load_kb(*paths: Path | str, packaged: bool = True) -> KnowledgeBase:
    """Load the packaged KB, then merge each file of ``paths`` on top (same id replaces).

    Raises :class:`kg.errors.InputError` with a one-line message naming the file
    and the entry for a file that cannot be read or an entry that is malformed.
    ``load_kb()`` without arguments is cached; ``packaged=False`` loads only ``paths``.
    """
    if packaged and not paths:
        return _load_packaged()
    files = [Path(p) for p in paths]
    if packaged:
        files.insert(0, packaged_kb_path())
    return _build(files)


@functools.cache
def _load_packaged() -> KnowledgeBase:
    return _build([packaged_kb_path()])


def _build(files: Iterable[Path]) -> KnowledgeBase:
    actors: dict[str, Actor] = {}
    origin: dict[str, Path] = {}
    for path in files:
        for actor in _read_file(path):
            actors[actor.id] = actor
            origin[actor.id] = path
    for actor in actors.values():
        _check_references(actor, actors, origin[actor.id])
    return KnowledgeBase(actors)


def _read_file(path: Path) -> list[Actor]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise InputError(f"{path}: cannot read knowledge base file: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"actor"})
    if unknown:
        raise InputError(f"{path}: unknown top-level key {unknown[0]!r} (expected [[actor]] tables)")
    entries = data.get("actor", [])
    if not isinstance(entries, list):
        raise InputError(f"{path}: 'actor' must be an array of tables ([[actor]])")
    actors: list[Actor] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        actor = _parse_entry(entry, path, number)
        if actor.id in seen:
            raise InputError(f"{path}: actor {actor.id!r}: duplicate id")
        seen.add(actor.id)
        actors.append(actor)
    return actors


def _parse_entry(entry: Any, path: Path, number: int) -> Actor:
    where = f"{path}: actor #{number}"
    if not isinstance(entry, dict):
        raise InputError(f"{where}: must be a table")
    actor_id = entry.get("id")
    if not isinstance(actor_id, str) or not actor_id.strip():
        raise InputError(f"{where}: missing id")
    where = f"{path}: actor {actor_id!r}"

    def fail(problem: str) -> InputError:
        return InputError(f"{where}: {problem}")

    if actor_id != actor_id.strip() or any(c.isspace() for c in actor_id):
        raise fail("id must not contain spaces")
    if _LOOKS_LIKE_QID.match(actor_id) and not _QID.fullmatch(actor_id):
        raise fail("malformed QID (must match Q[0-9]+)")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail("missing name")
    actor_type = entry.get("type")
    if actor_type not in ENTITY_TYPES:
        raise fail(f"unknown type {actor_type!r} (expected one of {', '.join(ENTITY_TYPES)})")

    def text(key: str) -> str | None:
        value = entry.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise fail(f"{key} must be a non-empty string")
        return value

    def strings(key: str) -> tuple[str, ...]:
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"{key} must be a list of strings")
        for v in value:
            if not v.strip() or v != v.strip():
                raise fail(f"{key} has an empty or unstripped string {v!r}")
        return tuple(dict.fromkeys(value))

    if name != name.strip():
        raise fail(f"name {name!r} has surrounding spaces")
    aliases, demonyms, ambiguous = strings("aliases"), strings("demonyms"), strings("ambiguous")
    acronym, capital, capital_of = text("acronym"), text("capital"), text("capital_of")
    if acronym is not None and acronym != acronym.strip():
        raise fail(f"acronym {acronym!r} has surrounding spaces")
    if demonyms and actor_type != "Country":
        raise fail(f"demonyms on a {actor_type} (only a Country has demonyms)")
    if capital and actor_type != "Country":
        raise fail(f"capital on a {actor_type} (only a Country has a capital)")
    if capital_of and actor_type != "Place":
        raise fail(f"capital_of on a {actor_type} (only a Place is a capital)")
    if acronym and actor_type != "Organization":
        raise fail(f"acronym on a {actor_type} (only an Organization has one)")
    own = {name, *aliases, *demonyms, *((acronym,) if acronym else ())}
    stray = [a for a in ambiguous if a not in own]
    if stray:
        raise fail(f"ambiguous name {stray[0]!r} is not a name, alias, acronym or demonym of it")
    return Actor(
        id=actor_id,
        name=name,
        type=actor_type,
        aliases=tuple(a for a in aliases if a != name),
        demonyms=demonyms,
        wikidata=actor_id if _QID.fullmatch(actor_id) else None,
        acronym=acronym,
        capital=capital,
        capital_of=capital_of,
        ambiguous=frozenset(ambiguous),
    )


def _check_references(actor: Actor, actors: Mapping[str, Actor], path: Path) -> None:
    where = f"{path}: actor {actor.id!r}"
    if actor.capital:
        target = actors.get(actor.capital)
        if target is None:
            raise InputError(f"{where}: capital {actor.capital!r} is not an actor id")
        if target.type != "Place":
            raise InputError(f"{where}: capital {actor.capital!r} is a {target.type}, not a Place")
    if actor.capital_of:
        target = actors.get(actor.capital_of)
        if target is None:
            raise InputError(f"{where}: capital_of {actor.capital_of!r} is not an actor id")
        if target.type not in ("Country", "Organization"):
            raise InputError(
                f"{where}: capital_of {actor.capital_of!r} is a {target.type}, not a Country or Organization"
            )
