"""Who is speaking: the speaker-finding shared by direct quotes and reported speech.

A speaker is a mention of an actor, a pronoun ("he added": the person the text is
about), a description ("the Russian president", resolved by :mod:`kg.nlp.roles`), an
anaphor ("the organization said": the last organization named), a statement noun ("the
statement reads": the last speaker) or an actor + metonym noun ("the Karabakh army
said": the actor itself).

All of one document's reading state lives in a :class:`QuoteContext`, built per call by
:func:`kg.nlp.quotes.find_statements`; the functions here read it and record what they
find on it (statements, the speaker of each sentence, pronoun mentions).  Nothing
survives the document.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from spacy.tokens import Doc

from kg.nlp.doc import EntityInfo, TokMention, sentence_ranges_of, tokens_of
from kg.nlp.lexicon import Lexicon
from kg.nlp.names import age_before
from kg.records import ENTITY_TYPES, Statement

#: Any actor can speak (a ministry, a country "said").
SPEAKER_TYPES = ENTITY_TYPES
STOP = {".", "!", "?", ";"}
ACRONYM_BRACKETS = ("(", ")")  # "the Liberal Party (LP)": an acronym after its name
#: The subject relations of spaCy's English dependency scheme (a trained pipeline's parse).
SUBJECT_DEPS = ("nsubj", "nsubjpass")


class Speaker(NamedTuple):
    """A speaker found in the text: its key, its first token and how it was named."""

    key: str
    start: int
    how: str  # mention | metonym | pronoun | statement | anaphor


@dataclass(slots=True)
class QuoteContext:
    """One document as the quote and reported-speech rules read it (per call)."""

    doc: Doc
    lex: Lexicon
    sent_of: list[int]
    all_mentions: list[TokMention]
    mentions: list[TokMention]  # without nested mentions
    by_end: dict[int, TokMention]  # the longest mention ending at a token (descriptions)
    by_sentence: dict[int, list[TokMention]]
    by_start_tok: dict[int, list[TokMention]]
    org_mentions: list[TokMention]
    org_starts: list[int]
    parsed: bool  # a trained pipeline gave a dependency parse
    mention_of_token: dict[int, TokMention]
    mention_chars: list[int]
    metonym_widths: tuple[int, ...]
    in_quote: list[bool]
    lower: list[str]  # each token's lower case, as plain strings
    report_cues: frozenset[str]  # words that may open reported speech
    cue_tokens: list[int]  # the tokens that are one of report_cues, in text order
    _sentence_first_tok: dict[int, int] | None = None
    _first_person: tuple[TokMention | None] | None = None
    _title_by_start: dict[int, Any] | None = None
    statements: list[Statement] = field(default_factory=list)
    speaker_of_sentence: dict[int, str] = field(default_factory=dict)
    pronoun_mentions: list[TokMention] = field(default_factory=list)
    layout: Any = None  # Doc._.kg_layout and Doc._.kg_entities, read once (each Doc._ makes an object)
    entities: dict[str, EntityInfo] | None = None

    @classmethod
    def of(cls, doc: Doc, lex: Lexicon) -> QuoteContext:
        toks = tokens_of(doc)
        all_mentions: list[TokMention] = doc._.kg_mentions
        mentions = [m for m in all_mentions if m.role != "nested"]
        by_end: dict[int, TokMention] = {}
        for m in mentions:
            have = by_end.get(m.end)
            if have is None or (m.end - m.start) > (have.end - have.start):
                by_end[m.end] = m
        by_sentence: dict[int, list[TokMention]] = {}
        by_start_tok: dict[int, list[TokMention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
            by_start_tok.setdefault(m.start, []).append(m)
        org_mentions = [m for m in mentions if m.type == "Organization"]
        parsed = doc.has_annotation("DEP")
        mention_of_token: dict[int, TokMention] = {}
        if parsed:
            for m in mentions:
                for i in range(m.start, m.end):
                    mention_of_token.setdefault(i, m)
        longest = max((len(h.split()) for h in lex.actors.metonym_heads), default=0)
        speech = lex.speech
        cues = speech.verbs | speech.quoting_verbs | speech.citing | speech.statement_nouns | speech.phrasal_verbs.keys() | {"according"}
        return cls(doc, lex, doc._.kg_sent_of, all_mentions, mentions, by_end, by_sentence, by_start_tok,
                   org_mentions, [m.start for m in org_mentions], parsed, mention_of_token,
                   [toks.idx[m.start] for m in mentions], tuple(range(1, longest + 1)), [False] * len(doc),
                   toks.lower, cues, toks.where(cues),
                   layout=doc._.kg_layout, entities=doc._.kg_entities)

    @property
    def first_person(self) -> TokMention | None:
        """The first person the news names outside quotes (read once, when a pronoun needs it;
        the quotes are all marked before the first pronoun is read)."""
        if self._first_person is None:
            sentences = self.layout.sentences
            found = next((m for m in self.mentions if m.type == "Person" and m.sentence >= 0
                          and not self.in_quote[m.start] and sentences[m.sentence][2] != "title"), None)
            self._first_person = (found,)
        return self._first_person[0]

    def title_at(self, j: int) -> Any:
        """The title (``Doc._.kg_titles``) that starts at token ``j``, or None (the table is made
        on first use)."""
        if self._title_by_start is None:
            self._title_by_start = {}
            for t in self.doc._.kg_titles or ():
                self._title_by_start.setdefault(t.start, t)
        return self._title_by_start.get(j)

    @property
    def sentence_first_tok(self) -> dict[int, int]:
        """The first token of each sentence (read once, when a pronoun needs it)."""
        if self._sentence_first_tok is None:
            self._sentence_first_tok = {k: a for k, (a, _) in sentence_ranges_of(self.doc, self.sent_of).items()}
        return self._sentence_first_tok


def mention_end(ctx: QuoteContext, found: Speaker) -> int:
    """The token after the mention a speaker was found on."""
    m = next((m for m in ctx.by_start_tok.get(found.start, ()) if m.key == found.key), None)
    return m.end if m is not None else found.start + 1


def last_speaker(ctx: QuoteContext, k: int) -> str | None:
    """The speaker of sentence ``k`` or of one shortly before it."""
    for kk in range(k, max(-1, k - ctx.lex.window.speaker_sentences), -1):
        if kk in ctx.speaker_of_sentence:
            return ctx.speaker_of_sentence[kk]
    return None


def person_for_pronoun(ctx: QuoteContext, k: int, tok: int) -> str | None:
    """The person "he" or "she" at token ``tok`` of sentence ``k`` means."""
    entities = ctx.entities
    for m in ctx.by_sentence.get(k, ()):  # the subject of the same sentence, named before the pronoun
        if m.end <= tok and m.type == "Person" and not ctx.in_quote[m.start]:
            return m.key
    counted = 0
    for kk in range(k - 1, max(-1, k - 1 - ctx.lex.window.pronoun_walk_sentences), -1):
        if counted >= ctx.lex.window.pronoun_sentences:
            break
        who = ctx.speaker_of_sentence.get(kk)
        first = ctx.sentence_first_tok.get(kk)
        if who is None and first is not None and ctx.in_quote[first] and ctx.in_quote[min(first + 1, len(ctx.doc) - 1)]:
            continue  # a sentence of the quote itself: "…. I hope so," she said.
        counted += 1
        if who is not None and entities.get(who) is not None and entities[who].type == "Person":
            return who
        for m in ctx.by_sentence.get(kk, ()):
            if m.type == "Person" and not ctx.in_quote[m.start]:
                return m.key
        if who is not None:
            return None  # the last statement was no person's: "he" is someone kg did not name
        if _unnamed_described_subject(ctx, kk):
            return None  # "Aram I, the Catholicos of …, has urged …. "…," he said": not a person named before
    # a story that opens with '"…," she said': the person it names next, when none came before
    first = ctx.first_person
    if first is not None and first.start > tok and first.sentence - k <= ctx.lex.window.pronoun_sentences:
        return first.key
    return None


def _unnamed_described_subject(ctx: QuoteContext, kk: int) -> bool:
    """Sentence ``kk`` opens with capitalised words that name no actor kg read, then a comma and
    an article or a possessive ("Aram I, the Catholicos of …, urged"): someone introduced whom
    kg did not name, whom a "he" after it means rather than a person named further back."""
    first = ctx.sentence_first_tok.get(kk)
    if first is None or ctx.by_start_tok.get(first) or ctx.in_quote[first]:
        return False
    toks = tokens_of(ctx.doc)
    lex = ctx.lex
    n = len(toks.text)
    for c in range(first, min(n - 1, first + lex.window.speech_name_words + 1)):
        if ctx.sent_of[c] != kk:
            return False
        if toks.text[c] == ",":
            nxt = toks.lower[c + 1]
            return c > first and (nxt in lex.grammar.articles or nxt in lex.grammar.possessive_determiners)
        if not toks.text[c][:1].isupper() or toks.lower[c] in lex.grammar.articles or ctx.by_start_tok.get(c):
            return False
    return False


def opening_actor(ctx: QuoteContext, k: int, tok: int) -> TokMention | None:
    """The country or organization opening sentence ``k`` before token ``tok`` (past an
    article), else the one opening the sentence before: what a possessive "its" points to."""
    articles = ctx.lex.grammar.articles
    for kk in (k, k - 1):
        first = ctx.sentence_first_tok.get(kk)
        if first is None:
            continue
        while first < tok and ctx.lower[first] in articles:
            first += 1
        m = next((m for m in ctx.by_start_tok.get(first, ()) if m.type in ("Country", "Organization")
                  and m.role != "demonym"), None)
        if m is not None and m.end <= tok and not ctx.in_quote[m.start]:
            return m
    return None


def last_organization(ctx: QuoteContext, tok: int, noun: str | None = None) -> str | None:
    """The organization an anaphor points to: the subject of its sentence; else, with its
    noun ("the Council"), a recent speaker or the last one named whose name holds the noun;
    else the last one."""
    k = ctx.sent_of[tok]
    entities = ctx.entities

    def fits(key: str) -> bool:
        return noun is None or noun in entities[key].label.lower().split()

    for m in ctx.by_sentence.get(k, ()):  # the subject of its own sentence
        if m.start < tok and m.type == "Organization" and not ctx.in_quote[m.start]:
            return m.key
    if noun is not None:
        for kk in range(k, max(-1, k - ctx.lex.window.speaker_sentences), -1):
            who = ctx.speaker_of_sentence.get(kk)
            if who is not None and entities[who].type == "Organization" and fits(who):
                return who
    fallback = None
    i = bisect.bisect_left(ctx.org_starts, tok) - 1
    while i >= 0:
        m = ctx.org_mentions[i]
        if m.end <= tok and not ctx.in_quote[m.start]:
            if fits(m.key):
                return m.key
            fallback = fallback or m.key
        i -= 1
    return fallback


def statement_speaker(ctx: QuoteContext, k: int) -> str | None:
    """Who a statement noun ("the statement reads") means: the last speaker, or the actor
    that issued a statement in a sentence shortly before ("X issued a statement …")."""
    doc, speech = ctx.doc, ctx.lex.speech
    toks = tokens_of(doc)
    layout = ctx.layout
    for kk in range(k, max(-1, k - ctx.lex.window.speaker_sentences), -1):
        if kk in ctx.speaker_of_sentence:
            return ctx.speaker_of_sentence[kk]
        if kk == k or layout.sentences[kk][2] == "title":
            continue
        span = toks.expand_span(layout.sentences[kk][0], layout.sentences[kk][1])
        if span is None:
            continue
        for i in range(*span):
            if toks.lower[i] in speech.statement_nouns and not ctx.in_quote[i]:
                for m in ctx.by_sentence.get(kk, ()):
                    if (m.end <= i and m.role != "demonym" and not ctx.in_quote[m.start]
                            and not in_prepositional_phrase(ctx, m.start) and not _listed(ctx, m)):
                        return m.key
                break
    return None


def in_prepositional_phrase(ctx: QuoteContext, start: int) -> bool:
    """The words starting at token ``start`` are the object of a preposition, alone or in a
    list ("the head of UNHCR", "leaders of Russia, France and Germany"): not a subject."""
    doc, lex = ctx.doc, ctx.lex
    toks = tokens_of(doc)
    i = start - 1
    k = ctx.sent_of[start]
    listed = False  # a comma joins list items only after "and" ("Russia, France and Germany")
    crossed_comma = False
    person = any(m.type == "Person" for m in ctx.by_start_tok.get(start, ()))  # "Head of the Mission Anna Lind"
    while i >= 0 and ctx.sent_of[i] == k:
        low = toks.lower[i]
        if low in lex.grammar.articles or low in lex.grammar.possessive:
            i -= 1
            continue
        if low in lex.speech.prepositions:
            if crossed_comma and agent_of_participle(ctx, i):
                return False  # "a deal mediated by the UAE, A and B said": the list starts after the comma
            # "the Foreign Ministry of Japan said", "the press service of the Defense Ministry
            # reported": a body of the actor, or its own voice, speaks for it
            return not ((i > 0 and ctx.lower[i - 1] in lex.actors.org_heads)
                        or any(tuple(ctx.lower[max(0, i - len(v)):i]) == v for v in lex.speech.organization_voices)
                        # '"…," the statement from the US State Department read': the statement's source
                        or (i > 0 and ctx.lower[i - 1] in lex.speech.statement_nouns
                            and (low in lex.speech.agent_prepositions or low in lex.speech.own_source_prepositions)))
        if (low == "," and listed) or low in lex.grammar.coordinators:
            m = ctx.by_end.get(i)
            if m is None:
                return False
            crossed_comma = crossed_comma or low == ","
            listed = True
            i = m.start - 1
            continue
        m = ctx.by_end.get(i + 1)
        if m is not None and m.start <= i and (m.role == "demonym" or not person):
            # "of the Russian Federation", "of the UN refugee agency UNHCR": one name after another
            i = m.start - 1
            continue
        return False
    return False


def agent_of_participle(ctx: QuoteContext, i: int) -> bool:
    """Token ``i`` is the agent's "by" after a past participle ("mediated by", "hosted by"):
    a list that runs back to it from a speech verb is two phrases, the passive's agent and,
    after a comma, the speakers ("mediated by the UAE, A and B said")."""
    if i < 1 or ctx.lower[i] not in ctx.lex.speech.agent_prepositions:
        return False
    word = ctx.lower[i - 1]
    return word.isalpha() and word.endswith(ctx.lex.speech.agent_participle_suffixes)


def speaker_after_verb(ctx: QuoteContext, i: int) -> Speaker | None:
    """The speaker named after an inverted verb ("…, said Russian President Putin",
    "quotes CSTO spokesman Ivan Petrov"): over articles, titles and qualifiers to a person,
    else the first actor named."""
    doc, lex = ctx.doc, ctx.lex
    toks = tokens_of(doc)
    n = len(doc)
    k = ctx.sent_of[i] if i < n else -1
    first = None
    steps = 0
    while i < n and ctx.sent_of[i] == k and steps < lex.window.speaker_title_words:
        found = None
        for m in ctx.by_start_tok.get(i, ()):
            if m.type in SPEAKER_TYPES:
                found = m
                break
        if found is not None:
            owner = found.end < n and toks.lower[found.end] in lex.grammar.possessive
            if found.type == "Person" and not owner:  # "said X's former adviser, Y": Y speaks
                return Speaker(found.key, found.start, "mention")
            if found.role != "demonym" and first is None and not (found.type == "Person" and owner):
                first = Speaker(found.key, found.start, "mention")
            i = found.end
            steps += 1
            continue
        low = toks.lower[i]
        if (low in lex.grammar.articles or low in lex.title_words or low in lex.grammar.possessive
                or low in lex.speech.subject_title_joins or low in lex.roles.not_current  # "former adviser"
                or (low == "," and i > 0 and toks.lower[i - 1] in lex.title_words)):  # "adviser, Y"
            i += 1
            steps += 1
            continue
        if i > 0 and toks.lower[i - 1] in lex.title_words and low in lex.roles.portfolio_prepositions:
            # "said the AU's commissioner for political affairs, peace and security, X"
            held = _holder_past_portfolio(ctx, i, k)
            if held is not None:
                return held
        break
    return first


def _holder_past_portfolio(ctx: QuoteContext, i: int, k: int) -> Speaker | None:
    """The person named in apposition after a title's lower-case portfolio that starts with its
    preposition at token ``i`` ("for political affairs, peace and security, X"), or None."""
    doc, lex = ctx.doc, ctx.lex
    toks = tokens_of(doc)
    n = len(doc)
    j = i + 1
    while j < n and j - i <= lex.window.title_portfolio_words and ctx.sent_of[j] == k:
        if toks.text[j] == "," and j > i + 1:
            for m in ctx.by_start_tok.get(j + 1, ()):
                if m.type == "Person" and (m.end >= n or ctx.sent_of[m.end] != k
                                           or toks.text[m.end] in lex.roles.apposition_closers):
                    return Speaker(m.key, m.start, "mention")
        elif not (toks.text[j].isalpha() and toks.text[j].islower()):
            return None
        j += 1
    return None


def candidate_ending_at(ctx: QuoteContext, pos: int, k: int) -> Speaker | None:
    """A speaker whose words end just before token ``pos``."""
    doc, speech = ctx.doc, ctx.lex.speech
    toks = tokens_of(doc)
    if pos <= 0 or ctx.sent_of[pos - 1] != k:
        return None
    m = ctx.by_end.get(pos)
    last = toks.lower[pos - 1]
    if m is None and any(x.end > pos for start in (pos - 1, pos - 2) for x in ctx.by_start_tok.get(start, ())):
        return None  # inside a longer name ("The Council of the European Union")
    if (m is not None and m.end - m.start == 1 and m.type == "Organization" and last in speech.org_anaphors
            and pos >= 2 and toks.lower[pos - 2] in speech.anaphor_determiners):
        # "the Council said": the council spoken of, not whichever one the word alone names
        who = last_organization(ctx, pos - 1, last)
        return Speaker(who or m.key, m.start, "anaphor")
    if m is not None and m.role != "demonym" and m.type in SPEAKER_TYPES:
        return Speaker(m.key, m.start, "mention")
    # actor + metonym noun: "the Karabakh army", "the Armenian military", "Karabakh separatist leadership"
    for width in ctx.metonym_widths:
        head = " ".join(toks.lower[max(0, pos - width):pos])
        if head in ctx.lex.actors.metonym_heads:
            m = ctx.by_end.get(pos - width)
            if m is None and pos - width >= 2 and toks.lower[pos - width - 1] in ctx.lex.grammar.possessive:
                m = ctx.by_end.get(pos - width - 1)  # "Pakistan's government said"
                m = m if m is not None and m.type in ("Country", "Organization") and m.role == "name" else None
            if m is not None and head in ctx.lex.actors.group_metonym_heads and m.type != "Organization":
                continue  # "the Syrian rebels said": no statement of Syria
            if m is not None and m.type in SPEAKER_TYPES:
                return Speaker(m.key, m.start, "metonym")
    for width in (2, 1):
        # "its government said", "Its foreign ministry said": the actor the sentence is about
        if (pos - width >= 1 and toks.lower[pos - width - 1] in speech.possessive_voice_pronouns
                and " ".join(toks.lower[pos - width:pos]) in speech.possessive_voice_heads):
            owner = opening_actor(ctx, k, pos - width - 1)
            if owner is not None:
                return Speaker(owner.key, pos - width - 1, "metonym")
    for voice in speech.organization_voices:
        # "according to the OAS secretariat", "the Kremlin press service said": the actor's own voice
        w = len(voice)
        if pos - w >= 1 and tuple(toks.lower[pos - w:pos]) == voice:
            end = pos - w - 1 if pos - w >= 2 and toks.lower[pos - w - 1] in ctx.lex.grammar.possessive else pos - w
            m = ctx.by_end.get(end)
            if m is not None and m.role not in ("demonym", "metonym") and (
                    m.type in ("Organization", "Country") or (m.type == "Person" and end < pos - w)):
                # not "his Moscow office": a capital, a place; "Prime Minister X's office said": X's
                return Speaker(m.key, m.start, "metonym")
            break
    if last in speech.pronouns and not ctx.in_quote[pos - 1]:
        who = person_for_pronoun(ctx, k, pos - 1)
        if who is not None:
            ctx.pronoun_mentions.append(TokMention(pos - 1, pos, who, "Person", "coref-pronoun", "pronoun", k))
            return Speaker(who, pos - 1, "pronoun")
    if (pos >= 2 and toks.lower[pos - 2] in ctx.lex.grammar.articles and last in ctx.lex.titles
            and toks.lower[pos - 2] not in ctx.lex.grammar.indefinite_articles
            and last not in speech.org_anaphors and not ctx.in_quote[pos - 1] and m is None):
        # '"…," the diplomat said': a bare title no one was named with is the person the
        # text is about, as "she" would be; "…, an official said" is an unnamed source, no one's
        who = person_for_pronoun(ctx, k, pos - 2)
        if who is not None:
            ctx.pronoun_mentions.append(TokMention(pos - 2, pos, who, "Person", "coref-pronoun", "pronoun", k))
            return Speaker(who, pos - 2, "pronoun")
    if (pos >= 4 and toks.text[pos - 2] == "-" and toks.lower[pos - 4] in ctx.lex.grammar.articles
            and f"{toks.lower[pos - 3]}-{last}" in speech.cochair_voices):
        who = cochaired_body(ctx, k)  # "the co-chairs said in a joint statement"
        if who is not None:
            return Speaker(who, pos - 4, "anaphor")
    if pos >= 2 and toks.lower[pos - 2] in speech.anaphor_determiners:
        if last in speech.statement_nouns:
            who = statement_speaker(ctx, k)
            if who is not None:
                return Speaker(who, pos - 2, "statement")
        if last in speech.org_anaphors:
            who = last_organization(ctx, pos - 2, last)
            if who is not None:
                return Speaker(who, pos - 2, "anaphor")
    if pos >= 3 and last in speech.statement_nouns and toks.lower[pos - 2] in ctx.lex.grammar.possessive:
        # "the organisation's statement said", "the OSCE's statement said"
        m = ctx.by_end.get(pos - 2)
        if m is not None and m.role != "demonym" and m.type in SPEAKER_TYPES:
            return Speaker(m.key, m.start, "mention")
        if (pos >= 4 and toks.lower[pos - 3] in speech.org_anaphors
                and toks.lower[pos - 4] in speech.anaphor_determiners):
            who = last_organization(ctx, pos - 4, toks.lower[pos - 3])
            if who is not None:
                return Speaker(who, pos - 4, "anaphor")
    return None


def speaker_before_verb(ctx: QuoteContext, v: int, k: int) -> Speaker | None:
    """The speaker of the verb: walking back over adverbials ("Putin on Thursday said") and
    over one parenthetical clause ("Iran, which borders both, said"); where that finds no
    one and a trained pipeline gave a dependency parse, the verb's nominal subject.  The
    rules go first so that a model adds speakers rather than replacing the rules' ones."""
    found = speaker_by_position(ctx, v, k)
    if found is None and ctx.parsed:
        found = parsed_subject(ctx, v, k)
        if found is not None and in_prepositional_phrase(ctx, found.start):
            return None  # "the head of the agency UNHCR have said": the rules' later readings decide
    return found


def parsed_subject(ctx: QuoteContext, v: int, k: int) -> Speaker | None:
    """The nominal subject of the verb, when it is (or heads) a mention."""
    for child in ctx.doc[v].children:
        if child.dep_ not in SUBJECT_DEPS or child.i >= v:
            continue
        for tok in child.subtree:  # "Russia's president Putin": a mention inside the subject
            m = ctx.mention_of_token.get(tok.i)
            if (m is not None and m.type in SPEAKER_TYPES and m.role != "demonym" and m.sentence == k
                    and (m.start <= child.i < m.end or tok.head.i == child.i or tok.i == child.i)):
                return Speaker(m.key, m.start, "mention")
        return candidate_ending_at(ctx, child.i + 1, k)
    return None


def speaker_by_position(ctx: QuoteContext, v: int, k: int) -> Speaker | None:
    doc, win = ctx.doc, ctx.lex.window
    toks = tokens_of(doc)
    pos = v
    steps = 0
    while pos > 0 and steps < win.speaker_steps:
        found = candidate_ending_at(ctx, pos, k)
        if found is not None and found.how == "mention" and ctx.entities[found.key].type == "Place":
            # "The M23 rebels who hold Goma said": a place speaks for no one; the actor before
            # the relative clause does
            found = _before_restrictive_relative(ctx, pos, k) or found
        if found is not None:
            seated = _seated_body(ctx, found, k)
            if seated is not None:
                return seated  # "the Foreign Ministry in Baku said": the body, not its city
            if found.how == "mention" and in_prepositional_phrase(ctx, found.start):
                # "leaders of Russia and France said", "Minister of Foreign Affairs of Russia said";
                # but "lawmaker X of the Y Alliance, however, said": the person it qualifies
                return _before_origin(ctx, found, k, ("Country", "Organization"))
            return found
        if toks.text[pos - 1] == "," and (steps == 0 or all(ctx.lower[x] in ctx.lex.speech.auxiliaries_after_apposition for x in range(pos, v))):
            first = None
            comma_at = None
            for comma in range(pos - 2, max(0, pos - win.speaker_comma), -1):
                if ctx.sent_of[comma] != k or toks.text[comma] in STOP:
                    break
                if toks.text[comma] == "," and _list_comma(ctx, comma):
                    continue  # "The commission, whose members are A, B and C, said": inside the clause
                if toks.text[comma] == ",":
                    comma_at = comma
                    first = candidate_ending_at(ctx, comma, k)  # "Iran, which borders both, said"
                    if first is None and age_before(toks, ctx.lex, comma):
                        first = candidate_ending_at(ctx, comma - 2, k)  # "X, 54, a former banker, said"
                    if first is None and toks.text[comma - 1] == ")":
                        first = _named_before_acronym(ctx, comma - 1, k)  # "The Gulf Cooperation Council (GCC), which groups A and B, said"
                    if first is not None and first.how == "mention" and in_prepositional_phrase(ctx, first.start):
                        # "X of the Y Alliance, however, said": the person before the party
                        first = _before_origin(ctx, first, k, ("Country", "Organization"))
                    if first is None:
                        # "Viktor Orban, Hungary's prime minister, whose country …, said": past a
                        # title in apposition to the name before it
                        before = next((c for c in range(comma - 1, max(0, comma - win.speaker_comma), -1)
                                       if toks.text[c] in (",",) or toks.text[c] in STOP or ctx.sent_of[c] != k), None)
                        if (before is not None and toks.text[before] == "," and ctx.sent_of[before] == k
                                and any(toks.lower[t] in ctx.lex.title_words for t in range(before + 1, comma))
                                and _only_title_between(ctx, before + 1, comma)):
                            named = candidate_ending_at(ctx, before, k)
                            if (named is not None and named.how == "mention"
                                    and ctx.entities[named.key].type == "Person"):
                                first = named
                    if first is None and toks.lower[comma + 1] in ctx.lex.speech.relative_pronouns:
                        first = _person_before_described_relative(ctx, comma, k)
                    if first is not None and first.how == "mention" and ctx.entities[first.key].type == "Person":
                        whose = _whose_apposition(ctx, first.start, k)
                        if whose is not None:
                            # "the army, whose commander, General X, has taken …, said": X is
                            # inside the clause; the antecedent before ", whose" speaks, or no one
                            return candidate_ending_at(ctx, whose, k)
                    break
            found = candidate_ending_at(ctx, pos - 1, k)  # "The head, diplomat Markus Ritter, said"
            if found is not None and in_prepositional_phrase(ctx, found.start):
                found = _before_origin(ctx, found, k)  # "Its president, X of the Netherlands, said"
                # but not "…, a fellow at Carnegie Europe, said"
            if first is not None and comma_at is not None:
                # "X, who heads the Y Institute, a think tank, said": the institute ends a relative
                # clause that an apposition follows; X, before the clause, speaks
                clause, outer = _relative_clause_subject(ctx, comma_at, k, win.relative_clause_span)
                if clause and outer is not None:
                    return outer
            if first is not None and found is not None and found.how == "mention" and comma_at is not None:
                # "the president of Azerbaijan, Ilham Aliyev, announced": the person in apposition
                if (ctx.entities[found.key].type == "Person" and _only_title_between(ctx, comma_at + 1, found.start)
                        and not _officer_of_staff(ctx, comma_at + 1, found.start)):
                    return found
            if first is not None:
                return first
            if found is not None and comma_at is not None:
                # "X, who signed it with his counterpart, Y, said": Y is inside X's relative clause
                clause, outer = _relative_clause_subject(ctx, comma_at, k, win.speaker_comma)
                if clause:
                    return outer
            elif found is not None and first is None:
                # "X, who co-chairs the … commission with Armenia's Deputy Prime Minister Y, told":
                # a relative clause too long for a parenthetical's comma; Y is inside it
                clause, outer = _relative_clause_subject(ctx, pos - 1, k, win.relative_clause_span)
                if clause:
                    return outer
            return found
        if toks.text[pos - 1] == ")":
            # "The Norland Pact (NP) said": the name before its acronym in brackets
            found = _named_before_acronym(ctx, pos - 1, k)
            if found is not None:
                return found
            return None
        if (toks.lower[pos - 1] in ctx.lex.speech.relative_pronouns and pos - 2 > 0 and toks.text[pos - 2] == ","
                and ctx.sent_of[pos - 2] == k and toks.lower[v] in ctx.lex.speech.relative_speech_verbs):
            return relative_antecedent(ctx, pos - 2, k)  # "X, who said …", "…, which said …"
        if toks.lower[pos - 1] not in ctx.lex.speech.between:
            return _before_restrictive_relative(ctx, pos, k) if steps == 0 else None
        pos -= 1
        steps += 1
    return None


def _named_before_acronym(ctx: QuoteContext, close: int, k: int) -> Speaker | None:
    """The actor named right before its own acronym in brackets, the ")" at token ``close``
    ("The Norland Pact (NP)"), unless inside a prepositional phrase; or None."""
    toks = tokens_of(ctx.doc)
    inner = ctx.by_end.get(close)
    if inner is None or inner.start < 1 or toks.text[inner.start - 1] != "(":
        return None
    found = candidate_ending_at(ctx, inner.start - 1, k)
    if found is not None and found.key == inner.key and not in_prepositional_phrase(ctx, found.start):
        return found
    return None


def _before_restrictive_relative(ctx: QuoteContext, pos: int, k: int) -> Speaker | None:
    """The actor before a relative clause with no commas that ends at token ``pos`` ("The M23
    rebels who hold Goma said": the M23), or None; the clause is at most [window]
    speaker_comma tokens and holds no punctuation."""
    toks = tokens_of(ctx.doc)
    for r in range(pos - 2, max(0, pos - ctx.lex.window.speaker_comma), -1):
        if ctx.sent_of[r] != k or not (toks.text[r].isalnum() or toks.text[r] == "-"):
            return None
        if toks.lower[r] in ctx.lex.speech.relative_pronouns:
            found = candidate_ending_at(ctx, r, k)
            if found is None or found.how not in ("mention", "metonym") or in_prepositional_phrase(ctx, found.start):
                return None
            return found
    return None


def cochaired_body(ctx: QuoteContext, k: int) -> str | None:
    """The organization of the last coChairOf fact read up to sentence ``k``, or None."""
    bodies = [f for f in ctx.doc._.kg_facts or () if f.predicate == "coChairOf" and not f.negated and f.sentence <= k]
    return max(bodies, key=lambda f: f.sentence).object if bodies else None


def _seated_body(ctx: QuoteContext, found: Speaker, k: int) -> Speaker | None:
    """The organization before "in" when ``found`` is the place it sits in ("the Foreign
    Ministry in Baku said"), else None."""
    if found.how != "mention" or ctx.entities[found.key].type != "Place":
        return None
    return _mention_before_link(ctx, found.start - 1, k, ctx.lex.roles.capital_leads, "Organization")


def _before_origin(ctx: QuoteContext, found: Speaker, k: int,
                   types: tuple[str, ...] = ("Country",)) -> Speaker | None:
    """The person before "of the Netherlands" when ``found`` is that country ("Its president,
    Tiny Kox of the Netherlands, said": where the holder is from), or one of ``types`` ("X of
    the Y Alliance said": the party the person is from), else None."""
    if found.how != "mention" or ctx.entities[found.key].type not in types:
        return None
    i = found.start - 1
    if i > 0 and ctx.lower[i] in ctx.lex.grammar.articles:
        i -= 1
    return _mention_before_link(ctx, i, k, ctx.lex.roles.origin_prepositions, "Person")


def _mention_before_link(ctx: QuoteContext, i: int, k: int, links: frozenset[str], type_: str) -> Speaker | None:
    """The actor of type ``type_`` named right before token ``i``, when that token is one of
    ``links`` ("the Foreign Ministry | in Baku", "Tiny Kox | of the Netherlands"); else None."""
    if i < 1 or ctx.lower[i] not in links:
        return None
    found = candidate_ending_at(ctx, i, k)
    if found is None or found.how != "mention" or ctx.entities[found.key].type != type_:
        return None
    return found


def relative_antecedent(ctx: QuoteContext, comma: int, k: int) -> Speaker | None:
    """The actor ending at the comma before a relative pronoun of a speech verb: the speaker,
    also as the object of an agent's or a partner's preposition ("was taken by X, which said",
    "talks with X, who said"); not as the object of another one ("the head of UNHCR, who")."""
    found = candidate_ending_at(ctx, comma, k)
    if found is None or found.how != "mention" or not in_prepositional_phrase(ctx, found.start):
        return found
    lex = ctx.lex
    i = found.start - 1
    while i >= 0 and (ctx.lower[i] in lex.grammar.articles or ctx.lower[i] in lex.grammar.possessive):
        owner = ctx.by_end.get(i) if ctx.lower[i] in lex.grammar.possessive else None
        i = owner.start - 1 if owner is not None else i - 1  # "by the AU's Peace and Security Council"
    return found if i >= 0 and ctx.lower[i] in lex.speech.relative_antecedent_prepositions else None


def _person_before_described_relative(ctx: QuoteContext, comma: int, k: int) -> Speaker | None:
    """ "X, a former member of parliament, who sat for the party until 2023, said": the
    relative clause opening at the comma at ``comma`` follows a description in apposition (an
    article or possessive after its own comma); the person named before that comma speaks."""
    toks = tokens_of(ctx.doc)
    lex = ctx.lex
    for c in range(comma - 1, max(0, comma - lex.window.speaker_comma), -1):
        if ctx.sent_of[c] != k or toks.text[c] in STOP:
            return None
        if toks.text[c] != ",":
            continue
        if toks.lower[c + 1] not in lex.grammar.articles and toks.lower[c + 1] not in lex.grammar.possessive:
            return None
        named = candidate_ending_at(ctx, c, k)
        if named is not None and named.how == "mention" and ctx.entities[named.key].type == "Person":
            return named
        return None
    return None


def _whose_apposition(ctx: QuoteContext, start: int, k: int) -> int | None:
    """The comma before ", whose <noun>," when the person starting at token ``start`` is named
    in apposition to that noun (honorifics between the comma and the name allowed), else None."""
    toks = tokens_of(ctx.doc)
    lex = ctx.lex
    c = start - 1
    while c > 0 and ctx.sent_of[c] == k and toks.text[c] != "," and start - c <= lex.window.whose_apposition_honorifics:
        c -= 1
    if c <= 0 or toks.text[c] != "," or ctx.sent_of[c] != k:
        return None
    for w in range(c - 1, max(0, c - lex.window.whose_apposition_noun), -1):
        if ctx.sent_of[w] != k or toks.text[w] in STOP or toks.text[w] == ",":
            return None
        if toks.lower[w] in lex.speech.possessive_relative_pronouns:
            return w - 1 if toks.text[w - 1] == "," and ctx.sent_of[w - 1] == k else None
    return None


def _relative_clause_subject(ctx: QuoteContext, comma: int, k: int, span: int) -> tuple[bool, Speaker | None]:
    """Whether ", who …" ([speech] relative_pronouns) opens a relative clause that runs on to
    token ``comma`` with no other comma between, and the actor before it (None if no actor:
    "Iran's president, who met X, Y, said" is not Y speaking)."""
    toks = tokens_of(ctx.doc)
    for c in range(comma - 1, max(0, comma - span), -1):
        if ctx.sent_of[c] != k or toks.text[c] in STOP or toks.text[c] == ",":
            return False, None
        if toks.lower[c] in ctx.lex.speech.relative_pronouns and c > 1 and toks.text[c - 1] == ",":
            found = candidate_ending_at(ctx, c - 1, k)
            if found is not None and found.how == "mention" and in_prepositional_phrase(ctx, found.start):
                found = None
            return True, found
    return False, None


def _listed(ctx: QuoteContext, m: TokMention) -> bool:
    """Mention ``m`` is one item of a list of actors ("Eleven countries, including A, B and C,
    set up a team, which published a report"): no list item alone issued what the sentence
    reports."""
    toks = tokens_of(ctx.doc)
    n = len(toks.text)
    coordinators = ctx.lex.grammar.coordinators
    if m.end < n and toks.text[m.end] == "," and _list_comma(ctx, m.end):
        return True
    if m.end + 1 < n and toks.lower[m.end] in coordinators and ctx.by_start_tok.get(m.end + 1):
        return True
    b = m.start - 1
    return b > 0 and (toks.lower[b] in coordinators or toks.text[b] == ",") and b in ctx.by_end and (
        toks.text[b] != "," or _list_comma(ctx, b))


def _list_comma(ctx: QuoteContext, comma: int) -> bool:
    """The comma at ``comma`` separates two actors of a list ("A, B and C"): a mention ends
    right before it, another starts right after it, and the list goes on to a coordinator."""
    toks = tokens_of(ctx.doc)
    before, after = ctx.by_end.get(comma), ctx.by_start_tok.get(comma + 1)
    if before is None or not after or before.type == "Person":
        return False
    j = max(m.end for m in after)
    coordinators = ctx.lex.grammar.coordinators
    while j < len(toks.text) and ctx.sent_of[j] == ctx.sent_of[comma]:
        if toks.lower[j] in coordinators:
            return True
        nxt = ctx.by_start_tok.get(j + 1) if toks.text[j] == "," else None
        if not nxt:
            return False
        j = max(m.end for m in nxt)
    return False


def _only_title_between(ctx: QuoteContext, a: int, b: int) -> bool:
    """Tokens ``a:b`` are only articles, titles, capitalised qualifiers and the prepositions
    between a title and its actor ("diplomat", "US Envoy", "chairman of the Center for Analysis
    of International Relations"), and an actor's acronym in brackets after it ("leader of the
    Liberal Party (LP)")."""
    lex = ctx.lex
    toks = tokens_of(ctx.doc)
    return all(low in lex.grammar.articles or low in lex.title_words or word[:1].isupper()
               or low in lex.grammar.possessive or low in lex.actors.title_prepositions or word in ACRONYM_BRACKETS
               for word, low in zip(toks.text[a:b], toks.lower[a:b]))


def _officer_of_staff(ctx: QuoteContext, a: int, b: int) -> bool:
    """Tokens ``a:b`` end with a staff office's link and its officer's title ("a senior adviser
    to President", [roles] staff_links): the name after them is the officer's, not the
    apposition's ("X, a senior adviser to President Y, said": X speaks; "to Azerbaijani
    President Y", "to Chile's President Y": past the officer's capitalised qualifier too)."""
    toks = tokens_of(ctx.doc)
    lex = ctx.lex
    i = b - 1
    while i > a and (toks.lower[i] in lex.title_words or toks.text[i][:1].isupper()
                     or toks.lower[i] in lex.grammar.possessive) and toks.lower[i] not in lex.roles.staff_links:
        i -= 1
    while i > a and toks.lower[i] in lex.grammar.articles:
        i -= 1
    return i > a and i < b - 1 and toks.lower[i] in lex.roles.staff_links


def first_candidate(ctx: QuoteContext, k: int, before: int) -> Speaker | None:
    """The subject of the sentence: its first speaker-like words before ``before``."""
    toks = tokens_of(ctx.doc)
    a = before
    while a > 0 and ctx.sent_of[a - 1] == k:
        a -= 1
    # the subject is named near the sentence's start, not in a later clause
    for pos in range(a + 1, min(before, a + ctx.lex.window.subject_words) + 1):
        if ctx.in_quote[pos - 1]:
            continue
        found = candidate_ending_at(ctx, pos, k)
        if found is not None and found.how == "mention" and in_prepositional_phrase(ctx, found.start):
            continue  # "In Moscow, …", "CEO of Acme Corp X said": not the subject
        if found is not None:
            # "United Nations Secretary General Antonio Guterres": the person is the subject
            window = range(pos, pos + ctx.lex.window.subject_title_words)
            for m in (x for i in window for x in ctx.by_start_tok.get(i, ())):
                if m.type == "Person" and m.start < before and all(
                    word[:1].isupper() or low in ctx.lex.speech.subject_title_joins
                    or low in ctx.lex.grammar.possessive or low in ctx.lex.title_words
                    or low in ctx.lex.roles.current_adjectives or low in ctx.lex.roles.office_remit_prepositions
                    or low in ctx.lex.roles.domain_adjectives
                    for word, low in zip(toks.text[pos:m.start], toks.lower[pos:m.start])
                ) and not (ctx.entities[found.key].type == "Person" and _officer_of_staff(ctx, pos, m.start)):
                    # also "The Minsk Group's chair, Finnish Foreign Minister Elina Valtonen",
                    # "The UN's senior coordinator for Gaza, X", "Eritrea's information minister, X";
                    # not "X, the foreign policy adviser to President Y, called …": X is the subject
                    return Speaker(m.key, m.start, "mention")
            if (found.how == "mention" and pos + 1 < before and toks.lower[pos] in ctx.lex.grammar.possessive
                    and toks.lower[pos + 1] in ctx.lex.title_words):
                # "The EU's special representative for the South Caucasus and …, X, visited … and
                # announced": the person in apposition to the actor's officer, past a long remit
                for c in range(pos + 2, min(before, pos + ctx.lex.window.speaker_comma)):
                    if toks.text[c] in STOP or ctx.lower[c] in ctx.lex.speech.verbs:
                        break
                    if toks.text[c] == ",":
                        m = next((x for x in ctx.by_start_tok.get(c + 1, ()) if x.type == "Person"), None)
                        if m is not None and m.end < before and toks.text[m.end] == ",":
                            return Speaker(m.key, m.start, "mention")
                        break
            if found.how == "mention" and pos + 1 < before and toks.lower[pos] in ctx.lex.grammar.possessive:
                # "The African Union's Peace and Security Council declined …, saying": the
                # organization the possessive owns is the subject
                head = next((m for m in ctx.by_start_tok.get(pos + 1, ()) if m.type == "Organization"), None)
                if head is not None and head.end <= before:
                    return Speaker(head.key, head.start, "mention")
            return found
    return None


def impersonal_before(ctx: QuoteContext, pos: int) -> bool:
    """ "It is noted", "it was stressed" ends just before token ``pos``."""
    toks = tokens_of(ctx.doc)
    for phrase in ctx.lex.speech.impersonal:
        n = len(phrase)
        if pos - n >= 0 and tuple(toks.lower[pos - n:pos]) == phrase:
            return True
    return False


def last_sentence_of(ctx: QuoteContext, open_tok: int, close_tok: int) -> int:
    """The sentence of the last token of a quote (a quote may span sentences)."""
    i = min(close_tok, len(ctx.doc) - 1)
    while i > open_tok and ctx.sent_of[i] < 0:
        i -= 1
    return ctx.sent_of[i]


def add_statement(ctx: QuoteContext, k: int, speaker: str, start: int, end: int, direct: bool, rule: str,
                  confidence: float, last: int | None = None) -> None:
    """Record what ``speaker`` said, on characters ``start:end``, in sentences ``k`` to ``last``."""
    layout = ctx.layout
    text = layout.text[start:end].strip()
    if not text:
        return
    if last is None:
        last = k
    ev_start = layout.sentences[k][0]
    ev_end = layout.sentences[max(k, last)][1]
    keys = []
    i = bisect.bisect_left(ctx.mention_chars, start)
    while i < len(ctx.mentions) and ctx.mention_chars[i] < end:
        m = ctx.mentions[i]
        if m.key not in keys and m.key != speaker:
            keys.append(m.key)
        i += 1
    ctx.statements.append(Statement(speaker, text, direct, k, start, start + len(text),
                                    layout.text[ev_start:ev_end], rule, confidence, keys))
    ctx.speaker_of_sentence[k] = speaker
    ctx.speaker_of_sentence[last] = speaker


def quoting_speaker(ctx: QuoteContext, v: int, k: int) -> Speaker | None:
    """ "BelTA quotes spokesman X": X; "X was quoted as saying": X."""
    doc, speech = ctx.doc, ctx.lex.speech
    toks = tokens_of(doc)
    if v > 0 and toks.lower[v - 1] in speech.passive_auxiliaries:
        return speaker_before_verb(ctx, v - 1, k)
    if v + 1 < len(doc) and toks.lower[v + 1] in speech.pronouns:  # "quoted him as saying"
        return candidate_ending_at(ctx, v + 2, k)
    found = speaker_after_verb(ctx, v + 1)
    if found is not None and in_prepositional_phrase(ctx, found.start):
        return None
    return found
