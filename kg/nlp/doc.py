"""What kg's spaCy components write on a Doc (``Doc._.kg_*``), and the shared token helpers.

Components communicate only through these extensions; :mod:`kg.nlp.pipeline` turns
them into plain records.  The extensions are registered by :func:`ensure_extensions`,
called from every component factory (no import-time side effects).
"""
from __future__ import annotations

import bisect
import operator
from collections.abc import Set
from dataclasses import dataclass, field

import numpy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LIKE_NUM, LOWER, SPACY
from spacy.lang.lex_attrs import lower as _str_lower
from spacy.tokens import Doc
from spacy.vocab import Vocab

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
    "kg_capitals",  # dict[str, str]: key of each capital mentioned -> key of its country
)


#: The token attributes :meth:`TokenTable.of` reads, in the columns of its array.
TABLE_ATTRS = [IDX, LENGTH, IS_SPACE, IS_PUNCT, SPACY]
_IDX_COLUMN, _SPACE_COLUMN, _PUNCT_COLUMN = (TABLE_ATTRS.index(a) for a in (IDX, IS_SPACE, IS_PUNCT))

#: The lexeme attributes kg's components read, besides the text (ORTH): the token table's
#: columns, the lower case (the title matcher's and :attr:`TokenTable.lower`) and
#: ``Token.like_num``.  See :func:`keep_lexeme_attrs`.
LEXEME_ATTRS = (LOWER, IS_SPACE, IS_PUNCT, LIKE_NUM)


def keep_lexeme_attrs(vocab: Vocab, attrs: tuple[int, ...] = LEXEME_ATTRS) -> None:
    """Have ``vocab`` compute only ``attrs`` of each new word (the others stay 0).

    spaCy computes some twenty attributes of a word the first time it meets it (shape,
    norm, prefix, suffix, is_stop, like_url, like_email, ...), one Python call each: 10 µs
    a word, 0.5 s of a million words of news with 50,000 distinct words.  kg's blank
    pipeline reads only ``attrs``; a trained pipeline keeps all of them (its models read
    shape, norm, prefix and suffix)."""
    getters = vocab.lex_attr_getters
    vocab.lex_attr_getters = {attr: getters[attr] for attr in attrs if attr in getters}


#: ``Doc.user_data`` key of the Doc's :class:`TokenTable` (also ``Doc._.kg_tokens``): read
#: by :func:`tokens_of` in the extractors' inner loops, where each ``doc._`` costs an object.
TOKENS_KEY = "kg_token_table"


def ensure_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@dataclass(slots=True)
class TokenTable:
    """Each token's text, lower case, offset and kind, read once from the Doc.

    The extractors read tokens here, as plain lists, rather than through ``doc[i]``: each
    ``doc[i]`` and ``doc[a:b]`` creates a Token or Span object, and the extractors look at
    tokens hundreds of thousands of times per million words.  ``source`` is the Doc's text
    (``Doc.text`` is rebuilt on each access), so a span's text is one slice of it.
    """

    text: list[str]
    lower: list[str]
    idx: list[int]
    is_space: list[bool]
    is_punct: list[bool]
    whitespace: list[bool] = field(default_factory=list)  # a space follows the token (``whitespace_``)
    source: str = ""
    #: ``lower`` is ``str.lower`` of ``text`` (what :meth:`where_text` needs)
    lower_is_str_lower: bool = field(default=False, compare=False, repr=False)
    #: the index of :meth:`where`, made on first use: lower case -> its first token, and each
    #: token's next one of the same lower case (-1: none).  Two objects, not a list per word:
    #: a list per word made the garbage collector run four times as often.
    _first: dict[str, int] | None = field(default=None, compare=False, repr=False)
    _next: list[int] | None = field(default=None, compare=False, repr=False)
    #: the array :meth:`of` read from the Doc (columns :data:`TABLE_ATTRS`), kept for
    #: :meth:`idx_array` and :meth:`space_array`: kg_layout's sentence search wants arrays,
    #: and making them again from the lists cost more than the search
    _array: numpy.ndarray | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, doc: Doc, text: str | None = None) -> TokenTable:
        """The table of ``doc``, whose text is ``text`` (default: ``doc.text``)."""
        if text is None:
            text = doc.text
        if not len(doc):
            return cls([], [], [], [], [], source=text)
        # one array of small integers (the string hashes are 64-bit: slow to convert), and
        # each token's text a slice of the Doc's text, not a Token object's
        arr = doc.to_array(TABLE_ATTRS)
        idx = arr[:, 0].tolist()
        words = [text[a:b] for a, b in zip(idx, (arr[:, 0] + arr[:, 1]).tolist())]
        if doc.vocab.lex_attr_getters.get(LOWER) is _str_lower:
            lower, folded = list(map(str.lower, words)), True  # what the lexemes' LOWER is
        else:
            lower, folded = [t.lower_ for t in doc], False
        is_space, is_punct, whitespace = arr[:, 2:].astype(bool).T.tolist()
        return cls(words, lower, idx, is_space, is_punct, whitespace, text, folded, _array=arr)

    def idx_array(self) -> numpy.ndarray:
        """``idx`` as an int64 array."""
        if self._array is None:
            return numpy.array(self.idx, dtype="int64")
        return self._array[:, _IDX_COLUMN].astype("int64")

    def space_array(self) -> numpy.ndarray:
        """``is_space`` as a bool array."""
        if self._array is None:
            return numpy.array(self.is_space, dtype=bool)
        return self._array[:, _SPACE_COLUMN].astype(bool)

    def words(self) -> int:
        """The tokens that are neither space nor punctuation (a record's ``words``)."""
        if self._array is None:
            return len(self.text) - sum(map(operator.or_, self.is_space, self.is_punct))
        return len(self.text) - int(numpy.count_nonzero(self._array[:, _SPACE_COLUMN] | self._array[:, _PUNCT_COLUMN]))

    def _index(self) -> tuple[dict[str, int], list[int]]:
        """The index of :meth:`where`, made once per article: the finders ask where their cue
        words are, and a walk over every token per finder cost more than their reading."""
        first, nxt = self._first, self._next
        if first is None or nxt is None:
            lower = self.lower
            nxt = [-1] * len(lower)
            first = {}
            get = first.get
            for i, w in zip(range(len(lower) - 1, -1, -1), reversed(lower)):
                nxt[i] = get(w, -1)
                first[w] = i
            self._first, self._next = first, nxt
        return first, nxt

    def where(self, words: Set[str]) -> list[int]:
        """The tokens whose lower case is one of ``words``, in text order
        (``[i for i, w in enumerate(lower) if w in words]``)."""
        first, nxt = self._index()
        out: list[int] = []
        found = first.keys() & words
        for w in found:
            i = first[w]
            while i >= 0:
                out.append(i)
                i = nxt[i]
        if len(found) > 1:
            out.sort()
        return out

    def has_any(self, words: Set[str]) -> bool:
        """Some token's lower case is one of ``words`` (``not words.isdisjoint(lower)``)."""
        return not self._index()[0].keys().isdisjoint(words)

    def where_text(self, words: Set[str]) -> list[int]:
        """The tokens whose text is one of ``words``, in text order
        (``[i for i, w in enumerate(text) if w in words]``)."""
        if not self.lower_is_str_lower:
            return [i for i, w in enumerate(self.text) if w in words]
        text = self.text
        return [i for i in self.where({w.lower() for w in words}) if text[i] in words]

    def end_char(self, i: int) -> int:
        """The character offset after token ``i``."""
        return self.idx[i] + len(self.text[i])

    def expand_span(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """The tokens of ``doc.char_span(start_char, end_char, alignment_mode="expand")`` as
        ``(start, end)``, or None where it gives None; without a Span.  The tokens tile the
        text (each covers its text and its trailing space), so the token at a character is
        the last one starting at or before it."""
        n = len(self.source)
        if not (0 <= start_char < n and 0 <= end_char - 1 < n):
            return None
        start = bisect.bisect_right(self.idx, start_char) - 1
        end = bisect.bisect_right(self.idx, end_char - 1)
        if start_char == self.idx[start] + len(self.text[start]):
            start += 1  # the trailing space of a token is not the token
        if end < start:
            raise IndexError(f"no span from token {start} to token {end}")  # as Span() raises
        return start, end

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (same slice semantics), without making a Span."""
        if 0 <= start < end <= len(self.text):  # the common case, without a slice object
            return self.source[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]
        start, end, _ = slice(start, end).indices(len(self.text))
        if end <= start:
            return ""
        return self.source[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]


def tokens_of(doc: Doc) -> TokenTable:
    """The Doc's :class:`TokenTable`: the one ``kg_layout`` made, else ``Doc._.kg_tokens``
    (a Doc built by hand), else one read now; kept on the Doc for the next call."""
    table = doc.user_data.get(TOKENS_KEY)
    if table is None:
        table = (doc._.kg_tokens if Doc.has_extension("kg_tokens") else None) or TokenTable.of(doc)
        doc.user_data[TOKENS_KEY] = table
    return table


#: ``Doc.user_data`` key of ``(kg_sent_of, its sentence_ranges)``, kept by :func:`sentence_ranges_of`.
RANGES_KEY = "kg_sentence_ranges"


def sentence_ranges_of(doc: Doc, sent_of: list[int]) -> dict[int, tuple[int, int]]:
    """:func:`sentence_ranges` of the Doc's ``sent_of``, read once per Doc: the relation and
    the quote readers both ask (a walk over every token).  Not to be changed by the caller."""
    kept = doc.user_data.get(RANGES_KEY)
    if kept is not None and kept[0] is sent_of:
        return kept[1]
    ranges = sentence_ranges(sent_of)
    doc.user_data[RANGES_KEY] = (sent_of, ranges)
    return ranges


def sentence_ranges(sent_of: list[int]) -> dict[int, tuple[int, int]]:
    """Sentence index -> (its first token, one past its last token), from each token's
    sentence (``Doc._.kg_sent_of``; -1 outside the news)."""
    # kg_layout numbers sentences in token order: one walk over the runs of each index
    ranges: dict[int, tuple[int, int]] = {}
    current, first, last = -1, 0, -1
    for i, k in enumerate(sent_of):
        if k < 0 or k == current:
            last = i if k >= 0 else last
            continue
        if current >= 0:
            ranges[current] = (first, last + 1)
        if k < current or k in ranges:
            return _sentence_ranges_any_order(sent_of)
        current, first, last = k, i, i
    if current >= 0:
        ranges[current] = (first, last + 1)
    return ranges


def _sentence_ranges_any_order(sent_of: list[int]) -> dict[int, tuple[int, int]]:
    sents = numpy.asarray(sent_of, dtype="int64")
    where = numpy.flatnonzero(sents >= 0)
    ks = sents[where]
    found, first = numpy.unique(ks, return_index=True)
    _, last_from_end = numpy.unique(ks[::-1], return_index=True)
    last = len(ks) - 1 - last_from_end
    return dict(zip(found.tolist(), zip(where[first].tolist(), (where[last] + 1).tolist())))


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
