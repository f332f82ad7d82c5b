"""Old import paths (kg.corpus, kg.export.command) run the code kg build and kg export run."""
from __future__ import annotations

from kg import corpus
from kg.ingest import read_corpus


def test_old_path_decodes_as_the_text_reader():
    text = corpus._decode_article("\ufeffMinister Tarsk Odelly spoke.\r\nVelor was quiet.\r\n".encode())
    assert text == "Minister Tarsk Odelly spoke.\nVelor was quiet.\n"


def test_old_path_gives_the_reason_a_file_is_skipped():
    for data, reason in ((b"   \n", "empty file"), (b"Velor\x00\x01\x02", "binary file (contains NUL bytes)")):
        found = corpus._decode_article(data)
        assert isinstance(found, corpus._Reason)
        assert found.text == reason


def test_old_path_reads_the_corpus_with_the_new_reader():
    assert corpus.read_corpus is read_corpus


def test_old_export_path_is_the_writer_kg_export_runs():
    from kg.export import command, write

    assert command.write is write
