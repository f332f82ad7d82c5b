"""One office around one title: who holds it, of which country or organization, titled how.

:func:`read_office` reads the words around a title span ("Armenia's Prime Minister X",
"X, secretary of the Security Council of Armenia,", "Foreign Minister Prince X",
"the delegation of Moldova was led by …"); :mod:`kg.nlp.roles` pairs the offices of a
sentence and turns them into facts.  Pure functions over the Doc and the lexicon.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.nlp.doc import TitleSpan, TokMention, tokens_of
from kg.nlp.lexicon import Lexicon
from kg.nlp.lists import backward_list, forward_list

QUALIFIER_TYPES = ("Country", "Organization")  # the ontology: offices are in countries or organizations


@dataclass(slots=True)
class Office:
    """A title as read in its sentence: its qualifiers, its full title and the tokens it spans."""

    start: int  # first token: the qualifier before the title, a domain word, or the title
    end: int  # token after the title, its portfolio, its "of" qualifiers and its post
    title: str
    quals: list[TokMention]
    rule: str
    plural: bool
    sentence: int
    quals_before: bool  # the qualifiers precede the title ("Russian President")
    possessor: bool = False  # "the Iranian president's deputy": the title names someone else's superior
    former: bool = False  # "former President X": not an office held at the article's time
    honored: bool = False  # "Foreign Minister Prince X": the holder is the name after the honorific, or no one
    alias: str | None = None  # "Commissioner for Human Rights (Ombudsman)": the title's other name, a title too
    persons: list[TokMention] = field(default_factory=list)


class Covered:
    """The tokens inside a mention, computed on the first question (most titles never ask)."""

    __slots__ = ("mentions", "tokens")

    def __init__(self, mentions: list[TokMention]):
        self.mentions = mentions
        self.tokens: set[int] | None = None

    def __contains__(self, i: int) -> bool:
        if self.tokens is None:
            self.tokens = {x for m in self.mentions for x in range(m.start, m.end)}
        return i in self.tokens


def portfolio_preposition(doc: Doc, lex: Lexicon, i: int, limit: int) -> int:
    """The preposition that opens a portfolio at token ``i``: ``i`` itself, or the one after
    the words of [roles] portfolio_lead_words ("Minister in charge of Trade")."""
    toks = tokens_of(doc)
    j = i
    while j < limit and j - i < 2 and toks.lower[j] in lex.roles.portfolio_lead_words:
        j += 1
    return j if j - i in (0, 2) else i


def portfolio(doc: Doc, lex: Lexicon, i: int, by_start: dict[int, TokMention], limit: int) -> int:
    """The end of a portfolio from the preposition at token ``i`` ("for European and Foreign
    Affairs"), or ``i`` if there is none.

    A portfolio is capitalised words (and joins between them) that are no actor's name; a
    demonym ("European Affairs") may be one of them, and so may a lone word a name rule took
    for a person right after the preposition ("Minister of Foreign …")."""
    toks = tokens_of(doc)
    roles = lex.roles
    start = i
    i = portfolio_preposition(doc, lex, i, limit)
    if i + 1 >= limit or toks.lower[i] not in roles.portfolio_prepositions:
        return start
    j, last, words = i + 1, i, 0
    if (j + 1 < limit and toks.lower[j] in roles.portfolio_articles and toks.text[j + 1][:1].isupper()
            and j + 1 not in by_start and toks.lower[j + 1] not in lex.titles):
        j += 1  # "Minister for the Pacific, X" (not "Representative of the President of …")
    noun_end = None  # after the last portfolio noun ("… Eurasian Affairs"), where a name may start
    while j < limit and words < lex.window.title_portfolio_words:
        m = by_start.get(j)
        if m is not None and not (m.role == "demonym" or (m.type == "Person" and m.rule == "title-cue"
                                                           and m.end - m.start == 1 and j == i + 1)):
            break
        word, low = toks.text[j], toks.lower[j]
        if word.isalpha() and word[:1].isupper() and low not in lex.actors.not_names:
            j += 1
            last, words = j, words + 1
            if low in roles.portfolio_end_nouns:
                noun_end = j
            continue
        if low in roles.portfolio_joins and last == j and j + 1 < limit and toks.text[j + 1][:1].isupper():
            if noun_end is not None and j - noun_end >= lex.window.portfolio_holder_words:
                break  # "Minister of Energy Ana Lind and Iranian …": a name after the noun, then the next office
            j += 1
            noun_end = None  # "for Energy and Natural Resources": the portfolio goes on
            continue
        if (low in roles.portfolio_prepositions and last == j and j > i + 1 and j + 1 < limit
                and toks.text[j + 1][:1].isupper() and j + 1 not in by_start and toks.lower[j - 1] in roles.portfolio_links):
            j += 1  # "Minister of State for Foreign Affairs": a second preposition after "State"
            continue
        break
    if last > i + 1 and last < limit and toks.text[last] == ",":
        end = _capital_portfolio_list(toks, lex, i, last, by_start, limit)
        if end != last or noun_end is None or noun_end >= last:
            return end
        # no series after the comma: "Deputy Minister of Foreign Affairs X, and by …" (the
        # holder's name ends where the comma is, so it starts after the last portfolio noun)
    if noun_end is not None and noun_end < last:
        # "Assistant Secretary of State for European and Eurasian Affairs James O'Brien": the
        # capitalised words past a portfolio noun open the holder's name
        return noun_end
    if last == i:
        # "Vietnam's deputy minister of natural resources, X": lower-case words closed by the
        # comma of an apposition
        j = i + 1
        while j < limit and j - i <= lex.window.title_portfolio_words and toks.text[j].isalpha() \
                and toks.text[j].islower() and j not in by_start:
            j += 1
        if j > i + 1 and j < limit and toks.text[j] == "," and toks.lower[i + 1] not in lex.grammar.articles:
            return _lower_portfolio_list(toks, lex, i, j, by_start, limit)
    return last


def title_alias_end(doc: Doc, lex: Lexicon, j: int, by_start: dict[int, TokMention], n: int) -> int:
    """Past a title's other name in brackets before its qualifier ("Commissioner for Human
    Rights (Ombudsman) of the Republic of Azerbaijan X"): capitalised words that name no actor,
    closed by ")" and a qualifier preposition; else ``j``."""
    toks = tokens_of(doc)
    if j >= n or toks.text[j] != "(":
        return j
    k = j + 1
    while k < n and k - j <= lex.window.title_alias_words and toks.text[k].isalpha() \
            and toks.text[k][:1].isupper() and k not in by_start:
        k += 1
    if k == j + 1 or k + 1 >= n or toks.text[k] != ")" or toks.lower[k + 1] not in lex.roles.qualifier_prepositions:
        return j
    return k + 1


def _capital_portfolio_list(toks, lex: Lexicon, i: int, j: int, by_start: dict[int, TokMention], limit: int) -> int:
    """The comma that ends a capitalised portfolio listed in a series ("Minister of Mineral
    Resources, Petroleum and Gas, X"): past the comma at ``j``, capitalised words that are no
    actor's name with a join before the last of them, closed by a comma before a capitalised
    word; else ``j``."""
    k, joined, noun_end = j + 1, False, None
    while k < limit and k - i <= lex.window.title_portfolio_words and (toks.text[k].isalpha() or (
            toks.text[k] == "," and not joined and k + 1 < limit and toks.text[k + 1][:1].isupper())) and (
            k not in by_start or by_start[k].role == "demonym"):
        low = toks.lower[k]
        if low == ",":
            pass  # "of Education, Science, Culture and Sports": a series goes on before its join
        elif low in lex.roles.portfolio_joins:
            joined = True
        elif not toks.text[k][:1].isupper() or low in lex.actors.not_names:
            break
        elif joined and low in lex.roles.portfolio_end_nouns:
            noun_end = k + 1
        k += 1
    end = _series_end(toks, lex, j, k, joined, limit)
    if end == j and noun_end is not None and noun_end <= k:
        # "Deputy Minister of Education, Science, Culture and Sports Araksia Svajyan": the series
        # ends at its last portfolio noun after the join, the holder's name right after it
        return noun_end
    return end


def _lower_portfolio_list(toks, lex: Lexicon, i: int, j: int, by_start: dict[int, TokMention], limit: int) -> int:
    """The comma that ends a lower-case portfolio listed in a series ("commissioner for political
    affairs, peace and security, X"): past the comma at ``j``, lower-case words with a join
    among them, closed by a comma before a capitalised word; else ``j``."""
    k, joined = j + 1, False
    while k < limit and k - i <= lex.window.title_portfolio_words and toks.text[k].isalpha() \
            and toks.text[k].islower() and k not in by_start:
        joined = joined or toks.lower[k] in lex.roles.portfolio_joins
        k += 1
    return _series_end(toks, lex, j, k, joined, limit)


def _series_end(toks, lex: Lexicon, j: int, k: int, joined: bool, limit: int) -> int:
    """``k`` when the words from ``j + 1`` to ``k`` make a portfolio's series (more than one
    word, a join among them but not last) closed by a comma before a capitalised word; else ``j``."""
    if (joined and k > j + 2 and k + 1 < limit and toks.text[k] == "," and toks.text[k + 1][:1].isupper()
            and toks.lower[k - 1] not in lex.roles.portfolio_joins):
        return k
    return j


def first_names(doc: Doc, at: int, by_start: dict[int, TokMention], ahead: bool = False) -> int:
    """How many tokens before the person mention at token ``at`` (or, ``ahead``, from token
    ``at`` to the next mention) are the first words of that person's name, left out of the
    mention ("Olivér" of "Olivér Várhelyi" when only "Várhelyi" is marked); 0 if none."""
    entities = None  # read from the Doc only when a person is there
    toks = tokens_of(doc)
    for lead in (1, 2):
        start = at + lead if ahead else at
        m = by_start.get(start)
        if m is None or m.type != "Person":
            continue
        if entities is None:
            entities = doc._.kg_entities or {}
        if m.key not in entities:
            continue
        words = entities[m.key].label.split()
        name = toks.text[m.start:m.end]
        before = toks.text[start - lead:start]
        if start - lead >= 0 and len(words) >= len(name) + lead and words[-len(name) - lead:] == before + name:
            return lead
    return 0


def domain_start(doc: Doc, lex: Lexicon, t: TitleSpan, covered: Covered, lo: int) -> int:
    """The first token of the capitalised domain words just before title ``t`` ("Infrastructure
    Minister"), or ``t.start``: words that are no actor's name, no further back than ``lo``."""
    toks = tokens_of(doc)
    if t.title not in lex.roles.portfolio_titles:
        return t.start
    b = t.start
    while (b > lo and t.start - b < lex.window.title_domain_words and b - 1 not in covered
           and toks.text[b - 1].isalpha() and toks.text[b - 1][:1].isupper()
           and toks.lower[b - 1] not in lex.actors.not_names and toks.lower[b - 1] not in lex.titles):
        b -= 1
    return b


def lower_domain_start(doc: Doc, lex: Lexicon, t: TitleSpan, covered: Covered) -> int:
    """The first token of the lower-case domain words ([roles] domain_adjectives) just before
    title ``t`` ("humanitarian chief", "international relations minister"), or ``t.start``."""
    toks = tokens_of(doc)
    b = t.start
    while (b > 0 and t.start - b < lex.window.title_domain_words and b - 1 not in covered
           and toks.lower[b - 1] in lex.roles.domain_adjectives and toks.text[b - 1].islower()):
        b -= 1
    if b < t.start and b > 1 and toks.lower[b - 1] in lex.grammar.coordinators and b - 2 not in covered:
        # "Italy's environment and energy security minister, X": two domains the office joins
        a = b - 1
        while (a > 0 and b - 1 - a < lex.window.title_domain_words and a - 1 not in covered
               and toks.lower[a - 1] in lex.roles.domain_adjectives and toks.text[a - 1].islower()):
            a -= 1
        b = a if a < b - 1 else b
    return b


def holds(p: TokMention | None, title_tokens: set[int]) -> bool:
    """``p`` can hold an office: a named person, not a title a name rule took for a name
    ("the OSCE Chairperson-in-Office")."""
    return (p is not None and p.type == "Person" and p.role not in ("description", "pronoun")
            and p.start not in title_tokens)


def head_anaphor(doc: Doc, lex: Lexicon, b: int, mentions: list[TokMention], covered: Covered,
                  sent_of) -> TokMention | None:
    """ "Council Chairman X": an organization's head word alone before the title at token ``b``
    means the last organization the article named with that word ("the Collective Security
    Council … Council Chairman X"), as a qualifier on the word's token."""
    toks = tokens_of(doc)
    a = b - 1
    if a < 0 or a in covered or sent_of[a] != sent_of[b]:
        return None
    if not toks.text[a][:1].isupper() or toks.lower[a] not in lex.actors.org_heads:
        return None
    if a > 0 and sent_of[a - 1] == sent_of[b] and toks.text[a - 1].isalpha() and toks.text[a - 1][:1].isupper():
        return None  # "Peace Council Chairman": a name the recognizer missed
    for m in reversed(mentions):
        if m.end <= a and m.type == "Organization" and m.role != "nested" and any(toks.lower[x] == toks.lower[a] for x in range(m.start, m.end)):
            return TokMention(a, b, m.key, m.type, "head-anaphor", "name", sent_of[a])
    return None


def sentence_subject(doc: Doc, lex: Lexicon, i: int, by_start: dict[int, TokMention],
                     sent_of, mentions: list[TokMention] | None = None) -> TokMention | None:
    """The country or organization named at the opening of the sentence of token ``i`` (past
    an article): "Peru hosted …", "The AU's Peace and Security Council is …" (the head after a
    possessive); with ``mentions``, also an anaphor ("The commission said …": the organization
    named last before it, in this sentence or the one before), or None."""
    toks = tokens_of(doc)
    k = sent_of[i]
    a = i
    while a > 0 and sent_of[a - 1] == k:
        a -= 1
    if a < len(doc) and toks.lower[a] in lex.grammar.articles:
        a += 1
        noun = a
        if (mentions is not None and noun + 3 < len(doc) and toks.text[noun + 1] == "-"
                and toks.text[noun].isdigit() and toks.lower[noun + 2] in lex.relations.anaphor_size_nouns):
            noun += 3  # "The 18-member grouping admitted …, its secretary general, X, told reporters"
        if mentions is not None and noun not in by_start and toks.lower[noun] in lex.roles.anaphor_nouns:
            a = noun
            named = [m for m in mentions if m.end <= a and m.type == "Organization" and m.role == "name"]
            if named and named[-1].sentence >= k - 1:
                # "The Nordic Council … members of NATO. The council, whose …": the one named with the noun
                own = [m for m in named if m.sentence >= k - 1 and toks.lower[a] in toks.lower[m.start:m.end]]
                if not own and toks.lower[a] in lex.relations.named_only_anaphors:
                    return None  # "The committee … brings together A, B and UNIFIL": not the UN named before
                return (own or named)[-1]
    m = by_start.get(a)
    if m is None or m.type not in QUALIFIER_TYPES or m.role not in ("name", "metonym") or sent_of[m.start] != k:
        return None
    if m.end + 1 < len(doc) and toks.lower[m.end] in lex.grammar.possessive:
        head = by_start.get(m.end + 1)
        if head is not None and head.type in QUALIFIER_TYPES and head.role == "name":
            m = head  # "The AU's Peace and Security Council": the council is the subject
    return m


def titled_subject_country(doc: Doc, lex: Lexicon, i: int, by_start: dict[int, TokMention], title_tokens: set[int],
                           sent_of) -> TokMention | None:
    """The country of the person opening the sentence of token ``i`` with a demonym and a title
    ("Angolan President X … sent his foreign minister, Y": Angola), the person ending at ``i``
    at the latest, or None."""
    k = sent_of[i]
    a = i
    while a > 0 and sent_of[a - 1] == k:
        a -= 1
    m = by_start.get(a)
    if m is None or m.role != "demonym" or m.type != "Country" or m.end not in title_tokens:
        return None
    e = m.end
    while e in title_tokens:
        e += 1
    p = by_start.get(e)
    return m if p is not None and p.type == "Person" and p.end <= i + 1 else None


def _previous_leaders_country(doc: Doc, lex: Lexicon, b: int, by_start: dict[int, TokMention],
                              by_end: dict[int, TokMention], title_tokens: set[int], sent_of) -> TokMention | None:
    """ "US President Donald Trump threatened … Marco Rubio, his secretary of state, said": a
    title after "his"/"her" in apposition to a person opening its sentence (or opening it:
    "His national security adviser, X,") is held in the country of the titled person who opens
    the sentence before (Angolan President X, "Mozambique's president, X,") and is the only
    person it names, or None."""
    toks = tokens_of(doc)
    k = sent_of[b]
    if b < 2 or k < 1 or toks.lower[b - 1] not in lex.roles.counterpart_possessives:
        return None
    if sent_of[b - 2] != k:
        last = b - 2  # "His national security adviser, X, had …" opens the sentence
        holder_start = b - 1
    else:
        if b < 3 or toks.text[b - 2] != ",":
            return None
        holder = by_end.get(b - 2)
        if holder is None or holder.type != "Person" or sent_of[holder.start] != k:
            return None
        if holder.start > 0 and sent_of[holder.start - 1] == k:
            return None  # the holder opens its sentence
        if holder.start < 1:
            return None
        last, holder_start = holder.start - 1, holder.start
    if sent_of[last] != k - 1:
        return None
    a = last
    while a > 0 and sent_of[a - 1] == k - 1:
        a -= 1
    m = by_start.get(a)  # "US President Donald Trump", "Angolan President X"
    if m is None or m.type != "Country" or m.role not in ("name", "demonym"):
        return None
    e = m.end
    owned = m.role == "name" and e + 1 < len(doc) and toks.lower[e] in lex.grammar.possessive
    if owned:
        e += 1  # "Mozambique's president, X, …": the country's title in apposition to the person
    if e not in title_tokens:
        return None
    while e in title_tokens:
        e += 1
    if owned and toks.text[e] == ",":
        e += 1
    p = by_start.get(e)
    if p is None or p.type != "Person":
        return None
    if any((o := by_start.get(i)) is not None and o.type == "Person" and o.key != p.key
           and not _introduced_through_pronoun(toks, lex, o) for i in range(p.end, holder_start)):
        return None  # "Trump met Ukrainian President Zelensky. Andriy Yermak, his chief of staff": whose?
    return TokMention(b - 1, b, m.key, m.type, "possessive-pronoun", "name", k)  # on "his", as "its" is


def _introduced_through_pronoun(toks, lex: Lexicon, o: TokMention) -> bool:
    """Person ``o`` is named in apposition to "his"/"her" and a noun ("after his predecessor, Y,
    was removed"): a side figure known through the person the sentence is about, who stays the
    one a "His" of the next sentence means."""
    a = o.start
    return (a >= 3 and toks.text[a - 1] == "," and toks.lower[a - 3] in lex.grammar.possessive_determiners
            and toks.text[a - 2].isalpha() and toks.text[a - 2].islower())


def _workplace(doc: Doc, lex: Lexicon, e: int, by_start: dict[int, TokMention], sent_of, k: int) -> TokMention | None:
    """The organization after "at" ([roles] workplace_prepositions) that an office ending at
    token ``e`` is held at ("X, vice president for studies at the Observer Research
    Foundation in New Delhi"), past a lower-case remit ("for studies"), when the organization
    closes the phrase (punctuation or "in"): not "minister at the OSCE meeting"."""
    toks = tokens_of(doc)
    roles = lex.roles
    n = len(doc)
    j = e
    if j + 1 < n and toks.lower[j] in roles.qualifier_prepositions:
        j += 1
        while j < n and j - e <= lex.window.workplace_remit_words and toks.text[j].isalpha() and toks.text[j].islower() \
                and toks.lower[j] not in roles.workplace_prepositions:
            j += 1
    if j + 1 >= n or toks.lower[j] not in roles.workplace_prepositions:
        return None
    w = j + 1 + (toks.lower[j + 1] in lex.grammar.articles)
    org = by_start.get(w)
    if org is None or org.type != "Organization" or org.role != "name" or sent_of[org.start] != k:
        return None
    if org.end < n and not (toks.text[org.end] in lex.speech.name_closers or toks.lower[org.end] in roles.capital_leads):
        return None
    return org


def clause_subject(doc: Doc, lex: Lexicon, a: int, by_start: dict[int, TokMention], sent_of) -> TokMention | None:
    """The country or organization opening the clause of token ``a`` after a comma and a
    link ("…, while the RSF sent its adviser X": the RSF), when such a clause opens in its
    sentence before it; else None."""
    toks = tokens_of(doc)
    k = sent_of[a]
    links = lex.roles.contrast_links | lex.grammar.coordinators
    for c in range(a - 1, max(0, a - lex.window.clause_comma), -1):
        if sent_of[c - 1] != k:
            return None
        if toks.lower[c] in links and toks.text[c - 1] == ",":
            j = c + 1
            while j < a and toks.lower[j] in lex.grammar.articles:
                j += 1
            m = by_start.get(j)
            if m is None or m.type not in QUALIFIER_TYPES or m.role not in ("name", "metonym") or m.end > a:
                return None
            return m
    return None


def own_government_end(doc: Doc, lex: Lexicon, j: int, n: int) -> int | None:
    """The token after "interim government" at ``j`` (up to two lower-case words before a noun
    of [roles] own_government_nouns, then a punctuation mark), or None: a country's own
    government is the country."""
    toks = tokens_of(doc)
    for i in range(j, min(n, j + 3)):
        if toks.lower[i] in lex.roles.own_government_nouns:
            # the head of its noun phrase: not "government council", not "government forces"
            return i + 1 if i + 1 >= n or not toks.text[i + 1].isalpha() else None
        if not (toks.text[i].isalpha() and toks.text[i].islower()):
            return None
    return None


def _persons_country(doc: Doc, lex: Lexicon, a: int, b: int, mentions: list[TokMention], sent_of) -> TokMention | None:
    """The country of the person a "his"/"her" at token ``a`` points to, as a qualifier on it:
    "Danish Prime Minister X said …, and her foreign minister, Y, …" (the sentence opens with a
    country or its demonym, a title and the one person named before the pronoun), or None."""
    toks = tokens_of(doc)
    if any(lex.titles.get(toks.lower[x]) in lex.roles.counterpart_titles for x in range(a + 1, min(a + 4, len(doc)))):
        return None  # "his Turkish counterpart, X": the other side's office (kg.nlp.counterparts)
    k = sent_of[a]
    first = a
    while first > 0 and sent_of[first - 1] == k:
        first -= 1
    before = [m for m in mentions if m.sentence == k and first <= m.start and m.end <= a]
    persons = [m for m in before if m.type == "Person"]
    if len(before) < 2 or before[0].start != first or before[0].type != "Country" or len(persons) != 1:
        return None
    country, person = before[0], before[1]
    if person is not persons[0] or person.start - country.end > lex.window.anaphor_description or any(
            toks.text[x] in (",", ";") for x in range(country.end, person.start)):
        return None  # "Peruvian Prime Minister X": a title, and nothing else, between them
    if any(toks.text[x][:1].isupper() for x in range(person.end, a)):
        return None  # "… met Ilse Varden and her foreign minister": a name the pronoun may point to
    return TokMention(a, b, country.key, country.type, "possessive-pronoun", "name", k)


def possessive_referent(doc: Doc, lex: Lexicon, b: int, mentions: list[TokMention],
                        by_start: dict[int, TokMention], sent_of) -> TokMention | None:
    """The country or organization a possessive before the title at token ``b`` points to, as a
    qualifier on the possessive's tokens: "Its foreign minister, X" (the subject of this
    sentence, or of the one before when "Its" opens it), "the bloc's chair, X" (the
    organization last named in this sentence or the one before, or the only one named so
    far), or None."""
    toks = tokens_of(doc)
    roles = lex.roles
    a = b - 1
    if a < 0 or sent_of[a] != sent_of[b]:
        return None
    k = sent_of[b]
    if toks.lower[a] in roles.person_possessive_pronouns:
        return _persons_country(doc, lex, a, b, mentions, sent_of)
    if toks.lower[a] in roles.plural_possessive_pronouns:
        if a == 0 or sent_of[a - 1] == k:
            return None  # only when it opens its sentence
        before = next(i for i in range(a - 1, -1, -1) if i == 0 or sent_of[i - 1] != sent_of[a - 1])
        if before > 0 and toks.lower[before] in roles.plural_subject_pronouns:
            before -= 1  # "The Houthis … They seized a ship … Their leader, X": one sentence further back
        subject = sentence_subject(doc, lex, before, by_start, sent_of)
        if subject is None or subject.type != "Organization":
            return None
        return TokMention(a, b, subject.key, subject.type, "possessive-pronoun", "name", k)
    if toks.lower[a] in roles.possessive_pronouns:
        opens = a == 0 or sent_of[a - 1] != k
        subject = None
        if not opens:
            if a >= 2 and toks.text[a - 1].isalpha() and toks.text[a - 1].islower():
                # "…, a day after Paris recalled its ambassador": the actor right before the verb
                subject = next((m for m in mentions if m.end == a - 1 and m.type in QUALIFIER_TYPES
                                and m.role in ("name", "metonym") and m.sentence == k), None)
            if subject is None:
                subject = clause_subject(doc, lex, a, by_start, sent_of) or sentence_subject(
                    doc, lex, a, by_start, sent_of, mentions)  # also "The grouping admitted …, its chair, X"
                if subject is not None and subject.end > a and subject.sentence == k:
                    subject = None
            if subject is None and k > 0 and a >= 2 and toks.text[a - 1] == ",":
                # "Turkey hosted the talks. Hakan Fidan, its foreign minister, said": in
                # apposition to the person opening the sentence, "its" is the sentence before's
                holder = by_start.get(next(i for i in range(a - 1, -1, -1) if i == 0 or sent_of[i - 1] != k))
                if holder is not None and holder.type == "Person" and holder.end == a - 1 and holder.start > 0:
                    subject = sentence_subject(doc, lex, holder.start - 1, by_start, sent_of, mentions)
            if subject is None and k > 0:
                # "The OSCE is in trouble. Its budget was late, and its secretary general, X, warned":
                # the "Its" opening the sentence points back, and so does this one
                first = next(i for i in range(a - 1, -1, -1) if i == 0 or sent_of[i - 1] != k)
                if first > 0 and toks.lower[first] in roles.possessive_pronouns:
                    subject = possessive_referent(doc, lex, first + 1, mentions, by_start, sent_of)
        elif a > 0:
            subject = sentence_subject(doc, lex, a - 1, by_start, sent_of, mentions)
            before = next(i for i in range(a - 1, -1, -1) if i == 0 or sent_of[i - 1] != sent_of[a - 1])
            if subject is None and before > 0 and toks.lower[before] in roles.thing_pronouns:
                # "The mission was deployed in 2023. It has 200 staff. Its head, X, said": the
                # sentence before opens with "It", which points one sentence further back
                subject = sentence_subject(doc, lex, before - 1, by_start, sent_of, mentions)
            if subject is not None and subject.type == "Organization":
                last = _last_clause_organization(doc, lex, k - 1, mentions)
                after = last.end if last is not None else 0
                if after and after + 2 < len(doc) and toks.text[after] == "(" and toks.text[after + 2] == ")":
                    after += 3  # "the European Bank for Reconstruction and Development (EBRD) has"
                if (last is not None and last.start > subject.end and last.key != subject.key
                        and after < len(doc) and toks.text[after].isalpha() and toks.text[after].islower()
                        and toks.lower[after] not in lex.speech.passive_auxiliaries):
                    # "The EU pledged …, and the EBRD has financed … . Its managing director, X":
                    # the organization opening the last clause is the nearer subject
                    subject = last
                else:
                    subject = _organization_its_points_to(doc, lex, subject, mentions)
            if subject is None:
                subject = (_only_thing_after_person(lex, a - 1, mentions, by_start, sent_of)
                           or _only_organization_after_plural(doc, lex, a - 1, mentions, by_start, sent_of)
                           or _last_clause_organization(doc, lex, k - 1, mentions))
        if subject is None:
            return None
        return TokMention(a, b, subject.key, subject.type, "possessive-pronoun", "name", k)
    if (a - 2 >= 0 and toks.lower[a] in lex.grammar.possessive and toks.lower[a - 1] in roles.anaphor_nouns
            and a - 1 not in by_start):
        det = a - 2
        if det > 0 and toks.lower[det] in roles.anaphor_adjectives:
            det -= 1  # "The regional bloc's commission president, X", "the continental body's"
        if toks.lower[det] in lex.grammar.articles and sent_of[det] == k:
            return anaphor_referent(doc, lex, det, a - 1, b, mentions, k)
    if (a - 2 >= 0 and toks.lower[a] in lex.grammar.possessive
            and (toks.lower[a - 1] in lex.actors.group_heads or toks.lower[a - 1] in lex.actors.org_heads)
            and toks.lower[a - 2] in lex.grammar.articles and sent_of[a - 2] == k and a - 1 not in by_start):
        # "the Georgian Dream congress, the party's chairman, X": the political group named last
        # with the noun ("the X party", "the X faction", "the X Party"); "The World Bank
        # estimates …, said X, the bank's regional director": any body whose name has the noun
        noun = toks.lower[a - 1]
        n = len(doc)
        groups = [m for m in mentions if m.end <= a - 2 and m.type == "Organization" and m.role == "name"
                  and (noun in toks.lower[m.start:m.end] or (m.end < n and toks.lower[m.end] == noun))]
        if groups:
            m = groups[-1]
            return TokMention(a - 2, b, m.key, m.type, "possessive-anaphor", "name", k)
    if (a - 2 >= 0 and toks.lower[a] in lex.grammar.possessive and toks.lower[a - 1] in roles.country_anaphors
            and toks.lower[a - 2] in lex.grammar.articles and sent_of[a - 2] == k):
        # "Azerbaijan will host COP29, the country's Ecology Minister X said": the country
        # opening this sentence, or the one before
        subject = sentence_subject(doc, lex, a - 2, by_start, sent_of)
        if subject is None and a - 2 > 0 and sent_of[a - 2] > 0:
            first = next((i for i in range(a - 2, -1, -1) if sent_of[i] == k - 1), None)
            subject = sentence_subject(doc, lex, first, by_start, sent_of) if first is not None else None
        if subject is None or subject.type != "Country":
            # "…, while the Saudi side was led by X, the kingdom's ambassador to Yemen": the one
            # country this sentence names before the anaphor (by name or demonym)
            before = {m.key: m for m in mentions if m.sentence == k and m.type == "Country" and m.end <= a - 2}
            subject = next(iter(before.values())) if len(before) == 1 else subject
        if subject is not None and subject.type == "Country":
            return TokMention(a - 2, b, subject.key, subject.type, "possessive-anaphor", "name", k)
    return None


def _last_clause_organization(doc: Doc, lex: Lexicon, k: int, mentions: list[TokMention]) -> TokMention | None:
    """The organization opening the last clause of sentence ``k`` after ", and" ([speech]
    clause_openers): "A French team has trained them, and the EU Mission in Armenia, an unarmed
    mission, patrols the border. Its head, X" (no actor opens the sentence), or None."""
    toks = tokens_of(doc)
    found = None
    for m in mentions:
        if m.sentence != k or m.type != "Organization" or m.role != "name":
            continue
        p = m.start - (m.start > 0 and toks.lower[m.start - 1] in lex.grammar.articles)
        if p >= 2 and toks.lower[p - 1] in lex.speech.clause_openers and toks.text[p - 2] == ",":
            found = m
    return found


def _organization_its_points_to(doc: Doc, lex: Lexicon, subject: TokMention,
                                mentions: list[TokMention]) -> TokMention | None:
    """What "Its" opening a sentence points to when the sentence before opens with an
    organization ``subject``: the one organization that sentence introduces by an indefinite
    description ("The EU deployed a monitoring mission, EUMA, … Its head, X": the mission);
    else the subject, the topic ("The commission, which oversees the MNJTF, met. Its
    executive secretary, X")."""
    toks = tokens_of(doc)
    others = {m.key: m for m in mentions if m.sentence == subject.sentence and m.start >= subject.end
              and m.type == "Organization" and m.role == "name" and m.key != subject.key}
    if len(others) != 1:
        return subject
    other = next(iter(others.values()))
    comma = other.start - 1
    if comma > 0 and toks.lower[comma] in lex.grammar.articles:
        comma -= 1  # "a civilian mission, the Lakes Verification Mission"
    if comma <= subject.end or toks.text[comma] != ",":
        return subject
    # the indefinite article of the description a few words before the comma: "a civilian
    # monitoring mission, EUMA"
    window = lex.window.introduced_description
    for i in range(comma - 1, max(subject.end, comma - 1 - window) - 1, -1):
        if toks.lower[i] in lex.grammar.indefinite_articles:
            return other
        if not (toks.text[i].isalpha() and toks.text[i].islower()):
            break
    # "The UN mission in the territory, MINURSO, has …", "NATO's peacekeeping force in Kosovo,
    # KFOR,": the subject only qualifies the body the name after the comma is of (a body's noun
    # within three words after it; lower-case words, its possessive and named places on)
    between = range(subject.end, comma)
    named = {i for m in mentions if m.sentence == subject.sentence and m.type in ("Country", "Place")
             and subject.end <= m.start for i in range(m.start, m.end)}
    if (any(toks.lower[j] in lex.actors.acronym_body_nouns for j in between[:3])
            and all((toks.text[j].isalpha() and toks.text[j].islower()) or j in named
                    or (j == subject.end and toks.lower[j] in lex.grammar.possessive) for j in between)):
        return other
    return subject


def _only_thing_after_person(lex: Lexicon, i: int, mentions: list[TokMention], by_start: dict[int, TokMention],
                            sent_of) -> TokMention | None:
    """ "X, a senior figure in Georgian Dream, said … Its honorary chairman, Y": "its" names no
    person, so after a sentence (of token ``i``) that a person opens, the one country or
    organization that sentence names, or None."""
    k = sent_of[i]
    a = i
    while a > 0 and sent_of[a - 1] == k:
        a -= 1
    first = by_start.get(a)
    if first is None or first.type != "Person":
        return None
    things = {m.key: m for m in mentions if m.sentence == k and m.type in QUALIFIER_TYPES and m.role == "name"}
    return next(iter(things.values())) if len(things) == 1 else None


def _only_organization_after_plural(doc: Doc, lex: Lexicon, i: int, mentions: list[TokMention],
                                    by_start: dict[int, TokMention], sent_of) -> TokMention | None:
    """ "The rebels, who are part of a coalition called the Congo River Alliance (AFC), signed …
    Its leader, X": "its" names no plural subject ("the" and a lower-case plural noun opening the
    sentence of token ``i``), so the one organization that sentence names, or None."""
    toks = tokens_of(doc)
    k = sent_of[i]
    a = i
    while a > 0 and sent_of[a - 1] == k:
        a -= 1
    noun = a + 1
    if (noun > i or by_start.get(a) is not None or toks.lower[a] not in lex.grammar.articles
            or not (toks.text[noun].isalpha() and toks.text[noun].islower() and toks.lower[noun].endswith("s")
                    and not toks.lower[noun].endswith("ss"))):
        return None
    orgs = {m.key: m for m in mentions if m.sentence == k and m.type == "Organization" and m.role == "name"}
    return next(iter(orgs.values())) if len(orgs) == 1 else None


def _institution_for_anaphor(lex: Lexicon, toks, noun: int, m: TokMention) -> bool:
    """Whether the nearer organization ``m`` is an institution the anaphor noun at ``noun`` may
    name though its own name lacks the noun ("the National Intelligence Service … the agency's
    director, X"), so that no older body named with the noun is meant."""
    return (toks.lower[noun] in lex.relations.institution_anaphors
            and toks.lower[m.end - 1] in lex.relations.institution_heads)


def anaphor_referent(doc: Doc, lex: Lexicon, det: int, noun: int, end: int, mentions: list[TokMention],
                     k: int) -> TokMention | None:
    """The organization "the bloc" (article at ``det``, noun at ``noun``, in sentence ``k``)
    points back to, as a mention on tokens ``det``..``end``, or None."""
    toks = tokens_of(doc)
    named = [m for m in mentions if m.end <= det and m.type == "Organization" and m.role == "name"]
    if toks.lower[noun] in lex.relations.ministry_anaphors:
        # "… the EU or NATO, …, the ministry's spokesperson X": a ministry is no alliance; only a
        # ministry kg.nlp.entities built, or one named with the word, is meant
        named = [m for m in named if m.rule in lex.relations.ministry_rules
                 or toks.lower[noun] in toks.lower[m.start:m.end]]
    fitting = {m.key: m for m in named if toks.lower[noun] in toks.lower[m.start:m.end]}
    if named and (named[-1].sentence >= k - 1 or len({m.key for m in named}) == 1):
        # the organization named last in this sentence; else the first one of the sentence
        # before, its subject ("EU leaders clashed over a deal with the bloc Mercosur. The
        # bloc's commission president, X"); else the only one the article has named so far
        m = named[-1]
        if m.sentence == k - 1:
            m = next(x for x in named if x.sentence == k - 1)
        own = [x for x in named if x.sentence >= k - 1 and toks.lower[noun] in toks.lower[x.start:x.end]]
        if own:  # "The Nordic Council … NATO. The council's president, X": the one with the noun
            m = own[-1]
        elif len(fitting) == 1 and not _institution_for_anaphor(lex, toks, noun, m):
            # "the EU Mission in Armenia … the EU … the head of the mission, X": the one
            # organization named with the noun, though others were named since
            m = next(iter(fitting.values()))
        return TokMention(det, end, m.key, m.type, "possessive-anaphor", "name", k)
    if len(fitting) == 1:
        # "the council's director general, X", far from the one organization named with
        # that word ("the Council of the Baltic Sea States")
        m = next(iter(fitting.values()))
        return TokMention(det, end, m.key, m.type, "possessive-anaphor", "name", k)
    return None


def phrase_before_title(doc: Doc, lex: Lexicon, b: int, phrases) -> tuple[int, int]:
    """The start of a title at token ``b`` (with its article) and the length of the phrase of
    ``phrases`` ("was led by", "was represented by") right before it, 0 if none."""
    toks = tokens_of(doc)
    lower = toks.lower
    a = b - 1 if b > 0 and lower[b - 1] in lex.grammar.articles else b
    last = lower[a - 1] if a > 0 else None  # a phrase's last word first: most end elsewhere
    lead = next((len(p) for p in phrases
                 if p[-1] == last and a - len(p) >= 0 and tuple(lower[a - len(p):a]) == p), 0)
    return a, lead


def delegation(doc: Doc, lex: Lexicon, b: int, by_start: dict[int, TokMention], by_end: dict[int, TokMention],
                sent_of) -> TokMention | None:
    """ "The delegation of Moldova was led by the Prime Minister X": the country or organization
    of the delegation a title at token ``b`` leads, or None."""
    toks = tokens_of(doc)
    roles = lex.roles
    k = sent_of[b]
    a, lead = phrase_before_title(doc, lex, b, roles.delegation_leads)
    if not lead:
        # "…, and the Armenian delegation by Deputy Prime Minister X": the verb left out
        a, lead = phrase_before_title(doc, lex, b, roles.gapped_delegation_leads)
        if not lead or a - lead - 1 < 0 or toks.lower[a - lead - 1] not in roles.delegation_nouns:
            return None
    for x in range(a - lead - 1, -1, -1):
        if sent_of[x] != k:
            break
        if toks.lower[x] not in roles.delegation_nouns:
            continue
        # "Moldova's delegation", "the Moldovan delegation", "the delegation of Moldova"
        e = x - 1 if x > 0 and toks.lower[x - 1] in lex.grammar.possessive else x
        q = by_end.get(e)
        if q is None and x + 1 < len(doc) and toks.lower[x + 1] in roles.qualifier_prepositions:
            y = x + 2 + (x + 2 < len(doc) and toks.lower[x + 2] in lex.grammar.articles)
            q = by_start.get(y)
        s = x - 1 - (x > 0 and toks.lower[x - 1] in lex.grammar.articles)
        if q is None and s > 0 and sent_of[s] == k and any(toks.lower[s] == p[-1] for p in roles.sender_leads if len(p) == 1):
            # "Turkey, a dialogue partner of the bloc, sent a delegation led by President X"
            q = sentence_subject(doc, lex, s, by_start, sent_of)
        return q if q is not None and q.type in QUALIFIER_TYPES and sent_of[q.start] == k else None
    return None


def represented(doc: Doc, lex: Lexicon, b: int, by_end: dict[int, TokMention], sent_of) -> TokMention | None:
    """ "Argentina was represented by Foreign Minister X": the country or organization, the
    subject right before the auxiliaries, that a title at token ``b`` represents, or None."""
    toks = tokens_of(doc)
    roles = lex.roles
    k = sent_of[b]
    a, lead = phrase_before_title(doc, lex, b, roles.represented_leads)
    if not lead:
        return None
    e = a - lead
    while e > 0 and sent_of[e - 1] == k and toks.lower[e - 1] in roles.represented_auxiliaries:
        e -= 1
    if e == a - lead:
        return None  # "the talks, represented by …": no passive, no subject
    q = by_end.get(e)
    if q is None and e > 1 and toks.lower[e - 1] in roles.delegation_nouns:
        # "the Iranian side was represented by X", "Iran's delegation was represented by X"
        d = e - 1 - (e > 2 and toks.lower[e - 2] in lex.grammar.possessive)
        q = by_end.get(d)
    if q is None and e > 1 and toks.text[e - 1] == ",":
        # "Hungary, which has blocked several sanctions packages, was represented by …": the
        # subject before a relative clause set off by commas
        for c in range(e - 2, max(0, e - 1 - lex.window.clause_comma), -1):
            if sent_of[c] != k or toks.text[c] == ",":
                if sent_of[c] == k and toks.lower[c + 1] in lex.speech.relative_pronouns:
                    q = by_end.get(c)
                break
    return q if q is not None and q.type in QUALIFIER_TYPES and sent_of[q.start] == k else None


def read_office(doc: Doc, t: TitleSpan, lex: Lexicon, mentions: list[TokMention], by_start: dict[int, TokMention],
                 by_end: dict[int, TokMention], covered: Covered, title_tokens: set[int], sent_of,
                 n: int, ranks: dict[int, int]) -> Office:
    """Title ``t`` with its qualifiers, portfolio and post, and the persons named right after it."""
    toks = tokens_of(doc)
    roles = lex.roles
    k = sent_of[t.start]
    posted = t.title in roles.posted_titles
    title, title_start = t.title, t.start
    quals: list[TokMention] = []
    start, rule, quals_before = t.start, "title-qualifier", False

    def qualifier_ending(at: int) -> TokMention | None:
        if at > 0 and toks.lower[at - 1] in lex.grammar.possessive:
            at -= 1
        q = by_end.get(at)
        return q if q is not None and q.type in QUALIFIER_TYPES and sent_of[q.start] == k else None

    q = qualifier_ending(t.start)
    if q is not None and q.role == "demonym":
        # "Its American chairman, X": the office is of what the possessive points to
        q = possessive_referent(doc, lex, q.start, mentions, by_start, sent_of) or q
    d = (lower_domain_start(doc, lex, t, covered)
         if q is None and t.start > 0 and toks.lower[t.start - 1] in roles.domain_adjectives else t.start)
    if d < t.start:
        # "the U.N. humanitarian chief", "its international relations minister, X", "the bloc's
        # commission president, X": a lower-case domain between the qualifier and the title
        q = qualifier_ending(d) or possessive_referent(doc, lex, d, mentions, by_start, sent_of)
        if q is None and d > 1 and toks.lower[d - 1] in roles.current_adjectives:
            # "Ghana's outgoing navy chief, X"
            q = qualifier_ending(d - 1) or possessive_referent(doc, lex, d - 1, mentions, by_start, sent_of)
        if q is not None:
            title_start = d
            domain = " ".join(w.lower() if w.lower() in lex.grammar.coordinators else w
                              for w in toks.span_text(d, t.start).title().split(" "))
            title = f"{domain} {t.title}"
    if q is None and t.start > 0 and toks.lower[t.start - 1] in roles.current_adjectives and t.start - 1 not in covered:
        # "Gabon's transitional president, X", "Mali's interim president X": the office is the
        # title's; "Its honorary chairman, X": what the possessive points to
        q = qualifier_ending(t.start - 1) or possessive_referent(doc, lex, t.start - 1, mentions, by_start, sent_of)
    if q is None:
        # "Ukrainian Infrastructure Minister": a domain between the qualifier and the title
        d = domain_start(doc, lex, t, covered, 0)
        if d < t.start:
            q = qualifier_ending(d) or possessive_referent(doc, lex, d, mentions, by_start, sent_of)
            if q is not None:
                title_start = d
                title = f"{toks.span_text(d, t.start)} {t.title}"
    if q is None and t.start in by_end and by_end[t.start].type == "Place" and sent_of[by_end[t.start].start] == k:
        # "U.S. Middle East envoy X", "Norway's Arctic envoy, X": a region the office covers
        # between its holder's employer and the title
        region = by_end[t.start]
        q = qualifier_ending(region.start) or possessive_referent(doc, lex, region.start, mentions, by_start, sent_of)
        if q is not None:
            title_start = region.start
            title = f"{toks.span_text(region.start, t.start)} {t.title}"
    if q is None:
        q = head_anaphor(doc, lex, t.start, mentions, covered, sent_of)
    if q is None:
        q = possessive_referent(doc, lex, t.start, mentions, by_start, sent_of)
        if (q is not None and q.type == "Country" and q.rule == "possessive-pronoun"
                and t.title in roles.organization_titles):
            q = None  # "A and B are observers. Its secretary general, X": no country's office
    # "was led by Strategic Affairs Minister X": the lead phrase comes before the domain
    lead_at = domain_start(doc, lex, t, covered, 0) if q is None else t.start
    if q is None:
        q = delegation(doc, lex, lead_at, by_start, by_end, sent_of)
        if q is not None:
            rule = "delegation"
    if q is None:
        q = represented(doc, lex, lead_at, by_end, sent_of)
        if q is None:
            a, lead = phrase_before_title(doc, lex, lead_at, roles.represented_leads)
            if lead and a - lead > 0 and sent_of[a - lead - 1] == k:
                # "Mexican President X was represented by Foreign Minister Y": the subject's country
                q = titled_subject_country(doc, lex, a - lead - 1, by_start, title_tokens, sent_of)
        if q is not None:
            rule = "represented"
    if q is not None and rule in ("delegation", "represented") and lead_at < t.start:
        title_start = lead_at
        title = f"{toks.span_text(lead_at, t.start)} {t.title}"
    if q is None:
        b = t.start
        if b > 1 and toks.lower[b - 1] in roles.counterpart_possessives:
            b -= 1  # "President X did not attend and sent his foreign minister, Y": the subject's
        a, lead = phrase_before_title(doc, lex, b, roles.sender_leads)
        if lead and a - lead > 0 and sent_of[a - lead - 1] == k:
            # "China, which is not a member, sent a special envoy, X": the sentence's subject's
            q = sentence_subject(doc, lex, a - lead - 1, by_start, sent_of)
            if q is None:
                # "Angolan President X … sent his foreign minister, Y", "… and sent Deputy Prime Minister Y"
                q = titled_subject_country(doc, lex, a - lead - 1, by_start, title_tokens, sent_of)
            if q is not None:
                rule = "represented"
    if q is None:
        q = _previous_leaders_country(doc, lex, t.start, by_start, by_end, title_tokens, sent_of)
    if q is None:
        # "Armenian Security Council Secretary X": the organization's name runs into the title
        m = by_end.get(next((e for e in range(t.start + 1, t.end) if e in by_end), -1))
        if m is not None and m.type == "Organization" and m.start < t.start and sent_of[m.start] == k:
            q = m
    if q is not None and rule in ("delegation", "represented"):
        quals = [q]
    elif q is not None:
        quals, start, quals_before = [q], q.start, True
        if t.plural:
            # "Armenian and Azerbaijani Foreign Ministers": every qualifier, paired in order later
            first = q.start
            while first > 0 and sent_of[first - 1] == k:
                first -= 1
            listed = backward_list(doc, lex, q.end, by_end, QUALIFIER_TYPES, first)
            if listed and listed[-1] is q:
                quals, start = listed, listed[0].start
        elif posted and q.type in ("Organization", "Country"):
            # "Russia's U.N. Ambassador": the country employs, the organization is the post;
            # "U.S. Syria envoy X", "the UN's Yemen envoy": the first employs, the country is the post
            employer = qualifier_ending(q.start)
            if employer is not None and (employer.type == "Country" or q.type == "Country"):
                quals, start = [employer], employer.start
                title_start = q.start
                title = f"{toks.span_text(q.start, q.end)} {title}" if q.type == "Country" else title
    j = t.end
    p = portfolio(doc, lex, j, by_start, n) if t.title in roles.portfolio_titles else j
    lead = first_names(doc, p, by_start)
    if lead:
        p -= lead  # "Commissioner for Enlargement Olivér Várhelyi", only "Várhelyi" a mention
    if p > j:
        title = f"{title} {toks.span_text(j, p)}"
        j = p
    alias_end = title_alias_end(doc, lex, j, by_start, n)  # "Commissioner for Human Rights (Ombudsman) of X"
    alias = lex.titles.get(toks.span_text(j + 1, alias_end - 1).lower()) if alias_end > j else None
    j = alias_end
    prepositions = roles.qualifier_prepositions
    if t.title in roles.counterpart_titles:
        prepositions = prepositions | roles.counterpart_prepositions  # "his counterpart from Azerbaijan"
    if not quals and j < n and toks.lower[j] in prepositions and not (
            posted and toks.lower[j] in roles.posting_prepositions):
        at = j
        quals, j = forward_list(doc, lex, j + 1, by_start, QUALIFIER_TYPES, n, plural=t.plural)
        quals = [m for m in quals if sent_of[m.start] == k]
        side = at + 2
        if (not quals and side + 1 < n and toks.lower[at + 1] in lex.grammar.articles
                and toks.lower[side] in roles.qualifier_side_adjectives):
            # "a leader of the opposition Coalition for Change, X": past the side it is on
            org = by_start.get(side + 1)
            if org is not None and org.type == "Organization" and sent_of[org.start] == k:
                quals, j = [org], org.end
        rule = "title-of"
        if len(quals) == 1 and quals[0].type == "Organization" and j < n and toks.lower[j] in lex.actors.group_heads:
            j += 1  # "The head of the Hayastan faction, X": the group's noun after its name
        p = at + 1 + (at + 1 < n and toks.lower[at + 1] in lex.grammar.articles)
        if not quals and p < n and toks.lower[p] in roles.parliament_nouns and p not in by_start and sent_of[p] == k:
            # "Speaker of Parliament X": the one legislature the article has named (else no one's)
            j = p + 1
            houses = {m.key: m for m in mentions if m.end <= t.start and m.type == "Organization" and m.role == "name"
                      and any(w in roles.legislature_heads for w in toks.lower[m.start:m.end])}
            quals = list(houses.values()) if len(houses) == 1 else []
        if (not quals and at + 2 < n and toks.lower[at + 1] in lex.grammar.articles
                and toks.lower[at + 2] in roles.anaphor_nouns and at + 2 not in by_start and sent_of[at + 2] == k):
            # "the head of the mission, X", "the chairman of the council, X": what the anaphor points back to
            ref = anaphor_referent(doc, lex, at + 1, at + 2, at + 3, mentions, k)
            if ref is not None:
                quals, j = [ref], at + 3
        if (not quals and p < n and toks.lower[p - 1] in lex.grammar.articles
                and (own := own_government_end(doc, lex, p, n)) is not None):
            # "Myanmar was represented by X, the foreign minister of the military government":
            # the government of the country the person represents
            holder = by_end.get(start - 2) if start > 1 and toks.lower[start - 1] in lex.grammar.articles else None
            subject = (represented(doc, lex, holder.start, by_end, sent_of)
                       if holder is not None and holder.type == "Person" and toks.text[start - 2] == "," else None)
            if subject is not None and subject.type == "Country":
                quals, j = [subject], own
        if not quals and t.title in roles.demonym_domain_titles:
            # "The head of Azerbaijani diplomacy, X", "the head of the Armenian government X": a
            # country's domain, named by its adjective
            d = by_start.get(at + 1 + (at + 1 < n and toks.lower[at + 1] in lex.grammar.articles))
            if (d is not None and d.role == "demonym" and d.type == "Country" and d.end < n
                    and toks.lower[d.end] in roles.demonym_domains and sent_of[d.end] == k):
                quals, j = [d], d.end + 1
                title = f"{title} of {toks.text[d.end].capitalize()}"
                if j + 1 < n and toks.lower[j] in roles.posting_prepositions:
                    post = by_start.get(j + 1 + (toks.lower[j + 1] in lex.grammar.articles))
                    if post is not None and post.type in QUALIFIER_TYPES + ("Place",) and sent_of[post.start] == k:
                        j = post.end  # "Head of the Azerbaijani delegation to PACE X": where it is sent
        if not quals:
            # "X's adviser for Africa, Y": a region the office covers, no employer
            places, after = forward_list(doc, lex, at + 1, by_start, ("Place",), n, plural=False)
            head = by_start.get(after + 2) if places and hyphen_modifier(doc, after, n) else None
            if head is not None and head.type in QUALIFIER_TYPES:
                quals, j = [head], head.end  # "prime minister of the Tripoli-based Government of National Unity"
            elif places:
                j, rule = after, "title-qualifier"
        if len(quals) == 1 and j + 1 < n and toks.lower[j] in lex.grammar.possessive:
            # "chairman of Sudan's Transitional Sovereignty Council": the organization the
            # country owns is the head of the noun phrase; no actor after it, no office here
            head = by_start.get(j + 1)
            own = own_government_end(doc, lex, j + 1, n) if head is None and quals[0].type == "Country" else None
            if own is not None:
                j = own  # "the chief adviser of Bangladesh's interim government": the country's
            elif (head is None and quals[0].type == "Organization" and toks.lower[j + 1] in roles.organ_nouns
                  and toks.text[j + 1].islower()):
                j += 2  # "deputy chairman of the Duma's committee on CIS affairs": an unnamed organ's, so the body's
            else:
                quals, j = ([head], head.end) if head is not None and head.type in QUALIFIER_TYPES else ([], j)
        country = by_start.get(p)
        if (len(quals) <= 1 and country is not None and country.type == "Country" and country.end + 2 < n
                and toks.lower[country.end] in roles.own_government_nouns
                and toks.lower[country.end + 1] in lex.grammar.possessive):
            # "director of the Serbian government's Office for Kosovo": the government's body employs
            head = by_start.get(country.end + 2)
            if head is not None and head.type == "Organization":
                quals, j = [head], head.end
        if len(quals) == 1 and j + 2 < n and toks.text[j] == "(":
            acronym = by_start.get(j + 1)
            if acronym is not None and acronym.key == quals[0].key and acronym.end < n and toks.text[acronym.end] == ")":
                j = acronym.end + 1  # "The rapporteurs of the Parliamentary Assembly of the Council of Europe (PACE), X and Y"
        if (len(quals) == 1 and quals[0].type == "Organization" and j < n and toks.lower[j] in lex.actors.post_heads
                and j not in by_start and sent_of[j] == k):
            # "the head of the ICRC delegation in Azerbaijan, X": the organization's body, posted
            j += 1
            if j + 1 < n and toks.lower[j] in lex.actors.post_head_prepositions:
                post = by_start.get(j + 1 + (toks.lower[j + 1] in lex.grammar.articles))
                if post is not None and post.type in ("Country", "Place") and sent_of[post.start] == k:
                    j = post.end
        if len(quals) == 1 and t.plural:
            j = remit_end(doc, lex, j, by_start, n)  # "… (PACE) for the monitoring of Armenia, X and Y"
        if len(quals) == 1 and hyphen_modifier(doc, j, n):
            # "president of the BRICS-founded New Development Bank": the head of the noun
            # phrase employs, not the actor in its modifier (nor anyone, if the head is no actor)
            head = by_start.get(j + 2)
            quals, j = ([head], head.end) if head is not None and head.type in QUALIFIER_TYPES else ([], j)
    if not quals and not posted:
        workplace = _workplace(doc, lex, t.end, by_start, sent_of, k)
        if workplace is not None:
            quals, j, rule = [workplace], workplace.end, "title-of"
    if posted and j + 1 < n and toks.lower[j] in roles.posting_prepositions:
        described = toks.lower[j + 1] in lex.grammar.articles  # "for the Belgrade-Pristina dialogue"
        # "Special Representative for the Caucasus and Central Asia X": a post may list places
        post, after = forward_list(doc, lex, j + 1, by_start, QUALIFIER_TYPES + ("Place",), n, plural=True)
        if post:
            j = after
        j = named_post_end(doc, lex, j if post else j + 1, by_start, sent_of, n, described) or j
    j = seat_end(doc, lex, j, posted)
    if title_start < start:
        start = title_start
    if (j + 1 < n and toks.text[j] == "-" and not toks.whitespace[j - 1]
            and toks.lower[j + 1] in roles.future_title_suffixes):
        return Office(start, j + 2, title, quals, rule, t.plural, k, quals_before, former=True)  # "minister-elect"
    office = Office(start, j, title, quals, rule, t.plural, k, quals_before, alias=alias)
    if (not_current(doc, lex, title_start, k, sent_of) or not_current(doc, lex, start, k, sent_of)
            or ended_tenure(doc, lex, j, k, sent_of)):
        office.former = True  # "former President X", "Armenia's ex-foreign minister": no office now
        return office
    if j < n and toks.lower[j] in lex.grammar.possessive:
        office.possessor = True  # "X, the Iranian president's deputy chief of staff": X is no president
        return office
    at = j
    known = by_start.get(at)  # "Supreme Leader Ayatollah Ali Khamenei": a known name with its honorific
    if (at + 1 < n and not t.plural and (known is None or known.type != "Person")
            and (toks.lower[at].rstrip(".") in lex.actors.honorifics or at in ranks)):
        # "Foreign Minister Prince Faisal bin Farhan", "Defence Minister General X": the
        # honorific or rank is no part of the name, and no one else holds the office
        at = past_honorifics(doc, lex, ranks.get(at, at + 1), n)  # "Foreign Minister Datuk Seri X"
        office.honored = True
        if at < n and toks.text[at] == ".":
            at += 1  # "Dr ."
    persons, _ = forward_list(doc, lex, at + first_names(doc, at, by_start, ahead=True), by_start, ("Person",), n,
                              plural=t.plural)
    office.persons = [p for p in persons if holds(p, title_tokens)]
    if not quals and t.plural and not office.persons and j + 3 < n and toks.text[j] == ",":
        # "the two foreign ministers, Armenia's A and Azerbaijan's B,": each the office of the
        # country that owns the name
        owned = owned_holders(doc, lex, j + 1, by_start, title_tokens, n)
        if len(owned) >= 2:
            office.persons, office.quals = [p for p, _ in owned], [q for _, q in owned]
            office.rule = "title-name-of"
            return office
    if not quals and office.persons:
        # "President Emmanuel Macron of France", "Foreign Ministers A of Armenia and B of Azerbaijan"
        items, _ = holder_list(doc, lex, j, by_start, title_tokens, t.plural, n)
        if items and all(q is not None for _, q in items):
            office.persons = [p for p, _ in items]
            office.quals = [q for _, q in items if q is not None]
            office.rule = "title-name-of"
    elif quals and t.plural and not office.persons and j + 1 < n and toks.text[
            j := lower_remit_end(doc, lex, j, by_start, n)] in roles.list_openers:
        # "the Co-Chairs of the OSCE Minsk Group (A of France, B of the United States and C)";
        # "The special representatives of A and B for the normalization process, X and Y,"
        items, end = holder_list(doc, lex, j + 1, by_start, title_tokens, True, n)
        closer = roles.list_openers[toks.text[j]]
        if len(items) >= 2 and (not closer or (end < n and toks.text[end] == closer)):
            office.persons = [p for p, _ in items]
    return office


def origin_end(doc: Doc, lex: Lexicon, k: int, by_start: dict) -> int | None:
    """The token after "of the Netherlands" or "in Turkey" at ``k`` (a preposition of [roles]
    origin_prepositions and a country, or of [roles] whereabouts_prepositions and a country or
    place, with an article or not) when an apposition's closer follows it, or None: "Its
    president, X of the Netherlands, said" names where X is from, and "his Russian
    counterpart, X in Turkey." where X is, not a part of the name."""
    toks = tokens_of(doc)
    n = len(doc)
    if k + 1 >= n:
        return None
    word = toks.lower[k]
    if word in lex.roles.origin_prepositions:
        types: tuple[str, ...] = ("Country",)
    elif word in lex.roles.whereabouts_prepositions:
        types = ("Country", "Place")
    else:
        return None
    j = k + 1 + (toks.lower[k + 1] in lex.grammar.articles)
    actor = by_start.get(j)
    if actor is None or actor.type not in types or actor.end >= n:
        return None
    return actor.end if toks.text[actor.end] in lex.roles.apposition_closers else None


def seat_end(doc: Doc, lex: Lexicon, j: int, posted: bool) -> int:
    """Past "on the council" at token ``j`` after a posted title ("Algeria's representative on
    the council, Ambassador X"), or ``j``."""
    toks = tokens_of(doc)
    if (posted and j + 2 < len(doc) and toks.lower[j] in lex.roles.seat_prepositions
            and toks.lower[j + 1] in lex.grammar.articles and toks.lower[j + 2] in lex.roles.anaphor_nouns):
        return j + 3
    return j


def named_post_end(doc: Doc, lex: Lexicon, j: int, by_start: dict[int, TokMention], sent_of, n: int,
                   described: bool = False) -> int | None:
    """The comma that closes a post's name running on from token ``j`` ("Special Representative
    for the Belgrade-Pristina Dialogue, X": capitalised words, hyphens and connectors, no
    person's name), when a person's name follows it; else None.  After an article the post may
    end in lower-case words ("the EU's special representative for the Belgrade-Pristina
    dialogue, X", "its envoy for the peace talks, X"): a noun phrase, as a verb takes none."""
    toks = tokens_of(doc)
    k = sent_of[j] if j < n else -1
    opened = j < n and toks.lower[j] in lex.grammar.articles
    described = described or opened
    i = j + opened
    lower_words = 0
    while i < n and sent_of[i] == k and i - j < lex.window.post_name_words:
        m = by_start.get(i)
        if m is not None:
            if m.type == "Person":
                return None
            i = m.end
            continue
        word, low = toks.text[i], toks.lower[i]
        if word == ",":
            p = by_start.get(i + 1)
            return i if i > j and p is not None and p.type == "Person" else None
        if not (word == "-" or low in lex.actors.connectors or (word[:1].isupper() and word.isalpha())
                or (described and word.isalpha() and word.islower() and low not in lex.grammar.articles)):
            return None
        if word.islower() and word.isalpha() and low not in lex.actors.connectors:
            lower_words += 1
            if lower_words > lex.window.post_lower_words:
                return None
        i += 1
    return None


def remit_end(doc: Doc, lex: Lexicon, j: int, by_start: dict, n: int) -> int:
    """The token after the remit an office covers at token ``j`` ("for Gaza", "for the
    monitoring of Armenia": a preposition of [roles] office_remit_prepositions, then a place or
    country, or lower-case words ([window] post_lower_words) and "of" before an actor), or ``j``."""
    toks = tokens_of(doc)
    if j + 2 >= n or toks.lower[j] not in lex.roles.office_remit_prepositions:
        return j
    at = j + 2 if toks.lower[j + 1] in lex.grammar.articles else j + 1
    actor = by_start.get(at)
    if actor is not None:
        return actor.end if actor.type in ("Place", "Country") else j
    e = at
    while e < n and e - at < lex.window.post_lower_words and toks.text[e].isalpha() and toks.text[e].islower() \
            and toks.lower[e] not in lex.roles.qualifier_prepositions and toks.lower[e] not in lex.grammar.articles:
        e += 1
    if e == at or e + 1 >= n or toks.lower[e] not in lex.roles.qualifier_prepositions:
        return j
    e += 1 + (toks.lower[e + 1] in lex.grammar.articles)
    actor = by_start.get(e)
    return actor.end if actor is not None and actor.type in ("Place", "Country", "Organization") else j


def hyphen_modifier(doc: Doc, j: int, n: int) -> bool:
    """The mention that ends at token ``j`` opens a hyphenated modifier ("BRICS-founded",
    "Russia-led", "US-backed"): a hyphen, then a lower-case word."""
    toks = tokens_of(doc)
    return (j + 1 < n and toks.text[j] in ("-", "‑") and not toks.whitespace[j] and toks.text[j + 1].isalpha()
            and toks.text[j + 1].islower())


def not_current(doc: Doc, lex: Lexicon, b: int, k: int, sent_of) -> bool:
    """A word before token ``b`` says the office is not held now ("former", "ex-", "then-")."""
    toks = tokens_of(doc)
    a = b
    if a > 0 and sent_of[a - 1] == k and toks.text[a - 1] in ("-", "–"):
        a -= 1
    if a > 0 and sent_of[a - 1] == k and toks.lower[a - 1] in lex.grammar.articles:
        a -= 1
    return a > 0 and sent_of[a - 1] == k and toks.lower[a - 1] in lex.roles.not_current


def ended_tenure(doc: Doc, lex: Lexicon, j: int, k: int, sent_of) -> bool:
    """A tenure with an end starts at token ``j``, right after an office ("from 2010 to 2015",
    "between 2010 and 2015", "until 2019"): the office is not held now."""
    toks = tokens_of(doc)
    roles = lex.roles
    n = len(doc)
    if j + 1 >= n or sent_of[j] != k:
        return False
    word = toks.lower[j]
    if word in roles.tenure_closers:
        return _year_at(toks, sent_of, j + 1, k)
    return (word in roles.tenure_openers and j + 3 < n and _year_at(toks, sent_of, j + 1, k)
            and toks.lower[j + 2] in roles.tenure_links and _year_at(toks, sent_of, j + 3, k))


def _year_at(toks, sent_of, i: int, k: int) -> bool:
    """Token ``i`` of sentence ``k`` is a year ("2015")."""
    return sent_of[i] == k and len(toks.text[i]) == 4 and toks.text[i].isdigit()


def past_honorifics(doc: Doc, lex: Lexicon, i: int, n: int) -> int:
    """The token after the honorifics in a row from token ``i`` ("Datuk Seri X": X's), or ``i``;
    a word that would leave no name after it stays."""
    toks = tokens_of(doc)
    while i + 1 < n and toks.lower[i].rstrip(".") in lex.actors.honorifics:
        i += 1
    return i


def remit_comma_end(doc: Doc, lex: Lexicon, j: int, by_start: dict, n: int) -> int | None:
    """The comma closing a remit or seat at token ``j`` ("for the Colombian peace process,", "at
    the foreign ministry,"): a remit or posting preposition, an optional article, a known country or place or capitalised
    adjectives, lower-case words (one at least, at most [window] post_lower_words), then the comma; or None.
    ``by_start``: the actors by first token (candidates or mentions: a ``type`` and an ``end``)."""
    toks = tokens_of(doc)
    if j >= n or (toks.lower[j] not in lex.roles.office_remit_prepositions
                  and toks.lower[j] not in lex.roles.posting_prepositions):
        return None  # "… at the foreign ministry, X": a seat too
    k = j + 1 + (j + 1 < n and toks.lower[j + 1] in lex.grammar.articles)
    lower = 0
    while k < n:
        known = by_start.get(k)
        if known is not None and known.type in ("Country", "Place") and (
                lower == 0 or toks.lower[k - 1] in lex.roles.remit_place_links):
            k = known.end  # also "for normalisation with Armenia,"
            if lower:
                break
        elif lower == 0 and known is None and toks.text[k][:1].isupper() and toks.text[k].isalpha():
            # "for the Zemblan peace process", "for Central Asian affairs": adjectives of names
            # the text has not defined, before a lower-case word
            e = k + 1
            while e < n and e - k < lex.window.title_portfolio_words and toks.text[e][:1].isupper() \
                    and toks.text[e].isalpha():
                e += 1
            if not (e < n and toks.text[e].isalpha() and toks.text[e].islower()):
                break
            k = e
        elif (toks.lower[k] in lex.roles.remit_place_links and k + 1 < n and by_start.get(k + 1) is not None
              and by_start[k + 1].type in ("Country", "Place")):
            k += 1  # "with Armenia", "in Georgia": the place's link, no word of the remit's own
        elif (toks.lower[k] in lex.grammar.coordinators and k + 2 < n and toks.lower[k + 1] in lex.grammar.articles
              and toks.text[k + 2].islower()):
            lower, k = lower + 1, k + 2  # "for the South Caucasus and the crisis in Georgia,": a second remit
        elif toks.text[k].isalpha() and toks.text[k].islower() and toks.lower[k] not in lex.grammar.articles:
            lower += 1
            if lower > lex.window.post_lower_words:
                return None
            k += 1
        else:
            break
    return k if lower and k < n and toks.text[k] == "," else None


def lower_remit_end(doc: Doc, lex: Lexicon, j: int, by_start: dict[int, TokMention], n: int) -> int:
    """The comma after a lower-case remit at token ``j`` ("for the normalization process," of
    "The special representatives of A and B for the normalization process, X and Y"; "for
    Central Asian affairs,": capitalised adjectives inside, a lower-case noun last), or ``j``."""
    toks = tokens_of(doc)
    if toks.lower[j] not in lex.roles.office_remit_prepositions:
        return j
    k = j + 1
    while k < n and k - j <= lex.window.title_portfolio_words and k not in by_start and toks.text[k].isalpha() \
            and (toks.text[k].islower() or (k + 1 < n and toks.text[k + 1].isalpha())):
        k += 1
    return k if k > j + 1 and k < n and toks.text[k] == "," and toks.text[k - 1].islower() else j


def owned_holders(doc: Doc, lex: Lexicon, i: int, by_start: dict[int, TokMention], title_tokens: set[int],
                  n: int) -> list[tuple[TokMention, TokMention]]:
    """Persons listed from token ``i``, each after its country's possessive ("Armenia's A and
    Azerbaijan's B"): [(A, Armenia), (B, Azerbaijan)], or [] when an item has no owner."""
    toks = tokens_of(doc)
    items: list[tuple[TokMention, TokMention]] = []
    x = i
    while x < n:
        c = by_start.get(x)
        if c is None or c.type != "Country" or c.end + 1 >= n or toks.lower[c.end] not in lex.grammar.possessive:
            return []
        p = by_start.get(c.end + 1)
        if not holds(p, title_tokens):
            return []
        items.append((p, c))
        x = p.end
        if x < n and toks.text[x] == ",":
            x += 1
        if x < n and toks.lower[x] in lex.grammar.coordinators:
            x += 1
        if x == p.end or by_start.get(x) is None or by_start[x].type != "Country":
            break
    return items


def holder_list(doc: Doc, lex: Lexicon, i: int, by_start: dict[int, TokMention], title_tokens: set[int],
                plural: bool, n: int) -> tuple[list[tuple[TokMention, TokMention | None]], int]:
    """Persons listed from token ``i``, each with the country or organization of "A of France":
    [(A, France), (B, None)], and the end token; a holder's own title before the name is passed
    over ("…, Deputy Speaker X and Ambassador Y")."""
    toks = tokens_of(doc)
    items: list[tuple[TokMention, TokMention | None]] = []
    j = i

    def past_title(x: int) -> int:
        start = x
        while x < n and x in title_tokens and x - start < lex.window.title_name_words:
            x += 1
        if x > start and x + 1 < n and toks.lower[x] in lex.roles.holder_of:
            # "Deputy Speaker of the National Assembly Y": the holder's own office's qualifier
            m = by_start.get(x + 1 + (toks.lower[x + 1] in lex.grammar.articles))
            if m is not None and m.type in QUALIFIER_TYPES:
                x = m.end
        return x

    while j < n:
        j = past_title(j)
        p = by_start.get(j)
        if not holds(p, title_tokens):
            break
        j, q = p.end, None
        if j + 1 < n and toks.lower[j] in lex.roles.holder_of:
            x = j + 1 + (toks.lower[j + 1] in lex.grammar.articles)
            m = by_start.get(x)
            if m is not None and m.type in QUALIFIER_TYPES:
                q, j = m, m.end
        items.append((p, q))
        if not plural:
            break
        x = j
        if x < n and toks.text[x] == ",":
            x += 1
        if x < n and toks.lower[x] in lex.grammar.coordinators:
            x += 1
        if x == j or not holds(by_start.get(past_title(x)), title_tokens):
            break
        j = x
    return items, j
