"""Check a built graph against kg's SHACL shapes (``kg/data/shapes.ttl``).

pySHACL is an optional extra (``pip install 'kg[validate]'``): building, querying and
exporting never need it, and the tests install it.

The ontology used here is ``kg/data/ontology.ttl``, a byte-copy of the top-level
``ontology.ttl`` shipped inside the package: a path relative to the package would
miss the file in an installed (non-editable) kg, and ``tests/test_shapes.py``
fails as soon as the two copies differ.
"""
from __future__ import annotations

import functools
from importlib import resources

from rdflib import Graph
from rdflib.graph import ConjunctiveGraph

from kg.errors import UsageError
from kg.namespaces import bind_prefixes


@functools.cache
def shapes_graph() -> Graph:
    """The SHACL shapes of a valid kg graph (parsed once)."""
    return _packaged("shapes.ttl")


@functools.cache
def ontology_graph() -> Graph:
    """The kg ontology as shipped in the package."""
    return _packaged("ontology.ttl")


def _packaged(name: str) -> Graph:
    data = resources.files("kg").joinpath("data", name).read_bytes()
    return Graph().parse(data=data, format="turtle")


def validate(data: Graph) -> tuple[bool, str]:
    """Validate ``data`` (a Dataset, all its graphs together, or a Graph).

    Returns ``(conforms, report)`` where ``report`` is pySHACL's text report.  The
    named graphs are merged first: an assertion (in its document's graph) must be
    checked together with the entities it names (in the default graph).
    """
    try:
        import pyshacl  # an optional extra: only validation needs it
    except ImportError:
        raise UsageError("SHACL validation needs pySHACL: pip install 'kg[validate]'") from None
    merged = bind_prefixes(Graph())
    if isinstance(data, ConjunctiveGraph):
        for s, p, o, _ in data.quads((None, None, None, None)):
            merged.add((s, p, o))
    else:
        for triple in data:
            merged.add(triple)
    conforms, _, text = pyshacl.validate(
        merged,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        allow_warnings=False,
    )
    return bool(conforms), str(text)
