"""kg.nlp.entities, candidates and names as pure functions, on hand-built Docs.

The knowledge base is the packaged one; the names here are not in it.
"""
import pytest
from test_nlp_handbuilt import LEX, NLP, hand_doc

from kg.kb import load_kb
from kg.nlp.candidates import EntityContext, acronym_pattern, acronyms, entity_tables, is_name_token
from kg.nlp.entities import EntityRecognizer, find_entities
from kg.nlp.names import name_run

TABLES = entity_tables(NLP, load_kb(), LEX)


def found(body):
    reading = find_entities(hand_doc(body), TABLES, LEX)
    return {(reading.entities[m.key].label, m.type, m.rule) for m in reading.mentions}


@pytest.mark.parametrize("word, ok", [("Zohrab", True), ("Çavuşoğlu", True), ("McCain", True),
                                      ("Mbeki-Larsson", True), ("NATO", False), ("x", False), ("the", False)])
def test_is_name_token(word, ok):
    assert is_name_token(word) is ok


def test_person_after_a_title():
    assert found("Secretary General Orla Venn spoke.") == {("Orla Venn", "Person", "title-cue")}


def test_person_before_a_speech_verb():
    assert found("Orla Venn said the plan was sound.") == {("Orla Venn", "Person", "speech-cue")}


def test_an_acronym_defined_in_the_text_names_the_organization_later():
    labels = found("The Tarvin Valley Council (TVC) met. The TVC said it would meet again.")
    assert ("Tarvin Valley Council", "Organization", "acronym") in labels
    assert ("Tarvin Valley Council", "Organization", "alias") in labels


def test_acronyms_needs_the_letters_to_spell_the_name():
    doc = hand_doc("The Tarvin Valley Council (XYZ) met.")
    assert acronyms(doc, EntityContext.of(doc, TABLES, LEX), {}) == []


def test_name_run_takes_particles():
    doc = hand_doc("Met Thomas de Waal today.")
    ctx = EntityContext.of(doc, TABLES, LEX)
    start = next(t.i for t in doc if t.text == "Thomas")
    assert doc[start:name_run(doc, ctx, start, LEX.window.title_name_words, set())].text == "Thomas de Waal"


def test_the_component_keeps_nothing_of_a_document():
    reader = EntityRecognizer(NLP)
    before = dict(vars(reader))
    doc = reader(hand_doc("Secretary General Orla Venn spoke."))
    assert [doc[m.start:m.end].text for m in doc._.kg_mentions] == ["Orla Venn"]
    assert [t.title for t in doc._.kg_titles] == ["Secretary General"]
    assert vars(reader) == before


def test_the_acronym_pattern_takes_its_connectors_from_the_lexicon():
    text = "the Council for Peace and Security (CPS) met"
    lexicon = acronym_pattern(LEX.window.acronym_words, LEX.actors.acronym_connectors)
    assert lexicon.search(text).group("long", "short") == ("Council for Peace and Security", "CPS")
    assert acronym_pattern(LEX.window.acronym_words, ("of",)).search(text) is None
