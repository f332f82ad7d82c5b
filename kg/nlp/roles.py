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
                     "the U.N. humanitarian chief, X" (a lower-case domain, [roles] domain_adjectives)
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
``represented``      "Argentina was represented by Foreign Minister X": the subject's office
``copula``           "Burhan is also chairman of Sudan's Transitional Sovereignty Council" (a
                     present copula; the organization a country owns is the head, "Sudan's" not)
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

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.doc import TitleSpan, TokMention, ensure_extensions
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.nlp.lists import backward_list, forward_list, make_fact, sentence_bounds
from kg.records import Fact

__all__ = ["Description", "RoleReading", "backward_list", "find_roles", "forward_list", "make_fact",
           "sentence_bounds"]

QUALIFIER_TYPES = ("Country", "Organization")  # the ontology: offices are in countries or organizations


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


@dataclass(slots=True)
class _Office:
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
    persons: list[TokMention] = field(default_factory=list)


class _Covered:
    """The tokens inside a mention, computed on the first question (most titles never ask)."""

    __slots__ = ("mentions", "tokens")

    def __init__(self, mentions: list[TokMention]):
        self.mentions = mentions
        self.tokens: set[int] | None = None

    def __contains__(self, i: int) -> bool:
        if self.tokens is None:
            self.tokens = {x for m in self.mentions for x in range(m.start, m.end)}
        return i in self.tokens


def _portfolio(doc: Doc, lex: Lexicon, i: int, by_start: dict[int, TokMention], limit: int) -> int:
    """The end of a portfolio from the preposition at token ``i`` ("for European and Foreign
    Affairs"), or ``i`` if there is none.

    A portfolio is capitalised words (and joins between them) that are no actor's name; a
    demonym ("European Affairs") may be one of them, and so may a lone word a name rule took
    for a person right after the preposition ("Minister of Foreign …")."""
    roles = lex.roles
    if i + 1 >= limit or doc[i].lower_ not in roles.portfolio_prepositions:
        return i
    j, last, words = i + 1, i, 0
    while j < limit and words < lex.window.title_portfolio_words:
        m = by_start.get(j)
        if m is not None and not (m.role == "demonym" or (m.type == "Person" and m.rule == "title-cue"
                                                           and m.end - m.start == 1 and j == i + 1)):
            break
        tok = doc[j]
        if tok.is_alpha and tok.text[:1].isupper() and tok.lower_ not in lex.actors.not_names:
            j += 1
            last, words = j, words + 1
            continue
        if tok.lower_ in roles.portfolio_joins and last == j and j + 1 < limit and doc[j + 1].text[:1].isupper():
            j += 1
            continue
        break
    return last


def _first_names(doc: Doc, at: int, by_start: dict[int, TokMention], ahead: bool = False) -> int:
    """How many tokens before the person mention at token ``at`` (or, ``ahead``, from token
    ``at`` to the next mention) are the first words of that person's name, left out of the
    mention ("Olivér" of "Olivér Várhelyi" when only "Várhelyi" is marked); 0 if none."""
    entities = doc._.kg_entities or {}
    for lead in (1, 2):
        start = at + lead if ahead else at
        m = by_start.get(start)
        if m is None or m.type != "Person" or m.key not in entities:
            continue
        words = entities[m.key].label.split()
        name = [w.text for w in doc[m.start:m.end]]
        before = [w.text for w in doc[start - lead:start]]
        if start - lead >= 0 and len(words) >= len(name) + lead and words[-len(name) - lead:] == before + name:
            return lead
    return 0


def _domain_start(doc: Doc, lex: Lexicon, t: TitleSpan, covered: _Covered, lo: int) -> int:
    """The first token of the capitalised domain words just before title ``t`` ("Infrastructure
    Minister"), or ``t.start``: words that are no actor's name, no further back than ``lo``."""
    if t.title not in lex.roles.portfolio_titles:
        return t.start
    b = t.start
    while (b > lo and t.start - b < lex.window.title_domain_words and b - 1 not in covered
           and doc[b - 1].is_alpha and doc[b - 1].text[:1].isupper()
           and doc[b - 1].lower_ not in lex.actors.not_names and doc[b - 1].lower_ not in lex.titles):
        b -= 1
    return b


def _holds(p: TokMention | None, title_tokens: set[int]) -> bool:
    """``p`` can hold an office: a named person, not a title a name rule took for a name
    ("the OSCE Chairperson-in-Office")."""
    return (p is not None and p.type == "Person" and p.role not in ("description", "pronoun")
            and p.start not in title_tokens)


def _head_anaphor(doc: Doc, lex: Lexicon, b: int, mentions: list[TokMention], covered: _Covered,
                  sent_of) -> TokMention | None:
    """ "Council Chairman X": an organization's head word alone before the title at token ``b``
    means the last organization the article named with that word ("the Collective Security
    Council … Council Chairman X"), as a qualifier on the word's token."""
    a = b - 1
    if a < 0 or a in covered or sent_of[a] != sent_of[b]:
        return None
    w = doc[a]
    if not w.text[:1].isupper() or w.lower_ not in lex.actors.org_heads:
        return None
    if a > 0 and sent_of[a - 1] == sent_of[b] and doc[a - 1].is_alpha and doc[a - 1].text[:1].isupper():
        return None  # "Peace Council Chairman": a name the recognizer missed
    for m in reversed(mentions):
        if m.end <= a and m.type == "Organization" and m.role != "nested" and any(doc[x].lower_ == w.lower_ for x in range(m.start, m.end)):
            return TokMention(a, b, m.key, m.type, "head-anaphor", "name", sent_of[a])
    return None


def _delegation(doc: Doc, lex: Lexicon, b: int, by_start: dict[int, TokMention], by_end: dict[int, TokMention],
                sent_of) -> TokMention | None:
    """ "The delegation of Moldova was led by the Prime Minister X": the country or organization
    of the delegation a title at token ``b`` leads, or None."""
    roles = lex.roles
    k = sent_of[b]
    a = b - 1 if b > 0 and doc[b - 1].lower_ in lex.grammar.articles else b
    lead = next((len(p) for p in roles.delegation_leads
                 if a - len(p) >= 0 and tuple(doc[x].lower_ for x in range(a - len(p), a)) == p), 0)
    if not lead:
        return None
    for x in range(a - lead - 1, -1, -1):
        if sent_of[x] != k:
            break
        if doc[x].lower_ not in roles.delegation_nouns:
            continue
        # "Moldova's delegation", "the Moldovan delegation", "the delegation of Moldova"
        e = x - 1 if x > 0 and doc[x - 1].lower_ in lex.grammar.possessive else x
        q = by_end.get(e)
        if q is None and x + 1 < len(doc) and doc[x + 1].lower_ in roles.qualifier_prepositions:
            y = x + 2 + (x + 2 < len(doc) and doc[x + 2].lower_ in lex.grammar.articles)
            q = by_start.get(y)
        return q if q is not None and q.type in QUALIFIER_TYPES and sent_of[q.start] == k else None
    return None


def _represented(doc: Doc, lex: Lexicon, b: int, by_end: dict[int, TokMention], sent_of) -> TokMention | None:
    """ "Argentina was represented by Foreign Minister X": the country or organization, the
    subject right before the auxiliaries, that a title at token ``b`` represents, or None."""
    roles = lex.roles
    k = sent_of[b]
    a = b - 1 if b > 0 and doc[b - 1].lower_ in lex.grammar.articles else b
    lead = next((len(p) for p in roles.represented_leads
                 if a - len(p) >= 0 and tuple(doc[x].lower_ for x in range(a - len(p), a)) == p), 0)
    if not lead:
        return None
    e = a - lead
    while e > 0 and sent_of[e - 1] == k and doc[e - 1].lower_ in roles.represented_auxiliaries:
        e -= 1
    if e == a - lead:
        return None  # "the talks, represented by …": no passive, no subject
    q = by_end.get(e)
    return q if q is not None and q.type in QUALIFIER_TYPES and sent_of[q.start] == k else None


def _read_office(doc: Doc, t: TitleSpan, lex: Lexicon, mentions: list[TokMention], by_start: dict[int, TokMention],
                 by_end: dict[int, TokMention], covered: _Covered, title_tokens: set[int], sent_of,
                 n: int, ranks: dict[int, int]) -> _Office:
    """Title ``t`` with its qualifiers, portfolio and post, and the persons named right after it."""
    roles = lex.roles
    k = sent_of[t.start]
    posted = t.title in roles.posted_titles
    title, title_start = t.title, t.start
    quals: list[TokMention] = []
    start, rule, quals_before = t.start, "title-qualifier", False

    def qualifier_ending(at: int) -> TokMention | None:
        if at > 0 and doc[at - 1].lower_ in lex.grammar.possessive:
            at -= 1
        q = by_end.get(at)
        return q if q is not None and q.type in QUALIFIER_TYPES and sent_of[q.start] == k else None

    q = qualifier_ending(t.start)
    if q is None and t.start > 0 and doc[t.start - 1].lower_ in roles.domain_adjectives and t.start - 1 not in covered:
        # "the U.N. humanitarian chief": a lower-case domain between the qualifier and the title
        q = qualifier_ending(t.start - 1)
        if q is not None:
            title_start = t.start - 1
            title = f"{doc[t.start - 1].text.capitalize()} {t.title}"
    if q is None:
        # "Ukrainian Infrastructure Minister": a domain between the qualifier and the title
        d = _domain_start(doc, lex, t, covered, 0)
        if d < t.start:
            q = qualifier_ending(d)
            if q is not None:
                title_start = d
                title = f"{doc[d:t.start].text} {t.title}"
    if q is None:
        q = _head_anaphor(doc, lex, t.start, mentions, covered, sent_of)
    if q is None:
        q = _delegation(doc, lex, t.start, by_start, by_end, sent_of)
        if q is not None:
            rule = "delegation"
    if q is None:
        q = _represented(doc, lex, t.start, by_end, sent_of)
        if q is not None:
            rule = "represented"
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
        elif posted and q.type == "Organization":
            # "Russia's U.N. Ambassador": the country employs, the organization is the post
            employer = qualifier_ending(q.start)
            if employer is not None and employer.type == "Country":
                quals, start = [employer], employer.start
    j = t.end
    p = _portfolio(doc, lex, j, by_start, n) if t.title in roles.portfolio_titles else j
    lead = _first_names(doc, p, by_start)
    if lead:
        p -= lead  # "Commissioner for Enlargement Olivér Várhelyi", only "Várhelyi" a mention
    if p > j:
        title = f"{title} {doc[j:p].text}"
        j = p
    prepositions = roles.qualifier_prepositions
    if t.title in roles.counterpart_titles:
        prepositions = prepositions | roles.counterpart_prepositions  # "his counterpart from Azerbaijan"
    if not quals and j < n and doc[j].lower_ in prepositions and not (
            posted and doc[j].lower_ in roles.posting_prepositions):
        quals, j = forward_list(doc, lex, j + 1, by_start, QUALIFIER_TYPES, n, plural=t.plural)
        quals = [m for m in quals if sent_of[m.start] == k]
        rule = "title-of"
        if len(quals) == 1 and j + 1 < n and doc[j].lower_ in lex.grammar.possessive:
            # "chairman of Sudan's Transitional Sovereignty Council": the organization the
            # country owns is the head of the noun phrase; no actor after it, no office here
            head = by_start.get(j + 1)
            quals, j = ([head], head.end) if head is not None and head.type in QUALIFIER_TYPES else ([], j)
        if len(quals) == 1 and _hyphen_modifier(doc, j, n):
            # "president of the BRICS-founded New Development Bank": the head of the noun
            # phrase employs, not the actor in its modifier (nor anyone, if the head is no actor)
            head = by_start.get(j + 2)
            quals, j = ([head], head.end) if head is not None and head.type in QUALIFIER_TYPES else ([], j)
    if posted and j + 1 < n and doc[j].lower_ in roles.posting_prepositions:
        post, after = forward_list(doc, lex, j + 1, by_start, QUALIFIER_TYPES + ("Place",), n, plural=False)
        if post:
            j = after
    if title_start < start:
        start = title_start
    office = _Office(start, j, title, quals, rule, t.plural, k, quals_before)
    if _not_current(doc, lex, title_start, k, sent_of) or _not_current(doc, lex, start, k, sent_of):
        office.former = True  # "former President X", "Armenia's ex-foreign minister": no office now
        return office
    if j < n and doc[j].lower_ in lex.grammar.possessive:
        office.possessor = True  # "X, the Iranian president's deputy chief of staff": X is no president
        return office
    at = j
    if at + 1 < n and not t.plural and (doc[at].lower_.rstrip(".") in lex.actors.honorifics or at in ranks):
        # "Foreign Minister Prince Faisal bin Farhan", "Defence Minister General X": the
        # honorific or rank is no part of the name, and no one else holds the office
        at = ranks.get(at, at + 1)
        office.honored = True
        if at < n and doc[at].text == ".":
            at += 1  # "Dr ."
    persons, _ = forward_list(doc, lex, at + _first_names(doc, at, by_start, ahead=True), by_start, ("Person",), n,
                              plural=t.plural)
    office.persons = [p for p in persons if _holds(p, title_tokens)]
    if not quals and office.persons:
        # "President Emmanuel Macron of France", "Foreign Ministers A of Armenia and B of Azerbaijan"
        items, _ = _holder_list(doc, lex, j, by_start, title_tokens, t.plural, n)
        if items and all(q is not None for _, q in items):
            office.persons = [p for p, _ in items]
            office.quals = [q for _, q in items if q is not None]
            office.rule = "title-name-of"
    elif quals and t.plural and not office.persons and j + 1 < n and doc[j].text in roles.list_openers:
        # "the Co-Chairs of the OSCE Minsk Group (A of France, B of the United States and C)"
        items, end = _holder_list(doc, lex, j + 1, by_start, title_tokens, True, n)
        closer = roles.list_openers[doc[j].text]
        if len(items) >= 2 and (not closer or (end < n and doc[end].text == closer)):
            office.persons = [p for p, _ in items]
    return office


def _hyphen_modifier(doc: Doc, j: int, n: int) -> bool:
    """The mention that ends at token ``j`` opens a hyphenated modifier ("BRICS-founded",
    "Russia-led", "US-backed"): a hyphen, then a lower-case word."""
    return (j + 1 < n and doc[j].text in ("-", "‑") and doc[j].whitespace_ == "" and doc[j + 1].is_alpha
            and doc[j + 1].is_lower)


def _not_current(doc: Doc, lex: Lexicon, b: int, k: int, sent_of) -> bool:
    """A word before token ``b`` says the office is not held now ("former", "ex-", "then-")."""
    a = b
    if a > 0 and sent_of[a - 1] == k and doc[a - 1].text in ("-", "–"):
        a -= 1
    if a > 0 and sent_of[a - 1] == k and doc[a - 1].lower_ in lex.grammar.articles:
        a -= 1
    return a > 0 and sent_of[a - 1] == k and doc[a - 1].lower_ in lex.roles.not_current


def _holder_list(doc: Doc, lex: Lexicon, i: int, by_start: dict[int, TokMention], title_tokens: set[int],
                 plural: bool, n: int) -> tuple[list[tuple[TokMention, TokMention | None]], int]:
    """Persons listed from token ``i``, each with the country or organization of "A of France":
    [(A, France), (B, None)], and the end token."""
    items: list[tuple[TokMention, TokMention | None]] = []
    j = i
    while j < n:
        p = by_start.get(j)
        if not _holds(p, title_tokens):
            break
        j, q = p.end, None
        if j + 1 < n and doc[j].lower_ in lex.roles.holder_of:
            x = j + 1 + (doc[j + 1].lower_ in lex.grammar.articles)
            m = by_start.get(x)
            if m is not None and m.type in QUALIFIER_TYPES:
                q, j = m, m.end
        items.append((p, q))
        if not plural:
            break
        x = j
        if x < n and doc[x].text == ",":
            x += 1
        if x < n and doc[x].lower_ in lex.grammar.coordinators:
            x += 1
        if x == j or not _holds(by_start.get(x), title_tokens):
            break
        j = x
    return items, j


def _two_offices(a: _Office, b: _Office) -> bool:
    """Offices ``a`` and ``b``, coordinated, can be one person's: one of a country, one of an
    organization, both singular."""
    return (len(a.quals) == 1 and len(b.quals) == 1 and not a.plural and not b.plural and a.title != b.title
            and {a.quals[0].type, b.quals[0].type} == set(QUALIFIER_TYPES))


def _shared_qualifier(doc: Doc, a: _Office, b: _Office, ta: TitleSpan, tb: TitleSpan,
                      exclusive: frozenset[str]) -> bool:
    """Offices ``a`` and ``b``, coordinated ("Australia's Deputy Prime Minister and Defence
    Minister X"), are one person's of ``a``'s one qualifier: ``b`` has none, both are singular
    different titles, capitalised as a name's titles are."""
    return (len(a.quals) == 1 and a.quals_before and not b.quals and not a.plural and not b.plural
            and a.title != b.title and not a.former and not b.former
            and not {a.title, b.title} <= exclusive  # "Russia's President and Prime Minister X": two persons
            and doc[ta.start].text[:1].isupper() and doc[tb.start].text[:1].isupper())


def _left_person(doc: Doc, lex: Lexicon, o: _Office, by_end: dict[int, TokMention],
                 title_tokens: set[int]) -> TokMention | None:
    """The person before ", [the] office": "Mirzoyan, Armenia's foreign minister"."""
    a = o.start
    if o.plural:
        return None
    if a > 0 and doc[a - 1].lower_ in lex.grammar.articles:
        a -= 1
    if a > 0 and doc[a - 1].text == ",":
        p = by_end.get(a - 1)
        if _holds(p, title_tokens):
            return p
    return None


def _copula_person(doc: Doc, lex: Lexicon, o: _Office, by_end: dict[int, TokMention],
                   title_tokens: set[int], sent_of) -> TokMention | None:
    """The person before "is [also] [the] office": "Burhan is also chairman of Sudan's
    Transitional Sovereignty Council"."""
    a = o.start
    if o.plural:
        return None
    if a > 0 and doc[a - 1].lower_ in lex.grammar.articles:
        a -= 1
    if a > 0 and doc[a - 1].lower_ in lex.roles.copula_adverbs:
        a -= 1
    if a > 1 and doc[a - 1].lower_ in lex.roles.holder_copulas and sent_of[a - 2] == o.sentence:
        p = by_end.get(a - 1)
        if _holds(p, title_tokens):
            return p
    return None


def _right_person(doc: Doc, lex: Lexicon, o: _Office, by_start: dict[int, TokMention],
                  title_tokens: set[int], sent_of, n: int) -> TokMention | None:
    """The person in ", Name," after the office: "the French President, Emmanuel Macron, said"."""
    j = o.end
    if o.plural or j + 1 >= n or doc[j].text != ",":
        return None
    p = by_start.get(j + 1)
    if not _holds(p, title_tokens) or sent_of[p.start] != o.sentence:
        return None
    if p.end < n and sent_of[p.end] == o.sentence and doc[p.end].text not in lex.roles.apposition_closers:
        return None
    return p


def find_roles(doc: Doc, mentions: list[TokMention], titles: list[TitleSpan], lex: Lexicon) -> RoleReading:
    """officialOf facts of the titles in a Doc, and mentions of the persons titles describe."""
    by_start = {m.start: m for m in mentions if m.role != "nested"}
    by_end = {m.end: m for m in mentions if m.role != "nested"}
    covered = _Covered(mentions)
    title_tokens = {i for t in titles for i in range(t.start, t.end)}
    sent_of = doc._.kg_sent_of
    n = len(doc)
    conf = lex.confidence
    ranks = {t.start: t.end for t in titles if t.title in lex.roles.rank_titles and not t.plural}
    offices = [_read_office(doc, t, lex, mentions, by_start, by_end, covered, title_tokens, sent_of, n, ranks)
               for t in titles]
    rules = [o.rule for o in offices]
    confidence = [conf.official] * len(offices)

    # "Armenia's Prime Minister and Chairman of the Council Nikol Pashinyan": one person, two
    # offices, of a country and of an organization ("Azerbaijan's president and Armenia's prime
    # minister Nikol Pashinyan" are two persons, one unnamed)
    for i in range(len(offices) - 2, -1, -1):
        o, nxt = offices[i], offices[i + 1]
        if (not o.persons and nxt.persons and _two_offices(o, nxt) and o.end < n
                and doc[o.end].lower_ in lex.grammar.coordinators and nxt.start == o.end + 1
                and not (nxt.persons[-1].end < n and doc[nxt.persons[-1].end].lower_ in lex.grammar.possessive)):
            o.persons = list(nxt.persons)
            rules[i], confidence[i] = "coordinated", conf.official_coordinated
        elif (not o.persons and nxt.persons and _shared_qualifier(doc, o, nxt, titles[i], titles[i + 1],
                                                                lex.roles.exclusive_offices)
                and o.end < n and doc[o.end].lower_ in lex.grammar.coordinators and nxt.start == o.end + 1
                and not (nxt.persons[-1].end < n and doc[nxt.persons[-1].end].lower_ in lex.grammar.possessive)):
            # "Australia's Deputy Prime Minister and Defence Minister Richard Marles": two
            # capitalised offices of one country, one name
            o.persons, nxt.quals = list(nxt.persons), list(o.quals)
            rules[i] = rules[i + 1] = "coordinated"
            confidence[i] = confidence[i + 1] = conf.official_coordinated

    facts: list[Fact] = []
    seen = set()
    descriptions: list[Description] = []
    holders: dict[tuple[str, str | None], set[str]] = {}
    titled: dict[str, str] = {}  # person key -> the last title a fact gave them
    bare: dict[str, set[str]] = {}  # title -> persons named with it but no qualifier ("President X said")
    right_attached: set[tuple[int, int]] = set()

    for i, o in enumerate(offices):
        k = o.sentence
        persons = o.persons
        if o.former or (o.honored and not persons):
            continue  # "Saudi Arabia's Foreign Minister Prince X", X unrecognised: no one else's office
        if not persons and o.quals and not o.possessor:
            left = _left_person(doc, lex, o, by_end, title_tokens)
            right = _right_person(doc, lex, o, by_start, title_tokens, sent_of, n)
            copula = _copula_person(doc, lex, o, by_end, title_tokens, sent_of)
            if left is not None and (left.start, left.end) not in right_attached:
                persons, rules[i] = [left], "appositive"
            elif copula is not None:
                persons, rules[i], confidence[i] = [copula], "copula", conf.official_apposition
            elif right is not None:
                persons, rules[i], confidence[i] = [right], "apposition", conf.official_apposition
                right_attached.add((right.start, right.end))
        title = o.title
        if o.title in lex.roles.counterpart_titles:
            title = _counterpart_title(doc, o, by_end, titled)
            if title is None:
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
                holders.setdefault((title, None), set()).add(p.key)
                titled[p.key] = title
                facts.append(make_fact(doc, k, p.key, "officialOf", q.key, rules[i], confidence[i], title=title))
        elif persons and not o.quals and not o.plural:
            bare.setdefault(title, set()).update(p.key for p in persons)
        elif not persons and not o.plural:
            start = o.start if len(o.quals) == 1 and o.quals_before else titles[i].start
            if start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
            elif not o.quals:
                continue  # a bare title needs "the": "the president said"
            descriptions.append(Description(start, o.end if o.rule == "title-of" and o.quals else titles[i].end,
                                            title, o.quals[0].key if len(o.quals) == 1 else None, k))

    # "Prime Minister Nikol Pashinyan said …  Russia seeks clarification from Armenia's prime
    # minister": the one person named with a title is the one the article describes with it
    for d in descriptions:
        who = bare.get(d.title, set())
        if (d.qualifier is None or len(who) != 1 or (d.title, None) in holders
                or {e.qualifier for e in descriptions if e.title == d.title} != {d.qualifier}):
            continue
        person = next(iter(who))
        holders[(d.title, d.qualifier)] = holders[(d.title, None)] = {person}
        facts.append(make_fact(doc, d.sentence, person, "officialOf", d.qualifier, "coref-title",
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
        for d in descriptions:
            sentences = {m.sentence for m in mentions if m.key == person}
            if ((d.title, d.qualifier) == (title, qualifier) and qualifier is not None and d.sentence not in sentences
                    and any(abs(x - d.sentence) <= near for x in sentences)
                    and (d.start == 0 or sent_of[d.start - 1] != d.sentence)):
                holders[(title, qualifier)] = holders[(title, None)] = {person}
                facts.append(make_fact(doc, d.sentence, person, "officialOf", qualifier, "coref-title",
                                       conf.official_neighbour, title=title))
                break

    added = []
    for d in descriptions:
        who = holders.get((d.title, d.qualifier), set())
        if len(who) != 1:
            continue
        person = next(iter(who))
        added.append(TokMention(d.start, d.end, person, "Person", "coref-title", "description", d.sentence))
    return RoleReading(facts, added)


def _counterpart_title(doc: Doc, o: _Office, by_end: dict[int, TokMention], titled: dict[str, str]) -> str | None:
    """The title of the person named last before "his Turkish counterpart" in its sentence."""
    sent_of = doc._.kg_sent_of
    for e in range(o.start, 0, -1):
        if sent_of[e - 1] != o.sentence:
            break
        p = by_end.get(e)
        if p is not None and p.type == "Person" and p.role != "description":
            return titled.get(p.key)
    return None


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
        reading = find_roles(doc, mentions, doc._.kg_titles, self.lex)
        for m in reading.descriptions:
            entities[m.key].mentions += 1
        if reading.descriptions:
            doc._.kg_mentions = sorted(mentions + reading.descriptions, key=lambda m: (m.start, -(m.end - m.start)))
        doc._.kg_facts = reading.facts
        return doc


@Language.factory(
    "kg_roles",
    requires=["doc._.kg_layout", "doc._.kg_sent_of", "doc._.kg_mentions", "doc._.kg_titles", "doc._.kg_entities"],
    assigns=["doc._.kg_facts", "doc._.kg_mentions", "doc._.kg_entities"],
)
def make_role_reader(nlp: Language, name: str) -> RoleReader:
    return RoleReader(nlp)
