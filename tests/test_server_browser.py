"""kg serve's page in a real headless Chromium: choose a saved question, run it, see rows;
a CONSTRUCT draws graph nodes; data shown as text, never as HTML; nothing fetched
from anywhere but the kg server itself.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import serving

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parents[1]
GRAPH = Path(__file__).parent / "data" / "serve-mini.trig"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"KG_REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextmanager
def page_of(browser, server):
    """A fresh page on the server's /, recording errors and every request's host."""
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    hosts: set[str] = set()
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(server.url)
    page.wait_for_selector("#question option:nth-child(2)", state="attached")
    try:
        yield page, problems, hosts
    finally:
        context.close()


def run_saved_question(page, name: str, **params: str) -> list[list[str]]:
    page.select_option("#question", name)
    for param, value in params.items():
        page.fill(f"#param-{param}", value)
    page.click("#run")
    page.wait_for_selector("#results-table:not([hidden]) tbody tr, #error:not([hidden])")
    assert page.is_hidden("#error"), page.text_content("#error")
    return page.eval_on_selector_all(
        "#results-table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")


def test_a_saved_question_fills_the_editor_and_its_rows_show(browser):
    with serving(GRAPH) as server, page_of(browser, server) as (page, problems, hosts):
        rows = run_saved_question(page, "members", org="CSTO")
        assert "members" in page.input_value("#query") or "memberOf" in page.input_value("#query")
        cells = {cell for row in rows for cell in row}
        for country in ("Armenia", "Belarus", "Kazakhstan", "Russia"):
            assert any(country.lower() in cell.lower() for cell in cells), (country, rows)
        assert not any("france" in cell.lower() for cell in cells)
        assert page.text_content("#status").strip().endswith("s")
        assert problems == []
        assert hosts == {urlsplit(server.url).netloc}  # nothing from any other host


def test_a_construct_query_draws_graph_nodes_and_escapes_labels(browser):
    with serving(GRAPH) as server, page_of(browser, server) as (page, problems, hosts):
        page.fill("#query", "CONSTRUCT { ?s kg:coChairOf ?o . ?s rdfs:label ?l . ?o rdfs:label ?ol . "
                            "?b rdfs:label ?bl } WHERE { { ?s kg:coChairOf ?o ; rdfs:label ?l . "
                            "?o rdfs:label ?ol } UNION { ?b a kg:Place ; rdfs:label ?bl } }")
        page.click("#run")
        page.wait_for_selector("#graph-view[data-nodes]")
        assert page.get_attribute("#graph-view", "data-nodes") == "5"  # 3 co-chairs, the group, the bait
        assert page.get_attribute("#graph-view", "data-edges") == "3"
        assert page.eval_on_selector("#graph-view canvas", "c => c.width > 0")
        table_text = page.text_content("#results-table")
        assert "United States" in table_text and "OSCE Minsk Group" in table_text
        assert '<img src=x onerror="document.title=\'pwned\'">Bait & <b>bold</b>' in table_text
        assert page.locator("#results img").count() == 0
        assert page.locator("#results b").count() == 0
        assert page.title() == "kg — ask the graph"
        assert problems == []
        assert hosts == {urlsplit(server.url).netloc}


def test_errors_and_truncation_are_shown_as_text(browser):
    with serving(GRAPH, max_rows=7) as server, page_of(browser, server) as (page, problems, hosts):
        page.fill("#query", "SELECT ?x WHERE { ?x ?y }")
        page.click("#run")
        page.wait_for_selector("#error:not([hidden])")
        assert "400" in page.text_content("#error") and "line" in page.text_content("#error")
        page.fill("#query", "SELECT * WHERE { ?s ?p ?o }")
        page.click("#run")
        page.wait_for_selector("#truncated:not([hidden])")
        assert "first 7 results" in page.text_content("#truncated")
        assert page.locator("#results-table tbody tr").count() == 7
        assert page.is_hidden("#error")
        page.select_option("#question", "members")  # a required parameter left empty
        page.fill("#param-org", "")
        page.click("#run")
        page.wait_for_selector("#error:not([hidden])")
        assert "org" in page.text_content("#error")


def test_the_seed_corpus_answers_the_csto_question(browser, tmp_path):
    from kg.cli import main

    graph = tmp_path / "graph.trig"
    assert main(["build", str(ROOT / "corpus"), "-o", str(graph)]) == 0
    with serving(graph) as server, page_of(browser, server) as (page, problems, hosts):
        rows = run_saved_question(page, "members", org="CSTO")
        cells = " ".join(cell for row in rows for cell in row).lower()
        for country in ("armenia", "russia", "kazakhstan", "kyrgyzstan", "tajikistan"):
            assert country in cells, rows
        assert problems == []
