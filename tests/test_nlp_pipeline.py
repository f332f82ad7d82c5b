"""kg.nlp.pipeline: the whole stage — records, long articles, worker processes, trained pipelines."""
import pickle
from pathlib import Path

import pytest
import spacy
from spacy.training import Example

from kg.errors import InputError
from kg.nlp import make_pipeline, process_texts
from kg.records import SourceText

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def corpus_sources():
    return [SourceText(p.name, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]


def test_pipeline_components_are_spacy_factories():
    nlp = make_pipeline()
    assert nlp.pipe_names == ["kg_layout", "kg_entities", "kg_roles", "kg_relations", "kg_quotes"]


def test_the_blank_pipeline_computes_only_the_lexeme_attributes_kg_reads():
    from kg.nlp.doc import LEXEME_ATTRS

    nlp = make_pipeline()
    assert set(nlp.vocab.lex_attr_getters) == set(LEXEME_ATTRS)
    doc = nlp.make_doc("Talks in Velor: twelve delegates, 2024.")
    assert [t.lower_ for t in doc][:3] == ["talks", "in", "velor"]
    assert [t.text for t in doc if t.like_num] == ["twelve", "2024"]
    assert [t.text for t in doc if t.is_punct] == [":", ",", "."]
    assert not any(t.is_alpha for t in doc)  # not computed: kg never reads it


def test_kgs_components_read_no_lexeme_attribute_the_blank_pipeline_leaves_unset():
    """A rule that read ``token.is_alpha`` (say) would see False on every word: the blank
    pipeline computes only :data:`kg.nlp.doc.LEXEME_ATTRS` (a trained model's entities,
    kg.nlp.trained, come with the model's own vocabulary)."""
    import re

    unset = re.compile(r"\.(?:is_alpha|is_ascii|is_digit|is_lower|is_upper|is_title|is_bracket|is_quote"
                       r"|is_left_punct|is_right_punct|is_currency|is_stop|is_oov|like_url|like_email"
                       r"|shape_?|norm_?|prefix_?|suffix_?)\b")
    package = Path(__file__).resolve().parent.parent / "kg" / "nlp"
    found = [f"{path.name}:{n}" for path in sorted(package.glob("*.py")) if path.name != "trained.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if unset.search(line)]
    assert found == []


def test_records_are_plain_and_picklable():
    record = next(process_texts(corpus_sources()[:1]))
    again = pickle.loads(pickle.dumps(record))
    assert again == record
    assert record.title.startswith("Defense pact with Armenia")
    for m in record.mentions:  # offsets point into the text as read
        assert record.text[m.start:m.end] == m.text


def test_a_lead_that_repeats_the_first_sentence_gives_each_fact_once():
    lead = "Armenian Prime Minister Nikol Pashinyan said on Tuesday that the CSTO unites Armenia and Russia"
    text = f"Headline\n\n{lead}\n\n{lead}.\n\nMore news follows here."
    record = next(process_texts([SourceText("lead.txt", text)]))
    assert len([f for f in record.facts if f.predicate == "memberOf"]) == 2
    assert len(record.statements) == 1


def test_long_articles_are_read_whole():
    filler = "Nothing happened in the valley that day. " * 30_000  # > 1,000,000 characters
    text = "A very long report\n\n" + filler + "At the end, Armenian Prime Minister Nikol Pashinyan left."
    assert len(text) > 1_000_000
    record = next(process_texts([SourceText("long.txt", text)]))
    names = {e.label for e in record.entities}
    assert {"Nikol Pashinyan", "Armenia"} <= names
    assert any(f.predicate == "officialOf" for f in record.facts)


def test_worker_processes_give_the_same_records():
    sources = corpus_sources()
    serial = list(process_texts(sources))
    parallel = list(process_texts(sources, processes=2))
    assert [r.identifier for r in parallel] == [r.identifier for r in serial]
    assert parallel == serial


def test_unknown_model_is_a_clear_error():
    with pytest.raises(InputError, match="cannot load the spaCy pipeline 'no_such_pipeline_xyz'"):
        make_pipeline("no_such_pipeline_xyz")


@pytest.fixture(scope="module")
def tiny_trained_pipeline(tmp_path_factory):
    """A spaCy pipeline with an NER trained here on a few sentences (no download)."""
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("PERSON")
    sentences = [
        "Zorblat Quexley visited the museum.",
        "Yesterday Zorblat Quexley met the farmers.",
        "The farmers thanked Zorblat Quexley warmly.",
        "Many people like Zorblat Quexley and his dog.",
        "Later Zorblat Quexley went home.",
    ]
    examples = []
    for text in sentences:
        start = text.index("Zorblat Quexley")
        examples.append(Example.from_dict(nlp.make_doc(text),
                                          {"entities": [(start, start + len("Zorblat Quexley"), "PERSON")]}))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("model") / "tiny"
    nlp.to_disk(path)
    return str(path)


def test_trained_pipeline_entities_add_actors_the_rules_cannot_find(tiny_trained_pipeline):
    text = "Village news\n\nOn Monday Zorblat Quexley opened the new school in Armenia."
    blank = next(process_texts([SourceText("a.txt", text)]))
    assert "Zorblat Quexley" not in {e.label for e in blank.entities}
    trained = next(process_texts([SourceText("a.txt", text)], model=tiny_trained_pipeline))
    people = {e.label: e for e in trained.entities if e.type == "Person"}
    assert "Zorblat Quexley" in people
    assert any(m.rule == "model" and m.text == "Zorblat Quexley" for m in trained.mentions)
    assert "Armenia" in {e.label for e in trained.entities}  # the knowledge base still works


def test_each_component_declares_what_it_requires_and_assigns(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert all(not problems for problems in analysis["problems"].values())
    summary = analysis["summary"]
    assert "doc._.kg_layout" in summary["kg_layout"]["assigns"]
    assert "doc._.kg_mentions" in summary["kg_entities"]["assigns"]
    assert "doc._.kg_facts" in summary["kg_relations"]["requires"]
    assert "doc._.kg_statements" in summary["kg_quotes"]["assigns"]


def test_a_rules_measured_confidence_replaces_its_prior(read):
    from kg.nlp.lexicon import MIN_OBSERVED, load_calibration

    measured = load_calibration()
    record = read('"We will not give up our land," Foreign Minister Tomas Karvanian said.')
    statement = record.statements[0]
    assert statement.rule in measured  # quotes after the speaker are measured on dozens of sentences
    assert statement.confidence == measured[statement.rule]
    import tomllib
    from importlib import resources

    table = tomllib.loads(resources.files("kg").joinpath("data/confidence.toml").read_text(encoding="utf-8"))
    for rule, row in table["rules"].items():
        seen = row["right"] + row["wrong"]
        assert (rule in measured) == (seen >= MIN_OBSERVED)
        assert row["confidence"] == round((row["right"] + 1) / (seen + 2), 2)


def read_with_model_entities(nlp, body: str, spans: list[tuple[str, str]]):
    """``body`` read by kg's pipeline as if a trained NER had found ``spans`` (text, label)."""
    from spacy.tokens import Span as SpacySpan

    from kg.nlp import doc_to_record

    doc = nlp.make_doc(f"Headline of the story\n\n{body}")
    ents = []
    for text, label in spans:
        start = doc.text.index(text)
        span = doc.char_span(start, start + len(text), label=label)
        assert span is not None, text
        ents.append(SpacySpan(doc, span.start, span.end, label=label))
    doc.ents = ents
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc_to_record(doc, "test.txt")


@pytest.mark.parametrize("body, span, label", [
    ("Envoys of Armenia Tomas Karvanian spoke.", "Armenia Tomas Karvanian", "ORG"),  # overlaps the KB
    ("President Tomas Karvanian spoke.", "President Tomas Karvanian", "PERSON"),       # a title inside
    ("The delegation praised Westonia warmly.", "Westonia", "ORG"),                    # one plain word
    ("The delegation praised the NFFU warmly.", "NFFU", "ORG"),                        # an undefined acronym
    ("Leaders met at the Westonia Four Summit.", "Westonia Four Summit", "ORG"),       # an event
    ("Talks went on in Zorblatia yesterday.", "Zorblatia", "GPE"),                     # a country kg lacks
])
def test_a_model_entity_a_rule_would_not_accept_is_left_out(nlp, body, span, label):
    record = read_with_model_entities(nlp, body, [(span, label)])
    assert not any(m.rule == "model" for m in record.mentions), record.mentions


def test_a_model_entity_where_no_rule_reads_is_kept(nlp):
    record = read_with_model_entities(nlp, "The farmers thanked Zorblat Quexley and Quexley Brothers.",
                                      [("Zorblat Quexley", "PERSON"), ("Quexley Brothers", "ORG")])
    found = {(m.text, m.rule) for m in record.mentions}
    assert {("Zorblat Quexley", "model"), ("Quexley Brothers", "model")} <= found


def test_articles_go_to_workers_in_chunks_that_share_a_small_corpus_among_all():
    from kg.nlp.workers import CHUNK_ARTICLES, chunk_size

    assert chunk_size(1729, 2) == CHUNK_ARTICLES  # a big corpus: few messages
    assert chunk_size(100, 2) == 12  # four chunks per worker at least
    assert chunk_size(5, 2) == chunk_size(0, 3) == 1
