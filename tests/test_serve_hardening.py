"""kg serve under pressure: memory per query worker, flat-but-deep queries, bursts of clients.

Each case is bounded by construction, never by a timed assertion: a worker's 503 (its
memory cap stops the query long before the generous time limit), a 400 from the
depth limit, a count of answered clients.  Real servers on 127.0.0.1, real workers.
"""
from __future__ import annotations

import http.client
import os
import resource
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import serving
from test_query_depth import FLAT_BUT_DEEP

from kg.cli import make_parser
from kg.serve import Limits

GRAPH = Path(__file__).parent / "data" / "serve-mini.trig"
#: A few hundred MB beyond the graph: far below anything that strains the machine.
TEST_MAX_MEMORY = 512 << 20
#: Sorting a four-way cartesian product of the mini graph needs gigabytes.
CARTESIAN_ORDER_BY = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l LIMIT 1"


def request(server, path: str, params: dict | None = None, *, method: str = "GET",
            body: str | None = None, timeout: float = 120) -> tuple[int, dict[str, str], str]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        query = ("?" + urlencode(params)) if params else ""
        headers = {"Content-Type": "application/sparql-query"} if body is not None else {}
        connection.request(method, path + query, body=body.encode() if body else None, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.headers), response.read().decode("utf-8")
    finally:
        connection.close()


def address_space_limit(pid: int) -> str:
    with open(f"/proc/{pid}/limits", encoding="ascii") as limits:
        line = next(line for line in limits if line.startswith("Max address space"))
    return line.split()[3]  # the soft limit, in bytes, or "unlimited"


# ------------------------------------------------------------------------------ memory


@pytest.mark.parametrize("store", ["oxigraph", "rdflib"])
def test_a_query_past_the_memory_cap_is_503_and_its_worker_is_replaced(store):
    # The time limit is far beyond what the cap allows: the 503 must come from the cap.
    with serving(GRAPH, store=store, max_memory=TEST_MAX_MEMORY, timeout=300) as srv:
        before = srv.pool.pids()
        for pid in before:  # the cap is set in each worker, not in the server
            assert address_space_limit(pid) != "unlimited"
        assert resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY
        status, headers, text = request(srv, "/sparql", {"query": CARTESIAN_ORDER_BY})
        assert status == 503, text
        assert text.startswith("query needs too much memory") and "--max-memory" in text
        assert len(text.strip().splitlines()) == 1
        assert headers["Retry-After"]
        assert srv.pool.out_of_memory == 1 and srv.pool.killed == 0
        status, _, text = request(srv, "/sparql", {"query": "ASK {}"})
        assert status == 200 and '"boolean": true' in text
        after = srv.pool.pids()
        assert len(after) == 2 and len(set(before) - set(after)) == 1  # one fresh worker


def test_max_memory_takes_sizes_and_defaults_to_a_share_of_the_machine():
    from kg.serve.limits import MEMORY_FRACTION, machine_memory

    assert Limits.max_memory == int(machine_memory() * MEMORY_FRACTION)
    parser = make_parser()
    for text, size in (("2G", 2 << 30), ("800M", 800 << 20), ("1.5g", 3 << 29), ("1000", 1000)):
        assert parser.parse_args(["serve", "g.trig", "--max-memory", text]).max_memory == size
    with pytest.raises(SystemExit):
        parser.parse_args(["serve", "g.trig", "--max-memory", "lots"])


# ------------------------------------------------------------------------------ depth


@pytest.mark.parametrize("store", ["oxigraph", "rdflib"])
def test_flat_but_deep_queries_are_400_and_no_worker_dies(store):
    with serving(GRAPH, store=store, max_body=1 << 20) as srv:
        before = srv.pool.pids()
        for case, query in sorted(FLAT_BUT_DEEP.items()):
            status, _, text = request(srv, "/sparql", method="POST", body=query)
            assert status == 400, (case, text)
            assert "too deep" in text or "nested" in text, (case, text)
        assert srv.pool.pids() == before  # no worker crashed
        assert request(srv, "/sparql", {"query": "ASK {}"})[0] == 200


# ------------------------------------------------------------------------------ bursts


def test_a_burst_of_300_clients_connecting_at_once_is_all_answered():
    clients = 300
    with serving(GRAPH) as srv:
        statuses: list[object] = []
        start = threading.Barrier(clients)

        def client() -> None:
            start.wait()
            try:
                statuses.append(request(srv, "/sparql", {"query": "ASK {}"}, timeout=60)[0])
            except OSError as exc:
                statuses.append(type(exc).__name__)

        threads = [threading.Thread(target=client) for _ in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert statuses.count(200) == clients, sorted(map(str, statuses))
        assert srv.refused_connections == 0


def test_connections_past_the_bound_get_503_at_once_and_slots_come_back():
    with serving(GRAPH, max_connections=3) as srv:
        silent = [socket.create_connection(srv.server_address[:2], timeout=30) for _ in range(3)]
        try:
            # Each silent connection holds a thread waiting for its request; a fourth
            # client is told 503 without being read and without a thread of its own.
            status, headers, text = request(srv, "/sparql", {"query": "ASK {}"})
            assert status == 503
            assert headers["Retry-After"] and "--max-connections" in text
            assert srv.refused_connections == 1
        finally:
            for connection in silent:
                connection.close()
        answered = None
        for _ in range(200):  # the held threads see their clients leave and free their slots
            answered = request(srv, "/sparql", {"query": "ASK {}"})[0]
            if answered == 200:
                break
            time.sleep(0.05)
        assert answered == 200


def test_the_listen_backlog_is_sized_for_bursts():
    from kg.serve import KgServer
    from kg.serve.limits import BACKLOG

    assert KgServer.request_queue_size == BACKLOG >= 300
    assert os.path.exists("/proc/sys/net/core/somaxconn")
