"""kg.incremental: a rebuild reads only new or changed articles and writes what a full build writes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from graph_records import sample_records

from kg.build import _spare_core, build
from kg.incremental import RecordCache, article_key, fingerprint
from kg.records import SourceText

SEEDS = Path(__file__).resolve().parent.parent / "corpus"


def corpus_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def full_build(corpus: Path, tmp_path: Path) -> bytes:
    out = tmp_path / "full" / "graph.trig"
    build([corpus], out, incremental=False)
    return out.read_bytes()


def test_a_rebuild_reads_only_what_changed_and_writes_the_full_builds_bytes(tmp_path):
    corpus = corpus_copy(tmp_path)
    out = tmp_path / "out" / "graph.trig"
    first = build([corpus], out)
    assert first.stats.reused == 0 and first.stats.full_reason is None

    changed, removed = sorted(corpus.glob("*.txt"))[:2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe Velorian Union said it would join the talks.\n",
                       encoding="utf-8")
    removed.unlink()
    (corpus / "new.txt").write_text("Velorian talks\n\nMinister Tarsk Odelly of the Velorian Union met "
                                    "the CSTO in Moscow on Monday.\n", encoding="utf-8")
    again = build([corpus], out)
    assert again.stats.reused == 3  # five seeds, one changed, one removed; the new one read
    assert again.stats.documents == 5
    assert out.read_bytes() == full_build(corpus, tmp_path)
    records = out.parent / ".graph.trig.records"
    assert len(list(records.glob("*.json"))) == 5 + 1  # one per article, and the manifest


def test_a_changed_knowledge_base_reads_every_article_again_and_says_why(tmp_path):
    corpus = corpus_copy(tmp_path)
    out = tmp_path / "out" / "graph.trig"
    build([corpus], out)
    kb = tmp_path / "extra.toml"
    kb.write_text('[[actor]]\nid = "velor"\ntype = "Organization"\nname = "Velorian Union"\n', encoding="utf-8")
    again = build([corpus], out, kb_files=[kb])
    assert again.stats.reused == 0
    assert again.stats.full_reason == "kg's code, data, knowledge base or model changed since the last build"
    third = build([corpus], out, kb_files=[kb])
    assert third.stats.reused == 5 and third.stats.full_reason is None


def test_a_damaged_record_is_read_again(tmp_path):
    corpus = corpus_copy(tmp_path)
    out = tmp_path / "out" / "graph.trig"
    build([corpus], out)
    expected = out.read_bytes()
    damaged = next(p for p in (out.parent / ".graph.trig.records").glob("*.json") if p.name != "manifest.json")
    damaged.write_text('{"identifier": ', encoding="utf-8")
    again = build([corpus], out)
    assert again.stats.reused == 4
    assert out.read_bytes() == expected


def test_many_damaged_records_are_read_again_with_one_pipeline(tmp_path, monkeypatch):
    import kg.nlp

    corpus = corpus_copy(tmp_path)
    out = tmp_path / "out" / "graph.trig"
    build([corpus], out)
    expected = out.read_bytes()
    for record in (out.parent / ".graph.trig.records").glob("*.json"):
        if record.name != "manifest.json":
            record.write_text("[", encoding="utf-8")
    made = []
    real = kg.nlp.make_pipeline
    monkeypatch.setattr("kg.nlp.make_pipeline", lambda *args: made.append(args) or real(*args))
    again = build([corpus], out)
    assert (again.stats.reused, again.stats.documents, len(made)) == (0, 5, 1)
    assert out.read_bytes() == expected


def test_a_kept_record_reads_back_equal(tmp_path):
    cache = RecordCache(tmp_path / "g.trig", "f")
    records = sample_records()
    for i, record in enumerate(records):
        cache.put(f"k{i}", record)
    cache.save()
    again = RecordCache(tmp_path / "g.trig", "f")
    assert [again.get(f"k{i}") for i in range(len(records))] == records


def test_records_of_another_layout_are_read_again(tmp_path):
    """A record file of another shape (an older kg's JSON object) is no record: the
    article is read again, never misread."""
    cache = RecordCache(tmp_path / "g.trig", "f")
    cache.put("k", sample_records()[0])
    cache.save()
    (cache.folder / "k.json").write_text('{"identifier": "a.txt", "title": "T"}', encoding="utf-8")
    assert RecordCache(tmp_path / "g.trig", "f").get("k") is None


def test_the_record_layout_is_part_of_the_fingerprint(monkeypatch):
    import kg.incremental

    before = fingerprint(None, [])
    monkeypatch.setattr(kg.incremental, "RECORD_LAYOUT", kg.incremental.RECORD_LAYOUT + 1)
    assert fingerprint(None, []) != before


def test_the_key_of_an_article_covers_its_metadata():
    plain = SourceText("a.txt", "Title\n\nBody.")
    assert article_key(plain) == article_key(SourceText("a.txt", "Title\n\nBody."))
    assert article_key(plain) != article_key(SourceText("a.txt", "Title\n\nBody.", url="https://example.org/a"))
    assert article_key(plain) != article_key(SourceText("b.txt", "Title\n\nBody."))


def test_no_records_are_kept_for_an_empty_cache(tmp_path):
    cache = RecordCache(tmp_path / "graph.trig", fingerprint(None, []))
    cache.save()
    assert not (tmp_path / ".graph.trig.records").exists()


def test_records_are_kept_as_read_so_a_new_article_can_undo_a_merge(tmp_path):
    # "President Quennel" is merged into the one Quennel of the corpus, Arvid; once an
    # article names a second Quennel the surname points to no one, in a rebuild too
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks in Velor\n\nForeign Minister Arvid Quennel met the CSTO in Moscow. "
                                  "Quennel said the talks were useful.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("More talks\n\nPresident Quennel said on Monday that the CSTO would meet "
                                  "again.\n", encoding="utf-8")
    out = tmp_path / "out" / "graph.trig"
    first = build([corpus], out)
    assert "id/person/quennel>" not in out.read_text(encoding="utf-8")
    assert first.stats.entities_by_type["Person"] == 1
    (corpus / "c.txt").write_text("Other talks\n\nDefence Minister Bertil Quennel met the CSTO in Minsk.\n",
                                  encoding="utf-8")
    again = build([corpus], out)
    assert again.stats.reused == 2
    assert "id/person/quennel>" in out.read_text(encoding="utf-8")
    assert out.read_bytes() == full_build(corpus, tmp_path)


def test_a_failed_build_leaves_the_last_builds_records_alone(tmp_path, monkeypatch):
    corpus = corpus_copy(tmp_path)
    out = tmp_path / "out" / "graph.trig"
    build([corpus], out)
    records = out.parent / ".graph.trig.records"
    before = sorted(p.name for p in records.iterdir())
    (corpus / "new.txt").write_text("Velorian talks\n\nThe CSTO met in Moscow on Monday.\n", encoding="utf-8")

    def explode(*args, **kwargs):
        raise RuntimeError("stage failed")

    monkeypatch.setattr("kg.graph.quad_batches", explode)
    with pytest.raises(RuntimeError, match="stage failed"):
        build([corpus], out)
    assert sorted(p.name for p in records.iterdir()) == before  # the new article's record is gone


def test_a_rebuild_of_unchanged_articles_never_imports_spacy(tmp_path):
    import subprocess
    import sys

    corpus = corpus_copy(tmp_path)
    out = tmp_path / "out" / "graph.trig"
    build([corpus], out)
    script = ("import sys; from kg.build import build; "
              f"result = build([{str(corpus)!r}], {str(out)!r}); "
              "print(result.stats.reused, 'spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["5", "False"]


@pytest.mark.skipif(not _spare_core(), reason="the early worker needs a core to spare")
def test_a_rebuild_reads_a_changed_article_in_a_worker_started_before_the_corpus_is_read(tmp_path):
    import subprocess
    import sys

    corpus = corpus_copy(tmp_path)
    out = tmp_path / "out" / "graph.trig"
    build([corpus], out)
    changed = sorted(corpus.glob("*.txt"))[2]  # in the middle: the kept records around it come first
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe Velorian Union said it would join the talks.\n",
                       encoding="utf-8")
    script = ("import sys; from kg.build import build; "
              f"result = build([{str(corpus)!r}], {str(out)!r}); "
              "print(result.stats.reused, 'spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["4", "False"]  # the worker imported spaCy, the build process did not
    assert out.read_bytes() == full_build(corpus, tmp_path)
