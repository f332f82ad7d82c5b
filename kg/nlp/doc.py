"""What kg's spaCy components write on a Doc (``Doc._.kg_*``), and the shared token helpers.

Components communicate only through these extensions; :mod:`kg.nlp.pipeline` turns
them into plain records.  The extensions are registered by :func:`ensure_extensions`,
called from every component factory (no import-time side effects).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

EXTENSIONS = (
    "kg_layout",  # kg.nlp.layout.Layout
    "kg_sent_of",  # list[int]: sentence index of each token, -1 outside the news
    "kg_titles",  # list[TitleSpan]: position titles found in the text
    "kg_mentions",  # list[TokMention], sorted by start token
    "kg_entities",  # dict[key, EntityInfo]
    "kg_facts",  # list[kg.records.Fact]
    "kg_statements",  # list[kg.records.Statement]
    "kg_quotes",  # list[tuple[int, int]]: char spans of quotations (inside the marks)
    "kg_tokens",  # TokenTable: token strings as plain lists (creating Token objects is slow)
)


def ensure_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@dataclass(slots=True)
class TokenTable:
    """Each token's text, lower case, offset and kind, read once from the Doc's arrays."""

    text: list[str]
    lower: list[str]
    idx: list[int]
    is_space: list[bool]
    is_punct: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LOWER, ORTH

        if not len(doc):
            return cls([], [], [], [], [])
        arr = doc.to_array([ORTH, LOWER, IDX, IS_SPACE, IS_PUNCT]).tolist()
        strings = doc.vocab.strings
        cache: dict[int, str] = {}

        def word(h: int) -> str:
            w = cache.get(h)
            if w is None:
                w = cache[h] = strings[h]
            return w

        return cls([word(r[0]) for r in arr], [word(r[1]) for r in arr], [r[2] for r in arr],
                   [bool(r[3]) for r in arr], [bool(r[4]) for r in arr])


@dataclass(slots=True)
class TokMention:
    """An entity named in the text, on tokens ``doc[start:end]``."""

    start: int
    end: int
    key: str
    type: str
    rule: str
    role: str = "name"  # name | demonym | metonym | description | pronoun
    sentence: int = -1


@dataclass(slots=True)
class EntityInfo:
    """An actor as this document knows it."""

    key: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    mentions: int = 0

    def add_alias(self, name: str) -> None:
        name = " ".join(name.split())
        if name and name != self.label and name not in self.aliases:
            self.aliases.append(name)


@dataclass(slots=True)
class TitleSpan:
    start: int
    end: int
    title: str  # canonical ("Foreign Minister")
    plural: bool


def new_key(type_: str, label: str) -> str:
    """The key of an actor the knowledge base does not know."""
    return f"new:{type_}:{' '.join(label.lower().split())}"
