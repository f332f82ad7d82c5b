"""Hand-built Docs for the unit tests of kg.nlp's pure functions.

:func:`hand_doc` makes a Doc with the extensions the earlier components would have
written (layout, tokens, sentences, and the mentions, entities and titles given), so a
test of ``find_relations`` or ``find_statements`` does not run the components before
it.  The names are invented: the knowledge base knows none of them.
"""
from __future__ import annotations

import spacy

from kg.nlp.doc import (
    EntityInfo,
    TitleSpan,
    TokenTable,
    TokMention,
    ensure_extensions,
    new_key,
)
from kg.nlp.layout import read_layout, sentence_of_tokens
from kg.nlp.lexicon import load_lexicon

NLP = spacy.blank("en")
LEX = load_lexicon()


def _spans(doc, text: str, surface: str, after: int):
    """Token spans of every occurrence of ``surface`` in ``text`` from character ``after``."""
    i = text.find(surface, after)
    while i >= 0:
        span = doc.char_span(i, i + len(surface))
        assert span is not None, f"{surface!r} is not on token boundaries"
        yield span
        i = text.find(surface, i + len(surface))


def hand_doc(body: str, actors: dict[str, str] | None = None, titles: dict[str, str] | None = None,
             headline: str = "Headline of the story"):
    """A Doc of ``body`` under ``headline``, each occurrence of an actor's name a mention.

    ``actors`` maps a name to its type ("Veldoria": "Country"); ``titles`` a title's
    words to its canonical title ("foreign minister": "Foreign Minister").
    """
    ensure_extensions()
    text = f"{headline}\n\n{body}"
    doc = NLP.make_doc(text)
    layout = read_layout(text, LEX)
    doc._.kg_layout = layout
    doc._.kg_tokens = TokenTable.of(doc)
    sent_of = sentence_of_tokens(doc._.kg_tokens, layout)
    doc._.kg_sent_of = sent_of
    body_start = len(headline)
    mentions, entities = [], {}
    for name, type_ in (actors or {}).items():
        key = new_key(type_, name)
        entities[key] = EntityInfo(key, name, type_)
        for span in _spans(doc, text, name, body_start):
            mentions.append(TokMention(span.start, span.end, key, type_, "test", "name", sent_of[span.start]))
            entities[key].mentions += 1
    doc._.kg_mentions = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    doc._.kg_entities = entities
    spans = []
    for words, canonical in (titles or {}).items():
        for span in _spans(doc, text, words, body_start):
            spans.append(TitleSpan(span.start, span.end, canonical, words.endswith("s")))
    doc._.kg_titles = sorted(spans, key=lambda t: t.start)
    doc._.kg_facts = []
    return doc


def key(type_: str, name: str) -> str:
    return new_key(type_, name)


def test_hand_doc_puts_each_occurrence_of_a_name_in_its_sentence():
    doc = hand_doc("Veldoria met Quessa. Later Veldoria left.", {"Veldoria": "Country", "Quessa": "Country"})
    assert [(doc[m.start:m.end].text, m.sentence) for m in doc._.kg_mentions] == [
        ("Veldoria", 1), ("Quessa", 1), ("Veldoria", 2)]
    assert doc._.kg_entities[key("Country", "Veldoria")].mentions == 2
