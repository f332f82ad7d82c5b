"""What a trained spaCy pipeline adds to the rules: its entities, held to a rule's checks."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.candidates import Candidate, EntityContext, name_token
from kg.nlp.doc import new_key


def model_entities(ctx: EntityContext, doc: Doc, taken: set[int]) -> list[Candidate]:
    """A trained pipeline's entities, held to a rule candidate's checks so that a model
    never makes kg worse: none where kg's own rules or the knowledge base read any token
    (``taken``); every word a name word ("Zohrab", "Çavuşoğlu"), none a title word
    ("President"), a demonym or a country ("Azerbaijani Ilham Aliyev"); a person of two
    words at least, and so an organization or a place (one word is a rule's only with its
    definition: "… Union (NFU)"); a
    country only if the knowledge base knows it (it knows them all); a place the model
    calls a country only if the gazetteer knows it."""
    out = []
    for ent in doc.ents:
        type_ = ctx.lex.entities.model_types.get(ent.label_)
        if type_ is None or any(i in taken for i in range(ent.start, ent.end)):
            continue
        start = ent.start + (1 if ent[0].lower_ in ctx.lex.grammar.articles else 0)
        words = doc[start:ent.end]
        if not len(words) or not all(name_token(doc, ctx, t.i) or t.text in ("-", "&")
                                     or (t.is_upper and t.is_alpha and len(t) > 1) for t in words):
            continue
        if any(t.lower_ in ctx.lex.title_words or t.text in ctx.tables.surfaces for t in words) \
                or words.text.lower() in ctx.lex.titles:
            continue
        if len(words) == 1:
            continue  # "Turkic", "West", "UPD": one word is no evidence of a name (a rule wants a definition)
        if words[-1].lower_ in ctx.lex.actors.event_heads:
            continue  # "Normandy Four Summit": an event, not an actor
        label = words.text
        known = ctx.kb.by_name(label)
        if known:
            actor = known[0]
            out.append(Candidate(start, ent.end, "kb:" + actor.id, actor.type, "model", actor.name,
                                 wikidata=actor.wikidata, kb_aliases=actor.names()))
            continue
        if type_ == "Country":  # every country is in the knowledge base: a GPE it lacks is a place
            if label not in ctx.tables.gazetteer:
                continue
            type_ = "Place"
        if type_ == "Person" and len(words) < 2:
            continue
        out.append(Candidate(start, ent.end, new_key(type_, label), type_, "model", label))
    return out
