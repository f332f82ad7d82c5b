"""kg's tokenizer: spaCy's, whose affix searches answer a string they have seen from memory.

spaCy keeps the tokens of each whitespace-separated chunk it has split, but once a text has
met a special case ("U.S.", "don't", "Jan.") it keeps none of the chunks after it in that
text (``has_special`` is one flag per text): those are split again wherever they occur, with
the suffix regex (83 alternatives, each tried at every character) searched once per affix.
On the bench corpus the suffix regex ran 38,500 times for 12,600 strings.  The searches here
remember their last :data:`REMEMBERED_STRINGS` answers: the same Match for the same string,
so the same tokens, from the same regexes.

The tokenizer is registered as ``kg.Tokenizer.v1``; :func:`kg.nlp.pipeline.make_pipeline`
gives it to spaCy's blank English (a trained pipeline keeps its own).
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from spacy import util
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

#: Strings each affix search remembers (the most recently asked; a chunk has 8 characters on
#: average: some MB at most).
REMEMBERED_STRINGS = 100_000

#: The name the tokenizer is registered under (``[nlp.tokenizer] @tokenizers``).
TOKENIZER_NAME = "kg.Tokenizer.v1"


class Remembered:
    """A compiled pattern's ``search``, ``match`` or ``finditer`` (``every``: its matches as a
    tuple, as spaCy reads them with ``list()``) that answers each string it has seen before
    from memory.  ``__self__`` is the pattern, where spaCy's serialization reads it."""

    def __init__(self, method: Callable[[str], Any], every: bool = False) -> None:
        self.__self__ = getattr(method, "__self__", None)
        self.method = method
        self.every = every
        call = (lambda string: tuple(method(string))) if every else method
        self.answer = functools.lru_cache(maxsize=REMEMBERED_STRINGS)(call)

    def __call__(self, string: str) -> Any:
        return self.answer(string)

    def __reduce__(self):
        return (Remembered, (self.method, self.every))


@registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer of the language (``spacy.Tokenizer.v1``), with
    :class:`Remembered` affix and URL searches."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=_remembered(defaults.prefixes, util.compile_prefix_regex, "search"),
            suffix_search=_remembered(defaults.suffixes, util.compile_suffix_regex, "search"),
            infix_finditer=_remembered(defaults.infixes, util.compile_infix_regex, "finditer"),
            token_match=defaults.token_match,
            url_match=Remembered(defaults.url_match) if defaults.url_match is not None else None,
        )

    return tokenizer_factory


def _remembered(pieces: Iterable[str] | None, compile_regex: Callable, method: str) -> Remembered | None:
    """The :class:`Remembered` ``method`` of the regex spaCy compiles of ``pieces`` (None: none)."""
    if not pieces:
        return None
    return Remembered(getattr(compile_regex(pieces), method), every=method == "finditer")
