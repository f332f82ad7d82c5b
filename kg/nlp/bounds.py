"""Budgets of one article: what keeps the pipeline linear and its time bounded.

Two guards that no rule can forget:

* :class:`RunCuttingTokenizer` wraps spaCy's tokenizer: a run of more than
  ``[window] token_chars`` characters without a space (20,000 quotation marks, 100 KB of
  one letter) is cut into pieces of that size before the tokenizer sees it, each piece
  one token.  spaCy splits affixes off a long word one at a time, each time searching
  the whole word again: quadratic in the run.  News has no word that long (the longest
  in the seed and dev sets has 24 characters), so a real article is tokenized exactly
  as before.
* :class:`Deadline`: a time budget per article.  :func:`kg.nlp.pipeline.read_text`
  checks it between components (and the quote reader between sentences); past it,
  :class:`ArticleTimeout` is raised and the build skips the article with one warning.
"""
from __future__ import annotations

import re
import time

from spacy.tokens import Doc


class ArticleTimeout(Exception):
    """An article took more than its time budget."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took more than {seconds:g} s")
        self.seconds = seconds


class Deadline:
    """The moment an article's budget of ``seconds`` runs out (None: no budget; 0: spent at once)."""

    __slots__ = ("seconds", "at")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.at = None if seconds is None else time.monotonic() + seconds

    def check(self) -> None:
        """Raise :class:`ArticleTimeout` when the budget is spent."""
        if self.at is not None and time.monotonic() >= self.at:
            raise ArticleTimeout(self.seconds)


#: ``Doc.user_data`` key of the article's :class:`Deadline` (set by ``read_text``).
DEADLINE_KEY = "kg_deadline"


def check_deadline(doc: Doc) -> None:
    """Raise :class:`ArticleTimeout` when the Doc's article is past its budget (if it has one)."""
    deadline = doc.user_data.get(DEADLINE_KEY)
    if deadline is not None:
        deadline.check()


class RunCuttingTokenizer:
    """spaCy's tokenizer, but a run of more than ``max_chars`` non-space characters is cut
    into tokens of ``max_chars`` characters, never given to the tokenizer.  The Doc's text
    is the input text, character for character (offsets stay valid)."""

    def __init__(self, tokenizer, max_chars: int) -> None:
        self.tokenizer = tokenizer
        self.max_chars = max_chars
        # a run starts after a space or at the text's start: each run is scanned once
        self.long_run = re.compile(r"(?<!\S)\S{" + str(max_chars + 1) + ",}")

    def __call__(self, text: str) -> Doc:
        # str.split() splits where the pattern's \S stops (Unicode whitespace): no long word, no long run
        if max(map(len, text.split()), default=0) <= self.max_chars:
            return self.tokenizer(text)
        runs = list(self.long_run.finditer(text))
        if not runs:
            return self.tokenizer(text)
        vocab = self.tokenizer.vocab
        docs = []
        pos = 0
        for m in runs:
            if m.start() > pos:
                docs.append(self.tokenizer(text[pos:m.start()]))
            a, b = m.span()
            words = [text[i:min(i + self.max_chars, b)] for i in range(a, b, self.max_chars)]
            spaces = [False] * len(words)
            pos = b
            if b < len(text) and text[b] == " ":  # a single space after a token is its whitespace
                spaces[-1] = True
                pos = b + 1
            docs.append(Doc(vocab, words=words, spaces=spaces))
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    # spaCy calls these on a pipeline's tokenizer; the wrapped one answers
    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)
