"""The one SPARQL lexer: what kg must know about a query before any engine parses it.

Why a lexer of its own: safety (updates, SERVICE, FROM of unknown graphs) must be
refused before a query reaches rdflib or Oxigraph, and parameters are bound by
inserting a VALUES block at each group's ``{``.  A regex on the raw text would be
fooled by keywords inside strings, IRIs or comments; tokens are not.  The server's
nesting limit (:func:`nesting_depth`) counts brackets on the same tokens, and
:func:`tree_depth` bounds the depth of the tree a parser would build (every query,
CLI and server alike, is refused past :data:`MAX_TREE_DEPTH`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin

from kg.errors import QueryError
from kg.namespaces import PREFIXES

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


#: The deepest parse tree kg lets a parser build (see :func:`tree_depth`).  Real
#: queries stay under 50; pyoxigraph overflows its stack (and kills the process) near
#: 2,000 chained BINDs or 6,000 chained ``+``, rdflib raises RecursionError near 1,000.
MAX_TREE_DEPTH = 500


class UpdateRefused(QueryError):
    """A SPARQL update (INSERT, DELETE, LOAD, CLEAR, DROP, …): kg graphs are read-only."""


class QueryTooDeep(QueryError):
    """A query whose parse tree would be deeper than :data:`MAX_TREE_DEPTH`."""


_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^\\]|\\.)*?\"\"\"|'''(?:[^\\]|\\.)*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u00c0-\uffff]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)
  | (?P<bnode>_:[\w\-.\u00b7\u00c0-\uffff]*)
  | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:(?:\\.|[\w\-.:%\u00b7\u00c0-\uffff])*)
  | (?P<word>[A-Za-z_][\w\-]*)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)

#: (kind, text, offset) of one token; kind is a group name of ``_TOKEN``.
Token = tuple[str | None, str, int]

_OPENERS = "{(["
_CLOSERS = "})]"
#: Punctuation that chains operands: each use is one more level of the parse tree
#: (``1+1+1`` is a left-deep tree), as are property paths (``/``, ``|``, ``^``).
_CHAINING_PUNCT = frozenset("|&=!<>+-*/^.")
#: Keywords that wrap the group pattern before them (BIND, OPTIONAL, MINUS, FILTER
#: become Extend, LeftJoin, Minus, Filter nodes around it) or chain groups (UNION).
_CHAINING_WORDS = frozenset({"BIND", "OPTIONAL", "MINUS", "FILTER", "UNION", "GRAPH", "VALUES"})


def tokens(sparql: str) -> list[Token]:
    """The tokens of ``sparql``, without white space and comments."""
    return [
        (m.lastgroup, m.group(), m.start())
        for m in _TOKEN.finditer(sparql)
        if m.lastgroup not in ("ws", "comment")
    ]


@dataclass(frozen=True)
class Scan:
    """What kg must know about a query before running it, read from its tokens."""

    form: str  # SELECT, ASK, CONSTRUCT, DESCRIBE
    dataset: tuple[tuple[bool, str], ...]  # (named?, graph IRI) for each FROM [NAMED]
    group_braces: tuple[int, ...]  # offsets of the "{" opening each group graph pattern


@lru_cache(maxsize=512)
def scan(sparql: str) -> Scan:
    """Tokenize ``sparql`` to refuse too deep queries, SERVICE and updates, and find FROM
    and the WHERE group.

    A lexer, not a regex on the raw text: keywords inside strings, IRIs, comments,
    variables or prefixed names do not count.
    """
    check_depth(sparql)  # before any parser sees it: a too deep tree crashes pyoxigraph
    toks = tokens(sparql)
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    base: str | None = None
    form: str | None = None
    for i, (kind, text, _) in enumerate(toks):
        if kind != "word":
            continue
        word = text.upper()
        if word in UPDATE_KEYWORDS:
            raise UpdateRefused(f"{word} is a SPARQL update; kg graphs are read-only (only SELECT, ASK, CONSTRUCT, DESCRIBE)")
        if word == "SERVICE":
            raise QueryError("SERVICE is refused: kg never sends a query to another endpoint")
        if word == "PREFIX" and form is None and i + 2 < len(toks) and toks[i + 2][0] == "iri":
            prefixes[toks[i + 1][1].rstrip(":")] = toks[i + 2][1][1:-1]
        if word == "BASE" and form is None and i + 1 < len(toks) and toks[i + 1][0] == "iri":
            base = toks[i + 1][1][1:-1]
        if word in QUERY_FORMS and form is None:
            form = word
    for kind, text, offset in toks:
        if kind == "pname" and text.partition(":")[0] not in prefixes:
            line, column = sparql.count("\n", 0, offset) + 1, _column(sparql, offset) + 1
            known = ", ".join(PREFIXES)
            raise QueryError(f"line {line}, column {column}: unknown prefix {text.partition(':')[0] + ':'!r} (declared for you: {known})")
    dataset: list[tuple[bool, str]] = []
    for i, (kind, text, _) in enumerate(toks):
        if kind == "word" and text.upper() == "FROM":
            j = i + 1
            named = j < len(toks) and toks[j][0] == "word" and toks[j][1].upper() == "NAMED"
            j += named
            if j < len(toks):
                target = _resolve(toks[j], prefixes, base)
                if target is not None:
                    dataset.append((named, target))
    return Scan(form or "", tuple(dataset), group_braces(toks, form))


def nesting_depth(sparql: str) -> int:
    """The deepest nesting of ``{``, ``(`` and ``[`` in ``sparql``, outside strings,
    IRIs and comments (the server's ``--max-depth``).

    Counted before parsing because parsers recurse on nesting: rdflib raises
    RecursionError at about 30 levels and pyoxigraph crashes the whole process at
    a few thousand.  Unlike :func:`scan` it refuses nothing.
    """
    depth = deepest = 0
    for kind, text, _ in tokens(sparql):
        if kind != "punct":
            continue
        if text in _OPENERS:
            depth += 1
            deepest = max(deepest, depth)
        elif text in _CLOSERS:
            depth = max(depth - 1, 0)
    return deepest


def tree_depth(sparql: str) -> int:
    """An upper bound of the depth of the parse tree of ``sparql``, read from its tokens.

    Why not just brackets: parsers also nest without them.  ``1+1+…+1``, a long
    ``||`` chain or thousands of BINDs in one group are flat text but a left-deep
    tree, and pyoxigraph recurses on it until its stack overflows (the process
    dies with SIGSEGV).  Each bracket level counts one, plus one per chaining
    operator (a run like ``||`` or ``<=`` is one), ``.`` between triple patterns,
    ``} {`` between groups, and each BIND, OPTIONAL, MINUS, FILTER, UNION, GRAPH or
    VALUES inside it; a datatype's ``^^`` does not count.
    """
    # One frame per open bracket: [links chained at this level, deepest closed child].
    frames: list[list[int]] = [[0, 0]]
    previous: Token | None = None
    for token in tokens(sparql):
        kind, text, offset = token
        if kind == "punct" and text in _OPENERS:
            if text == "{" and previous is not None and previous[1] == "}":
                frames[-1][0] += 1  # { … } { … }: one more join
            frames.append([0, 0])
        elif kind == "punct" and text in _CLOSERS:
            if len(frames) > 1:
                links, deepest = frames.pop()
                frames[-1][1] = max(frames[-1][1], links + deepest + 1)
        elif kind == "punct" and text in _CHAINING_PUNCT:
            in_run = (previous is not None and previous[0] == "punct"
                      and previous[1] in _CHAINING_PUNCT and previous[2] == offset - 1)
            datatype = sparql.startswith("^^", offset) or (text == "^" and in_run)
            if not in_run and not datatype:
                frames[-1][0] += 1
        elif kind == "word" and text.upper() in _CHAINING_WORDS:
            frames[-1][0] += 1
        previous = token
    depth = 0
    while frames:  # brackets left open count as closed at the end
        links, deepest = frames.pop()
        depth = links + max(deepest, depth) + (1 if frames else 0)
    return depth


def check_depth(sparql: str, limit: int | None = None) -> None:
    """Refuse ``sparql`` when its parse tree may be deeper than ``limit`` (QueryTooDeep);
    ``None`` is :data:`MAX_TREE_DEPTH`."""
    limit = MAX_TREE_DEPTH if limit is None else limit
    depth = tree_depth(sparql)
    if depth > limit:
        raise QueryTooDeep(
            f"query too deep: its parse tree is about {depth} levels deep, the limit is {limit} "
            "(long chains of operators, BINDs or brackets; split it or use VALUES / IN)"
        )


def _resolve(token: Token, prefixes: dict[str, str], base: str | None) -> str | None:
    kind, text, _ = token
    if kind == "iri":
        iri = text[1:-1]
        return urljoin(base, iri) if base else iri
    if kind == "pname":
        prefix, _, local = text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def _column(text: str, offset: int) -> int:
    return offset - (text.rfind("\n", 0, offset) + 1)


def group_braces(toks: list[Token], form: str | None) -> tuple[int, ...]:
    """Offsets of every "{" that opens a group graph pattern, where parameters are bound.

    Not a CONSTRUCT template, not a VALUES data block, not the "{" that only wraps a
    sub-SELECT (its own WHERE group is counted instead), not an OPTIONAL group (its
    left join with the enclosing group, which is bound, gives the same rows).
    """
    skip: set[int] = set()
    for i, (kind, text, _) in enumerate(toks):
        if kind != "word":
            continue
        word = text.upper()
        if word == "CONSTRUCT" and i + 1 < len(toks) and toks[i + 1][1] in ("{",) and toks[i + 1][0] == "punct":
            skip.add(i + 1)  # the template
        elif word == "CONSTRUCT" and i + 2 < len(toks) and toks[i + 1][1].upper() == "WHERE":
            skip.add(i + 2)  # CONSTRUCT WHERE { … }: a template too
        elif word == "VALUES":
            j = i + 1
            if j < len(toks) and toks[j][1] == "(":
                while j < len(toks) and toks[j][1] != ")":
                    j += 1
            skip.add(j + 1)
    braces = []
    # one frame per open "{": does it (or an enclosing group of the same query level)
    # sit inside an OPTIONAL?  A sub-SELECT starts a new level: its WHERE group is bound.
    inside_optional: list[bool] = []
    select_next = False  # the next "{" after SELECT … WHERE opens a sub-SELECT's group
    for i, (kind, text, offset) in enumerate(toks):
        if kind == "word" and text.upper() == "SELECT":
            select_next = True
            continue
        if kind != "punct" or text not in "{}":
            continue
        if text == "}":
            if inside_optional:
                inside_optional.pop()
            continue
        outer = inside_optional[-1] if inside_optional else False
        if i in skip:  # a template or a VALUES block: no pattern inside
            inside_optional.append(outer)
            continue
        if i + 1 < len(toks) and toks[i + 1][0] == "word" and toks[i + 1][1].upper() == "SELECT":
            inside_optional.append(outer)  # only wraps a sub-SELECT
            continue
        if select_next:
            select_next = False
            inside_optional.append(False)
            braces.append(offset)
            continue
        if i > 0 and toks[i - 1][0] == "word" and toks[i - 1][1].upper() == "OPTIONAL":
            # The enclosing group already binds the variables and the left join keeps
            # them; a VALUES block in an OPTIONAL group, or in any group nested in it
            # (GRAPH, UNION), makes Oxigraph evaluate the OPTIONAL on its own over the
            # whole store (0.5 ms -> 130 ms on a million triples).
            inside_optional.append(True)
            continue
        inside_optional.append(outer)
        if not outer:
            braces.append(offset)
    return tuple(braces)
