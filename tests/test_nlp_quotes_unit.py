"""kg.nlp.quotes, speakers and reported as pure functions, on hand-built Docs."""
from test_nlp_handbuilt import LEX, NLP, hand_doc, key

from kg.nlp.quotes import QuoteReader, find_quotes, find_statements
from kg.nlp.speakers import QuoteContext, candidate_ending_at

ACTORS = {"Ilsa Marrow": "Person", "Norland Pact": "Organization"}
MARROW = key("Person", "Ilsa Marrow")


def said(reading):
    return [(s.speaker, s.text, s.direct, s.rule, s.confidence) for s in reading.statements]


def test_find_quotes_reads_the_marks():
    doc = hand_doc('She said “we will stay here for good” and left.', ACTORS)
    [q] = find_quotes(doc)
    assert doc._.kg_layout.text[q.start:q.end] == "we will stay here for good"
    assert q.words == 6


def test_quote_framed_after_by_a_name():
    doc = hand_doc('"We will never give up the northern valleys," Ilsa Marrow said.', ACTORS)
    assert said(find_statements(doc, LEX)) == [
        (MARROW, "We will never give up the northern valleys,", True, "quote-after", LEX.confidence.quote_named)]


def test_a_pronoun_frame_means_the_person_named_before():
    doc = hand_doc('Ilsa Marrow arrived on Monday. "This is a good day for everyone," she added.', ACTORS)
    reading = find_statements(doc, LEX)
    assert [(s.speaker, s.confidence) for s in reading.statements] == [(MARROW, LEX.confidence.quote_described)]
    assert [(m.key, m.role) for m in reading.pronoun_mentions] == [(MARROW, "pronoun")]


def test_reported_speech_after_that():
    doc = hand_doc("Ilsa Marrow said that the talks would resume next week.", ACTORS)
    assert said(find_statements(doc, LEX)) == [
        (MARROW, "the talks would resume next week", False, "reported", LEX.confidence.reported_named)]


def test_according_to():
    doc = hand_doc("According to the Norland Pact, the border will open in spring.", ACTORS)
    assert [(s.speaker, s.rule) for s in find_statements(doc, LEX).statements] == [
        (key("Organization", "Norland Pact"), "according-to")]


def test_speaker_ending_before_a_token():
    doc = hand_doc("Ilsa Marrow said nothing.", ACTORS)
    ctx = QuoteContext.of(doc, LEX)
    verb = next(t.i for t in doc if t.text == "said")
    found = candidate_ending_at(ctx, verb, doc._.kg_sent_of[verb])
    assert (found.key, found.how) == (MARROW, "mention")


def test_the_component_keeps_nothing_of_a_document():
    reader = QuoteReader(NLP, LEX)
    before = dict(vars(reader))
    doc = reader(hand_doc('Ilsa Marrow arrived. "This is a good day for everyone," she added.', ACTORS))
    assert len(doc._.kg_statements) == 1
    assert doc._.kg_entities[MARROW].mentions == 2  # the name and the pronoun
    assert vars(reader) == before


def test_according_to_at_the_end_of_the_sentence():
    doc = hand_doc("The border will open again in the spring, according to Ilsa Marrow.", ACTORS)
    assert [(s.speaker, s.text, s.rule) for s in find_statements(doc, LEX).statements] == [
        (MARROW, "The border will open again in the spring", "according-to")]
    # no actor ends the sentence: no statement
    doc = hand_doc("The border will open again in the spring, according to sources close to Ilsa Marrow's team.", ACTORS)
    assert find_statements(doc, LEX).statements == []
