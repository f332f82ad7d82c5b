"""Official roles: who holds which office of which country or organization.

Rules (the ``rule`` of each officialOf fact):

``title-qualifier``  "Russian President Vladimir Putin", "Azerbaijan's President Ilham Aliyev",
                     "Council Chairman X" (the last organization named with the word),
                     "Armenian Security Council Secretary X" (a name that runs into the title),
                     "United Nations Secretary General Antonio Guterres", "Armenian and
                     Azerbaijani Foreign Ministers A and B" (paired in order), "Ukrainian
                     Infrastructure Minister X" (a domain between qualifier and title),
                     "Russia's U.N. Ambassador X" (an office at a post: the country employs),
                     "Saudi Foreign Minister Prince X" (past an honorific, or no one's),
                     "the U.N. humanitarian chief, X" (a lower-case domain, [roles] domain_adjectives),
                     "Peru hosted the talks. Its foreign minister, X, said" (the subject of the
                     sentence, or of the one before when "Its" opens it), "the bloc's chair, X"
                     (the organization last named, this sentence or the one before)
``title-of``         "President of Russia Vladimir Putin", "the top diplomats of Armenia and
                     Azerbaijan Zohrab Mnatsakanyan and Elmar Mammadyarov" (paired in order),
                     "a spokeswoman for the Russian foreign ministry Maria Zakharova",
                     "Minister for European and Foreign Affairs of France X" (a portfolio),
                     "president of the BRICS-founded New Development Bank" (the head, not the
                     hyphenated modifier),
                     "the Co-Chairs of the OSCE Minsk Group (A of France, B of Russia and C)"
``appositive``       "Ararat Mirzoyan, Armenia's foreign minister", "Armen Petrosyan,
                     secretary of the Security Council of Armenia,"
``title-name-of``    "President Emmanuel Macron of France", "Foreign Ministers A of Armenia and B
                     of Azerbaijan" (paired in order)
``apposition``       "the French President, Emmanuel Macron," (the name closed by a comma or
                     the sentence's end)
``delegation``       "The delegation of Moldova was led by the Prime Minister X": the office is the
                     delegation's country's
``coordinated``      "Armenia's Prime Minister and Chairman of the Council Nikol Pashinyan":
                     the name after the second office holds the first too; "Australia's Deputy
                     Prime Minister and Defence Minister X" (two capitalised offices, one country)
``represented``      "Argentina was represented by Foreign Minister X": the subject's office;
                     also "China, which is not a member, sent a special envoy, X" ([roles] sender_leads)
``copula``           "Burhan is also chairman of Sudan's Transitional Sovereignty Council" (a
                     present copula; the organization a country owns is the head, "Sudan's" not)
                     and "President X, who took over as ECCAS chairman, said" ([roles]
                     holder_relative_leads)
``counterpart``      "Putin thanked his Turkish counterpart Erdogan": the title of the person
                     named before, of the counterpart's country
``coref-title``      "Prime Minister Nikol Pashinyan said … clarification from Armenia's prime
                     minister": the one person an article names with a title but no qualifier
                     holds the office its descriptions qualify, if they all qualify it alike and
                     no one else is named in it; and "The Russian foreign ministry spokeswoman
                     commented …  Zakharova said": the one person an article names, with no
                     title, holds the one office it describes, a sentence or two away

A title with a qualifier but no name ("the Armenian prime minister", "Russia's presidential
spokesperson") is a description: it becomes a mention of the one person the same article
names in that office (rule ``coref-title``).

No office: a former one ("former President X", "ex-foreign minister", [roles] not_current),
a title in the possessive ("X, the Iranian president's chief of staff"), a counterpart of a
person without a title.  The words of every rule are in ``[roles]`` of the lexicon.
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.doc import TitleSpan, TokMention, ensure_extensions, new_key, tokens_of
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.nlp.lists import backward_list, forward_list, make_fact, sentence_bounds
from kg.nlp.offices import (
    QUALIFIER_TYPES,
    Covered,
    Office,
    anaphor_referent,
    domain_start,
    holds,
    lower_domain_start,
    origin_end,
    past_honorifics,
    phrase_before_title,
    read_office,
    remit_comma_end,
    remit_end,
    sentence_subject,
)
from kg.records import Fact

__all__ = ["Description", "RoleReading", "backward_list", "find_roles", "forward_list", "make_fact",
           "sentence_bounds"]


class Description(NamedTuple):
    """A title without a name ("the Armenian prime minister") on tokens ``start:end``."""

    start: int
    end: int
    title: str
    qualifier: str | None  # key of the country or organization, if one
    sentence: int


class RoleReading(NamedTuple):
    """What :func:`find_roles` reads: officialOf facts and title descriptions as mentions."""

    facts: list[Fact]
    descriptions: list[TokMention]


def _two_offices(a: Office, b: Office) -> bool:
    """Offices ``a`` and ``b``, coordinated, can be one person's: one of a country, one of an
    organization, both singular."""
    return (len(a.quals) == 1 and len(b.quals) == 1 and not a.plural and not b.plural and a.title != b.title
            and {a.quals[0].type, b.quals[0].type} == set(QUALIFIER_TYPES))


def _shared_qualifier(doc: Doc, a: Office, b: Office, ta: TitleSpan, tb: TitleSpan,
                      exclusive: frozenset[str]) -> bool:
    """Offices ``a`` and ``b``, coordinated ("Australia's Deputy Prime Minister and Defence
    Minister X"), are one person's of ``a``'s one qualifier: ``b`` has none, both are singular
    different titles, capitalised as a name's titles are."""
    toks = tokens_of(doc)
    return (len(a.quals) == 1 and a.quals_before and not b.quals and not a.plural and not b.plural
            and a.title != b.title and not a.former and not b.former
            and not {a.title, b.title} <= exclusive  # "Russia's President and Prime Minister X": two persons
            and toks.text[ta.start][:1].isupper() and toks.text[tb.start][:1].isupper())


def _officer_after_of(doc: Doc, lex: Lexicon, t: TitleSpan, officer: TitleSpan, o: Office) -> bool:
    """Title ``officer`` follows title ``t`` after "of", articles and only the officer's own
    qualifiers ("Personal Envoy of the UN Secretary-General"): the first holds an office on
    the officer's staff."""
    toks = tokens_of(doc)
    j = t.end
    if j >= officer.start:
        return False
    if toks.lower[j] not in lex.roles.staff_links and not (
            toks.lower[j] in lex.roles.principal_links and toks.text[t.start][:1].isupper()
            and (t.start == 0 or (toks.lower[t.start - 1] not in lex.grammar.articles
                                  and toks.lower[t.start - 1] not in lex.grammar.possessive))):
        # "Spokesperson for the EU High Representative Peter Stano" (a capitalised title before a
        # name, no article) is on the officer's staff; "a spokeswoman for Prime Minister X" is not
        return False
    j += 1
    while j < officer.start and toks.lower[j] in lex.grammar.articles:
        j += 1
    for q in o.quals:
        if q.start == j and q.end <= officer.start:
            j = q.end
    return j == officer.start


def _post_end(doc: Doc, lex: Lexicon, j: int, by_start: dict[int, TokMention], sent_of, k: int) -> int | None:
    """The token after the post at token ``j`` ("for Sudan", "for the Middle East", "on Special
    Assignments"), ``j`` itself if no post is there, or None if what follows is no post."""
    toks = tokens_of(doc)
    n = len(doc)
    if j < n and (toks.lower[j] in lex.roles.posting_prepositions or toks.lower[j] in lex.roles.seat_prepositions):
        j += 1
        while j < n and toks.lower[j] in lex.grammar.articles:
            j += 1
        post = by_start.get(j)
        if post is None:
            # "… for Special Assignments Elchin Amirbayov": a post named by capitalised words
            e = j
            while e < n and e - j < lex.window.post_name_words and e not in by_start and sent_of[e] == k and (
                    toks.lower[e] in lex.actors.connectors or (toks.text[e][:1].isupper() and toks.text[e].isalpha())):
                e += 1
            if e == j or not (e in by_start or (e < n and toks.text[e] == ",")):
                return None
            j = e
        elif post.type == "Person":
            return None
        else:
            j = post.end
    return j


def _person_after_post(doc: Doc, lex: Lexicon, j: int, by_start: dict[int, TokMention], sent_of,
                       k: int) -> TokMention | None:
    """The person named after token ``j``, past a post ("for Sudan", "for the Middle East")
    and the comma of an apposition, in sentence ``k``; else None."""
    toks = tokens_of(doc)
    j = _post_end(doc, lex, j, by_start, sent_of, k)
    if j is None:
        return None
    if j < len(doc) and toks.text[j] == ",":
        j += 1
    p = by_start.get(j)
    return p if p is not None and p.type == "Person" and sent_of[j] == k else None


def _person_before_post(doc: Doc, lex: Lexicon, o: Office, j: int, by_start: dict[int, TokMention],
                        by_end: dict[int, TokMention], title_tokens: set[int], sent_of) -> TokMention | None:
    """ "Elchin Amirbayov, Representative of the President of Azerbaijan on Special Assignments,
    told …": the person before the office's comma, when the officer's post after token ``j``
    closes the apposition with a comma or the sentence's end; else None."""
    toks = tokens_of(doc)
    e = _post_end(doc, lex, j, by_start, sent_of, o.sentence)
    if e is None or not (e >= len(doc) or toks.text[e] in lex.roles.apposition_closers or sent_of[e] != o.sentence):
        return None
    return _left_person(doc, lex, o, by_end, title_tokens)


def _as_link(doc: Doc, lex: Lexicon, o: Office, by_end: dict[int, TokMention], sent_of) -> int | None:
    """The token of the "as" ([roles] appointment_links) that office ``o`` follows, past
    determiners, adjectives of an office still held and a qualifier's possessive ("as its new
    foreign minister", "as Chile's foreign minister"), or None."""
    toks = tokens_of(doc)
    roles, k = lex.roles, o.sentence
    j = o.start - 1
    while j > 0 and sent_of[j] == k:
        if toks.lower[j] in roles.appointment_determiners or toks.lower[j] in roles.current_adjectives:
            j -= 1
        elif toks.lower[j] in lex.grammar.possessive and j in by_end:
            j = by_end[j].start - 1
        else:
            break
    if j < 2 or sent_of[j] != k or toks.lower[j] not in roles.appointment_links:
        return None
    return j


def _appointed(doc: Doc, lex: Lexicon, o: Office, by_start: dict[int, TokMention], by_end: dict[int, TokMention],
               sent_of) -> tuple[TokMention, TokMention] | None:
    """ "Kazakhstan appointed X as its new foreign minister", "Leaders of the OECS appointed
    Antiguan diplomat X as director general": (the appointee, the appointer opening the
    sentence), or None."""
    toks = tokens_of(doc)
    roles, k = lex.roles, o.sentence
    j = _as_link(doc, lex, o, by_end, sent_of)
    if j is None:
        return None
    person = by_end.get(j)
    if person is None or person.type != "Person":
        return None
    v = person.start - 1
    while (v > 0 and sent_of[v] == k and person.start - 1 - v < lex.window.appointee_description
           and toks.lower[v] not in roles.appointing_verbs and (v + 1 in by_end or toks.text[v].islower())):
        v -= 1  # "appointed Antiguan diplomat X"
    if v <= 0 or sent_of[v] != k or toks.lower[v] not in roles.appointing_verbs:
        return None
    a = v
    while a > 0 and sent_of[a - 1] == k:
        a -= 1
    rel = lex.relations
    if any(toks.lower[x] in rel.admission_not_yet or toks.lower[x] in rel.modal for x in range(a, v)):
        return None  # "will appoint", "refused to name"
    subject = sentence_subject(doc, lex, v, by_start, sent_of)
    if subject is None:
        # "Leaders of the OECS appointed …": the organization of a plural title opening the sentence
        i = a + 1 if toks.lower[a] in lex.grammar.articles else a
        t = next((t for t in doc._.kg_titles or () if t.start == i and t.plural), None)
        if t is not None and t.end + 1 < v and toks.lower[t.end] in lex.actors.title_prepositions:
            e = t.end + 1
            if toks.lower[e] in lex.grammar.articles:
                e += 1
            org = by_start.get(e)
            if org is not None and org.type == "Organization":
                subject = org
    if subject is None or subject.end > v:
        return None
    return person, subject


def _successor(doc: Doc, lex: Lexicon, o: Office, by_end: dict[int, TokMention], sent_of) -> TokMention | None:
    """ "Ida Rusk succeeded Aro Pell as foreign minister": the person right before a verb of
    [roles] succession_verbs whose object, right before "as" and the office, held it before;
    or None."""
    toks = tokens_of(doc)
    roles, k = lex.roles, o.sentence
    j = _as_link(doc, lex, o, by_end, sent_of)
    if j is None or j < 3:
        return None
    predecessor = by_end.get(j)
    if predecessor is None or predecessor.type != "Person":
        return None
    v = predecessor.start - 1
    if v < 1 or sent_of[v] != k or toks.lower[v] not in roles.succession_verbs:
        return None
    successor = by_end.get(v)
    return successor if successor is not None and successor.type == "Person" else None


def _dateline_country(doc: Doc) -> str | None:
    """The country a dateline names after its place ("ANAKLIA, Georgia -": a town that is no
    capital), as an entity of the article, or None."""
    line = doc._.kg_layout.dateline if doc._.kg_layout is not None else None
    if not line or "," not in line:
        return None
    words = line.split(",")[1].split()
    while words and not words[-1][:1].isalpha():
        words.pop()  # "Georgia -", "Georgia —"
    name = " ".join(words)
    if not name:
        return None
    return next((key for key, info in (doc._.kg_entities or {}).items()
                 if info.type == "Country" and (info.label == name or name in info.aliases)), None)


def _opening_country(mentions: list[TokMention], sent_of, k: int) -> TokMention | None:
    """The country named by name at the very start of sentence ``k`` ("Russia, whose …"), or None."""
    if k < 0:
        return None
    return next((m for m in mentions if m.sentence == k and m.type == "Country" and m.role == "name"
                 and (m.start == 0 or sent_of[m.start - 1] != k)), None)


def _opened_by_another_country(mentions: list[TokMention], sent_of, k: int, country_key: str) -> bool:
    """Whether sentence ``k`` opens with a country other than ``country_key`` ("Armenia's
    Foreign Ministry called …", "Armenia said …") and never names that one: the subject the
    next sentence's bare "Prime Minister X" goes on with, not the dateline's country."""
    if k < 0:
        return False
    opens = False
    for m in mentions:
        if m.sentence != k:
            continue
        if m.key == country_key:
            return False
        if (m.start == 0 or sent_of[m.start - 1] != k) and m.type == "Country" and m.role in ("name", "metonym", "nested"):
            opens = True  # "Armenia's Foreign Ministry": the ministry's mention starts there too
    return opens


def _opening_capital(doc: Doc, lex: Lexicon, i: int, by_start: dict[int, TokMention], sent_of,
                     capitals: dict[str, str], named_types: dict[str, str]) -> TokMention | None:
    """The owner (country, or seated organization) of the capital the sentence of token ``i``
    opens with ("In Moscow, …"), when the article names it, as a mention on the capital's
    tokens; else None."""
    k = sent_of[i]
    a = i
    while a > 0 and sent_of[a - 1] == k:
        a -= 1
    toks = tokens_of(doc)
    place = by_start.get(a + 1) if toks.lower[a] in lex.roles.capital_leads else None
    if place is None or place.key not in capitals or place.end >= len(doc) or toks.text[place.end] != ",":
        return None
    owner = capitals[place.key]
    if owner not in named_types:
        return None
    return TokMention(place.start, place.end, owner, named_types[owner], "capital-lead", "name", k)


def _in_speech_frame(doc: Doc, lex: Lexicon, o: Office, lo: int) -> bool:
    """Office ``o`` stands in an inverted speech frame after a comma past token ``lo`` (", a
    spokeswoman for Prime Minister X said"): lower-case words between the comma and the title,
    and a speech verb right after its holder."""
    toks = tokens_of(doc)
    p = o.persons[0]
    if p.end >= len(doc) or toks.lower[p.end] not in lex.speech.verbs:
        return False
    c = o.start - 1
    while c > lo and toks.text[c].isalpha() and toks.text[c].islower():
        c -= 1
    return c > lo and c < o.start - 1 and toks.text[c] == ","


def _speaker_qualifier(doc: Doc, lex: Lexicon, offices: list[Office], country: TokMention, b: int,
                       by_start: dict[int, TokMention]) -> bool:
    """Demonym ``country`` qualifies the office of a person who speaks right after their name,
    before token ``b`` ("Iranian presidential aide Y said …"), or stands in the office's phrase
    before the name in apposition ("the head of the Armenian government's press office, Y, said")."""
    toks = tokens_of(doc)
    for o in offices:
        if o.former:
            continue
        if o.quals and o.quals[0] is country and len(o.persons) == 1:
            e = o.persons[0].end
            if e < b and toks.lower[e] in lex.speech.verbs:
                return True
        elif not o.quals and not o.persons and o.end <= country.start:
            # "The deputy head of the Armenian government's press office, Y, said …"
            c = next((x for x in range(country.end, min(b, country.end + lex.window.clause_comma)) if toks.text[x] == ","),
                     None)
            p = by_start.get(c + 1) if c is not None else None
            if (p is not None and p.type == "Person" and p.end + 1 < b and toks.text[p.end] == ","
                    and toks.lower[p.end + 1] in lex.speech.verbs):
                return True
    return False


def _left_person(doc: Doc, lex: Lexicon, o: Office, by_end: dict[int, TokMention],
                 title_tokens: set[int]) -> TokMention | None:
    """The person before ", [the] office": "Mirzoyan, Armenia's foreign minister"."""
    toks = tokens_of(doc)
    a = o.start
    if o.plural:
        return None
    if a > 1 and toks.lower[a - 1] in lex.roles.current_adjectives and toks.lower[a - 2] in lex.grammar.articles:
        a -= 1  # "the current chairman"
    unit = a
    while unit > 1 and toks.lower[unit - 1] in lex.roles.office_unit_nouns and toks.text[unit - 1].islower():
        unit -= 1
    region = by_end.get(unit) if unit < a else None
    if region is not None and region.type in ("Place", "Country"):
        a = region.start  # "X, the Horn of Africa project director at the Crisis Group"
    if a > 0 and toks.lower[a - 1] in lex.grammar.articles:
        a -= 1
    if a > 0 and toks.text[a - 1] == ",":
        p = by_end.get(a - 1)
        if holds(p, title_tokens) and not phrase_before_title(doc, lex, p.start, lex.roles.source_leads)[1]:
            return p  # not "According to X, the Russian leader …": X is a source, the title opens the clause
    if a > 1 and toks.lower[a - 1] in lex.grammar.coordinators:
        # "X, head of the Armenian delegation to PACE and Vice President of the National
        # Assembly, told": a second office of the apposition opened by a first office's title
        for c in range(a - 2, max(0, a - 1 - lex.window.apposition_office_words), -1):
            if toks.text[c] == ",":
                first = c + 1 + (toks.lower[c + 1] in lex.grammar.articles)
                p = by_end.get(c)
                return p if first in title_tokens and first < a - 1 and holds(p, title_tokens) else None
            if not (toks.text[c].isalpha() or toks.text[c] in ("-", "'s", "’s")):
                return None
    return None


def _relative_person(doc: Doc, lex: Lexicon, o: Office, by_end: dict[int, TokMention],
                     title_tokens: set[int]) -> TokMention | None:
    """The person before ", who took over as [the] office" ([roles] holder_relative_leads):
    "President X, who took over as ECCAS chairman at a summit, said"."""
    toks = tokens_of(doc)
    if o.plural:
        return None
    a, lead = phrase_before_title(doc, lex, o.start, lex.roles.holder_relative_leads)
    c = a - lead - 1
    if not lead or c < 1 or toks.text[c] != "," or doc._.kg_sent_of[c] != o.sentence:
        # "X was elected president of Peru on Sunday": the subject right before the verb
        a, lead = phrase_before_title(doc, lex, o.start, lex.roles.holder_leads)
        p = by_end.get(a - lead) if lead else None
        if p is None and lead and a - lead > 4 and toks.text[a - lead - 1] == ",":
            # "X, a former Algerian foreign minister, was appointed personal envoy of …"
            p = _before_description(doc, lex, a - lead - 1, by_end)
        return p if holds(p, title_tokens) and p.sentence == o.sentence else None
    p = by_end.get(c)
    return p if holds(p, title_tokens) else None


def _copula_person(doc: Doc, lex: Lexicon, o: Office, by_end: dict[int, TokMention],
                   title_tokens: set[int], sent_of) -> TokMention | None:
    """The person before "is [also] [the] office": "Burhan is also chairman of Sudan's
    Transitional Sovereignty Council"."""
    toks = tokens_of(doc)
    a = o.start
    if o.plural:
        return None
    if a > 1 and toks.lower[a - 1] in lex.roles.current_adjectives and toks.lower[a - 2] in lex.grammar.articles:
        a -= 1  # "the current chairman"
    if a > 0 and toks.lower[a - 1] in lex.grammar.articles:
        a -= 1
    if a > 0 and toks.lower[a - 1] in lex.roles.copula_adverbs:
        a -= 1
    if a > 1 and toks.lower[a - 1] in lex.roles.holder_copulas and sent_of[a - 2] == o.sentence:
        p = by_end.get(a - 1)
        if holds(p, title_tokens):
            return p
    return None


def _past_time_phrase(doc: Doc, lex: Lexicon, j: int, n: int) -> int:
    """The token after a time phrase at ``j`` ("this year" of "Its president this year, X"),
    or ``j``: the phrase dates the office, the name after its comma still holds it."""
    toks = tokens_of(doc)
    roles = lex.roles
    if j + 2 < n and toks.lower[j] in roles.office_time_determiners and toks.lower[j + 1] in roles.office_time_nouns:
        return j + 2
    return j


def _right_person(doc: Doc, lex: Lexicon, o: Office, by_start: dict[int, TokMention],
                  title_tokens: set[int], sent_of, n: int, ranks: dict[int, int],
                  second_offices: dict[int, tuple[int, str]] | None = None) -> TokMention | None:
    """The person in ", Name," after the office: "the French President, Emmanuel Macron, said",
    past an honorific or a rank ("Its chairman, Major General X, said") and after a time
    phrase ("Its president this year, X, said"); with ``second_offices`` (a title's start ->
    its end and canonical title), past a second office of the holder's own ("CARICOM's
    chairman, Prime Minister X of Jamaica, said")."""
    toks = tokens_of(doc)
    j = _past_time_phrase(doc, lex, o.end, n)
    j = remit_end(doc, lex, j, by_start, n)  # "the UN's coordinator for Gaza, X"
    if o.quals_before and j < n and toks.text[j] != ",":
        j = remit_comma_end(doc, lex, j, by_start, n) or j  # "Norway's state secretary at the foreign ministry, X"
    if second_offices is not None and j + 1 < n and toks.lower[j] in lex.grammar.coordinators:
        k = j + 1
        while k < n and k - j <= lex.window.title_domain_words and toks.text[k].islower() and toks.lower[k] in lex.roles.domain_adjectives:
            k += 1
        exclusive = lex.roles.exclusive_offices
        if k in second_offices and not (o.title in exclusive and second_offices[k][1] in exclusive):
            # "UNIFIL's head of mission and force commander, X": both offices X's (not "Qatar's
            # president and prime minister, X": two persons' offices)
            j = second_offices[k][0]
    if o.plural or j + 1 >= n or toks.text[j] != ",":
        return None
    at = j + 1
    known = by_start.get(at)  # "Iran's Supreme Leader, Ayatollah Ali Khamenei,": a known name with its honorific
    if at + 1 < n and toks.lower[at].rstrip(".") in lex.actors.honorifics and (known is None or known.type != "Person"):
        at = past_honorifics(doc, lex, at + 1, n)  # "Its foreign minister, Prince Faisal bin Farhan, said"
    elif at + 1 < n and toks.lower[at] in lex.roles.holder_descriptors and toks.text[at].islower():
        at += 1  # "Its honorary chairman, billionaire X, said"
    elif (known is not None and known.role == "demonym" and known.end + 1 < n
          and toks.lower[known.end] in lex.roles.holder_descriptors and toks.text[known.end].islower()):
        at = known.end  # "Its head, German police officer X, said"
        while at + 1 < n and toks.lower[at] in lex.roles.holder_descriptors and toks.text[at].islower():
            at += 1
    at = ranks.get(at, at)
    if second_offices is not None and at not in by_start and at in second_offices:
        at = second_offices[at][0]
    p = by_start.get(at)
    if not holds(p, title_tokens) or sent_of[p.start] != o.sentence:
        return None
    if (p.end < n and sent_of[p.end] == o.sentence and toks.text[p.end] not in lex.roles.apposition_closers
            and origin_end(doc, lex, p.end, by_start) is None):
        return None
    return p


def find_roles(doc: Doc, mentions: list[TokMention], titles: list[TitleSpan], lex: Lexicon,
               capitals: dict[str, str] | None = None) -> RoleReading:
    """officialOf facts of the titles in a Doc, and mentions of the persons titles describe
    (``capitals``: a capital's key -> its country's, for "In Tehran, Foreign Ministry spokesman X")."""
    toks = tokens_of(doc)
    by_start = {m.start: m for m in mentions if m.role != "nested"}
    by_end = {m.end: m for m in mentions if m.role != "nested"}
    covered = Covered(mentions)
    title_tokens = {i for t in titles for i in range(t.start, t.end)}
    sent_of = doc._.kg_sent_of
    layout = doc._.kg_layout
    n = len(doc)
    conf = lex.confidence
    named_types = {m.key: m.type for m in mentions if m.role == "name"}  # the actors the article names
    ranks = {t.start: t.end for t in titles if t.title in lex.roles.rank_titles and not t.plural}
    second_offices = {t.start: (t.end, t.title) for t in titles if not t.plural}
    offices = [read_office(doc, t, lex, mentions, by_start, by_end, covered, title_tokens, sent_of, n, ranks)
               for t in titles]
    rules = [o.rule for o in offices]
    confidence = [conf.official] * len(offices)

    # "Armenia's Prime Minister and Chairman of the Council Nikol Pashinyan": one person, two
    # offices, of a country and of an organization ("Azerbaijan's president and Armenia's prime
    # minister Nikol Pashinyan" are two persons, one unnamed)
    for i in range(len(offices) - 2, -1, -1):
        o, nxt = offices[i], offices[i + 1]
        if (not o.persons and nxt.persons and _two_offices(o, nxt) and o.end < n
                and toks.lower[o.end] in lex.grammar.coordinators and nxt.start == o.end + 1
                and not (nxt.persons[-1].end < n and toks.lower[nxt.persons[-1].end] in lex.grammar.possessive)):
            o.persons = list(nxt.persons)
            rules[i], confidence[i] = "coordinated", conf.official_coordinated
        elif (not o.persons and nxt.persons and _shared_qualifier(doc, o, nxt, titles[i], titles[i + 1],
                                                                lex.roles.exclusive_offices)
                and o.end < n and toks.lower[o.end] in lex.grammar.coordinators and nxt.start == o.end + 1
                and not (nxt.persons[-1].end < n and toks.lower[nxt.persons[-1].end] in lex.grammar.possessive)):
            # "Australia's Deputy Prime Minister and Defence Minister Richard Marles": two
            # capitalised offices of one country, one name
            o.persons, nxt.quals = list(nxt.persons), list(o.quals)
            rules[i] = rules[i + 1] = "coordinated"
            confidence[i] = confidence[i + 1] = conf.official_coordinated
        elif (not o.persons and not nxt.persons and not nxt.quals and len(o.quals) == 1 and o.quals_before
              and not o.plural and not nxt.plural and not o.former and not nxt.former and o.title != nxt.title
              and not {o.title, nxt.title} <= lex.roles.exclusive_offices
              and o.end < n and toks.lower[o.end] in lex.grammar.coordinators and nxt.start == o.end + 1):
            # "Qatar's prime minister and foreign minister, Sheikh X, said": one name in
            # apposition to two lower-case offices of one possessor
            p = _right_person(doc, lex, nxt, by_start, title_tokens, sent_of, n, ranks)
            if p is not None:
                o.persons, nxt.persons, nxt.quals = [p], [p], list(o.quals)
                rules[i] = rules[i + 1] = "coordinated"
                confidence[i] = confidence[i + 1] = conf.official_coordinated

    # "the forum's chair, Cook Islands Prime Minister Mark Brown, warned", "SADC chairperson,
    # Zimbabwean President X, said": an office without a name in apposition to a second
    # office and its name, the name closed as an apposition is; the name holds both
    for i in range(len(offices) - 1):
        o, nxt = offices[i], offices[i + 1]
        # past a time phrase and a remit ("the assembly's co-rapporteur for Azerbaijan, Swedish MP X")
        comma = remit_end(doc, lex, _past_time_phrase(doc, lex, o.end, n), by_start, n)
        # "Assistant to the President of Azerbaijan, Head of the … Department X": capitalised
        # offices of the region's style, each with its "of" qualifier, one name after the last
        chained = (o.rule == nxt.rule == "title-of" and toks.text[titles[i].start][:1].isupper()
                   and toks.text[titles[i + 1].start][:1].isupper())
        if (o.persons or not o.quals or o.plural or o.former or o.possessor or nxt.plural or nxt.former
                or len(nxt.persons) != 1 or (nxt.quals_before is False and not chained) or not nxt.quals
                or {q.key for q in o.quals} & {q.key for q in nxt.quals}
                or comma + 1 != nxt.start or toks.text[comma] != ","):
            continue
        p = nxt.persons[0]
        if (not chained and p.end < n and sent_of[p.end] == o.sentence
                and toks.text[p.end] not in lex.roles.apposition_closers):
            continue
        o.persons = [p]
        rules[i], confidence[i] = "apposition", conf.official_apposition

    # "the Joint Commission, whose co-chairs are Kazakh Deputy Foreign Minister A and B": the
    # office is the organization's, its holders the persons listed after the copula
    office_at = {o.start: o for o in offices}
    for i, o in enumerate(offices):
        if len(o.persons) > 1 or o.quals or o.former:
            continue
        owner = _whose_owner(doc, lex, lower_domain_start(doc, lex, titles[i], covered), by_end, mentions)
        if owner is not None and o.persons:
            # "Argentina, whose President Javier Milei skipped the summit": the holder named right after
            o.quals, o.plural = [owner], False
            rules[i], confidence[i] = "whose", conf.official_apposition
        elif owner is not None:
            o.persons, o.quals = _listed_holders(doc, lex, o.end, office_at, by_start, title_tokens), [owner]
            if not o.persons:
                # "The League, whose secretary general, X, attended": the name in apposition
                right = _right_person(doc, lex, o, by_start, title_tokens, sent_of, n, ranks)
                o.persons = [right] if right is not None else []
            e = titles[i].end
            if not o.persons and i + 1 < len(offices) and e + 1 < n and toks.text[e] == ",":
                # "CARICOM, whose chairman, Dominica's Prime Minister X, attended": the holder of
                # a second office in apposition (its own qualifier before it) holds this one too
                k = e + 1
                q = by_start.get(k)
                if q is not None and q.type in ("Country", "Organization"):
                    k = q.end + (q.end < n and toks.lower[q.end] in lex.grammar.possessive)
                nxt = offices[i + 1]
                if titles[i + 1].start == k and len(nxt.persons) == 1 and not nxt.plural and not nxt.former:
                    o.persons = list(nxt.persons)
            o.plural = False
            rules[i], confidence[i] = "whose", conf.official_apposition

    # "The Personal Envoy of the UN Secretary-General for Sudan, X", "Special Representative of
    # the Russian President for the Middle East X": the name after the officer and its post
    # holds the first office, of the officer's own qualifier; the officer's title names no one
    for i in range(len(offices) - 1):
        o, nxt = offices[i], offices[i + 1]
        if o.persons or o.plural or o.former or nxt.plural or nxt.former:
            continue
        if not _officer_after_of(doc, lex, titles[i], titles[i + 1], nxt):
            continue
        e = max(nxt.end, titles[i + 1].end)
        left = None
        if toks.text[titles[i].start].islower():
            b = titles[i].start
            while (b > 0 and titles[i].start - b < lex.window.title_domain_words and toks.text[b - 1].isalpha()
                   and toks.text[b - 1].islower() and toks.lower[b - 1] not in lex.grammar.articles):
                b -= 1  # "the foreign policy adviser to …": lower-case domain words
            b -= b > 0 and toks.lower[b - 1] in lex.grammar.articles
            p = by_end.get(b - 1) if b > 1 and toks.text[b - 1] == "," else None
            left = p if holds(p, title_tokens) and p.sentence == o.sentence else None
        if left is not None and len(nxt.persons) == 1 and nxt.quals:
            # "X, the foreign policy adviser to Azerbaijani President Y": X the adviser, of the
            # officer's country; Y keeps the officer's title
            o.persons, o.quals, o.quals_before = [left], list(nxt.quals), True
            rules[i], confidence[i] = "officer-staff", conf.official_apposition
            continue
        if left is not None and not nxt.persons and nxt.quals and nxt.quals_before and e < n and toks.text[e] in (",", "."):
            # "X, the foreign policy adviser to the Azerbaijani president, welcomed …": X the
            # adviser, of the officer's country; the officer is not named
            o.persons, o.quals, o.quals_before = [left], list(nxt.quals), True
            nxt.possessor = True
            rules[i], confidence[i] = "officer-staff", conf.official_apposition
            continue
        p = _person_after_post(doc, lex, e, by_start, sent_of, o.sentence)
        if p is None and not nxt.persons:
            p = _person_before_post(doc, lex, o, e, by_start, by_end, title_tokens, sent_of)
        if p is None and i + 2 < len(offices) and e < n and toks.text[e] == ",":
            # "Assistant to the President of Azerbaijan, Head of the … Department X": the name
            # after a second office in apposition holds both
            third = offices[i + 2]
            if third.start == e + 1 and len(third.persons) == 1 and not third.plural and not third.former:
                p = third.persons[0]
        if p is None or (nxt.persons and [m.start for m in nxt.persons] != [p.start]):
            continue
        after = titles[i + 1].end
        if nxt.quals_before:
            employer = [q for q in nxt.quals if q.end <= titles[i + 1].start]
        elif after < n and toks.lower[after] in lex.roles.staff_links:
            employer = list(nxt.quals)  # "Adviser to the President of Azerbaijan X"
        else:
            employer = []  # "… of the Secretary-General for Sudan": a post, no employer
        o.persons, o.quals, o.quals_before = [p], employer or [q for q in o.quals if q.end <= titles[i + 1].start], True
        nxt.persons, nxt.possessor, nxt.quals = [], True, employer
        rules[i], confidence[i] = "officer-staff", conf.official_apposition

    # "Brazil said it would join the charter, but Mines and Energy Minister X denied …": a
    # capitalised title with no qualifier opening a contrasted clause is of the country the
    # sentence opens with, when it names no other country
    for i, o in enumerate(offices):
        if o.quals or not o.persons or o.plural or o.former or o.possessor or not toks.text[titles[i].start][:1].isupper():
            continue
        b, domain = o.start, 0
        while (b > 0 and domain < lex.window.title_domain_words and b - 1 not in covered and toks.text[b - 1].isalpha()
               and ((toks.text[b - 1][:1].isupper() and toks.lower[b - 1] not in lex.actors.not_names)
                    or (toks.lower[b - 1] in lex.roles.portfolio_joins and b < o.start))):
            b -= 1  # "Mines and Energy Minister X"
            domain += toks.lower[b] not in lex.roles.portfolio_joins
        if b < 2 or toks.lower[b - 1] not in lex.roles.contrast_links or toks.text[b - 2] != ",":
            continue
        subject = sentence_subject(doc, lex, o.start, by_start, sent_of)
        if subject is None:
            lead = _opening_capital(doc, lex, o.start, by_start, sent_of, capitals or {}, named_types)
            subject = lead if lead is not None and lead.type == "Country" else None
        if (subject is None or subject.type != "Country"
                or any(m.type == "Country" and m.key != subject.key and m.sentence == o.sentence
                       for m in mentions if m.start < o.start)):
            continue
        o.quals, o.quals_before = [subject], True
        if b < o.start:
            o.title = " ".join(toks.text[b:titles[i].end])
        rules[i], confidence[i] = "contrast-subject", conf.official_described

    # "ECOWAS suspended Guinea-Bissau …, two days after soldiers detained President X": a head's
    # title with no qualifier anywhere in the article, in a sentence that names one country
    # (before it, not as the sentence's subject: "Russia backed President X" says nothing of
    # X's country), is of that country
    qualified = {p.key for o in offices if o.quals for p in o.persons}
    for i, o in enumerate(offices):
        if (o.quals or len(o.persons) != 1 or o.plural or o.former or o.possessor or o.persons[0].key in qualified
                or o.title not in lex.roles.sentence_country_titles or not toks.text[titles[i].start][:1].isupper()):
            continue
        countries = {m.key: m for m in mentions if m.sentence == o.sentence and m.type == "Country"}
        if len(countries) != 1:
            continue
        country = next(iter(countries.values()))
        named = next(m for m in mentions if m.sentence == o.sentence and m.key == country.key)
        if named.role == "name" and named.end <= o.start and _in_speech_frame(doc, lex, o, named.end):
            # "Armenia will not attend, a spokeswoman for Prime Minister X said": the reported
            # clause's subject is the country of the head whose spokesperson speaks
            o.quals = [named]
            rules[i], confidence[i] = "sentence-country", conf.official_described
            continue
        if country.role == "demonym" and _speaker_qualifier(doc, lex, offices, country, o.start, by_start):
            # "Iranian presidential aide Y said President X would visit": the speaker's own head
            o.quals = [country]
            rules[i], confidence[i] = "sentence-country", conf.official_described
            continue
        subject = sentence_subject(doc, lex, o.start, by_start, sent_of)
        if (country.role != "name" or country.end > o.start or (subject is not None and subject.key == country.key)
                or (country.start > 0 and toks.lower[country.start - 1] in lex.actors.title_prepositions)):
            continue  # "The delegation of Veldoria … met Prime Minister X": the country of another actor
        o.quals = [country]
        rules[i], confidence[i] = "sentence-country", conf.official_described

    # "Papikyan was accompanied by Deputy Minister of Defense X": a title with no qualifier after a
    # companion lead is of the one country the subject, a person, holds an office of
    held: dict[str, set[str]] = {}
    for o in offices:
        if not o.former and not o.plural:
            for p in o.persons:
                held.setdefault(p.key, set()).update(q.key for q in o.quals if q.type == "Country")
    for i, o in enumerate(offices):
        if o.quals or len(o.persons) != 1 or o.plural or o.former or o.possessor:
            continue
        a, lead = phrase_before_title(doc, lex, domain_start(doc, lex, titles[i], covered, 0), lex.roles.companion_leads)
        if not lead:
            continue
        e = a - lead
        while e > 0 and sent_of[e - 1] == o.sentence and toks.lower[e - 1] in lex.roles.represented_auxiliaries:
            e -= 1
        subject = by_end.get(e) if e < a - lead else None
        countries = held.get(subject.key, set()) if subject is not None and subject.type == "Person" else set()
        if len(countries) == 1 and subject.key != o.persons[0].key:
            key = next(iter(countries))
            country = next((m for m in mentions if m.key == key and m.role == "name"), None)
            if country is not None:
                o.quals = [country]
                rules[i], confidence[i] = "companion", conf.official_described

    # "Deputy Speaker X said": a legislature's title with no qualifier is of the one legislature
    # the article has named before it (an organization with a [roles] legislature_heads word),
    # of none if it named several
    for i, o in enumerate(offices):
        if (o.quals or len(o.persons) != 1 or o.plural or o.former or o.possessor or o.persons[0].key in qualified
                or o.title not in lex.roles.legislature_titles or not toks.text[titles[i].start][:1].isupper()):
            continue
        houses = {m.key: m for m in mentions if m.end <= o.start and m.type == "Organization" and m.role == "name"
                  and any(w in lex.roles.legislature_heads for w in toks.lower[m.start:m.end])}
        unheaded = lex.roles.upper_house_words | lex.roles.multinational_house_words
        if len(houses) == 1 and not any(w in unheaded for m in houses.values() for w in toks.lower[m.start:m.end]):
            o.quals = list(houses.values())
            rules[i], confidence[i] = "one-legislature", conf.official_described

    # "In Tehran, Foreign Ministry spokesman X said …": a title with no qualifier right after
    # an opening "In CAPITAL," is of the capital's country, when the article names it
    for i, o in enumerate(offices):
        if o.quals or len(o.persons) != 1 or o.plural or o.former or o.possessor or not capitals:
            continue
        if o.persons[0].key in qualified and o.title in lex.roles.sentence_country_titles:
            continue
        lead = _opening_capital(doc, lex, o.start, by_start, sent_of, capitals, named_types)
        if lead is None or lead.end != o.start - 1:  # the title right after the opening's comma
            continue
        o.quals, o.quals_before = [lead], True
        rules[i], confidence[i] = "capital-lead", conf.official_described

    # "…, the Thai Foreign Ministry said. Foreign Ministry spokesman X said": a ministry's staff
    # title with no qualifier is of the one ministry of its domain named in its sentence or
    # the one before
    for i, o in enumerate(offices):
        if o.quals or len(o.persons) != 1 or o.plural or o.former or o.title.lower() not in lex.roles.ministry_staff_titles:
            continue
        domain = lex.actors.ministry_domains.get(o.title.split()[0].lower())
        if domain is None:
            continue
        prefix = new_key("Organization", f"Ministry of {domain} of") + " "
        near = {m.key: m for m in mentions if o.sentence - 1 <= m.sentence <= o.sentence and m.key.startswith(prefix)}
        if len(near) == 1:
            m = next(iter(near.values()))
            o.quals, o.quals_before = [m], m.end <= o.start
            rules[i], confidence[i] = "ministry-before", conf.official_described
        elif not near and o.start > 0 and sent_of[o.start - 1] != o.sentence:
            # "Russia, whose peacekeepers left, called it an internal matter. Foreign Ministry
            # spokeswoman X said …": no ministry named, the country opening the sentence before
            opener = _opening_country(mentions, sent_of, o.sentence - 1)
            if opener is not None:
                o.quals, o.quals_before = [opener], True
                rules[i], confidence[i] = "ministry-before", conf.official_described
    # "TBILISI, Georgia — … Prime Minister X told a news conference": a head of government's or a
    # legislature's title with no qualifier anywhere in the article is of the country the
    # dateline names (its capital or itself); not "President X" (a foreign president may go
    # unqualified in some styles)
    dateline = next((m for m in mentions if sent_of[m.start] < 0 and m.role == "name"
                     and (m.type == "Country" or (capitals and m.key in capitals))), None) if mentions else None
    country_key = (dateline.key if dateline.type == "Country" else capitals[dateline.key]) if dateline is not None \
        else _dateline_country(doc)
    if country_key is not None:
        qualified = {p.key for o in offices if o.quals for p in o.persons}
        # the country named in the body too, by its name: "VIENNA — … Prime Minister X" is only
        # where the story was filed when the text never names Austria ("Vienna has signed" is
        # the capital standing for someone)
        country = next((m for m in mentions if m.key == country_key and sent_of[m.start] >= 0
                        and m.role == "name"), None)
        for i, o in enumerate(offices):
            if (o.quals or len(o.persons) != 1 or o.plural or o.former or o.possessor or country is None
                    or o.persons[0].key in qualified or o.title not in lex.roles.dateline_country_titles
                    or not toks.text[titles[i].start][:1].isupper()):
                continue
            if any(m.sentence == o.sentence and m.type == "Country" and m.key != country_key and m.end <= o.start
                   for m in mentions):
                continue  # "Italy's position will decide: Prime Minister X's government": not the dateline's
            if _opened_by_another_country(mentions, sent_of, o.sentence - 1, country_key):
                continue  # "BAKU — … Armenia's Foreign Ministry called it a sham. Prime Minister X …"
            o.quals, o.quals_before = [TokMention(country.start, country.end, country.key, "Country", "dateline",
                                                  "name", o.sentence)], True
            rules[i], confidence[i] = "dateline-country", conf.official_described

    # "a spokeswoman for Prime Minister X said": an unnamed office that serves a named officer
    # is of the officer's country (then "spokeswoman Y" is the one it describes)
    for i, o in enumerate(offices[:-1]):
        nxt, e = offices[i + 1], titles[i].end
        if (o.persons or o.quals or o.plural or o.former or e >= n or toks.lower[e] not in lex.roles.principal_links
                or nxt.start != e + 1 or len(nxt.persons) != 1 or len(nxt.quals) != 1 or nxt.former):
            continue
        q = nxt.quals[0]
        o.quals, o.quals_before = [TokMention(nxt.start, nxt.end, q.key, q.type, "possessor", "name", o.sentence)], True
        rules[i], confidence[i] = "possessor", conf.official_described

    # "Deputy Prime Minister X will represent Armenia at the meeting": the office of the
    # country its holder represents (a head's title only where the article qualifies it nowhere)
    for i, o in enumerate(offices):
        if o.quals or len(o.persons) != 1 or o.plural or o.former or o.possessor:
            continue
        p = o.persons[0]
        if p.key in qualified and o.title in lex.roles.sentence_country_titles:
            continue
        j = p.end
        while j < n and sent_of[j] == o.sentence and toks.lower[j] in lex.roles.representing_auxiliaries:
            j += 1
        if j >= n or toks.lower[j] not in lex.roles.representing_verbs:
            continue
        j += 1
        if j < n and toks.lower[j] == "the":
            j += 1
        country = by_start.get(j)
        if country is not None and country.type == "Country" and country.role == "name" and country.sentence == o.sentence:
            o.quals, o.quals_before = [country], False
            rules[i], confidence[i] = "represents", conf.official_described

    # "with Prime Minister X as the forum's chair", "X, as the bloc's chair, said": an office
    # its qualifier's possessive owns, after "as", is held by the person right before "as"
    for i, o in enumerate(offices):
        if o.persons or o.plural or o.former or not o.quals or not o.quals_before:
            continue
        a = min(q.start for q in o.quals)
        if a < 2 or toks.lower[a - 1] not in lex.roles.appointment_links or sent_of[a - 1] != o.sentence:
            continue
        apposed = toks.text[a - 2] == ","
        p = by_end.get(a - 2) if apposed else by_end.get(a - 1)
        if p is None or p.type != "Person" or p.role != "name" or sent_of[p.start] != o.sentence:
            continue
        # "X, as the forum's chair," (commas around it) or "with [TITLE] X as the forum's chair";
        # not "Peru will appoint X as its new foreign minister" (the appointment rules' own)
        lo = max(0, p.start - lex.window.title_domain_words - 3)
        if not apposed and not any(toks.lower[x] in lex.roles.held_as_leads for x in range(lo, p.start)):
            continue
        o.persons, rules[i], confidence[i] = [p], "held-as", conf.official_apposition

    # "The talks were chaired by Prime Minister X in his capacity as Asean chairman": the
    # office after [roles] capacity_leads is held by the last person named before it
    for i, o in enumerate(offices):
        if o.persons or o.plural or o.former:
            continue
        a = min([q.start for q in o.quals if q.end <= titles[i].start] + [titles[i].start])
        last = toks.lower[a - 1] if a > 0 else None  # a phrase's last word first: most offices follow none
        lead = next((len(w) for w in lex.roles.capacity_leads
                     if w[-1] == last and a - len(w) >= 0 and tuple(toks.lower[a - len(w):a]) == w), 0)
        if not lead:
            continue
        people = [m for m in mentions if m.type == "Person" and m.role == "name" and m.sentence == o.sentence
                  and m.end <= a - lead]
        if people:
            o.persons, rules[i], confidence[i] = [people[-1]], "capacity", conf.official_apposition

    # "Kazakhstan appointed X as its new foreign minister": the appointer's office
    for i, o in enumerate(offices):
        if (not o.persons and not o.plural and not o.possessor and not o.former
                and (not o.quals or o.quals[0].rule == "possessive-pronoun")):
            appointed = _appointed(doc, lex, o, by_start, by_end, sent_of)
            if appointed is not None:
                o.persons, rules[i], confidence[i] = [appointed[0]], "appointed", conf.official_apposition
                if not o.quals:
                    o.quals = [appointed[1]]
        if not o.persons and not o.plural and not o.former:
            successor = _successor(doc, lex, o, by_end, sent_of)
            if successor is not None:  # "X succeeded Y as foreign minister": X holds it now
                o.persons, rules[i], confidence[i] = [successor], "appointed", conf.official_apposition

    # "The General Assembly of the OAS ended …  Secretary General X said": an organization's
    # title with no qualifier is of the one organization named there, or of the one
    # organization the article already gave that title ("… appointed X as director general
    # of the OECS … Outgoing Director General Y said")
    for i, o in enumerate(offices):
        if o.title in lex.roles.organization_titles and not o.quals:
            earlier = {m.key for p in offices[:i] if p.title == o.title and p.persons
                       for m in p.quals if m.type == "Organization"}
            if len(earlier) == 1 and o.persons and not o.plural and not o.former:
                key = next(iter(earlier))
                q = next(m for p in offices[:i] for m in p.quals if m.key == key)
                o.quals = [q]
                rules[i], confidence[i] = "organization-title", conf.official_described
                continue
        if o.persons and not o.quals and not o.plural and not o.former and o.title in lex.roles.organization_titles:
            owner = _named_organization(doc, lex, mentions, o.start, o.sentence)
            if owner is not None:
                o.quals = [owner]
                rules[i], confidence[i] = "organization-title", conf.official_described

    # "They met the Human Rights Defender of Armenia X and Minister of Justice Y": a minister's
    # title with no qualifier, coordinated right after a person holding an office of a country,
    # is of that country (a cabinet listed together); not a head's ("US President A and Prime
    # Minister B" are often two countries')
    for i, o in enumerate(offices[1:], 1):
        prev = offices[i - 1]
        if (o.quals or len(o.persons) != 1 or o.plural or o.former or o.possessor or prev.sentence != o.sentence
                or len(prev.quals) != 1 or len(prev.persons) != 1 or prev.quals[0].type != "Country"
                or prev.former or prev.plural or lex.roles.cabinet_title_words.isdisjoint(titles[i].title.lower().split())
                or o.title in lex.roles.sentence_country_titles or not toks.text[o.start][:1].isupper()):
            continue
        e = prev.persons[0].end
        if e + 1 == o.start and toks.lower[e] in lex.grammar.coordinators:
            o.quals = [prev.quals[0]]
            rules[i], confidence[i] = "coordinated-holder", conf.official_described

    # "President Mikheil X, who was elected in December, did not comment": a head's title with no
    # qualifier anywhere, in a sentence that names no country, in an article that names one
    # country and no other (not even by a demonym), is of that country, unless someone else
    # holds that title of it ("Russia backed President X" stays bare: the sentence-country rule's)
    sole = {m.key: m for m in mentions if m.type == "Country"}
    only = next((m for m in mentions if m.type == "Country" and m.role == "name"), None) if len(sole) == 1 else None
    for i, o in enumerate(offices if only is not None else ()):
        if (o.quals or len(o.persons) != 1 or o.plural or o.former or o.possessor or o.persons[0].key in qualified
                or o.title not in lex.roles.sentence_country_titles or not toks.text[titles[i].start][:1].isupper()
                or any(m.sentence == o.sentence and m.type == "Country" for m in mentions)
                or any(p.title == o.title and p.persons and p.persons[0].key != o.persons[0].key
                       and any(q.key == only.key for q in p.quals) for p in offices)):
            continue
        o.quals = [only]
        rules[i], confidence[i] = "article-country", conf.official_described

    facts: list[Fact] = []
    seen = set()
    descriptions: list[Description] = []
    holders: dict[tuple[str, str | None], set[str]] = {}
    titled: dict[str, str] = {}  # person key -> the last title a fact gave them
    bare: dict[str, set[str]] = {}  # title -> persons named with it but no qualifier ("President X said")
    bare_titled: dict[str, str] = {}  # person key -> the last title they were named with, no qualifier
    right_attached: set[tuple[int, int]] = set()

    employer: dict[str, TokMention] = {}  # person key -> the country or organization of their office here
    for i, o in enumerate(offices):
        k = o.sentence
        persons = o.persons
        if o.former or (o.honored and not persons):
            continue  # "Saudi Arabia's Foreign Minister Prince X", X unrecognised: no one else's office
        boss = _possessing_person(doc, lex, o, titles[i], by_end)
        if boss is not None and boss.key in employer and not o.quals and o.title not in lex.roles.counterpart_titles:
            # "French President Emmanuel Macron's envoy to Lebanon, X": an office of the boss's country
            q = employer[boss.key]
            o.quals, o.quals_before = [TokMention(boss.start, boss.end, q.key, q.type, "possessor", "name", k)], True
            rules[i] = "possessor"
        prev = offices[i - 1] if i else None
        if (prev is not None and not o.quals and prev.possessor and prev.end + 1 == o.start
                and len(prev.quals) == 1 and prev.quals[0].type == "Organization"):
            # "the UN Secretary-General's Special Envoy for Yemen, X": the office of an
            # organization's officer's staff is the organization's
            q = prev.quals[0]
            o.quals, o.quals_before = [TokMention(prev.start, prev.end, q.key, q.type, "possessor", "name", k)], True
            rules[i] = "possessor"
        if not persons and o.quals and not o.possessor:
            left = _left_person(doc, lex, o, by_end, title_tokens)
            right = _right_person(doc, lex, o, by_start, title_tokens, sent_of, n, ranks,
                                  second_offices if o.quals_before else None)
            copula = _copula_person(doc, lex, o, by_end, title_tokens, sent_of) or _relative_person(
                doc, lex, o, by_end, title_tokens)
            if left is not None and (left.start, left.end) not in right_attached:
                persons, rules[i] = [left], "appositive"
            elif copula is not None:
                persons, rules[i], confidence[i] = [copula], "copula", conf.official_apposition
            elif right is not None:
                persons, rules[i], confidence[i] = [right], "apposition", conf.official_apposition
                right_attached.add((right.start, right.end))
        title = o.title
        if o.title in lex.roles.counterpart_titles:
            # "Defense Minister X and his Philippine counterpart Y": X's title, qualified or not
            title = _counterpart_title(doc, lex, o, by_end, {**bare_titled, **titled}, persons)
            if title is None or not persons:
                # "Defence Minister X signed … with his French counterpart": unnamed, the counterpart
                # is someone other than X, so it describes no one the article names with the title
                continue
            rules[i], confidence[i] = "counterpart", conf.official_counterpart
        if o.quals and persons:
            if len(o.quals) == len(persons):
                pairs = list(zip(persons, o.quals))
            elif len(o.quals) == 1:
                pairs = [(p, o.quals[0]) for p in persons]
            else:
                pairs = []
            for p, q in pairs:
                key = (p.key, q.key, title, k)
                if key in seen or p.key == q.key:
                    continue
                seen.add(key)
                holders.setdefault((title, q.key), set()).add(p.key)
                employer.setdefault(p.key, q)
                holders.setdefault((title, None), set()).add(p.key)
                if o.alias is not None:
                    # "Commissioner for Human Rights (Ombudsman) … X": "the Ombudsman" is X too
                    holders.setdefault((o.alias, q.key), set()).add(p.key)
                    holders.setdefault((o.alias, None), set()).add(p.key)
                titled[p.key] = title
                facts.append(make_fact(layout, k, p.key, "officialOf", q.key, rules[i], confidence[i], title=title))
        elif persons and not o.quals and not o.plural:
            bare.setdefault(title, set()).update(p.key for p in persons)
            bare_titled.update((p.key, title) for p in persons)
        elif not persons and not o.plural:
            start = o.start if len(o.quals) == 1 and o.quals_before else titles[i].start
            if (not o.quals and start > 1 and toks.lower[start - 2] == "the" and toks.text[start - 1][:1].isupper()
                    and toks.text[start - 1].isalpha() and start - 1 not in by_end):
                start -= 1  # "The European Commissioner said": a capitalised adjective no actor's
            if start > 0 and toks.lower[start - 1] == "the":
                start -= 1
            elif not o.quals:
                continue  # a bare title needs "the": "the president said"
            elif (start > 1 and toks.lower[start - 1] in lex.grammar.indefinite_articles
                  and toks.lower[start - 2] in lex.roles.unnamed_description_prepositions):
                # "chaired by a US general": someone unnamed, not a General the article names
                # (but "a spokeswoman for X said … spokeswoman Y told": the subject is Y)
                continue
            descriptions.append(Description(start, o.end if o.rule == "title-of" and o.quals else titles[i].end,
                                            title, o.quals[0].key if len(o.quals) == 1 else None, k))

    # "The OSCE Mission to Moldova, headed by X, acts …": X holds the office of the organization
    for p, org, title in _head_led(doc, lex, by_start, by_end, title_tokens, titles):
        if (p.key, org.key, title, p.sentence) not in seen:
            seen.add((p.key, org.key, title, p.sentence))
            titled.setdefault(p.key, title)
            facts.append(make_fact(layout, p.sentence, p.key, "officialOf", org.key, "headed-by",
                                   conf.official_apposition, title=title))

    # "… with Alain Berset, who heads the 46-nation human rights body": X holds its office
    for p, org, title in _heads_relative(doc, lex, mentions, by_start, by_end, title_tokens):
        if (p.key, org.key, title, p.sentence) not in seen:
            seen.add((p.key, org.key, title, p.sentence))
            titled.setdefault(p.key, title)
            facts.append(make_fact(layout, p.sentence, p.key, "officialOf", org.key, "heads",
                                   conf.official_apposition, title=title))

    # "Prime Minister Nikol Pashinyan said …  Russia seeks clarification from Armenia's prime
    # minister": the one person named with a title is the one the article describes with it
    qualifiers_of: dict[str, set] = {}  # title -> the qualifiers of its descriptions (read once, not per description)
    for d in descriptions:
        qualifiers_of.setdefault(d.title, set()).add(d.qualifier)
    for d in descriptions:
        who = bare.get(d.title, set())
        if (d.qualifier is None or len(who) != 1 or (d.title, None) in holders
                or qualifiers_of[d.title] != {d.qualifier}):
            continue
        person = next(iter(who))
        holders[(d.title, d.qualifier)] = holders[(d.title, None)] = {person}
        facts.append(make_fact(layout, d.sentence, person, "officialOf", d.qualifier, "coref-title",
                               conf.official_described, title=d.title))

    # "The Russian foreign ministry spokeswoman has also commented …  '…', Zakharova said.":
    # an article that names one person, with no title, and describes one office nobody holds
    # in it, a sentence or two from that person's name (in the same sentence they are two:
    # "After meeting Azerbaijan's president, X said"); the description opens its sentence, as
    # a subject that introduces the person
    named = {m.key for m in mentions if m.type == "Person" and m.role == "name"}
    open_offices = {(d.title, d.qualifier) for d in descriptions if (d.title, None) not in holders}
    if len(named) == 1 and len(open_offices) == 1 and not bare and not titled:
        person = next(iter(named))
        (title, qualifier), = open_offices
        near = lex.window.description_name_sentences
        sentences = {m.sentence for m in mentions if m.key == person}
        for d in descriptions:
            if ((d.title, d.qualifier) == (title, qualifier) and qualifier is not None and d.sentence not in sentences
                    and any(abs(x - d.sentence) <= near for x in sentences)
                    and (d.start == 0 or sent_of[d.start - 1] != d.sentence)):
                holders[(title, qualifier)] = holders[(title, None)] = {person}
                facts.append(make_fact(layout, d.sentence, person, "officialOf", qualifier, "coref-title",
                                       conf.official_neighbour, title=title))
                break

    added = []
    for d in descriptions:
        who = holders.get((d.title, d.qualifier), set())
        if not who and d.qualifier is not None:
            # "EU Commissioner for Energy X … the EU Commissioner said": the title with its portfolio
            who = {p for (t, q), ps in holders.items() if q == d.qualifier and t.startswith(d.title + " ")
                   and t[len(d.title) + 1:].split(" ", 1)[0].lower() in lex.roles.portfolio_prepositions for p in ps}
        if not who and d.qualifier is None and " " not in d.title:
            # "Foreign Minister X met … The minister said": the one person whose title ends
            # in the bare title's word
            who = {p for (t, q), ps in holders.items() if q is None and t.rsplit(" ", 1)[-1] == d.title for p in ps}
            who |= {p for t, ps in bare.items() if t.rsplit(" ", 1)[-1] == d.title for p in ps}
            if not who:
                # "Commissioner for Energy X … The European Commissioner said": the title before its portfolio
                who = {p for (t, q), ps in holders.items() if q is None and t.startswith(d.title + " ")
                       and t[len(d.title) + 1:].split(" ", 1)[0].lower() in lex.roles.portfolio_prepositions for p in ps}
        if len(who) != 1:
            continue
        person = next(iter(who))
        added.append(TokMention(d.start, d.end, person, "Person", "coref-title", "description", d.sentence))
    return RoleReading(facts, added)


def _head_led(doc: Doc, lex: Lexicon, by_start: dict[int, TokMention], by_end: dict[int, TokMention],
              title_tokens: set[int], titles: list[TitleSpan]) -> list[tuple[TokMention, TokMention, str]]:
    """(person, organization, title) of "ORG, headed by X" and "ORG is chaired by X" ([roles]
    head_leads); a title between "by" and the name is the office's ("headed by Secretary-General X")."""
    toks = tokens_of(doc)
    sent_of = doc._.kg_sent_of
    out: list[tuple[TokMention, TokMention, str]] = []
    heads = [(words, title, False) for words, title in lex.roles.head_leads]
    heads += [(words, title, True) for words, title in lex.roles.group_head_leads]
    leads = toks.where({words[-1] for words, _, _ in heads})  # "by"
    if not leads:
        return out
    title_at = {t.start: t for t in titles if not t.plural}
    n = len(doc)
    for e in leads:
        at = e + 1
        country = by_start.get(at)
        if country is not None and country.type == "Country" and country.end in title_at:
            at = country.end  # "chaired by Paraguayan Foreign Minister X"
        elif (country is not None and country.type == "Country" and country.end + 1 in title_at
              and toks.lower[country.end] in lex.grammar.possessive):
            at = country.end + 1  # "chaired by Paraguay's Foreign Minister X"
        named = title_at.get(at)
        p = by_start.get(named.end if named is not None else e + 1)
        if p is None or p.type != "Person" or p.role != "name" or not holds(p, title_tokens):
            continue
        after = p.end + 1 + (p.end + 1 < n and toks.lower[p.end + 1] in lex.grammar.articles)
        of_country = (p.end + 1 < n and toks.lower[p.end] in lex.actors.title_prepositions
                      and getattr(by_start.get(after), "type", None) == "Country")
        # a title a country qualifies ("Paraguayan Foreign Minister X", "Foreign Minister X of
        # Paraguay") is that country's office: the organization's is the lead's own
        own_title = named is not None and at == e + 1 and not of_country
        for words, title, of_group in heads:
            if own_title:
                title = named.title
            a = e + 1 - len(words)
            if a < 2 or tuple(toks.lower[a:e + 1]) != words:
                continue
            link = a - 1
            if toks.text[link] != "," and toks.lower[link] not in lex.roles.whose_copulas:
                continue
            if of_group:  # "The Hayastan faction is led by X": the group's noun after its name
                org = by_end.get(link - 1) if toks.lower[link - 1] in lex.actors.group_heads else None
            else:
                org = by_end.get(link)
            if org is not None and org.type == "Organization" and sent_of[org.start] == sent_of[p.start]:
                out.append((p, org, title))
    return out


def _heads_relative(doc: Doc, lex: Lexicon, mentions: list[TokMention], by_start: dict[int, TokMention],
                    by_end: dict[int, TokMention], title_tokens: set[int]) -> list[tuple[TokMention, TokMention, str]]:
    """(person, organization, title) of "X, who heads ORG" and "X, who heads the 46-nation
    body" ([roles] head_relatives), and of "X heads ORG" and "X heads ORG, which …" ([roles]
    head_predicates, the person right before): the organization named after the phrase, or
    the one the anaphor noun points back to (as "the bloc's chair, X" does)."""
    toks = tokens_of(doc)
    sent_of = doc._.kg_sent_of
    n = len(doc)
    out: list[tuple[TokMention, TokMention, str]] = []
    relatives, predicates = lex.roles.head_relatives, lex.roles.head_predicates
    firsts = {words[0] for words, _ in relatives} | {words[0] for words, _ in predicates}
    if not firsts:
        return out
    for i in toks.where(firsts):
        leads = relatives
        p = by_end.get(i - 1) if i >= 2 and toks.text[i - 1] == "," else None
        if p is None and i >= 4:
            p = _before_description(doc, lex, i, by_end)  # "X, a former Brazilian president who now heads"
        if p is None and i >= 1 and toks.text[i - 1] != ",":
            p, leads = by_end.get(i), predicates  # "Ida Rusk heads the Lakes Institute"
        elif (p is None or p.type != "Person") and i >= 3 and toks.text[i - 1] == ",":
            # "Ida Rusk, a former foreign minister of Chile, now heads …": the name before the apposition
            c = next((c for c in range(i - 2, max(0, i - 2 - lex.window.head_apposition), -1)
                      if toks.text[c] == "," and sent_of[c] == sent_of[i]), None)
            p, leads = (by_end.get(c), predicates) if c is not None else (p, leads)
        if p is None or p.type != "Person" or p.role != "name" or not holds(p, title_tokens):
            continue
        for words, title in leads:
            j = i + len(words)
            if j >= n or tuple(toks.lower[i:j]) != words:
                continue
            org = _headed_organization(doc, lex, j, mentions, by_start, sent_of)
            if org is not None and leads is predicates and (
                    org.end < n and toks.text[org.end].isalpha() and toks.text[org.end].islower()
                    and toks.lower[org.end] not in lex.relations.member_relative_pronouns):
                org = None  # "X heads the EU delegation": the organization's name does not close the phrase
            if org is not None:
                out.append((p, org, title))
            break
    return out


def _headed_organization(doc: Doc, lex: Lexicon, j: int, mentions: list[TokMention],
                         by_start: dict[int, TokMention], sent_of) -> TokMention | None:
    """The organization a head's verb names from token ``j`` ("heads the Lakes Institute",
    "chairs the ruling X party", "heads the 46-nation human rights body"), or None."""
    toks = tokens_of(doc)
    n = len(doc)
    org = by_start.get(j + (toks.lower[j] in lex.grammar.articles))
    if org is None and toks.lower[j] in lex.grammar.articles:
        # "who also chairs the ruling Georgian Dream party": past lower-case adjectives, a name
        e = j + 1
        while (e < n and e - j <= lex.window.anaphor_description and toks.text[e].isalpha() and toks.text[e].islower()
               and toks.lower[e] not in lex.relations.clause_words):
            e += 1  # not past a preposition: "who leads the talks with NATO" leads no NATO
        named = by_start.get(e) if e > j + 1 else None
        org = named if named is not None and named.type == "Organization" else None
    if org is None and toks.lower[j] in lex.grammar.articles:
        # "the 46-nation human rights body": past the size and domain words, an anaphor
        e = j + 1
        while e < n and e - j <= lex.window.anaphor_description and sent_of[e] == sent_of[j] and (
                toks.text[e].islower() or toks.text[e] == "-" or toks.text[e][:1].isdigit()) \
                and toks.lower[e] not in lex.roles.anaphor_nouns:
            e += 1
        if e < n and toks.lower[e] in lex.roles.anaphor_nouns and e + 1 < n and toks.lower[e + 1] in lex.grammar.possessive:
            return None  # "who heads the bloc's delegation"
        if e < n and toks.lower[e] in lex.roles.anaphor_nouns:
            org = anaphor_referent(doc, lex, j, e, e + 1, mentions, sent_of[j])
    if org is not None and org.end + 1 < n and toks.lower[org.end] in lex.grammar.possessive:
        # "who heads the Atlantic Council's GeoEconomics Center": the body the possessive
        # owns, if it is a name; else no office (not the owner's)
        owned = by_start.get(org.end + 1)
        org = owned if owned is not None and owned.type == "Organization" else None
    return org if org is not None and org.type == "Organization" and sent_of[org.start] >= 0 else None


def _before_description(doc: Doc, lex: Lexicon, i: int, by_end: dict[int, TokMention]) -> TokMention | None:
    """The mention before ", a DESCRIPTION" that ends right before the relative pronoun at
    token ``i`` ("X, a former Brazilian president who now heads ORG", "X, the former defence
    minister who now heads ORG": X), or None; the description opens with an article and runs
    at most [window] anaphor_description words; after "the" it ends with a title word and none
    of its words is a preposition (not "X, the aide of the minister who heads ORG")."""
    toks = tokens_of(doc)
    c = i - 1
    while c > 0 and i - c <= lex.window.anaphor_description + 1 and (toks.text[c].isalpha() or toks.text[c] == "-"):
        c -= 1
    if c < 1 or toks.text[c] != "," or c + 1 >= i or toks.lower[c + 1] not in lex.grammar.articles:
        return None
    if toks.lower[c + 1] not in lex.grammar.indefinite_articles and (
            any(toks.lower[x] in lex.relations.clause_words for x in range(c + 2, i))
            or toks.lower[i - 1] not in lex.title_words):
        return None  # "X, the man who now heads ORG": no office before the pronoun
    return by_end.get(c)


def _named_organization(doc: Doc, lex: Lexicon, mentions: list[TokMention], before: int,
                        k: int) -> TokMention | None:
    """The one organization named before token ``before`` in sentence ``k`` or the one before
    it, an outer name giving way to the one it owns ("the General Assembly of the OAS": the
    OAS), or None if there are none or several; an outlet someone spoke to ("told AFP") is
    no employer."""
    toks = tokens_of(doc)
    orgs = [m for m in mentions if m.type == "Organization" and m.end <= before and k - 1 <= m.sentence <= k
            and m.role in ("name", "nested")
            and not (m.start > 0 and toks.lower[m.start - 1] in lex.speech.recipient_verbs)]
    inner = [m for m in orgs if not any(x is not m and m.start <= x.start and x.end <= m.end for x in orgs)]
    return inner[0] if len({m.key for m in inner}) == 1 else None


def _possessing_person(doc: Doc, lex: Lexicon, o: Office, t: TitleSpan,
                       by_end: dict[int, TokMention]) -> TokMention | None:
    """The person named in the possessive right before the title ("Macron's envoy"), or None."""
    toks = tokens_of(doc)
    b = t.start
    if b < 2 or toks.lower[b - 1] not in lex.grammar.possessive:
        return None
    p = by_end.get(b - 1)
    return p if p is not None and p.type == "Person" and p.role != "description" else None


def _whose_owner(doc: Doc, lex: Lexicon, b: int, by_end: dict[int, TokMention],
                 mentions: list[TokMention] | None = None) -> TokMention | None:
    """The country or organization of ", whose" right before the title (or its domain) at token
    ``b``, past the acronym in brackets of its name ("ECOWAS (…), whose commission president is X");
    "The alliance, whose leader is X": the organization the anaphor points back to."""
    toks = tokens_of(doc)
    if b < 3 or toks.lower[b - 1] not in lex.roles.whose_words:
        return None
    e = b - 2
    if toks.text[e] != ",":
        # "GUAM, a regional grouping whose secretary general, X, …": past a noun phrase in
        # apposition (an indefinite article and lower-case words, a place after "in") to the
        # comma after its name
        while e > 1 and b - 2 - e < lex.window.participle_phrase:
            place = by_end.get(e + 1)
            if (place is not None and place.type in ("Place", "Country") and place.start > 1
                    and toks.lower[place.start - 1] in lex.places.prepositions):
                e = place.start - 1  # "the Tripoli-based council, an advisory body in Tripoli whose …"
                continue
            if not (toks.text[e].isalpha() and toks.text[e].islower()) or toks.lower[e] in lex.grammar.indefinite_articles:
                break
            e -= 1
        if e < 2 or e == b - 2 or toks.lower[e] not in lex.grammar.indefinite_articles or toks.text[e - 1] != ",":
            return None
        e -= 1
    elif e not in by_end:
        # "Operation Atalanta, the older anti-piracy mission, whose commander, X,": past a noun
        # phrase in commas (an article, lower-case words) to the comma after the name
        c = e - 1
        while c > 1 and e - c <= lex.window.participle_phrase and (
                (toks.text[c].isalpha() and toks.text[c].islower()) or toks.text[c] == "-") \
                and toks.lower[c] not in lex.grammar.articles:
            c -= 1
        if c > 1 and c < e - 1 and toks.lower[c] in lex.grammar.articles and toks.text[c - 1] == ",":
            e = c - 1
    if toks.text[e - 1] == ")" and e > 3 and by_end.get(e - 1) is not None:
        e -= 1  # the acronym's own mention ends inside the brackets
    if e not in by_end and e >= 2 and toks.lower[e - 1] in lex.roles.national_body_nouns and toks.text[e - 1].islower():
        country = by_end.get(e - 1)
        if country is not None and country.type == "Country":
            e -= 1  # "the Lebanese army, whose commander, General X": the country's army
    owner = by_end.get(e)
    sent_of = doc._.kg_sent_of
    if (owner is None and mentions is not None and e >= 2 and toks.lower[e - 1] in lex.roles.anaphor_nouns
            and toks.lower[e - 2] in lex.grammar.articles and sent_of[e - 2] == sent_of[b]
            and (e - 2 == 0 or sent_of[e - 3] != sent_of[b])):
        # "The alliance, whose leader is X": an anaphor opening its sentence
        owner = anaphor_referent(doc, lex, e - 2, e - 1, e, mentions, sent_of[b])
    if owner is None or owner.type not in QUALIFIER_TYPES or sent_of[owner.start] != sent_of[b]:
        return None
    return owner


def _listed_holders(doc: Doc, lex: Lexicon, j: int, office_at: dict[int, Office], by_start: dict[int, TokMention],
                    title_tokens: set[int]) -> list[TokMention]:
    """The persons listed after "is"/"are" at token ``j`` ([roles] holder_copulas), each named
    alone or after an office of their own ("Kazakh Deputy Foreign Minister A and B")."""
    toks = tokens_of(doc)
    n = len(doc)
    if j >= n or toks.lower[j] not in lex.roles.whose_copulas:
        return []
    j += 1
    persons: list[TokMention] = []
    while j < n:
        if toks.lower[j] in lex.grammar.articles:
            j += 1
        own = office_at.get(j)
        if own is None and j < n and toks.lower[j] in lex.roles.not_current and j + 1 in title_tokens:
            j += 1  # "whose leader is the former president X": X leads now, past an office held before
            while j < n and j in title_tokens:
                j += 1
        p = own.persons[0] if own is not None and len(own.persons) == 1 else by_start.get(j)
        if not holds(p, title_tokens) or p.start < j:
            break
        persons.append(p)
        j = p.end
        if j < n and toks.text[j] == ",":
            j += 1
        if j < n and toks.lower[j] in lex.grammar.coordinators:
            j += 1
        elif j < n and toks.text[j - 1] != ",":
            break
    return persons


def _counterpart_title(doc: Doc, lex: Lexicon, o: Office, by_end: dict[int, TokMention],
                       titled: dict[str, str], holders: list[TokMention]) -> str | None:
    """The title of the person named last before "his Turkish counterpart" in its sentence; or,
    when "His Ethiopian counterpart" opens its sentence, of the one person with a title the
    sentence before names ("Egypt's top diplomat, X, said … . His Ethiopian counterpart, Y, said")."""
    sent_of = doc._.kg_sent_of
    toks = tokens_of(doc)
    e = o.start
    while e > 0 and sent_of[e - 1] == o.sentence:
        p = by_end.get(e)
        if p is not None and p.type == "Person" and p.role != "description":
            return titled.get(p.key)
        e -= 1
    # "Foreign ministers of the GCC met their Iranian counterpart Y": no person before, a
    # plural title opening the sentence gives its (singular) title
    plural = next((t for t in doc._.kg_titles or () if t.plural and sent_of[t.start] == o.sentence
                   and t.end <= o.start and t.start <= e + 1), None)
    if plural is not None and any(toks.lower[x] in lex.roles.plural_counterpart_possessives
                                  for x in range(plural.end, o.start)):
        return plural.title
    # e is the sentence's first token: "His" there, right before the office or its qualifier
    if toks.text[e][:1].isupper() and toks.lower[e].endswith("ing") and toks.text[e].isalpha():
        # "Speaking … with his Qatari counterpart, Y, Fidan said": the subject of a sentence a
        # participle opens, the first other person after the counterpart
        held = {p.key for p in holders}
        after = sorted((p for p in by_end.values() if sent_of[p.start] == o.sentence and p.start > o.end
                        and p.type == "Person" and p.role != "description" and p.key not in held),
                       key=lambda p: p.start)
        return titled.get(after[0].key) if after else None
    if e == 0 or toks.lower[e] not in lex.roles.counterpart_possessives or o.start - e > 1:
        return None
    before = {p.key for p in by_end.values() if sent_of[p.start] == o.sentence - 1 and p.type == "Person"
              and p.role != "description" and p.key in titled}
    return titled[before.pop()] if len(before) == 1 else None


class RoleReader:
    """spaCy component ``kg_roles``: :func:`find_roles` onto the Doc.

    Sets ``Doc._.kg_facts``; adds the descriptions to ``kg_mentions`` and counts them on
    ``kg_entities``.  It holds only the lexicon.
    """

    def __init__(self, nlp: Language, lex: Lexicon | None = None):
        ensure_extensions()
        self.lex = lex or load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[TokMention] = doc._.kg_mentions
        entities = doc._.kg_entities
        reading = find_roles(doc, mentions, doc._.kg_titles, self.lex, doc._.kg_capitals)
        for m in reading.descriptions:
            entities[m.key].mentions += 1
        if reading.descriptions:
            doc._.kg_mentions = sorted(mentions + reading.descriptions, key=lambda m: (m.start, -(m.end - m.start)))
        doc._.kg_facts = reading.facts
        return doc


@Language.factory(
    "kg_roles",
    requires=["doc._.kg_layout", "doc._.kg_sent_of", "doc._.kg_mentions", "doc._.kg_titles", "doc._.kg_entities",
              "doc._.kg_capitals"],
    assigns=["doc._.kg_facts", "doc._.kg_mentions", "doc._.kg_entities"],
)
def make_role_reader(nlp: Language, name: str) -> RoleReader:
    return RoleReader(nlp)
