"""The one place kg mints IRIs.

Every node of the graph gets its IRI here, so the scheme is stable and documented
in one spot (docs/ontology.md, "IRI scheme"):

==========================  ==================================================
entity                      ``id/<type lower>/<slug of label>``  (``id/country/russia``)
document                    ``id/doc/<slug of identifier>``  (case and ``._`` kept; ``~`` and
                            a hash unless the slug is the identifier verbatim)
position                    ``id/position/<slug of "title of label">``
assertion                   ``id/assertion/<hash of doc, predicate, s, o, span>``
statement                   ``id/statement/<hash of doc, speaker, span>``
==========================  ==================================================

Slugs are safe for any input: ASCII letters and digits are kept (lowercased), other
characters are folded to ASCII where Unicode allows (NFKD: ``é`` -> ``e``),
punctuation, spaces and control characters become ``-``, and characters with no ASCII
fold (Cyrillic, CJK, emoji…) are percent-encoded UTF-8.  Two labels that differ only
in case, surrounding space or space-vs-hyphen get the same slug; when the slug lost
anything else (punctuation, accents, length cut) or is empty, ``_`` and a short stable
hash of the label are appended, so ``U.S.`` and ``US`` stay apart.  ``_`` never
occurs in the lossless part of an entity slug, so hashed and plain slugs cannot
collide.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote, unquote

import pyoxigraph
from rdflib import URIRef

from kg.namespaces import ID_BASE
from kg.records import ENTITY_TYPES

#: Longest slug kept before it is cut (and hashed).
MAX_SLUG = 80
#: Hex digits of the hash appended to a lossy slug.
HASH_DIGITS = 8
#: What every co-mention tie's IRI begins with (:func:`co_mention_iri`): the ties are one
#: range of subjects, which :mod:`kg.shards` writes while it ranks them.
CO_MENTION_BASE = f"{ID_BASE}tie/"
#: The bases of the other IRIs minted from a hash (:func:`_hashed`).
ASSERTION_BASE = f"{ID_BASE}assertion/"
MEMBERSHIP_BASE = f"{ID_BASE}membership/"
STATEMENT_BASE = f"{ID_BASE}statement/"

_DASHES = re.compile(r"-{2,}")
_SPACES = re.compile(r"[\s\-]+")
#: The shape of every kg IRI: a scheme, then ASCII characters that N-Triples, Turtle and
#: SPARQL take unescaped (no space, control, ``<>"{}|\\^`` or backtick; non-ASCII is
#: percent-encoded by the slugs).
_VALID_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[!#-;=?-\[\]_a-z~]*\Z")
_TOKENS = re.compile(r"%[0-9A-F]{2}|.", re.S)
_CONTINUATION = re.compile(r"%[89AB][0-9A-F]")  # a UTF-8 continuation byte
_TYPE_PATH = {t: t.lower() for t in ENTITY_TYPES}


def _digest(text: str, digits: int = HASH_DIGITS) -> str:
    """A short hash that is the same on every run and machine (unlike ``hash()``)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()[:digits]


def _fold_char(ch: str, keep: str) -> str:
    """One character of a slug: itself, an ASCII fold, ``-``, or percent-encoded."""
    if ch.isascii():
        return ch if (ch.isalnum() or ch in keep) else "-"
    category = unicodedata.category(ch)
    if category[0] in "ZCP":  # separators, controls, format marks (RTL), punctuation
        return "-"
    if unicodedata.combining(ch):  # a stray accent: dropped
        return ""
    folded = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if folded and folded.isascii():
        return "".join(c if (c.isalnum() or c in keep) else "-" for c in folded)
    return quote(ch, safe="")


def _cut(slug_text: str, limit: int) -> str:
    """``slug_text`` cut to at most ``limit`` characters, never inside an encoded character."""
    tokens = _TOKENS.findall(slug_text)
    size = 0
    for i, token in enumerate(tokens):
        if size + len(token) > limit:
            while i and _CONTINUATION.match(tokens[i]):  # back to a character's first byte
                i -= 1
                size -= len(tokens[i])
            return "".join(tokens[:i]).rstrip("-")
        size += len(token)
    return slug_text


def slug(text: str, *, fold_case: bool = True, keep: str = "", exact: bool = False) -> str:
    """A stable, IRI-safe path segment for ``text`` (see the module docstring).

    ``keep`` lists ASCII punctuation kept as is (document identifiers keep ``._``);
    ``fold_case=False`` keeps upper case (file names are case-sensitive); ``exact``
    hashes every slug that is not ``text`` verbatim (two document identifiers that
    differ only by a space and a hyphen are two sources, never one).
    """
    text = unicodedata.normalize("NFC", text)
    if fold_case:
        text = text.lower()
    out = _DASHES.sub("-", "".join(_fold_char(ch, keep) for ch in text)).strip("-")
    lossless = unquote(out) == (text if exact else _SPACES.sub("-", text).strip("-"))
    if len(out) > MAX_SLUG:
        out, lossless = _cut(out, MAX_SLUG), False
    if lossless and out:
        return out
    if exact:  # "~" never occurs in an exact slug (it is not kept), so hashed and plain cannot collide
        return f"{out}~{_digest(text)}" if out else _digest(text)
    key = _SPACES.sub(" ", text).strip()
    return f"{out}_{_digest(key)}" if out else _digest(key)


def _checked(iri: str) -> URIRef:
    """``URIRef(iri)`` after checking it is a valid IRI: rdflib only warns, we raise."""
    if not is_valid_iri(iri):
        raise ValueError(f"kg minted an invalid IRI: {iri!r}")
    return URIRef(iri)


def _hashed(base: str, key: str) -> URIRef:
    """``base`` and 16 hex digits of the hash of ``key``.  A valid base and hex digits make
    a valid IRI by construction (tests check the bases), so it is not parsed again as
    :func:`_checked` does: 73,000 such IRIs on the bench corpus, 0.04 s."""
    return URIRef(f"{base}{_digest(key, 16)}")


def is_valid_iri(iri: str) -> bool:
    """True when ``iri`` is an ASCII IRI that N-Triples, Turtle and SPARQL accept."""
    if not _VALID_IRI.match(iri):
        return False
    try:
        pyoxigraph.NamedNode(iri)  # a full RFC 3987 parser
    except ValueError:
        return False
    return True


def entity_iri(type: str, label: str) -> URIRef:  # noqa: A002 - the records' field name
    """``id/<type>/<slug>`` for an actor of core ``type`` ("Person", …) named ``label``."""
    path = _TYPE_PATH.get(type)
    if path is None:
        raise ValueError(f"unknown entity type {type!r}; expected one of {', '.join(ENTITY_TYPES)}")
    return _checked(f"{ID_BASE}{path}/{slug(label)}")


def document_iri(identifier: str) -> URIRef:
    """``id/doc/<slug>`` for the document at ``identifier`` (path relative to the corpus);
    a hash of the identifier is appended whenever the slug is not the identifier verbatim,
    so two identifiers never share a document IRI."""
    return _checked(f"{ID_BASE}doc/{slug(identifier, fold_case=False, keep='._', exact=True)}")


def position_iri(title: str, of_label: str) -> URIRef:
    """``id/position/<slug of "title of label">``, e.g. ``id/position/president-of-russia``."""
    return _checked(f"{ID_BASE}position/{slug(f'{title} of {of_label}')}")


def assertion_iri(doc_id: str, predicate: str, s: str, o: str, start: int, end: int) -> URIRef:
    """The IRI of the assertion of ``s predicate o`` read from ``doc_id[start:end]``.

    ``s`` and ``o`` are entity IRIs (or keys); the same reading always gets the same IRI.
    """
    key = "\x1f".join((doc_id, predicate, str(s), str(o), str(start), str(end)))
    return _hashed(ASSERTION_BASE, key)


def co_mention_iri(actor: str, other: str) -> URIRef:
    """The IRI of the co-mention tie between two actors (either order gives the same IRI)."""
    key = "\x1f".join(sorted((str(actor), str(other))))
    return _hashed(CO_MENTION_BASE, key)


def membership_count_iri(member: str, organization: str) -> URIRef:
    """The IRI of the count of articles stating that ``member`` is a member of ``organization``."""
    key = "\x1f".join((str(member), str(organization)))
    return _hashed(MEMBERSHIP_BASE, key)


def statement_iri(doc_id: str, speaker: str, start: int, end: int) -> URIRef:
    """The IRI of what ``speaker`` said at ``doc_id[start:end]``."""
    key = "\x1f".join((doc_id, str(speaker), str(start), str(end)))
    return _hashed(STATEMENT_BASE, key)
