"""Synthetic news for the benchmarks, as kg's own records, built into a graph by kg's own code.

The benchmarks need graphs far bigger than any corpus at hand, laid out exactly as
``kg build`` lays them out.  So they do not write RDF by hand: :func:`news_records`
makes plain :class:`~kg.records.DocumentRecord` objects (what the nlp stage would
read from articles), and :func:`write_graph` turns them into a graph file with
:func:`kg.resolve.merge_entities`, :func:`kg.graph.to_dataset` and
:func:`kg.serialize.write_dataset`, the same steps as a build.  When the graph
layout changes, the benchmarks follow.

The news has the shape analysts' questions meet: organizations with stable member
lists (a few non-members denied), co-chairs, officials with titles, the other
relations, and statements; actors are picked with a Zipf-like skew, so some are in
every other article and most in a few.
"""
from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from pathlib import Path

from kg.records import ENTITY_TYPES, DocumentRecord, Entity, Fact, Mention, Span, Statement

#: How many actors of each type a world of 4,000 actors has (scaled for other sizes).
TYPE_SHARES = {"Country": 300, "Organization": 400, "Person": 2500, "Place": 800}
TITLES = ("President", "Prime Minister", "Foreign Minister", "Spokesperson")
OTHER_RELATIONS = ("partOf", "supports", "deployedTo")
START_DAY = datetime.date(2015, 1, 1)


class World:
    """The actors of the synthetic news and the facts that hold between them."""

    def __init__(self, actors: int, rng: random.Random) -> None:
        self.by_type: dict[str, list[Entity]] = {}
        number = 0
        for kind in ENTITY_TYPES:
            count = max(3, actors * TYPE_SHARES[kind] // sum(TYPE_SHARES.values()))
            self.by_type[kind] = []
            for i in range(1, count + 1):
                number += 1
                label = f"{kind} {i}"
                self.by_type[kind].append(Entity(
                    f"kb:Q{100000 + number}" if i % 2 else f"new:{kind}:{label.lower()}",
                    label, kind, [f"{kind[:3].upper()}{i}"],
                    f"Q{100000 + number}" if i % 2 else None, 1))
        countries, orgs = self.by_type["Country"], self.by_type["Organization"]
        self.members = {o.key: rng.sample(countries, min(len(countries), rng.randint(3, 20))) for o in orgs}
        self.chairs = {o.key: rng.sample(countries, 3) for o in orgs}
        self.offices = {p.key: (rng.choice(TITLES), rng.choice(countries + orgs)) for p in self.by_type["Person"]}

    def pick(self, kind: str, rng: random.Random) -> Entity:
        """An actor of ``kind`` with a long tail: a few actors are in most of the news."""
        actors = self.by_type[kind]
        return actors[min(len(actors) - 1, int(rng.paretovariate(1.2)) - 1)]

    def all(self) -> Iterator[Entity]:
        for actors in self.by_type.values():
            yield from actors


class _Article:
    """One synthetic article as it is written: text, sentences, mentions, facts, statements."""

    def __init__(self, identifier: str) -> None:
        self.identifier = identifier
        self.parts: list[str] = []
        self.length = 0
        self.sentences: list[Span] = []
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.facts: list[Fact] = []
        self.statements: list[Statement] = []

    def sentence(self, text: str, named: list[Entity]) -> tuple[int, Span]:
        """Add a sentence naming ``named`` (each appears in ``text``); its index and span."""
        span = Span(self.length, self.length + len(text))
        index = len(self.sentences)
        self.sentences.append(span)
        for entity in named:
            at = text.find(entity.label)
            if at >= 0:
                self.mentions.append(Mention(entity.key, span.start + at, span.start + at + len(entity.label),
                                             entity.label, index, "kb"))
            known = self.entities.setdefault(entity.key, Entity(
                entity.key, entity.label, entity.type, list(entity.aliases), entity.wikidata, 0))
            known.mentions += 1
        self.parts.append(text + " ")
        self.length += len(text) + 1
        return index, span

    def fact(self, subject: Entity, predicate: str, obj: Entity, text: str, rule: str,
             confidence: float, negated: bool = False, title: str | None = None) -> None:
        index, span = self.sentence(text, [subject, obj])
        self.facts.append(Fact(subject.key, predicate, obj.key, index, span.start, span.end, text,
                               rule, confidence, negated=negated, title=title))

    def record(self, title: str, date: str | None, publisher: str, filler: int) -> DocumentRecord:
        text = f"{title}\n\n" + "".join(self.parts) + " ".join(f"word{i}" for i in range(filler))
        shift = len(title) + 2
        move = shift.__add__
        # by keyword: DocumentRecord has gained fields (url, authors, …) between these
        return DocumentRecord(
            self.identifier, title, text, date, publisher,
            sentences=[Span(move(s.start), move(s.end)) for s in self.sentences],
            entities=list(self.entities.values()),
            mentions=[Mention(m.key, move(m.start), move(m.end), m.text, m.sentence, m.rule) for m in self.mentions],
            facts=[Fact(f.subject, f.predicate, f.object, f.sentence, move(f.start), move(f.end), f.evidence,
                        f.rule, f.confidence, f.negated, f.title) for f in self.facts],
            statements=[Statement(s.speaker, s.text, s.direct, s.sentence, move(s.start), move(s.end), s.evidence,
                                  s.rule, s.confidence, s.mentions) for s in self.statements],
            words=len(text.split()))


def news_records(docs: int, actors: int = 4000, seed: int = 7, filler: int = 0,
                 roll_call: int = 0) -> list[DocumentRecord]:
    """``docs`` synthetic articles about a world of ``actors`` actors.

    ``filler`` words that state nothing end each article (real articles are mostly
    such words); ``roll_call`` more actors, in turn, each support another actor at the
    start of each one, so that ``docs * roll_call >= actors`` puts every actor in the graph,
    each with an edge.
    """
    rng = random.Random(seed)
    world = World(actors, rng)
    everyone = list(world.all())
    records = []
    for n in range(1, docs + 1):
        called = [everyone[(n * roll_call + i) % len(everyone)] for i in range(roll_call)]
        records.append(_article(n, world, rng, filler, called))
    return records


def _article(number: int, world: World, rng: random.Random, filler: int,
             called: list[Entity]) -> DocumentRecord:
    article = _Article(f"synthetic/{number:06d}.txt")
    for actor in called:  # each named with a fact, so that the roll call is drawn as edges
        other = world.pick(rng.choice(ENTITY_TYPES), rng)
        if other.key != actor.key:
            article.fact(actor, "supports", other, f"{actor.label} supports {other.label}.", "support",
                         round(rng.uniform(0.5, 1.0), 2))
    org = world.pick("Organization", rng)
    members = world.members[org.key]
    listed = rng.sample(members, min(len(members), rng.randint(2, 5)))
    text = f"{', '.join(c.label for c in listed)} are members of {org.label}."
    index, span = article.sentence(text, [*listed, org])
    for country in listed:
        article.facts.append(Fact(country.key, "memberOf", org.key, index, span.start, span.end, text,
                                  "member-list", round(rng.uniform(0.5, 1.0), 2)))
    if rng.random() < 0.05:
        outsider = world.pick("Country", rng)
        article.fact(outsider, "memberOf", org, f"{outsider.label} is not a member of {org.label}.",
                     "non-member", 0.7, negated=outsider not in members)
    if rng.random() < 0.3:
        chair = rng.choice(world.chairs[org.key])
        article.fact(chair, "coChairOf", org, f"{chair.label} co-chairs {org.label}.", "co-chairs", 0.8)
    person = world.pick("Person", rng)
    title, of = world.offices[person.key]
    article.fact(person, "officialOf", of, f"{title} {person.label} of {of.label} spoke.", "title-cue",
                 0.9, title=title)
    relation = rng.choice(OTHER_RELATIONS)
    subject = world.pick(rng.choice(("Country", "Organization")), rng)
    target = world.pick("Place", rng)
    article.fact(subject, relation, target, f"{subject.label} {relation} {target.label}.", relation, 0.7)
    for _ in range(rng.randint(2, 4)):
        speaker = world.pick("Person", rng)
        named = [world.pick("Country", rng), world.pick("Organization", rng)]
        words = f"We discussed {' and '.join(e.label for e in named)}."
        said = f'"{words}" {speaker.label} said.'
        index, span = article.sentence(said, [speaker, *named])
        start = span.start + 1
        article.statements.append(Statement(
            speaker.key, words, rng.random() < 0.6, index, start, start + len(words), said,
            "quote-said", 0.8, [e.key for e in named]))
    date = None
    if rng.random() < 0.85:
        date = (START_DAY + datetime.timedelta(days=rng.randrange(3000))).isoformat()
    return article.record(f"Synthetic article {number}", date, f"Publisher {rng.randrange(20)}", filler)


def records_of_size(quads: int, seed: int = 7) -> list[DocumentRecord]:
    """Synthetic articles whose graph has about ``quads`` quads.

    The actors' descriptions are a fixed cost and each article adds about the same,
    so two small samples give the line ``quads = fixed + per_article * articles``.
    """
    from kg.graph import to_dataset
    from kg.resolve import merge_entities

    def size(articles: int) -> int:
        sample = news_records(articles, seed=seed)
        return sum(len(g) for g in to_dataset(sample, merge_entities(sample)).graphs())

    small, large = 200, 600
    per_article = (size(large) - size(small)) / (large - small)
    fixed = size(small) - per_article * small
    return news_records(max(1, round((quads - fixed) / per_article)), seed=seed)


def write_graph(records: list[DocumentRecord], path: Path) -> int:
    """Build ``records`` into the graph file ``path`` as ``kg build`` does; the quad count."""
    from kg.graph import to_dataset
    from kg.resolve import merge_entities
    from kg.serialize import write_dataset

    dataset = to_dataset(records, merge_entities(records))
    write_dataset(dataset, path)
    return sum(len(g) for g in dataset.graphs())
