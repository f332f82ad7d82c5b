"""The nlp stage's shortcuts read what the plain walks read: the token index
(``TokenTable.where``) and its kept arrays, the stop runs of the sentence splitter and the word
before a stop, the acronym search window, the knowledge base's candidates made from the match id,
the tokenizer's remembered affix searches."""
from __future__ import annotations

import random
import re
from pathlib import Path

import spacy

from kg.kb import load_kb
from kg.nlp.candidates import (
    Candidate,
    EntityContext,
    acronym_matches,
    acronym_pattern,
    acronym_pieces,
    entity_tables,
    kb_candidate,
)
from kg.nlp.doc import TokenTable
from kg.nlp.layout import _stop_runs, _word_before
from kg.nlp.lexicon import load_lexicon

LEX = load_lexicon()
TEXT = ("Russia's Foreign Ministry said on Monday, in Moscow, that the Collective Security Treaty "
        "Organization (CSTO) met.  İstanbul, Paris and the U.S. said so, said Lavrov; SAID again.")


def test_where_is_the_walk_over_every_token():
    doc = spacy.blank("en")(TEXT)
    table = TokenTable.of(doc, TEXT)
    assert table.lower_is_str_lower
    for words in ({"said"}, {"said", "in", ","}, {"nothing"}, frozenset(LEX.speech.verbs), set()):
        assert table.where(words) == [i for i, w in enumerate(table.lower) if w in words]
        assert table.has_any(words) == (not set(words).isdisjoint(table.lower))
    for words in ({"said"}, {"SAID", ","}, {"İstanbul", "Paris"}, {"paris"}):
        assert table.where_text(words) == [i for i, w in enumerate(table.text) if w in words]
    table.lower_is_str_lower = False  # another pipeline's LOWER: the walk itself
    assert table.where_text({"SAID"}) == [i for i, w in enumerate(table.text) if w == "SAID"]


def test_stop_runs_are_the_lookbehind_pattern():
    pattern = re.compile(r"(?<![.!?])[.!?]+")
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice("ab .!?") for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert [m.span() for m in _stop_runs(text, start, end)] == \
            [m.span() for m in pattern.finditer(text, start, end)]


def test_word_before_is_the_step_back_over_non_spaces():
    def walk(text: str, cursor: int, stop: int) -> str:
        i = stop
        while i > cursor and not text[i - 1].isspace():
            i -= 1
        return text[i:stop]

    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(["a", "B.", " ", "\n", "\xa0", "\u2003", "”", "ş"]) for _ in range(rng.randint(0, 12)))
        cursor = rng.randint(0, len(text))
        stop = rng.randint(cursor, len(text))
        assert _word_before(text, cursor, stop) == walk(text, cursor, stop)


def test_acronym_window_finds_what_a_whole_search_finds():
    rng = random.Random(3)
    words = ["Foo", "Bar", "of", "the", "x", "(FBO)", "(FB)", "(", ")", "\n", "“Foo", "xFoo", "-", "(OF)"]
    for max_words, connectors in ((LEX.window.acronym_words, LEX.actors.acronym_connectors), (2, ("of", "of the"))):
        pattern = acronym_pattern(max_words, connectors)
        pieces = acronym_pieces(max_words, connectors)
        for _ in range(2000):
            text = "".join(rng.choice(words) + rng.choice([" ", "", "  ", "\n"]) for _ in range(rng.randint(1, 25)))
            assert [m.span() for m in acronym_matches(pattern, text, pieces)] == \
                [m.span() for m in pattern.finditer(text)]


def test_context_free_candidates_are_what_kb_candidate_makes():
    from test_nlp_handbuilt import NLP, hand_doc

    tables = entity_tables(NLP, load_kb(), LEX)
    surfaces = sorted(tables.known)
    capitals = {s for s, k in tables.known.items() if k.kind == "capital" or k.country is not None}
    assert capitals and len(tables.context_free) == len(surfaces) - len(capitals)
    rng = random.Random(5)
    body = " ".join(f"{rng.choice(['in', 'the', 'and', '1', ','])} {s} {rng.choice(['says', '-', ','])}"
                    for s in surfaces) + "."
    doc = hand_doc(body)
    ctx = EntityContext.of(doc, tables, LEX)
    strings, seen = doc.vocab.strings, set()
    for match_id, start, end in tables.matcher(doc):
        surface = strings[match_id]
        seen.add(surface)
        fields = tables.context_free.get(match_id)
        assert (fields is None) == (surface in capitals)
        if fields is not None:
            assert Candidate(start, end, *fields) == kb_candidate(doc, ctx, start, end, surface)
    assert seen == set(surfaces)


def test_kept_arrays_are_the_lists():
    read = TokenTable.of(spacy.blank("en")(TEXT), TEXT)
    by_hand = TokenTable(read.text, read.lower, read.idx, read.is_space, read.is_punct)  # no array kept
    assert any(read.is_space)
    for table in (read, by_hand):
        assert table.idx_array().tolist() == table.idx and table.idx_array().dtype == "int64"
        assert table.space_array().tolist() == table.is_space and table.space_array().dtype == bool
        assert table.words() == sum(not (s or p) for s, p in zip(table.is_space, table.is_punct)) == 28


def test_the_remembering_tokenizer_gives_spacys_tokens():
    from kg.nlp.tokenizer import TOKENIZER_NAME

    plain = spacy.blank("en").tokenizer
    kg_tokenizer = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}}).tokenizer
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for folder in (root / "corpus", root / "tests" / "data" / "dev" / "articles")
             for p in sorted(folder.glob("*.txt"))]
    tricky = ("Don't go to the U.S. (USA), he said:-) at 5p.m. on Jan. 3rd... well.... "
              "see https://example.org/a?b=1, e-mail x@y.com; 10km/h, $5, 'quoted' “marks”—dash ")
    texts += [TEXT, tricky * 3, tricky + TEXT + tricky, ""]
    for _ in range(2):  # the second time, from what the searches remember
        for text in texts:
            assert [(t.text, t.whitespace_, t.idx) for t in kg_tokenizer(text)] == \
                [(t.text, t.whitespace_, t.idx) for t in plain(text)]
