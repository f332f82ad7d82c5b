"""The extractors stay linear on pathological articles (kg.nlp.bounds, the sentence splitter,
the bounded walks): each probe of the hardening issue, bounded by construction — the size of
what comes out, the number and length of sentences, tokens — never by a timed assertion."""
import pytest

from kg import graph, resolve, serialize
from kg.nlp.bounds import RunCuttingTokenizer
from kg.nlp.candidates import acronym_pattern
from kg.nlp.layout import split_sentences
from kg.nlp.lexicon import load_lexicon
from kg.nlp.pipeline import doc_to_record, make_pipeline, read_text

LEX = load_lexicon()


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


#: The probes of the hardening issue (and of /work/shared/reliability/fuzz_extractor.py).
PATHOLOGICAL = {
    "quotation marks": lambda n: '"' * n,
    "one letter": lambda n: "A" * n,
    "Council x N": lambda n: fill("Council ", n),
    "guillemet quotes, one paragraph": lambda n: fill("«We are worried,» Lavrov said. ", n),
    "sentences starting with Ç": lambda n: fill("Çavuşoğlu said Armenia is a member of the CSTO. ", n),
    "lower-case sentences": lambda n: fill("we are worried, Lavrov said. ", n),
    "single quotes never closed": lambda n: fill("'a ", n),
    "'he said' quotes": lambda n: fill('"We are worried," he said. ', n),
    "acronyms in parentheses": lambda n: fill("the Collective Security Treaty Organization (CSTO) (CSTO) ((CSTO)) ", n),
    "'Mr. ' x N": lambda n: fill("Mr. ", n),
}


def graph_bytes(record) -> int:
    entities = resolve.merge_entities([record])
    return len(serialize.serialize_bytes(graph.to_dataset([record], entities), "trig"))


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text), LEX)]


# ---------------------------------------------------------------- the tokenizer
def test_a_long_run_without_spaces_is_cut_into_tokens_of_token_chars(nlp):
    text = 'Putin said "' + '"' * 5000 + ' and left.'
    doc = nlp.make_doc(text)
    assert doc.text == text  # offsets stay those of the article
    assert max(len(t) for t in doc) == LEX.window.token_chars
    assert len(doc) < 5000 // LEX.window.token_chars + 10  # not one token per mark
    assert [t.text for t in doc[:3]] == ["Putin", "said", '"' * LEX.window.token_chars]


def test_text_without_long_runs_is_tokenized_by_spacy_unchanged(nlp):
    text = 'The U.S. envoy said: "We are worried." (Reuters) https://example.com/a-b?c=d'
    cutting = nlp.tokenizer
    assert isinstance(cutting, RunCuttingTokenizer)
    assert [t.text for t in cutting(text)] == [t.text for t in cutting.tokenizer(text)]


def test_a_cut_run_keeps_the_space_after_it(nlp):
    text = "x" * 250 + " Putin said."
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert [t.text for t in doc][-3:] == ["Putin", "said", "."]
    assert doc[2].whitespace_ == " "  # the last piece of the run, then "Putin"


# ---------------------------------------------------------------- the sentence splitter
def test_a_sentence_may_start_with_a_guillemet_or_any_capital():
    assert sentences("«We are worried,» Lavrov said. «We are not,» he said.") == [
        "«We are worried,» Lavrov said.", "«We are not,» he said."]
    assert sentences("Talks ended. Çavuşoğlu left. Özil stayed.") == ["Talks ended.", "Çavuşoğlu left.",
                                                                       "Özil stayed."]
    assert sentences("It ended. „Good,“ she said.") == ["It ended.", "„Good,“ she said."]


def test_the_splitter_still_keeps_abbreviations_and_lower_case_words_inside():
    assert sentences("Mr. Putin met U.S. envoys on Sept. 5 in Moscow. they left.") == [
        "Mr. Putin met U.S. envoys on Sept. 5 in Moscow. they left."]


def test_a_sentence_longer_than_sentence_chars_is_cut_at_a_stop():
    text = fill("we are worried, Lavrov said. ", 5000).strip()
    parts = sentences(text)
    assert all(len(p) <= LEX.window.sentence_chars for p in parts)
    assert all(p.endswith("said.") for p in parts[:-1])  # cut where a sentence ends, not mid-word


def test_a_sentence_without_stops_is_cut_at_a_space():
    text = fill("Mr. ", 25_000).strip()
    parts = sentences(text)
    assert len(parts) <= 25_000 // LEX.window.sentence_chars + 2
    assert all(0 < len(p) <= LEX.window.sentence_chars and p.startswith("Mr.") for p in parts)


def test_a_sentence_without_spaces_is_cut_at_sentence_chars():
    text = "A" * 2500
    assert [len(p) for p in sentences(text)] == [1000, 1000, 500]


# ---------------------------------------------------------------- the acronym pattern
def test_the_acronym_pattern_reads_names_as_before():
    pattern = acronym_pattern(LEX.window.acronym_words, LEX.actors.acronym_connectors)
    found = [(m.group("long"), m.group("short")) for m in pattern.finditer(
        "the Collective Security Treaty Organization (CSTO) and x-Rapid Support Forces (RSF) met")]
    assert found == [("Collective Security Treaty Organization", "CSTO"), ("Rapid Support Forces", "RSF")]


def test_the_acronym_pattern_starts_a_name_at_the_first_capital_of_a_word():
    pattern = acronym_pattern(LEX.window.acronym_words, LEX.actors.acronym_connectors)
    found = [(m.group("long"), m.group("short")) for m in pattern.finditer(
        "McCain Institute (MI); AAAA Council; de-Gaulle Foundation (GF)")]
    assert found == [("McCain Institute", "MI"), ("Gaulle Foundation", "GF")]


# ---------------------------------------------------------------- whole articles
@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_a_100_kb_pathological_article_gives_a_small_bounded_record(nlp, name):
    text = "Fuzz headline\n" + PATHOLOGICAL[name](100_000) + "\n"
    record = doc_to_record(read_text(nlp, text), "a.txt")
    assert all(e - s <= LEX.window.sentence_chars for s, e in ((sp.start, sp.end) for sp in record.sentences))
    # a statement's text lies in its sentences; all statements together are not more than the article
    said = sum(len(st.text) for st in record.statements)
    evidence = sum(len(st.evidence) for st in record.statements) + sum(len(f.evidence) for f in record.facts)
    assert said <= len(text)
    assert evidence <= 3 * len(text)
    assert graph_bytes(record) <= 10 * len(text)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["quotation marks", "one letter", "Council x N", "guillemet quotes, one paragraph",
                                  "sentences starting with Ç"])
def test_one_megabyte_of_a_pathological_article_gives_at_most_a_few_megabytes_of_graph(nlp, name):
    text = "Fuzz headline\n" + PATHOLOGICAL[name](1_000_000) + "\n"
    record = doc_to_record(read_text(nlp, text), "a.txt")
    assert graph_bytes(record) <= 3_000_000
