"""Actors in the text: the knowledge base's names, acronyms defined in the text, and
actors the knowledge base does not know, found from cues.

Rules (each a ``rule`` name on the mention it makes):

``kb``            a name, alias or acronym of the knowledge base ("Putin", "CSTO")
``demonym``       an adjective or people-noun of a country ("Russian", "Azeri")
``capital``       a capital as a place ("a press conference in Yerevan")
``metonym``       a capital for its government ("Moscow says" -> Russia)
``ministry``      "Azerbaijan's Defense Ministry" -> Ministry of Defense of Azerbaijan
``acronym``       "Foo Bar Organization (FBO)" defines FBO for the rest of the text
``org-head``      a capitalised name ending in an organization or place word
                  ("Council of Foreign Ministers", "Nagorno-Karabakh Autonomous Region")
``title-cue``     a capitalised name after a title ("Secretary General Antonio Guterres")
``speech-cue``    a capitalised name before a speech verb ("Hikmet Hajiyev said")
``dateline``      the place of a dateline ("MOSCOW, July 14. /TASS/.")
``model``         an entity of a trained spaCy pipeline (``kg build --model``)
``alias``         a later short form of an actor the text introduced ("Mnatsakanyan")

Overlapping candidates: the longest wins, then the rule listed first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.kb import KnowledgeBase, load_kb
from kg.nlp.doc import EntityInfo, TitleSpan, TokMention, ensure_extensions, new_key
from kg.nlp.lexicon import Lexicon, load_lexicon

PRIORITY = {
    "ministry": 0, "kb": 1, "demonym": 1, "capital": 1, "dateline": 1, "acronym": 2,
    "org-head": 3, "title-cue": 4, "speech-cue": 5, "model": 6, "alias": 7,
}
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "al", "bin", "ibn"})
KIND_RANK = {"name": 0, "alias": 1, "acronym": 2, "capital": 3, "demonym": 4}
MODEL_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Country", "LOC": "Place", "FAC": "Place"}
_ACRONYM_DEF = re.compile(
    r"(?P<long>(?:[A-Z][\w’'&.-]*)(?:\s+(?:[A-Z][\w’'&.-]*|of|for|and|the|on|in|&)){1,10})"
    r"\s+\((?P<short>[A-Z][A-Za-z&.-]{1,9})\)"
)


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    key: str
    type: str
    rule: str
    label: str
    role: str = "name"
    wikidata: str | None = None
    kb_aliases: tuple[str, ...] = ()
    ambiguous: bool = False


def is_name_token(text: str) -> bool:
    """A capitalised word that can be part of a name ("Zohrab", "Çavuşoğlu", "McCain")."""
    if len(text) < 2 or not text[0].isupper():
        return False
    rest = text[1:].replace("-", "").replace("'", "").replace("’", "")
    return rest.isalpha() and (rest.islower() or (len(rest) > 2 and rest[0].islower()))


class EntityRecognizer:
    """spaCy component ``kg_entities``: writes ``Doc._.kg_mentions``, ``kg_entities``, ``kg_titles``."""

    def __init__(self, nlp: Language, kb_files: tuple[str, ...] = (), use_model_entities: bool = True):
        ensure_extensions()
        self.kb: KnowledgeBase = load_kb(*kb_files) if kb_files else load_kb()
        self.lex: Lexicon = load_lexicon()
        self.use_model_entities = use_model_entities
        self.surfaces: dict[str, tuple[str, str]] = {}  # surface -> (actor id, kind)
        ambiguous: set[str] = set()
        for surface, actor_id, kind in self.kb.surface_forms():
            surface = surface.strip()
            if surface.lower().startswith("the ") and len(surface) > 4:
                surface = surface[4:]  # "the United States": the article is not part of the name
            if not surface:
                continue
            have = self.surfaces.get(surface)
            if have is None or KIND_RANK[kind] < KIND_RANK[have[1]]:
                if have is not None and have[0] != actor_id and KIND_RANK[kind] == KIND_RANK[have[1]]:
                    ambiguous.add(surface)
                self.surfaces[surface] = (actor_id, kind)
            elif have[0] != actor_id and KIND_RANK[kind] == KIND_RANK[have[1]]:
                ambiguous.add(surface)
        for actor in self.kb:
            ambiguous.update(actor.ambiguous)
        self.ambiguous = frozenset(ambiguous)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for surface in sorted(self.surfaces):
            self.matcher.add(surface, [nlp.make_doc(surface)])
        self.title_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for surface in sorted(self.lex.titles):
            self.title_matcher.add(surface, [nlp.make_doc(surface)])
        self.vocab = nlp.vocab
        self.not_names = self.lex.words("actors", "not_names")
        self.org_heads = self.lex.words("actors", "organization_heads")
        self.place_heads = self.lex.words("actors", "place_heads")
        self.connectors = self.lex.words("actors", "name_connectors")
        self.locative = self.lex.words("actors", "locative_prepositions")
        self.speech_verbs = self.lex.words("speech", "verbs")
        self.domains = {k.lower(): v for k, v in self.lex.value("actors", "ministry_domains").items()}

    # ------------------------------------------------------------------ helpers
    def _name_token(self, doc: Doc, i: int) -> bool:
        t = doc[i]
        return is_name_token(t.text) and t.lower_ not in self.not_names

    def _kb_candidate(self, doc: Doc, start: int, end: int, surface: str) -> Candidate | None:
        actor_id, kind = self.surfaces[surface]
        actor = self.kb[actor_id]
        ambiguous = surface in self.ambiguous
        if kind == "demonym":
            return Candidate(start, end, "kb:" + actor.id, actor.type, "demonym", actor.name, "demonym",
                             actor.wikidata, actor.names(), ambiguous)
        country = self.kb.country_for_capital(actor.id) if actor.type == "Place" else None
        if kind == "capital" or country is not None:
            if kind != "capital":  # the capital's own name: "Moscow"
                capital, actor = actor, country
            else:
                capital = self.kb[actor.capital] if actor.capital in self.kb else None
            j = start - 1
            while j >= 0 and doc[j].lower_ == "the":
                j -= 1
            if capital is not None and j >= 0 and doc[j].lower_ in self.locative:
                return Candidate(start, end, "kb:" + capital.id, capital.type, "capital", capital.name,
                                 "name", capital.wikidata, capital.names(), ambiguous)
            return Candidate(start, end, "kb:" + actor.id, actor.type, "metonym", actor.name, "metonym",
                             actor.wikidata, actor.names(), ambiguous)
        return Candidate(start, end, "kb:" + actor.id, actor.type, "kb", actor.name, "name",
                         actor.wikidata, actor.names(), ambiguous)

    def _ministries(self, doc: Doc, kb_spans: list[Candidate]) -> list[Candidate]:
        """ "Azerbaijan's Defense Ministry", "the Armenian defense ministry", "Ministry of Defense of X"."""
        country_end = {c.end: c for c in kb_spans if c.type == "Country"}
        country_start = {c.start: c for c in kb_spans if c.type == "Country"}
        out = []
        lower = doc._.kg_tokens.lower
        for i in (i for i, w in enumerate(lower) if w == "ministry"):
            # X('s) DOMAIN ministry
            for width in (2, 1):
                a = i - width
                if a < 1:
                    continue
                domain = " ".join(t.lower_ for t in doc[a:i])
                if domain not in self.domains:
                    continue
                b = a
                if doc[b - 1].lower_ in ("'s", "’s"):
                    b -= 1
                country = country_end.get(b)
                if country is not None:
                    label = f"Ministry of {self.domains[domain]} of {country.label}"
                    out.append(Candidate(country.start, i + 1, new_key("Organization", label), "Organization",
                                         "ministry", label))
                    break
            else:
                # Ministry of DOMAIN (of|for)? X
                if i + 2 < len(doc) and doc[i + 1].lower_ == "of":
                    for width in (2, 1):
                        domain = " ".join(t.lower_ for t in doc[i + 2:i + 2 + width])
                        if domain in self.domains:
                            j = i + 2 + width
                            if j < len(doc) and doc[j].lower_ in ("of", "for"):
                                j += 1
                            if j < len(doc) and doc[j].lower_ == "the":
                                j += 1
                            country = country_start.get(j)
                            if country is not None:
                                label = f"Ministry of {self.domains[domain]} of {country.label}"
                                out.append(Candidate(i, country.end, new_key("Organization", label),
                                                     "Organization", "ministry", label))
                            break
        return out

    def _acronyms(self, doc: Doc, sent_of: list[int], kb_by_span: dict[tuple[int, int], Candidate]) -> list[Candidate]:
        out = []
        text = doc._.kg_layout.text
        for m in _ACRONYM_DEF.finditer(text):
            long_span = doc.char_span(m.start("long"), m.end("long"), alignment_mode="contract")
            short_span = doc.char_span(m.start("short"), m.end("short"), alignment_mode="contract")
            if long_span is None or short_span is None or sent_of[long_span.start] < 0:
                continue
            short = m.group("short")
            letters = re.sub(r"[^A-Za-z]", "", short).upper()
            start = None
            for i in range(long_span.start, long_span.end):
                words = [w for w in re.split(r"[\s-]+", doc[i:long_span.end].text) if w and w[0].isupper()]
                if doc[i].text[:1].isupper() and "".join(w[0] for w in words).upper() == letters:
                    start = i
                    break
            if start is None:
                continue  # the letters do not spell the name before them
            if any(c.start <= start and c.end >= long_span.end for c in kb_by_span.values()):
                continue  # the knowledge base knows it: its acronym is already there
            label = doc[start:long_span.end].text
            key = new_key("Organization", label)
            out.append(Candidate(start, long_span.end, key, "Organization", "acronym", label,
                                 kb_aliases=(short,)))
        return out

    def _org_heads(self, doc: Doc, sent_of: list[int], kb_cands: list[Candidate]) -> list[Candidate]:
        """Capitalised names ending in an organization or place word."""
        kb_end = {c.end: c for c in kb_cands if c.role == "name"}
        kb_start = {c.start: c for c in kb_cands if c.role == "name"}
        out = []
        n = len(doc)
        table = doc._.kg_tokens
        heads = self.org_heads | self.place_heads
        for i in [i for i, w in enumerate(table.lower) if w in heads]:
            low = table.lower[i]
            if not table.text[i][:1].isupper() or sent_of[i] < 0:
                continue
            tok = doc[i]
            is_org = low in self.org_heads
            is_place = low in self.place_heads
            if low == "ministry":
                continue
            # left: capitalised words or a known name
            a = tok.i
            while a > 0 and sent_of[a - 1] == sent_of[tok.i]:
                prev = kb_end.get(a)
                if prev is not None:
                    a = prev.start
                    continue
                if self._name_token(doc, a - 1) or (doc[a - 1].text.isupper() and len(doc[a - 1]) > 1 and doc[a - 1].is_alpha):
                    a -= 1
                    continue
                if doc[a - 1].text == "-" and a - 2 >= 0 and doc[a - 2].text[:1].isupper() and not doc[a - 1].whitespace_:
                    a -= 2
                    continue
                if (doc[a - 1].lower_ in ("and", "&") and a - 2 >= 0 and a < tok.i
                        and self._name_token(doc, a - 2) and sent_of[a - 2] == sent_of[tok.i]):
                    a -= 2  # "Peace and Security Council"
                    continue
                break
            # right: "of (the) Capitalised …"
            b = tok.i + 1
            if b < n and doc[b].lower_ in ("of", "for", "on") and sent_of[b] == sent_of[tok.i]:
                j = b + 1
                if j < n and doc[j].lower_ == "the":
                    j += 1
                last_good = None
                while j < n and sent_of[j] == sent_of[tok.i]:
                    known = kb_start.get(j)
                    if known is not None:
                        j = known.end
                        last_good = j
                        continue
                    t = doc[j]
                    if self._name_token(doc, j) or (t.text.isupper() and t.is_alpha and len(t) > 1):
                        j += 1
                        last_good = j
                        continue
                    if t.lower_ in self.connectors and j + 1 < n and doc[j + 1].text[:1].isupper() and doc[j + 1].lower_ != "the" and t.lower_ != "the":
                        j += 1
                        continue
                    if t.text == "-" and not doc[j - 1].whitespace_ and j + 1 < n and doc[j + 1].text[:1].isupper():
                        j += 1
                        continue
                    break
                if last_good is not None:
                    b = last_good
            if b - a < 2:
                continue
            type_ = "Organization" if is_org else "Place"
            label = doc[a:b].text
            aliases: tuple[str, ...] = ()
            # "Secretariat of the CSTO" -> "CSTO Secretariat"
            if b > tok.i + 1 and a == tok.i:
                owner = kb_start.get(tok.i + 2) or kb_start.get(tok.i + 3)
                if owner is not None and owner.end == b and owner.type == "Organization":
                    short = self.kb[owner.key[3:]].acronym or owner.label
                    aliases = (label, f"{tok.text} of the {owner.label}", f"{tok.text} of the {short}",
                               f"{owner.label} {tok.text}")
                    label = f"{short} {tok.text}"
            if " of the " in label:
                aliases = (*aliases, label.replace(" of the ", " of "))
            out.append(Candidate(a, b, new_key(type_, label), type_, "org-head", label, kb_aliases=aliases))
        return out

    def _persons_after_titles(self, doc: Doc, titles: list[TitleSpan], kb_start: dict[int, Candidate],
                              kb_tokens: set[int]) -> list[Candidate]:
        out = []
        n = len(doc)
        for t in titles:
            j = t.end
            # "the top diplomats of Armenia and Azerbaijan Zohrab Mnatsakanyan and Elmar Mammadyarov"
            if j < n and doc[j].lower_ == "of":
                j += 1
                while j < n:
                    if doc[j].lower_ in ("the", ",", "and"):
                        j += 1
                        continue
                    known = kb_start.get(j)
                    if known is not None and known.type in ("Country", "Organization", "Place"):
                        j = known.end
                        continue
                    break
            while j < n:
                if kb_start.get(j) is not None:
                    break
                k = self._name_run(doc, j, 4, kb_tokens)
                if k - j >= 2 or (k - j == 1 and doc[t.start].text[:1].isupper() and not t.plural):
                    label = doc[j:k].text
                    out.append(Candidate(j, k, new_key("Person", label), "Person", "title-cue", label))
                if not t.plural or k == j:
                    break
                j = k
                if j < n and doc[j].lower_ in ("and", ","):
                    j += 1
                    continue
                break
        return out

    def _persons_before_titles(self, doc: Doc, titles: list[TitleSpan], kb_end: dict[int, Candidate],
                               kb_tokens: set[int]) -> list[Candidate]:
        """ "Anna Kovalenko, Ukraine's foreign minister": a name in apposition to a title."""
        out = []
        for t in titles:
            b = t.start
            if b > 0 and doc[b - 1].lower_ in ("'s", "’s"):
                b -= 1
            qual = kb_end.get(b)
            if qual is None or qual.type not in ("Country", "Organization"):
                continue
            a = qual.start
            if a > 0 and doc[a - 1].lower_ == "the":
                a -= 1
            if a < 3 or doc[a - 1].text != ",":
                continue
            end = a - 1
            start = end
            while start > 0 and end - start < 4 and self._name_token(doc, start - 1) and start - 1 not in kb_tokens:
                start -= 1
            if end - start >= 2:
                label = doc[start:end].text
                out.append(Candidate(start, end, new_key("Person", label), "Person", "title-cue", label))
        return out

    def _persons_before_speech(self, doc: Doc, sent_of: list[int], kb_tokens: set[int]) -> list[Candidate]:
        """ "Omar Trent said", and past an apposition: "Thomas de Waal, a fellow at X, said"."""
        out = []
        for k in [i for i, w in enumerate(doc._.kg_tokens.lower) if w in self.speech_verbs and i >= 2]:
            end = k
            if doc[k - 1].text == ",":
                end = next((c for c in range(k - 2, max(0, k - 20), -1)
                            if doc[c].text == "," and sent_of[c] == sent_of[k]), None)
                if end is None:
                    continue
            start = self._name_run_before(doc, end, 3, kb_tokens, sent_of)
            if end - start >= 2 and doc[end - 1].lower_ not in self.org_heads and doc[end - 1].lower_ not in self.place_heads:
                label = doc[start:end].text
                out.append(Candidate(start, end, new_key("Person", label), "Person", "speech-cue", label))
        return out

    def _name_run_before(self, doc: Doc, end: int, max_words: int, forbidden: set[int], sent_of: list[int]) -> int:
        """Start of the capitalised name ending at token ``end`` ("Thomas de Waal")."""
        j, words = end, 0
        while j > 0 and words < max_words and sent_of[j - 1] == sent_of[end - 1]:
            t = doc[j - 1]
            if j - 1 in forbidden or t.lower_ in self.lex.titles:
                break
            if self._name_token(doc, j - 1):
                j -= 1
                words += 1
                continue
            if t.lower_ in NAME_PARTICLES and words and j - 2 >= 0 and self._name_token(doc, j - 2):
                j -= 1
                continue
            break
        return j

    def _model_entities(self, doc: Doc) -> list[Candidate]:
        out = []
        for ent in doc.ents:
            type_ = MODEL_TYPES.get(ent.label_)
            if type_ is None:
                continue
            label = ent.text.strip()
            if label.lower().startswith("the "):
                label = label[4:]
            if not label or not label[0].isupper():
                continue
            known = self.kb.by_name(label)
            if known:
                a = known[0]
                out.append(Candidate(ent.start, ent.end, "kb:" + a.id, a.type, "model", a.name,
                                     wikidata=a.wikidata, kb_aliases=a.names()))
            else:
                out.append(Candidate(ent.start, ent.end, new_key(type_, label), type_, "model", label))
        return out

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        layout = doc._.kg_layout
        sent_of: list[int] = doc._.kg_sent_of
        zone_of_sent = [z for _, _, z in layout.sentences]
        in_title = [s >= 0 and zone_of_sent[s] == "title" for s in sent_of]

        kb_cands = []
        for match_id, start, end in self.matcher(doc):
            if sent_of[start] < 0 and not self._in_dateline(doc, start, layout):
                continue
            cand = self._kb_candidate(doc, start, end, self.vocab.strings[match_id])
            if cand is None:
                continue
            if cand.ambiguous and in_title[start]:
                continue  # Title Case headlines capitalise common words too
            if sent_of[start] < 0:  # dateline place: always the place
                cand = self._dateline_place(cand)
            kb_cands.append(cand)
        kb_cands.extend(self._dateline_candidates(doc, layout, kb_cands))
        kb_cands = self._other_people_with_a_known_surname(doc, kb_cands)
        kb_by_span = {(c.start, c.end): c for c in kb_cands}
        kb_start = {c.start: c for c in kb_cands}
        kb_tokens = {i for c in kb_cands for i in range(c.start, c.end)}

        titles = self._titles(doc, sent_of)
        doc._.kg_titles = titles

        cands = list(kb_cands)
        body = [c for c in (
            self._ministries(doc, kb_cands)
            + self._acronyms(doc, sent_of, kb_by_span)
            + self._org_heads(doc, sent_of, kb_cands)
            + self._persons_after_titles(doc, titles, kb_start, kb_tokens)
            + self._persons_before_titles(doc, titles, {c.end: c for c in kb_cands}, kb_tokens)
            + self._persons_before_speech(doc, sent_of, kb_tokens)
            + (self._model_entities(doc) if self.use_model_entities and doc.has_annotation("ENT_IOB") else [])
        ) if sent_of[c.start] >= 0 and not in_title[c.start]]
        cands.extend(body)
        chosen = _resolve_overlaps(cands)
        chosen = self._propagate_aliases(doc, sent_of, in_title, chosen)
        chosen = _add_nested(chosen, kb_cands, doc._.kg_tokens.lower)
        self._write(doc, sent_of, chosen)
        return doc

    def _other_people_with_a_known_surname(self, doc: Doc, kb_cands: list[Candidate]) -> list[Candidate]:
        """ "Vagharshak Harutyunyan" is not the KB's Arayik Harutyunyan: a surname alias
        after an unknown first name names someone else."""
        covered = {i for c in kb_cands for i in range(c.start, c.end)}
        out = []
        for c in kb_cands:
            if c.type == "Person" and c.end - c.start == 1 and c.start > 0:
                j = c.start
                while j > 0 and c.start - j < 3 and j - 1 not in covered and self._name_token(doc, j - 1) \
                        and doc[j - 1].lower_ not in self.lex.titles:
                    j -= 1
                if j < c.start:
                    label = doc[j:c.end].text
                    out.append(Candidate(j, c.end, new_key("Person", label), "Person", "title-cue", label))
                    continue
            out.append(c)
        return out

    def _dateline_candidates(self, doc: Doc, layout, kb_cands: list[Candidate]) -> list[Candidate]:
        """ "MOSCOW, July 14.": the place of an upper-case dateline."""
        if layout.dateline_place is None:
            return []
        span = doc.char_span(*layout.dateline_place, alignment_mode="contract")
        if span is None or any(c.start >= span.start and c.end <= span.end for c in kb_cands):
            return []
        for actor in self.kb.by_name(span.text.title()):
            if actor.type in ("Place", "Country"):
                return [Candidate(span.start, span.end, "kb:" + actor.id, actor.type, "dateline", actor.name,
                                  "name", actor.wikidata, actor.names())]
        return []

    def _name_run(self, doc: Doc, j: int, max_tokens: int, forbidden: set[int]) -> int:
        """End of the capitalised name starting at token ``j`` ("Kofi Mbeki-Larsson")."""
        k, words = j, 0
        n = len(doc)
        while k < n and words < max_tokens and k not in forbidden:
            if self._name_token(doc, k):
                k += 1
                words += 1
                if (k + 1 < n and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_
                        and self._name_token(doc, k + 1)):
                    k += 1
                elif k + 1 < n and words and doc[k].lower_ in NAME_PARTICLES and self._name_token(doc, k + 1):
                    k += 1  # "Thomas de Waal", "Ursula von der Leyen"
                continue
            break
        return k if words else j

    def _in_dateline(self, doc: Doc, start: int, layout) -> bool:
        span = layout.dateline_place
        return span is not None and span[0] <= doc[start].idx < span[1]

    def _dateline_place(self, cand: Candidate) -> Candidate:
        if cand.role == "metonym":
            actor = self.kb[cand.key[3:]]
            capital = self.kb[actor.capital]
            return Candidate(cand.start, cand.end, "kb:" + capital.id, capital.type, "dateline", capital.name,
                             "name", capital.wikidata, capital.names())
        cand.rule = "dateline"
        return cand

    def _titles(self, doc: Doc, sent_of: list[int]) -> list[TitleSpan]:
        spans = [(s, e, self.vocab.strings[m]) for m, s, e in self.title_matcher(doc) if sent_of[s] >= 0]
        spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out, last_end = [], -1
        for s, e, surface in spans:
            if s < last_end:
                continue
            canonical = self.lex.titles[surface]
            plural = surface.endswith("s") and not surface.endswith("ss") and self.lex.titles.get(surface[:-1]) == canonical
            out.append(TitleSpan(s, e, canonical, plural))
            last_end = e
        return out

    def _propagate_aliases(self, doc: Doc, sent_of: list[int], in_title: list[bool], chosen: list[Candidate]) -> list[Candidate]:
        """Later short forms of actors the text introduced: surnames, acronyms, heads."""
        short: dict[str, Candidate] = {}
        clash: set[str] = set()
        for c in chosen:
            if not c.key.startswith("new:"):
                last = c.label.split()[-1] if c.label else ""
                if c.type == "Organization" and c.role == "name" and last.lower() in self.org_heads and c.end - c.start >= 2:
                    f = last
                    if f in short and short[f].key != c.key:
                        clash.add(f)
                    short[f] = c
                continue
            forms = []
            if c.type == "Person" and c.end - c.start >= 2:
                forms.append(doc[c.end - 1].text)
            forms.extend(a for a in c.kb_aliases if " " not in a)
            if c.type == "Organization" and c.rule == "org-head":
                head = c.label.split()[-1] if " of " not in c.label else c.label.split(" of ")[0].split()[-1]
                forms.append(head)
            for f in forms:
                if f in short and short[f].key != c.key:
                    clash.add(f)
                short[f] = c
        for f in clash:
            short.pop(f, None)
        if not short:
            return chosen
        # a surname the KB knows, but this article named someone else with it in full
        named_in_full = {c.key for c in chosen if c.type == "Person" and c.end - c.start >= 2}
        chosen = [
            Candidate(c.start, c.end, short[doc[c.start].text].key, "Person", "alias", short[doc[c.start].text].label)
            if (c.key.startswith("kb:") and c.type == "Person" and c.end - c.start == 1
                and c.key not in named_in_full and doc[c.start].text in short
                and short[doc[c.start].text].type == "Person")
            else c
            for c in chosen
        ]
        covered = set()
        for c in chosen:
            covered.update(range(c.start, c.end))
        extra = []
        for i, word in enumerate(doc._.kg_tokens.text):
            c = short.get(word)
            if c is None or i in covered or sent_of[i] < 0 or in_title[i]:
                continue
            extra.append(Candidate(i, i + 1, c.key, c.type, "alias", c.label))
        return sorted(chosen + extra, key=lambda c: c.start)

    def _write(self, doc: Doc, sent_of: list[int], chosen: list[Candidate]) -> None:
        entities: dict[str, EntityInfo] = {}
        mentions = []
        for c in chosen:
            info = entities.get(c.key)
            if info is None:
                info = entities[c.key] = EntityInfo(c.key, c.label, c.type, wikidata=c.wikidata)
                for alias in c.kb_aliases:
                    info.add_alias(alias)
            if c.role == "name" and c.rule != "alias":
                info.add_alias(doc[c.start:c.end].text)
            info.mentions += 1
            mentions.append(TokMention(c.start, c.end, c.key, c.type, c.rule, c.role, sent_of[c.start]))
        doc._.kg_mentions = mentions
        doc._.kg_entities = entities


def _add_nested(chosen: list[Candidate], kb_cands: list[Candidate], lower: list[str]) -> list[Candidate]:
    """Known actors named inside a longer name: "OSCE Minsk Group" also mentions the OSCE.

    They are mentions of the document (role ``nested``) but take no part in relations.
    """
    outer = [c for c in chosen if c.end - c.start >= 2 and c.type == "Organization"]
    if not outer:
        return chosen
    chosen_spans = {(c.start, c.end) for c in chosen}
    extra = []
    for k in kb_cands:
        if k.role != "name" or k.type not in ("Organization", "Country") or (k.start, k.end) in chosen_spans:
            continue
        for c in outer:
            if c.start <= k.start and k.end <= c.end and c.key != k.key:
                if k.end == c.end and k.start > c.start and lower[k.start - 1] not in ("of", "the", "for"):
                    continue  # "Peace and Security Council" is not the Security Council
                extra.append(Candidate(k.start, k.end, k.key, k.type, "nested", k.label, "nested",
                                       k.wikidata, k.kb_aliases))
                break
    return sorted(chosen + extra, key=lambda c: (c.start, -(c.end - c.start)))


def _resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), PRIORITY.get(c.rule, 9), c.start))
    taken: set[int] = set()
    out = []
    for c in ordered:
        span = range(c.start, c.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


@Language.factory(
    "kg_entities",
    default_config={"kb_files": [], "use_model_entities": True},
)
def make_entity_recognizer(nlp: Language, name: str, kb_files: list[str], use_model_entities: bool):
    return EntityRecognizer(nlp, tuple(kb_files), use_model_entities)
