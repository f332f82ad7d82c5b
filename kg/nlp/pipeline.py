"""The spaCy pipeline of kg and the conversion of its Docs into plain records.

``make_pipeline()`` gives spaCy's blank English with kg's components::

    kg_layout -> kg_entities -> kg_roles -> kg_relations -> kg_quotes

``make_pipeline(model="en_core_web_sm")`` loads a trained pipeline instead and appends
the same components; its entities then add actors the knowledge base does not know.
:func:`process_texts` runs the pipeline over articles, in worker processes when asked,
and yields :class:`kg.records.DocumentRecord` (Docs never leave the worker).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import InputError
from kg.nlp.bounds import DEADLINE_KEY, ArticleTimeout, Deadline, RunCuttingTokenizer
from kg.nlp.doc import keep_lexeme_attrs, tokens_of
from kg.nlp.layout import LayoutReader  # noqa: F401  (registers kg_layout; importable from here as before)
from kg.nlp.lexicon import load_calibration, load_lexicon
from kg.nlp.tokenizer import TOKENIZER_NAME
from kg.nlp.workers import Skipped
from kg.records import DocumentRecord, Entity, Mention, SourceText, Span

log = logging.getLogger(__name__)

#: kg's components in pipeline order; each factory declares what it requires and assigns
#: (``nlp.analyze_pipes()`` shows the flow).
COMPONENTS = ("kg_layout", "kg_entities", "kg_roles", "kg_relations", "kg_quotes")


def make_pipeline(model: str | None = None, kb_files: Iterable[str] = ()) -> Language:
    """kg's pipeline on spaCy's blank English (with kg's tokenizer, :mod:`kg.nlp.tokenizer`), or on
    the trained pipeline ``model``."""
    # the factories register on import
    from kg.nlp import entities, layout, quotes, relations, roles  # noqa: F401

    if model:
        try:
            nlp = spacy.load(model, exclude=["lemmatizer"])
        except OSError as exc:
            raise InputError(
                f"cannot load the spaCy pipeline {model!r}: is it installed? "
                f"(pip install it, or give the path of a saved pipeline) [{str(exc).splitlines()[0][:120]}]"
            ) from None
    else:
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
        keep_lexeme_attrs(nlp.vocab)  # before any word is made: the knowledge base's names are next
    nlp.max_length = 10**9  # articles are processed whole; kg's components are linear in length
    if not isinstance(nlp.tokenizer, RunCuttingTokenizer):  # a long run without spaces is cut, not split
        nlp.tokenizer = RunCuttingTokenizer(nlp.tokenizer, load_lexicon().window.token_chars)
    config = {"kg_entities": {"kb_files": [str(p) for p in kb_files]}}
    for name in COMPONENTS:
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


def _loose(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".,;:!?\"”’ ")


def _memo(function: Callable[[str], str]) -> Callable[[str], str]:
    """``function`` remembering its results (for one record: nothing outlives the call)."""
    seen: dict[str, str] = {}

    def memo(text: str) -> str:
        found = seen.get(text)
        if found is None:
            found = seen[text] = function(text)
        return found

    return memo


def _unique(items, key) -> list:
    """Drop repeats: a lead paragraph or caption often repeats the story's first sentence."""
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def read_text(nlp: Language, text: str, seconds: float | None = None) -> Doc:
    """Run the pipeline on ``text``, handing kg_layout the text itself (Doc.text is rebuilt on access).

    With ``seconds``, :class:`kg.nlp.bounds.ArticleTimeout` is raised once the article has
    taken longer (checked between components, and between sentences where a component reads
    sentence by sentence)."""
    deadline = Deadline(seconds)
    doc = nlp.make_doc(text)
    doc.user_data["kg_text"] = text
    doc.user_data[DEADLINE_KEY] = deadline
    for _, component in nlp.pipeline:
        deadline.check()
        doc = component(doc)
    deadline.check()
    return doc


def doc_to_record(doc: Doc, identifier: str) -> DocumentRecord:
    """The plain record of a processed Doc."""
    layout = doc._.kg_layout
    sentences = [Span(s, e) for s, e, _ in layout.sentences]
    table = tokens_of(doc)
    idx, words, source = table.idx, table.text, table.source
    mentions = []
    for m in doc._.kg_mentions:
        if 0 <= m.start < m.end <= len(words):  # the span's offsets and text from the token table, not a Span
            start_char, end_char = idx[m.start], idx[m.end - 1] + len(words[m.end - 1])
            text = source[start_char:end_char]
        else:
            span = doc[m.start:m.end]
            start_char, end_char, text = span.start_char, span.end_char, span.text
        mentions.append(Mention(m.key, start_char, end_char, text, m.sentence, m.rule))
    entities = []
    for info in doc._.kg_entities.values():
        entities.append(Entity(info.key, info.label, info.type, list(info.aliases), info.wikidata, info.mentions))
    loose = _memo(_loose)  # a sentence is often the evidence of several facts
    return DocumentRecord(
        identifier=identifier,
        title=layout.title or identifier,
        text=layout.text,
        date=layout.date,
        publisher=layout.publisher,
        dateline=layout.dateline,
        sentences=sentences,
        entities=entities,
        mentions=mentions,
        facts=_calibrated(_unique(doc._.kg_facts or [], lambda f: (f.subject, f.predicate, f.object, f.negated,
                                                                   f.title, loose(f.evidence)))),
        statements=_calibrated(_unique(doc._.kg_statements or [], lambda s: (s.speaker, loose(s.text)))),
        words=table.words(),
    )


def read_source(nlp: Language, source: SourceText, seconds: float | None = None) -> DocumentRecord:
    """The record of one article: what the pipeline read, with the source's own metadata
    where it gives some (a page's title, date and publisher beat kg's guesses from the text).
    Raises :class:`kg.nlp.bounds.ArticleTimeout` past ``seconds``."""
    record = doc_to_record(read_text(nlp, source.text, seconds), source.identifier)
    if source.title:
        record.title = source.title
    record.date = source.date or record.date
    record.publisher = source.publisher or record.publisher
    record.url = source.url
    record.authors = source.authors
    record.language = source.language
    return record


def _calibrated(items: list) -> list:
    """Facts or statements with their rule's measured confidence, where it was measured
    (kg/data/confidence.toml, written by scripts/calibrate_confidence.py)."""
    measured = load_calibration()
    for item in items:
        item.confidence = measured.get(item.rule, item.confidence)
    return items


# ------------------------------------------- in a worker process (kg.nlp.workers, kg.cluster)
_WORKER_NLP: Language | None = None
_WORKER_SECONDS: float | None = None


def _init_worker(model: str | None, kb_files: tuple[str, ...], seconds: float | None) -> None:
    global _WORKER_NLP, _WORKER_SECONDS
    _WORKER_NLP = make_pipeline(model, kb_files)
    _WORKER_SECONDS = seconds


def _read_or_skip(nlp: Language, source: SourceText, seconds: float | None) -> DocumentRecord | Skipped:
    try:
        return read_source(nlp, source, seconds)
    except ArticleTimeout as exc:
        return Skipped(source.identifier, str(exc))


def _work(source: SourceText) -> DocumentRecord | Skipped:
    assert _WORKER_NLP is not None
    return _read_or_skip(_WORKER_NLP, source, _WORKER_SECONDS)
