"""Incremental rebuilds: what the nlp stage read from an unchanged article is reused.

The nlp stage is a pure function of an article (its text and metadata), kg's code and
data, the knowledge base and the spaCy model.  So a build keeps the record of each
article beside its output (``.graph.trig.records/``: one JSON file per article, named
by a hash of the article, and a ``manifest.json`` with the fingerprint of everything
else), and the next build of the same output reads only the articles that are new or
changed; records of articles that are gone are removed.  The graph is then made from
all records as in a full build, so the output is byte-identical to a full build.  A
record is kept as the nlp stage read it, before resolution: which actors are one is a
question of the whole corpus, answered again by every build.

A changed fingerprint (kg's version or code of the nlp stage, its data files, a
``--kb`` file, the model) empties the cache: that build is a full one, and says why.
The records are JSON, not pickles: a folder beside an output is no place for data that
runs code when it is read.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
from collections.abc import Iterable
from dataclasses import astuple
from importlib import resources
from pathlib import Path

from kg.rdfio import atomic_write
from kg.records import DocumentRecord, SourceText, record_from_values, record_values

#: The folder beside the output that holds the records (``.graph.trig.records``).
FOLDER_SUFFIX = ".records"
MANIFEST = "manifest.json"
#: The layout of a kept record (2: the JSON array of :func:`kg.records.record_values`;
#: 1 was an object per record, six times slower to write).  Part of the fingerprint, so
#: records of another layout are read again, never misread.
RECORD_LAYOUT = 2
#: Formats whose last output a rebuild patches (:mod:`kg.patch`) rather than writes anew.
PATCHED_FORMATS = frozenset({"trig"})
#: Past this share of the corpus changed, patching would be no faster than writing anew.
MOST_CHANGED = 0.25
#: The parts of kg whose change changes what the nlp stage reads (paths in the package).
_CODE = ("nlp", "records.py", "kb.py", "gazetteer.py", "data/kb.toml", "data/lexicon.toml",
         "data/confidence.toml")


def fingerprint(model: str | None, kb_files: Iterable[Path]) -> str:
    """A hash of everything besides the article that the nlp stage's records depend on."""
    from kg import __version__

    digest = hashlib.sha256(f"kg {__version__}\nrecords {RECORD_LAYOUT}\nmodel {model or ''}\n".encode())
    package = resources.files("kg")
    for part in _CODE:
        for path in sorted(_files(Path(str(package.joinpath(part))))):
            digest.update(path.relative_to(Path(str(package))).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    for kb in map(Path, kb_files):
        if kb.is_file():  # a missing one is the build's input error, reported there
            digest.update(b"kb\0" + kb.read_bytes())
    return digest.hexdigest()


def _files(path: Path) -> Iterable[Path]:
    if path.is_dir():
        return (p for p in path.rglob("*") if p.is_file() and p.suffix in (".py", ".toml"))
    return (path,) if path.is_file() else ()


def article_key(source: SourceText) -> str:
    """A hash of one article as read (identifier, text and metadata)."""
    return hashlib.sha256(json.dumps(astuple(source), ensure_ascii=False).encode("utf-8", "surrogatepass")
                          ).hexdigest()


class RecordCache:
    """The records of the last build of one output."""

    def __init__(self, output: Path, fingerprint: str) -> None:
        self.folder = output.parent / f".{output.name}{FOLDER_SUFFIX}"
        self.fingerprint = fingerprint
        self.full_reason: str | None = None  # why this build reads every article again, if it must
        try:
            manifest = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = None
        if manifest is None:  # a first build: nothing to say
            self.known: set[str] = set()
        elif manifest.get("fingerprint") != fingerprint:
            self.full_reason = "kg's code, data, knowledge base or model changed since the last build"
            self.known = set()
        else:
            self.known = set(manifest.get("records", ()))
        self.kept: set[str] = set()  # the records of this build
        self.written: set[str] = set()  # the records this build wrote

    def has(self, key: str) -> bool:
        """Whether the last build left a record of the article hashed ``key``."""
        return key in self.known

    def get(self, key: str) -> DocumentRecord | None:
        """The record of the article hashed ``key``, if the last build read it (kept for the next)."""
        record = self.read(key)
        if record is not None:
            self.kept.add(key)
        return record

    def read(self, key: str) -> DocumentRecord | None:
        """The record of the article hashed ``key``, if the last build read it, without
        keeping it for the next build (an article gone or changed: :mod:`kg.patch`)."""
        if key not in self.known:
            return None
        try:
            data = json.loads((self.folder / f"{key}.json").read_bytes().decode("utf-8", "surrogatepass"))
            return record_from_values(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def keep(self, key: str) -> None:
        """Keep the record of the article hashed ``key`` for the next build without reading it."""
        if key in self.known:
            self.kept.add(key)

    def put(self, key: str, record: DocumentRecord) -> None:
        """Write ``record`` as read by the nlp stage (before resolution, which depends on
        the whole corpus) so memory never holds the corpus's records.  It counts for the
        next build once :meth:`save` has written the manifest; :meth:`discard` removes it
        if this build fails."""
        if not self.written:
            self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(record_values(record), ensure_ascii=False, separators=(",", ":"))
        (self.folder / f"{key}.json").write_bytes(text.encode("utf-8", "surrogatepass"))
        self.written.add(key)
        self.kept.add(key)

    def discard(self) -> None:
        """Undo this build's :meth:`put` (a failed build): the last build's records stay."""
        for key in self.written - self.known:
            with contextlib.suppress(OSError):
                (self.folder / f"{key}.json").unlink()
        with contextlib.suppress(OSError):
            self.folder.rmdir()  # only if empty: nothing of an earlier build is lost
        self.written.clear()

    def save(self) -> None:
        """Write the manifest of this build, and remove every record it did not use
        (articles gone or changed, what a killed build left half-written)."""
        if not self.kept:
            shutil.rmtree(self.folder, ignore_errors=True)
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for path in self.folder.glob("*.json"):
            if path.stem not in self.kept and path.name != MANIFEST:
                with contextlib.suppress(OSError):
                    path.unlink()
        manifest = json.dumps({"fingerprint": self.fingerprint, "records": sorted(self.kept)}, indent=0)
        atomic_write(self.folder / MANIFEST, lambda fh: fh.write(manifest.encode("utf-8")))
        self.written.clear()

