"""Score a built graph against gold facts: kg's own measure of its extraction quality.

    kg eval GRAPH GOLD.toml [--quiet]

The gold files (``tests/data/seeds.gold.toml``, ``tests/data/dev/dev.gold.toml``) list,
per article, the actors it names, the memberships, co-chairs and offices (with titles)
it states, its speakers with the first words of their quotes, and facts that a correct
reading must never give.  The graph is read only through the query contract of the
README, as any user reads it; the figures follow the same rules as the founders' eval
kit, so they can be compared:

* entities: a gold entity is found when a node of its type mentioned by the document
  carries one of its names; a second node with its names, or a node with no gold or
  optional name, is a false positive;
* relations: (subject, object) pairs of one predicate asserted from the document,
  compared by the gold entities their nodes carry; optional facts count neither way;
* speakers: the distinct speakers of the document's statements;
* quotes: a gold snippet is attributed when a statement of the document holds it and
  its speaker is the gold speaker; titles: a found office whose title contains one of
  the gold titles.

``make eval`` prints the report for the seeds and the dev set; the acceptance tests
(tests/test_acceptance*.py) hold the figures at their floors.  Users with gold facts of
their own (same TOML layout) measure kg on their news the same way.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.records import ENTITY_TYPES

KG = Namespace("https://w3id.org/kg-news/ontology#")
CORE_TYPES = ENTITY_TYPES
SCORED_RELATIONS = ("memberOf", "coChairOf", "officialOf")
CATEGORIES = ("entities", *SCORED_RELATIONS, "relations", "speakers")


def norm(text: str) -> str:
    """Fold a name or a quote for comparison: case, accents, quote marks, dashes, 'the'."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[\u2018\u2019\u201a\u201b'`]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\"]", '"', text)
    text = re.sub(r"[-\u2010-\u2015]", " ", text)
    text = re.sub(r"[.,;:!?()\[\]{}\"]", " ", text)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


@dataclass
class Counts:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 3) if p + r else 0.0


@dataclass
class Report:
    """The figures of one graph against one gold file, and every error by kind."""

    counts: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    quotes_total: int = 0
    quotes_ok: int = 0
    quotes_elsewhere: int = 0
    titles_total: int = 0
    titles_ok: int = 0
    never: list[str] = field(default_factory=list)
    missing_documents: list[str] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    @property
    def quotes(self) -> float:
        return round(self.quotes_ok / self.quotes_total, 3) if self.quotes_total else 1.0

    @property
    def titles(self) -> float:
        return round(self.titles_ok / self.titles_total, 3) if self.titles_total else 1.0

    def summary(self) -> str:
        c = self.counts
        return (f"summary: entities_f1={c['entities'].f1} relations_f1={c['relations'].f1} "
                f"speakers_f1={c['speakers'].f1} quotes={self.quotes} titles={self.titles} "
                f"never={len(self.never)} missing_docs={len(self.missing_documents)}")

    def text(self, errors_shown: int = 40) -> str:
        lines = [f"{'':12} {'P':>6} {'R':>6} {'F1':>6}   tp   fp   fn"]
        for name in CATEGORIES:
            k = self.counts[name]
            lines.append(f"{name:12} {k.precision:6.3f} {k.recall:6.3f} {k.f1:6.3f} {k.tp:4} {k.fp:4} {k.fn:4}")
        lines.append(f"quotes attributed {self.quotes_ok}/{self.quotes_total} "
                     f"(to another speaker: {self.quotes_elsewhere})")
        lines.append(f"titles right {self.titles_ok}/{self.titles_total}")
        lines.append(f"facts that must never appear: {len(self.never)}")
        for item in self.never:
            lines.append(f"   {item}")
        for kind, items in sorted(self.errors.items()):
            lines.append(f"\n{kind} ({len(items)}):")
            lines.extend(f"   {item}" for item in items[:errors_shown])
        lines.append(self.summary())
        return "\n".join(lines)


class Gold:
    """A gold file: per-document facts, and every name each entity goes by."""

    def __init__(self, path: Path) -> None:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        self.aliases = {name: {norm(name)} | {norm(a) for a in alts}
                        for name, alts in data.get("aliases", {}).items()}
        self.docs: dict[str, dict] = {d["id"]: d for d in data["doc"]}

    def names(self, spec: str) -> set[str]:
        """The folded names of an entity spec ("A" or "A|B": either)."""
        found: set[str] = set()
        for alt in spec.split("|"):
            alt = alt.strip()
            found |= self.aliases.get(alt, {norm(alt)})
        return found


class GraphReader:
    """The graph through the query contract: documents, mentions, assertions, statements."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.core = {KG[t]: t for t in CORE_TYPES}
        self.documents: dict[str, Node] = {}
        for doc in ds.subjects(RDF.type, KG.Document):
            for identifier in ds.objects(doc, DCTERMS.identifier):
                self.documents[Path(str(identifier)).name] = doc
        self._names: dict[Node, frozenset[str]] = {}

    def names(self, node: Node) -> frozenset[str]:
        if node not in self._names:
            found = {norm(o) for o in self.ds.objects(node, RDFS.label)}
            found |= {norm(o) for o in self.ds.objects(node, SKOS.altLabel)}
            self._names[node] = frozenset(found)
        return self._names[node]

    def typed_mentions(self, doc: Node | None) -> dict[Node, set[str]]:
        if doc is None:
            return {}
        typed = {e: {self.core[t] for t in self.ds.objects(e, RDF.type) if t in self.core}
                 for e in self.ds.objects(doc, KG.mentions)}
        return {e: types for e, types in typed.items() if types}

    def asserted(self, doc: Node | None) -> dict[str, set[tuple[Node, Node]]]:
        found: dict[str, set[tuple[Node, Node]]] = defaultdict(set)
        if doc is None:
            return found
        for assertion in self.ds.subjects(PROV.wasDerivedFrom, doc):
            if (assertion, RDF.type, KG.Assertion) not in self.ds:
                continue
            for predicate in self.ds.objects(assertion, RDF.predicate):
                relation = str(predicate)[len(str(KG)):] if str(predicate).startswith(str(KG)) else None
                if relation in SCORED_RELATIONS:
                    for s in self.ds.objects(assertion, RDF.subject):
                        for o in self.ds.objects(assertion, RDF.object):
                            found[relation].add((s, o))
        return found

    def statements(self, doc: Node | None) -> list[tuple[str, set[Node]]]:
        if doc is None:
            return []
        return [(" ".join(norm(t) for t in self.ds.objects(st, KG.text)), set(self.ds.subjects(KG.said, st)))
                for st in self.ds.subjects(PROV.wasDerivedFrom, doc) if (st, RDF.type, KG.Statement) in self.ds]


def score(ds: Dataset, gold: Gold) -> Report:
    """Score the graph ``ds`` against ``gold``, document by document, micro-averaged."""
    graph = GraphReader(ds)
    report = Report(missing_documents=[d for d in gold.docs if d not in graph.documents])
    for doc_id, facts in gold.docs.items():
        doc = graph.documents.get(doc_id)
        _score_entities(graph, gold, doc_id, facts, doc, report)
        _score_relations(graph, gold, doc_id, facts, doc, report)
        _score_speech(graph, gold, doc_id, facts, doc, report)
    return report


def _is(graph: GraphReader, gold: Gold, node: Node, spec: str) -> bool:
    return bool(graph.names(node) & gold.names(spec))


def _first_name(graph: GraphReader, node: Node) -> str:
    names = sorted(graph.names(node))
    return names[0] if names else str(node)


def _score_entities(graph: GraphReader, gold: Gold, doc_id: str, facts: dict, doc, report: Report) -> None:
    counts, errors = report.counts["entities"], report.errors
    typed = graph.typed_mentions(doc)
    claimed: set[Node] = set()
    for type_ in CORE_TYPES:
        for name in facts.get(type_, []):
            hits = [e for e in typed if _is(graph, gold, e, name)]
            claimed.update(hits)
            if any(type_ in typed[e] for e in hits):
                counts.tp += 1
                if len(hits) > 1:
                    counts.fp += len(hits) - 1
                    errors["duplicate entity"].append(f"{doc_id}: {name} carried by {len(hits)} nodes")
            else:
                counts.fn += 1
                errors["wrong type" if hits else "missed entity"].append(f"{doc_id}: {name} ({type_})")
    optional = facts.get("optional", [])
    for entity, types in typed.items():
        if entity in claimed or any(_is(graph, gold, entity, o) for o in optional):
            continue
        counts.fp += 1
        errors["spurious entity"].append(f"{doc_id}: {_first_name(graph, entity)} {sorted(types)}")


def _score_relations(graph: GraphReader, gold: Gold, doc_id: str, facts: dict, doc, report: Report) -> None:
    asserted = graph.asserted(doc)
    for relation in SCORED_RELATIONS:
        counts, total = report.counts[relation], report.counts["relations"]
        wanted = facts.get(relation, [])
        found = [False] * len(wanted)
        seen: set[tuple[frozenset[str], frozenset[str]]] = set()
        for s, o in asserted[relation]:
            key = (graph.names(s), graph.names(o))
            if key in seen:
                continue
            seen.add(key)
            hit = False
            for i, fact in enumerate(wanted):
                if _is(graph, gold, s, fact[0]) and _is(graph, gold, o, fact[1]):
                    found[i] = hit = True
            if not hit and not any(opt[0] == relation and _is(graph, gold, s, opt[1]) and _is(graph, gold, o, opt[2])
                                   for opt in facts.get("optional_facts", [])):
                counts.fp += 1
                total.fp += 1
                report.errors[f"spurious {relation}"].append(
                    f"{doc_id}: {_first_name(graph, s)} -> {_first_name(graph, o)}")
            for never in facts.get("never", []):
                if never[0] == relation and _is(graph, gold, s, never[1]) and _is(graph, gold, o, never[2]):
                    report.never.append(f"{doc_id}: {relation}({never[1]}, {never[2]})")
        for i, fact in enumerate(wanted):
            if found[i]:
                counts.tp += 1
                total.tp += 1
            else:
                counts.fn += 1
                total.fn += 1
                report.errors[f"missed {relation}"].append(f"{doc_id}: {fact[0]} -> {fact[1]}")
        if relation == "officialOf":
            _score_titles(graph, gold, doc_id, wanted, found, asserted[relation], report)


def _score_titles(graph: GraphReader, gold: Gold, doc_id: str, wanted: list, found: list[bool],
                  asserted: set[tuple[Node, Node]], report: Report) -> None:
    ds = graph.ds
    for i, fact in enumerate(wanted):
        if not found[i] or len(fact) < 3:
            continue
        report.titles_total += 1
        titles = [norm(t) for t in fact[2].split("|")]
        people = {s for s, _ in asserted if _is(graph, gold, s, fact[0])}
        ok = any(any(t in norm(title) for t in titles)
                 for person in people for position in ds.objects(person, KG.holdsPosition)
                 if any(_is(graph, gold, x, fact[1]) for x in ds.objects(position, KG.positionIn))
                 for title in ds.objects(position, KG.title))
        report.titles_ok += ok
        if not ok:
            report.errors["missed title"].append(f"{doc_id}: {fact[0]} {fact[2]} of {fact[1]}")


def _score_speech(graph: GraphReader, gold: Gold, doc_id: str, facts: dict, doc, report: Report) -> None:
    counts = report.counts["speakers"]
    statements = graph.statements(doc)
    wanted = facts.get("said", [])
    found = [False] * len(wanted)
    seen: set[frozenset[str]] = set()
    for speaker in {sp for _, speakers in statements for sp in speakers}:
        if graph.names(speaker) in seen:
            continue
        seen.add(graph.names(speaker))
        hit = False
        for i, said in enumerate(wanted):
            if _is(graph, gold, speaker, said["speaker"]):
                found[i] = hit = True
        if not hit:
            counts.fp += 1
            report.errors["spurious speaker"].append(f"{doc_id}: {_first_name(graph, speaker)}")
    for i, said in enumerate(wanted):
        if said.get("optional"):
            continue
        if found[i]:
            counts.tp += 1
        else:
            counts.fn += 1
            report.errors["missed speaker"].append(f"{doc_id}: {said['speaker']}")
    for said in wanted:
        for quote in said.get("quotes", []):
            report.quotes_total += 1
            holders = [speakers for text, speakers in statements if norm(quote) in text]
            if any(_is(graph, gold, sp, said["speaker"]) for speakers in holders for sp in speakers):
                report.quotes_ok += 1
            elif holders:
                report.quotes_elsewhere += 1
                report.errors["quote given to another speaker"].append(f"{doc_id}: {quote[:50]!r}")
            else:
                report.errors["quote missed"].append(f"{doc_id}: {quote[:50]!r}")


def judge_rules(ds: Dataset, gold: Gold, right: Counter, wrong: Counter) -> None:
    """Count, per ``kg:rule``, the assertions of a scored relation and the statements of
    ``ds`` that ``gold`` confirms (right: a gold or optional fact, a gold speaker) or not.
    ``scripts/calibrate_confidence.py`` turns the counts into each rule's confidence."""
    graph = GraphReader(ds)
    for doc_id, facts in gold.docs.items():
        doc = graph.documents.get(doc_id)
        if doc is None:
            continue
        for node in ds.subjects(PROV.wasDerivedFrom, doc):
            rule = str(ds.value(node, KG.rule) or "")
            if (node, RDF.type, KG.Assertion) in ds:
                relation = str(ds.value(node, RDF.predicate)).rpartition("#")[2]
                if relation not in SCORED_RELATIONS:
                    continue
                s, o = ds.value(node, RDF.subject), ds.value(node, RDF.object)
                stated = [*facts.get(relation, []),
                          *(f[1:] for f in facts.get("optional_facts", []) if f[0] == relation)]
                ok = any(_is(graph, gold, s, f[0]) and _is(graph, gold, o, f[1]) for f in stated)
            elif (node, RDF.type, KG.Statement) in ds:
                ok = any(_is(graph, gold, sp, said["speaker"])
                         for sp in ds.subjects(KG.said, node) for said in facts.get("said", []))
            else:
                continue
            (right if ok else wrong)[rule] += 1


def load(path: Path) -> Dataset:
    """A graph file as one Dataset whose default graph is the union of all graphs."""
    from kg.errors import InputError
    from kg.rdfio import READABLE, first_line, parse_into

    fmt = READABLE.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"cannot tell the RDF format of {path} (known: {', '.join(READABLE)})")
    if not path.is_file():
        raise InputError(f"no such graph file: {path}")
    ds = Dataset(default_union=True)
    try:
        parse_into(ds, path, fmt)
    except Exception as exc:  # every rdflib parser has its own exception types
        raise InputError(f"cannot parse {path}: {first_line(exc)}") from None
    return ds


def read_gold(path: Path) -> Gold:
    """A gold file; InputError if it cannot be read."""
    from kg.errors import InputError

    try:
        return Gold(path)
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise InputError(f"cannot read the gold facts {path}: {exc}") from None
