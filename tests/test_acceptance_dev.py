"""Acceptance on unseen news: the dev set (36 real articles, 34 outlets) and the probe set
(157 wire-style articles, on other regions' diplomacy and this one's) score at their floors.

``tests/data/dev/`` holds the dev articles and their gold facts (a copy of the founders'
dev set; gold errors are fixed in both copies); ``tests/data/probe/`` the probe articles
(ASEAN, ECOWAS, NATO, BRICS, the Arab League, Mercosur, IGAD, the Quad, SADC, the Andean
Community...: see its README), written and annotated in batches, each scored before any
fix it led to.  Each set is built with ``kg build`` and scored by ``kg/evaluation.py``;
the floors (``floors.toml`` beside each set) are what kg reaches, minus a small margin,
so a change that reads news worse fails here.
"""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.cli import main
from kg.evaluation import Gold, Report, score

DATA = Path(__file__).resolve().parent / "data"
DEV = DATA / "dev"
#: Each set: its folder (articles/, floors.toml) and its gold file.
SETS = {"dev": (DEV, "dev.gold.toml"), "probe": (DATA / "probe", "probe.gold.toml")}
UNKNOWN_PEOPLE = Path(__file__).resolve().parent.parent / "scripts" / "unknown_people.py"


def built(folder: Path, tmp_path_factory) -> Dataset:
    out = tmp_path_factory.mktemp(folder.name) / "graph.trig"
    assert main(["build", str(folder / "articles"), "-o", str(out), "--quiet"]) == 0
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    return ds


@pytest.fixture(scope="module")
def dev_graph(tmp_path_factory) -> Dataset:
    return built(DEV, tmp_path_factory)


def unknown_people_copy(tmp_path_factory) -> Path:
    """The dev set with invented people (articles/ and gold.toml), made by the script."""
    out = tmp_path_factory.mktemp("dev-unknown-people")
    subprocess.run([sys.executable, str(UNKNOWN_PEOPLE), str(DEV / "articles"), str(DEV / "dev.gold.toml"),
                    str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="module", params=[*SETS, "dev-unknown-people"])
def scored(request, tmp_path_factory) -> tuple[Report, dict]:
    """(the score of one set, its floors)."""
    if request.param == "dev-unknown-people":
        copy = unknown_people_copy(tmp_path_factory)
        floors = tomllib.loads((DEV / "floors_unknown_people.toml").read_text(encoding="utf-8"))
        return score(built(copy, tmp_path_factory), Gold(copy / "gold.toml")), floors
    folder, gold = SETS[request.param]
    graph = request.getfixturevalue("dev_graph") if request.param == "dev" else built(folder, tmp_path_factory)
    floors = tomllib.loads((folder / "floors.toml").read_text(encoding="utf-8"))
    return score(graph, Gold(folder / gold)), floors


def test_every_article_is_in_the_graph(scored):
    report, _ = scored
    assert report.missing_documents == []


@pytest.mark.parametrize("category", ["entities", "relations", "memberOf", "coChairOf", "officialOf", "speakers"])
def test_f1_is_at_its_floor(scored, category):
    report, floors = scored
    assert report.counts[category].f1 >= floors[f"{category}_f1"], report.text(errors_shown=10)


def test_quotes_and_titles_are_at_their_floors(scored):
    report, floors = scored
    assert report.quotes >= floors["quotes"], report.text(errors_shown=10)
    assert report.titles >= floors["titles"], report.text(errors_shown=10)


def test_facts_that_must_never_appear(scored):
    report, floors = scored
    assert len(report.never) <= floors["never"], report.never


def test_the_measured_confidences_are_current(dev_graph, tmp_path):
    """kg/data/confidence.toml holds what scripts/calibrate_confidence.py measures today:
    a changed rule means running the script again (it takes seconds)."""
    from collections import Counter
    from importlib import resources

    from kg.evaluation import judge_rules

    right: Counter = Counter()
    wrong: Counter = Counter()
    seeds = tmp_path / "seeds.trig"
    assert main(["build", str(DEV.parent.parent.parent / "corpus"), "-o", str(seeds), "--quiet"]) == 0
    seed_graph = Dataset(default_union=True)
    seed_graph.parse(seeds, format="trig")
    judge_rules(seed_graph, Gold(DEV.parent / "seeds.gold.toml"), right, wrong)
    judge_rules(dev_graph, Gold(DEV / "dev.gold.toml"), right, wrong)
    table = tomllib.loads(resources.files("kg").joinpath("data/confidence.toml").read_text(encoding="utf-8"))
    measured = {rule: (row["right"], row["wrong"]) for rule, row in table["rules"].items()}
    assert measured == {rule: (right[rule], wrong[rule]) for rule in set(right) | set(wrong)}, \
        "run scripts/calibrate_confidence.py"
