"""The cookbook: named questions in ``kg/queries/*.rq``, their headers and parameters.

Why apart from the engine: a question is text plus a header (title, description,
parameters, page size) that the CLI lists, the server serves as JSON and the engine
runs; reading it needs no store.  :func:`ask` is the one-call way to run one.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Variable
from rdflib.term import Identifier

from kg.errors import InputError, UsageError

if TYPE_CHECKING:
    from kg.query.engine import KgGraph
    from kg.query.results import QueryResult


@dataclass(frozen=True)
class Param:
    """A cookbook question's parameter: required unless it has a default or is optional."""

    name: str
    description: str
    default: str | None = None
    required: bool = True
    names: bool = False  # matched against rdfs:label / skos:altLabel, any case
    relation: bool = False  # a kg: property, bound as its IRI (see relation_iri)


@dataclass(frozen=True)
class Question:
    """One cookbook question: a ``kg/queries/<name>.rq`` file and its header."""

    name: str
    title: str
    description: str
    params: list[Param]
    path: Path
    text: str
    rows: int | None = None  # at most this many rows (``# rows: N``); the result says when it cuts

    def pages_below(self, limit: int | None) -> bool:
        """Whether the question's own page (``# rows: N``) is smaller than ``limit`` (None: no limit)."""
        return self.rows is not None and (limit is None or self.rows < limit)

    def text_for(self, bound: Iterable[str]) -> str:
        """The query kg runs when the parameters ``bound`` are given: the ``# if`` blocks
        resolved and each parameter's ``VALUES ?name { … }`` block left out (the store
        binds the given terms in its own way: rdflib's initBindings, or a VALUES block
        serialized by rdflib for Oxigraph).
        """
        return _drop_values(self.resolved(bound), {p.name for p in self.params})

    def resolved(self, bound: Iterable[str]) -> str:
        """The query text with ``# if NAME`` / ``# else`` / ``# end`` blocks resolved.

        A question with an optional parameter needs two plans: with the parameter, start
        from the named actor; without it, scan the whole graph once.  Engines cannot
        tell the cases apart from a VALUES block or a FILTER(BOUND(…)), so the file
        holds both.  The file as written is the query without the parameter (plain
        SPARQL): the lines for the parameter are commented out with ``#>``, and kg
        keeps them (uncommented) instead of the ``# else`` lines when it is given.
        """
        bound = set(bound)
        lines: list[str] = []
        keep = [True]
        for line in self.text.splitlines(keepends=True):
            found = _CONDITION.match(line)
            if found is None:
                if all(keep):
                    code = _COMMENTED_CODE.match(line)
                    if code is None:
                        lines.append(line)
                    elif len(keep) > 1:  # a line of an "# if" that holds: uncommented
                        lines.append(code[1] + "  " + code[2])
            elif found[1] == "if":
                keep.append(found[2] in bound)
            elif found[1] == "else" and len(keep) > 1:
                keep[-1] = not keep[-1]
            elif found[1] == "end" and len(keep) > 1:
                keep.pop()
        return "".join(lines)

    def printable(self, values: Mapping[str, Identifier]) -> str:
        """The plain SPARQL of this question with ``values`` (name -> RDF term) in its
        VALUES blocks: what ``kg ask --print-query`` prints, to run in any SPARQL 1.1
        store.  Each term is serialized by rdflib (escaped), never pasted as given."""
        text = self.resolved(values)
        pieces: list[str] = []
        at = 0
        for name, start, end in _values_blocks(text, {p.name for p in self.params}):
            pieces.append(text[at:start])
            pieces.append(f"VALUES {Variable(name).n3()} {{ {_n3(values[name])} }}" if name in values else "")
            at = end
        pieces.append(text[at:])
        return "".join(pieces)

    def plain_query(self, given: Mapping[str, object]) -> str:
        """:meth:`printable` for parameters as given to ``kg ask`` (names as written,
        relations as their kg: property): the query to paste into any SPARQL store."""
        from kg.query.params import param_term, relation_iri

        values: dict[str, Identifier] = {}
        for param in self.params:
            value = self.bindings(given).get(param.name)
            if value is not None:
                values[param.name] = relation_iri(value) if param.relation else param_term(value)
        return self.printable(values)

    @property
    def reads_document_graphs(self) -> bool:
        """Whether the question reads the document graphs (``GRAPH ?doc { … }``), which a
        triples-only file (.ttl, .nt, .jsonld) has not."""
        from kg.query.scanner import tokens

        return any(kind == "word" and word.upper() == "GRAPH" for kind, word, _ in tokens(self.resolved(self._all_names())))

    def _all_names(self) -> set[str]:
        return {p.name for p in self.params}

    def bindings(self, given: Mapping[str, object]) -> dict[str, object]:
        """The variables to bind: given values, then defaults; errors for unknown or missing ones."""
        known = {p.name for p in self.params}
        unknown = sorted(set(given) - known)
        if unknown:
            accepted = ", ".join(sorted(known)) or "none"
            raise UsageError(f"question {self.name!r} has no parameter {unknown[0]!r} (parameters: {accepted})")
        values: dict[str, object] = {}
        for param in self.params:
            if param.name in given and given[param.name] is not None:
                values[param.name] = given[param.name]
            elif param.default is not None:
                values[param.name] = param.default
            elif param.required:
                raise UsageError(f"question {self.name!r} needs --param {param.name}=… ({param.description})")
        return values


#: A line of code commented out for an ``# if`` block: ``#>`` then the code.
_COMMENTED_CODE = re.compile(r"^(\s*)#>(.*\n?)$", re.DOTALL)
_CONDITION = re.compile(r"^\s*#\s*(if|else|end)\b\s*([A-Za-z_]\w*)?\s*$")
_HEADER = re.compile(r"^#\s*(title|description|param|rows):\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_]\w*)\s*(?:—|--|-|:)\s*(.*?)\s*(?:\((default\s+(.*?)|[a-z, ]+)\))?$")


def _values_blocks(text: str, names: set[str]) -> list[tuple[str, int, int]]:
    """(name, start, end) of each ``VALUES ?name { term }`` block of a parameter in ``text``
    (read from the tokens: not in comments or strings)."""
    from kg.query.scanner import tokens

    toks = tokens(text)
    found = []
    for i, (kind, word, offset) in enumerate(toks):
        if kind != "word" or word.upper() != "VALUES" or i + 4 >= len(toks):
            continue
        var, opening, _term, closing = toks[i + 1 : i + 5]
        name = var[1][1:]
        if var[0] == "var" and name in names and opening[1] == "{" and closing[1] == "}":
            found.append((name, offset, closing[2] + 1))
    return found


def _drop_values(text: str, names: set[str]) -> str:
    for _name, start, end in reversed(_values_blocks(text, names)):
        text = text[:start] + text[end:]
    return text


def _n3(term: Identifier) -> str:
    from kg.query.params import values_term

    return values_term(term)


def parse_question(name: str, path: Path, text: str) -> Question:
    """The question ``name`` from the text of its ``.rq`` file (``path`` names it in errors)."""
    title = description = ""
    params: list[Param] = []
    rows: int | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        found = _HEADER.match(line)
        if not found:
            continue
        key, value = found[1], found[2]
        if key == "title":
            title = value
        elif key == "description":
            description = f"{description} {value}".strip()
        elif key == "rows":
            # the query asks its engine for one row more (LIMIT N+1), so a cut shows
            if not value.isdigit() or int(value) < 1:
                raise InputError(f"{path}: bad rows line {line!r} (expected a positive number)")
            rows = int(value)
        else:
            p = _PARAM.match(value)
            if not p:
                raise InputError(f"{path}: bad param line {line!r}")
            flags = set() if p[3] is None or p[4] is not None else {f.strip() for f in p[3].split(",")}
            unknown = flags - {"optional", "name", "relation"}
            if unknown:
                raise InputError(f"{path}: unknown flag {sorted(unknown)[0]!r} in {line!r}")
            params.append(Param(
                p[1], p[2], p[4], required="optional" not in flags and p[4] is None,
                names="name" in flags, relation="relation" in flags,
            ))
    return Question(name, title or name, description, params, path, text, rows)


@lru_cache(maxsize=1)
def _cookbook() -> tuple[Question, ...]:
    folder = resources.files("kg") / "queries"
    questions = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            questions.append(parse_question(entry.name[:-3], Path(str(entry)), entry.read_text(encoding="utf-8")))
    return tuple(questions)


def cookbook() -> list[Question]:
    """Every cookbook question, sorted by name."""
    return list(_cookbook())


def question_named(name: str) -> Question:
    """The cookbook question ``name``; UsageError naming the known ones otherwise."""
    for question in _cookbook():
        if question.name == name:
            return question
    names = ", ".join(q.name for q in _cookbook())
    raise UsageError(f"no cookbook question named {name!r}; known: {names}")


def ask(graph_or_path: KgGraph | str | Path, name: str, **params: object) -> QueryResult:
    """Run cookbook question ``name`` on a loaded graph or a graph file (rdflib store)."""
    from kg.query.engine import KgGraph
    from kg.query.loading import load

    graph = graph_or_path if isinstance(graph_or_path, KgGraph) else load(graph_or_path)
    return graph.ask(name, params)
