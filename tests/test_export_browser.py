"""The interactive page in a real headless Chromium (Debian's /usr/bin/chromium).

Skipped when chromium is missing, unless KG_REQUIRE_BROWSER=1 (CI), then failed.
"""
from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from test_export import HOSTILE_LABELS, MINI, ROOT, hostile_dataset

from kg.cli import main
from kg.export import to_networkx
from kg.export.write import write

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PUTIN = "https://w3id.org/kg-news/id/person/vladimir-putin"
ARMENIA = "https://w3id.org/kg-news/id/country/armenia"
CSTO = "https://w3id.org/kg-news/id/organization/csto"


@pytest.fixture(scope="module")
def browser():
    if not (os.path.exists(CHROMIUM) and shutil.which(CHROMIUM)):
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"KG_REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is missing (install Debian's chromium to run the browser tests)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.errors = []
    page.dialogs = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    # the page must work offline: any request for another URL is a failure
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def open_page(page, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=30000)
    page.wait_for_timeout(300)
    assert page.errors == []
    assert [u for u in page.requests if u != path.as_uri()] == []


def coloured_pixels(page) -> int:
    from PIL import Image

    image = Image.open(io.BytesIO(page.locator("#cy").screenshot())).convert("RGB")
    return sum(1 for pixel in image.getdata() if sum(pixel) < 700)


def click_element(page, element_id: str) -> None:
    """A real mouse click on a node (its centre) or an edge (its midpoint).

    The page lays the graph out at random, so an edge's own ends may lie close enough
    to cover its midpoint, or another node or edge may cross it or a node: the node is
    first dragged to the middle (an edge's ends apart on the middle line) and every other
    node to a row at the top, then hidden with its edges, so that the click lands on the
    element and on nothing else."""
    x, y = page.evaluate(
        """(id) => {
            const e = kgGraph.getElementById(id);
            const box = document.getElementById('cy').getBoundingClientRect();
            if (e.isEdge()) {
                e.source().renderedPosition({x: box.width * 0.25, y: box.height * 0.5});
                e.target().renderedPosition({x: box.width * 0.75, y: box.height * 0.5});
            } else {
                e.renderedPosition({x: box.width * 0.5, y: box.height * 0.5});
            }
            const others = kgGraph.nodes().difference(e.isEdge() ? e.connectedNodes() : e);
            others.forEach((n, i) => n.renderedPosition(
                {x: box.width * (i + 1) / (others.length + 1), y: box.height * 0.1}));
            // and hidden with their edges, so nothing else is under the point clicked (a click
            // once took another node's edge into the same node)
            others.style('display', 'none');
            const p = e.isNode() ? e.renderedPosition() : e.renderedMidpoint();
            return [box.left + p.x, box.top + p.y];
        }""", element_id)
    page.mouse.click(x, y)


def edge_id(page, source: str, target: str, relation: str) -> str:
    return page.evaluate(
        """([s, t, r]) => kgGraph.edges().filter(e => e.data('source') === s && e.data('target') === t
                                                  && e.data('relation') === r)[0].id()""",
        [source, target, relation])


@pytest.fixture(scope="module")
def mini_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "mini.html"
    graph = to_networkx(MINI)
    write(graph, path, "html", title="mini")
    return path, graph


def test_page_renders_every_node(page, mini_page):
    path, graph = mini_page
    open_page(page, path)
    assert page.evaluate("kgGraph.nodes().length") == graph.number_of_nodes()
    assert page.evaluate("kgGraph.edges().length") == graph.number_of_edges()
    assert page.get_attribute("body", "data-node-count") == str(graph.number_of_nodes())
    assert coloured_pixels(page) > 5000
    legend = page.inner_text("#legend")
    assert "Person" in legend and "Country" in legend


def test_clicking_a_speaker_shows_statements_with_sources(page, mini_page):
    path, _ = mini_page
    open_page(page, path)
    click_element(page, PUTIN)
    panel = page.inner_text("#panel")
    assert "Vladimir Putin" in panel
    assert "Statements (2)" in panel
    assert "The CSTO stands with Armenia." in panel and "a.txt" in panel
    assert "We call on Azerbaijan to respect the ceasefire." in panel and "b.txt" in panel


def test_clicking_an_edge_shows_its_evidence(page, mini_page):
    path, _ = mini_page
    open_page(page, path)
    click_element(page, edge_id(page, ARMENIA, CSTO, "memberOf"))
    panel = page.inner_text("#panel")
    assert "Armenia memberOf Collective Security Treaty Organization" in panel
    assert "3 source documents" in panel
    for sentence, doc in [("Armenia is a member of the CSTO.", "a.txt"),
                          ("CSTO member Armenia hosted the summit.", "b.txt"),
                          ("Armenia, a CSTO member, asked for help.", "c.txt")]:
        assert sentence in panel and doc in panel
    assert "2023-02-01" in panel


def test_search_highlights_and_relation_filter_hides(page, mini_page):
    path, graph = mini_page
    open_page(page, path)
    page.fill("#search", "putin")
    page.press("#search", "Enter")
    page.wait_for_timeout(400)
    assert page.evaluate(f"kgGraph.getElementById({PUTIN!r}).hasClass('hit')")
    assert page.evaluate("kgGraph.nodes('.faded').length") > 0
    assert "Vladimir Putin" in page.inner_text("#panel")
    members = sum(1 for *_, k in graph.edges(keys=True) if k == "memberOf")
    visible = page.evaluate("kgGraph.edges(':visible').length")
    page.get_by_label("memberOf (3)").uncheck()
    page.wait_for_timeout(300)
    assert page.evaluate("kgGraph.edges('.hidden').length") == members
    assert page.evaluate("kgGraph.edges(':visible').length") == visible - members
    page.get_by_label("memberOf (3)").check()
    page.wait_for_timeout(300)
    assert page.evaluate("kgGraph.edges(':visible').length") == visible
    page.fill("#search", "nobody at all")
    page.press("#search", "Enter")
    assert "No actor" in page.inner_text("#search-status")


def test_hostile_labels_run_no_script(page, tmp_path):
    source = tmp_path / "hostile.trig"
    hostile_dataset().serialize(destination=str(source), format="trig")
    graph = to_networkx(source, statements="fold", include_documents=True)
    path = tmp_path / "hostile.html"
    write(graph, path, "html", title=HOSTILE_LABELS[1])
    open_page(page, path)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    shown = set(page.evaluate("kgGraph.nodes().map(n => n.data('label'))"))
    assert set(HOSTILE_LABELS) <= shown
    assert page.title() == HOSTILE_LABELS[1]
    speaker = "https://w3id.org/kg-news/id/person/hostile-0"
    click_element(page, speaker)
    page.wait_for_timeout(200)
    assert HOSTILE_LABELS[0] in page.inner_text("#panel")  # shown as text
    assert page.evaluate("document.querySelectorAll('#panel script, #panel b').length") == 0
    assert page.evaluate("typeof window.__pwned") == "undefined" and page.dialogs == []


# -- the seed corpus ------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    assert main(["build", str(ROOT / "corpus"), "-o", str(out / "graph.trig")]) == 0
    assert main(["export", str(out / "graph.trig"), "-o", str(out / "graph.html")]) == 0
    return out / "graph.html", to_networkx(out / "graph.trig")


def test_seed_page_shows_every_node(page, seed_page):
    path, graph = seed_page
    open_page(page, path)
    assert page.evaluate("kgGraph.nodes().length") == graph.number_of_nodes()
    assert page.evaluate("kgGraph.edges().length") == graph.number_of_edges()


def test_seed_page_renders_and_putin_has_statements(page, seed_page):
    path, graph = seed_page
    open_page(page, path)
    assert graph.number_of_nodes() > 10
    assert coloured_pixels(page) > 5000
    putin = next(n for n, d in graph.nodes(data=True) if d["label"] == "Vladimir Putin")
    click_element(page, putin)
    panel = page.inner_text("#panel")
    assert "Statements (" in panel
    for statement in graph.nodes[putin]["statements"]:
        assert statement["document"] in panel
