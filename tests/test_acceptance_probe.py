"""Acceptance on news from other regions: the probe set (27 wire-style articles on ASEAN,
ECOWAS, NATO, BRICS, the GCC, the Arab League, Mercosur, the Pacific Islands Forum, IGAD,
Korea, the SCO, the African Union, the OAS, the Horn of Africa, Nordic defence, the Quad,
the UN Security Council, EU enlargement, SADC, Libya, CARICOM, the Andean Community and
ECCAS) scores at its floors.

``tests/data/probe/`` holds the articles, their gold facts (the dev gold's format and
conventions) and the floors (``floors.toml``): what kg reaches, minus a small margin, so a
change that reads other regions' news worse fails here.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.cli import main
from kg.evaluation import Gold, score

PROBE = Path(__file__).resolve().parent / "data" / "probe"
FLOORS = tomllib.loads((PROBE / "floors.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("probe") / "probe.trig"
    assert main(["build", str(PROBE / "articles"), "-o", str(out), "--quiet"]) == 0
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    return score(ds, Gold(PROBE / "probe.gold.toml"))


def test_every_probe_article_is_in_the_graph(report):
    assert report.missing_documents == []


@pytest.mark.parametrize("category", ["entities", "relations", "memberOf", "coChairOf", "officialOf", "speakers"])
def test_f1_is_at_its_floor(report, category):
    assert report.counts[category].f1 >= FLOORS[f"{category}_f1"], report.text(errors_shown=10)


def test_quotes_and_titles_are_at_their_floors(report):
    assert report.quotes >= FLOORS["quotes"], report.text(errors_shown=10)
    assert report.titles >= FLOORS["titles"], report.text(errors_shown=10)


def test_facts_that_must_never_appear(report):
    assert len(report.never) <= FLOORS["never"], report.never
