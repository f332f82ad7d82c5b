"""Corpus-level entity resolution: one node per real-world actor.

Within an article the nlp stage already merges "Zohrab Mnatsakanyan" and a later
"Mnatsakanyan".  Across articles, actors of the knowledge base share their key
(``kb:<id>``); actors found from cues are merged here when one article names them in
full and another by a shorter form that points to exactly one of them:

* a surname alone ("Mnatsakanyan") -> the one person of the corpus with that surname;
* a name the knowledge base knows, found by a trained model's entities -> the KB actor;
* the same name written with different case or spacing -> one actor.

Documents are processed independently (possibly in other processes), so this runs
once on all records before the graph stage.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from kg.records import DocumentRecord, Entity


def _norm(label: str) -> str:
    return " ".join(label.lower().split())


def _canonical_keys(entity_lists: list[list[Entity]]) -> dict[str, str]:
    """Map every key that should be merged to the key it merges into."""
    types: dict[str, str] = {}
    kb_by_name: dict[tuple[str, str], str] = {}
    named: set[tuple] = set()  # a KB actor's names as one document gave them (most repeat)
    for entities in entity_lists:
        for ent in entities:
            types[ent.key] = ent.type
            if ent.key.startswith("kb:"):
                names = (ent.type, ent.key, ent.label, *ent.aliases)
                if names in named:
                    continue
                named.add(names)
                for name in (ent.label, *ent.aliases):
                    kb_by_name.setdefault((ent.type, _norm(name)), ent.key)
    # full names of cue-found persons, by surname
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key, type_ in types.items():
        if key.startswith("new:") and type_ == "Person":
            words = key.split(":", 2)[2].split()
            if len(words) >= 2:
                by_surname[words[-1]].add(key)
    mapping: dict[str, str] = {}
    for key, type_ in sorted(types.items()):
        if not key.startswith("new:"):
            continue
        name = key.split(":", 2)[2]
        target = kb_by_name.get((type_, name))
        if target is None and type_ == "Person" and len(name.split()) == 1:
            full = by_surname.get(name, set())
            if len(full) == 1:
                target = next(iter(full))
        if target is not None and target != key:
            mapping[key] = target
    return mapping


def merge_entities(documents: Iterable[DocumentRecord]) -> dict[str, Entity]:
    """Return key -> Entity for the whole corpus (aliases united, mentions summed).

    Rewrites entity keys inside ``documents`` where two keys name one actor (see the
    module docstring), so facts and statements point to the merged node.
    """
    documents = list(documents)
    resolution = Resolution([doc.entities for doc in documents])
    for doc in documents:
        resolution.apply(doc)
    return resolution.entities


class Resolution:
    """The corpus's actors, resolved from the entities of each document alone, so a build
    can keep only those while the rest of the records wait on disk: :attr:`entities` is
    the table of :func:`merge_entities`, :meth:`apply` rewrites one document's keys."""

    def __init__(self, entity_lists: Iterable[list[Entity]]) -> None:
        entity_lists = list(entity_lists)
        self.mapping = _canonical_keys(entity_lists)
        self.entities = _merged(_rewrite_entities(entities, self.mapping) if self._rewrites(entities) else entities
                                for entities in entity_lists)

    def _rewrites(self, entities: list[Entity]) -> bool:
        """Whether :func:`_rewrite_entities` would change ``entities``: a key merges, or two share one."""
        keys = [ent.key for ent in entities]
        return bool(self.mapping) and (not self.mapping.keys().isdisjoint(keys) or len(set(keys)) < len(keys))

    def apply(self, doc: DocumentRecord) -> DocumentRecord:
        """``doc`` with every key that names a merged actor rewritten (in place)."""
        if self.mapping:
            rewrite_keys(doc, self.mapping)
        return doc


def _merged(entity_lists: Iterable[list[Entity]]) -> dict[str, Entity]:
    merged: dict[str, Entity] = {}
    label_votes: dict[str, Counter] = defaultdict(Counter)  # of the keys whose label is voted: "new:"
    united: set[tuple] = set()  # (key, label, *aliases) whose names are in the key's aliases already
    for entities in entity_lists:
        for ent in entities:
            key = ent.key
            if key.startswith("new:"):
                label_votes[key][ent.label] += max(1, ent.mentions)
            have = merged.get(key)
            if have is None:
                merged[key] = Entity(key, ent.label, ent.type, list(ent.aliases), ent.wikidata, ent.mentions)
            else:
                have.mentions += ent.mentions
                have.wikidata = have.wikidata or ent.wikidata
                names = (key, ent.label, *ent.aliases)  # a known actor's repeat in most documents
                if names not in united:
                    united.add(names)
                    for alias in names[1:]:
                        if alias not in have.aliases:
                            have.aliases.append(alias)
    for key, ent in merged.items():
        if key.startswith("new:"):
            # the fullest name, then the one used most, then alphabetical: stable across runs
            ent.label = sorted(label_votes[key].items(),
                               key=lambda kv: (-len(kv[0].split()), -kv[1], kv[0]))[0][0]
        ent.aliases = sorted({a for a in ent.aliases if a and a != ent.label})
    return dict(sorted(merged.items()))


def _rewrite_entities(entities: list[Entity], mapping: dict[str, str]) -> list[Entity]:
    """One document's entities with merged keys, two that became one united (new objects)."""
    merged: dict[str, Entity] = {}
    for ent in entities:
        key = mapping.get(ent.key, ent.key)
        have = merged.get(key)
        if have is None:
            merged[key] = Entity(key, ent.label, ent.type, list(ent.aliases), ent.wikidata, ent.mentions)
        else:
            have.mentions += ent.mentions
            have.aliases.extend(a for a in (ent.label, *ent.aliases) if a not in have.aliases)
    return list(merged.values())


def rewrite_keys(doc: DocumentRecord, mapping: dict[str, str]) -> None:
    """Rewrite the keys of ``doc`` (in place) by ``mapping`` (:attr:`Resolution.mapping`,
    of this build or, for a patch, of the last one: :mod:`kg.patch`)."""
    fix = lambda key: mapping.get(key, key)  # noqa: E731
    doc.entities = _rewrite_entities(doc.entities, mapping)
    for m in doc.mentions:
        m.key = fix(m.key)
    for f in doc.facts:
        f.subject, f.object = fix(f.subject), fix(f.object)
    for s in doc.statements:
        s.speaker = fix(s.speaker)
        s.mentions = list(dict.fromkeys(fix(k) for k in s.mentions))
