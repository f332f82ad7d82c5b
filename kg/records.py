"""Plain, picklable records passed between the stages of kg.

corpus -> nlp -> **records** -> graph.  The nlp stage turns one article into one
:class:`DocumentRecord`; nothing here refers to spaCy, so records cross process
boundaries cheaply and each stage can be tested alone.

Entities are referred to by *key*, a string that is the same for one real-world
actor in every document: ``"kb:<id>"`` for actors of the knowledge base (id is the
KB entry id, e.g. ``kb:Q159``), ``"new:<Type>:<normalised name>"`` for actors found
from cues only.  The graph stage mints one IRI per key (:func:`kg.iris.entity_iri`).
"""
from __future__ import annotations

import marshal
from dataclasses import dataclass, field
from operator import attrgetter

#: The four core entity types of the query contract.
ENTITY_TYPES = ("Person", "Organization", "Country", "Place")

#: Relations between two entities that the graph carries as fact triples with
#: one kg:Assertion per source sentence.
RELATIONS = (
    "memberOf",
    "coChairOf",
    "officialOf",
    "partOf",
    "supports",
    "deployedTo",
)


@dataclass(frozen=True, slots=True)
class SourceText:
    """One article as read from the corpus, before any NLP, with what its source says of it.

    ``text`` is what kg reads: the title on the first line, then the body (see
    :func:`kg.ingest.metadata.article`).  The metadata fields are the source's own
    (a page's, a record's, a header's); None or empty where it gives none, and then
    the nlp stage's guesses from the text fill in title, date and publisher.
    """

    identifier: str  # path relative to the corpus folder, "/"-separated ("000_x.txt"; "feed.jsonl#3")
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601: "2023-05-17", or "2020-12" / "2020" when no finer
    url: str | None = None  # absolute http(s) URL of the article
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None  # the source's language tag ("en", "en-GB")


@dataclass(frozen=True, slots=True)
class Span:
    """A character span of the document text (``text[start:end]``)."""

    start: int
    end: int


@dataclass(slots=True)
class Entity:
    """An actor as one document knows it."""

    key: str
    label: str  # canonical name (rdfs:label)
    type: str  # one of ENTITY_TYPES
    aliases: list[str] = field(default_factory=list)  # surface forms seen + KB aliases (skos:altLabel)
    wikidata: str | None = None  # "Q7747"
    mentions: int = 0  # how often the document names it


@dataclass(slots=True)
class Mention:
    """One place where the text names an entity."""

    key: str
    start: int
    end: int
    text: str
    sentence: int  # index into DocumentRecord.sentences
    rule: str  # "kb", "acronym", "title-cue", "coref-title", "coref-pronoun", …


@dataclass(slots=True)
class Fact:
    """A relation between two entities, read from one sentence."""

    subject: str  # entity key
    predicate: str  # one of RELATIONS
    object: str  # entity key
    sentence: int
    start: int  # evidence span (the sentence) in the document text
    end: int
    evidence: str  # the sentence text
    rule: str  # name of the rule that found it
    confidence: float
    negated: bool = False  # "non-member-state Azerbaijan": kept as an assertion, never as a fact triple
    title: str | None = None  # officialOf: the position's title ("President", "Foreign Minister")


@dataclass(slots=True)
class Statement:
    """Something an actor said: a direct quote or reported speech."""

    speaker: str  # entity key
    text: str  # the quoted words, or the reported clause
    direct: bool  # True for a direct quote
    sentence: int
    start: int  # span of the quoted / reported text in the document
    end: int
    evidence: str  # the sentence(s) the statement was read from
    rule: str
    confidence: float
    mentions: list[str] = field(default_factory=list)  # entity keys named in the text


@dataclass(slots=True)
class DocumentRecord:
    """Everything the nlp stage read from one article."""

    identifier: str  # path relative to the corpus folder, "/"-separated
    title: str
    text: str  # the full text as read (offsets refer to it)
    date: str | None = None  # ISO date "2023-01-10" (or "2020-12", "2020") from the source or the text
    publisher: str | None = None
    url: str | None = None  # the article's address, from its source
    authors: tuple[str, ...] = ()
    language: str | None = None
    dateline: str | None = None  # "MOSCOW, July 14. /TASS/."
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    words: int = 0


# ---- records as plain values (what the spool and the record cache store)

#: The parts of a DocumentRecord that are lists of records, and their types.
_PARTS = {"sentences": Span, "entities": Entity, "mentions": Mention, "facts": Fact, "statements": Statement}
_RECORD_FIELDS = tuple(DocumentRecord.__dataclass_fields__)
_FIELDS_OF = {kind: attrgetter(*kind.__dataclass_fields__) for kind in _PARTS.values()}
_RECORD_VALUES = attrgetter(*_RECORD_FIELDS)
_ENTITIES = _RECORD_FIELDS.index("entities")


def record_values(record: DocumentRecord, entities: bool = True) -> tuple:
    """``record`` as nested tuples and lists of strings, numbers, booleans and None, in
    field order: what :mod:`json` and :mod:`marshal` write six and four times faster
    than :func:`dataclasses.asdict` or pickle (no field names, no classes).  Without
    ``entities``, its entities are left out (an empty list): a body whose actors a build
    holds already (:meth:`PackedRecord.pack`, the build's spool)."""
    values = list(_RECORD_VALUES(record))
    for i, name in enumerate(_RECORD_FIELDS):
        kind = _PARTS.get(name)
        if kind is not None:
            fields_of = _FIELDS_OF[kind]
            values[i] = [fields_of(item) for item in values[i]] if entities or i != _ENTITIES else []
    return tuple(values)


def record_from_values(values, entities: list[Entity] | None = None) -> DocumentRecord:
    """The record of :func:`record_values` (tuples may come back as lists: JSON has no tuples);
    ``entities``, when given, are its entities (of values made without them).

    Raises TypeError or ValueError for values of another shape."""
    if len(values) != len(_RECORD_FIELDS):
        raise ValueError(f"a record has {len(_RECORD_FIELDS)} fields, not {len(values)}")
    data = dict(zip(_RECORD_FIELDS, values, strict=True))
    for name, kind in _PARTS.items():
        data[name] = [kind(*item) for item in data[name]]
    if entities is not None:
        data["entities"] = list(entities)
    data["authors"] = tuple(data["authors"])
    return DocumentRecord(**data)


@dataclass(slots=True)
class PackedRecord:
    """A record another process made, as it came: the :mod:`marshal` bytes of its
    :func:`record_values` but its entities, with the few fields a build files it by
    unpacked (the entities among them: they are marshalled once, not twice).

    A build process files a worker's record in its spool as those same bytes, so it never
    makes the record's objects (mentions, facts, statements) only to take them apart
    again: 0.2 s of CPU for 1,700 articles on cores the workers need.  marshal is safe
    here: only kg's own worker processes write what it reads."""

    identifier: str
    words: int
    entities: list[Entity]
    data: bytes  # marshal.dumps(record_values(record, entities=False))

    def unpack(self) -> DocumentRecord:
        """The whole record (its entities are these, not copies)."""
        return record_from_values(marshal.loads(self.data), self.entities)

    @staticmethod
    def pack(record: DocumentRecord) -> bytes:
        """``record`` as the bytes :meth:`unpacked` reads (what a worker sends)."""
        body = record_values(record, entities=False)
        entities = [_FIELDS_OF[Entity](entity) for entity in record.entities]
        return marshal.dumps((record.identifier, record.words, entities, marshal.dumps(body)))

    @staticmethod
    def unpacked(data: bytes) -> PackedRecord:
        """The packed record of :meth:`pack`'s bytes."""
        identifier, words, entities, body = marshal.loads(data)
        return PackedRecord(identifier, words, [Entity(*values) for values in entities], body)


def whole(record: DocumentRecord | PackedRecord) -> DocumentRecord:
    """``record``, unpacked if it is a :class:`PackedRecord`."""
    return record.unpack() if isinstance(record, PackedRecord) else record
