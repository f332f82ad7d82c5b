"""Make a copy of an eval set in which every person is someone the knowledge base does not know.

    .venv/bin/python scripts/unknown_people.py ARTICLES GOLD.toml OUT_DIR

Users' news is full of people kg has never heard of; the dev set's people are mostly in
kg's knowledge base (it was written from the region's news).  This script rewrites the
articles of ARTICLES and the gold facts of GOLD.toml so that each word of each gold person's
names (the ``Person`` lists, their ``[aliases]`` and the ``A|B`` choices) is replaced, in the
text and in the gold alike, by an invented word of the same shape ("Lavrov" -> "Dravek",
"Lavrov's" -> "Dravek's"): the same article, the same facts, names the knowledge base cannot
know.  Scoring a build of ``OUT_DIR/articles`` against ``OUT_DIR/gold.toml`` with the eval kit
then says how much of the score rests on knowing the people beforehand:

    .venv/bin/kg build OUT_DIR/articles -o OUT_DIR/graph.trig --full
    python ../shared/eval/score.py OUT_DIR/graph.trig OUT_DIR/gold.toml

Name particles ("bin", "al", "de", "van"), kg's honorifics and title words ("Prince", "Sheikh")
words of one or two letters and words with a stop inside ("K.P.": initials) are kept.
The invented words are made from a fixed seed (the same copy every run) and are checked
against the knowledge base's and the gazetteer's names.  Countries, organizations and places
are left as they are: kg's knowledge of them is general knowledge, not a fact of an article.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

#: Kept as they are: particles of names, which are words of the language, not of the person.
PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "del", "der", "di", "du", "la", "le",
                       "van", "von", "ter", "abu", "ben", "mac", "st"})
CONSONANTS = "bdfgklmnprstvz"
VOWELS = "aeiou"


def gold_people(gold: dict) -> set[str]:
    """Every name of every gold person: the ``Person`` lists' names, their ``A|B`` choices and
    the ``[aliases]`` of each."""
    aliases = gold.get("aliases", {})
    names: set[str] = set()
    for doc in gold.get("doc", []):
        for entry in doc.get("Person", []):
            for name in entry.split("|"):
                names.add(name)
                names.update(aliases.get(name, []))
    return names


def name_words(names: Iterable[str], kept: set[str]) -> set[str]:
    """The words of ``names`` to replace: capitalised, three letters or more, not ``kept``."""
    words = set()
    for name in names:
        for word in re.split(r"[\s\-]+", name):
            word = word.strip(".,'’\"")
            if len(word) >= 3 and word[0].isupper() and word.isalpha() and word.lower() not in kept:
                words.add(word)
    return words


def invented(word: str, taken: set[str]) -> str:
    """A made-up word for ``word``: consonant-vowel syllables, about as long, capitalised like
    it, the same every run, and neither a known name (``taken``) nor one already given."""
    for attempt in range(100):
        digest = hashlib.sha256(f"{word}/{attempt}".encode()).digest()
        syllables = max(2, min(4, (len(word) + 1) // 2))
        letters = []
        for i in range(syllables):
            letters.append(CONSONANTS[digest[2 * i] % len(CONSONANTS)])
            letters.append(VOWELS[digest[2 * i + 1] % len(VOWELS)])
        if digest[20] % 2:
            letters.append(CONSONANTS[digest[21] % len(CONSONANTS)])
        out = "".join(letters)
        out = out.upper() if word.isupper() else out.capitalize()
        if out.lower() not in taken:
            taken.add(out.lower())
            return out
    raise RuntimeError(f"no invented word for {word!r}")


def kept_words() -> set[str]:
    """Lower-case words that stay as they are although capitalised in a name: kg's honorifics,
    titles and ranks ("Prince", "Sheikh", "General") are words of the language, and a word of
    a place's, a country's or an organization's name ("Israel" of "Israel Katz", "Costa") is
    written elsewhere in the text for that place: replacing it would hide the place."""
    from kg.nlp.lexicon import load_lexicon

    lex = load_lexicon()
    return (set(PARTICLES) | set(lex.title_words) | set(lex.actors.honorifics)
            | name_words_known(lambda actor: actor.type != "Person"))


def known_names() -> set[str]:
    """The lower-case words of every name the knowledge base and the gazetteer know."""
    return name_words_known(lambda actor: True)


def name_words_known(keep) -> set[str]:
    """The lower-case words of the names of the knowledge base's actors that ``keep`` accepts,
    and of the gazetteer's places."""
    from kg.kb import load_kb

    words: set[str] = set()
    for actor in load_kb():
        if keep(actor):
            for name in actor.names():
                words.update(w.lower() for w in name.split())
    for surface in _gazetteer_surfaces():
        words.update(w.lower() for w in surface.split())
    return words


def _gazetteer_surfaces() -> list[str]:
    """The gazetteer's place names, or none where it cannot be loaded (kg builds without it)."""
    from kg.gazetteer import GazetteerUnavailable, load_gazetteer

    try:
        return list(load_gazetteer())
    except GazetteerUnavailable:
        return []


def replacer(mapping: dict[str, str]):
    """A function that replaces each whole word of ``mapping`` in a string, longest first."""
    if not mapping:
        return lambda text: text
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(mapping, key=len, reverse=True)) + r")\b")
    return lambda text: pattern.sub(lambda m: mapping[m.group(1)], text)


def rewrite_toml_strings(text: str, replace) -> str:
    """``text`` (a TOML file) with ``replace`` applied inside its quoted strings only."""
    return re.sub(r'"(?:[^"\\\n]|\\.)*"', lambda m: replace(m.group(0)), text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    gold_text = args.gold.read_text(encoding="utf-8")
    gold = tomllib.loads(gold_text)
    words = sorted(name_words(gold_people(gold), kept_words()))
    taken = known_names() | {w.lower() for w in words}
    mapping = {word: invented(word, taken) for word in words}
    replace = replacer(mapping)
    out_articles = args.out / "articles"
    out_articles.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(args.articles.rglob("*")):
        if path.is_file():
            target = out_articles / path.relative_to(args.articles)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(replace(path.read_text(encoding="utf-8")), encoding="utf-8")
            count += 1
    new_gold = rewrite_toml_strings(gold_text, replace)
    tomllib.loads(new_gold)  # still TOML
    (args.out / "gold.toml").write_text(new_gold, encoding="utf-8")
    (args.out / "names.tsv").write_text("".join(f"{k}\t{v}\n" for k, v in sorted(mapping.items())),
                                        encoding="utf-8")
    print(f"{count} articles, {len(mapping)} name words replaced -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
