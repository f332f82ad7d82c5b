"""The build pipeline: ingest -> nlp -> resolve -> graph -> serialize.

Two entry points share one pipeline:

* :func:`build_graph` returns the graph in memory (a :class:`BuildResult`);
* :func:`build` also writes it, atomically, to a file whose extension (or an
  explicit ``format``) picks the RDF syntax.  The format is checked before any
  article is read, so a typo in ``-o`` fails at once, not after an hour.

The ``kg build`` command (:mod:`kg.cli.build`) is a thin layer over :func:`build`
that adds a progress bar, one warning line per skipped file and a summary table.
"""
from __future__ import annotations

import contextlib
import functools
import logging
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kg import spill
from kg.collector import Held, gc_paused
from kg.errors import InputError, OutputError, UsageError
from kg.incremental import MOST_CHANGED, PATCHED_FORMATS, RecordCache, article_key, fingerprint
from kg.ingest import Duplicate, ReadOptions, SkippedFile, read_corpus
from kg.rdfio import format_for, output_lock
from kg.records import (
    ENTITY_TYPES,
    RELATIONS,
    DocumentRecord,
    Entity,
    PackedRecord,
    SourceText,
    record_from_values,
    record_values,
    whole,
)

if TYPE_CHECKING:
    from rdflib import Dataset

    from kg.cluster import Cluster
    from kg.nlp.workers import Workers
    from kg.patch import GraphState

log = logging.getLogger(__name__)

DEFAULT_OUTPUT = Path("out/graph.trig")

#: The stages of a build, in order; :attr:`BuildStats.stage_seconds` times each.
STAGES = ("read", "nlp", "resolve", "graph", "serialize")

#: ``progress(stage, documents_done, documents_total, words_done)``: called after
#: the corpus is read, after each document of the nlp stage and when each later
#: stage starts.  ``stage`` is one of :data:`STAGES`.
ProgressCallback = Callable[[str, int, int, int], None]

#: Below this many documents, ``kg build`` shows no progress bar (it would only flicker).
PROGRESS_MIN_DOCUMENTS = 10

#: The time budget of one article in the nlp stage, in seconds: an article that takes
#: longer is skipped with a warning and counted in ``BuildStats.skipped``.  News takes
#: well under a second; the extractors are linear, so only a huge article comes near.
ARTICLE_SECONDS = 60.0


@dataclass(slots=True)
class BuildStats:
    """Counts and timings of one build (what the summary table shows)."""

    documents: int = 0
    skipped: int = 0  # files and records not built
    duplicates: int = 0  # articles dropped because an earlier one has their URL or text
    reused: int = 0  # articles whose records came from the last build of the same output
    full_reason: str | None = None  # why an incremental build read every article
    patched: bool = False  # the last output was patched, not written anew (kg.patch)
    words: int = 0
    entities_by_type: dict[str, int] = field(default_factory=dict)
    facts_by_relation: dict[str, int] = field(default_factory=dict)  # distinct fact triples
    assertions_by_relation: dict[str, int] = field(default_factory=dict)  # one per sentence
    negative_assertions: int = 0
    statements_direct: int = 0
    statements_reported: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    output: Path | None = None
    output_bytes: int | None = None

    @property
    def seconds(self) -> float:
        """Wall time of all stages run so far."""
        return sum(self.stage_seconds.values())

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0


@dataclass(slots=True)
class BuildResult:
    """The graph of a corpus and what went into it."""

    documents: list[DocumentRecord]
    entities: dict[str, Entity]
    skipped: list[SkippedFile]
    stats: BuildStats
    duplicates: list[Duplicate] = field(default_factory=list)
    _dataset: Dataset | None = field(default=None, repr=False)
    _records_kept: bool = field(default=True, repr=False)
    _article_keys: list[str] = field(default_factory=list, repr=False)  # corpus order, with a cache

    @property
    def dataset(self) -> Dataset:
        """The graph as an rdflib Dataset (:func:`kg.graph.to_dataset`), made on first use
        after :func:`build`, which writes the graph without one."""
        if self._dataset is None:
            if not self._records_kept:
                raise UsageError("this build kept no records (keep_records=False): read the graph it wrote")
            from kg import graph

            with gc_paused():
                self._dataset = graph.to_dataset(self.documents, self.entities)
        return self._dataset


def build_graph(
    paths: Sequence[str | os.PathLike[str]],
    model: str | None = None,
    kb_files: Iterable[str | os.PathLike[str]] = (),
    processes: int = 1,
    progress: ProgressCallback | None = None,
    options: ReadOptions | None = None,
    article_seconds: float | None = ARTICLE_SECONDS,
    cache: RecordCache | None = None,
    dask: str | None = None,
) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths`` (folders or article files
    of any format :mod:`kg.ingest` reads; ``"-"`` for JSON Lines on standard input), in memory.
    ``options`` tells the readers the user's field names.  An article whose nlp takes more
    than ``article_seconds`` (None: no limit) is skipped like an unreadable file.  With a
    ``cache``, an article read by the last build is not read again (:mod:`kg.incremental`).
    ``dask`` (``"local"`` or a scheduler's address) reads the articles on a Dask cluster
    (:mod:`kg.cluster`; a local one has ``processes`` workers).

    Skipped files are logged as warnings (logger ``kg.ingest``) and listed in
    ``result.skipped``.  Raises :class:`InputError` for a missing path or a
    corpus without a single readable article.
    """
    from kg import graph, resolve  # looked up at call time so a stage can be replaced in tests

    report = progress or _no_progress
    by_position: dict[int, DocumentRecord] = {}
    result = _extract(paths, model, kb_files, processes, report, options, article_seconds, cache, dask,
                      by_position.__setitem__)
    documents = [by_position[i] for i in sorted(by_position)]
    stats = result.stats
    report("resolve", stats.documents, stats.documents, stats.words)
    with _timed(stats, "resolve"):
        result.entities = resolve.merge_entities(documents)
    result.documents = documents
    _count(stats, documents, result.entities)
    report("graph", stats.documents, stats.documents, stats.words)
    with _timed(stats, "graph"):
        result._dataset = graph.to_dataset(documents, result.entities)
    return result


def _extract(paths: Sequence[str | os.PathLike[str]], model: str | None,
             kb_files: Iterable[str | os.PathLike[str]], processes: int, report: ProgressCallback,
             options: ReadOptions | None, article_seconds: float | None, cache: RecordCache | None,
             dask: str | None, keep: Callable[[int, DocumentRecord | PackedRecord], None],
             defer: Callable[[int, str, SourceText], int | None] | None = None,
             meanwhile: Callable[[], None] | None = None, held: Held | None = None) -> BuildResult:
    """The read and nlp stages: each record goes to ``keep`` with its position in the
    corpus (not in that order: kept records first), as the nlp stage read it (or the
    cache kept it); the result has no records, entities or graph yet.  ``defer(position,
    article hash, source)``, asked first for each article the cache has, gives the words
    of one whose record the caller will get itself (:mod:`kg.patch`: maybe never), or None.
    spaCy is imported only if an article is to be read, and never in this process when
    workers read the articles.  With ``processes > 1`` and every article to be read, the
    workers start first and make their pipelines while the corpus is read.  A rebuild
    that has records to reuse starts its workers first too (where the machine has a
    core to spare), so the articles it reads again have their pipelines ready by the
    time the corpus is read and the kept records are loaded; if no article changed, the
    workers are stopped unused.  ``meanwhile`` runs once the workers have started, before
    the corpus is read (what ``defer`` needs, read while the workers make their pipelines).
    ``held``: the build's :class:`kg.collector.Held`, which keeps the filed records out of
    later passes of the collector."""

    kb_paths = [Path(p) for p in kb_files]
    for kb in kb_paths:
        if not kb.is_file():
            raise InputError(f"no such knowledge-base file: {kb}")
    if processes < 1:
        raise UsageError(f"processes must be at least 1, not {processes}")
    stats = BuildStats()
    with contextlib.ExitStack() as stack:
        # when every article will be read, the workers start first and make their
        # pipelines while the corpus is read
        pool = cluster = None
        kb_names = tuple(str(p) for p in kb_paths)
        every_article = not (cache and cache.known)
        if every_article and dask is not None:
            from kg.cluster import Cluster

            cluster = stack.enter_context(Cluster(dask, processes, model, kb_names))
        elif (processes > 1 and every_article) or (dask is None and not every_article and _spare_core()):
            from kg.nlp import workers

            pool = stack.enter_context(workers.start(processes, model, kb_names, article_seconds))
        if meanwhile is not None:
            meanwhile()
        return _extract_with(paths, model, kb_paths, processes, report, options, article_seconds, cache, dask,
                             keep, defer, stats, pool, cluster, held or Held())


def _extract_with(paths: Sequence[str | os.PathLike[str]], model: str | None, kb_paths: list[Path],
                  processes: int, report: ProgressCallback, options: ReadOptions | None,
                  article_seconds: float | None, cache: RecordCache | None, dask: str | None,
                  keep: Callable[[int, DocumentRecord | PackedRecord], None],
                  defer: Callable[[int, str, SourceText], int | None] | None, stats: BuildStats,
                  pool: Workers | None, cluster: Cluster | None, held: Held) -> BuildResult:
    with _timed(stats, "read"):
        corpus = read_corpus(paths, options)
    total = len(corpus.sources)
    stats.documents, stats.skipped, stats.duplicates = total, len(corpus.skipped), len(corpus.duplicates)
    report("read", 0, total, 0)
    skipped = list(corpus.skipped)

    too_long = functools.partial(_given_up, stats, skipped)

    def read(sources: list[SourceText]) -> Iterator[DocumentRecord]:
        if not sources:
            return (record for record in ())  # a generator, closed like the nlp stage's
        from kg import nlp  # looked up at call time so a stage can be replaced in tests

        return nlp.process_texts(sources, model=model, processes=processes, kb_files=kb_paths,
                                 seconds=article_seconds, on_skip=too_long, dask=dask, pool=pool, cluster=cluster,
                                 keep_packed=True)

    reread = _Rereader(model, kb_paths, article_seconds, too_long)
    # When the articles are read elsewhere, this process only files plain records, which
    # make no cycles: the collector's passes over the growing entity lists cost 0.2 s
    # of 1,700 articles on the cores the workers need.
    elsewhere = processes > 1 or dask is not None or cluster is not None
    with _timed(stats, "nlp"), held.paused() if elsewhere else contextlib.nullcontext():
        keys = [article_key(source) for source in corpus.sources] if cache else []
        cached = [cache.has(key) for key in keys] if cache else [False] * total
        stats.full_reason = cache.full_reason if cache else None
        # the articles to read go to the nlp stage now (to started workers at once), the
        # kept records are loaded meanwhile; each record is kept at its corpus position
        fresh = read([s for s, hit in zip(corpus.sources, cached, strict=True) if not hit])
        positions: dict[str, list[int]] = {}  # identifier -> positions still to come (one, unless a reader repeats it)
        for i, source in reversed(list(enumerate(corpus.sources))):
            if not cached[i]:
                positions.setdefault(source.identifier, []).append(i)
        done = 0

        def count(words: int) -> None:
            nonlocal done
            done += 1
            stats.words += words
            report("nlp", done, total, stats.words)

        def take(index: int, record: DocumentRecord | PackedRecord) -> None:
            count(record.words)
            keep(index, record)

        with contextlib.closing(fresh):
            for i, source in enumerate(corpus.sources):
                words = defer(i, keys[i], source) if cached[i] and defer is not None else None
                if words is not None:
                    stats.reused += 1
                    count(words)
                elif cached[i]:
                    record = cache.get(keys[i])
                    if record is not None:
                        stats.reused += 1
                    else:  # a kept record that cannot be read back: read the article again
                        record = reread(source)
                        if record is not None:
                            cache.put(keys[i], record)
                    if record is not None:
                        take(i, record)
            for record in fresh:  # none for an article the nlp stage skipped
                i = positions[record.identifier].pop()
                if cache:
                    record = whole(record)
                    cache.put(keys[i], record)
                take(i, record)
    return BuildResult([], {}, skipped, stats, corpus.duplicates, _article_keys=keys)


def _given_up(stats: BuildStats, skipped: list[SkippedFile], identifier: str, reason: str) -> None:
    """Count an article the nlp stage gave up on (past its time budget) as skipped."""
    stats.documents -= 1
    stats.skipped += 1
    skipped.append(SkippedFile(Path(identifier), reason))


class _Rereader:
    """Reads an article again in this process, for a kept record that cannot be read
    back (the pipeline made once, if ever needed); an article past its time budget is
    told to ``too_long`` and gives None."""

    def __init__(self, model: str | None, kb_paths: list[Path], article_seconds: float | None,
                 too_long: Callable[[str, str], None]) -> None:
        self.model, self.kb_paths, self.article_seconds, self.too_long = model, kb_paths, article_seconds, too_long
        self._pipeline = None

    def __call__(self, source: SourceText) -> DocumentRecord | None:
        from kg import nlp
        from kg.nlp.bounds import ArticleTimeout
        from kg.nlp.pipeline import read_source

        if self._pipeline is None:
            self._pipeline = nlp.make_pipeline(self.model, [str(p) for p in self.kb_paths])
        try:
            return read_source(self._pipeline, source, self.article_seconds)
        except ArticleTimeout as exc:
            log.warning("%s: skipped: %s", source.identifier, exc)
            self.too_long(source.identifier, str(exc))
            return None


def build(
    paths: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str] = DEFAULT_OUTPUT,
    *,
    format: str | None = None,
    model: str | None = None,
    kb_files: Iterable[str | os.PathLike[str]] = (),
    processes: int = 1,
    progress: ProgressCallback | None = None,
    options: ReadOptions | None = None,
    article_seconds: float | None = ARTICLE_SECONDS,
    incremental: bool = True,
    dask: str | None = None,
    keep_records: bool = True,
) -> BuildResult:
    """Build the graph of ``paths`` and write it to ``output``.

    ``format`` overrides the syntax the extension of ``output`` implies.  The
    file is replaced atomically when the build succeeds; a failed build leaves
    any previous file untouched.  The graph goes from the records to the file as
    sorted quads in bounded memory (:func:`kg.graph.quad_batches`,
    :mod:`kg.serialize`); ``result.dataset`` is made only if asked for.
    ``keep_records=False`` keeps no records in memory either (they wait in a temporary
    file between the nlp and graph stages; ``result.documents`` stays empty and
    ``result.dataset`` cannot be made): memory is bounded by the actor table, not by the
    corpus, which is how ``kg build`` runs.  ``incremental``: the records of the articles are
    kept beside ``output`` and the next build reads only new or changed articles
    (:mod:`kg.incremental`); the output is the same as a full build's.  Raises :class:`OutputError` (before reading the
    corpus) for an unknown format or an output that cannot be a file.
    """
    # kg.patch and kg.serialize (rdflib: 0.1 s) are imported once the nlp workers are
    # forked, which need neither: they start that much sooner
    output = Path(output)
    rdf_format = format_for(output, format)
    _check_output_location(output)
    # A second build of the same output fails now, not after an hour (when the folder
    # does not exist yet, the writer takes the lock when it creates it).
    lock = output_lock(output) if output.parent.is_dir() else contextlib.nullcontext()
    folder = spill.spill_folder(output)  # the spool and sorted runs go beside the output
    with lock, _RecordSpool(folder) as spool, Held() as held:
        cache = RecordCache(output, fingerprint(model, [Path(p) for p in kb_files])) if incremental else None
        traced = cache is not None and rdf_format in PATCHED_FORMATS  # the next build may patch this one
        patchable = traced and cache.known and not keep_records
        state: GraphState | None = None  # the last build's, read by load_state
        report = progress or _no_progress
        kept: dict[int, DocumentRecord] = {}  # by position in the corpus
        entity_lists: dict[int, list[Entity]] = {}
        read: dict[int, tuple[str, int]] = {}  # position -> identifier, words
        kept_words: dict[str, int] = {}
        deferred: dict[int, tuple[str, SourceText]] = {}  # kept documents a patch needs no record of
        fresh: dict[int, DocumentRecord] | None = None  # records for the patch

        def load_state() -> None:
            """The last build's graph state (0.17 s of a million words), read while the
            nlp worker starts rather than before it."""
            nonlocal state, kept_words, fresh
            from kg import patch  # looked up at call time so a stage can be replaced in tests

            state = patch.GraphState.load(cache.folder, output, cache.fingerprint, rdf_format)
            if state is not None:
                kept_words, fresh = state.words(), {}

        def keep(index: int, record: DocumentRecord | PackedRecord) -> None:
            nonlocal fresh
            entity_lists[index] = record.entities
            read[index] = record.identifier, record.words
            if fresh is not None:  # held for the patch, unless too many to patch (memory stays bounded)
                fresh[index] = whole(record)
                if len(fresh) > MOST_CHANGED * len(kept_words) + 1:
                    fresh = None
            if keep_records:
                kept[index] = whole(record)
            else:
                spool.put(index, record)

        def defer(index: int, key: str, source: SourceText) -> int | None:
            words = kept_words.get(key) if fresh is not None else None
            if words is not None:
                deferred[index] = key, source
            return words

        try:
            result = _extract(paths, model, kb_files, processes, report, options, article_seconds, cache, dask,
                              keep, defer if patchable else None, load_state if patchable else None, held)
            stats = result.stats
            patched = None
            if state is not None and fresh is not None:
                from kg import patch

                report("graph", stats.documents, stats.documents, stats.words)
                with _timed(stats, "graph"), held.paused():
                    corpus = [(result._article_keys[i], fresh.get(i)) for i in sorted({*deferred, *fresh})]
                    patched = patch.patch(state, output, corpus, cache.read, _Counts.counted, cache.folder)
            if patched is not None:
                stats.patched = True
                for key, _ in deferred.values():
                    cache.keep(key)
                result.entities = patched.entities
                result._records_kept = False
                counts = _Counts()
                for doc in patched.state.documents:
                    counts.add_counted(patched.state.counts(doc))
            else:
                fresh = None
                _take_deferred(deferred, cache, keep, result, model, kb_files, article_seconds)
                counts = _write_graph(result, output, rdf_format, processes, folder, keep_records, spool, kept,
                                      entity_lists, read, report, cache if traced else None, held)
            counts.finish(stats, result.entities)
            if cache is not None:
                cache.save()
        except BaseException:
            if cache is not None:
                cache.discard()
            raise
    stats.output, stats.output_bytes = output, output.stat().st_size
    return result


def _take_deferred(deferred: dict[int, tuple[str, SourceText]], cache: RecordCache | None,
                   keep: Callable[[int, DocumentRecord | PackedRecord], None], result: BuildResult, model: str | None,
                   kb_files: Iterable[str | os.PathLike[str]], article_seconds: float | None) -> None:
    """Load the kept records a patch would have done without (it could not patch): an
    article whose record cannot be read back is read again."""
    if not deferred:
        return
    assert cache is not None
    reread = _Rereader(model, [Path(p) for p in kb_files], article_seconds,
                       functools.partial(_given_up, result.stats, result.skipped))
    for index, (key, source) in sorted(deferred.items()):
        record = cache.get(key)
        if record is None:
            record = reread(source)
            if record is None:
                continue
            cache.put(key, record)
        keep(index, record)


def _write_graph(result: BuildResult, output: Path, rdf_format: str, processes: int, folder: Path | None,
                 keep_records: bool, spool: _RecordSpool, kept: dict[int, DocumentRecord],
                 entity_lists: dict[int, list[Entity]], read: dict[int, tuple[str, int]],
                 report: ProgressCallback, cache: RecordCache | None, held: Held) -> _Counts:
    """The resolve, graph and serialize stages of every record; with ``cache``, the
    state a later build patches is kept beside the output (:mod:`kg.patch`).  Returns
    the summary's counts."""
    from kg import graph, resolve, serialize, shards  # looked up at call time so a stage can be replaced in tests

    stats = result.stats
    traced = cache is not None
    report("resolve", stats.documents, stats.documents, stats.words)
    with _timed(stats, "resolve"), held.paused():
        resolution = resolve.Resolution(entity_lists[i] for i in sorted(entity_lists))
    result.entities = resolution.entities
    counts = _Counts(traced)
    result.documents = [kept[i] for i in sorted(kept)]
    kept.clear()
    result._records_kept = keep_records
    report("graph", stats.documents, stats.documents, stats.words)
    if shards.can_split(rdf_format, processes):  # the graph stage in the workers too
        with _timed(stats, "graph"), held.paused():
            if keep_records:
                documents = result.documents
                for record in documents:
                    resolution.apply(record)
                runs = shards.make_runs(lambda start, stop: documents[start:stop], len(documents),
                                        result.entities, counts, processes, folder, traced)
            else:
                spool.seal()
                runs = shards.make_runs(
                    lambda start, stop: map(resolution.apply, spool.records(start, stop)),
                    len(spool), result.entities, counts, processes, folder, traced)
        with runs:
            report("serialize", stats.documents, stats.documents, stats.words)
            with _timed(stats, "serialize"), held.paused():
                shards.write(runs, output, rdf_format)
        builder = runs.builder
    else:
        def resolved() -> Iterator[DocumentRecord]:  # records with merged keys, counted
            for record in (result.documents if keep_records else spool.records(0, len(spool))):
                counts.add(resolution.apply(record))
                yield record

        builder = graph.QuadBuilder(traced)
        with _timed(stats, "graph"), held.paused():
            keys = serialize.sort_quads(graph.quad_batches(resolved(), result.entities, builder), rdf_format,
                                        folder)
        with keys:
            report("serialize", stats.documents, stats.documents, stats.words)
            with _timed(stats, "serialize"):
                serialize.write_sorted(keys, output, rdf_format, checked=True)
    if cache is not None:
        from kg import patch

        assert builder.traces is not None and counts.documents is not None
        state = patch.GraphState(cache.fingerprint, rdf_format, resolution.mapping, result.entities)
        for i, trace, counted in zip(sorted(entity_lists), builder.traces, counts.documents, strict=True):
            state.add(patch.DocumentState(result._article_keys[i], *read[i], entity_lists[i], trace, counted))
        state.save(cache.folder, output)
    return counts


class _RecordSpool:
    """Records waiting between the nlp and graph stages in an anonymous temporary file
    (the system removes it when it is closed, even if the process is killed), as
    :func:`kg.records.record_values` (:mod:`kg.spill`): twice as fast as pickling the
    records.  Records are put in any order, each with its position in the corpus, and
    read back in that order.  Their entities stay in memory (the build holds them for
    the resolve stage anyway), not in the file: a third of a record's bytes, written and
    read back for nothing."""

    def __init__(self, folder: Path | None) -> None:
        self._folder = folder
        self._file: BinaryIO | None = None
        self._at: dict[int, int] = {}  # position in the corpus -> offset in the file
        self._entities: dict[int, list[Entity]] = {}  # position in the corpus -> the record's entities
        self._order: list[int] | None = None  # the positions in corpus order, once read

    def put(self, index: int, record: DocumentRecord | PackedRecord) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile(dir=self._folder, prefix=".kg-records-")
        if isinstance(record, PackedRecord):  # a worker's bytes (without the entities) are the spool's
            self._at[index] = spill.dump_marshalled(record.data, self._file)
        else:
            self._at[index] = spill.dump(record_values(record, entities=False), self._file)
        self._entities[index] = record.entities
        self._order = None

    def __len__(self) -> int:
        return len(self._at)

    def seal(self) -> None:
        """Write out what is buffered: forked workers then read the file (:meth:`records`)."""
        if self._file is not None:
            self._file.flush()

    def records(self, start: int, stop: int) -> Iterator[DocumentRecord]:
        """The records ``start`` to ``stop - 1`` (in corpus order), read at their offsets."""
        if self._order is None:
            self._order = sorted(self._at)
        for i in self._order[start:stop]:
            yield record_from_values(spill.value_at(self._file, self._at[i]), self._entities[i])

    def __enter__(self) -> _RecordSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()


def _check_output_location(output: Path) -> None:
    """Fail before the long work if ``output`` can never be written.

    Nothing is created here (serialize makes the folder when it writes), so a
    build that fails early leaves no trace.
    """
    if output.is_dir():
        raise OutputError(f"output is a directory: {output}")
    existing = output.absolute().parent
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"cannot write {output}: {existing} is not a directory")
    if not os.access(existing, os.W_OK):
        raise OutputError(f"cannot write {output}: {existing} is not writable")


def _count(stats: BuildStats, documents: list[DocumentRecord],
           entities: dict[str, Entity]) -> None:
    counts = _Counts()
    for doc in documents:
        counts.add(doc)
    counts.finish(stats, entities)


class _Counts:
    """The summary's counts, taken one record at a time (records with merged keys)."""

    def __init__(self, traced: bool = False) -> None:
        self.triples: set[tuple[str, str, str]] = set()
        self.assertions: Counter[str] = Counter()
        self.negative = self.direct = self.reported = 0
        #: each document's :meth:`counted`, in document order, if ``traced`` (:mod:`kg.patch` keeps them)
        self.documents: list[list] | None = [] if traced else None

    @staticmethod
    def counted(doc: DocumentRecord) -> list:
        """One document's counts, as plain values: [fact triples, assertions by relation,
        negative assertions, direct statements, reported statements]."""
        triples = [[f.subject, f.predicate, f.object] for f in doc.facts if not f.negated]
        direct = sum(1 for s in doc.statements if s.direct)
        return [triples, dict(Counter(f.predicate for f in doc.facts)), len(doc.facts) - len(triples),
                direct, len(doc.statements) - direct]

    def add(self, doc: DocumentRecord) -> None:
        self.add_counted(self.counted(doc))

    def add_counted(self, counted: list) -> None:
        """Add one document's :meth:`counted` counts."""
        triples, assertions, negative, direct, reported = counted
        self.triples.update(map(tuple, triples))
        self.assertions.update(assertions)
        self.negative += negative
        self.direct += direct
        self.reported += reported
        if self.documents is not None:
            self.documents.append(counted)

    def merge(self, other: _Counts) -> None:
        """Add the counts of other documents (a graph worker's, :mod:`kg.shards`), which come after these."""
        self.triples |= other.triples
        self.assertions.update(other.assertions)
        self.negative += other.negative
        self.direct += other.direct
        self.reported += other.reported
        if self.documents is not None and other.documents is not None:
            self.documents.extend(other.documents)

    def finish(self, stats: BuildStats, entities: dict[str, Entity]) -> None:
        by_type = Counter(e.type for e in entities.values())
        stats.entities_by_type = {t: by_type[t] for t in ENTITY_TYPES if by_type[t]}
        stats.entities_by_type.update({t: n for t, n in sorted(by_type.items())
                                       if t not in ENTITY_TYPES})
        stats.negative_assertions += self.negative
        stats.statements_direct += self.direct
        stats.statements_reported += self.reported
        facts = Counter(predicate for _, predicate, _ in self.triples)
        assertions = self.assertions
        order = list(RELATIONS) + sorted(set(assertions) - set(RELATIONS))
        stats.facts_by_relation = {r: facts[r] for r in order if assertions[r]}
        stats.assertions_by_relation = {r: assertions[r] for r in order if assertions[r]}


class _timed:
    """Context manager adding the wall time of a block to ``stats.stage_seconds[stage]``."""

    def __init__(self, stats: BuildStats, stage: str) -> None:
        self.stats, self.stage = stats, stage

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        spent = time.perf_counter() - self.start
        self.stats.stage_seconds[self.stage] = self.stats.stage_seconds.get(self.stage, 0.0) + spent


def _spare_core() -> bool:
    """Whether this process may use more than one core (workers then run beside it)."""
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
    return len(cores) > 1


def _no_progress(stage: str, done: int, total: int, words: int) -> None:
    pass
