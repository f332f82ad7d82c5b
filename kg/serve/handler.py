"""HTTP handling: the routes of ``kg serve``, its checks on each request, and the static page.

Why the standard library (:mod:`http.server`) and not a web framework: a handful of
routes, no sessions and no templates.  The handler reads and checks a request
(``Host`` against DNS rebinding, body size, methods, the protocol's parameters),
hands the query to the worker pool and sends the reply; errors are one plain-text
line, without stack traces or paths.
"""
from __future__ import annotations

import json
import re
import sys
import traceback
from collections.abc import Iterable
from dataclasses import asdict
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

from kg.serve.description import service_description
from kg.serve.limits import RETRY_AFTER
from kg.serve.negotiation import NotAcceptable, choose_format
from kg.serve.workers import Job, QueryStopped, WorkersBusy

if TYPE_CHECKING:
    from kg.serve.server import KgServer

#: The page and its assets: kg/web, beside this package.
WEB_DIR = Path(__file__).resolve().parent.parent / "web"
#: Files of ``kg/web`` the server hands out (anything else is 404).
STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}


class _HttpError(Exception):
    """An answer the handler gives at once: a status, one line of text, extra headers."""

    def __init__(self, status: int, message: str, headers: tuple[tuple[str, str], ...] = ()):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


class Handler(BaseHTTPRequestHandler):
    """One request: route it, check it, answer it (queries go to the server's worker pool)."""

    server: KgServer
    server_version = "kg-serve"
    sys_version = ""
    timeout = 30  # seconds a client may take to send its request

    def version_string(self) -> str:
        return self.server_version

    # -- plumbing

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib name)
        if not self.server.quiet:
            super().log_message(format, *args)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors raised by http.server itself: one plain-text line, no HTML."""
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "error"
        self.close_connection = True
        self._send(code, (message or phrase).encode("utf-8", "replace") + b"\n",
                   "text/plain; charset=utf-8")

    def _send(self, status: int, body: bytes, content_type: str,
              headers: Iterable[tuple[str, str]] = ()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in headers:
            self.send_header(name, value)
        self._cors_headers()
        if status >= 400:
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _cors_headers(self) -> None:
        headers = getattr(self, "headers", None)  # unset when the request line was bad
        origin = headers.get("Origin") if headers else None
        allowed = self.server.cors
        if not allowed or origin is None:
            return
        if "*" in allowed:
            self.send_header("Access-Control-Allow-Origin", "*")
        elif origin in allowed:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")
        else:
            return
        self.send_header("Access-Control-Expose-Headers", "X-KG-Truncated, X-KG-Max-Rows")

    def _dispatch(self, method: str) -> None:
        try:
            self._check_host()
            url = urlsplit(self.path)
            path = unquote(url.path)
            if method in ("GET", "HEAD"):
                self._get(path, _parse_form(url.query))
            elif method == "POST":
                self._post(path, url.query)
            elif method == "OPTIONS":
                self._options()
            else:
                raise _HttpError(403, "this endpoint is read-only")
        except _HttpError as exc:
            self._send(exc.status, (exc.message + "\n").encode("utf-8"),
                       "text/plain; charset=utf-8", exc.headers)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception:  # a bug: log it, answer without details
            traceback.print_exc(file=sys.stderr)
            self._send(500, b"internal error (see the server log)\n", "text/plain; charset=utf-8")

    def do_GET(self) -> None:  # noqa: N802 (stdlib naming)
        self._dispatch("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._dispatch("OPTIONS")

    def do_PUT(self) -> None:  # noqa: N802
        self._dispatch("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._dispatch("DELETE")

    def do_PATCH(self) -> None:  # noqa: N802
        self._dispatch("PATCH")

    def _check_host(self) -> None:
        """Bound to loopback, answer only loopback names (defeats DNS rebinding)."""
        if not self.server.loopback_only:
            return
        host = self.headers.get("Host")
        if host is None:
            return
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name.lower() not in LOOPBACK_NAMES:
            raise _HttpError(403, f"unexpected Host name; use http://127.0.0.1:{self.server.server_address[1]}/")

    # -- routes

    def _get(self, path: str, form: dict[str, list[str]]) -> None:
        if path == "/sparql":
            self._refuse_updates(form, None)
            if "query" in form:
                self._run_query(form)
            elif _is_blank(form):
                self._service_description(form)
            else:
                raise _HttpError(400, "missing 'query' parameter")
        elif path == "/service-description":
            self._service_description(form)
        elif path == "/api/cookbook":
            self._send_json(self._cookbook())
        elif path == "/api/info":
            self._send_json(self._info())
        elif path.startswith("/api/ask/"):
            self._run_question(path.removeprefix("/api/ask/"), form)
        else:
            self._static(path)

    def _post(self, path: str, url_query: str) -> None:
        if path != "/sparql" and not path.startswith("/api/ask/"):
            raise _HttpError(405, "POST goes to /sparql or /api/ask/NAME", (("Allow", "GET, HEAD"),))
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        url_form = _parse_form(url_query)
        if content_type == "application/sparql-update" or "update" in url_form:
            raise _HttpError(403, "this endpoint is read-only: SPARQL Update is refused")
        body = self._read_body()
        if content_type == "application/x-www-form-urlencoded":
            form = _parse_form(_decode(body))
            for key, values in url_form.items():
                form.setdefault(key, []).extend(values)
        elif content_type == "application/sparql-query" and path == "/sparql":
            form = dict(url_form)
            if "query" in form:
                raise _HttpError(400, "give the query either in the body or in the URL, not both")
            form["query"] = [_decode(body)]
        else:
            raise _HttpError(
                415, "send application/x-www-form-urlencoded or application/sparql-query"
            )
        if path == "/sparql":
            self._refuse_updates(form, content_type)
            self._run_query(form)
        else:
            self._run_question(path.removeprefix("/api/ask/"), form)

    def _options(self) -> None:
        headers = [("Allow", "GET, HEAD, POST, OPTIONS")]
        origin = self.headers.get("Origin")
        allowed = self.server.cors
        if allowed and origin is not None and ("*" in allowed or origin in allowed):
            headers += [("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                        ("Access-Control-Allow-Headers", "Accept, Content-Type"),
                        ("Access-Control-Max-Age", "600")]
        self._send(204, b"", "text/plain; charset=utf-8", headers)

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            raise _HttpError(411, "send the body with a Content-Length, not chunked")
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            raise _HttpError(411, "a POST needs a Content-Length")
        try:
            length = int(length_header)
        except ValueError:
            raise _HttpError(400, "bad Content-Length") from None
        if length < 0:
            raise _HttpError(400, "bad Content-Length")
        if length > self.server.limits.max_body:
            raise _HttpError(413, f"request body over {self.server.limits.max_body} bytes "
                                  "(kg serve --max-body)")
        body = self.rfile.read(length)
        if len(body) < length:
            raise _HttpError(400, "request body shorter than its Content-Length")
        return body

    @staticmethod
    def _refuse_updates(form: dict[str, list[str]], content_type: str | None) -> None:
        if "update" in form:
            raise _HttpError(403, "this endpoint is read-only: SPARQL Update is refused")
        for name in ("default-graph-uri", "named-graph-uri", "using-graph-uri",
                     "using-named-graph-uri"):
            if name in form:
                raise _HttpError(400, f"'{name}' is not supported: the endpoint never "
                                      "fetches other graphs")

    def _run_query(self, form: dict[str, list[str]]) -> None:
        queries = form.get("query", [])
        if len(queries) != 1:
            raise _HttpError(400, "give exactly one 'query' parameter")
        sparql = queries[0]
        if not sparql.strip():
            raise _HttpError(400, "empty query")
        if len(sparql.encode("utf-8")) > self.server.limits.max_body:
            raise _HttpError(413, f"query over {self.server.limits.max_body} bytes "
                                  "(kg serve --max-body)")
        self._run(Job(sparql=sparql, formats=_formats(form), accept=self.headers.get("Accept")))

    def _run_question(self, name: str, form: dict[str, list[str]]) -> None:
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
            raise _HttpError(404, "no such question")
        params = {}
        for key, values in form.items():
            if key in ("format", "output", "results"):
                continue
            if len(values) != 1:
                raise _HttpError(400, f"give parameter {key!r} once")
            params[key] = values[0]
        question = next((q for q in self._cookbook() if q["name"] == name), None)
        if question is None:
            raise _HttpError(404, f"no question named {name!r} (see /api/cookbook)")
        for param in question["params"]:
            if param.get("required") and param.get("default") is None and not params.get(param["name"]):
                about = f" ({param['description']})" if param.get("description") else ""
                raise _HttpError(400, f"question {name!r} needs the parameter "
                                      f"{param['name']}=…{about}")
        self._run(Job(question=name, params=params, formats=_formats(form),
                      accept=self.headers.get("Accept")))

    def _run(self, job: Job) -> None:
        assert self.server.pool is not None
        try:
            reply = self.server.pool.run(job)
        except QueryStopped as exc:
            raise _HttpError(503, str(exc), (("Retry-After", str(RETRY_AFTER)),)) from None
        except WorkersBusy as exc:
            raise _HttpError(503, str(exc), (("Retry-After", "2"),)) from None
        headers = reply.headers + (("Cache-Control", "no-store"),)
        self._send(reply.status, reply.body, reply.content_type, headers)

    def _service_description(self, form: dict[str, list[str]]) -> None:
        try:
            fmt = choose_format("CONSTRUCT", _formats(form), self.headers.get("Accept"))
        except NotAcceptable as exc:
            raise _HttpError(406, str(exc)) from None
        graph = service_description(f"{self.server.url}sparql", self.server.limits)
        from kg.query import QueryResult, media_type  # rdflib is loaded by now (the description)

        self._send(200, QueryResult("CONSTRUCT", graph=graph).serialize(fmt), media_type(fmt))

    def _cookbook(self) -> list[dict[str, Any]]:
        cached = getattr(self.server, "_cookbook_cache", None)
        if cached is None:
            from kg.query import cookbook

            cached = [_question_json(question) for question in cookbook()]
            self.server._cookbook_cache = cached  # type: ignore[attr-defined]
        return cached

    def _info(self) -> dict[str, Any]:
        from kg.namespaces import PREFIXES

        limits = self.server.limits
        return {
            "graph": self.server.graph_name,
            "triples": len(self.server.graph),
            "endpoint": "/sparql",
            "prefixes": {prefix: str(ns) for prefix, ns in PREFIXES.items()},
            "limits": asdict(limits),  # every field of Limits, by name
        }

    def _send_json(self, document: Any) -> None:
        body = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
        self._send(200, body, "application/json", (("Cache-Control", "no-cache"),))

    def _static(self, path: str) -> None:
        if path == "/":
            path = "/sparql.html"
        relative = path.lstrip("/")
        if (not relative or any(part.startswith(".") or part == "" for part in relative.split("/"))
                or "\\" in relative or "\x00" in relative):
            raise _HttpError(404, "not found")
        web = WEB_DIR.resolve()
        target = (web / relative).resolve()
        if not target.is_relative_to(web) or target.suffix not in STATIC_TYPES or not target.is_file():
            raise _HttpError(404, "not found")
        headers = [("Cache-Control", "no-cache")]
        if target.suffix == ".html":
            headers += [("Content-Security-Policy", PAGE_CSP), ("X-Frame-Options", "DENY")]
        self._send(200, target.read_bytes(), STATIC_TYPES[target.suffix], headers)


def _question_json(question: Any) -> dict[str, Any]:
    """A cookbook question as the web page needs it (no file paths)."""
    return {
        "name": question.name,
        "title": question.title,
        "description": question.description,
        "params": _params_json(question.params),
        "text": question.text,
    }


def _params_json(params: Any) -> list[dict[str, Any]]:
    out = []
    if isinstance(params, dict):
        params = [dict(value, name=name) if isinstance(value, dict) else {"name": name, "default": value}
                  for name, value in params.items()]
    for param in params or ():
        if isinstance(param, str):
            out.append({"name": param})
        elif isinstance(param, dict):
            out.append({key: _jsonable(value) for key, value in param.items()})
        else:  # a small dataclass or named tuple
            fields = getattr(param, "__dataclass_fields__", None) or getattr(param, "_fields", ())
            out.append({name: _jsonable(getattr(param, name)) for name in fields})
    return out


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    return str(value)


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise _HttpError(400, "the request body is not valid UTF-8") from None


def _parse_form(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=100)
    except UnicodeDecodeError:
        raise _HttpError(400, "a parameter is not valid UTF-8 once percent-decoded") from None
    except ValueError:
        raise _HttpError(400, "too many parameters") from None


def _formats(form: dict[str, list[str]]) -> tuple[str, ...]:
    return tuple(form.get("format", []) + form.get("output", []))


def _is_blank(form: dict[str, list[str]]) -> bool:
    return not (set(form) - {"format", "output"})
