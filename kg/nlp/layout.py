"""Article layout: headline, metadata, dateline, captions, body, boilerplate, sentences.

News text arrives with its wrapping: a headline, a date line, photo captions, a
dateline ("MOSCOW, July 14. /TASS/."), then the story, then donation appeals or a
comment policy.  This module reads that structure from the lines of the text so the
extractors see only what is news, and splits the news into sentences (spaCy's blank
English has no sentence splitter that knows "Sept." or "U.S.").

Everything here works on character offsets of the text; :func:`read_layout` is pure
and testable without spaCy.  The boilerplate, date-line, caption, publisher, date and
dateline patterns, the month names and the line sizes are data (``kg/data/lexicon.toml``).
The component ``kg_layout`` puts the layout on the Doc, with each token's sentence
(:func:`sentence_of_tokens`) and spaCy's sentence starts.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.doc import TOKENS_KEY, TokenTable, ensure_extensions
from kg.nlp.lexicon import Lexicon, load_lexicon

#: Zones that the extractors read.  "title" gets knowledge-base names only.
NEWS_ZONES = ("title", "caption", "body")

#: A run of full stops, question or exclamation marks: where a sentence may end.  Each run
#: is tried once, from its start (nothing to backtrack into); what follows it is read by
#: :func:`_sentence_end_at`.  Searched by :func:`_stop_runs`.
_STOP_RUN = re.compile(r"[.!?]+")
_STOPS = ".!?"
#: Stripped from the word before a full stop before looking it up in the abbreviations.
_WORD_MARKS = "\"”’')]»›"
_TERMINAL = re.compile(r"[.!?:\"”’)]\s*$")
_DOMAIN = re.compile(r"\b([A-Za-z][\w-]*(?:\.[a-z]{2,6})+)\b")
#: Initials with their stops ("u.s."): an abbreviation.
_INITIALS = re.compile(r"(?:[a-z]\.)+")


@dataclass(slots=True)
class Block:
    """A line (or wrapped paragraph) of the article and what it is."""

    start: int
    end: int
    kind: str  # title | meta | caption | dateline | body | boilerplate


@dataclass(slots=True)
class Layout:
    text: str = ""
    title: str = ""
    date: str | None = None
    publisher: str | None = None
    dateline: str | None = None
    dateline_place: tuple[int, int] | None = None  # char span of "MOSCOW"
    blocks: list[Block] = field(default_factory=list)
    sentences: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, zone)


def parse_date(text: str, lex: Lexicon) -> str | None:
    """An ISO date from "2023-01-10", "January 10, 2023", "10th January, 2023" (the
    lexicon's ``[layout] date_patterns`` and ``months``); else None."""
    for pattern in lex.dates:
        m = pattern.search(text)
        if not m:
            continue
        month = m.group("month")
        month_no = int(month) if month.isdigit() else lex.months.get(month.lower().rstrip("."))
        if not month_no:
            continue
        try:
            return date(int(m.group("year")), month_no, int(m.group("day"))).isoformat()
        except ValueError:
            continue
    return None


def publisher_of(line: str, lex: Lexicon) -> str | None:
    """The publisher a boilerplate line names ("Support Caucasus Watch!"), by the lexicon's
    ``[layout] publisher_patterns``; else None."""
    for pattern in lex.publisher:
        m = pattern.search(line)
        if m and m.group("pub"):
            return m.group("pub").strip()
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    """Stripped, non-empty lines as (start, end) offsets."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def _is_caption(line: str, lex: Lexicon) -> bool:
    if any(p.search(line) for p in lex.caption_credit):
        return True
    return not _TERMINAL.search(line) and len(line.split()) <= lex.window.caption_words


def _closing(c: str) -> bool:
    """A closing mark that may follow a sentence's final stop: a quote or bracket of any script."""
    return c in "\"'" or unicodedata.category(c) in ("Pe", "Pf")


def _opening(c: str) -> bool:
    """An opening quotation mark or bracket of any script ("“", "«", "„", "(", "「")."""
    return c in "\"'" or unicodedata.category(c) in ("Ps", "Pi")


def _capital(c: str) -> bool:
    """A capital letter of any script, or a digit: what a new sentence starts with."""
    return c.isupper() or c.istitle() or c.isdecimal()


def _stop_runs(text: str, start: int, end: int) -> Iterator[re.Match]:
    """The runs of :data:`_STOP_RUN` in ``text[start:end]``, each from its first mark: a run
    that began before ``start`` is none.  A search from ``start`` finds each run whole (the
    next one starts after a character that is no stop), so only the first can have begun
    earlier; a lookbehind in the pattern would say the same but made the regex engine try
    every character of the text."""
    runs = _STOP_RUN.finditer(text, start, end)
    if start > 0 and text[start - 1] in _STOPS:
        first = next(runs, None)
        if first is not None and first.start() != start:
            yield first
    yield from runs


def _after_stop(text: str, stop: int, end: int) -> tuple[int, int]:
    """After a stop run ending at ``stop``: where its closing marks end and where the
    spaces after them end (equal when no space follows)."""
    while stop < end and _closing(text[stop]):
        stop += 1
    nxt = stop
    while nxt < end and text[nxt].isspace():
        nxt += 1
    return stop, nxt


def _word_before(text: str, cursor: int, stop: int) -> str:
    """The characters of ``text[cursor:stop]`` after its last space (all of them if it has none):
    one split from the right, not a step back per character."""
    piece = text[cursor:stop]
    if not piece or piece[-1].isspace():
        return ""
    return piece.rsplit(None, 1)[-1]


def _abbreviation(text: str, cursor: int, stop: int, lex: Lexicon) -> bool:
    """The word ending at ``stop`` (after ``cursor``) is an abbreviation ("Sept.", "U.S.")."""
    word = _word_before(text, cursor, stop).lower().strip(_WORD_MARKS)
    return word in lex.abbreviations or _INITIALS.fullmatch(word) is not None


def split_sentences(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, not splitting after abbreviations.

    A sentence ends at a full stop, question or exclamation mark (with any closing quotes
    or brackets after it) followed by a space and a capital letter or digit of any script,
    possibly after an opening quote or bracket ("«", "„", "(").  A sentence longer than
    ``[window] sentence_chars`` is cut (:func:`_capped`)."""
    out = []
    cursor = start
    for m in _stop_runs(text, start, end):
        stop, nxt = _after_stop(text, m.end(), end)
        if nxt == stop or nxt >= end:
            continue
        first = text[nxt]
        if _opening(first) and nxt + 1 < end:
            first = text[nxt + 1]
        if not _capital(first) or _abbreviation(text, cursor, stop, lex):
            continue
        out.append((cursor, stop))
        cursor = nxt
    if cursor < end:
        out.append((cursor, end))
    limit = lex.window.sentence_chars
    if any(e - s > limit for s, e in out):
        out = [piece for s, e in out for piece in _capped(text, s, e, limit, lex)]
    return out


def _capped(text: str, start: int, end: int, limit: int, lex: Lexicon) -> list[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most ``limit`` characters: a sentence that long
    has sentences the splitter missed (they start with a lower-case letter or an emoji) or
    none at all.  Each piece ends at the last stop followed by a space within the limit
    (not after an abbreviation), else at the last space, else at the limit."""
    out = []
    while end - start > limit:
        window_end = start + limit
        cut = nxt = -1
        for m in _stop_runs(text, start, window_end):
            stop, after = _after_stop(text, m.end(), window_end)
            if after > stop and not _abbreviation(text, start, stop, lex):
                cut, nxt = stop, after
        if cut < 0:
            space = window_end
            while space > start + 1 and not text[space - 1].isspace():
                space -= 1
            if space > start + 1:
                cut = space - 1
                while cut > start and text[cut - 1].isspace():
                    cut -= 1
                nxt = space
            else:
                cut = nxt = window_end
        out.append((start, cut))
        start = nxt
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
    return out


def read_layout(text: str, lex: Lexicon) -> Layout:
    """Classify the lines of an article and split its news into sentences."""
    layout = Layout(text=text)
    tail = False
    body_started = False
    for a, b in _lines(text):
        line = text[a:b]
        kind = None
        if tail:
            kind = "boilerplate"
        elif any(p.search(line) for p in lex.boilerplate_tail):
            tail, kind = True, "boilerplate"
        elif len(line) < lex.window.meta_line_chars and any(p.search(line) for p in lex.boilerplate_line):
            kind = "boilerplate"
        elif len(line) < lex.window.meta_line_chars:  # a date line is short: a paragraph is not tried
            for pattern in lex.date_line:
                m = pattern.match(line)
                if m:
                    groups = m.groupdict()
                    found = parse_date(groups.get("iso") or groups.get("text") or "", lex)
                    if found:
                        layout.date = layout.date or found
                        dom = _DOMAIN.search(groups.get("rest") or "")
                        if dom and not layout.publisher:
                            layout.publisher = dom.group(1)
                        kind = "meta"
                        break
        if kind is None:
            if not layout.title:
                kind = "title"
                layout.title = line
            elif not body_started and _is_caption(line, lex):
                kind = "caption"
            else:
                kind = "body"
                body_started = True
        if kind == "body" and layout.dateline is None:
            for pattern in lex.dateline:
                m = pattern.match(line)
                if m:
                    cut = a + m.end()
                    layout.dateline = line[: m.end()].strip()
                    layout.dateline_place = (a + m.start("place"), a + m.end("place"))
                    agency = (m.groupdict().get("agency") or "").split("/")[0].split(" - ")[0].strip()
                    if agency and not layout.publisher and not parse_date(agency, lex):
                        layout.publisher = agency
                    layout.date = layout.date or parse_date(m.group(0), lex)
                    layout.blocks.append(Block(a, cut, "dateline"))
                    a = cut
                    break
        if kind == "boilerplate" and not layout.publisher:
            layout.publisher = publisher_of(line, lex)
        if a < b:
            layout.blocks.append(Block(a, b, kind))
    for block in layout.blocks:
        if block.kind in NEWS_ZONES:
            for s, e in split_sentences(text, block.start, block.end, lex):
                layout.sentences.append((s, e, block.kind))
    return layout


def sentence_of_tokens(table: TokenTable, layout: Layout) -> list[int]:
    """The sentence index of each token, -1 for spaces and tokens outside the news."""
    return _sentence_array(table, layout).tolist()


def _sentence_array(table: TokenTable, layout: Layout) -> numpy.ndarray:
    """:func:`sentence_of_tokens` as an array (kg_layout also marks the sentence starts with it)."""
    if not table.idx:
        return numpy.zeros(0, dtype="int64")
    # the sentences are in text order: one sorted search for all the tokens
    starts = numpy.array([s for s, _, _ in layout.sentences], dtype="int64")
    ends = numpy.array([e for _, e, _ in layout.sentences], dtype="int64")
    idx = table.idx_array()
    k = numpy.searchsorted(starts, idx, side="right") - 1
    inside = (k >= 0) & ~table.space_array()
    if len(ends):
        inside &= idx < ends[numpy.maximum(k, 0)]
    return numpy.where(inside, k, -1)


class LayoutReader:
    """spaCy component ``kg_layout``: :func:`read_layout` onto ``Doc._.kg_layout``, with
    ``kg_tokens``, ``kg_sent_of`` and (unless a trained pipeline parsed the Doc) the
    sentence starts.  It holds only the lexicon."""

    def __init__(self, nlp: Language, lex: Lexicon | None = None):
        ensure_extensions()
        self.lex = lex or load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get("kg_text")  # set by read_text(); Doc.text is rebuilt on each access
        if text is None:
            text = doc.text
        layout = read_layout(text, self.lex)
        doc._.kg_layout = layout
        table = TokenTable.of(doc, text)
        doc._.kg_tokens = table
        doc.user_data[TOKENS_KEY] = table
        sents = _sentence_array(table, layout)
        doc._.kg_sent_of = sents.tolist()
        if len(doc) and not doc.has_annotation("DEP") and not doc.has_annotation("SENT_START"):
            starts = numpy.full(len(sents), -1, dtype="int64")
            starts[0] = 1
            starts[1:][sents[1:] != sents[:-1]] = 1
            doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc


@Language.factory(
    "kg_layout",
    assigns=["doc._.kg_layout", "doc._.kg_tokens", "doc._.kg_sent_of", "token.is_sent_start"],
)
def make_layout_reader(nlp: Language, name: str) -> LayoutReader:
    return LayoutReader(nlp)
