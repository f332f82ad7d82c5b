"""kg.nlp.lexicon: the typed groups, windows and confidences of kg/data/lexicon.toml."""
import dataclasses
import re
from importlib import resources

import pytest
from test_nlp_handbuilt import LEX, hand_doc

import kg.nlp.entities
from kg.errors import InputError
from kg.kb import SURFACE_KINDS
from kg.nlp.layout import read_layout
from kg.nlp.lexicon import Confidences, Windows, load_lexicon
from kg.records import ENTITY_TYPES


def test_windows_are_positive_whole_numbers():
    for f in dataclasses.fields(Windows):
        value = getattr(LEX.window, f.name)
        assert isinstance(value, int) and value > 0, f.name


def test_confidences_are_between_zero_and_one():
    for f in dataclasses.fields(Confidences):
        assert 0 < getattr(LEX.confidence, f.name) <= 1, f.name


def test_word_groups_are_lower_case_sets():
    assert "said" in LEX.speech.verbs and "de" in LEX.actors.name_particles
    assert "unites" in LEX.relations.strong_list_cues and "with" in LEX.relations.clause_words
    assert ("it", "is", "noted") in LEX.speech.impersonal
    assert {"'s", "’s", "'", "’"} == LEX.grammar.possessive and "an" in LEX.grammar.indefinite_articles
    assert "this" in LEX.speech.anaphor_determiners and "that" in LEX.relations.anaphor_determiners


def test_a_missing_window_is_an_input_error(tmp_path):
    text = resources.files("kg").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    broken = tmp_path / "lexicon.toml"
    broken.write_text(text.replace("part_of_gap = 12", ""), encoding="utf-8")
    with pytest.raises(InputError, match="part_of_gap"):
        load_lexicon(str(broken))


def test_every_word_field_says_where_it_is_read_from_and_a_missing_list_is_an_input_error(tmp_path):
    from kg.nlp.lexicon_groups import WORDS

    groups = (LEX.grammar, LEX.actors, LEX.roles, LEX.speech, LEX.relations, LEX.places)
    sourced = [f for group in groups for f in dataclasses.fields(group) if WORDS in f.metadata]
    assert len(sourced) > 150 and all(isinstance(getattr(g, f.name), frozenset)
                                      for g in groups for f in dataclasses.fields(g) if WORDS in f.metadata)
    assert "not" in LEX.relations.negations and "in" in LEX.places.prepositions
    assert LEX.roles.anaphor_nouns == LEX.relations.anaphors  # two lists united, read in two groups
    text = resources.files("kg").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    broken = tmp_path / "lexicon.toml"
    broken.write_text(re.sub(r"(?m)^negations = ", "negations_gone = ", text), encoding="utf-8")
    with pytest.raises(InputError, match=r"\[relations\] lacks negations"):
        load_lexicon(str(broken))


def test_dateline_patterns_come_from_the_lexicon():
    layout = read_layout("Talks resume\n\nKESSRA, May 3. /Norpress/. The talks resumed on Monday.", LEX)
    assert (layout.dateline, layout.publisher) == ("KESSRA, May 3. /Norpress/.", "Norpress")


def test_sentence_of_tokens_leaves_spaces_and_the_dateline_out():
    doc = hand_doc("VELSK, May 3. /Norpress/. Talks resumed. They ended.")
    words = {t.text: doc._.kg_sent_of[t.i] for t in doc}
    assert (words["VELSK"], words["Talks"], words["They"], words["\n\n"]) == (-1, 1, 2, -1)


def test_months_and_dates_come_from_the_lexicon():
    assert (LEX.months["jan"], LEX.months["sept"], LEX.months["december"]) == (1, 9, 12)
    assert all({"year", "month", "day"} <= set(p.groupindex) for p in LEX.dates)


def test_a_date_pattern_without_its_groups_is_an_input_error(tmp_path):
    text = resources.files("kg").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    broken = tmp_path / "lexicon.toml"
    broken.write_text(text.replace("(?P<year>\\d{4})-", "(?P<yr>\\d{4})-", 1), encoding="utf-8")
    with pytest.raises(InputError, match="year"):
        load_lexicon(str(broken))


def test_every_entity_rule_has_a_priority():
    rules = re.findall(r"^``([a-z-]+)``", kg.nlp.entities.__doc__, re.MULTILINE)
    assert len(rules) >= 10 and set(rules) <= set(LEX.entities.priority)
    assert "metonym" in LEX.entities.priority


def test_surface_kind_ranks_cover_the_knowledge_base_kinds_and_model_types_are_kg_types():
    assert set(SURFACE_KINDS) <= set(LEX.entities.surface_kind_rank)
    assert set(LEX.entities.model_types.values()) <= set(ENTITY_TYPES)


def test_a_model_type_kg_does_not_know_is_an_input_error(tmp_path):
    text = resources.files("kg").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    broken = tmp_path / "lexicon.toml"
    broken.write_text(text.replace('FAC = "Place"', 'FAC = "Building"'), encoding="utf-8")
    with pytest.raises(InputError, match="Building"):
        load_lexicon(str(broken))
