"""Who said what: direct quotations and reported speech.

Direct quotes are read from the quotation marks of each paragraph (straight or curly;
a quote may span sentences).  A quote's speaker comes from its frame:

``quote-after``     "…," Putin said. / "…," said Putin. / "…," he added. / "…," the statement reads.
``quote-before``    Peskov added: "…" / The Secretariat underlined "…" / It is noted, "…"
``quote-continued`` a quote with no frame after a quote of the same paragraph or the one before

Reported speech (``reported``): "X said (that) …", "X told …", "…, X said Wednesday.",
"According to X, …", "…, saying that …" (the subject of the main clause).

Speakers are mentions of actors, pronouns ("he added": the person the text is about),
descriptions ("the Russian president", resolved by :mod:`kg.nlp.roles`), anaphors ("the
organization said": the last organization named) and actor + metonym nouns ("the Karabakh
army said", "the Armenian military": the actor itself).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.doc import TokMention, ensure_extensions
from kg.nlp.lexicon import load_lexicon
from kg.records import Statement

SPEAKER_TYPES = ("Person", "Organization", "Country", "Place")
OPENERS = {"“": "”", "«": "»", "„": "“"}
STOP = {".", "!", "?", ";"}
PREPOSITIONS = frozenset({"at", "of", "in", "for", "from", "with", "on", "by", "to", "about"})
TRAILING_STARTS = frozenset({
    "on", "in", "via", "at", "during", "late", "earlier", "later", "yesterday", "today", "tonight",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "told", "to",
    "after", "before", "last", "this", "through", "from", "when", "while", "overnight", "recently",
})


@dataclass(slots=True)
class Quote:
    start: int  # char offset of the quoted text (after the mark)
    end: int  # char offset where the quoted text ends (before the mark)
    open_tok: int  # token of the opening mark
    close_tok: int  # token of the closing mark (or the block end)
    words: int


class QuoteReader:
    """spaCy component ``kg_quotes``: ``Doc._.kg_statements`` and ``Doc._.kg_quotes``."""

    def __init__(self, nlp: Language):
        ensure_extensions()
        lex = load_lexicon()
        self.verbs = lex.words("speech", "verbs")
        self.participles = lex.words("speech", "participles")
        self.between = lex.words("speech", "between_speaker_and_verb")
        self.statement_nouns = lex.words("speech", "statement_nouns")
        self.statement_verbs = lex.words("speech", "statement_verbs")
        self.impersonal = [tuple(p.split()) for p in lex.phrases("speech", "impersonal")]
        self.org_anaphors = lex.words("speech", "organization_anaphors")
        self.pronouns = lex.words("speech", "person_pronouns")
        self.metonym_heads = lex.words("actors", "metonym_heads")
        self.min_words = int(lex.value("speech", "min_direct_quote_words"))
        self.title_words = frozenset(w for title in lex.titles for w in title.split())

    # ------------------------------------------------------------------ quotes
    def _find_quotes(self, doc: Doc) -> list[Quote]:
        layout = doc._.kg_layout
        text = doc._.kg_layout.text
        quotes = []
        for block in layout.blocks:
            if block.kind not in ("body", "caption"):
                continue
            i, end = block.start, block.end
            while i < end:
                c = text[i]
                close = OPENERS.get(c) or ('"' if c == '"' else None)
                if close is None:
                    i += 1
                    continue
                j = text.find(close, i + 1, end)
                if j < 0:
                    j = end  # a quote that runs to the end of the paragraph
                start_c, end_c = i + 1, j
                open_span = doc.char_span(i, i + 1, alignment_mode="expand")
                close_span = doc.char_span(j, min(j + 1, end), alignment_mode="expand") if j < end else None
                if open_span is not None:
                    close_tok = close_span.start if close_span is not None else doc.char_span(
                        start_c, end_c, alignment_mode="expand").end if end_c > start_c else open_span.start
                    quotes.append(Quote(start_c, end_c, open_span.start, close_tok, len(text[start_c:end_c].split())))
                i = j + 1
        return quotes

    # ------------------------------------------------------------------ speakers
    def _prepare(self, doc: Doc) -> None:
        self.doc = doc
        self.sent_of = doc._.kg_sent_of
        self.all_mentions: list[TokMention] = doc._.kg_mentions
        self.mentions = [m for m in self.all_mentions if m.role != "nested"]
        self.by_end: dict[int, TokMention] = {}
        for m in self.mentions:  # prefer the longest mention ending at a token (descriptions)
            have = self.by_end.get(m.end)
            if have is None or (m.end - m.start) > (have.end - have.start):
                self.by_end[m.end] = m
        self.by_sentence: dict[int, list[TokMention]] = {}
        self.by_start_tok: dict[int, list[TokMention]] = {}
        for m in self.mentions:
            self.by_sentence.setdefault(m.sentence, []).append(m)
            self.by_start_tok.setdefault(m.start, []).append(m)
        self.org_mentions = [m for m in self.mentions if m.type == "Organization"]
        self.parsed = doc.has_annotation("DEP")
        self.mention_of_token: dict[int, TokMention] = {}
        if self.parsed:
            for m in self.mentions:
                for i in range(m.start, m.end):
                    self.mention_of_token.setdefault(i, m)
        self.org_starts = [m.start for m in self.org_mentions]
        self.mention_chars = [doc[m.start].idx for m in self.mentions]
        self.in_quote = [False] * len(doc)
        self.statements: list[Statement] = []
        self.speaker_of_sentence: dict[int, str] = {}
        self.pronoun_mentions: list[TokMention] = []

    def _last_speaker(self, k: int) -> str | None:
        for kk in range(k, max(-1, k - 6), -1):
            if kk in self.speaker_of_sentence:
                return self.speaker_of_sentence[kk]
        return None

    def _person_for_pronoun(self, k: int, tok: int) -> str | None:
        entities = self.doc._.kg_entities
        for m in self.by_sentence.get(k, ()):  # the subject of the same sentence, named before the pronoun
            if m.end <= tok and m.type == "Person" and not self.in_quote[m.start]:
                return m.key
        for kk in range(k - 1, max(-1, k - 5), -1):
            who = self.speaker_of_sentence.get(kk)
            if who is not None and entities.get(who) is not None and entities[who].type == "Person":
                return who
            for m in self.by_sentence.get(kk, ()):
                if m.type == "Person" and not self.in_quote[m.start]:
                    return m.key
        return None

    def _last_organization(self, tok: int) -> str | None:
        """The organization an anaphor points to: the subject of its sentence, else the last one."""
        k = self.sent_of[tok]
        for m in self.by_sentence.get(k, ()):
            if m.start < tok and m.type == "Organization" and not self.in_quote[m.start]:
                return m.key
        i = bisect.bisect_left(self.org_starts, tok) - 1
        while i >= 0:
            m = self.org_mentions[i]
            if m.end <= tok and not self.in_quote[m.start]:
                return m.key
            i -= 1
        return None

    def _candidate_ending_at(self, pos: int, k: int) -> tuple[str, int, str] | None:
        """A speaker whose words end just before token ``pos``: (key, start token, how)."""
        doc = self.doc
        if pos <= 0 or self.sent_of[pos - 1] != k:
            return None
        m = self.by_end.get(pos)
        if m is not None and m.role != "demonym" and m.type in SPEAKER_TYPES:
            return m.key, m.start, "mention"
        last = doc[pos - 1].lower_
        # actor + metonym noun: "the Karabakh army", "the Armenian military", "Karabakh separatist leadership"
        for width in (1, 2):
            head = " ".join(t.lower_ for t in doc[max(0, pos - width):pos])
            if head in self.metonym_heads:
                m = self.by_end.get(pos - width)
                if m is not None and m.type in SPEAKER_TYPES:
                    return m.key, m.start, "metonym"
        if last in self.pronouns and not self.in_quote[pos - 1]:
            who = self._person_for_pronoun(k, pos - 1)
            if who is not None:
                self.pronoun_mentions.append(TokMention(pos - 1, pos, who, "Person", "coref-pronoun", "pronoun", k))
                return who, pos - 1, "pronoun"
        if pos >= 2 and doc[pos - 2].lower_ in ("the", "its", "this"):
            if last in self.statement_nouns:
                who = self._last_speaker(k)
                if who is not None:
                    return who, pos - 2, "statement"
            if last in self.org_anaphors:
                who = self._last_organization(pos - 2)
                if who is not None:
                    return who, pos - 2, "anaphor"
        return None

    def _speaker_before_verb(self, v: int, k: int) -> tuple[str, int, str] | None:
        """The speaker of the verb: from the dependency parse where a trained pipeline gave
        one, else walking back over adverbials ("Putin on Thursday said") and over one
        parenthetical clause ("Iran, which borders both, said")."""
        if self.parsed:
            found = self._parsed_subject(v, k)
            if found is not None:
                return found
        return self._speaker_by_position(v, k)

    def _parsed_subject(self, v: int, k: int) -> tuple[str, int, str] | None:
        """The nominal subject of the verb, when it is (or heads) a mention."""
        doc = self.doc
        for child in doc[v].children:
            if child.dep_ not in ("nsubj", "nsubjpass") or child.i >= v:
                continue
            for tok in child.subtree:  # "Russia's president Putin": a mention inside the subject
                m = self.mention_of_token.get(tok.i)
                if m is not None and m.type in SPEAKER_TYPES and m.role != "demonym" and m.sentence == k:
                    if m.start <= child.i < m.end or tok.head.i == child.i or tok.i == child.i:
                        return m.key, m.start, "mention"
            return self._candidate_ending_at(child.i + 1, k)
        return None

    def _speaker_by_position(self, v: int, k: int) -> tuple[str, int, str] | None:
        pos = v
        steps = 0
        doc = self.doc
        while pos > 0 and steps < 6:
            found = self._candidate_ending_at(pos, k)
            if found is not None:
                return found
            if doc[pos - 1].text == "," and steps == 0:
                first = None
                for comma in range(pos - 2, max(0, pos - 20), -1):
                    if self.sent_of[comma] != k or doc[comma].text in STOP:
                        break
                    if doc[comma].text == ",":
                        first = self._candidate_ending_at(comma, k)  # "Iran, which borders both, said"
                        break
                if first is not None:
                    return first
                found = self._candidate_ending_at(pos - 1, k)  # "The head, diplomat Markus Ritter, said"
                if found is not None and doc[found[1] - 1].lower_ not in PREPOSITIONS:
                    return found  # but not "…, a fellow at Carnegie Europe, said"
                return None
            if doc[pos - 1].lower_ not in self.between:
                return None
            pos -= 1
            steps += 1
        return None

    def _first_candidate(self, k: int, before: int) -> tuple[str, int, str] | None:
        """The subject of the sentence: its first speaker-like words before ``before``."""
        doc = self.doc
        a = before
        while a > 0 and self.sent_of[a - 1] == k:
            a -= 1
        for pos in range(a + 1, before + 1):
            if self.in_quote[pos - 1]:
                continue
            found = self._candidate_ending_at(pos, k)
            if found is not None:
                # "United Nations Secretary General Antonio Guterres": the person is the subject
                for m in (x for i in range(pos, pos + 5) for x in self.by_start_tok.get(i, ())):
                    if m.type == "Person" and m.start < before and all(
                        t.text[:1].isupper() or t.lower_ in ("of", "the", "-") for t in doc[pos:m.start]
                    ):
                        return m.key, m.start, "mention"
                return found
        return None

    def _impersonal_before(self, pos: int) -> bool:
        doc = self.doc
        for phrase in self.impersonal:
            n = len(phrase)
            if pos - n >= 0 and tuple(t.lower_ for t in doc[pos - n:pos]) == phrase:
                return True
        return False

    # ------------------------------------------------------------------ frames
    def _after_frame(self, q: Quote, k: int):
        doc = self.doc
        j = q.close_tok + 1
        n = len(doc)
        while j < n and doc[j].text in (",", "…"):
            j += 1
        window_end = min(n, j + 10)
        v = None
        for i in range(j, window_end):
            t = doc[i]
            if t.text in STOP or t.text in ('"', "“", "”") or self.sent_of[i] < 0:
                break
            if t.lower_ in self.verbs or (t.lower_ in self.statement_verbs and i > j):
                v = i
                break
        if v is None:
            return None
        kk = self.sent_of[v]
        # "the statement reads", "it added"
        if v - 1 >= j and doc[v - 1].lower_ in self.statement_nouns:
            who = self._last_speaker(kk)
            return (who, "quote-after", 0.8) if who else None
        if v - 1 >= j and doc[v - 1].lower_ == "it":
            who = self._last_speaker(kk)
            return (who, "quote-after", 0.7) if who else None
        # the speaker nearest before the verb, in the frame
        best = None
        for pos in range(v, j, -1):
            found = self._candidate_ending_at(pos, kk)
            if found is not None and found[1] >= j:
                best = found
                break
        if best is None and v + 1 < n:  # inverted: said Putin
            i = v + 1
            if doc[i].lower_ == "the":
                i += 1
            for m in self.by_start_tok.get(i, ()):
                if m.role != "demonym" and m.type in SPEAKER_TYPES:
                    best = (m.key, m.start, "mention")
                    break
        if best is None:
            return None
        return best[0], "quote-after", 0.9 if best[2] == "mention" else 0.8

    def _before_frame(self, q: Quote, k: int):
        doc = self.doc
        pos = q.open_tok
        while pos > 0 and doc[pos - 1].text in (":", ",", "-", "–", "—"):
            pos -= 1
        if pos > 0 and doc[pos - 1].lower_ == "that":
            pos -= 1
        if pos <= 0 or self.sent_of[pos - 1] < 0:
            return None
        if self._impersonal_before(pos):
            who = self._last_speaker(self.sent_of[pos - 1])
            return (who, "quote-before", 0.75) if who else None
        v = pos - 1
        if doc[v].lower_ not in self.verbs:
            # "X said in a statement on Telegram: "…"": the verb a few words before the colon
            colon = q.open_tok - 1
            while colon > 0 and doc[colon].is_space:
                colon -= 1
            if doc[colon].text != ":":
                return None
            for i in range(colon - 1, max(-1, colon - 8), -1):
                t = doc[i]
                if t.is_punct or self.sent_of[i] != self.sent_of[colon] or self.in_quote[i]:
                    return None
                if t.lower_ in self.verbs:
                    v = i
                    break
            else:
                return None
        kv = self.sent_of[v]
        found = self._speaker_before_verb(v, kv)
        if found is None and v > 0 and doc[v - 1].lower_ == "and":
            found = self._first_candidate(kv, v - 1)
        if found is None:
            return None
        return found[0], "quote-before", 0.9 if found[2] == "mention" else 0.8

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        self._prepare(doc)
        layout = doc._.kg_layout
        zones = [z for _, _, z in layout.sentences]
        quotes = self._find_quotes(doc)
        doc._.kg_quotes = [(q.start, q.end) for q in quotes]
        for q in quotes:
            for i in range(q.open_tok, min(q.close_tok + 1, len(doc))):
                self.in_quote[i] = True
        frame_verbs: set[int] = set()
        quote_by_sentence: dict[int, list[Quote]] = {}
        for q in quotes:
            k = self.sent_of[q.open_tok + 1] if q.open_tok + 1 < len(doc) else -1
            if k < 0:
                k = self.sent_of[q.open_tok]
            quote_by_sentence.setdefault(k, []).append(q)

        previous_quote_speaker: tuple[int, str] | None = None  # (last sentence of the quote, speaker)
        pending: list[tuple[int, Quote]] = []  # quotes running to the end of their paragraph, unframed
        for k, (s_start, s_end, zone) in enumerate(layout.sentences):
            if zone == "title":
                continue
            for q in quote_by_sentence.get(k, ()):
                if q.words < self.min_words and not self._standalone(q):
                    continue
                found = self._after_frame(q, k) or self._before_frame(q, k)
                if found is not None:
                    speaker, rule, conf = found
                    # a quote of several paragraphs is framed once, in its last paragraph
                    for kk, earlier in pending:
                        if k - kk <= 6:
                            self._add(kk, speaker, earlier.start, earlier.end, True, "quote-continued", 0.7, earlier)
                    pending = []
                elif previous_quote_speaker is not None and k - previous_quote_speaker[0] <= 2:
                    speaker, rule, conf = previous_quote_speaker[1], "quote-continued", 0.7
                else:
                    if self._unclosed(q):
                        pending.append((k, q))
                    continue
                self._add(k, speaker, q.start, q.end, True, rule, conf, q)
                previous_quote_speaker = (self._last_sentence_of(q), speaker)
                if rule == "quote-after":
                    self._mark_frame_verbs(q, frame_verbs)
            self._reported(doc, k, s_start, s_end, frame_verbs)

        if self.pronoun_mentions:
            entities = doc._.kg_entities
            for m in self.pronoun_mentions:
                entities[m.key].mentions += 1
            doc._.kg_mentions = sorted(self.all_mentions + self.pronoun_mentions, key=lambda m: (m.start, -(m.end - m.start)))
        doc._.kg_statements = self.statements
        return doc

    def _unclosed(self, q: Quote) -> bool:
        """The quote runs to the end of its paragraph with no closing mark."""
        text = self.doc._.kg_layout.text
        return q.end >= len(text) or text[q.end] not in "\"”»“"

    def _standalone(self, q: Quote) -> bool:
        """A short quote that is a whole sentence of its own, not a fragment."""
        doc = self.doc
        before = doc[q.open_tok - 1].text if q.open_tok > 0 else "\n"
        return before.strip() == "" or before in (":",)

    def _last_sentence_of(self, q: Quote) -> int:
        i = min(q.close_tok, len(self.doc) - 1)
        while i > q.open_tok and self.sent_of[i] < 0:
            i -= 1
        return self.sent_of[i]

    def _mark_frame_verbs(self, q: Quote, frame_verbs: set[int]) -> None:
        doc = self.doc
        for i in range(q.close_tok + 1, min(len(doc), q.close_tok + 12)):
            if doc[i].text in STOP:
                break
            if doc[i].lower_ in self.verbs:
                frame_verbs.add(i)
                break

    def _reported(self, doc: Doc, k: int, s_start: int, s_end: int, frame_verbs: set[int]) -> None:
        span = doc.char_span(s_start, s_end, alignment_mode="expand")
        if span is None:
            return
        a, b = span.start, span.end
        for i in range(a, b):
            t = doc[i]
            if self.in_quote[i] or i in frame_verbs:
                continue
            low = t.lower_
            if low == "according" and i + 1 < b and doc[i + 1].lower_ == "to":
                self._according_to(doc, k, i, a, b)
                continue
            if low not in self.verbs:
                continue
            # the verb introduces a direct quote: already a statement
            nxt = i + 1
            while nxt < b and doc[nxt].text in (":", ","):
                nxt += 1
            if nxt < b and self.in_quote[nxt] and doc[nxt].text in ('"', "“", "«", "„"):
                continue
            if any(doc[j].text == ":" and j + 1 < b and self.in_quote[j + 1] for j in range(i + 1, min(b, i + 9))):
                continue  # "said in a statement: "…"": the quote is the statement
            found = None
            rule = "reported"
            if low in self.participles:
                found = self._first_candidate(k, i - 1 if doc[i - 1].text == "," else i)
            elif i > a and doc[i - 1].lower_ == "and":
                found = self._first_candidate(k, i - 1)
            else:
                found = self._speaker_before_verb(i, k)
            if found is None:
                continue
            speaker, speaker_start, how = found
            if doc._.kg_entities[speaker].type == "Place" and how != "metonym":
                continue
            # trailing: "…, the organization said via its website Tuesday."
            lead = speaker_start
            steps = 0  # back over the speaker's title: "…, Russian President Vladimir Putin said"
            while lead > a and steps < 6 and (doc[lead - 1].lower_ in self.title_words
                                              or doc[lead - 1].lower_ in ("'s", "’s", "the")
                                              or doc[lead - 1].text[:1].isupper()):
                lead -= 1
                steps += 1
            if lead > a + 3 and doc[lead - 1].text == "," and self._ends_soon(doc, i, b):
                start_c, end_c = doc[a].idx, doc[lead - 1].idx
            else:
                j = i + 1
                for probe in range(i + 1, min(b, i + 8)):
                    if doc[probe].lower_ == "that":
                        j = probe + 1
                        break
                else:  # "said Sunday there was …": step over the time words
                    while j < b and (doc[j].lower_ in self.between or doc[j].text in (":", ",")) and doc[j].lower_ not in ("the", "a", "an"):
                        j += 1
                if j >= b:
                    continue
                start_c = doc[j].idx
                end_c = doc[b - 1].idx + len(doc[b - 1]) if doc[b - 1].text not in STOP else doc[b - 1].idx
            text = doc._.kg_layout.text[start_c:end_c].strip(" ,;:—–-")
            if len(text.split()) < 3:
                continue
            conf = 0.8 if how == "mention" else 0.7
            self._add(k, speaker, start_c, start_c + len(text), False, rule, conf, None)

    def _ends_soon(self, doc: Doc, v: int, b: int) -> bool:
        """After the verb only a time or a channel: "said Wednesday.", "said in a statement." """
        rest = []
        for t in doc[v + 1:b]:
            if t.text == ",":
                break  # "…, Pashinyan said on Friday, accusing the alliance …"
            if not t.is_punct:
                rest.append(t)
        return len(rest) <= 6 and (not rest or rest[0].lower_ in TRAILING_STARTS)

    def _according_to(self, doc: Doc, k: int, i: int, a: int, b: int) -> None:
        comma = next((j for j in range(i + 2, min(b, i + 14)) if doc[j].text == ","), None)
        if comma is None:
            return
        found = None
        for pos in range(comma, i + 2, -1):
            found = self._candidate_ending_at(pos, k)
            if found is not None:
                break
        if found is None or comma + 1 >= b:
            return
        start_c = doc[comma + 1].idx
        end_c = doc[b - 1].idx + len(doc[b - 1]) if doc[b - 1].text not in STOP else doc[b - 1].idx
        text = doc._.kg_layout.text[start_c:end_c].strip()
        if len(text.split()) >= 3:
            self._add(k, found[0], start_c, start_c + len(text), False, "according-to", 0.8, None)

    def _add(self, k: int, speaker: str, start: int, end: int, direct: bool, rule: str, conf: float,
             q: Quote | None) -> None:
        doc = self.doc
        layout = doc._.kg_layout
        text = doc._.kg_layout.text[start:end].strip()
        if not text:
            return
        first = k
        last = self._last_sentence_of(q) if q is not None else k
        ev_start = layout.sentences[first][0]
        ev_end = layout.sentences[max(first, last)][1]
        keys = []
        i = bisect.bisect_left(self.mention_chars, start)
        while i < len(self.mentions) and self.mention_chars[i] < end:
            m = self.mentions[i]
            if m.key not in keys and m.key != speaker:
                keys.append(m.key)
            i += 1
        self.statements.append(Statement(speaker, text, direct, k, start, start + len(text),
                                         doc._.kg_layout.text[ev_start:ev_end], rule, conf, keys))
        self.speaker_of_sentence[k] = speaker
        if q is not None:
            self.speaker_of_sentence[self._last_sentence_of(q)] = speaker


@Language.factory("kg_quotes")
def make_quote_reader(nlp: Language, name: str):
    return QuoteReader(nlp)
